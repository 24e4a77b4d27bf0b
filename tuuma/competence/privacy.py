"""Personal data in competence: a person's levels, ratings, certificates,
deputy roles, planned absences, training and the record of changes.

Erasure removes all of it: the levels describe someone who no longer works
here, and the unit's figures are recomputed without them. Reads by others are
in the shared access log (``tuuma.audit``), which its own hook exports.
"""

from django.db import transaction

from tuuma.competence.models import (
    AccessRecord,
    Assessment,
    Certificate,
    Deputy,
    Level,
    PlannedAbsence,
    Supervision,
    TrainingNeed,
)


def personal_data(user) -> dict:
    return {
        "levels": list(
            Level.objects.filter(person=user).values(
                "task__name", "task__unit__name", "level", "approved_at"
            )
        ),
        "assessments": list(
            Assessment.objects.filter(person=user).values(
                "task__name", "kind", "level", "assessed_at", "note"
            )
        ),
        "certificates": list(
            Certificate.objects.filter(person=user).values("name", "valid_until")
        ),
        "deputy_for": list(
            Deputy.objects.filter(person=user).values("task__name", "order")
        ),
        "planned_absences": list(
            PlannedAbsence.objects.filter(person=user).values(
                "plan__name", "start", "end", "kind"
            )
        ),
        "training_needs": list(
            TrainingNeed.objects.filter(person=user).values(
                "task__name", "from_level", "to_level", "reason", "status", "due"
            )
        ),
        "mentoring": list(
            TrainingNeed.objects.filter(mentor=user).values("task__name", "status")
        ),
        "supervisors": list(
            Supervision.objects.filter(person=user).values_list(
                "supervisor__full_name", flat=True
            )
        ),
        "changes_to_my_data": list(
            AccessRecord.objects.filter(subject=user).values(
                "at", "actor__full_name", "what"
            )
        ),
    }


@transaction.atomic
def erase_person(user, *, remove_public_texts: bool) -> None:
    """Nothing here is public text, so ``remove_public_texts`` changes nothing."""
    for model in (Level, Assessment, Certificate, Deputy, PlannedAbsence):
        model.objects.filter(person=user).delete()
    TrainingNeed.objects.filter(person=user).delete()
    TrainingNeed.objects.filter(mentor=user).update(mentor=None)
    Supervision.objects.filter(person=user).delete()
    Supervision.objects.filter(supervisor=user).delete()
    AccessRecord.objects.filter(subject=user).delete()
    AccessRecord.objects.filter(actor=user).update(actor=None)
