"""Personal data in case logs (GDPR hooks, see tuuma/audit/personal_data.py).

The resources (employee ids) inside an uploaded log are pseudonymised at import;
what links a log to a person is who created and uploaded it.
"""

from typing import Any

from tuuma.caselog.models import CaseLog, CaseLogVersion


def personal_data(user) -> dict[str, Any]:
    return {
        "case_logs_created": list(
            CaseLog.objects.filter(created_by=user).values("id", "name", "created_at")
        ),
        "uploads": list(
            CaseLogVersion.objects.filter(imported_by=user).values(
                "caselog_id", "source_name", "imported_at"
            )
        ),
    }


def erase_person(user, *, remove_public_texts: bool) -> None:
    CaseLog.objects.filter(created_by=user).update(created_by=None)
    CaseLogVersion.objects.filter(imported_by=user).update(imported_by=None)
