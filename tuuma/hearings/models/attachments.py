"""Documents (PDF, office files) attached to a section of a hearing."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tuuma.hearings.choices import DOCUMENT_LABELS
from tuuma.hearings.models.common import image_path
from tuuma.hearings.models.hearings import Hearing, Section
from tuuma.organisation.models import Organisation


class AttachmentQuerySet(models.QuerySet):
    def visible_to(self, user, organisation: Organisation) -> "AttachmentQuerySet":
        return self.filter(
            section__hearing__in=Hearing.objects.visible_to(user, organisation)
        )


class SectionAttachment(models.Model):
    """Stored under a generated name; served only by ``attachment_download``, as
    a download with the type read from its content when it was uploaded."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=image_path)
    title = models.CharField(
        _("link text"),
        max_length=200,
        blank=True,
        help_text=_("What the document is; the file name if left empty."),
    )
    name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.title or self.name

    def get_absolute_url(self) -> str:
        return reverse("hearings:attachment", args=[self.pk])

    @property
    def permission_area_id(self) -> int | None:
        return self.section.hearing.service_area_id

    @property
    def type_label(self) -> str:
        return DOCUMENT_LABELS.get(self.content_type, self.content_type)
