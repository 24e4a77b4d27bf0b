"""Personal data in the ideas pipeline (GDPR hooks, see tuuma/audit/personal_data.py)."""

from typing import Any

from tuuma.ideas.models import Block, Comment, Follow, Idea, Report, Support
from tuuma.web import pagecache

REMOVED = "–"


def personal_data(user) -> dict[str, Any]:
    return {
        "ideas": list(
            Idea.objects.filter(author=user).values(
                "id",
                "kind",
                "title",
                "body",
                "status",
                "contact_email",
                "location_name",
                "created_at",
                "submitted_at",
                "published_at",
            )
        ),
        "comments": list(
            Comment.objects.filter(author=user).values(
                "id", "idea_id", "body", "created_at"
            )
        ),
        "supports": list(
            Support.objects.filter(user=user).values("idea_id", "created_at")
        ),
        "follows": list(
            Follow.objects.filter(user=user).values("idea_id", "created_at")
        ),
        "reports": list(
            Report.objects.filter(reporter=user).values(
                "idea_id", "comment_id", "reason", "created_at"
            )
        ),
        "blocks": list(Block.objects.filter(user=user).values("reason", "created_at")),
        "responsible_for_ideas": list(
            Idea.objects.filter(responsible=user).values_list("id", flat=True)
        ),
    }


def erase_person(user, *, remove_public_texts: bool) -> None:
    """Ideas and comments lose their author; supports stay so counts hold.

    ``remove_public_texts``: the texts are blanked and hidden, the rows (and
    so every count) kept. Follows are preferences, not contributions: removed.
    """
    ideas = Idea.objects.filter(author=user)
    comments = Comment.objects.filter(author=user)
    organisations = {
        *ideas.values_list("organisation_id", flat=True).distinct(),
        *comments.values_list("organisation_id", flat=True).distinct(),
    }
    if remove_public_texts:
        ideas.update(
            title=REMOVED,
            body="",
            location_name="",
            is_hidden=True,
            hidden_reason="erased at the author's request",
        )
        comments.update(body="", is_hidden=True, hidden_reason="erased")
    ideas.update(author=None, contact_email="")
    comments.update(author=None)
    # update() sends no signals: every page that showed the person's name or texts.
    pagecache.bump(
        {pagecache.org_scope(pk) for pk in organisations}
        | {pagecache.site_scope(pk) for pk in organisations}
    )
    Follow.objects.filter(user=user).delete()
