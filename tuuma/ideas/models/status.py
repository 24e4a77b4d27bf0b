"""The states an idea moves through, and which of them the public sees."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IdeaKind(models.TextChoices):
    IDEA = "idea", _("Idea")
    FEEDBACK = "feedback", _("Feedback")
    PROBLEM = "problem", _("Problem or bottleneck")
    STAFF_INITIATIVE = "staff_initiative", _("Staff initiative")


class IdeaStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    PUBLISHED = "published", _("Published")
    UNDER_REVIEW = "under_review", _("Under review")
    ANSWERED = "answered", _("Answered")
    IN_PROGRESS = "in_progress", _("In progress")
    IMPLEMENTED = "implemented", _("Implemented")


class IdeaOutcome(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    ALREADY_DONE = "already_done", _("Already done")
    FORWARDED = "forwarded", _("Forwarded")
    NOT_TAKEN_FORWARD = "not_taken_forward", _("Not taken forward")
    MERGED = "merged", _("Merged")


# Statuses in which an idea can be seen by others than its author and staff.
PUBLIC_STATUSES = frozenset(
    {
        IdeaStatus.PUBLISHED,
        IdeaStatus.UNDER_REVIEW,
        IdeaStatus.ANSWERED,
        IdeaStatus.IN_PROGRESS,
        IdeaStatus.IMPLEMENTED,
    }
)

SEARCH_CONFIG = "finnish"

# Published and not hidden: what the lists show (the public ones also drop
# staff-only ideas, a few per cent, which the ordered index scan filters out).
LISTED_CONDITION = models.Q(status__in=sorted(PUBLIC_STATUSES), is_hidden=False)
# Waiting for handling: the triage and overdue lists, oldest first.
OPEN_STATUSES = ["published", "submitted", "under_review"]

PUBLIC_CONDITION = models.Q(
    status__in=sorted(PUBLIC_STATUSES), is_staff_only=False, is_hidden=False
)
