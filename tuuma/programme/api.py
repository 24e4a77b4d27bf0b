"""``/api/v1/goals`` and ``/api/v1/measures``: the programme through the same actions
as the pages. Everyone sees published measures; staff see all and the ones who may
change a measure change it here."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from tuuma.api.access import api_requires
from tuuma.api.pagination import StandardPagination
from tuuma.api.schema import choice_param, page_of, wider_than
from tuuma.organisation.models import ServiceArea
from tuuma.organisation.permissions import can, require
from tuuma.programme import actions
from tuuma.programme.forms import staff_of
from tuuma.programme.models import (
    Goal,
    Indicator,
    IndicatorValue,
    Measure,
    MeasureClass,
    MeasureStatus,
    Priority,
)
from tuuma.programme.validation import (
    to_number,
    validate_schedule,
    validate_target,
    validate_target_date,
)

TAGS = ["programme"]
CHANGE = "programme.change_measure"


@extend_schema_field(OpenApiTypes.NUMBER)
class NumberField(serializers.Field):
    """A finite number given as a JSON number or text ("12,5" works too)."""

    def to_internal_value(self, data):
        try:
            return to_number(data)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict["value"]) from error

    def to_representation(self, value):
        return float(value)


def _drf_error(error: DjangoValidationError) -> serializers.ValidationError:
    return serializers.ValidationError(error.message_dict)


class GoalSerializer(serializers.ModelSerializer):
    focus_area = serializers.CharField(source="focus_area.name")

    class Meta:
        model = Goal
        fields = ["id", "title", "description", "focus_area"]


class ValueSerializer(serializers.ModelSerializer):
    value = NumberField()

    class Meta:
        model = IndicatorValue
        fields = ["date", "value", "source_note"]


class IndicatorSerializer(serializers.ModelSerializer):
    baseline_value = NumberField()
    target_value = NumberField()
    values = ValueSerializer(many=True, read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "id",
            "name",
            "unit",
            "direction",
            "baseline_value",
            "baseline_date",
            "target_value",
            "target_date",
            "source",
            "values",
        ]
        read_only_fields = ["source"]

    def validate(self, data: dict) -> dict:
        try:
            validate_target(
                data["direction"], data["baseline_value"], data["target_value"]
            )
            validate_target_date(data["baseline_date"], data["target_date"])
        except DjangoValidationError as error:
            raise _drf_error(error) from error
        return data


class MeasureSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True)
    owner_name = serializers.CharField(source="owner.__str__", read_only=True)
    percent_complete = serializers.IntegerField(read_only=True, allow_null=True)
    last_progress_on = serializers.DateField(read_only=True, allow_null=True)
    ideas = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Measure
        fields = [
            "id",
            "url",
            "title",
            "public_summary",
            "measure_class",
            "goal",
            "service_area",
            "owner",
            "owner_name",
            "participants",
            "management_participates",
            "supervisors_participate",
            "staff_participate",
            "participation_note",
            "start_date",
            "due_date",
            "status",
            "priority",
            "is_published",
            "percent_complete",
            "last_progress_on",
            "result_aim",
            "result_achieved",
            "ideas",
        ]


@wider_than(MeasureSerializer)
class MeasureStaffSerializer(MeasureSerializer):
    class Meta(MeasureSerializer.Meta):
        fields = [*MeasureSerializer.Meta.fields, "description"]


class MeasureWriteSerializer(serializers.ModelSerializer):
    """Create (every field but status) or update (any subset) a measure."""

    status = serializers.ChoiceField(choices=MeasureStatus.choices, required=False)
    priority = serializers.ChoiceField(choices=Priority.choices, required=False)
    measure_class = serializers.ChoiceField(choices=MeasureClass.choices)

    class Meta:
        model = Measure
        fields = [*actions.EDITABLE_FIELDS, "participants", "status", "is_published"]
        extra_kwargs = {"participants": {"required": False}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is None:  # the schema generator describes it without a request
            return
        organisation = request.organisation
        self.fields["goal"].queryset = Goal.objects.filter(organisation=organisation)
        self.fields["service_area"].queryset = ServiceArea.objects.filter(
            organisation=organisation
        )
        people = staff_of(organisation)
        self.fields["owner"].queryset = people
        self.fields["participants"].child_relation.queryset = people

    def validate(self, data: dict) -> dict:
        current = self.instance
        try:
            validate_schedule(
                data.get("start_date", current and current.start_date),
                data.get("due_date", current and current.due_date),
            )
        except DjangoValidationError as error:
            raise _drf_error(error) from error
        return data


def _measures(request: Request):
    return (
        Measure.objects.visible_to(request.user, request.organisation)
        .select_related("owner")
        .prefetch_related("participants", "ideas")
        .with_progress()
    )


def _measure(request: Request, pk: int) -> Measure:
    """The measure with the annotations and prefetches the serializers read."""
    return _measures(request).get(pk=pk)


def _serialize(request: Request, measure: Measure) -> dict:
    staff = can(request.user, "programme.view_unpublished", request.organisation)
    serializer_class = MeasureStaffSerializer if staff else MeasureSerializer
    return serializer_class(measure).data


@extend_schema(
    operation_id="goals_list",
    summary="The strategy's goals that measures serve",
    parameters=[OpenApiParameter("page", int), OpenApiParameter("page_size", int)],
    responses={200: page_of(GoalSerializer)},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("programme.view")
def goals(request: Request) -> Response:
    found = Goal.objects.filter(organisation=request.organisation).select_related(
        "focus_area"
    )
    paginator = StandardPagination()
    page = paginator.paginate_queryset(found, request)
    return paginator.get_paginated_response(GoalSerializer(page, many=True).data)


FILTERS = {
    "class": "measure_class",
    "status": "status",
    "area": "service_area_id",
    "goal": "goal_id",
    "owner": "owner_id",
}
# A filter value outside these is refused rather than matching nothing.
FILTER_CHOICES = {
    "class": serializers.ChoiceField(choices=MeasureClass.choices),
    "status": serializers.ChoiceField(choices=MeasureStatus.choices),
}


@extend_schema(
    operation_id="measures_list",
    summary="Measures of the programme (published ones unless you are staff)",
    parameters=[
        choice_param("class", MeasureClass.values),
        choice_param("status", MeasureStatus.values),
        OpenApiParameter("area", int, description="Service area id"),
        OpenApiParameter("goal", int, description="Goal id"),
        OpenApiParameter("owner", int, description="Owner's person id"),
        OpenApiParameter("q", str, description="Search in titles and texts"),
        OpenApiParameter("page", int),
        OpenApiParameter("page_size", int),
    ],
    responses={200: page_of(MeasureStaffSerializer)},
    tags=TAGS,
    methods=["GET"],
)
@extend_schema(
    operation_id="measures_create",
    summary="Create a measure (process owners and leads of its service area)",
    request=MeasureWriteSerializer,
    responses={
        201: MeasureStaffSerializer,
    },
    tags=TAGS,
    methods=["POST"],
)
@api_view(["GET", "POST"])
@api_requires({"GET": "programme.view", "POST": "programme.create_measure"})
def measures(request: Request) -> Response:
    if request.method == "POST":
        return _create(request)
    found = _measures(request)
    for param, field in FILTERS.items():
        value = request.query_params.get(param)
        if value:
            if field.endswith("_id") and not value.isdigit():
                raise serializers.ValidationError({param: [_("Expected an id.")]})
            if param in FILTER_CHOICES:
                try:
                    FILTER_CHOICES[param].run_validation(value)
                except serializers.ValidationError as error:
                    raise serializers.ValidationError({param: error.detail}) from None
            found = found.filter(**{field: value})
    if request.query_params.get("q"):
        found = found.search(request.query_params["q"])
    paginator = StandardPagination()
    page = paginator.paginate_queryset(found, request)
    return paginator.get_paginated_response([_serialize(request, m) for m in page])


def _create(request: Request) -> Response:
    serializer = MeasureWriteSerializer(data=request.data, context={"request": request})
    serializer.is_valid(raise_exception=True)
    data = dict(serializer.validated_data)
    # The decorator let in whoever may create in some area; the area is in the
    # body, so whether it is one of theirs is known only now.
    require(request, "programme.create_measure", area=data["service_area"])
    to_status = data.pop("status", None)
    with transaction.atomic():
        measure = actions.measure_create(
            organisation=request.organisation, by=request.user, **data
        )
        if to_status:
            actions.measure_change_status(
                measure=measure, to_status=to_status, by=request.user
            )
    return Response(
        _serialize(request, _measure(request, measure.pk)),
        status=status.HTTP_201_CREATED,
    )


@extend_schema(
    operation_id="measures_read",
    summary="One measure",
    responses={200: MeasureStaffSerializer},
    tags=TAGS,
    methods=["GET"],
)
@extend_schema(
    operation_id="measures_update",
    summary="Change a measure: its owner, leads of its area and administrators",
    request=MeasureWriteSerializer(partial=True),
    responses={
        200: MeasureStaffSerializer,
    },
    tags=TAGS,
    methods=["PATCH"],
)
@api_view(["GET", "PATCH"])
@api_requires({"GET": "programme.view", "PATCH": CHANGE}, load=Measure)
def measure_detail(request: Request, measure: Measure) -> Response:
    measure = _measure(request, measure.pk)
    if request.method == "GET":
        return Response(_serialize(request, measure))
    serializer = MeasureWriteSerializer(
        measure, data=request.data, partial=True, context={"request": request}
    )
    serializer.is_valid(raise_exception=True)
    data = dict(serializer.validated_data)
    # Moving a measure to another area needs the right there too; being its
    # owner does not carry over (the owner check is for the measure as it is).
    if "service_area" in data:
        require(request, CHANGE, area=data["service_area"])
    to_status = data.pop("status", None)
    published = data.pop("is_published", None)
    participants = data.pop("participants", None)
    with transaction.atomic():
        measure = actions.measure_update(
            measure=measure, by=request.user, changes=data, participants=participants
        )
        if to_status:
            actions.measure_change_status(
                measure=measure, to_status=to_status, by=request.user
            )
        if published is not None:
            actions.measure_set_published(
                measure=measure, published=published, by=request.user
            )
    return Response(_serialize(request, _measure(request, measure.pk)))


@extend_schema(
    operation_id="measure_indicators_list",
    summary="A measure's indicators with baseline, target and measured values",
    responses={200: IndicatorSerializer(many=True)},
    tags=TAGS,
    methods=["GET"],
)
@extend_schema(
    operation_id="measure_indicators_create",
    summary="Add an indicator to a measure",
    request=IndicatorSerializer,
    responses={
        201: IndicatorSerializer,
    },
    tags=TAGS,
    methods=["POST"],
)
@api_view(["GET", "POST"])
@api_requires({"GET": "programme.view", "POST": CHANGE}, load=Measure)
def measure_indicators(request: Request, measure: Measure) -> Response:
    if request.method == "GET":
        values = IndicatorValue.objects.order_by("date")
        indicators = measure.indicators.prefetch_related(
            Prefetch("values", queryset=values)
        )
        return Response(IndicatorSerializer(indicators, many=True).data)
    serializer = IndicatorSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    indicator = actions.indicator_create(measure=measure, **serializer.validated_data)
    return Response(IndicatorSerializer(indicator).data, status=status.HTTP_201_CREATED)


@extend_schema(
    operation_id="measure_indicator_values_create",
    summary="Record a measured value of an indicator (replaces one of the same date)",
    request=ValueSerializer,
    responses={
        201: ValueSerializer,
    },
    tags=TAGS,
)
@api_view(["POST"])
@api_requires(CHANGE, load=Measure)
def indicator_values(request: Request, measure: Measure, indicator_id: int) -> Response:
    indicator = measure.indicators.filter(pk=indicator_id).first()
    if indicator is None:
        raise NotFound(_("The measure has no such indicator."))
    serializer = ValueSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    row = actions.indicator_record_value(
        indicator=indicator, by=request.user, **serializer.validated_data
    )
    return Response(ValueSerializer(row).data, status=status.HTTP_201_CREATED)
