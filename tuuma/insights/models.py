"""Board packs: a steering-group meeting's figures, frozen with their date."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tuuma.jobs.models import Job
from tuuma.organisation.models import Organisation, ServiceArea


class BoardPack(models.Model):
    """The figures are computed once by the worker and kept in ``figures`` (with
    their labels and definitions in the pack's language), so a meeting's pack
    reopens unchanged however the data changes later."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="board_packs"
    )
    title = models.CharField(_("title"), max_length=200)
    start = models.DateField(pgettext_lazy("period", "from"), null=True, blank=True)
    end = models.DateField(pgettext_lazy("period", "to"), null=True, blank=True)
    service_area = models.ForeignKey(
        ServiceArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service area"),
    )
    sections = models.JSONField(_("sections"), default=list)
    language = models.CharField(_("language"), max_length=5)
    figures = models.JSONField(default=dict, blank=True)
    pdf = models.BinaryField(default=b"", blank=True)
    xlsx = models.BinaryField(default=b"", blank=True)
    job = models.ForeignKey(
        Job, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    built_at = models.DateTimeField(_("built at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("board pack")
        verbose_name_plural = _("board packs")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("insights:pack", args=[self.pk])

    @property
    def is_ready(self) -> bool:
        return self.built_at is not None
