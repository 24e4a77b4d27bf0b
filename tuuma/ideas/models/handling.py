"""What staff leave on an idea while handling it: the status history (public
in part) and private notes (never public)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tuuma.ideas.models.ideas import Idea
from tuuma.ideas.models.status import PUBLIC_STATUSES, IdeaOutcome, IdeaStatus
from tuuma.organisation.models import Organisation


class IdeaEvent(models.Model):
    """One status transition: who, when, from, to and the public text."""

    # A change makes its idea's page and the lists stale (tuuma.web.pagecache).
    page_scope_field = "idea"
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


class PrivateNote(models.Model):
    """A staff note on an idea; never shown to the public or the author."""

    # A change makes its idea's page and the lists stale (tuuma.web.pagecache).
    page_scope_field = "idea"
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
