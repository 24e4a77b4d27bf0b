"""Ideas and feedback: one pipeline from a proposal to a public official answer.

Residents and employees use the same model; what differs is visibility
(``is_staff_only``) and identity (``author`` may be empty for an anonymous
submission). Every status transition is an ``IdeaEvent``.

Split by what a reader looks for: ``status`` (the states and which are public),
``ideas`` (the idea and its queries), ``settings``, ``participation`` (support,
follow, comment), ``moderation`` (reports, decisions, blocks), ``handling``
(history and private notes) and ``attachments``. Import from here.
"""

from tuuma.ideas.models.attachments import Attachment, _attachment_path
from tuuma.ideas.models.handling import IdeaEvent, PrivateNote
from tuuma.ideas.models.ideas import Idea, IdeaQuerySet
from tuuma.ideas.models.moderation import Block, ModerationDecision, Report
from tuuma.ideas.models.participation import Comment, Follow, Support
from tuuma.ideas.models.settings import IdeaSettings
from tuuma.ideas.models.status import (
    LISTED_CONDITION,
    OPEN_STATUSES,
    PUBLIC_CONDITION,
    PUBLIC_STATUSES,
    SEARCH_CONFIG,
    IdeaKind,
    IdeaOutcome,
    IdeaStatus,
)

__all__ = [
    "LISTED_CONDITION",
    "OPEN_STATUSES",
    "PUBLIC_CONDITION",
    "PUBLIC_STATUSES",
    "SEARCH_CONFIG",
    "Attachment",
    "Block",
    "Comment",
    "Follow",
    "Idea",
    "IdeaEvent",
    "IdeaKind",
    "IdeaOutcome",
    "IdeaQuerySet",
    "IdeaSettings",
    "IdeaStatus",
    "ModerationDecision",
    "PrivateNote",
    "Report",
    "Support",
    "_attachment_path",
]
