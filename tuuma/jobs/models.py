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
