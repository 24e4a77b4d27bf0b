"""The priority list: score ideas and measures, rank them, freeze a ranking."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from tuuma.accounts.models import User
from tuuma.audit.actions import audit_record
from tuuma.caselog.models import CaseLog
from tuuma.ideas.models import Idea
from tuuma.improvement import priority
from tuuma.improvement.errors import ImprovementError
from tuuma.improvement.models import KanoFeature, PriorityScore, RankingDecision
from tuuma.lib.apps import app_modules
from tuuma.organisation.models import Organisation, ServiceArea
from tuuma.programme.models import Measure


def _kano_category(target) -> str | None:
    from tuuma.improvement.survey_actions import feature_category

    field = "idea" if isinstance(target, Idea) else "measure"
    feature = (
        KanoFeature.objects.filter(**{field: target}).select_related("survey").last()
    )
    return feature_category(feature) if feature else None


def _competence_risk(target) -> list[dict] | None:
    """Tasks of the processes the item names that only one person masters, from
    any app offering an ``effort_risk`` hook (competence; not importable here)."""
    processes = [
        link.process for link in target.process_links.select_related("process")
    ]
    hooks = list(app_modules("effort_risk"))
    if not processes or not hooks:
        return None
    return [
        row
        for hook in hooks
        for row in hook.one_person_tasks(target.organisation, processes)
    ]


def grounds_for(
    target, *, caselog: CaseLog | None = None, waiting_days: Decimal | None = None
) -> dict:
    """The data an impact score can rest on: supporters, Kano category, and
    waiting time removed × annual case volume from a linked case log; and, for
    effort, the one-person-deep tasks of the processes it changes."""
    grounds: dict = {
        "kano": _kano_category(target),
        "competence_risk": _competence_risk(target),
    }
    if isinstance(target, Idea):
        grounds["supporters"] = target.supports.count()
    version = caselog.current_version if caselog else None
    if version is not None and waiting_days:
        span = (version.last_event_at - version.first_event_at).total_seconds() / 86400
        grounds["cases"] = version.cases
        grounds["span_days"] = round(span, 1)
        value = priority.case_days_per_year(version.cases, span, float(waiting_days))
        grounds["case_days_per_year"] = round(value) if value else None
    return grounds


@transaction.atomic
def item_score(
    *,
    target: Idea | Measure,
    by: User,
    impact: int,
    effort: int,
    impact_reason: str,
    effort_reason: str,
    caselog: CaseLog | None = None,
    waiting_days_removed: Decimal | None = None,
) -> PriorityScore:
    """Record a new score of an idea or a measure (with its reasons and grounds)."""
    if not impact_reason.strip() or not effort_reason.strip():
        raise ImprovementError(_("Give the reason for both scores."))
    for value in (impact, effort):
        if not 1 <= value <= 5:
            raise ImprovementError(_("Scores are from 1 to 5."))
    if caselog is not None and caselog.organisation_id != target.organisation_id:
        raise ImprovementError(_("That item belongs to another organisation."))
    return PriorityScore.objects.create(
        organisation=target.organisation,
        idea=target if isinstance(target, Idea) else None,
        measure=target if isinstance(target, Measure) else None,
        service_area_id=target.service_area_id,
        impact=impact,
        effort=effort,
        impact_reason=impact_reason,
        effort_reason=effort_reason,
        caselog=caselog,
        waiting_days_removed=waiting_days_removed,
        grounds=grounds_for(target, caselog=caselog, waiting_days=waiting_days_removed),
        scored_by=by,
    )


@dataclass
class Ranked:
    rank: int
    kind: str  # "idea" | "measure"
    target_id: int
    title: str
    url: str
    impact: int
    effort: int
    score: float
    quadrant: str
    impact_reason: str
    effort_reason: str
    grounds: dict
    score_id: int

    def as_row(self) -> dict:
        row = asdict(self)
        row["score"] = round(self.score, 3)
        return row


def current_scores(organisation: Organisation, area_ids: list[int] | None = None):
    """The newest score of each idea and measure (older ones are history)."""
    scores = PriorityScore.objects.filter(organisation=organisation).select_related(
        "idea", "measure"
    )
    if area_ids is not None:
        scores = scores.filter(service_area_id__in=area_ids)
    seen: set[tuple[str, int]] = set()
    for score in scores.order_by("-scored_at", "-pk"):
        key = (
            ("idea", score.idea_id) if score.idea_id else ("measure", score.measure_id)
        )
        if key not in seen:
            seen.add(key)
            yield key[0], score


def ranking(
    organisation: Organisation,
    *,
    area_ids: list[int] | None = None,
    weights: dict[str, float] | None = None,
) -> list[Ranked]:
    """Scored items, best first (weighted score, then impact, then lower effort)."""
    weights = weights or priority.DEFAULT_WEIGHTS
    items = [
        Ranked(
            rank=0,
            kind=kind,
            target_id=score.target.pk,
            title=score.target.title,
            url=score.target.get_absolute_url(),
            impact=score.impact,
            effort=score.effort,
            score=priority.weighted(score.impact, score.effort, weights),
            quadrant=priority.quadrant(score.impact, score.effort),
            impact_reason=score.impact_reason,
            effort_reason=score.effort_reason,
            grounds=score.grounds,
            score_id=score.pk,
        )
        for kind, score in current_scores(organisation, area_ids)
    ]
    items.sort(key=lambda r: (-r.score, -r.impact, r.effort, r.title))
    for number, item in enumerate(items, start=1):
        item.rank = number
    return items


def unscored(organisation: Organisation, area_ids: list[int] | None = None) -> dict:
    """Problems, ideas and planned measures without a score yet."""
    ideas = Idea.objects.filter(
        organisation=organisation, priority_scores=None
    ).exclude(status="draft")
    measures = Measure.objects.filter(
        organisation=organisation, priority_scores=None, status="planned"
    )
    if area_ids is not None:
        ideas = ideas.filter(service_area_id__in=area_ids)
        measures = measures.filter(service_area_id__in=area_ids)
    return {
        "ideas": ideas.annotate(supporters=Count("supports")).order_by("-supporters")[
            :50
        ],
        "measures": measures.order_by("due_date")[:50],
    }


@transaction.atomic
def ranking_freeze(
    *,
    organisation: Organisation,
    by: User,
    title: str,
    decided_on: date,
    service_area: ServiceArea | None = None,
    weights: dict[str, float] | None = None,
) -> RankingDecision:
    weights = weights or dict(priority.DEFAULT_WEIGHTS)
    area_ids = [service_area.pk] if service_area else None
    rows = [
        item.as_row()
        for item in ranking(organisation, area_ids=area_ids, weights=weights)
    ]
    if not rows:
        raise ImprovementError(_("There is nothing scored to rank yet."))
    decision = RankingDecision.objects.create(
        organisation=organisation,
        title=title,
        decided_on=decided_on,
        service_area=service_area,
        weights=weights,
        rows=rows,
        created_by=by,
    )
    audit_record(
        organisation=organisation,
        actor=by,
        action="improvement.ranking_frozen",
        target=decision,
        details={"decided_on": decided_on.isoformat(), "items": len(rows)},
    )
    return decision
