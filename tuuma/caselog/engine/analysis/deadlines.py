"""Deadline compliance.

Two kinds of rule:

* :class:`ActivityDeadline` "from A to B within N days": measured from the first
  A of the case to the first B after that A (in event order). Cases without an A
  are not applicable; a case *meets* the rule when B - A <= N days. A case with
  an A but no B after it is *open* (not counted in the share) only while it can
  still meet the rule, i.e. while A + N days is not past the log's last event
  (the moment of the export). Once that is past, the case missed the deadline
  and is *late*, by the time from the deadline to the log's last event: a case
  closed long ago without a B is not "open".
* :class:`AttributeDeadline` "case end before the case attribute": the case's
  last event is at or before the attribute's date. Cases without a value for
  the attribute are not applicable. A date without a time of day means the whole
  local day (in the log's time zone): a case ending at 23:59 on it meets it.

``share_met`` = met / (met + late); late cases are listed, latest first.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import polars as pl

from tuuma.caselog.engine.analysis.stats import seconds
from tuuma.caselog.engine.filters import LogView
from tuuma.caselog.engine.reading.timestamps import to_utc


@dataclass(frozen=True)
class ActivityDeadline:
    from_activity: str
    to_activity: str
    days: float
    kind: str = "activity"


@dataclass(frozen=True)
class AttributeDeadline:
    attribute: str = "deadline"
    kind: str = "attribute"


DeadlineRule = ActivityDeadline | AttributeDeadline


def rule_from_dict(data: dict[str, Any]) -> DeadlineRule:
    fields = {k: v for k, v in data.items() if k != "kind"}
    if data.get("kind", "activity") == "attribute":
        return AttributeDeadline(**fields)
    return ActivityDeadline(**fields)


def compliance(
    view: LogView, rule: DeadlineRule, *, list_late: int = 100
) -> dict[str, Any]:
    table = _evaluate(view, rule)
    met = int(table["met"].sum())
    evaluated = table.filter(pl.col("met").is_not_null())
    # Ties (cases never answered since the same moment) go by case id.
    late = evaluated.filter(~pl.col("met")).sort(
        ["over_seconds", "case"], descending=[True, False]
    )
    applicable = table.height
    return {
        "rule": asdict(rule),
        "applicable": applicable,
        "met": met,
        "late": late.height,
        "open": applicable - evaluated.height,
        "share_met": met / evaluated.height if evaluated.height else None,
        "late_cases": late.head(list_late).select("case", "over_seconds").to_dicts(),
    }


def _evaluate(view: LogView, rule: DeadlineRule) -> pl.DataFrame:
    """One row per applicable case: case id, met (null = open), over_seconds."""
    cases = view.cases.select("_case", pl.col("_id").alias("case"), "_end")
    if isinstance(rule, AttributeDeadline):
        if rule.attribute not in view.cases.columns:
            raise ValueError(f"The log has no case attribute {rule.attribute!r}.")
        timezone = view.log.timezone
        deadline = view.cases[rule.attribute]
        if deadline.dtype == pl.String or isinstance(deadline.dtype, pl.Date):
            deadline = to_utc(deadline, timezone)
        local = deadline.dt.convert_time_zone(timezone)
        end = pl.col("_end")
        met = end <= pl.col("deadline")
        if (local.drop_nulls() == local.drop_nulls().dt.truncate("1d")).all():
            # A date without a time of day: met when the case ends on that
            # local day or before, i.e. before the next local midnight.
            deadline = (
                local.dt.offset_by("1d")
                .dt.convert_time_zone("UTC")
                .cast(deadline.dtype)
            )
            met = end < pl.col("deadline")
        return (
            cases.with_columns(deadline.alias("deadline"))
            .filter(pl.col("deadline").is_not_null())
            .select(
                "case",
                met.alias("met"),
                seconds(end - pl.col("deadline")).alias("over_seconds"),
            )
        )
    log = view.log
    a, b = log.activity_code(rule.from_activity), log.activity_code(rule.to_activity)
    if a is None:  # no case has A: the rule applies to none
        return pl.DataFrame(
            schema={"case": pl.String, "met": pl.Boolean, "over_seconds": pl.Float64}
        )
    events = view.events().with_row_index("_row")
    first_a = (
        events.filter(pl.col("_activity") == a)
        .group_by("_case")
        .agg(
            pl.col("_row").first().alias("row_a"),
            pl.col("_time").first().alias("time_a"),
        )
    )
    first_b = (
        events.filter(pl.col("_activity") == (b if b is not None else -1))
        .join(first_a, on="_case")
        .filter(pl.col("_row") > pl.col("row_a"))
        .group_by("_case")
        .agg(pl.col("_time").min().alias("time_b"))
    )
    limit = rule.days * 86400.0
    log_end = view.log.scan_events().select(pl.col("_time").max()).collect().item()
    taken = seconds(pl.col("time_b") - pl.col("time_a"))
    waited_so_far = seconds(pl.lit(log_end) - pl.col("time_a"))
    answered = pl.col("time_b").is_not_null()
    return (
        first_a.join(first_b, on="_case", how="left")
        .join(cases, on="_case")
        .select(
            "case",
            pl.when(answered)
            .then(taken <= limit)
            .when(waited_so_far > limit)
            .then(pl.lit(False))
            .otherwise(pl.lit(None, dtype=pl.Boolean))
            .alias("met"),
            (pl.when(answered).then(taken).otherwise(waited_so_far) - limit).alias(
                "over_seconds"
            ),
        )
    )
