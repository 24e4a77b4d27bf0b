"""``/api/v1/measures``: list, create, read and change measures."""

from django.db import transaction
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tuuma.api.access import api_requires
from tuuma.api.pagination import StandardPagination
from tuuma.api.schema import choice_param, page_of
from tuuma.organisation.permissions import require
from tuuma.programme import actions
from tuuma.programme.api.common import (
    CHANGE,
    TAGS,
    measure_with_details,
    measures_for,
    serialize_measure,
)
from tuuma.programme.api.serializers import (
    MeasureStaffSerializer,
    MeasureWriteSerializer,
)
from tuuma.programme.models import Measure, MeasureClass, MeasureStatus

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
    found = measures_for(request)
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
    return paginator.get_paginated_response(
        [serialize_measure(request, m) for m in page]
    )


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
        serialize_measure(request, measure_with_details(request, measure.pk)),
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
    measure = measure_with_details(request, measure.pk)
    if request.method == "GET":
        return Response(serialize_measure(request, measure))
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
    return Response(
        serialize_measure(request, measure_with_details(request, measure.pk))
    )
