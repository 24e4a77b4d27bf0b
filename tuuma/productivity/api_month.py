"""``/api/v1/productivity/months``: one month's figures entered without a file,
through the same action as the page (``actions.month_enter``).

Every product, cost centre and unit named must be of a service area where the
caller holds ``productivity.manage``; anything else is "not known" (400), so
another organisation's ids reveal nothing.
"""

from collections import defaultdict

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tuuma.api.access import api_requires
from tuuma.organisation.models import Unit
from tuuma.productivity import actions
from tuuma.productivity.models import Channel, Product
from tuuma.productivity.month_forms import MAX_STAFF, managed_areas, managed_centres
from tuuma.productivity.tables import CellError, parse_month

MAX_ROWS = 10_000


@extend_schema_field(OpenApiTypes.INT)  # the id of a product, cost centre or unit
class ScopedField(serializers.PrimaryKeyRelatedField):
    """An id among the records the caller keeps (``context["scope"][name]``)."""

    default_error_messages = {
        "does_not_exist": gettext_lazy(
            "{pk_value} is not known or not yours to enter."
        ),
    }

    def __init__(self, scope: str, **kwargs):
        self.scope = scope
        super().__init__(**kwargs)

    def get_queryset(self):
        return self.context["scope"][self.scope]


def _decimal(**options) -> serializers.DecimalField:
    return serializers.DecimalField(max_digits=14, decimal_places=2, **options)


class VolumeEntrySerializer(serializers.Serializer):
    product = ScopedField("products")
    channel = serializers.ChoiceField(Channel.choices)
    quantity = _decimal(min_value=0)

    def validate_product(self, product: Product) -> Product:
        if product.caselog_id:
            raise ValidationError(
                _("The product's volumes are counted from its case log.")
            )
        return product


class LedgerEntrySerializer(serializers.Serializer):
    centre = ScopedField("centres")
    account = serializers.CharField(max_length=32)
    amount = _decimal()


class HoursEntrySerializer(serializers.Serializer):
    unit = ScopedField("units")
    product = ScopedField("products")
    hours = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0)


class HeadcountEntrySerializer(serializers.Serializer):
    unit = ScopedField("units")
    staff = serializers.IntegerField(min_value=0, max_value=MAX_STAFF)


def _rows(child):
    return serializers.ListField(child=child, required=False, max_length=MAX_ROWS)


class MonthEntrySerializer(serializers.Serializer):
    month = serializers.CharField(help_text="The month, e.g. 2025-03")
    volumes = _rows(VolumeEntrySerializer())
    ledger = _rows(LedgerEntrySerializer())
    hours = _rows(HoursEntrySerializer())
    headcounts = _rows(HeadcountEntrySerializer())

    def validate_month(self, text: str):
        try:
            return parse_month(text.strip())
        except CellError as error:
            raise ValidationError(str(error)) from None

    def validate(self, data):
        keys = {
            "volumes": ("product", "channel"),
            "ledger": ("centre", "account"),
            "hours": ("unit", "product"),
            "headcounts": ("unit",),
        }
        for section, key in keys.items():
            seen = set()
            for row in data.get(section, []):
                value = tuple(row[k] for k in key)
                if value in seen and section != "ledger":
                    raise ValidationError({section: _("A row is given twice.")})
                seen.add(value)
        return data


MONTH_DOC = """Each section replaces the month's rows of what it names: `volumes`
every volume of the products named, `ledger` every line of the cost centres named,
`hours` every hours line of the units named (on the products you keep),
`headcounts` the staff of the units named. A section left out changes nothing;
an empty list changes nothing either. All or nothing, audited."""


@extend_schema(
    operation_id="productivity_month_enter",
    summary="Enter or correct one month's volumes, ledger lines, hours and staff",
    description=MONTH_DOC,
    request=MonthEntrySerializer,
    responses={
        201: inline_serializer(
            name="ProductivityMonthEntered",
            fields={
                "month": serializers.CharField(),
                "rows": serializers.DictField(child=serializers.IntegerField()),
            },
        )
    },
    tags=["productivity"],
)
@api_view(["POST"])
@api_requires("productivity.manage")
def month_enter(request: Request) -> Response:
    organisation = request.organisation
    areas = managed_areas(request.user, organisation)
    scope = {
        "products": Product.objects.filter(
            organisation=organisation, service_area__in=areas
        ),
        "centres": managed_centres(request.user, organisation, areas),
        "units": Unit.objects.filter(organisation=organisation, service_area__in=areas),
    }
    entry = MonthEntrySerializer(data=request.data, context={"scope": scope})
    entry.is_valid(raise_exception=True)
    data = entry.validated_data
    entered = actions.MonthFigures(period=data["month"])
    if data.get("volumes"):
        entered.volumes = _grouped(data["volumes"], "product", "channel", "quantity")
    if data.get("ledger"):
        ledger = defaultdict(list)
        for row in data["ledger"]:
            ledger[row["centre"]].append((row["account"], row["amount"]))
        entered.ledger = ledger
    if data.get("hours"):
        entered.hours = _grouped(data["hours"], "unit", "product", "hours")
        entered.hours_products = list(scope["products"])
    if data.get("headcounts"):
        entered.headcounts = {row["unit"]: row["staff"] for row in data["headcounts"]}
    rows = actions.month_enter(
        organisation=organisation, by=request.user, entered=entered
    )
    return Response(
        {"month": data["month"].strftime("%Y-%m"), "rows": rows},
        status=status.HTTP_201_CREATED,
    )


def _grouped(rows, holder: str, key: str, value: str) -> dict:
    grouped = defaultdict(dict)
    for row in rows:
        grouped[row[holder]][row[key]] = row[value]
    return grouped
