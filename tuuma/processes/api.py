"""``/api/v1/processes``: the catalogue (list and tree), a process with its
versions, a version with its steps and VSM figures, and the annual reviews.

The same visibility as the pages: staff read every process, everybody else
the published ones in use; another organisation's process is a 404.
"""

from dataclasses import asdict

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tuuma.api.access import api_public, api_requires
from tuuma.api.pagination import StandardPagination
from tuuma.api.schema import page_of
from tuuma.processes.maps import version_map
from tuuma.processes.models import Process, Review
from tuuma.processes.views.common import version_of

TAGS = ["processes"]


class ProcessSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True)
    status = serializers.CharField(help_text="draft, in_use or retired")
    owner_name = serializers.SerializerMethodField()
    deputy_name = serializers.SerializerMethodField()

    class Meta:
        model = Process
        fields = [
            "id",
            "url",
            "code",
            "name",
            "level",
            "service_area",
            "parent",
            "status",
            "is_core",
            "is_published",
            "owner_name",
            "deputy_name",
        ]

    def get_owner_name(self, process: Process) -> str:
        return process.owner.get_full_name() if process.owner else ""

    def get_deputy_name(self, process: Process) -> str:
        return process.deputy.get_full_name() if process.deputy else ""


class ProcessVersionSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    state = serializers.CharField()
    measure = serializers.IntegerField(source="measure_id", allow_null=True)
    go_live = serializers.DateField(allow_null=True)


class ProcessDetailSerializer(ProcessSerializer):
    versions = ProcessVersionSummarySerializer(many=True, read_only=True)

    class Meta(ProcessSerializer.Meta):
        fields = [
            *ProcessSerializer.Meta.fields,
            "description",
            "suppliers",
            "inputs",
            "outputs",
            "customers",
            "case_types",
            "systems",
            "versions",
        ]


class ProcessTreeNodeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()
    level = serializers.CharField()
    children = serializers.ListField(
        child=serializers.DictField(), help_text="Nodes of the same shape"
    )


class ProcessTreeAreaSerializer(serializers.Serializer):
    service_area = serializers.IntegerField()
    name = serializers.CharField()
    processes = ProcessTreeNodeSerializer(many=True)


class ProcessStepLogSerializer(serializers.Serializer):
    activities = serializers.ListField(child=serializers.CharField())
    wait_median_days = serializers.FloatField(allow_null=True)
    wait_p90_days = serializers.FloatField(allow_null=True)
    wait_n = serializers.IntegerField()
    cases = serializers.IntegerField()
    volume_per_year = serializers.FloatField(allow_null=True)
    rework_share = serializers.FloatField(allow_null=True)
    rework_cases = serializers.IntegerField()


class ProcessStepSerializer(serializers.Serializer):
    position = serializers.IntegerField()
    name = serializers.CharField()
    performer_role = serializers.CharField()
    responsible = serializers.CharField()
    accountable = serializers.CharField()
    consulted = serializers.CharField()
    informed = serializers.CharField()
    systems = serializers.CharField()
    documents = serializers.CharField()
    handoffs = serializers.IntegerField()
    value_class = serializers.CharField()
    legal_basis = serializers.CharField()
    wastes = serializers.ListField(child=serializers.CharField())
    pt_minutes = serializers.FloatField()
    lt_minutes = serializers.FloatField(help_text="Typed lead time")
    effective_lt_minutes = serializers.FloatField(
        help_text="Lead time used in the figures (from the log where it has data)"
    )
    pct_ca = serializers.FloatField(allow_null=True)
    parallel_group = serializers.CharField()
    branch = serializers.CharField()
    activities = serializers.ListField(child=serializers.CharField())
    estimate = serializers.BooleanField()
    critical = serializers.BooleanField()
    log = ProcessStepLogSerializer(allow_null=True)


class ProcessFiguresSerializer(serializers.Serializer):
    total_pt_minutes = serializers.FloatField()
    total_lt_minutes = serializers.FloatField()
    total_lt_working_days = serializers.FloatField()
    va_minutes = serializers.FloatField()
    activity_ratio = serializers.FloatField(allow_null=True)
    rolled_pct_ca = serializers.FloatField(allow_null=True)
    pce = serializers.FloatField(allow_null=True)
    takt_minutes = serializers.FloatField(allow_null=True)
    log_cases = serializers.IntegerField(allow_null=True)


class ProcessVersionSerializer(ProcessVersionSummarySerializer):
    process = serializers.IntegerField(source="process_id")
    future_of = serializers.IntegerField(source="future_of_id", allow_null=True)
    minutes_per_working_day = serializers.IntegerField()
    demand_per_year = serializers.IntegerField(allow_null=True)
    target_lead_time_days = serializers.FloatField(allow_null=True)
    figures = ProcessFiguresSerializer()
    steps = ProcessStepSerializer(many=True)


class ProcessReviewSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True)
    status = serializers.CharField(help_text="scheduled or done")

    class Meta:
        model = Review
        fields = [
            "id",
            "url",
            "process",
            "year",
            "due_date",
            "status",
            "held_on",
            "participants",
            "findings",
            "decisions",
            "owner_ack_at",
            "lead_ack_at",
        ]


def _visible(request: Request):
    return Process.objects.visible_to(request.user, request.organisation)


@extend_schema(
    operation_id="processes_list",
    summary="Processes of the catalogue visible to you",
    parameters=[
        OpenApiParameter("q", str, description="Search in code, name, description"),
        OpenApiParameter("area", int, description="Service area id"),
        OpenApiParameter("page", int),
        OpenApiParameter("page_size", int),
    ],
    responses={200: page_of(ProcessSerializer)},
    tags=TAGS,
)
@api_view(["GET"])
@api_public
def processes(request: Request) -> Response:
    found = _visible(request).select_related("owner", "deputy")
    if query := request.query_params.get("q", "").strip():
        found = found.search(query)
    area = request.query_params.get("area", "")
    if area.isdigit():
        found = found.filter(service_area_id=int(area))
    paginator = StandardPagination()
    page = paginator.paginate_queryset(found, request)
    return paginator.get_paginated_response(ProcessSerializer(page, many=True).data)


@extend_schema(
    operation_id="processes_tree",
    summary="The catalogue as a tree: service area, process group, process, sub-process",
    responses={200: ProcessTreeAreaSerializer(many=True)},
    tags=TAGS,
)
@api_view(["GET"])
@api_public
def tree(request: Request) -> Response:
    found = list(_visible(request).select_related("service_area"))
    ids = {p.pk for p in found}
    children: dict = {}
    for process in found:
        parent = process.parent_id if process.parent_id in ids else None
        children.setdefault(parent, []).append(process)

    def node(process: Process) -> dict:
        return {
            "id": process.pk,
            "code": process.code,
            "name": process.name,
            "level": process.level,
            "children": [node(c) for c in children.get(process.pk, [])],
        }

    areas: dict = {}
    for process in children.get(None, []):
        area = areas.setdefault(
            process.service_area_id,
            {
                "service_area": process.service_area_id,
                "name": process.service_area.localized_name,
                "processes": [],
            },
        )
        area["processes"].append(node(process))
    return Response(list(areas.values()))


@extend_schema(
    operation_id="processes_read",
    summary="One process with its versions",
    responses={200: ProcessDetailSerializer},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("processes.view", load=Process)
def process_detail(request: Request, process: Process) -> Response:
    return Response(ProcessDetailSerializer(process).data)


def _version_data(version) -> dict:
    vmap = version_map(version)
    result = vmap.figures
    steps = []
    for row in vmap.rows:
        step = row.step
        data = {
            name: getattr(step, name)
            for name in ProcessStepSerializer().fields
            if hasattr(step, name)
        }
        data.update(
            effective_lt_minutes=row.block.lt,
            estimate=row.estimate,
            critical=row.critical,
            log=asdict(row.log) if row.log else None,
        )
        steps.append(data)
    return {
        "id": version.pk,
        "name": version.name,
        "state": version.state,
        "measure_id": version.measure_id,
        "go_live": version.go_live,
        "process_id": version.process_id,
        "future_of_id": version.future_of_id,
        "minutes_per_working_day": version.minutes_per_working_day,
        "demand_per_year": version.demand_per_year,
        "target_lead_time_days": version.target_lead_time_days,
        "figures": {
            "total_pt_minutes": result.total_pt,
            "total_lt_minutes": result.total_lt,
            "total_lt_working_days": result.total_lt_days,
            "va_minutes": result.va_time,
            "activity_ratio": result.activity_ratio,
            "rolled_pct_ca": result.rolled_pct_ca,
            "pce": result.pce,
            "takt_minutes": result.takt,
            "log_cases": vmap.log_cases,
        },
        "steps": steps,
    }


@extend_schema(
    operation_id="processes_version_read",
    summary="A version: its steps (with case-log figures) and VSM figures",
    responses={200: ProcessVersionSerializer},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("processes.view", load=Process)
def version_detail(request: Request, process: Process, version_id: int) -> Response:
    version = version_of(process, version_id)
    return Response(ProcessVersionSerializer(_version_data(version)).data)


@extend_schema(
    operation_id="processes_reviews_list",
    summary="Annual reviews of the organisation's processes (staff)",
    parameters=[
        OpenApiParameter("status", str, enum=["", "scheduled", "done"]),
        OpenApiParameter("page", int),
        OpenApiParameter("page_size", int),
    ],
    responses={200: page_of(ProcessReviewSerializer)},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("processes.view_all")
def reviews(request: Request) -> Response:
    found = Review.objects.filter(organisation=request.organisation)
    status = request.query_params.get("status", "")
    if status in {"scheduled", "done"}:
        found = found.filter(status=status)
    paginator = StandardPagination()
    page = paginator.paginate_queryset(found.order_by("due_date", "pk"), request)
    return paginator.get_paginated_response(
        ProcessReviewSerializer(page, many=True).data
    )
