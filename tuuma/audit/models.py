"""The audit log, the personal-data access log and each organisation's privacy rules.

Both logs are append-only (see ``guard.py``): a row is written once, never
changed, and deleted only by the retention purge.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tuuma.audit.guard import AppendOnlyError, purging


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError(f"{self.model.__name__} rows cannot be changed")

    def delete(self):
        if not purging():
            raise AppendOnlyError(
                f"{self.model.__name__} rows are deleted by the purge"
            )
        return super().delete()

    def for_organisation(self, organisation) -> "AppendOnlyQuerySet":
        return self.filter(organisation=organisation)


class AppendOnlyModel(models.Model):
    organisation = models.ForeignKey(
        "organisation.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )
    at = models.DateTimeField(_("time"), default=timezone.now, editable=False)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-at", "-pk"]

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} rows cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if not purging():
            raise AppendOnlyError(
                f"{type(self).__name__} rows are deleted by the purge"
            )
        return super().delete(*args, **kwargs)


class AuditEntry(AppendOnlyModel):
    """One administrative act: who did what to which object, and when."""

    # PROTECT: a person is deactivated and anonymised, never deleted, so the
    # record keeps pointing at the account that acted.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    action = models.CharField(_("action"), max_length=100)
    target_type = models.CharField(_("target type"), max_length=100, blank=True)
    target_id = models.CharField(_("target id"), max_length=64, blank=True)
    target_label = models.CharField(
        pgettext_lazy("audit", "target"), max_length=200, blank=True
    )
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta(AppendOnlyModel.Meta):
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log entries")
        indexes = [
            models.Index(fields=["organisation", "-at"], name="audit_org_time"),
            models.Index(
                fields=["organisation", "actor", "-at"], name="audit_org_actor"
            ),
            models.Index(
                fields=["organisation", "action", "-at"], name="audit_org_action"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"

    @property
    def detail_pairs(self) -> list[tuple[str, object]]:
        """The details as (key, value) pairs: in a template ``details.items`` would
        read a detail named "items" instead of the dict's method."""
        return sorted((self.details or {}).items())


class AccessLogEntry(AppendOnlyModel):
    """Someone looked at another person's personal data (GDPR accountability)."""

    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("viewer"),
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("whose data"),
    )
    what = models.CharField(_("what"), max_length=200)
    path = models.CharField(_("page or endpoint"), max_length=500)
    view_name = models.CharField(_("view"), max_length=200, blank=True)
    method = models.CharField(_("method"), max_length=10, blank=True)

    class Meta(AppendOnlyModel.Meta):
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data accesses")
        indexes = [
            models.Index(fields=["organisation", "-at"], name="access_org_time"),
            models.Index(
                fields=["organisation", "viewer", "-at"], name="access_org_viewer"
            ),
            models.Index(
                fields=["organisation", "subject", "-at"], name="access_org_subject"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.what}"


class ErasureRule(models.TextChoices):
    KEEP_ANONYMISED = "keep", _("Keep public texts, anonymised")
    REMOVE = "remove", _("Remove public texts (counts are kept)")


class PrivacySettings(models.Model):
    """An organisation's retention periods and its rule for erased people's texts."""

    organisation = models.OneToOneField(
        "organisation.Organisation",
        on_delete=models.CASCADE,
        related_name="privacy_settings",
        verbose_name=_("organisation"),
    )
    audit_retention_days = models.PositiveIntegerField(
        _("audit log kept (days)"), default=730
    )
    access_log_retention_days = models.PositiveIntegerField(
        _("personal data access log kept (days)"), default=365
    )
    erasure_rule = models.CharField(
        _("public texts of an erased person"),
        max_length=16,
        choices=ErasureRule.choices,
        default=ErasureRule.KEEP_ANONYMISED,
    )

    class Meta:
        verbose_name = _("privacy settings")
        verbose_name_plural = _("privacy settings")

    def __str__(self) -> str:
        return str(self.organisation)

    @classmethod
    def for_organisation(cls, organisation) -> "PrivacySettings":
        found, _created = cls.objects.get_or_create(organisation=organisation)
        return found


class PersonalDataExportQuerySet(models.QuerySet):
    def visible_to(self, user, organisation) -> "PersonalDataExportQuerySet":
        """A person's archive is theirs alone, administrators included."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(organisation=organisation, user=user)


class PersonalDataExport(models.Model):
    """The ZIP a person asked for; kept a short while, downloadable by them only."""

    organisation = models.ForeignKey(
        "organisation.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("person"),
    )
    job = models.OneToOneField(
        "jobs.Job", on_delete=models.CASCADE, related_name="+", verbose_name=_("job")
    )
    # In the database, not on disk: the archive is small and goes with the row
    # (and with the person's erasure or the purge) in one transaction.
    archive = models.BinaryField(_("archive"), editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = PersonalDataExportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("personal data export")
        verbose_name_plural = _("personal data exports")
        indexes = [models.Index(fields=["organisation", "user", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.user} {self.created_at:%Y-%m-%d}"
