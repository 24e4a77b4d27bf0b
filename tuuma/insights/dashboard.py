"""What the dashboard, the risk view, the board pack and the public page show:
sections of registered metrics, charts of their breakdowns, the drill-down
table per service area (or per unit inside one) and the indicators.

Everything here reads figures through the registry (``tuuma.lib.metrics``), so
the page, the stored board pack and the API cannot disagree. The tables per
service area take a metric's ``by_area`` figures (one grouped query) where it
declares them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlencode

from django.db.models import F, Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tuuma.lib.metrics import SERVICE_AREA, Filters, Measured, Metric, metric
from tuuma.organisation.models import Organisation, ServiceArea, Unit
from tuuma.programme.models import Indicator
from tuuma.web.charts import BarChart, bar_chart

SECTIONS: list[tuple[str, Any, tuple[str, ...]]] = [
    (
        "chain",
        gettext_lazy("From idea to result"),
        (
            "ideas.received",
            "ideas.answered",
            "ideas.answered_within_target",
            "ideas.median_answer_days",
            "ideas.accepted",
            "programme.ideas_in_measures",
            "programme.ideas_with_result",
            "programme.days_to_done",
        ),
    ),
    (
        "programme",
        gettext_lazy("The development programme"),
        (
            "programme.measures_open",
            "programme.measures_late",
            "programme.measures_at_risk",
            "programme.measures_done",
        ),
    ),
    (
        "results",
        gettext_lazy("Results"),
        ("programme.measured_share", "programme.targets_reached"),
    ),
    (
        "staff",
        gettext_lazy("Staff participation (Kunteko)"),
        (
            "staff.proposed_share",
            "staff.took_part_share",
            "staff.implemented_per_100",
        ),
    ),
    (
        "process",
        gettext_lazy("Processes and case logs"),
        (
            "caselog.throughput_median_days",
            "caselog.throughput_p90_days",
            "caselog.backlog",
            "caselog.deadline_misses",
            "caselog.measures_faster",
            "processes.reviews_due",
        ),
    ),
    (
        "productivity",
        gettext_lazy("Productivity and quality of working life"),
        (
            "productivity.unit_cost",
            "productivity.productivity_index",
            "productivity.volume_index",
            "productivity.real_input_index",
            "productivity.digital_share",
            "productivity.working_life_index",
            "productivity.recommendation_score",
        ),
    ),
    (
        "competence",
        gettext_lazy("Competence coverage risk"),
        ("competence.one_person_tasks",),
    ),
    (
        "capabilities",
        gettext_lazy("Workshops and hearings"),
        ("workshops.held", "hearings.held"),
    ),
]

# Charts of metric breakdowns: (section, metric, chart id, title, group heading).
CHARTS: list[tuple[str, str, str, Any, Any]] = [
    (
        "programme",
        "programme.measures_open",
        "chart-open-by-class",
        gettext_lazy("%(figure)s by class"),
        gettext_lazy("Class"),
    ),
    (
        "programme",
        "programme.measures_done",
        "chart-done-by-class",
        gettext_lazy("%(figure)s by class"),
        gettext_lazy("Class"),
    ),
    (
        "process",
        "caselog.deadline_misses",
        "chart-misses-by-rule",
        gettext_lazy("%(figure)s by case type (log and deadline rule)"),
        gettext_lazy("Case log and deadline rule"),
    ),
]

# The drill-down table's columns: per service area, or per unit inside one.
AREA_COLUMNS = (
    "ideas.received",
    "ideas.answered_within_target",
    "programme.measures_open",
    "programme.measures_late",
    "programme.measures_done",
)
UNIT_COLUMNS = ("staff.proposed_share", "staff.took_part_share")

# Sections with a table of their own, per service area or per unit inside one:
# (area columns, unit columns).
SECTION_TABLES = {
    "productivity": (
        (
            "productivity.unit_cost",
            "productivity.productivity_index",
            "productivity.digital_share",
            "productivity.working_life_index",
            "productivity.recommendation_score",
        ),
        ("productivity.working_life_index", "productivity.recommendation_score"),
    ),
}

# The indicators listed on the dashboard: the most recently measured first.
INDICATORS_SHOWN = 20

# The risk view's columns, each a count where more is worse.
RISK_COLUMNS = (
    "ideas.overdue",
    "ideas.waiting",
    "caselog.backlog",
    "caselog.deadline_misses",
    "programme.measures_late",
    "programme.measures_at_risk",
    "competence.one_person_tasks",
)


@dataclass(frozen=True)
class Figure:
    """A metric's figure for the filters, or ``refused`` when the metric cannot
    be limited as asked (a programme figure by unit)."""

    metric: Metric
    measured: Measured | None

    @property
    def refused(self) -> bool:
        return self.measured is None

    @property
    def text(self) -> str:
        return self.measured.text if self.measured else _("not counted by unit")


def figure(metric_id: str, organisation: Organisation, filters: Filters) -> Figure:
    found = metric(metric_id)
    if found.refused_filters(filters):
        return Figure(found, None)
    return Figure(found, found.measure(organisation, filters))


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    figures: list[Figure]
    # The section's own table per area or unit (``SECTION_TABLES``), if any.
    table: tuple[list[Metric], list[Row]] | None = None


def sections(
    organisation: Organisation, filters: Filters, keys: list[str] | None = None
) -> list[Section]:
    """The dashboard's sections (those named in ``keys``, else all)."""
    found = []
    for key, title, ids in SECTIONS:
        if keys is not None and key not in keys:
            continue
        table = None
        if key in SECTION_TABLES:
            area_columns, unit_columns = SECTION_TABLES[key]
            table = drill_down(organisation, filters, area_columns, unit_columns)
        figures = [figure(m, organisation, filters) for m in ids]
        found.append(Section(key, str(title), figures, table))
    return found


def charts(
    organisation: Organisation, filters: Filters, keys: list[str] | None = None
) -> list[BarChart]:
    """Bar charts of the breakdowns of the sections named in ``keys`` (else all)."""
    found = []
    for key, metric_id, chart_id, title, heading in CHARTS:
        registered = metric(metric_id)
        if (keys is not None and key not in keys) or registered.refused_filters(
            filters
        ):
            continue
        rows = registered.measure_breakdown(organisation, filters)
        found.append(
            bar_chart(
                chart_id=chart_id,
                title=str(title) % {"figure": registered.label},
                rows=[(label, m.value or 0) for label, m in rows],
                label_heading=str(heading),
                value_heading=str(registered.label),
                n=sum(m.value or 0 for _label, m in rows),
            )
        )
    return found


@dataclass(frozen=True)
class Row:
    """One line of a table per area or unit; ``filters`` opens its drill-down."""

    label: str
    filters: Filters
    figures: list[Figure]

    @property
    def query(self) -> str:
        """The dashboard's query string for this row's drill-down."""
        return urlencode({k: v for k, v in self.filters.as_dict().items() if v})


def drill_down(
    organisation: Organisation,
    filters: Filters,
    area_columns: tuple[str, ...] = AREA_COLUMNS,
    unit_columns: tuple[str, ...] = UNIT_COLUMNS,
) -> tuple[list[Metric], list[Row]]:
    """Per service area, or per unit when an area is chosen."""
    if filters.service_area:
        units = Unit.objects.filter(
            organisation=organisation, service_area_id=filters.service_area
        )
        rows = [
            (unit.name, replace(filters, unit=unit.pk))
            for unit in units
            if not filters.unit or unit.pk == filters.unit
        ]
        return [metric(m) for m in unit_columns], [
            Row(
                label,
                narrowed,
                [figure(m, organisation, narrowed) for m in unit_columns],
            )
            for label, narrowed in rows
        ]
    areas = list(ServiceArea.objects.filter(organisation=organisation))
    columns = [metric(m) for m in area_columns]
    by_column = [_by_area(found, organisation, filters, areas) for found in columns]
    return columns, [
        Row(
            area.localized_name,
            replace(filters, service_area=area.pk),
            [figures[area.pk] for figures in by_column],
        )
        for area in areas
    ]


def _by_area(
    found: Metric, organisation: Organisation, filters: Filters, areas: list
) -> dict[int, Figure]:
    """The metric's figure per area, refused (for each) when it cannot be limited
    as asked."""
    if (filters.given() | {SERVICE_AREA}) - found.filters:
        return {area.pk: Figure(found, None) for area in areas}
    measured = found.measure_by_area(organisation, filters, [a.pk for a in areas])
    return {pk: Figure(found, value) for pk, value in measured.items()}


def indicators(
    organisation: Organisation, filters: Filters
) -> tuple[list[Indicator], int]:
    """The ``INDICATORS_SHOWN`` most recently measured indicators (then those
    not measured yet) with their values prefetched, and how many there are."""
    found = Indicator.objects.filter(organisation=organisation)
    if filters.service_area:
        found = found.filter(measure__service_area_id=filters.service_area)
    shown = (
        found.select_related("measure")
        .annotate(measured_on=Max("values__date"))
        .order_by(F("measured_on").desc(nulls_last=True), "measure__title", "pk")
        .prefetch_related("values")[:INDICATORS_SHOWN]
    )
    return list(shown), found.count()


@dataclass(frozen=True)
class RiskCell:
    figure: Figure
    level: int  # 0 (none) to 3 (the highest in its column)


def risk_rows(
    organisation: Organisation,
) -> tuple[list[Metric], list[tuple[Row, list[RiskCell]]]]:
    """The risk view per service area: each count's heat is its share of the
    largest in its column (a third or less is 1, two thirds or less 2, else 3)."""
    columns, rows = drill_down(organisation, Filters(), RISK_COLUMNS)
    largest = [
        max((row.figures[i].measured.value or 0 for row in rows), default=0)
        for i in range(len(columns))
    ]
    return columns, [
        (row, [_cell(found, largest[i]) for i, found in enumerate(row.figures)])
        for row in rows
    ]


def _cell(found: Figure, largest: int | float) -> RiskCell:
    value = found.measured.value or 0 if found.measured else 0
    if not value or not largest:
        return RiskCell(found, 0)
    return RiskCell(found, min(3, 1 + int(3 * value / largest - 1e-9)))
