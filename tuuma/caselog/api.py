"""``/api/v1/caselogs``: list, upload (multipart), import status and analysis.

The same actions, permissions and filters as the pages: only case-log staff of
the organisation; another organisation's log is a 404.
"""

from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import api_view, parser_classes
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from tuuma.api.access import api_requires
from tuuma.api.pagination import StandardPagination
from tuuma.api.schema import page_of
from tuuma.api.serializers import JobSerializer
from tuuma.caselog import actions, storage
from tuuma.caselog.engine import (
    LogImportError,
    bottlenecks,
    dfg,
    overview,
    rework,
    throughput,
    variants,
)
from tuuma.caselog.engine.analysis.bottlenecks import MIN_CASES
from tuuma.caselog.errors import import_error_text
from tuuma.caselog.forms import TIME_MODE_CHOICES, FilterForm, LogFileField
from tuuma.caselog.logs import open_version, view_of
from tuuma.caselog.models import CaseLog, CaseLogImport
from tuuma.caselog.pageforms import BottleneckForm
from tuuma.caselog.sniffing import check_upload
from tuuma.jobs.models import Job
from tuuma.organisation.models import ServiceArea

TAGS = ["caselogs"]
ANALYSES = {
    "overview": lambda view: overview(view),
    "throughput": lambda view: throughput(view),
    "dfg": lambda view: dfg(view),
    "variants": lambda view: variants(view, top=20),
    "bottlenecks": lambda view: bottlenecks(view),
    "rework": lambda view: rework(view),
}


class VersionSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    source_name = serializers.CharField()
    source_format = serializers.CharField()
    cases = serializers.IntegerField()
    events = serializers.IntegerField()
    first_event_at = serializers.DateTimeField()
    last_event_at = serializers.DateTimeField()
    imported_at = serializers.DateTimeField()


class CaseLogSerializer(serializers.ModelSerializer):
    current_version = VersionSerializer(read_only=True)
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = CaseLog
        fields = [
            "id",
            "url",
            "name",
            "source_system",
            "description",
            "service_area",
            "pseudonymised",
            "current_version",
        ]


class UploadSerializer(serializers.Serializer):
    file = serializers.FileField()
    caselog = serializers.IntegerField(
        required=False, help_text="Import as a new version of this log"
    )
    name = serializers.CharField(max_length=200, required=False, default="")
    source_system = serializers.CharField(max_length=200, required=False, default="")
    description = serializers.CharField(required=False, default="")
    service_area = serializers.IntegerField(required=False)
    pseudonymise = serializers.BooleanField(required=False, default=False)
    case_column = serializers.CharField(required=False)
    activity_column = serializers.CharField(required=False)
    timestamp_column = serializers.CharField(required=False)
    resource_column = serializers.CharField(required=False, default="")
    start_column = serializers.CharField(
        required=False, default="", help_text="Optional activity start time column"
    )
    timezone = serializers.CharField(
        required=False,
        default="",
        help_text="IANA time zone of timestamps without an offset "
        "(default: the organisation's, Europe/Helsinki)",
    )
    encoding = serializers.ChoiceField(
        choices=["", "utf-8", "cp1252", "iso-8859-15", "utf-16"],
        required=False,
        default="",
        help_text="CSV text encoding (default: detected)",
    )
    sheet = serializers.CharField(
        required=False, default="", help_text="XLSX sheet (default: the first)"
    )

    def validate_timezone(self, value: str) -> str:
        from tuuma.caselog.engine.reading.timestamps import (  # noqa: PLC0415
            check_timezone,
        )

        try:
            return check_timezone(value) if value else value
        except ValueError as error:
            raise serializers.ValidationError(str(error)) from error

    def validate_file(self, file):
        from django import forms  # noqa: PLC0415

        try:
            return LogFileField().clean(file)
        except forms.ValidationError as error:
            raise serializers.ValidationError(error.messages) from error

    def validate(self, data: dict) -> dict:
        if not data.get("caselog") and not data.get("name"):
            raise serializers.ValidationError({"name": "A new log needs a name."})
        return data


class ImportSerializer(serializers.Serializer):
    job = JobSerializer()
    status_url = serializers.CharField()
    caselog = serializers.IntegerField(allow_null=True)


def _import_status(request: Request, job: Job) -> dict:
    caselog_id = None
    if job.status == "succeeded":
        caselog_id = (
            CaseLog.objects.filter(
                organisation=request.organisation,
                versions__import_key=f"job-{job.pk}",
            )
            .values_list("pk", flat=True)
            .first()
        )
    return {
        "job": JobSerializer(job).data,
        "status_url": f"/api/v1/caselogs/imports/{job.pk}",
        "caselog": caselog_id,
    }


@extend_schema(
    operation_id="caselogs_list",
    summary="Case logs of the organisation (case-log staff)",
    parameters=[OpenApiParameter("page", int), OpenApiParameter("page_size", int)],
    responses={200: page_of(CaseLogSerializer)},
    tags=TAGS,
    methods=["GET"],
)
@extend_schema(
    operation_id="caselogs_upload",
    summary="Upload a log (XES, CSV or Parquet) to import in the background",
    request={"multipart/form-data": UploadSerializer},
    responses={202: ImportSerializer},
    tags=TAGS,
    methods=["POST"],
)
@api_view(["GET", "POST"])
@parser_classes([MultiPartParser, FormParser])
@api_requires({"GET": "caselog.view", "POST": "caselog.upload"})
def caselogs(request: Request) -> Response:
    if request.method == "GET":
        found = CaseLog.objects.filter(
            organisation=request.organisation, current_version__isnull=False
        ).select_related("current_version")
        paginator = StandardPagination()
        page = paginator.paginate_queryset(found, request)
        return paginator.get_paginated_response(CaseLogSerializer(page, many=True).data)
    serializer = UploadSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    data = serializer.validated_data
    caselog = area = None
    if data.get("caselog"):
        caselog = get_object_or_404(
            CaseLog, pk=data["caselog"], organisation=request.organisation
        )
    if data.get("service_area"):
        area = get_object_or_404(
            ServiceArea, pk=data["service_area"], organisation=request.organisation
        )
    columns = {
        key: data[key]
        for key in (
            "case_column",
            "activity_column",
            "timestamp_column",
            "start_column",
        )
        if data.get(key)
    }
    upload = storage.save_upload(request.organisation.pk, data["file"])
    try:
        check_upload(upload, max_uncompressed=storage.max_uncompressed_bytes())
    except LogImportError as error:
        storage.remove_upload(upload)
        raise serializers.ValidationError(
            {"file": [import_error_text(error)]}
        ) from None
    job = actions.caselog_upload(
        organisation=request.organisation,
        by=request.user,
        upload=upload,
        caselog=caselog,
        name=data["name"],
        source_system=data["source_system"],
        description=data["description"],
        service_area=area,
        pseudonymise=caselog.pseudonymised if caselog else data["pseudonymise"],
        columns=columns,
        resource_column=data["resource_column"],
        timezone=data["timezone"],
        encoding=data["encoding"],
        sheet=data["sheet"],
    )
    return Response(_import_status(request, job), status=status.HTTP_202_ACCEPTED)


@extend_schema(
    operation_id="caselogs_import_status",
    summary="Progress and outcome of a log import you started",
    responses={200: ImportSerializer},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("jobs.view", load=CaseLogImport, kwarg="job_id")
def import_status(request: Request, job: CaseLogImport) -> Response:
    return Response(_import_status(request, job))


def _with_version(caselog: CaseLog) -> CaseLog:
    """A log still being imported for the first time has nothing to show yet."""
    if caselog.current_version is None:
        raise Http404
    return caselog


@extend_schema(
    operation_id="caselogs_read",
    summary="One case log with its current version",
    responses={200: CaseLogSerializer},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("caselog.view", load=CaseLog)
def caselog_detail(request: Request, caselog: CaseLog) -> Response:
    return Response(CaseLogSerializer(_with_version(caselog)).data)


@extend_schema(
    operation_id="caselogs_analysis",
    summary="Figures of a log under a case filter (the pages' filters)",
    parameters=[
        OpenApiParameter("start", str, description="First day, YYYY-MM-DD"),
        OpenApiParameter("end", str, description="Day after the last, YYYY-MM-DD"),
        OpenApiParameter("mode", str, enum=[c[0] for c in TIME_MODE_CHOICES]),
        OpenApiParameter("attribute", str, description="Case attribute to filter on"),
        OpenApiParameter("value", str, description="Its accepted values, | between"),
        OpenApiParameter("activity", str, description="Cases with this activity"),
        OpenApiParameter("without", str, description="Cases without this activity"),
        OpenApiParameter("variant", int, description="Cases of this variant"),
        OpenApiParameter(
            "include",
            str,
            description="Comma-separated: " + ", ".join(ANALYSES),
        ),
        OpenApiParameter(
            "min_cases",
            int,
            description="Bottlenecks: rank only transitions seen in at least "
            f"this many cases (default {MIN_CASES})",
        ),
    ],
    responses={
        200: inline_serializer(
            "CaseLogAnalysis",
            {
                "filter": serializers.DictField(),
                "overview": serializers.DictField(required=False),
                "throughput": serializers.DictField(required=False),
                "dfg": serializers.ListField(required=False),
                "variants": serializers.DictField(required=False),
                "bottlenecks": serializers.DictField(required=False),
                "rework": serializers.ListField(required=False),
            },
        )
    },
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("caselog.view", load=CaseLog)
def analysis(request: Request, caselog: CaseLog) -> Response:
    version = _with_version(caselog).current_version
    query: QueryDict = request.query_params
    form = FilterForm(
        query,
        attributes=version.case_attributes,
        activities=open_version(version).activity_names,
    )
    minimum = BottleneckForm(query)
    if not form.is_valid() or not minimum.is_valid():
        errors = {**form.errors, **minimum.errors}
        return Response(errors, status=status.HTTP_400_BAD_REQUEST)
    view = view_of(version, form.case_filter())
    wanted = [
        name.strip()
        for name in query.get("include", "overview,throughput").split(",")
        if name.strip() in ANALYSES
    ]
    result = {"filter": view.filter.to_dict()}
    for name in wanted:
        if name == "bottlenecks":
            result[name] = bottlenecks(view, min_cases=minimum.min_cases_or_default())
        else:
            result[name] = ANALYSES[name](view)
    return Response(result)
