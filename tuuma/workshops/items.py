"""What a step is about: the notes, clusters or poll options people vote on.

Every page, the API and the exports read notes through ``visible_notes``, so a
note hidden by moderation disappears everywhere with one UPDATE.
"""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from tuuma.workshops.models import Cluster, Note, Session, Step, StepKind


@dataclass(frozen=True)
class Item:
    key: str
    label: str
    note_count: int = 0
    is_paper: bool = False


def visible_notes(session: Session) -> QuerySet:
    return Note.objects.filter(session=session, is_hidden=False, is_approved=True)


def clusters_with_notes(session: Session) -> QuerySet:
    return Cluster.objects.filter(session=session).annotate(
        note_count=Count(
            "notes", filter=Q(notes__is_hidden=False, notes__is_approved=True)
        )
    )


def step_items(step: Step) -> list[Item]:
    """The items of a step: poll options, the step's own questions (Q&A), or the
    session's clusters once there are any, else its notes."""
    if step.kind == StepKind.POLL:
        return [Item(f"o{i}", text) for i, text in enumerate(step.option_list)]
    notes = visible_notes(step.session)
    if step.kind == StepKind.QA:
        return [Item(n.key, n.text, 1, n.is_paper) for n in notes.filter(step=step)]
    notes = notes.exclude(step__kind=StepKind.QA)
    clusters = [c for c in clusters_with_notes(step.session) if c.note_count]
    if clusters:
        return [Item(c.key, c.title, c.note_count) for c in clusters]
    return [Item(n.key, n.text, 1, n.is_paper) for n in notes]


def is_item(step: Step, key: str) -> bool:
    """Whether ``key`` is one of ``step_items(step)``, with one or two small
    queries instead of building the whole list (every vote asks this)."""
    prefix, raw = key[:1], key[1:]
    if not raw.isdigit():
        return False
    pk = int(raw)
    if step.kind == StepKind.POLL:
        return prefix == "o" and pk < len(step.option_list)
    notes = visible_notes(step.session)
    if step.kind == StepKind.QA:
        return prefix == "n" and notes.filter(step=step, pk=pk).exists()
    notes = notes.exclude(step__kind=StepKind.QA)
    if notes.filter(cluster__isnull=False).exists():
        return prefix == "c" and notes.filter(cluster_id=pk).exists()
    return prefix == "n" and notes.filter(pk=pk).exists()
