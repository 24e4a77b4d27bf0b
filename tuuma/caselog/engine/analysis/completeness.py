"""Metadata completeness: how often each attribute is present and non-empty."""

from __future__ import annotations

from typing import Any

import polars as pl

from tuuma.caselog.engine.filters import LogView


def _present(name: str, dtype: pl.DataType) -> pl.Expr:
    column = pl.col(name)
    if dtype == pl.String:
        return column.is_not_null() & (column.str.strip_chars() != "")
    return column.is_not_null()


def completeness(
    view: LogView,
    *,
    required: tuple[str, ...] | list[str] = (),
    list_missing: int = 100,
) -> dict[str, Any]:
    """Shares of cases / events with each attribute; cases missing required ones.

    A required name is looked up among case attributes first; for an event
    attribute, a case misses it when none of its events has it.
    """
    cases = view.cases
    case_attrs = {n: t for n, t in cases.schema.items() if not n.startswith("_")}
    event_attrs = list(view.log.summary.event_attributes)
    events = view.events(*event_attrs) if event_attrs else view.events()
    result: dict[str, Any] = {
        "cases": cases.height,
        "events": events.height,
        "case_attributes": _shares(cases, case_attrs),
        "event_attributes": _shares(events, {n: events.schema[n] for n in event_attrs}),
        "required": {},
    }
    for name in required:
        if name in case_attrs:
            has = cases.filter(_present(name, case_attrs[name])).select("_case")
        elif name in event_attrs:
            has = (
                events.filter(_present(name, events.schema[name]))
                .select("_case")
                .unique()
            )
        else:
            has = cases.clear().select("_case")
        missing = cases.join(has, on="_case", how="anti")
        result["required"][name] = {
            "missing_cases": missing.height,
            "cases": missing["_id"].head(list_missing).to_list(),
        }
    return result


def _shares(frame: pl.DataFrame, attrs: dict[str, pl.DataType]) -> dict[str, float]:
    if not attrs or frame.height == 0:
        return {name: 0.0 for name in attrs}
    row = frame.select(
        _present(name, dtype).mean().alias(name) for name, dtype in attrs.items()
    ).row(0)
    return dict(zip(attrs, (float(v) for v in row), strict=True))
