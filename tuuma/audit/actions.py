"""Writing the audit log and the personal-data access log; the retention purge.

Every app calls ``audit_record`` for administrative acts (role changes,
moderation, merges, deletions, exports, lock-outs) and ``personal_data_viewed``
when someone reads another person's personal data
(``personal_data_viewed_many`` for a whole table of people in one INSERT).
"""

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuuma.audit.guard import purge_permitted
from tuuma.audit.models import (
    AccessLogEntry,
    AuditEntry,
    PersonalDataExport,
    PrivacySettings,
)

# What the administration's pages show of a person, as the access log names it.
ADMIN_PERSON_PAGE = _("the person's details in the administration")
ERASURE_PAGE = _("the person's erasure page")

# A person's data archive is for downloading, not for keeping.
EXPORT_KEPT = timedelta(days=7)


def _target_fields(target: Model | None) -> dict[str, str]:
    if target is None:
        return {}
    return {
        "target_type": target._meta.label_lower,
        "target_id": str(target.pk),
        "target_label": str(target)[:200],
    }


def audit_record(
    *,
    organisation,
    actor,
    action: str,
    target: Model | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one administrative act to the organisation's audit log.

    Runs inside the caller's transaction, so an act that rolls back leaves no
    entry. ``actor`` may be None (the system, a job) or an anonymous user.
    """
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditEntry.objects.create(
        organisation=organisation,
        actor=actor,
        action=action[:100],
        details=details or {},
        **_target_fields(target),
    )


def _access_entries(request: HttpRequest, subjects: Iterable, what: str) -> list:
    """Unsaved access-log rows of ``request.user`` reading each of ``subjects``
    (the viewer's own data is left out; the page or endpoint is the request's)."""
    viewer = request.user if request.user.is_authenticated else None
    match = getattr(request, "resolver_match", None)
    common = {
        "organisation": request.organisation,
        "viewer": viewer,
        "what": str(what)[:200],
        "path": request.get_full_path()[:500],
        "view_name": (match.view_name if match else "")[:200],
        "method": request.method or "",
    }
    return [
        AccessLogEntry(subject=subject, **common)
        for subject in subjects
        if viewer is None or viewer.pk != subject.pk
    ]


def personal_data_viewed(*, request: HttpRequest, subject, what: str) -> None:
    """Log that ``request.user`` looked at ``subject``'s personal data.

    A person reading their own data is not logged. The page or API endpoint is
    taken from the request.
    """
    for entry in _access_entries(request, [subject], what):
        entry.save()


def personal_data_viewed_many(
    *, request: HttpRequest, subjects: Iterable, what: str
) -> int:
    """``personal_data_viewed`` for many people read at once (a table of a
    unit's staff): one INSERT instead of one per person. Returns the rows written."""
    entries = _access_entries(request, subjects, what)
    AccessLogEntry.objects.bulk_create(entries, batch_size=1000)
    return len(entries)


@transaction.atomic
def audit_purge(*, organisation, now=None) -> tuple[int, int]:
    """Delete the entries older than the organisation's retention periods.

    Returns (audit entries, access-log entries) deleted. The only way rows of
    the two logs are ever deleted (the database refuses it otherwise). Personal
    data archives older than a week go too.
    """
    now = now or timezone.now()
    PersonalDataExport.objects.filter(
        organisation=organisation, created_at__lt=now - EXPORT_KEPT
    ).delete()
    rules = PrivacySettings.for_organisation(organisation)
    with purge_permitted():
        audit_deleted, _ = AuditEntry.objects.filter(
            organisation=organisation,
            at__lt=now - timedelta(days=rules.audit_retention_days),
        ).delete()
        access_deleted, _ = AccessLogEntry.objects.filter(
            organisation=organisation,
            at__lt=now - timedelta(days=rules.access_log_retention_days),
        ).delete()
    if audit_deleted or access_deleted:
        audit_record(
            organisation=organisation,
            actor=None,
            action="audit.purged",
            details={"audit_entries": audit_deleted, "access_entries": access_deleted},
        )
    return audit_deleted, access_deleted
