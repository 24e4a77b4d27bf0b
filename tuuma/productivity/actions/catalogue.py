"""Keeping the product catalogue and the cost structure in Tuuma's own pages."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from django.db import transaction

from tuuma.accounts.models import User
from tuuma.audit.actions import audit_record
from tuuma.productivity.models import CostCentre, DriverShare, Product, ProductGroup

CatalogueRecord = ProductGroup | Product | CostCentre


@transaction.atomic
def catalogue_save(*, record: CatalogueRecord, by: User) -> CatalogueRecord:
    """Save a product group, product or cost centre (new or changed) and record
    the act with the fields that changed."""
    created = record.pk is None
    changed = sorted(_changed_fields(record)) if not created else []
    record.save()
    audit_record(
        organisation=record.organisation,
        actor=by,
        action=f"productivity.{record._meta.model_name}_"
        + ("create" if created else "update"),
        target=record,
        details={"fields": changed} if changed else None,
    )
    return record


def _changed_fields(record: CatalogueRecord) -> set[str]:
    before = type(record).objects.filter(pk=record.pk).values().first() or {}
    return {
        field.attname
        for field in record._meta.concrete_fields
        if before.get(field.attname) != getattr(record, field.attname)
    }


@transaction.atomic
def driver_shares_set(
    *, centre: CostCentre, by: User, values: Mapping[int, Decimal | None]
) -> int:
    """Replace a support centre's square metres or fixed shares by product (an
    empty value removes the product's share); returns how many remain."""
    DriverShare.objects.filter(centre=centre).delete()
    shares = DriverShare.objects.bulk_create(
        DriverShare(
            organisation=centre.organisation,
            centre=centre,
            product_id=product,
            value=value,
        )
        for product, value in sorted(values.items())
        if value is not None
    )
    audit_record(
        organisation=centre.organisation,
        actor=by,
        action="productivity.driver_shares",
        target=centre,
        details={"shares": {str(s.product_id): str(s.value) for s in shares}},
    )
    return len(shares)
