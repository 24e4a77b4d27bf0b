"""What a person sees of a background job: its progress and outcome."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    SUCCEEDED = "succeeded", _("Done")
    FAILED = "failed", _("Failed")


class JobQuerySet(models.QuerySet):
    def visible_to(self, user, organisation) -> "JobQuerySet":
        """Jobs of the organisation that ``user`` started (superusers: all)."""
        jobs = self.filter(organisation=organisation)
        return jobs if user.is_superuser else jobs.filter(created_by=user)

    def stale(self, *, silence: timedelta) -> "JobQuerySet":
        """Running jobs whose worker has not reported for ``silence``: it died."""
        return self.filter(
            status=JobStatus.RUNNING, heartbeat_at__lt=timezone.now() - silence
        )


class Job(models.Model):
    """One run of a background task, with progress the user can watch.

    The task itself lives in django-tasks' queue (``task_result_id``); this row is
    the organisation-scoped, user-visible side of it and carries the heartbeat the
    reaper uses to find jobs whose worker was killed.
    """

    organisation = models.ForeignKey(
        "organisation.Organisation",
        on_delete=models.CASCADE,
        related_name="jobs",
        verbose_name=_("organisation"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="jobs",
        verbose_name=_("created by"),
    )
    kind = models.CharField(_("kind"), max_length=100)
    label = models.CharField(_("label"), max_length=200)
    task_result_id = models.CharField(max_length=64, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=16, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    progress = models.FloatField(_("progress"), default=0.0)
    message = models.CharField(_("message"), max_length=300, blank=True)
    error = models.TextField(_("error"), blank=True)
    result_url = models.CharField(_("result address"), max_length=300, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    heartbeat_at = models.DateTimeField(_("last heartbeat"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("job")
        verbose_name_plural = _("jobs")

    def __str__(self) -> str:
        return self.label

    @property
    def percent(self) -> int:
        return round(self.progress * 100)

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.SUCCEEDED, JobStatus.FAILED)


class Delivery(models.TextChoices):
    IMMEDIATELY = "immediately", _("E-mail at once")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")
    NONE = "none", _("No e-mail")


class Notification(models.Model):
    """One message the platform sent (or would have e-mailed) to a person, shown
    in their notification centre; a digest collects the ones not e-mailed yet."""

    organisation = models.ForeignKey(
        "organisation.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("kind"), max_length=64)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("address"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    # Waiting for the daily or weekly digest ("" once e-mailed or never to be).
    digest = models.CharField(_("digest"), max_length=16, blank=True)
    digested_at = models.DateTimeField(_("sent in a digest at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["user", "read_at"], name="notification_unread"),
            models.Index(fields=["digest", "digested_at"], name="notification_digest"),
        ]

    def __str__(self) -> str:
        return self.subject


class NotificationPreference(models.Model):
    """How a person wants e-mail of one kind of event (default: at once)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("kind"), max_length=64)
    delivery = models.CharField(
        _("e-mail"),
        max_length=16,
        choices=Delivery.choices,
        default=Delivery.IMMEDIATELY,
    )

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind"], name="one_preference_per_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.delivery}"


class PeriodicRun(models.Model):
    """The claim on one period of a periodic job: the unique row makes a second
    (or restarted) worker skip a period another one has already started."""

    organisation = models.ForeignKey(
        "organisation.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=64)
    period = models.DateField(_("period"))
    job = models.ForeignKey(Job, on_delete=models.SET_NULL, null=True, related_name="+")
    claimed_at = models.DateTimeField(_("claimed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("periodic run")
        verbose_name_plural = _("periodic runs")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name", "period"], name="one_run_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.period}"
