"""Volumes, ledger lines, working hours and staff from a file, all or nothing.

Each importer reads every row first and collects the problems (row and column
named, translated); only a file without problems is written, and it replaces the
months it covers in one short transaction, so a figure never mixes an old and a
new version of a month and a refused file leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from tuuma.organisation.models import Organisation, Unit
from tuuma.productivity.models import (
    Channel,
    CostCentre,
    CostLine,
    Headcount,
    HoursLine,
    Product,
    Volume,
)
from tuuma.productivity.tables import (
    CellError,
    TableError,
    find_columns,
    parse_month,
    parse_number,
    read_rows,
)

MAX_PROBLEMS = 20

COLUMNS = {
    "month": ("kuukausi", "kausi", "månad", "month", "period"),
    "product": ("tuote", "tuotekoodi", "produkt", "product"),
    "channel": ("kanava", "kanal", "channel"),
    "quantity": ("määrä", "suoritteet", "antal", "quantity", "volume"),
    "centre": ("kustannuspaikka", "kostnadsställe", "cost centre", "cost center"),
    "account": ("tili", "konto", "account"),
    "amount": ("summa", "euroa", "belopp", "amount"),
    "unit": ("yksikkö", "enhet", "unit"),
    "hours": ("tunnit", "timmar", "hours"),
    "staff": ("henkilöstö", "henkilömäärä", "personal", "staff", "head count"),
}
CHANNELS = {
    **{choice.value: choice.value for choice in Channel},
    "asiakaspalvelu": Channel.COUNTER, "tiski": Channel.COUNTER,
    "puhelin": Channel.PHONE, "posti": Channel.POST,
    "sähköinen asiointi": Channel.E_SERVICE, "verkko": Channel.E_SERVICE,
    "e-palvelu": Channel.E_SERVICE, "omatoiminen": Channel.SELF_SERVICE,
    "itsepalvelu": Channel.SELF_SERVICE, "": Channel.UNKNOWN,
}  # fmt: skip


class ImportRefusedError(ValueError):
    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass
class Parsed:
    rows: list = field(default_factory=list)
    periods: set[date] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)


def _parse(
    data: bytes, fields: tuple[str, ...], optional: set[str], read_row: Callable
) -> Parsed:
    parsed = Parsed()
    try:
        header, rows = read_rows(data)
        columns = find_columns(header, {f: COLUMNS[f] for f in fields}, optional)
    except TableError as error:
        raise ImportRefusedError([str(error)]) from None
    for number, row in enumerate(rows, start=2):
        cells = {f: row[i] if i < len(row) else "" for f, i in columns.items()}
        try:
            period, item = read_row(cells)
        except CellError as error:
            parsed.problems.append(
                _("Row %(row)s: %(problem)s") % {"row": number, "problem": error}
            )
            if len(parsed.problems) >= MAX_PROBLEMS:
                break
            continue
        parsed.periods.add(period)
        parsed.rows.append(item)
    if parsed.problems:
        raise ImportRefusedError(parsed.problems)
    if not parsed.rows:
        raise ImportRefusedError([_("The file has no rows.")])
    return parsed


def _lookup(table: dict, key: str, what: str):
    try:
        return table[key.lower()]
    except KeyError:
        raise CellError(
            _("%(what)s “%(value)s” is not known.") % {"what": what, "value": key[:60]}
        ) from None


def import_volumes(*, organisation: Organisation, data: bytes) -> int:
    """Volumes per product (code), month and channel; replaces those months."""
    products = {
        p.code.lower(): p for p in Product.objects.filter(organisation=organisation)
    }

    def read(cells):
        period = parse_month(cells["month"])
        product = _lookup(products, cells["product"], _("Product"))
        channel = _lookup(CHANNELS, cells.get("channel", ""), _("Channel"))
        quantity = parse_number(cells["quantity"])
        return period, (product, period, channel, quantity)

    parsed = _parse(
        data, ("month", "product", "channel", "quantity"), {"channel"}, read
    )
    totals: dict[tuple, object] = {}
    for product, period, channel, quantity in parsed.rows:
        key = (product, period, channel)
        totals[key] = totals.get(key, 0) + quantity
    with transaction.atomic():
        Volume.objects.filter(
            organisation=organisation,
            period__in=parsed.periods,
            source__in=(Volume.Source.IMPORT, Volume.Source.MANUAL),
        ).delete()
        Volume.objects.bulk_create(
            Volume(
                organisation=organisation, product=product, period=period,
                channel=channel, quantity=quantity, source=Volume.Source.IMPORT,
            )
            for (product, period, channel), quantity in totals.items()
        )  # fmt: skip
    return len(totals)


def import_ledger(*, organisation: Organisation, data: bytes) -> int:
    """Ledger lines per month, cost centre and account; replaces those months."""
    centres = {
        c.code.lower(): c for c in CostCentre.objects.filter(organisation=organisation)
    }

    def read(cells):
        period = parse_month(cells["month"])
        centre = _lookup(centres, cells["centre"], _("Cost centre"))
        return period, CostLine(
            organisation=organisation, period=period, centre=centre,
            account=cells["account"][:32], amount=parse_number(cells["amount"]),
        )  # fmt: skip

    parsed = _parse(data, ("month", "centre", "account", "amount"), set(), read)
    with transaction.atomic():
        CostLine.objects.filter(
            organisation=organisation, period__in=parsed.periods
        ).delete()
        CostLine.objects.bulk_create(parsed.rows)
    return len(parsed.rows)


def import_hours(*, organisation: Organisation, data: bytes) -> int:
    """Working hours per month, unit (name) and product (code); replaces months."""
    products = {
        p.code.lower(): p for p in Product.objects.filter(organisation=organisation)
    }
    units = {u.name.lower(): u for u in Unit.objects.filter(organisation=organisation)}

    def read(cells):
        period = parse_month(cells["month"])
        unit = _lookup(units, cells["unit"], _("Unit"))
        product = _lookup(products, cells["product"], _("Product"))
        return period, (period, unit, product, parse_number(cells["hours"]))

    parsed = _parse(data, ("month", "unit", "product", "hours"), set(), read)
    totals: dict[tuple, object] = {}
    for period, unit, product, hours in parsed.rows:
        totals[(period, unit, product)] = totals.get((period, unit, product), 0) + hours
    with transaction.atomic():
        HoursLine.objects.filter(
            organisation=organisation, period__in=parsed.periods
        ).delete()
        HoursLine.objects.bulk_create(
            HoursLine(organisation=organisation, period=period, unit=unit,
                      product=product, hours=hours)
            for (period, unit, product), hours in totals.items()
        )  # fmt: skip
    return len(totals)


def import_headcounts(*, organisation: Organisation, data: bytes) -> int:
    """Staff per month and unit (name); replaces those months' head counts."""
    units = {u.name.lower(): u for u in Unit.objects.filter(organisation=organisation)}

    def read(cells):
        period = parse_month(cells["month"])
        unit = _lookup(units, cells["unit"], _("Unit"))
        return period, (period, unit, parse_staff(cells["staff"]))

    parsed = _parse(data, ("month", "unit", "staff"), set(), read)
    counts = {(period, unit): staff for period, unit, staff in parsed.rows}
    with transaction.atomic():
        Headcount.objects.filter(
            organisation=organisation, period__in=parsed.periods
        ).delete()
        Headcount.objects.bulk_create(
            Headcount(organisation=organisation, period=period, unit=unit, staff=staff)
            for (period, unit), staff in counts.items()
        )
    return len(counts)


def parse_staff(text: str) -> int:
    """A head count: a whole number, zero or more."""
    number = parse_number(text)
    if number < 0 or number != number.to_integral_value() or number > 1_000_000:
        raise CellError(
            _("“%(value)s” is not a number of people.") % {"value": text[:40]}
        )
    return int(number)


IMPORTERS = {
    "volumes": import_volumes,
    "ledger": import_ledger,
    "hours": import_hours,
    "headcounts": import_headcounts,
}
