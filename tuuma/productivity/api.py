"""``/api/v1/productivity``: products and their figures, the area indices, imports,
and the working-life surveys' aggregated results (never a group under five)."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import api_view, parser_classes
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from tuuma.api.access import api_public, api_requires
from tuuma.api.pagination import StandardPagination
from tuuma.api.schema import page_of, wider_than
from tuuma.organisation.models import ServiceArea
from tuuma.organisation.permissions import can
from tuuma.productivity import actions
from tuuma.productivity.forms import ImportForm
from tuuma.productivity.imports import ImportRefusedError
from tuuma.productivity.models import Product, Survey
from tuuma.productivity.results import area_figures
from tuuma.productivity.survey_results import survey_results
from tuuma.productivity.unit_hours import area_unit_hours

TAGS = ["productivity"]


class ProductSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Product
        fields = ["id", "url", "code", "name", "service_area", "group", "output_unit"]


class YearSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    volume = serializers.FloatField()
    unit_cost = serializers.FloatField(allow_null=True)
    digital_share = serializers.FloatField(allow_null=True, help_text="0..1")


class AllocationLineSerializer(serializers.Serializer):
    centre = serializers.CharField()
    driver = serializers.CharField(help_text="direct, hours, area, outputs or fixed")
    share = serializers.FloatField(help_text="Share of the centre's cost, 0..1")
    amount = serializers.FloatField()


@wider_than(YearSerializer)
class StaffYearSerializer(YearSerializer):
    cost = serializers.FloatField(allow_null=True)
    hours = serializers.FloatField(allow_null=True)
    labour_productivity = serializers.FloatField(allow_null=True)
    lines = AllocationLineSerializer(many=True)


class ProductFiguresSerializer(ProductSerializer):
    years = StaffYearSerializer(many=True)

    class Meta(ProductSerializer.Meta):
        fields = [*ProductSerializer.Meta.fields, "years"]


class AreaYearSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    cost = serializers.FloatField()
    price_index = serializers.FloatField(allow_null=True)
    volume_index = serializers.FloatField(allow_null=True)
    real_input_index = serializers.FloatField(allow_null=True)
    productivity_index = serializers.FloatField(allow_null=True)
    digital_share = serializers.FloatField(allow_null=True)


class UnitHoursSerializer(serializers.Serializer):
    unit = serializers.IntegerField(source="unit.pk")
    name = serializers.CharField(source="unit.name")
    staff = serializers.IntegerField(help_text="The smallest monthly head count")
    hours = serializers.FloatField()


class UnitHoursYearSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    units = UnitHoursSerializer(many=True)
    merged_units = serializers.IntegerField(
        source="merged", help_text="Units counted together (some under five people)"
    )
    merged_hours = serializers.FloatField(
        allow_null=True,
        help_text="Null: the merged units are fewer than five people together",
    )
    note = serializers.CharField()


class SurveyGroupSerializer(serializers.Serializer):
    name = serializers.CharField()
    suppressed = serializers.BooleanField(source="figures.suppressed")
    responses = serializers.SerializerMethodField()
    index = serializers.FloatField(source="figures.index", allow_null=True)
    recommendation_score = serializers.FloatField(
        source="figures.recommendation_score", allow_null=True
    )
    positive_share = serializers.DictField(
        source="figures.positive_share",
        child=serializers.FloatField(allow_null=True),
        help_text="Share of 4–5 answers by statement id",
    )

    def get_responses(self, group) -> int | None:
        """Not shown below five."""
        return None if group.figures.suppressed else group.figures.responses


@extend_schema(
    operation_id="productivity_products",
    summary="Service products whose figures you may read",
    responses={200: page_of(ProductSerializer)},
    tags=TAGS,
)
@api_view(["GET"])
@api_public
def products(request: Request) -> Response:
    found = Product.objects.visible_to(request.user, request.organisation)
    paginator = StandardPagination()
    page = paginator.paginate_queryset(found, request)
    return paginator.get_paginated_response(ProductSerializer(page, many=True).data)


@extend_schema(
    operation_id="productivity_product",
    summary="A product's figures by year (staff also see costs, hours, allocation)",
    responses={200: ProductFiguresSerializer},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("productivity.view", load=Product)
def product(request: Request, product: Product) -> Response:
    cells = area_figures(request.organisation, product.service_area).by_product.get(
        product.pk, {}
    )
    wide = can(request.user, "productivity.view_all", request.organisation)
    years = []
    for year in sorted(cells):
        cell = cells[year]
        row = {
            "year": year,
            "volume": cell.volume,
            "unit_cost": cell.unit_cost,
            "digital_share": cell.digital_share,
        }
        if wide:
            row |= {
                "cost": cell.cost,
                "hours": cell.hours,
                "labour_productivity": cell.labour_productivity,
                "lines": [line.__dict__ for line in cell.lines],
            }
        years.append(row)
    return Response(ProductSerializer(product).data | {"years": years})


@extend_schema(
    operation_id="productivity_area",
    summary="A service area's volume, input and productivity indices by year",
    responses={200: AreaYearSerializer(many=True)},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("productivity.view_all")
def area(request: Request, area_id: int) -> Response:
    area = get_object_or_404(ServiceArea, pk=area_id, organisation=request.organisation)
    found = area_figures(request.organisation, area)
    return Response(AreaYearSerializer(found.areas, many=True).data)


@extend_schema(
    operation_id="productivity_area_unit_hours",
    summary="A service area's working hours by unit and year, never of a unit "
    "under five people",
    responses={200: UnitHoursYearSerializer(many=True)},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("productivity.view_all")
def area_unit_hours_view(request: Request, area_id: int) -> Response:
    area = get_object_or_404(ServiceArea, pk=area_id, organisation=request.organisation)
    return Response(UnitHoursYearSerializer(area_unit_hours(area), many=True).data)


@extend_schema(
    operation_id="productivity_import",
    summary="Import volumes, ledger lines or working hours (CSV or XLSX)",
    request={
        "multipart/form-data": inline_serializer(
            name="ProductivityImport",
            fields={
                "kind": serializers.ChoiceField(
                    ["volumes", "ledger", "hours", "headcounts"]
                ),
                "file": serializers.FileField(),
            },
        )
    },
    responses={
        201: inline_serializer(
            name="ProductivityImported", fields={"rows": serializers.IntegerField()}
        )
    },
    tags=TAGS,
)
@api_view(["POST"])
@parser_classes([MultiPartParser])
@api_requires("productivity.manage")
def figures_import(request: Request) -> Response:
    form = ImportForm(request.data, request.FILES)
    if not form.is_valid():
        raise ValidationError(form.errors)
    upload = form.cleaned_data["file"]
    try:
        rows = actions.figures_import(
            organisation=request.organisation,
            by=request.user,
            kind=form.cleaned_data["kind"],
            data=upload.read(),
            filename=upload.name,
        )
    except ImportRefusedError as refused:
        raise ValidationError({"file": refused.problems}) from None
    return Response({"rows": rows}, status=status.HTTP_201_CREATED)


@extend_schema(
    operation_id="productivity_survey_results",
    summary="A working-life survey's results overall and by unit",
    responses={
        200: inline_serializer(
            name="ProductivitySurveyResults",
            fields={
                "overall": SurveyGroupSerializer(),
                "units": SurveyGroupSerializer(many=True),
            },
        )
    },
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("productivity.survey_results", load=Survey)
def survey_result(request: Request, survey: Survey) -> Response:
    overall, units = survey_results(survey)
    return Response(
        {
            "overall": SurveyGroupSerializer(overall).data,
            "units": SurveyGroupSerializer(units, many=True).data,
        }
    )
