"""Operations on the figures: imports, the price index, counting from case logs
and linking products to measures."""

from __future__ import annotations

from decimal import Decimal

import polars as pl
from django.db import transaction

from tuuma.accounts.models import User
from tuuma.audit.actions import audit_record
from tuuma.caselog.engine import CaseFilter
from tuuma.caselog.logs import view_of
from tuuma.organisation.models import Organisation
from tuuma.productivity import imports
from tuuma.productivity.models import (
    MeasureProduct,
    PriceIndex,
    Product,
    Volume,
)

LOCAL_TIME_ZONE = "Europe/Helsinki"


def figures_import(
    *, organisation: Organisation, by: User, kind: str, data: bytes, filename: str
) -> int:
    """Import a volume, ledger or hours file; all of it or nothing."""
    count = imports.IMPORTERS[kind](organisation=organisation, data=data)
    audit_record(
        organisation=organisation,
        actor=by,
        action=f"productivity.import_{kind}",
        details={"file": filename[:200], "rows": count},
    )
    return count


def price_index_set(
    *, organisation: Organisation, by: User, year: int, value: Decimal
) -> PriceIndex:
    index, _created = PriceIndex.objects.update_or_create(
        organisation=organisation, year=year, defaults={"value": value}
    )
    audit_record(
        organisation=organisation,
        actor=by,
        action="productivity.price_index",
        target=index,
        details={"year": year, "value": str(value)},
    )
    return index


def volumes_count_from_caselog(*, product: Product) -> int:
    """Closed cases of the product's case types per local month become its volume.

    A case counts in the month (Europe/Helsinki) of its last event; the months the
    log covers replace earlier counts from the log, in one transaction.
    """
    log = product.caselog
    if log is None or log.current_version is None:
        return 0
    attributes = {}
    if product.case_types and product.case_type_attribute:
        attributes[product.case_type_attribute] = list(product.case_types)
    cases = view_of(log.current_version, CaseFilter(attributes=attributes)).cases
    end = pl.col("_end")
    if cases.schema["_end"].time_zone is None:  # naive times are local already
        month = end.dt.truncate("1mo")
    else:
        month = end.dt.convert_time_zone(LOCAL_TIME_ZONE).dt.truncate("1mo")
    counts = cases.group_by(month.alias("month")).agg(pl.len().alias("n"))
    rows = [(row["month"].date(), row["n"]) for row in counts.iter_rows(named=True)]
    with transaction.atomic():
        Volume.objects.filter(product=product, source=Volume.Source.CASELOG).delete()
        Volume.objects.bulk_create(
            Volume(
                organisation=product.organisation,
                product=product,
                period=month,
                quantity=n,
                source=Volume.Source.CASELOG,
            )
            for month, n in rows
        )
    return len(rows)


def measure_product_link(
    *,
    measure,
    by: User,
    product: Product,
    expected_unit_cost: Decimal | None,
    expected_digital_share: Decimal | None,
) -> MeasureProduct:
    """Link a product to a measure (or update what it expects of it)."""
    link, _created = MeasureProduct.objects.update_or_create(
        measure=measure,
        product=product,
        defaults={
            "organisation": measure.organisation,
            "expected_unit_cost": expected_unit_cost,
            "expected_digital_share": expected_digital_share,
        },
    )
    audit_record(
        organisation=measure.organisation,
        actor=by,
        action="productivity.measure_product",
        target=link,
        details={"measure": measure.pk, "product": product.pk},
    )
    return link
