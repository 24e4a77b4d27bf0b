"""Personal data in the programme (GDPR hooks, see tuuma/audit/personal_data.py)."""

from typing import Any

from tuuma.programme.models import Comment, IndicatorValue, Measure, ProgressUpdate


def personal_data(user) -> dict[str, Any]:
    return {
        "measures_owned": list(
            Measure.objects.filter(owner=user).values("id", "title")
        ),
        "measures_participating": list(
            Measure.objects.filter(participants=user).values("id", "title")
        ),
        "progress_updates": list(
            ProgressUpdate.objects.filter(author=user).values(
                "measure_id", "date", "percent", "text", "created_at"
            )
        ),
        "comments": list(
            Comment.objects.filter(author=user).values(
                "measure_id", "text", "created_at"
            )
        ),
        "indicator_values_recorded": IndicatorValue.objects.filter(
            recorded_by=user
        ).count(),
    }


def erase_person(user, *, remove_public_texts: bool) -> None:
    """Comments and updates lose their author; ownership stays with the
    (anonymised) account until an administrator hands the measure on."""
    comments = Comment.objects.filter(author=user)
    if remove_public_texts:
        comments.update(text="")
    comments.update(author=None)
    ProgressUpdate.objects.filter(author=user).update(author=None)
    Measure.objects.filter(created_by=user).update(created_by=None)
    IndicatorValue.objects.filter(recorded_by=user).update(recorded_by=None)
    for measure in Measure.objects.filter(participants=user):
        measure.participants.remove(user)
