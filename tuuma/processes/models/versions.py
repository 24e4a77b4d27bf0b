"""Versions of a process (as-is, to-be), their ordered steps and comments."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tuuma.organisation.models import Organisation
from tuuma.processes.models.catalogue import Process


class State(models.TextChoices):
    AS_IS = "as_is", _("As-is")
    TO_BE = "to_be", _("To-be")


class ValueClass(models.TextChoices):
    VA = "VA", _("Value-adding")
    NNVA = "NNVA", _("Necessary, not value-adding")
    NVA = "NVA", _("Waste")


class Waste(models.TextChoices):
    T = "T", _("Transportation")
    I = "I", _("Inventory")  # noqa: E741
    M = "M", _("Motion")
    W = "W", _("Waiting")
    O1 = "O1", _("Overproduction")
    O2 = "O2", _("Over-processing")
    D = "D", _("Defects")
    S = "S", _("Unused skills")


class ProcessVersion(models.Model):
    """One map of a process: its step table and the time basis of its VSM."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    process = models.ForeignKey(
        Process, on_delete=models.CASCADE, related_name="versions"
    )
    name = models.CharField(_("name"), max_length=200)
    state = models.CharField(
        _("state"), max_length=8, choices=State.choices, default=State.AS_IS
    )
    future_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="futures",
        verbose_name=_("future state of"),
    )
    measure = models.ForeignKey(
        "programme.Measure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="process_versions",
        verbose_name=_("implemented by measure"),
    )
    go_live = models.DateField(_("go-live date"), null=True, blank=True)
    target_lead_time_days = models.DecimalField(
        _("expected lead time (calendar days)"),
        max_digits=8,
        decimal_places=1,
        null=True,
        blank=True,
    )
    minutes_per_working_day = models.PositiveSmallIntegerField(
        _("working minutes a day"), default=435
    )
    working_days_per_year = models.PositiveSmallIntegerField(
        _("working days a year"), default=220
    )
    demand_per_year = models.PositiveIntegerField(
        _("cases a year (demand)"), null=True, blank=True
    )
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["process", "state", "pk"]
        verbose_name = _("process version")
        verbose_name_plural = _("process versions")

    def __str__(self) -> str:
        return f"{self.process.name}: {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("processes:version", args=[self.process_id, self.pk])


class Step(models.Model):
    """A row of the step table: the model the drawings are made from."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    version = models.ForeignKey(
        ProcessVersion, on_delete=models.CASCADE, related_name="steps"
    )
    position = models.PositiveIntegerField(_("position"))
    name = models.CharField(_("step"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    performer_role = models.CharField(_("performer role"), max_length=120)
    responsible = models.CharField(_("responsible (R)"), max_length=200, blank=True)
    accountable = models.CharField(_("accountable (A)"), max_length=200, blank=True)
    consulted = models.CharField(_("consulted (C)"), max_length=200, blank=True)
    informed = models.CharField(_("informed (I)"), max_length=200, blank=True)
    systems = models.CharField(_("systems"), max_length=300, blank=True)
    documents = models.CharField(_("documents"), max_length=300, blank=True)
    handoffs = models.PositiveSmallIntegerField(_("hand-offs"), default=0)
    value_class = models.CharField(
        _("value class"), max_length=4, choices=ValueClass.choices, default="VA"
    )
    legal_basis = models.CharField(
        _("legal basis"),
        max_length=200,
        blank=True,
        help_text=_("For a necessary step, e.g. TiHL 25 §."),
    )
    wastes = models.JSONField(_("wastes"), default=list, blank=True)
    pt_minutes = models.FloatField(_("process time (working minutes)"), default=0)
    lt_minutes = models.FloatField(_("lead time (working minutes)"), default=0)
    pct_ca = models.FloatField(_("%C&A"), null=True, blank=True)
    parallel_group = models.CharField(
        _("parallel group"),
        max_length=40,
        blank=True,
        help_text=_("Consecutive steps with the same group run in parallel."),
    )
    branch = models.CharField(
        _("branch"),
        max_length=40,
        blank=True,
        help_text=_("Steps of one branch of a parallel group run one after another."),
    )
    activities = models.JSONField(_("case-log activities"), default=list, blank=True)
    is_estimate = models.BooleanField(_("typed estimate"), default=True)

    class Meta:
        ordering = ["version", "position", "pk"]
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def __str__(self) -> str:
        return self.name


class VersionComment(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    version = models.ForeignKey(
        ProcessVersion, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]
