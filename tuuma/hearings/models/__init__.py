from tuuma.hearings.models.attachments import SectionAttachment
from tuuma.hearings.models.comments import (
    Comment,
    CommentReport,
    Notified,
    Support,
    Theme,
)
from tuuma.hearings.models.hearings import (
    Answer,
    Hearing,
    Question,
    Section,
    SectionVersion,
)
from tuuma.hearings.models.matters import Follower, Matter, MatterMeasure, PhaseChange

__all__ = [
    "Answer",
    "Comment",
    "CommentReport",
    "Follower",
    "Hearing",
    "Matter",
    "MatterMeasure",
    "Notified",
    "PhaseChange",
    "Question",
    "Section",
    "SectionAttachment",
    "SectionVersion",
    "Support",
    "Theme",
]
