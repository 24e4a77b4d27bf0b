"""Builders of the demo ideas, one per object kind: the ideas, their handling
(triage, answers, merges), participation (supports, comments) and the dates."""

from datetime import timedelta

from django.utils import timezone

from tuuma.ideas import actions
from tuuma.ideas.demo.data import ANSWERS, COMMENTS, IDEAS, MORE
from tuuma.ideas.models import Idea, IdeaEvent, IdeaSettings, IdeaStatus


def seed(demo) -> None:
    organisation = demo.organisation
    if Idea.objects.filter(organisation=organisation).exists():
        return
    people = demo.people
    settings, _created = IdeaSettings.objects.get_or_create(organisation=organisation)
    made: dict[str, Idea] = {}
    for title, body, kind, area, author, state, outcome, days, answer_days in IDEAS:
        settings.pre_moderation = state == "submitted"
        settings.save()
        idea = actions.idea_create(
            organisation=organisation,
            author=people[author],
            kind=kind,
            title=title,
            body=body,
            service_area=demo.areas.get(area),
            is_staff_only=kind == "staff_initiative" and state != "published",
            submit=state != "draft",
        )
        _advance(idea, state=state, outcome=outcome, people=people, made=made)
        made[title] = idea
        idea.refresh_from_db()
        _backdate(idea, published_days=days, answer_days=answer_days)
    settings.pre_moderation = False
    settings.save()
    for title, area, state, outcome, days, answer_days in MORE:
        idea = actions.idea_create(
            organisation=organisation,
            author=people["resident"],
            kind="idea",
            title=title,
            body=f"{title}. Ehdotan tätä, koska se helpottaisi arkea.",
            service_area=demo.areas[area],
        )
        _advance(idea, state=state, outcome=outcome, people=people, made=made)
        made[title] = idea
        idea.refresh_from_db()
        _backdate(idea, published_days=days, answer_days=answer_days)
    _participate(list(made.values()), people)


def _advance(idea: Idea, *, state: str, outcome: str, people, made) -> None:
    lead, owner = people["lead"], people["process_owner"]
    if state in ("draft", "submitted", "published"):
        return
    if state == "hidden":
        actions.content_hide(
            idea=idea, by=people["moderator"], reason="Mainos, ei liity kuntaan."
        )
        return
    actions.idea_triage(
        idea=idea,
        by=lead,
        service_area=idea.service_area,
        responsible=owner,
        impact_score=4,
        effort_score=2,
    )
    actions.idea_add_note(idea=idea, by=lead, body="Selvitetään kustannukset.")
    actions.idea_change_status(idea=idea, to_status=IdeaStatus.UNDER_REVIEW, by=lead)
    if state == "under_review":
        return
    if outcome == "merged":
        actions.idea_merge(
            idea=idea,
            into=made["Penkkejä Rantapuiston kävelyreitille"],
            by=lead,
            public_text="Samasta asiasta on jo idea, ja tämä yhdistettiin siihen.",
        )
        return
    actions.idea_answer(
        idea=idea,
        by=owner,
        outcome=outcome,
        text=ANSWERS[outcome],
        forwarded_to="Tekninen lautakunta" if outcome == "forwarded" else "",
        case_number="ESIM/412/2026" if outcome == "forwarded" else "",
    )
    actions.idea_publish_answer(idea=idea, by=lead)
    if state in ("in_progress", "implemented"):
        actions.idea_change_status(idea=idea, to_status=IdeaStatus.IN_PROGRESS, by=lead)
    if state == "implemented":
        actions.idea_change_status(idea=idea, to_status=IdeaStatus.IMPLEMENTED, by=lead)


def _participate(ideas: list[Idea], people) -> None:
    supporters = [
        people[key]
        for key in (
            "resident",
            "resident_sv",
            "resident_en",
            "employee",
            "employee2",
            "manager",
        )
    ]
    for index, idea in enumerate(ideas):
        idea.refresh_from_db()
        if (
            idea.status
            not in {
                IdeaStatus.PUBLISHED,
                IdeaStatus.UNDER_REVIEW,
                IdeaStatus.ANSWERED,
                IdeaStatus.IN_PROGRESS,
                IdeaStatus.IMPLEMENTED,
            }
            or idea.is_hidden
            or idea.merged_into_id
        ):
            continue
        for person in supporters[: (index * 3) % len(supporters) + 1]:
            actions.idea_support(idea=idea, user=person)
        key, text = COMMENTS[index % len(COMMENTS)]
        comment = actions.comment_create(idea=idea, author=people[key], body=text)
        if index % 2 == 0:
            actions.comment_create(
                idea=idea,
                author=people["process_owner"],
                body="Kiitos kommentista, otamme tämän huomioon.",
                parent=comment,
            )


def _backdate(idea: Idea, *, published_days: int, answer_days: int | None) -> None:
    now = timezone.now()
    published = now - timedelta(days=published_days)
    answered = published + timedelta(days=answer_days) if answer_days else None
    Idea.objects.filter(pk=idea.pk).update(
        created_at=published - timedelta(hours=2),
        submitted_at=published - timedelta(hours=1),
        published_at=published if idea.published_at else None,
        answered_at=answered if idea.answered_at else None,
        answer_published_at=answered if idea.answer_published_at else None,
    )
    for event in idea.events.all():
        if event.to_status in (IdeaStatus.SUBMITTED, IdeaStatus.PUBLISHED):
            at = published
        elif event.to_status == IdeaStatus.UNDER_REVIEW:
            at = published + timedelta(days=1)
        else:
            at = (answered or published) + timedelta(
                days=10 if event.to_status != IdeaStatus.ANSWERED else 0
            )
        IdeaEvent.objects.filter(pk=event.pk).update(at=min(at, now))
