"""Impact/effort scores of ideas and measures, and frozen rankings."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tuuma.organisation.models import Organisation, ServiceArea

SCALE = [MinValueValidator(1), MaxValueValidator(5)]


class PriorityScore(models.Model):
    """One scoring of an idea or a measure; the newest one counts, the rest is
    history (who scored what, when and why)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    idea = models.ForeignKey(
        "ideas.Idea",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="priority_scores",
    )
    measure = models.ForeignKey(
        "programme.Measure",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="priority_scores",
    )
    service_area = models.ForeignKey(
        ServiceArea, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    impact = models.PositiveSmallIntegerField(_("impact (1-5)"), validators=SCALE)
    effort = models.PositiveSmallIntegerField(_("effort (1-5)"), validators=SCALE)
    impact_reason = models.TextField(_("why this impact"))
    effort_reason = models.TextField(_("why this effort"))
    caselog = models.ForeignKey(
        "caselog.CaseLog",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("case log"),
    )
    waiting_days_removed = models.DecimalField(
        _("waiting days removed per case"),
        max_digits=7,
        decimal_places=1,
        null=True,
        blank=True,
    )
    grounds = models.JSONField(default=dict, blank=True)
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    scored_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-scored_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(idea__isnull=False, measure__isnull=True)
                | models.Q(idea__isnull=True, measure__isnull=False),
                name="improvement_score_targets_one_item",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    impact__gte=1, impact__lte=5, effort__gte=1, effort__lte=5
                ),
                name="improvement_scores_one_to_five",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.impact}/{self.effort}"

    @property
    def target(self):
        return self.idea or self.measure


class RankingDecision(models.Model):
    """A ranking agreed in a meeting, frozen with its date, weights and rows."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    title = models.CharField(_("title"), max_length=200)
    decided_on = models.DateField(_("decided on"))
    service_area = models.ForeignKey(
        ServiceArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service area"),
    )
    weights = models.JSONField(default=dict)
    rows = models.JSONField(default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("improvement:decision", args=[self.pk])
