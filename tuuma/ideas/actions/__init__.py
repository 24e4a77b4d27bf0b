"""Everything that changes ideas: HTML views, the API, the programme app and the
demo all call these functions. Each is atomic; e-mails are queued in the same
transaction, so a failure leaves neither half-saved data nor stray mail.

One module per concern: ``lifecycle`` (draft to handling), ``answers`` (the
official answer and merging), ``participation`` (support, follow, comment) and
``moderation`` (reports, decisions, blocks); ``common`` holds the refusal and the
status graph. Import from here: ``from tuuma.ideas import actions``.
"""

from tuuma.ideas.actions.answers import (
    idea_answer,
    idea_merge,
    idea_publish_answer,
    ideas_publish_answers,
)
from tuuma.ideas.actions.common import NEEDS_ACCEPTED, TRANSITIONS, IdeaActionError
from tuuma.ideas.actions.lifecycle import (
    attachment_add,
    idea_add_note,
    idea_change_status,
    idea_create,
    idea_publish,
    idea_submit,
    idea_triage,
    idea_update_draft,
)
from tuuma.ideas.actions.moderation import (
    AUTO_HIDE_REPORTS,
    content_hide,
    content_restore,
    report_create,
    user_block,
    user_unblock,
)
from tuuma.ideas.actions.participation import (
    comment_create,
    idea_follow,
    idea_support,
    idea_unfollow,
    idea_unsupport,
)

__all__ = [
    "AUTO_HIDE_REPORTS",
    "NEEDS_ACCEPTED",
    "TRANSITIONS",
    "IdeaActionError",
    "attachment_add",
    "comment_create",
    "content_hide",
    "content_restore",
    "idea_add_note",
    "idea_answer",
    "idea_change_status",
    "idea_create",
    "idea_follow",
    "idea_merge",
    "idea_publish",
    "idea_publish_answer",
    "idea_submit",
    "idea_support",
    "idea_triage",
    "idea_unfollow",
    "idea_unsupport",
    "idea_update_draft",
    "ideas_publish_answers",
    "report_create",
    "user_block",
    "user_unblock",
]
