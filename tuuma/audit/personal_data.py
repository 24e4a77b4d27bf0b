"""The GDPR rights: a person's data as a ZIP of JSON files, and erasure.

Every app contributes through its ``privacy.py`` hook module:
``personal_data(user) -> dict`` and ``erase_person(user, *, remove_public_texts)``.
"""

import io
import json
import zipfile
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string

from tuuma.audit.actions import audit_record
from tuuma.audit.models import ErasureRule, PersonalDataExport, PrivacySettings
from tuuma.jobs.actions import job_enqueue, job_progress, job_started, job_succeeded
from tuuma.jobs.models import Job, JobStatus
from tuuma.lib.apps import app_modules

# Enqueued by its dotted name: ``tasks`` imports this module, not the reverse.
EXPORT_TASK = "tuuma.audit.tasks.build_personal_data_export"


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(type(value).__name__)


def _hooks() -> list[tuple[str, Any]]:
    """(app label, module); accounts last, because erasing it anonymises the
    person the other hooks still look up."""
    modules = [(m.__name__.split(".")[1], m) for m in app_modules("privacy")]
    return sorted(modules, key=lambda pair: pair[0] == "accounts")


def personal_data_archive(user, *, progress=None) -> bytes:
    """Everything Tuuma holds about ``user``: one JSON file per app, zipped."""
    hooks = _hooks()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for done, (label, module) in enumerate(hooks):
            data = module.personal_data(user)
            text = json.dumps(data, default=_json_default, ensure_ascii=False, indent=2)
            archive.writestr(f"{label}.json", text)
            if progress:
                progress((done + 1) / len(hooks), label)
    return buffer.getvalue()


@transaction.atomic
def personal_data_export_start(*, organisation, user) -> Job:
    """Queue the building of ``user``'s archive; the job page shows progress.

    A second request while one is still queued or running (a double submit)
    returns that job rather than building the archive twice.
    """
    # The person's row is the lock: parallel requests check for a pending job in turn.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    pending = Job.objects.filter(
        organisation=organisation,
        created_by=user,
        kind="audit.personal_data",
        status__in=[JobStatus.QUEUED, JobStatus.RUNNING],
    ).first()
    if pending is not None:
        return pending

    return job_enqueue(
        task=import_string(EXPORT_TASK),
        organisation=organisation,
        user=user,
        kind="audit.personal_data",
        label="Personal data",
        user_id=user.pk,
    )


def personal_data_export_build(*, job_id: int, user_id: int) -> PersonalDataExport:
    """The job body. Idempotent: a re-run replaces the archive of the same job."""
    job = job_started(job_id)
    user = get_user_model().objects.get(pk=user_id)
    data = personal_data_archive(
        user,
        progress=lambda fraction, label: job_progress(job_id, fraction * 0.9, label),
    )
    with transaction.atomic():
        export, _created = PersonalDataExport.objects.update_or_create(
            job=job,
            defaults={"organisation": job.organisation, "user": user, "archive": data},
        )
        audit_record(
            organisation=job.organisation,
            actor=user,
            action="audit.personal_data_exported",
            target=user,
        )
    url = reverse("audit:export-download", args=[export.pk])
    job_succeeded(job_id, result_url=url)
    return export


@transaction.atomic
def person_erase(*, organisation, person, actor) -> bool:
    """Erase ``person`` in every app under the organisation's rule; audited.

    One transaction: a failure in any app leaves the person as they were. The
    person's row is locked first, so a double-submitted erasure runs once; the
    second finds the account already closed and returns False.
    """
    person = get_user_model().objects.select_for_update().get(pk=person.pk)
    if not person.is_active:
        return False
    rule = PrivacySettings.for_organisation(organisation).erasure_rule
    for _label, module in _hooks():
        module.erase_person(person, remove_public_texts=rule == ErasureRule.REMOVE)
    audit_record(
        organisation=organisation,
        actor=actor,
        action="audit.person_erased",
        target=person,
        details={"rule": rule, "at": timezone.now().isoformat()},
    )
    return True
