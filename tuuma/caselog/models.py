"""Case logs (tapahtumalokit): an uploaded event log, its imported versions,
deadline rules and the programme indicators computed from it.

The imported data lives in directories under ``MEDIA_ROOT/caselogs/<org id>/``
written by the engine; a version's row is created only after its directory is
complete, in one short transaction ("staging, then switch").
"""

from pathlib import Path

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tuuma.jobs.models import Job, JobQuerySet
from tuuma.organisation.models import Organisation, ServiceArea
from tuuma.organisation.tenancy import OrganisationFromParent


class CaseLogQuerySet(models.QuerySet):
    def visible_to(self, user, organisation: Organisation) -> "CaseLogQuerySet":
        """The organisation's logs; who may open them is ``caselog.view``."""
        return self.filter(organisation=organisation).select_related(
            "current_version", "service_area"
        )


class CaseLog(models.Model):
    """A named event log of one case-management process."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="caselogs",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=200)
    source_system = models.CharField(
        _("source system"),
        max_length=200,
        blank=True,
        help_text=_("For example the case-management system the log was taken from."),
    )
    description = models.TextField(_("description"), blank=True)
    service_area = models.ForeignKey(
        ServiceArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="caselogs",
        verbose_name=_("service area"),
    )
    pseudonymised = models.BooleanField(_("employee ids pseudonymised"), default=False)
    required_attributes = models.JSONField(
        _("required attributes"), default=list, blank=True
    )
    current_version = models.ForeignKey(
        "CaseLogVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("current version"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = CaseLogQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("case log")
        verbose_name_plural = _("case logs")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("caselog:overview", args=[self.pk])


class CaseLogVersion(OrganisationFromParent):
    """One complete import of a log; the newest one is the log's current version."""

    tenant_parent = "caselog"
    organisation = models.ForeignKey(
        "organisation.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )
    caselog = models.ForeignKey(
        CaseLog,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("case log"),
    )
    number = models.PositiveIntegerField(_("version"))
    import_key = models.CharField(
        _("import key"),
        max_length=64,
        help_text=_(
            "Identifies the import that wrote it, so a re-run does not repeat it."
        ),
    )
    directory = models.CharField(_("directory"), max_length=300)
    source_name = models.CharField(_("file"), max_length=300)
    source_format = models.CharField(_("format"), max_length=16)
    cases = models.PositiveIntegerField(_("cases"))
    events = models.PositiveBigIntegerField(_("events"))
    first_event_at = models.DateTimeField(_("first event"))
    last_event_at = models.DateTimeField(_("last event"))
    summary = models.JSONField(_("summary"), default=dict)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("imported by"),
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)

    class Meta:
        ordering = ["caselog", "-number"]
        verbose_name = _("case log version")
        verbose_name_plural = _("case log versions")
        constraints = [
            models.UniqueConstraint(
                fields=["caselog", "number"], name="unique_caselog_version_number"
            ),
            models.UniqueConstraint(
                fields=["import_key"], name="unique_caselog_import_key"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.caselog} v{self.number}"

    @property
    def path(self) -> Path:
        return Path(settings.MEDIA_ROOT) / self.directory

    @property
    def case_attributes(self) -> list[str]:
        return sorted(self.summary.get("case_attributes", {}))

    @property
    def event_attributes(self) -> list[str]:
        return sorted(self.summary.get("event_attributes", {}))


class RuleKind(models.TextChoices):
    ACTIVITY = "activity", _("From one activity to another within a number of days")
    ATTRIBUTE = "attribute", _("Case ends by the date in a case attribute")


class DeadlineRule(OrganisationFromParent):
    """A deadline the cases of a log are checked against (määräaika)."""

    tenant_parent = "caselog"
    organisation = models.ForeignKey(
        "organisation.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )
    caselog = models.ForeignKey(
        CaseLog,
        on_delete=models.CASCADE,
        related_name="deadline_rules",
        verbose_name=_("case log"),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=RuleKind.choices)
    from_activity = models.CharField(_("from activity"), max_length=200, blank=True)
    to_activity = models.CharField(_("to activity"), max_length=200, blank=True)
    days = models.DecimalField(
        _("days"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    attribute = models.CharField(_("date attribute"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("deadline rule")
        verbose_name_plural = _("deadline rules")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("caselog:deadline", args=[self.caselog_id, self.pk])

    def as_engine_rule(self) -> dict:
        """The rule in the engine's dict form (see ``rule_from_dict``)."""
        if self.kind == RuleKind.ATTRIBUTE:
            return {"kind": "attribute", "attribute": self.attribute}
        return {
            "kind": "activity",
            "from_activity": self.from_activity,
            "to_activity": self.to_activity,
            "days": float(self.days),
        }


class Figure(models.TextChoices):
    MEDIAN_DAYS = "median_days", _("Median throughput time (days)")
    P90_DAYS = "p90_days", _("90th percentile of throughput time (days)")
    MEAN_DAYS = "mean_days", _("Mean throughput time (days)")
    CASES = "cases", _("Number of cases")
    SHARE_MET = "share_met", _("Share of cases meeting a deadline rule (%)")


class LogIndicator(OrganisationFromParent):
    """A programme indicator whose values are a figure of a log under a filter."""

    tenant_parent = "caselog"
    organisation = models.ForeignKey(
        "organisation.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )
    indicator = models.OneToOneField(
        "programme.Indicator",
        on_delete=models.CASCADE,
        related_name="caselog_definition",
        verbose_name=_("indicator"),
    )
    caselog = models.ForeignKey(
        CaseLog,
        on_delete=models.CASCADE,
        related_name="indicators",
        verbose_name=_("case log"),
    )
    figure = models.CharField(_("figure"), max_length=16, choices=Figure.choices)
    rule = models.ForeignKey(
        DeadlineRule,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("deadline rule"),
    )
    case_filter = models.JSONField(_("filter"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("indicator from a case log")
        verbose_name_plural = _("indicators from case logs")

    def __str__(self) -> str:
        return f"{self.indicator} ← {self.caselog}"


IMPORT_JOB_KIND = "caselog.import"


class CaseLogImportManager(models.Manager.from_queryset(JobQuerySet)):
    def get_queryset(self) -> JobQuerySet:
        return super().get_queryset().filter(kind=IMPORT_JOB_KIND)


class CaseLogImport(Job):
    """A background job importing a case log: what the import-status endpoint
    loads, so any other job is a 404 there before its permission is checked."""

    objects = CaseLogImportManager()

    class Meta:
        proxy = True  # no admin page, so no names to translate
