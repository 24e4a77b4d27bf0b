"""A3 problem solving: sections, causes (5-whys tree and fishbone), countermeasures,
reviewer comments and sustainment checks."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tuuma.improvement.fishbone import DEFAULT_SET, set_choices
from tuuma.organisation.models import Organisation, ServiceArea

SECTIONS = [
    ("background", _("Background")),
    ("current_state", _("Current state")),
    ("goal", _("Goal")),
    ("root_causes", _("Root-cause analysis")),
    ("countermeasures", _("Countermeasures")),
    ("plan", _("Plan")),
    ("follow_up", _("Follow-up")),
]
SUSTAINMENT_DAYS = (30, 90, 180)


class A3(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    title = models.CharField(_("problem"), max_length=200)
    problem = models.ForeignKey(
        "ideas.Idea",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="a3s",
        verbose_name=_("idea of kind problem"),
        help_text=_("Optional: the reported problem this A3 works on."),
    )
    process_step = models.ForeignKey(
        "processes.Step",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="a3s",
        verbose_name=_("process step"),
        help_text=_("Optional: the step of a process map where the problem shows."),
    )
    service_area = models.ForeignKey(
        ServiceArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service area"),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="a3s_owned",
        verbose_name=_("owner"),
    )
    background = models.TextField(_("background"), blank=True)
    current_state = models.TextField(_("current state"), blank=True)
    goal = models.TextField(_("goal"), blank=True)
    plan = models.TextField(_("plan"), blank=True)
    follow_up = models.TextField(_("follow-up"), blank=True)
    fishbone_set = models.CharField(
        _("fishbone categories"),
        max_length=20,
        choices=set_choices(),
        default=DEFAULT_SET,
    )
    implemented_on = models.DateField(
        _("countermeasures implemented on"), null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("improvement:a3", args=[self.pk])


class Cause(models.Model):
    """A node of the why-tree; ``category`` places it on a fishbone bone."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    a3 = models.ForeignKey(A3, on_delete=models.CASCADE, related_name="causes")
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("answers the why of"),
    )
    text = models.CharField(_("cause"), max_length=300)
    category = models.CharField(_("fishbone category"), max_length=20, blank=True)
    evidence_text = models.TextField(
        _("evidence"), blank=True, help_text=_("A figure, an observation, a quote.")
    )
    evidence_idea = models.ForeignKey(
        "ideas.Idea",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("evidence: an idea or comment thread"),
    )
    evidence_caselog = models.ForeignKey(
        "caselog.CaseLog",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("evidence: a case log"),
    )
    evidence_feature = models.ForeignKey(
        "improvement.KanoFeature",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("evidence: a Kano survey result"),
    )
    evidence_file = models.FileField(
        _("evidence: a file"), upload_to="improvement/evidence/", blank=True
    )
    verified = models.BooleanField(_("verified"), default=False)
    is_root = models.BooleanField(_("root cause"), default=False)
    idea = models.ForeignKey(
        "ideas.Idea",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="a3_causes",
    )
    measure = models.ForeignKey(
        "programme.Measure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="a3_causes",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_root=False) | models.Q(verified=True),
                name="improvement_root_cause_is_verified",
            )
        ]

    def __str__(self) -> str:
        return self.text

    # Permissions follow the A3: its owner and the leads of its area.
    @property
    def owner_id(self):
        return self.a3.owner_id

    @property
    def service_area_id(self):
        return self.a3.service_area_id


class Countermeasure(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    a3 = models.ForeignKey(A3, on_delete=models.CASCADE, related_name="countermeasures")
    cause = models.ForeignKey(
        Cause,
        on_delete=models.PROTECT,
        related_name="countermeasures",
        verbose_name=_("root cause"),
    )
    text = models.CharField(_("countermeasure"), max_length=300)
    responsible = models.CharField(_("who"), max_length=200, blank=True)
    due_on = models.DateField(_("by when"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text


class ReviewComment(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    a3 = models.ForeignKey(A3, on_delete=models.CASCADE, related_name="comments")
    section = models.CharField(_("section"), max_length=20, choices=SECTIONS)
    text = models.TextField(_("comment"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:50]


class SustainmentCheck(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    a3 = models.ForeignKey(A3, on_delete=models.CASCADE, related_name="checks")
    days_after = models.PositiveSmallIntegerField()
    due_on = models.DateField()
    reminded_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    sustained = models.BooleanField(null=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["due_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["a3", "days_after"], name="improvement_one_check_per_interval"
            )
        ]

    def __str__(self) -> str:
        return f"{self.a3_id}+{self.days_after}"
