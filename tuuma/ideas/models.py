"""Ideas and feedback: one pipeline from a proposal to a public official answer.

Residents and employees use the same model; what differs is visibility
(``is_staff_only``) and identity (``author`` may be empty for an anonymous
submission). Every status transition is an ``IdeaEvent``.
"""

import re
import secrets
from datetime import timedelta
from pathlib import PurePath

from django.conf import settings
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection, models
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tuuma.organisation.models import Organisation, ServiceArea
from tuuma.organisation.permissions import areas_where, can


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


class IdeaQuerySet(models.QuerySet):
    def public(self) -> "IdeaQuerySet":
        return self.filter(PUBLIC_CONDITION)

    def visible_to(self, user, organisation: Organisation) -> "IdeaQuerySet":
        """The ideas of ``organisation`` that ``user`` may open.

        Everyone: public ideas. Staff: also staff-only ones. Moderators: every
        idea past draft, hidden or not. Triagers: those of their areas. Authors:
        their own, in any state.
        """
        ideas = self.filter(organisation=organisation)
        visible = PUBLIC_CONDITION
        if not user.is_authenticated:
            return ideas.filter(visible)
        if can(user, "ideas.view_staff_only", organisation):
            visible |= models.Q(status__in=PUBLIC_STATUSES, is_hidden=False)
        past_draft = models.Q(status__in=PUBLIC_STATUSES | {IdeaStatus.SUBMITTED})
        if can(user, "ideas.moderate", organisation):
            visible |= past_draft
        else:
            areas = areas_where(user, "ideas.triage", organisation)
            if areas is None:
                visible |= past_draft
            elif areas:
                visible |= past_draft & models.Q(service_area__in=areas)
        visible |= models.Q(author=user)
        return ideas.filter(visible)

    def refresh_search(self) -> None:
        """Recompute the full-text vectors (PostgreSQL; SQLite searches with LIKE)."""
        if connection.vendor == "postgresql":
            self.update(
                search_vector=SearchVector("title", weight="A", config=SEARCH_CONFIG)
                + SearchVector("body", weight="B", config=SEARCH_CONFIG)
            )

    def search(self, text: str) -> "IdeaQuerySet":
        words = text.split()[:12]
        if not words:
            return self
        if connection.vendor == "postgresql":
            return self.filter(
                search_vector=SearchQuery(
                    " ".join(words), config=SEARCH_CONFIG, search_type="websearch"
                )
            )
        found = self
        for word in words:
            found = found.filter(
                models.Q(title__icontains=word) | models.Q(body__icontains=word)
            )
        return found

    def similar_to(self, title: str, limit: int = 5) -> "IdeaQuerySet":
        """Ideas whose titles share words with ``title`` (the duplicate hint)."""
        words = [w for w in re.findall(r"\w+", title.lower()) if len(w) >= 4][:8]
        if not words:
            return self.none()
        if connection.vendor == "postgresql":
            query = SearchQuery(words[0], config=SEARCH_CONFIG)
            for word in words[1:]:
                query |= SearchQuery(word, config=SEARCH_CONFIG)
            return (
                self.filter(search_vector=query)
                .annotate(rank=SearchRank(F("search_vector"), query))
                .order_by("-rank", "-id")[:limit]
            )
        match = models.Q()
        for word in words:
            match |= models.Q(title__icontains=word)
        return self.filter(match).order_by("-id")[:limit]

    def overdue(self, *, target_days: int, now) -> "IdeaQuerySet":
        return self.filter(
            status__in=[IdeaStatus.PUBLISHED, IdeaStatus.UNDER_REVIEW],
            published_at__lt=now - timedelta(days=target_days),
        )


class IdeaSettings(models.Model):
    """An organisation's rules for ideas; defaults apply until someone saves them."""

    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.CASCADE,
        related_name="idea_settings",
        verbose_name=_("organisation"),
    )
    allow_anonymous = models.BooleanField(
        _("allow anonymous ideas"),
        default=False,
        help_text=_("People who are not signed in may submit ideas and feedback."),
    )
    pre_moderation = models.BooleanField(
        _("pre-moderation"),
        default=False,
        help_text=_("A moderator publishes each submitted idea before others see it."),
    )
    answer_target_days = models.PositiveSmallIntegerField(
        _("answer-time target (days)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("Days from publication to a published official answer."),
    )

    class Meta:
        verbose_name = _("idea settings")
        verbose_name_plural = _("idea settings")

    def __str__(self) -> str:
        return str(self.organisation)

    @classmethod
    def for_organisation(cls, organisation: Organisation) -> "IdeaSettings":
        found = cls.objects.filter(organisation=organisation).first()
        return found or cls(organisation=organisation)


class Idea(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="ideas",
        verbose_name=_("organisation"),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=IdeaKind.choices, default=IdeaKind.IDEA
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("description"),
        help_text=_("Plain text; simple Markdown (emphasis, lists, links) is allowed."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
        verbose_name=_("author"),
    )
    contact_email = models.EmailField(
        _("e-mail for follow-up"),
        blank=True,
        help_text=_("Optional. We send news of this idea here; it is never shown."),
    )
    service_area = models.ForeignKey(
        ServiceArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
        verbose_name=_("service area"),
    )
    location_name = models.CharField(_("location"), max_length=200, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=IdeaStatus.choices,
        default=IdeaStatus.DRAFT,
    )
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=IdeaOutcome.choices, blank=True
    )
    is_staff_only = models.BooleanField(
        _("staff only"),
        default=False,
        help_text=_("Visible to the organisation's staff only, never public."),
    )
    is_hidden = models.BooleanField(_("hidden by moderation"), default=False)
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)

    # Triage (staff).
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas_responsible_for",
        verbose_name=_("responsible person"),
    )
    impact_score = models.PositiveSmallIntegerField(
        _("impact (1–5)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    effort_score = models.PositiveSmallIntegerField(
        _("effort (1–5)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("scored by"),
    )
    scored_at = models.DateTimeField(_("scored at"), null=True, blank=True)

    # The official answer: written first, published as a separate step.
    answer_text = models.TextField(_("official answer"), blank=True)
    answer_case_number = models.CharField(
        _("case number (asiatunnus)"), max_length=100, blank=True
    )
    answer_forwarded_to = models.CharField(
        _("forwarded to"), max_length=200, blank=True
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    answered_at = models.DateTimeField(_("answer written at"), null=True, blank=True)
    answer_published_at = models.DateTimeField(
        _("answer published at"), null=True, blank=True
    )
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_ideas",
        verbose_name=_("merged into"),
    )

    # Supports are rows in Support; this mirror is changed only with F() in the
    # same transaction as the row, so sorting by it needs no COUNT over all rows.
    support_count = models.PositiveIntegerField(_("supports"), default=0)
    search_vector = SearchVectorField(null=True, editable=False)

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    objects = IdeaQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        indexes = [
            models.Index(fields=["organisation", "status"], name="idea_org_status"),
            models.Index(
                fields=["organisation", "-published_at", "-id"],
                condition=LISTED_CONDITION,
                name="idea_listed_newest",
            ),
            models.Index(
                fields=["organisation", "-support_count", "-id"],
                condition=LISTED_CONDITION,
                name="idea_listed_supported",
            ),
            models.Index(
                fields=["organisation", "-answer_published_at", "-id"],
                condition=LISTED_CONDITION,
                name="idea_listed_answered",
            ),
            models.Index(
                fields=["organisation", "published_at", "id"],
                condition=models.Q(status__in=OPEN_STATUSES),
                name="idea_open_oldest",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(impact_score__isnull=True)
                | models.Q(impact_score__gte=1, impact_score__lte=5),
                name="idea_impact_1_5",
            ),
            models.CheckConstraint(
                condition=models.Q(effort_score__isnull=True)
                | models.Q(effort_score__gte=1, effort_score__lte=5),
                name="idea_effort_1_5",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("ideas:detail", args=[self.pk])

    @property
    def answer_is_published(self) -> bool:
        return self.answer_published_at is not None

    @property
    def public_outcome(self) -> str:
        """The outcome, but only once the answer is public."""
        return self.outcome if self.answer_is_published else ""

    @property
    def answer_days(self) -> int | None:
        if self.published_at and self.answer_published_at:
            return (self.answer_published_at - self.published_at).days
        return None


class IdeaEvent(models.Model):
    """One status transition: who, when, from, to and the public text."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    idea = models.ForeignKey(
        Idea, on_delete=models.CASCADE, related_name="events", verbose_name=_("idea")
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    from_status = models.CharField(
        _("from"), max_length=20, choices=IdeaStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=IdeaStatus.choices)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=IdeaOutcome.choices, blank=True
    )
    public_text = models.TextField(_("public text"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("idea event")
        verbose_name_plural = _("idea events")

    def __str__(self) -> str:
        return f"{self.idea_id}: {self.from_status} → {self.to_status}"

    @property
    def is_public(self) -> bool:
        return self.to_status in PUBLIC_STATUSES


class Support(models.Model):
    """One person's support of one idea: exactly one row, enforced by the database."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    idea = models.ForeignKey(
        Idea, on_delete=models.CASCADE, related_name="supports", verbose_name=_("idea")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="idea_supports",
        verbose_name=_("person"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(fields=["idea", "user"], name="one_support_each")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.idea_id}"


class Follow(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    idea = models.ForeignKey(
        Idea, on_delete=models.CASCADE, related_name="follows", verbose_name=_("idea")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="idea_follows",
        verbose_name=_("person"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(fields=["idea", "user"], name="one_follow_each")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.idea_id}"


class Comment(models.Model):
    """A comment, or a reply to a top-level comment (one level only)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    idea = models.ForeignKey(
        Idea, on_delete=models.CASCADE, related_name="comments", verbose_name=_("idea")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("reply to"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="idea_comments",
        verbose_name=_("author"),
    )
    body = models.TextField(_("comment"))
    is_hidden = models.BooleanField(_("hidden by moderation"), default=False)
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return self.body[:60]


class Report(models.Model):
    """A signed-in person's report of an idea or a comment, pending a moderator."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    idea = models.ForeignKey(
        Idea, on_delete=models.CASCADE, related_name="reports", verbose_name=_("idea")
    )
    comment = models.ForeignKey(
        Comment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("comment"),
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("reported by"),
    )
    reason = models.CharField(_("reason"), max_length=500)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(
                fields=["idea", "reporter"],
                condition=models.Q(comment__isnull=True),
                name="one_idea_report_each",
            ),
            models.UniqueConstraint(
                fields=["comment", "reporter"],
                condition=models.Q(comment__isnull=False),
                name="one_comment_report_each",
            ),
        ]

    def __str__(self) -> str:
        return self.reason[:60]


class ModerationDecision(models.Model):
    """A moderator hid or restored an idea or a comment, with a reason."""

    class Action(models.TextChoices):
        HIDE = "hide", _("Hidden")
        RESTORE = "restore", _("Restored")
        AUTO_HIDE = "auto_hide", _("Hidden automatically after reports")
        PUBLISH = "publish", _("Published after pre-moderation")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    idea = models.ForeignKey(
        Idea, on_delete=models.CASCADE, related_name="moderation_decisions"
    )
    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    reason = models.TextField(_("reason"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("moderation decision")
        verbose_name_plural = _("moderation decisions")

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.reason[:40]}"


class Block(models.Model):
    """A person a moderator has barred from taking part in ideas."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="idea_blocks",
        verbose_name=_("person"),
    )
    reason = models.TextField(_("reason"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], name="one_block_per_person"
            )
        ]

    def __str__(self) -> str:
        return str(self.user)


class PrivateNote(models.Model):
    """A staff note on an idea; never shown to the public or the author."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    idea = models.ForeignKey(
        Idea, on_delete=models.CASCADE, related_name="notes", verbose_name=_("idea")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    body = models.TextField(_("note"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("private note")
        verbose_name_plural = _("private notes")

    def __str__(self) -> str:
        return self.body[:60]


def _attachment_path(instance: "Attachment", filename: str) -> str:
    """A generated name; the uploaded name is kept only as metadata."""
    suffix = PurePath(filename).suffix.lower()[:8]
    return f"ideas/{instance.idea.organisation_id}/{secrets.token_hex(16)}{suffix}"


class Attachment(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    idea = models.ForeignKey(
        Idea,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("idea"),
    )
    file = models.FileField(_("file"), upload_to=_attachment_path)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=50)
    size = models.PositiveIntegerField(_("size in bytes"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")
