"""A session's results land in the tracked backlog: each note or cluster becomes
an idea (or supports an existing one) with the session, cluster and vote count
attached, and a top item can become a programme measure straight away."""

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from tuuma.accounts.models import User
from tuuma.ideas.actions import (
    IdeaActionError,
    idea_answer,
    idea_create,
    idea_publish,
    idea_publish_answer,
    idea_support,
)
from tuuma.ideas.models import Idea, IdeaKind, IdeaOutcome, IdeaStatus
from tuuma.organisation.models import ServiceArea
from tuuma.programme.actions import measure_create
from tuuma.programme.models import Goal, Measure
from tuuma.workshops.actions import WorkshopError
from tuuma.workshops.items import clusters_with_notes, visible_notes
from tuuma.workshops.models import Audience, Outcome, Session, StepKind, Vote

NEW = "new"
SKIP = "skip"


def backlog_items(session: Session) -> list[dict]:
    """What can go to the backlog: clusters, then notes outside any cluster, each
    with the votes it got over all voting steps."""
    votes: dict[str, int] = {}
    for item, points in Vote.objects.filter(
        step__session=session, step__kind__in=[StepKind.DOTS, StepKind.POINTS]
    ).values_list("item", "points"):
        votes[item] = votes.get(item, 0) + points
    items = []
    notes = visible_notes(session).exclude(step__kind=StepKind.QA)
    for cluster in clusters_with_notes(session).filter(note_count__gt=0):
        texts = [n.text for n in notes.filter(cluster=cluster)]
        items.append(_item(cluster.key, cluster.title, texts, votes, cluster))
    for note in notes.filter(cluster__isnull=True):
        items.append(_item(note.key, note.text[:200], [note.text], votes, None))
    done = {o.item: o for o in session.outcomes.select_related("idea")}
    for item in items:
        item["outcome"] = done.get(item["key"])
    items.sort(key=lambda i: -i["votes"])
    return items


def _item(key: str, label: str, texts: list[str], votes: dict, cluster) -> dict:
    return {
        "key": key,
        "label": label,
        "texts": texts,
        "votes": votes.get(key, 0),
        "cluster": cluster,
    }


def _body(session: Session, item: dict) -> str:
    lines = [
        _("From the workshop “%(title)s”.") % {"title": session.title},
        _("Votes: %(votes)s") % {"votes": item["votes"]},
        "",
    ]
    lines += [f"- {text}" for text in item["texts"]]
    return "\n".join(lines)


@transaction.atomic
def session_to_backlog(
    *,
    session: Session,
    by: User,
    choices: dict[str, str],
    service_area: ServiceArea | None = None,
) -> list[Outcome]:
    """``choices``: item key → "new", "skip" or an existing idea's id (a support).

    Items already sent are left alone, so running it twice adds nothing."""
    if session.status != "closed":
        raise WorkshopError(_("Close the workshop before sending its results."))
    staff = session.audience == Audience.STAFF
    outcomes = []
    for item in backlog_items(session):
        choice = choices.get(item["key"], SKIP)
        if choice == SKIP or item["outcome"] is not None:
            continue
        if choice == NEW:
            idea = idea_create(
                organisation=session.organisation,
                author=by,
                kind=IdeaKind.STAFF_INITIATIVE if staff else IdeaKind.IDEA,
                title=item["label"][:200],
                body=_body(session, item),
                service_area=service_area or session.service_area,
                is_staff_only=staff,
            )
        else:
            idea = _existing_idea(session, choice)
            _support_by_participants(session, idea)
        outcomes.append(
            Outcome.objects.create(
                organisation_id=session.organisation_id,
                session=session,
                item=item["key"],
                label=item["label"][:1000],
                cluster=item["cluster"],
                idea=idea,
                is_new_idea=choice == NEW,
                votes=item["votes"],
            )
        )
    return outcomes


def _existing_idea(session: Session, choice: str) -> Idea:
    idea = Idea.objects.filter(
        organisation=session.organisation, pk=int(choice) if choice.isdigit() else 0
    ).first()
    if idea is None:
        raise WorkshopError(_("The idea to support was not found."))
    return idea


def _support_by_participants(session: Session, idea: Idea) -> None:
    """Signed-in participants support the existing idea (once each)."""
    for user in User.objects.filter(
        workshop_participations__session=session
    ).distinct():
        try:
            idea_support(idea=idea, user=user)
        except IdeaActionError:
            return  # the idea takes no support now (closed, merged): the link stays


@transaction.atomic
def outcome_to_measure(
    *,
    outcome: Outcome,
    by: User,
    goal: Goal,
    service_area: ServiceArea,
    owner: User,
    start_date: date,
    due_date: date,
    measure_class: str = "development_project",
) -> Measure:
    """Accept the outcome's idea and start a measure carrying it."""
    if outcome.measure_id:
        raise WorkshopError(_("This item is already a measure."))
    idea = outcome.idea
    if idea.status == IdeaStatus.SUBMITTED:
        idea_publish(idea=idea, by=by)
    if idea.status in (IdeaStatus.PUBLISHED, IdeaStatus.UNDER_REVIEW):
        idea_answer(
            idea=idea,
            by=by,
            outcome=IdeaOutcome.ACCEPTED,
            text=_("Taken into the development programme from the workshop “%(t)s”.")
            % {"t": outcome.session.title},
        )
        idea_publish_answer(idea=idea, by=by)
    idea.refresh_from_db()
    measure = measure_create(
        organisation=outcome.organisation,
        by=by,
        goal=goal,
        title=idea.title[:200],
        description=idea.body,
        measure_class=measure_class,
        service_area=service_area,
        owner=owner,
        start_date=start_date,
        due_date=due_date,
        ideas=[idea],
    )
    outcome.measure = measure
    outcome.save(update_fields=["measure"])
    return measure


def follow_url(outcome: Outcome) -> str:
    return reverse("ideas:detail", args=[outcome.idea_id])
