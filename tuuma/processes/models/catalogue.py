"""The process catalogue on the JHS 152 levels, the organisation's review
setting and the links from ideas and measures to a process."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tuuma.organisation.models import Organisation, ServiceArea
from tuuma.organisation.permissions import can


class Level(models.TextChoices):
    # The service area itself is JHS 152's top level (tehtäväluokka 1).
    GROUP = "group", _("Process group")
    PROCESS = "process", _("Process")
    SUBPROCESS = "subprocess", _("Sub-process")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_USE = "in_use", _("In use")
    RETIRED = "retired", _("Retired")


class ProcessQuerySet(models.QuerySet):
    def visible_to(self, user, organisation: Organisation) -> "ProcessQuerySet":
        """Staff see every process; everybody else the published ones in use."""
        processes = self.filter(organisation=organisation)
        if can(user, "processes.view_all", organisation):
            return processes
        return processes.filter(is_published=True, status=Status.IN_USE)

    def search(self, text: str) -> "ProcessQuerySet":
        query = models.Q()
        for word in text.split()[:8]:
            query &= (
                models.Q(name__icontains=word)
                | models.Q(code__icontains=word)
                | models.Q(description__icontains=word)
            )
        return self.filter(query)


class Process(models.Model):
    """A process group, process or sub-process of a service area."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="processes"
    )
    service_area = models.ForeignKey(
        ServiceArea,
        on_delete=models.PROTECT,
        related_name="processes",
        verbose_name=_("service area"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("belongs to"),
    )
    level = models.CharField(
        _("level"), max_length=16, choices=Level.choices, default=Level.PROCESS
    )
    code = models.CharField(
        _("code"), max_length=32, blank=True, help_text=_("For example 02.03.01.")
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("purpose and description"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_processes",
        verbose_name=_("process owner"),
    )
    deputy = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deputy_processes",
        verbose_name=_("deputy"),
    )
    # SIPOC: suppliers, inputs, (the process), outputs, customers.
    suppliers = models.TextField(_("suppliers"), blank=True)
    inputs = models.TextField(_("inputs"), blank=True)
    outputs = models.TextField(_("outputs"), blank=True)
    customers = models.TextField(_("customers"), blank=True)
    case_types = models.JSONField(_("case types"), default=list, blank=True)
    systems = models.JSONField(_("information systems"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    is_core = models.BooleanField(_("core process"), default=False)
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Residents can read it.")
    )
    caselog = models.ForeignKey(
        "caselog.CaseLog",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="processes",
        verbose_name=_("case log"),
    )
    case_type_attribute = models.CharField(
        _("case-type attribute of the log"),
        max_length=100,
        blank=True,
        help_text=_("The case attribute that holds the case type, e.g. asiaryhmä."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ProcessQuerySet.as_manager()

    class Meta:
        ordering = ["code", "name", "pk"]
        verbose_name = _("process")
        verbose_name_plural = _("processes")

    def __str__(self) -> str:
        return f"{self.code} {self.name}".strip()

    def get_absolute_url(self) -> str:
        return reverse("processes:detail", args=[self.pk])


class ProcessSettings(models.Model):
    """How many core processes of each service area are reviewed a year."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="process_settings"
    )
    reviews_per_area = models.PositiveSmallIntegerField(
        _("core processes reviewed per service area a year"),
        default=2,
        choices=[(1, "1"), (2, "2")],
    )
    review_month = models.PositiveSmallIntegerField(
        _("month reviews are due"), default=11
    )
    remind_days_before = models.PositiveSmallIntegerField(
        _("remind this many days before the due date"), default=30
    )

    class Meta:
        verbose_name = _("process settings")
        verbose_name_plural = _("process settings")

    def __str__(self) -> str:
        return str(self.organisation)


class ProcessLink(models.Model):
    """An idea or a measure that names a process (a kaizen burst if on a step)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="links")
    idea = models.ForeignKey(
        "ideas.Idea",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="process_links",
        verbose_name=_("idea"),
    )
    measure = models.ForeignKey(
        "programme.Measure",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="process_links",
        verbose_name=_("measure"),
    )
    step = models.ForeignKey(
        "processes.Step",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="links",
        verbose_name=_("step"),
    )
    review = models.ForeignKey(
        "processes.Review",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="links",
        verbose_name=_("from review"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(idea__isnull=False, measure__isnull=True)
                | models.Q(idea__isnull=True, measure__isnull=False),
                name="process_link_idea_xor_measure",
            ),
            models.UniqueConstraint(
                fields=["process", "idea"], name="unique_process_idea"
            ),
            models.UniqueConstraint(
                fields=["process", "measure"], name="unique_process_measure"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.process} ← {self.target}"

    @property
    def target(self):
        return self.idea or self.measure
