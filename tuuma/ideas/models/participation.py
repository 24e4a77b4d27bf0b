"""Taking part in an idea: support, follow and comment."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tuuma.ideas.models.ideas import Idea
from tuuma.organisation.models import Organisation


class Support(models.Model):
    """One person's support of one idea: exactly one row, enforced by the database."""

    # A change makes its idea's page and the lists stale (tuuma.web.pagecache).
    page_scope_field = "idea"
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
    # A change makes its idea's page and the lists stale (tuuma.web.pagecache).
    page_scope_field = "idea"
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

    # A change makes its idea's page and the lists stale (tuuma.web.pagecache).
    page_scope_field = "idea"
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
        # SET_NULL: erasing a person keeps the thread readable ("removed user").
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
