"""Residents' comments, their supports and reports, and the report's themes."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tuuma.hearings.choices import Response
from tuuma.hearings.models.common import image_path
from tuuma.hearings.models.hearings import Hearing, Section, SectionVersion
from tuuma.organisation.models import Organisation


class CommentQuerySet(models.QuerySet):
    def visible_to(self, user, organisation: Organisation) -> "CommentQuerySet":
        return self.filter(hearing__in=Hearing.objects.visible_to(user, organisation))

    def shown(self) -> "CommentQuerySet":
        """What the public sees: neither withdrawn nor hidden by moderation."""
        return self.filter(withdrawn_at__isnull=True, is_hidden=False)

    def with_support_count(self) -> "CommentQuerySet":
        return self.annotate(support_count=models.Count("supports", distinct=True))


class Theme(models.Model):
    """Comments of one section grouped by staff, with the required response."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    hearing = models.ForeignKey(
        Hearing, on_delete=models.CASCADE, related_name="themes"
    )
    section = models.ForeignKey(
        Section,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="themes",
        verbose_name=_("section"),
    )
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("theme"), max_length=200)
    response = models.CharField(
        _("response"), max_length=12, choices=Response.choices, blank=True
    )
    reason = models.TextField(
        _("reason"),
        blank=True,
        help_text=_("What was done with the theme, and why."),
    )

    class Meta:
        ordering = ["section__position", "position", "pk"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.title

    @property
    def is_answered(self) -> bool:
        return bool(self.response) and bool(self.reason.strip())


class Comment(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    hearing = models.ForeignKey(
        Hearing, on_delete=models.CASCADE, related_name="comments"
    )
    section = models.ForeignKey(
        Section,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("section"),
    )
    section_version = models.ForeignKey(
        SectionVersion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="comments",
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hearing_comments",
    )
    # A visitor's comment on an anonymous hearing: the hash of the token in their
    # session, so they can edit or withdraw it while the hearing is open.
    visitor_key = models.CharField(max_length=64, blank=True)
    # A visitor's private edit link carries a token; only its hash is kept, so
    # the link works from any browser but cannot be rebuilt from the database.
    edit_key = models.CharField(max_length=64, blank=True)
    author_name = models.CharField(_("name or nickname"), max_length=80, blank=True)
    body = models.TextField(_("comment"))
    language = models.CharField(max_length=2, default="fi")
    image = models.FileField(_("image"), upload_to=image_path, blank=True)
    image_name = models.CharField(max_length=255, blank=True)
    image_type = models.CharField(max_length=50, blank=True)
    is_hidden = models.BooleanField(default=False)
    hidden_reason = models.CharField(max_length=500, blank=True)
    theme = models.ForeignKey(
        Theme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
    )
    is_quote = models.BooleanField(_("representative quote"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["hearing", "section", "created_at"])]

    def __str__(self) -> str:
        return self.body[:60]

    @property
    def permission_area_id(self) -> int | None:
        return self.hearing.service_area_id

    @property
    def is_shown(self) -> bool:
        return self.withdrawn_at is None and not self.is_hidden

    @property
    def on_old_version(self) -> bool:
        return (
            self.section_version is not None
            and self.section is not None
            and self.section_version.number != self.section.version
        )

    def display_name(self) -> str:
        return self.author_name or str(_("Anonymous"))


class Support(models.Model):
    """One supporter of one comment; counts are COUNT over these rows."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="supports"
    )
    supporter_key = models.CharField(max_length=80)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "supporter_key"], name="one_support_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.comment_id}: {self.supporter_key}"


class CommentReport(models.Model):
    """A signed-in person's report of a comment, pending a moderator."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "reporter"], name="one_hearing_report_each"
            )
        ]

    def __str__(self) -> str:
        return self.reason[:60]


class Notified(models.Model):
    """A commenter told that the report is published: the job may run twice."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    hearing = models.ForeignKey(Hearing, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["hearing", "user"], name="one_report_notice_each"
            )
        ]

    def __str__(self) -> str:
        return f"{self.hearing_id}: {self.user_id}"
