"""An idea (or feedback) and the queries that find ideas: visibility, search,
the duplicate hint and the overdue list."""

import re
from datetime import timedelta

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
from tuuma.organisation.models import Organisation, ServiceArea
from tuuma.organisation.permissions import areas_where, can
from tuuma.web.pagecache import object_scope, site_scope


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

    def page_scopes(self) -> set[str]:
        """What a change of the idea makes stale in the page cache: its page, the
        page it is merged into, and (through the answer figures) every idea page."""
        return {
            object_scope(Idea, self.pk),
            object_scope(Idea, self.merged_into_id),
            site_scope(self.organisation_id),
        }

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
