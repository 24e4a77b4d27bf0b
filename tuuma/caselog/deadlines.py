"""Ready-made statutory deadlines (DOMAIN.md §6.3) and the monthly compliance trend."""

from dataclasses import dataclass

import polars as pl
from django.utils.translation import gettext_lazy as _

from tuuma.caselog.engine import LogView, rule_from_dict
from tuuma.caselog.logs import compliance_by_case
from tuuma.caselog.models import DeadlineRule, RuleKind


@dataclass(frozen=True)
class Template:
    key: str
    name: str
    kind: str
    days: int | None
    source: str


TEMPLATES = [
    Template(
        "information-request",
        _("Information request answered within 2 weeks"),
        RuleKind.ACTIVITY,
        14,
        _("Act on the Openness of Government Activities 621/1999, 14 § 4"),
    ),
    Template(
        "information-request-month",
        _("Information request needing special measures answered within 1 month"),
        RuleKind.ACTIVITY,
        31,
        _("Act on the Openness of Government Activities 621/1999, 14 § 4"),
    ),
    Template(
        "data-subject-request",
        _("Data subject request answered within 1 month"),
        RuleKind.ACTIVITY,
        31,
        _("GDPR article 12(3)"),
    ),
    Template(
        "accessibility-feedback",
        _("Accessibility feedback answered within 14 days"),
        RuleKind.ACTIVITY,
        14,
        _("Act on the Provision of Digital Services 306/2019"),
    ),
    Template(
        "initiative",
        _("Resident initiative (2 per cent of voters) taken up within 6 months"),
        RuleKind.ACTIVITY,
        183,
        _("Local Government Act 410/2015, 23 §"),
    ),
    Template(
        "deadline-attribute",
        _("Case closed by its own deadline date"),
        RuleKind.ATTRIBUTE,
        None,
        _("A date attribute of the case, e.g. the deadline set at registration"),
    ),
]
TEMPLATES_BY_KEY = {t.key: t for t in TEMPLATES}


def monthly_compliance(view: LogView, rule: DeadlineRule) -> list[dict]:
    """Per month the cases started: met, late, open and the share met."""
    table = compliance_by_case(view, rule_from_dict(rule.as_engine_rule()))
    monthly = (
        table.group_by(pl.col("_start").dt.strftime("%Y-%m").alias("month"))
        .agg(
            pl.col("met").sum().alias("met"),
            (pl.col("met") == False).sum().alias("late"),  # noqa: E712 - Polars
            pl.col("met").is_null().sum().alias("open"),
        )
        .sort("month")
    )
    rows = monthly.to_dicts()
    for row in rows:
        decided = row["met"] + row["late"]
        row["share_met"] = row["met"] / decided if decided else None
    return rows
