"""Tasks of a unit, people's levels on them, deputies, absences and training needs.

Levels are personal data about employees: ``Level`` holds the agreed (supervisor-
approved) level that every figure uses, ``Assessment`` the history of self and
supervisor ratings, and ``AccessRecord`` every read and change by someone else.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

LEVEL_VALIDATORS = [MinValueValidator(0), MaxValueValidator(4)]
ORG = "organisation.Organisation"
USER = settings.AUTH_USER_MODEL


def _org():
    return models.ForeignKey(
        ORG, on_delete=models.CASCADE, related_name="+", verbose_name=_("organisation")
    )


def _person(related_name: str, verbose_name=None, **kwargs):
    return models.ForeignKey(
        USER,
        on_delete=kwargs.pop("on_delete", models.CASCADE),
        related_name=related_name,
        verbose_name=verbose_name or _("person"),
        **kwargs,
    )


class TaskQuerySet(models.QuerySet):
    def of_unit(self, unit) -> "TaskQuerySet":
        return self.filter(organisation_id=unit.organisation_id, unit=unit)


class Task(models.Model):
    """Work a unit must be able to do, with how many people must master it."""

    organisation = _org()
    unit = models.ForeignKey(
        "organisation.Unit",
        on_delete=models.CASCADE,
        related_name="competence_tasks",
        verbose_name=_("unit"),
    )
    # Copied from the unit so area-scoped permissions need no join.
    service_area = models.ForeignKey(
        "organisation.ServiceArea", on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    required_level = models.PositiveSmallIntegerField(
        _("required level"), default=3, validators=LEVEL_VALIDATORS
    )
    headcount = models.PositiveSmallIntegerField(
        _("required headcount"),
        default=2,
        validators=[MinValueValidator(1)],
        help_text=_("How many people must master the task at the required level."),
    )
    critical = models.BooleanField(_("critical"), default=False)
    level_descriptors = models.JSONField(
        _("level descriptors"), default=dict, blank=True
    )
    process = models.ForeignKey(
        "processes.Process",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("process"),
        help_text=_("Its case log gives the task's workload."),
    )
    process_ref = models.CharField(
        _("process or step"),
        max_length=200,
        blank=True,
        help_text=_("The process or step of the catalogue this task belongs to."),
    )
    case_types = models.JSONField(_("case types"), default=list, blank=True)
    annual_cases = models.FloatField(_("cases a year"), null=True, blank=True)
    weekly_cases = models.JSONField(_("cases per week"), default=dict, blank=True)
    median_handling_hours = models.FloatField(
        _("median handling time (hours)"), null=True, blank=True
    )
    workload_source = models.CharField(_("workload source"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = TaskQuerySet.as_manager()

    class Meta:
        ordering = ["unit", "name"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "name"], name="competence_task_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Supervision(models.Model):
    """Who supervises whom in a unit: the supervisor sees and approves levels."""

    organisation = _org()
    unit = models.ForeignKey(
        "organisation.Unit", on_delete=models.CASCADE, related_name="+"
    )
    supervisor = _person("supervising", _("supervisor"))
    person = _person("supervised_by")

    class Meta:
        verbose_name = _("supervision")
        verbose_name_plural = _("supervisions")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "supervisor", "person"],
                name="competence_supervision_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.supervisor_id} → {self.person_id}"


class Level(models.Model):
    """The agreed level of one person on one task, approved by a supervisor."""

    organisation = _org()
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="levels")
    person = _person("competence_levels")
    level = models.PositiveSmallIntegerField(_("level"), validators=LEVEL_VALIDATORS)
    approved_by = _person(
        "+", _("approved by"), null=True, blank=True, on_delete=models.SET_NULL
    )
    approved_at = models.DateTimeField(_("approved at"), auto_now=True)

    class Meta:
        verbose_name = _("level")
        verbose_name_plural = _("levels")
        constraints = [
            models.UniqueConstraint(
                fields=["task", "person"], name="competence_level_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.task_id}/{self.person_id}: {self.level}"


class AssessmentKind(models.TextChoices):
    SELF = "self", _("Self-assessment")
    SUPERVISOR = "supervisor", _("Supervisor's assessment")
    AGREED = "agreed", _("Agreed level")


class Assessment(models.Model):
    """One rating in the history of a person's level on a task."""

    organisation = _org()
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="assessments")
    person = _person("competence_assessments")
    kind = models.CharField(_("kind"), max_length=16, choices=AssessmentKind.choices)
    level = models.PositiveSmallIntegerField(_("level"), validators=LEVEL_VALIDATORS)
    assessed_by = _person("+", _("assessed by"), null=True, on_delete=models.SET_NULL)
    assessed_at = models.DateTimeField(_("assessed at"), auto_now_add=True)
    note = models.CharField(_("evidence or note"), max_length=500, blank=True)

    class Meta:
        ordering = ["-assessed_at", "-pk"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        indexes = [models.Index(fields=["person", "task", "kind"])]

    def __str__(self) -> str:
        return f"{self.task_id}/{self.person_id} {self.kind}: {self.level}"


class Certificate(models.Model):
    """A qualification a person holds, optionally until an expiry date."""

    organisation = _org()
    person = _person("competence_certificates")
    task = models.ForeignKey(
        Task, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    name = models.CharField(_("certificate"), max_length=200)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    class Meta:
        ordering = ["valid_until", "name"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self) -> str:
        return self.name


class Deputy(models.Model):
    """The primary holder (order 0) and ordered deputies of a task."""

    organisation = _org()
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="deputies")
    person = _person("competence_deputy_for")
    order = models.PositiveSmallIntegerField(_("order"))

    class Meta:
        ordering = ["task", "order"]
        verbose_name = _("deputy")
        verbose_name_plural = _("deputies")
        constraints = [
            models.UniqueConstraint(
                fields=["task", "person"], name="competence_deputy_unique_person"
            ),
            models.UniqueConstraint(
                fields=["task", "order"], name="competence_deputy_unique_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.task_id} #{self.order}"


class AbsencePlan(models.Model):
    """A set of planned absences of a unit (e.g. one summer-holiday plan)."""

    organisation = _org()
    unit = models.ForeignKey(
        "organisation.Unit", on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["unit", "name"]
        verbose_name = _("absence plan")
        verbose_name_plural = _("absence plans")

    def __str__(self) -> str:
        return self.name

    @property
    def service_area_id(self) -> int:
        return self.unit.service_area_id


class AbsenceKind(models.TextChoices):
    HOLIDAY = "holiday", _("Holiday")
    LEAVE = "leave", _("Long leave")
    OTHER = "other", _("Other absence")


class PlannedAbsence(models.Model):
    organisation = _org()
    plan = models.ForeignKey(
        AbsencePlan, on_delete=models.CASCADE, related_name="absences"
    )
    person = _person("competence_absences")
    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))
    kind = models.CharField(
        _("kind"), max_length=16, choices=AbsenceKind.choices, default="holiday"
    )

    class Meta:
        ordering = ["start", "person"]
        verbose_name = _("planned absence")
        verbose_name_plural = _("planned absences")

    def __str__(self) -> str:
        return f"{self.person_id} {self.start}–{self.end}"


class NeedReason(models.TextChoices):
    GAP = "gap", _("Fewer qualified people than required")
    SPOF = "spof", _("Single point of failure")
    DEPUTY = "deputy", _("Deputy below the required level")
    PROCESS = "process", _("Process change")
    IDEA = "idea", _("An idea needs a new skill")


class NeedStatus(models.TextChoices):
    OPEN = "open", _("Open")
    PROGRAMME = "programme", _("In the programme")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class TrainingNeed(models.Model):
    """A person to train on a task, with a mentor; may become a programme measure."""

    organisation = _org()
    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, related_name="training_needs"
    )
    person = _person("competence_training_needs", _("learner"))
    mentor = _person(
        "competence_mentoring",
        _("mentor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    from_level = models.PositiveSmallIntegerField(_("from level"))
    to_level = models.PositiveSmallIntegerField(_("to level"))
    reason = models.CharField(_("reason"), max_length=16, choices=NeedReason.choices)
    due = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=NeedStatus.choices, default="open"
    )
    measure = models.ForeignKey(
        "programme.Measure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("programme measure"),
    )
    # Where a need from a change came from: the measure whose to-be process
    # adds a step, or the idea that asks for a new skill (``process_changes``).
    origin_measure = models.ForeignKey(
        "programme.Measure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("from measure"),
    )
    origin_idea = models.ForeignKey(
        "ideas.Idea",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("from idea"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["task", "person"]
        verbose_name = _("training need")
        verbose_name_plural = _("training needs")
        constraints = [
            models.UniqueConstraint(
                fields=["task", "person"],
                condition=models.Q(status__in=["open", "programme"]),
                name="competence_need_one_open",
            )
        ]

    def __str__(self) -> str:
        return f"{self.task_id}/{self.person_id} → {self.to_level}"

    @property
    def service_area_id(self) -> int:
        return self.task.service_area_id


class AccessRecord(models.Model):
    """Someone other than the person read or changed their competence data."""

    organisation = _org()
    subject = _person("competence_access_records")
    actor = _person("+", _("by"), null=True, on_delete=models.SET_NULL)
    action = models.CharField(_("action"), max_length=16)  # "viewed" or "changed"
    what = models.CharField(_("what"), max_length=300)
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("access record")
        verbose_name_plural = _("access records")

    def __str__(self) -> str:
        return f"{self.action} {self.what}"
