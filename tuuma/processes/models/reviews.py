"""The annual review of a core process."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tuuma.organisation.models import Organisation
from tuuma.processes.models.catalogue import Process


class ReviewStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    DONE = "done", _("Done")


class Review(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    process = models.ForeignKey(
        Process, on_delete=models.CASCADE, related_name="reviews"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ReviewStatus.choices,
        default=ReviewStatus.SCHEDULED,
    )
    held_on = models.DateField(_("held on"), null=True, blank=True)
    participants = models.TextField(_("participants"), blank=True)
    findings = models.TextField(_("findings"), blank=True)
    decisions = models.TextField(_("decisions"), blank=True)
    owner_ack_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    owner_ack_at = models.DateTimeField(_("acknowledged by the owner"), null=True)
    lead_ack_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    lead_ack_at = models.DateTimeField(
        _("acknowledged by the productivity lead"), null=True
    )
    reminded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["process", "year"], name="unique_process_review_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.process.name} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("processes:review", args=[self.process_id, self.pk])

    # Permission helpers: the rules read the process's owner and area.
    @property
    def service_area_id(self) -> int:
        return self.process.service_area_id

    @property
    def owner_id(self) -> int | None:
        return self.process.owner_id

    @property
    def deputy_id(self) -> int | None:
        return self.process.deputy_id
