"""Metric definitions as code: every figure Tuuma shows has one definition here.

An app declares its figures in ``<app>/metrics.py`` as ``METRICS = [Metric(...)]``;
``registry()`` gathers them (like ``home.py`` hooks) so the app's own page, the
insights dashboard, the board pack, the public results page and the API all
compute a number by the same function and show the same definition beside it.

A metric on staff data (``staff_data=True``: who proposed, who took part) is
counted from few people in a small unit, so ``measure`` hides it when fewer than
``SMALL_CELL`` people stand behind it: the page, the export and the API receive
the same suppressed value, never the count.

A page that shows many figures reads them inside ``one_reading()``: each figure,
and each intermediate an app shares between its metrics through ``memoised``,
is computed once for the page. A metric may also declare ``by_area``, its
figure for every service area from one grouped query, which the tables per
service area use instead of one computation per area.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from typing import Any, TypeVar

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext, gettext_noop, ngettext

from tuuma.lib.apps import app_modules
from tuuma.lib.formatting import format_number, format_percent

SMALL_CELL = 5

PERIOD, SERVICE_AREA, UNIT = "period", "service_area", "unit"
FILTER_NAMES = (PERIOD, SERVICE_AREA, UNIT)
FILTER_LABELS = {
    PERIOD: gettext_noop("period"),
    SERVICE_AREA: gettext_noop("service area"),
    UNIT: gettext_noop("unit"),
}

COUNT, PERCENT, DAYS, EUROS = "count", "percent", "days", "euros"
UNITS = (COUNT, PERCENT, DAYS, EUROS)

T = TypeVar("T")
_reading: ContextVar[dict | None] = ContextVar("metrics_reading", default=None)


@contextmanager
def one_reading() -> Iterator[None]:
    """Within the block every ``memoised`` value is computed once: a figure
    shown twice, or figures sharing their sums, ask the database once."""
    token = _reading.set({})
    try:
        yield
    finally:
        _reading.reset(token)


def memoised(key: tuple, compute: Callable[[], T]) -> T:
    """``compute()``, kept under ``key`` for the rest of ``one_reading``;
    outside one, computed every time."""
    reading = _reading.get()
    if reading is None:
        return compute()
    if key not in reading:
        reading[key] = compute()
    return reading[key]


@dataclass(frozen=True)
class Filters:
    """What a figure is limited to: a period (both ends inclusive), a service
    area and a unit, each optional. Ids, not objects, so that a stored board
    pack and an API query can name them."""

    start: date | None = None
    end: date | None = None
    service_area: int | None = None
    unit: int | None = None

    def given(self) -> set[str]:
        """The names of the filters that limit something."""
        names = set()
        if self.start or self.end:
            names.add(PERIOD)
        if self.service_area:
            names.add(SERVICE_AREA)
        if self.unit:
            names.add(UNIT)
        return names

    def as_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "service_area": self.service_area,
            "unit": self.unit,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Filters:
        return cls(
            start=date.fromisoformat(data["start"]) if data.get("start") else None,
            end=date.fromisoformat(data["end"]) if data.get("end") else None,
            service_area=data.get("service_area"),
            unit=data.get("unit"),
        )


@dataclass(frozen=True)
class Value:
    """A computed figure and ``n``, how many people or rows it is counted from
    (for a count, the count itself; for a share, its base)."""

    value: float | int | None
    n: int | None = None


@dataclass(frozen=True)
class Measured:
    """A figure as shown: ``value`` is None when there is nothing to count or
    when it is ``suppressed`` (fewer than five people behind staff data)."""

    metric: Metric
    value: float | int | None
    n: int | None
    suppressed: bool

    @property
    def text(self) -> str:
        """The figure as a person reads it, in the active language."""
        if self.suppressed:
            return gettext("fewer than %(n)s") % {"n": SMALL_CELL}
        if self.value is None:
            return "–"
        if self.metric.unit == PERCENT:
            return format_percent(self.value / 100, 1 if self.value % 1 else 0)
        if self.metric.unit == DAYS:
            return ngettext("%(n)s day", "%(n)s days", round(self.value)) % {
                "n": format_number(self.value, 1 if self.value % 1 else 0)
            }
        if self.metric.unit == EUROS:
            return f"{format_number(self.value, 2)} €"
        return format_number(self.value, 1 if self.value % 1 else 0)

    def as_dict(self) -> dict[str, Any]:
        return {
            "metric": self.metric.id,
            "value": self.value,
            "n": None if self.suppressed else self.n,
            "suppressed": self.suppressed,
        }


@dataclass(frozen=True)
class Metric:
    """One registered figure. ``label`` and ``definition`` are lazy translations;
    ``source`` names where the data comes from; ``filters`` are those it accepts
    (others are refused, not ignored); ``compute(organisation, filters)``
    returns a ``Value``; ``breakdown``, if any, the same per group (a class, a
    unit). ``public`` metrics may be read by anyone. ``by_area(organisation,
    filters, area_ids)``, if any, returns the figure of each of the areas
    (``filters`` names none) at once, equal to computing it per area."""

    id: str
    label: Any
    definition: Any
    unit: str
    source: Any
    compute: Callable[[Any, Filters], Value]
    filters: frozenset[str] = field(default_factory=frozenset)
    staff_data: bool = False
    public: bool = False
    breakdown: Callable[[Any, Filters], list[tuple[str, Value]]] | None = None
    by_area: Callable[[Any, Filters, list[int]], dict[int, Value]] | None = None

    @property
    def filter_labels(self) -> list[str]:
        """The accepted filters' names for people, in a fixed order."""
        return [
            gettext(FILTER_LABELS[name])
            for name in FILTER_NAMES
            if name in self.filters
        ]

    def refused_filters(self, filters: Filters) -> set[str]:
        return filters.given() - self.filters

    def measure(self, organisation: Any, filters: Filters | None = None) -> Measured:
        """The figure for the organisation, suppressed below five for staff data."""
        filters = filters or Filters()
        refused = self.refused_filters(filters)
        if refused:
            raise ValueError(f"{self.id} does not accept {sorted(refused)}")
        computed = memoised(
            ("metric", self.id, organisation.pk, filters),
            lambda: self.compute(organisation, filters),
        )
        return suppressed(self, computed)

    def measure_by_area(
        self, organisation: Any, filters: Filters, area_ids: list[int]
    ) -> dict[int, Measured]:
        """The figure of each service area in ``area_ids`` (``filters`` without
        an area): from ``by_area`` when declared, else one by one."""
        if self.by_area is None:
            return {
                pk: self.measure(organisation, replace(filters, service_area=pk))
                for pk in area_ids
            }
        refused = (filters.given() | {SERVICE_AREA}) - self.filters
        if refused:
            raise ValueError(f"{self.id} does not accept {sorted(refused)}")
        computed = self.by_area(organisation, filters, area_ids)
        return {pk: suppressed(self, computed[pk]) for pk in area_ids}

    def measure_breakdown(
        self, organisation: Any, filters: Filters | None = None
    ) -> list[tuple[str, Measured]]:
        """(label, figure) per group of the metric's breakdown, each suppressed
        on its own; empty for a metric without one."""
        if self.breakdown is None:
            return []
        filters = filters or Filters()
        return [
            (label, suppressed(self, value))
            for label, value in self.breakdown(organisation, filters)
        ]


def suppressed(metric: Metric, computed: Value) -> Measured:
    """``computed`` as shown: a small cell of staff data becomes None."""
    small = metric.staff_data and computed.n is not None and 0 < computed.n < SMALL_CELL
    return Measured(
        metric=metric,
        value=None if small else computed.value,
        n=computed.n,
        suppressed=small,
    )


@cache
def registry() -> dict[str, Metric]:
    """Every app's ``METRICS`` by id, in INSTALLED_APPS order (ids are unique)."""
    table: dict[str, Metric] = {}
    for module in app_modules("metrics"):
        for metric in module.METRICS:
            if metric.id in table:
                raise ImproperlyConfigured(f"Metric {metric.id} is declared twice.")
            table[metric.id] = metric
    return table


def metric(metric_id: str) -> Metric:
    """The registered metric; a KeyError names an unknown id."""
    return registry()[metric_id]


def measure(
    metric_id: str, organisation: Any, filters: Filters | None = None
) -> Measured:
    """Shorthand for ``metric(metric_id).measure(organisation, filters)``."""
    return metric(metric_id).measure(organisation, filters)


def share(part: int, whole: int) -> Value:
    """A percentage rounded to one decimal, counted from ``whole``."""
    return Value(round(100 * part / whole, 1) if whole else None, whole)
