"""What the hearing page shows: each section with its comments, replies,
supports and questions, read in a fixed number of queries."""

import secrets
from collections import defaultdict

from django.db.models import Count
from django.http import HttpRequest
from django.urls import reverse

from tuuma.hearings.actions.common import person_key
from tuuma.hearings.models import Answer, Comment, Hearing, Section, Support

VISITOR_SESSION_KEY = "hearings_visitor"
EDITS_SESSION_KEY = "hearings_edits"
EDITS_KEPT = 50


def visitor_token(request: HttpRequest) -> str:
    """A visitor's own random token, kept in their session (created on demand)."""
    token = request.session.get(VISITOR_SESSION_KEY)
    if not token:
        token = secrets.token_urlsafe(24)
        request.session[VISITOR_SESSION_KEY] = token
    return token


def request_key(request: HttpRequest) -> str | None:
    """The person's key for answers and supports, or None for a new visitor."""
    token = request.session.get(VISITOR_SESSION_KEY, "")
    if not request.user.is_authenticated and not token:
        return None
    return person_key(request.user, token)


def edit_link(pk: int | str, token: str) -> str:
    """A visitor's private link to edit or withdraw their comment."""
    return reverse("hearings:comment-edit-link", args=[pk, token])


def remember_edit_link(request: HttpRequest, comment: Comment) -> None:
    """Keep the visitor's newest edit tokens in their session."""
    tokens = dict(request.session.get(EDITS_SESSION_KEY, {}))
    tokens[str(comment.pk)] = comment.edit_token
    request.session[EDITS_SESSION_KEY] = dict(list(tokens.items())[-EDITS_KEPT:])


def session_edit_links(request: HttpRequest) -> dict[int, str]:
    """The edit links this browser holds, by comment id."""
    tokens = request.session.get(EDITS_SESSION_KEY, {})
    return {
        int(pk): edit_link(pk, token) for pk, token in tokens.items() if pk.isdigit()
    }


def _comment_rows(
    hearing: Hearing, key: str | None, edit_links: dict[int, str]
) -> list[Comment]:
    comments = list(
        hearing.comments.shown()
        .with_support_count()
        .select_related("section_version", "section", "author")
        .order_by("created_at", "pk")
    )
    supported = set()
    if key:
        supported = set(
            Support.objects.filter(
                comment__hearing=hearing, supporter_key=key
            ).values_list("comment_id", flat=True)
        )
    for comment in comments:
        comment.supported = comment.pk in supported
        comment.edit_url = edit_links.get(comment.pk)
    return comments


def section_blocks(request: HttpRequest, hearing: Hearing) -> list[dict]:
    """One block per section, and a last one (section None) for the whole draft."""
    key = request_key(request)
    comments = _comment_rows(hearing, key, session_edit_links(request))
    replies: dict[int, list[Comment]] = defaultdict(list)
    top: dict[int | None, list[Comment]] = defaultdict(list)
    for comment in comments:
        if comment.parent_id:
            replies[comment.parent_id].append(comment)
        else:
            top[comment.section_id].append(comment)
    for comment in comments:
        comment.reply_list = replies.get(comment.pk, [])
    answered = set()
    if key:
        answered = set(
            Answer.objects.filter(
                question__section__hearing=hearing, respondent_key=key
            ).values_list("question__section_id", flat=True)
        )
    sections = list(hearing.sections.prefetch_related("questions", "attachments"))
    blocks = [
        {
            "section": section,
            "comments": top.get(section.pk, []),
            "questions": list(section.questions.all()),
            "answered": section.pk in answered,
        }
        for section in sections
    ]
    blocks.append({"section": None, "comments": top.get(None, []), "questions": []})
    return blocks


def one_block(request: HttpRequest, hearing: Hearing, section: Section | None) -> dict:
    section_id = section.pk if section else None
    for block in section_blocks(request, hearing):
        if (block["section"].pk if block["section"] else None) == section_id:
            return block
    raise LookupError(section_id)


def counts_by_section(hearing: Hearing) -> dict[int | None, int]:
    rows = hearing.comments.shown().values("section").annotate(n=Count("pk")).order_by()
    return {row["section"]: row["n"] for row in rows}
