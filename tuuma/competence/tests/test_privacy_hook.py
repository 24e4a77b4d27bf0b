"""A person's competence data in their download, and erasure."""

from datetime import date

from django.urls import reverse

from tuuma.competence import privacy
from tuuma.competence.actions import certificate_add, deputies_set
from tuuma.competence.models import (
    AccessRecord,
    Assessment,
    Deputy,
    Level,
    NeedStatus,
    PlannedAbsence,
    Supervision,
    TrainingNeed,
)
from tuuma.competence.planning_actions import (
    absence_add,
    absence_plan_create,
    training_need_create,
)


def test_personal_data_holds_levels_ratings_certificates_absences_and_changes(team):
    worker = team.workers[1]
    certificate_add(person=worker, by=team.boss, name="Ensiapu", valid_until=None)
    plan = absence_plan_create(unit=team.unit, name="Kesä")
    absence_add(plan=plan, person=worker, start=date(2026, 7, 1), end=date(2026, 7, 9))
    data = privacy.personal_data(worker)
    assert {row["task__name"] for row in data["levels"]} == {"Registering", "Archiving"}
    assert data["certificates"][0]["name"] == "Ensiapu"
    assert data["planned_absences"][0]["plan__name"] == "Kesä"
    assert data["supervisors"] == ["Boss"]
    assert any("agreed level" in row["what"] for row in data["changes_to_my_data"])


def test_erasure_removes_the_person_and_keeps_the_others(team):
    leaver, mentor = team.workers[1], team.workers[0]
    deputies_set(task=team.registry, people=[mentor, leaver], by=team.boss)
    need = training_need_create(
        task=team.archive, person=team.workers[3], reason="gap", mentor=leaver
    )
    privacy.erase_person(leaver, remove_public_texts=True)
    for model in (Level, Assessment, Deputy, PlannedAbsence, TrainingNeed):
        assert not model.objects.filter(person=leaver).exists()
    assert not Supervision.objects.filter(person=leaver).exists()
    assert not AccessRecord.objects.filter(subject=leaver).exists()
    need.refresh_from_db()
    assert need.mentor is None and need.status == NeedStatus.OPEN
    assert Level.objects.filter(person=mentor).exists()


def test_my_page_lists_reads_and_changes_by_others(client, team):
    worker = team.workers[0]
    client.force_login(team.boss)
    client.get(reverse("competence:unit", args=[team.unit.pk]))
    client.force_login(worker)
    records = client.get(reverse("competence:mine")).context["records"]
    kinds = {(r["who"], r["changed"]) for r in records}
    assert (team.boss, True) in kinds and (team.boss, False) in kinds
