"""Files attached to an idea, stored under generated names."""

import secrets
from pathlib import PurePath

from django.db import models
from django.utils.translation import gettext_lazy as _

from tuuma.ideas.models.ideas import Idea
from tuuma.organisation.models import Organisation


def _attachment_path(instance: "Attachment", filename: str) -> str:
    """A generated name; the uploaded name is kept only as metadata."""
    suffix = PurePath(filename).suffix.lower()[:8]
    return f"ideas/{instance.idea.organisation_id}/{secrets.token_hex(16)}{suffix}"


class Attachment(models.Model):
    # A change makes its idea's page and the lists stale (tuuma.web.pagecache).
    page_scope_field = "idea"
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
