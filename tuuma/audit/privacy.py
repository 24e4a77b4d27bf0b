"""What the audit app holds about a person: who looked at their data, and their acts.

Erasure keeps both logs (a legal record); the person's account is anonymised by
tuuma/accounts/privacy.py, so the entries no longer name them.
"""

from typing import Any

from tuuma.audit.models import AccessLogEntry, AuditEntry


def personal_data(user) -> dict[str, Any]:
    return {
        "who_viewed_my_data": [
            {
                "at": e.at.isoformat(),
                "viewer": str(e.viewer or ""),
                "what": e.what,
                "page": e.path,
            }
            for e in AccessLogEntry.objects.filter(subject=user).select_related(
                "viewer"
            )
        ],
        "my_administrative_acts": list(
            AuditEntry.objects.filter(actor=user).values(
                "at", "action", "target_type", "target_id"
            )
        ),
    }


def erase_person(user, *, remove_public_texts: bool) -> None:
    from tuuma.audit.models import PersonalDataExport

    PersonalDataExport.objects.filter(user=user).delete()
