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
    result = throughput(view, bins=20)
    sheets = [
        (_("Summary"), [_("figure"), _("value")], _summary_rows(view, result)),
        (
            _("By month"),
            [_("month"), _("cases"), _("median (days)"), _("90th percentile (days)")],
            _monthly_rows(result),
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
            _edge_rows(view),
        ),
        (
            _("Variants"),
            [_("variant"), _("cases"), _("share %"), _("activities")],
            _variant_rows(view),
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
            _rule_rows(view, rules),
        ),
    ]
    return [
        (name, header, [[safe_cell(v) for v in row] for row in rows])
        for name, header, rows in sheets
    ]


def _summary_rows(view: LogView, result: dict) -> list[list]:
    head = overview(view)
    return [
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


def _monthly_rows(result: dict) -> list[list]:
    return [
        [
            m["month"],
            m["cases"],
            _round(days(m["median_seconds"])),
            _round(days(m["p90_seconds"])),
        ]
        for m in result["monthly"]
    ]


def _edge_rows(view: LogView) -> list[list]:
    return [
        [
            e["source"],
            e["target"],
            e["count"],
            _round(days(e["median_seconds"])),
            _round(days(e["mean_seconds"])),
        ]
        for e in dfg(view)
    ]


def _variant_rows(view: LogView) -> list[list]:
    return [
        [
            v["variant"],
            v["cases"],
            round(v["share"] * 100, 2),
            " → ".join(v["activities"]),
        ]
        for v in variants(view, top=100)["top"]
    ]


def _rule_rows(view: LogView, rules: list) -> list[list]:
    rows = []
    for rule in rules:
        try:
            r = compliance(view, rule_from_dict(rule.as_engine_rule()), list_late=0)
        except ValueError:
            continue  # a rule naming an activity this version lacks
        share = None if r["share_met"] is None else round(r["share_met"] * 100, 2)
        rows.append([rule.name, r["applicable"], r["met"], r["late"], r["open"], share])
    return rows
