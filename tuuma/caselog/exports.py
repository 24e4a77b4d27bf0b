"""The figures of a filtered log as tables, for CSV and XLSX downloads."""

from django.utils.translation import gettext as _

from tuuma.caselog.engine import (
    LogView,
    compliance,
    dfg,
    overview,
    rule_from_dict,
    throughput,
    variants,
)
from tuuma.caselog.formatting import days
from tuuma.programme.exports import safe_cell


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def tables(view: LogView, rules: list) -> list[tuple[str, list[str], list[list]]]:
    """(sheet name, header, rows) for the overview, trend, edges, variants, rules."""
    head = overview(view)
    result = throughput(view, bins=20)
    summary = [
        [_("cases"), head["cases"]],
        [_("events"), head["events"]],
        [_("activities"), head["activities"]],
        [_("variants"), head["variants"]],
        [_("first event"), head["first_timestamp"]],
        [_("last event"), head["last_timestamp"]],
        [_("median throughput time (days)"), _round(days(result["median"]))],
        [_("mean throughput time (days)"), _round(days(result["mean"]))],
        [_("90th percentile of throughput time (days)"), _round(days(result["p90"]))],
    ]
    monthly = [
        [
            m["month"],
            m["cases"],
            _round(days(m["median_seconds"])),
            _round(days(m["p90_seconds"])),
        ]
        for m in result["monthly"]
    ]
    edges = [
        [
            e["source"],
            e["target"],
            e["count"],
            _round(days(e["median_seconds"])),
            _round(days(e["mean_seconds"])),
        ]
        for e in dfg(view)
    ]
    top = variants(view, top=100)["top"]
    variant_rows = [
        [
            v["variant"],
            v["cases"],
            round(v["share"] * 100, 2),
            " → ".join(v["activities"]),
        ]
        for v in top
    ]
    rule_rows = []
    for rule in rules:
        try:
            r = compliance(view, rule_from_dict(rule.as_engine_rule()), list_late=0)
        except ValueError:
            continue
        share = None if r["share_met"] is None else round(r["share_met"] * 100, 2)
        rule_rows.append(
            [rule.name, r["applicable"], r["met"], r["late"], r["open"], share]
        )
    sheets = [
        (_("Summary"), [_("figure"), _("value")], summary),
        (
            _("By month"),
            [_("month"), _("cases"), _("median (days)"), _("90th percentile (days)")],
            monthly,
        ),
        (
            _("Transitions"),
            [
                _("from"),
                _("to"),
                _("count"),
                _("median wait (days)"),
                _("mean wait (days)"),
            ],
            edges,
        ),
        (
            _("Variants"),
            [_("variant"), _("cases"), _("share %"), _("activities")],
            variant_rows,
        ),
        (
            _("Deadlines"),
            [
                _("rule"),
                _("applicable"),
                _("met"),
                _("late"),
                _("open"),
                _("share met %"),
            ],
            rule_rows,
        ),
    ]
    return [
        (name, header, [[safe_cell(v) for v in row] for row in rows])
        for name, header, rows in sheets
    ]
