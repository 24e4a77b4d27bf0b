"""Measures (toimenpiteet): owned, scheduled work with milestones and progress."""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Count, Max, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tuuma.organisation.models import Organisation, ServiceArea
from tuuma.organisation.permissions import can
from tuuma.programme.models.strategy import Goal

STALE_AFTER = timedelta(days=60)


class MeasureClass(models.TextChoices):
    DEVELOPMENT_PROJECT = "development_project", _("Development project")
    TRAINING_NEED = "training_need", _("Training need")
    TECHNOLOGY_INVESTMENT = (
        "technology_investment",
        _("Investment in new technology and software"),
    )
    WIDER_CHANGE = "wider_change", _("Wider change")


class MeasureStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    ON_HOLD = "on_hold", _("On hold")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_STATUSES = (
    MeasureStatus.PLANNED,
    MeasureStatus.IN_PROGRESS,
    MeasureStatus.ON_HOLD,
)


class Priority(models.IntegerChoices):
    HIGH = 1, _("High")
    NORMAL = 2, _("Normal")
    LOW = 3, _("Low")


class MeasureQuerySet(models.QuerySet):
    def visible_to(self, user, organisation: Organisation) -> "MeasureQuerySet":
        """Measures of the organisation the person may see: staff see all.

        An unpublished measure is still being prepared (its texts, owner and
        schedule may change), so residents see a measure only once it is published.
        """
        measures = self.filter(organisation=organisation)
        if can(user, "programme.view_unpublished", organisation):
            return measures
        return measures.filter(is_published=True)

    def with_progress(self) -> "MeasureQuerySet":
        """Annotate what ``Measure.percent_complete`` needs (the owner's latest
        figure, milestones done and in all), ``last_progress_on`` and
        ``idea_count``, so a list asks no query per measure.

        The aggregate drops the default ordering, so it is given again."""
        latest = ProgressUpdate.objects.filter(measure=OuterRef("pk")).order_by(
            "-date", "-pk"
        )
        milestones = Milestone.objects.filter(measure=OuterRef("pk")).values("measure")
        return self.annotate(
            last_progress_on=Max("progress_updates__date"),
            reported_percent=Subquery(latest.values("percent")[:1]),
            # Subqueries, not joins: a join would multiply the idea count.
            milestones_total=Subquery(
                milestones.annotate(n=Count("pk")).values("n")[:1]
            ),
            milestones_done=Subquery(
                milestones.filter(done_on__isnull=False)
                .annotate(n=Count("pk"))
                .values("n")[:1]
            ),
            idea_count=Count("ideas", distinct=True),
        ).order_by("due_date", "title", "pk")

    def open(self) -> "MeasureQuerySet":
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today: date) -> "MeasureQuerySet":
        """Open measures whose due date has passed."""
        return self.open().filter(due_date__lt=today)

    def at_risk(self, today: date) -> "MeasureQuerySet":
        """Open measures without a progress update in 60 days (since they started)."""
        limit = today - STALE_AFTER
        return (
            self.open()
            .filter(start_date__lt=limit)
            .annotate(latest_update=Max("progress_updates__date"))
            .filter(Q(latest_update__isnull=True) | Q(latest_update__lt=limit))
        )

    def search(self, text: str) -> "MeasureQuerySet":
        return self.filter(
            Q(title__icontains=text)
            | Q(description__icontains=text)
            | Q(public_summary__icontains=text)
        )


class Measure(models.Model):
    """A measure of the development programme, serving one strategic goal."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="measures",
        verbose_name=_("organisation"),
    )
    goal = models.ForeignKey(
        Goal, on_delete=models.PROTECT, related_name="measures", verbose_name=_("goal")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(
        _("description"), help_text=_("What the measure aims at and how.")
    )
    public_summary = models.TextField(
        _("public summary"),
        blank=True,
        help_text=_(
            "Shown to residents and sent to the authors of linked ideas when the "
            "measure starts or is done."
        ),
    )
    measure_class = models.CharField(
        _("class"), max_length=32, choices=MeasureClass.choices
    )
    service_area = models.ForeignKey(
        ServiceArea,
        on_delete=models.PROTECT,
        related_name="measures",
        verbose_name=_("service area"),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="owned_measures",
        verbose_name=_("owner"),
    )
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="programme.MeasureParticipant",
        related_name="measures",
        blank=True,
        verbose_name=_("participants"),
    )
    management_participates = models.BooleanField(_("management"), default=False)
    supervisors_participate = models.BooleanField(_("supervisors"), default=False)
    staff_participate = models.BooleanField(_("staff"), default=False)
    participation_note = models.CharField(
        _("how people take part"), max_length=300, blank=True
    )
    start_date = models.DateField(_("start date"))
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=MeasureStatus.choices,
        default=MeasureStatus.PLANNED,
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.NORMAL
    )
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Residents see published measures in the public follow-up."),
    )
    ideas = models.ManyToManyField(
        "ideas.Idea",
        through="programme.MeasureIdea",
        related_name="measures",
        blank=True,
        verbose_name=_("ideas"),
    )
    result_aim = models.TextField(_("what we aimed at"), blank=True)
    result_achieved = models.TextField(_("what we achieved"), blank=True)
    result_recorded_at = models.DateTimeField(
        _("result recorded at"), null=True, blank=True
    )
    status_reason = models.TextField(
        _("reason"),
        blank=True,
        help_text=_("Why the measure was cancelled or put on hold; shown publicly."),
    )
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    # When the ideas' people were told of a measured result, so they are told once.
    result_announced_at = models.DateTimeField(
        _("result announced at"), null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = MeasureQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "title"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        constraints = [
            models.CheckConstraint(
                condition=Q(due_date__gte=models.F("start_date")),
                name="measure_due_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programme:measure", args=[self.pk])

    @property
    def link_defaults(self) -> dict:
        """``through_defaults`` for a new participant or idea link: its tenant key."""
        return {"organisation_id": self.organisation_id}

    def can_be_changed_by(self, user) -> bool:
        """Kept for the case-log app's indicator page; new code asks
        ``can(user, "programme.change_measure", organisation, measure)``."""
        return can(user, "programme.change_measure", self.organisation, self)

    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def participation_labels(self) -> list[str]:
        fields = [
            ("management_participates", _("management")),
            ("supervisors_participate", _("supervisors")),
            ("staff_participate", _("staff")),
        ]
        return [str(label) for name, label in fields if getattr(self, name)]

    def latest_progress(self) -> "ProgressUpdate | None":
        return self.progress_updates.order_by("-date", "-pk").first()

    @property
    def percent_complete(self) -> int | None:
        """The one rule for a measure's progress (docs/progress.md): done is 100;
        cancelled has none (its reason is shown instead); otherwise the share of
        milestones reached, or, without milestones, the owner's latest figure.

        Reads the ``with_progress`` annotations when present."""
        if self.status == MeasureStatus.DONE:
            return 100
        if self.status == MeasureStatus.CANCELLED:
            return None
        if hasattr(self, "milestones_total"):
            total, done = self.milestones_total or 0, self.milestones_done or 0
            reported = self.reported_percent
        else:
            total = self.milestones.count()
            done = self.milestones.filter(done_on__isnull=False).count()
            latest = self.latest_progress()
            reported = latest.percent if latest else None
        if total:
            return round(100 * done / total)
        return reported


class MeasurePartQuerySet(models.QuerySet):
    """Rows that belong to one measure (milestones, indicators)."""

    def visible_to(self, user, organisation: Organisation) -> "MeasurePartQuerySet":
        """A part is seen exactly when its measure is (an unpublished measure's
        milestones are as private as the measure)."""
        return self.filter(measure__in=Measure.objects.visible_to(user, organisation))


class Milestone(models.Model):
    # The tenant key, copied from the measure when the row is created, so
    # isolation can be checked (and the table partitioned) without a join.
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )
    measure = models.ForeignKey(
        Measure,
        on_delete=models.CASCADE,
        related_name="milestones",
        verbose_name=_("measure"),
    )
    title = models.CharField(_("title"), max_length=200)
    due_date = models.DateField(_("date"))
    done_on = models.DateField(_("reached on"), null=True, blank=True)

    objects = MeasurePartQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title


class ProgressUpdate(models.Model):
    # The tenant key, copied from the measure when the row is created, so
    # isolation can be checked (and the table partitioned) without a join.
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )
    measure = models.ForeignKey(
        Measure,
        on_delete=models.CASCADE,
        related_name="progress_updates",
        verbose_name=_("measure"),
    )
    date = models.DateField(_("date"))
    percent = models.PositiveSmallIntegerField(_("per cent complete"))
    text = models.TextField(_("what has been done"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        constraints = [
            models.CheckConstraint(
                condition=Q(percent__lte=100), name="progress_percent_at_most_100"
            )
        ]

    def __str__(self) -> str:
        return f"{self.measure} {self.date} {self.percent} %"


class Comment(models.Model):
    # The tenant key, copied from the measure when the row is created, so
    # isolation can be checked (and the table partitioned) without a join.
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )
    measure = models.ForeignKey(
        Measure,
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("measure"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return self.text[:50]
