"""The public life cycle of a matter: phases, the decision, its measures."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tuuma.hearings.choices import PHASE_ORDER, Phase
from tuuma.hearings.models.common import Localized
from tuuma.organisation.models import Organisation, ServiceArea
from tuuma.organisation.permissions import can


class MatterQuerySet(models.QuerySet):
    def visible_to(self, user, organisation: Organisation) -> "MatterQuerySet":
        matters = self.filter(organisation=organisation)
        if can(user, "hearings.view_drafts", organisation):
            return matters
        return matters.filter(is_published=True)

    def search(self, text: str) -> "MatterQuerySet":
        return self.filter(
            models.Q(title__icontains=text)
            | models.Q(title_sv__icontains=text)
            | models.Q(case_id__icontains=text)
            | models.Q(description__icontains=text)
        )


class Matter(Localized, models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="matters"
    )
    service_area = models.ForeignKey(
        ServiceArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service area"),
    )
    title = models.CharField(_("title"), max_length=200)
    title_sv = models.CharField(_("title in Swedish"), max_length=200, blank=True)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    description = models.TextField(_("description"))
    case_id = models.CharField(
        _("case ID"),
        max_length=60,
        blank=True,
        help_text=_("The asiatunnus in the case register, e.g. ESIM/123/00.00.01/2026"),
    )
    phase = models.CharField(
        _("phase"), max_length=16, choices=Phase.choices, default=Phase.PREPARATION
    )
    is_published = models.BooleanField(_("published"), default=False)
    decision_body = models.CharField(_("decision-maker"), max_length=200, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    decision_summary = models.TextField(_("decision"), blank=True)
    minutes_url = models.URLField(_("link to the minutes"), blank=True)
    measures = models.ManyToManyField(
        "programme.Measure",
        through="MatterMeasure",
        related_name="matters",
        blank=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MatterQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("matter")
        verbose_name_plural = _("matters")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("hearings:matter", args=[self.pk])

    @property
    def phase_index(self) -> int:
        return PHASE_ORDER.index(self.phase)

    @property
    def has_decision(self) -> bool:
        return bool(self.decision_body and self.decision_date)


class PhaseChange(models.Model):
    """The matter entered a phase on a date (the public timeline)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    matter = models.ForeignKey(
        Matter, on_delete=models.CASCADE, related_name="phase_changes"
    )
    phase = models.CharField(_("phase"), max_length=16, choices=Phase.choices)
    date = models.DateField(_("date"))
    note = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.get_phase_display()} {self.date}"


class MatterMeasure(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="+")
    measure = models.ForeignKey(
        "programme.Measure", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["matter", "measure"], name="one_link_per_matter_measure"
            )
        ]

    def __str__(self) -> str:
        return f"{self.matter_id} → {self.measure_id}"


class Follower(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    matter = models.ForeignKey(
        Matter, on_delete=models.CASCADE, related_name="followers"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["matter", "user"], name="one_follow_per_matter"
            )
        ]

    def __str__(self) -> str:
        return f"{self.matter_id}: {self.user_id}"
