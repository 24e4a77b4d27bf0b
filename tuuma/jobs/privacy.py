"""Personal data in background jobs (GDPR hooks, see tuuma/audit/personal_data.py)."""

from typing import Any

from tuuma.jobs.models import Job


def personal_data(user) -> dict[str, Any]:
    return {
        "jobs": list(
            Job.objects.filter(created_by=user).values(
                "kind", "label", "status", "created_at", "finished_at"
            )
        )
    }


def erase_person(user, *, remove_public_texts: bool) -> None:
    Job.objects.filter(created_by=user).update(created_by=None)
