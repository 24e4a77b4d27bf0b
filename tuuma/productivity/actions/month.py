"""Entering or correcting one month's figures by hand, without a file.

Each section names what it replaces: the products whose volumes are given, the
cost centres whose ledger lines are given, the units whose hours or head counts
are given. Their rows of the month are replaced in one transaction (a section
left out is left alone), so a figure never mixes the old and the new month.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import models, transaction

from tuuma.accounts.models import User
from tuuma.audit.actions import audit_record
from tuuma.organisation.models import Organisation, Unit
from tuuma.productivity.models import (
    CostCentre,
    CostLine,
    Headcount,
    HoursLine,
    Product,
    Volume,
)


@dataclass
class MonthFigures:
    """What is entered for one month; ``None`` sections are left alone.

    ``volumes``: product → {channel: quantity}; ``ledger``: centre → [(account,
    amount)]; ``hours``: unit → {product: hours} (only the products in
    ``hours_products`` are replaced, the ones the person keeps);
    ``headcounts``: unit → staff, or None to remove the month's count.
    """

    period: date
    volumes: Mapping[Product, Mapping[str, Decimal]] | None = None
    ledger: Mapping[CostCentre, Sequence[tuple[str, Decimal]]] | None = None
    hours: Mapping[Unit, Mapping[Product, Decimal]] | None = None
    hours_products: Sequence[Product] = field(default_factory=list)
    headcounts: Mapping[Unit, int | None] | None = None


@transaction.atomic
def month_enter(
    *, organisation: Organisation, by: User, entered: MonthFigures
) -> dict[str, int]:
    """Replace the month's rows of what ``entered`` names; returns how many rows
    each section now has. The caller has checked every product, centre and unit
    belongs to ``organisation`` and to the person's service areas."""
    period = entered.period
    common = {"organisation": organisation, "period": period}
    written: dict[str, int] = {}
    if entered.volumes is not None:
        written["volumes"] = _replace(
            Volume.objects.filter(product__in=list(entered.volumes), period=period),
            [
                Volume(**common, product=product, channel=channel, quantity=quantity,
                       source=Volume.Source.MANUAL)
                for product, channels in entered.volumes.items()
                for channel, quantity in channels.items()
            ],
        )  # fmt: skip
    if entered.ledger is not None:
        written["ledger"] = _replace(
            CostLine.objects.filter(centre__in=list(entered.ledger), period=period),
            [
                CostLine(**common, centre=centre, account=account, amount=amount)
                for centre, lines in entered.ledger.items()
                for account, amount in lines
            ],
        )  # fmt: skip
    if entered.hours is not None:
        written["hours"] = _replace(
            HoursLine.objects.filter(
                unit__in=list(entered.hours),
                product__in=list(entered.hours_products),
                period=period,
            ),
            [
                HoursLine(**common, unit=unit, product=product, hours=hours)
                for unit, products in entered.hours.items()
                for product, hours in products.items()
            ],
        )  # fmt: skip
    if entered.headcounts is not None:
        written["headcounts"] = _replace(
            Headcount.objects.filter(unit__in=list(entered.headcounts), period=period),
            [
                Headcount(**common, unit=unit, staff=staff)
                for unit, staff in entered.headcounts.items()
                if staff is not None
            ],
        )  # fmt: skip
    audit_record(
        organisation=organisation,
        actor=by,
        action="productivity.month_entered",
        details={"month": period.isoformat()[:7], "rows": written},
    )
    return written


def _replace(stale: models.QuerySet, fresh: list[models.Model]) -> int:
    """Delete ``stale`` and write ``fresh`` in its place; how many were written."""
    stale.delete()
    return len(stale.model.objects.bulk_create(fresh))
