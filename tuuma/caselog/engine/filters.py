"""Case filters applied before any analysis, and the filtered view of a log.

Dates and naive datetimes in a filter are local time in the log's time zone
(``EventLog.timezone``): a window from 1.3. starts at local midnight.

A :class:`CaseFilter` selects whole cases (never single events), so every figure of
a filtered view is computed on complete cases. It round-trips through a plain dict
(``to_dict`` / ``from_dict``) so the web app can keep it in the URL.

Time window modes, for a window ``[start, end)`` (either bound may be open):
``intersecting`` (default) the case runs at some time inside the window,
``started`` the case starts inside it, ``ended`` it ends inside it, ``contained``
it starts and ends inside it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import polars as pl

from tuuma.caselog.engine.reading.timestamps import parse_timestamps
from tuuma.caselog.engine.store import EventLog

T = TypeVar("T")
TIME_MODES = ("intersecting", "started", "ended", "contained")


@dataclass(frozen=True)
class CaseFilter:
    start: datetime | None = None
    end: datetime | None = None
    time_mode: str = "intersecting"
    # Case attribute -> accepted values, compared as text.
    attributes: dict[str, list[str]] = field(default_factory=dict)
    variants: list[int] = field(default_factory=list)
    activities_present: list[str] = field(default_factory=list)
    activities_absent: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.time_mode not in TIME_MODES:
            raise ValueError(f"time_mode must be one of {TIME_MODES}")
        object.__setattr__(self, "start", _as_datetime(self.start))
        object.__setattr__(self, "end", _as_datetime(self.end))

    @property
    def is_empty(self) -> bool:
        return self == CaseFilter()

    def to_dict(self) -> dict[str, Any]:
        """Only the fields that differ from the default; datetimes as ISO text."""
        out = {}
        for key, value in asdict(self).items():
            if value == getattr(CaseFilter(), key):
                continue
            out[key] = value.isoformat() if isinstance(value, datetime) else value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CaseFilter:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        for key in ("start", "end"):
            if isinstance(known.get(key), str):
                known[key] = datetime.fromisoformat(known[key])
        if "attributes" in known:
            known["attributes"] = {
                k: [str(v) for v in (vs if isinstance(vs, list) else [vs])]
                for k, vs in known["attributes"].items()
            }
        if "variants" in known:
            known["variants"] = [int(v) for v in known["variants"]]
        return cls(**known)


def _as_datetime(value: datetime | date | None) -> datetime | None:
    """Aware datetimes in UTC; a date is its midnight, kept naive (local)."""
    if value is None:
        return None
    if not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day)
    return value if value.tzinfo is None else value.astimezone(UTC)


def as_utc(value: datetime | date | None, timezone: str = "UTC") -> datetime | None:
    """A date or datetime in UTC; dates and naive ones are local in ``timezone``."""
    value = _as_datetime(value)
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=ZoneInfo(timezone)).astimezone(UTC)


class LogView:
    """Some cases of a log (all, or those passing a filter), events on demand."""

    def __init__(
        self, log: EventLog, cases: pl.DataFrame, case_filter: CaseFilter | None = None
    ) -> None:
        self.log = log
        self.cases = cases
        self.filter = case_filter or CaseFilter()
        self.is_filtered = cases.height != log.cases.height
        self._cache: dict[str, Any] = {}

    def cached(self, name: str, compute: Callable[[], T]) -> T:
        """A derived table computed once per view (e.g. the DFG steps)."""
        if name not in self._cache:
            self._cache[name] = compute()
        return self._cache[name]

    def events(self, *attributes: str) -> pl.DataFrame:
        """Events of the selected cases in event order (see store)."""
        columns = ["_case", "_activity", "_time", *attributes]
        if not attributes:
            return self.cached("events", lambda: self._collect(columns))
        return self._collect(columns)

    def _collect(self, columns: list[str]) -> pl.DataFrame:
        events = self.log.scan_events().select(columns)
        if self.is_filtered:
            events = events.filter(pl.col("_case").is_in(self.cases["_case"].implode()))
        return events.collect()

    def subset(self, mask: pl.Expr) -> LogView:
        """A view of the cases of this view that satisfy ``mask`` (on cases)."""
        return LogView(self.log, self.cases.filter(mask), self.filter)


def select(log: EventLog, case_filter: CaseFilter | dict | None = None) -> LogView:
    """The cases of ``log`` that pass ``case_filter`` (a CaseFilter or its dict)."""
    if isinstance(case_filter, dict):
        case_filter = CaseFilter.from_dict(case_filter)
    case_filter = case_filter or CaseFilter()
    return LogView(log, _filter_cases(log, case_filter), case_filter)


def _filter_cases(log: EventLog, f: CaseFilter) -> pl.DataFrame:
    cases = log.cases
    if f.is_empty:
        return cases
    conditions: list[pl.Expr] = []
    start, end = pl.col("_start"), pl.col("_end")
    if f.start is not None:
        lower = {
            "intersecting": end,
            "started": start,
            "ended": end,
            "contained": start,
        }
        conditions.append(lower[f.time_mode] >= as_utc(f.start, log.timezone))
    if f.end is not None:
        upper = {
            "intersecting": start,
            "started": start,
            "ended": end,
            "contained": end,
        }
        conditions.append(upper[f.time_mode] < as_utc(f.end, log.timezone))
    for name, values in f.attributes.items():
        if name not in cases.columns:
            raise ValueError(f"The log has no case attribute {name!r}.")
        conditions.append(_attribute_in(name, cases.schema[name], values, log.timezone))
    if f.variants:
        conditions.append(pl.col("_variant").is_in(f.variants))
    if conditions:
        cases = cases.filter(pl.all_horizontal(conditions))
    if f.activities_present or f.activities_absent:
        cases = _by_activity(log, cases, f)
    return cases


def _attribute_in(
    name: str, dtype: pl.DataType, values: list[str], timezone: str
) -> pl.Expr:
    """Values are text; a date attribute compares them as timestamps (local)."""
    if isinstance(dtype, pl.Datetime):
        wanted = parse_timestamps(pl.Series(values, dtype=pl.String), timezone)
        wanted = wanted.drop_nulls()
        return pl.col(name).is_in(wanted.implode())
    return pl.col(name).cast(pl.String).is_in(values)


def _by_activity(log: EventLog, cases: pl.DataFrame, f: CaseFilter) -> pl.DataFrame:
    def codes(names: list[str]) -> list[int]:
        return [c for c in (log.activity_code(n) for n in names) if c is not None]

    events = log.scan_events().select("_case", "_activity")
    for name in f.activities_present:
        code = log.activity_code(name)
        if code is None:
            return cases.clear()
        having = events.filter(pl.col("_activity") == code).select("_case").unique()
        cases = cases.join(having.collect(), on="_case", how="semi")
    absent = codes(f.activities_absent)
    if absent:
        having = events.filter(pl.col("_activity").is_in(absent)).select("_case")
        cases = cases.join(having.unique().collect(), on="_case", how="anti")
    return cases
