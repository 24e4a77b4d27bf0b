"""``/api/v1/metrics``: the registered metrics' definitions and their values,
with the dashboard's filters. Staff data is suppressed below five as on the
page; metrics that are not public are for managers and productivity leads."""

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotAuthenticated, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tuuma.api.access import api_public
from tuuma.insights.forms import FilterForm
from tuuma.lib.metrics import FILTER_NAMES, UNITS, Metric, registry
from tuuma.organisation.permissions import NotSignedIn, can, require

TAGS = ["metrics"]
PARAMETERS = [
    OpenApiParameter("start", str, description="First day of the period, YYYY-MM-DD"),
    OpenApiParameter("end", str, description="Last day of the period, YYYY-MM-DD"),
    OpenApiParameter("service_area", int, description="A service area's id"),
    OpenApiParameter("unit", int, description="A unit's id"),
]


class MetricSerializer(serializers.Serializer):
    id = serializers.CharField()
    label = serializers.CharField()
    definition = serializers.CharField()
    unit = serializers.ChoiceField(list(UNITS))
    source = serializers.CharField()
    filters = serializers.ListField(
        child=serializers.ChoiceField(list(FILTER_NAMES)),
        help_text="The filters the metric accepts; others are refused with 400",
    )
    staff_data = serializers.BooleanField(help_text="Hidden below five people")
    public = serializers.BooleanField()

    def to_representation(self, instance: Metric) -> dict:
        return {
            "id": instance.id,
            "label": str(instance.label),
            "definition": str(instance.definition),
            "unit": instance.unit,
            "source": str(instance.source),
            "filters": [name for name in FILTER_NAMES if name in instance.filters],
            "staff_data": instance.staff_data,
            "public": instance.public,
        }


class FiguresSerializer(serializers.Serializer):
    value = serializers.FloatField(
        allow_null=True, help_text="Null when there is nothing to count or suppressed"
    )
    n = serializers.IntegerField(
        allow_null=True, help_text="How many rows or people the value is counted from"
    )
    suppressed = serializers.BooleanField()


class GroupSerializer(FiguresSerializer):
    label = serializers.CharField()


class AppliedFiltersSerializer(serializers.Serializer):
    start = serializers.DateField(allow_null=True)
    end = serializers.DateField(allow_null=True)
    service_area = serializers.IntegerField(allow_null=True)
    unit = serializers.IntegerField(allow_null=True)


class MetricValuesSerializer(FiguresSerializer):
    metric = serializers.CharField()
    filters = AppliedFiltersSerializer()
    breakdown = GroupSerializer(many=True)


def _readable(request: Request) -> list[Metric]:
    wide = can(request.user, "insights.view", request.organisation)
    return [m for m in registry().values() if wide or m.public]


@extend_schema(
    operation_id="metrics_list",
    summary="The metrics you may read, with their definitions",
    responses={200: MetricSerializer(many=True)},
    tags=TAGS,
)
@api_view(["GET"])
@api_public
def metric_list(request: Request) -> Response:
    return Response(MetricSerializer(_readable(request), many=True).data)


@extend_schema(
    operation_id="metrics_values",
    summary="A metric's value (and its breakdown) for the filters",
    parameters=PARAMETERS,
    responses={200: MetricValuesSerializer},
    tags=TAGS,
)
@api_view(["GET"])
@api_public
def metric_values(request: Request, metric_id: str) -> Response:
    found = registry().get(metric_id)
    if found is None:
        raise Http404
    if not found.public:
        try:
            require(request, "insights.view")
        except NotSignedIn:
            raise NotAuthenticated from None
    form = FilterForm(request.query_params, organisation=request.organisation)
    if not form.is_valid():
        raise ValidationError(form.errors)
    filters = form.filters()
    refused = found.refused_filters(filters)
    if refused:
        raise ValidationError(
            {name: f"{metric_id} cannot be limited by {name}." for name in refused}
        )
    measured = found.measure(request.organisation, filters)
    return Response(
        measured.as_dict()
        | {
            "filters": filters.as_dict(),
            "breakdown": [
                {"label": label, **group.as_dict()}
                for label, group in found.measure_breakdown(
                    request.organisation, filters
                )
            ],
        }
    )
