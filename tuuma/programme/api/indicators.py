"""A measure's indicators and their measured values."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from tuuma.api.access import api_requires
from tuuma.programme import actions
from tuuma.programme.api.common import CHANGE, TAGS
from tuuma.programme.api.serializers import IndicatorSerializer, ValueSerializer
from tuuma.programme.models import IndicatorValue, Measure


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
