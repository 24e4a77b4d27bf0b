"""Moderation: reports from people, moderators' decisions and blocks."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tuuma.ideas.models.ideas import Idea
from tuuma.ideas.models.participation import Comment
from tuuma.organisation.models import Organisation


class Report(models.Model):
    """A signed-in person's report of an idea or a comment, pending a moderator."""

    # A change makes its idea's page and the lists stale (tuuma.web.pagecache).
    page_scope_field = "idea"
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
            # One report per person and target: the auto-hide threshold counts people,
            # so one person reporting again and again cannot hide content alone.
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

    # A change makes its idea's page and the lists stale (tuuma.web.pagecache).
    page_scope_field = "idea"
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
