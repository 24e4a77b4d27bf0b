from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from tuuma.competence.actions import (
    assessment_record,
    certificate_add,
    certificates_remind,
    deputies_set,
    deputy_cover,
    differences,
    level_approve,
    task_create,
)
from tuuma.competence.models import AccessRecord, Level, NeedReason, TrainingNeed
from tuuma.competence.planning_actions import (
    absence_plan_create,
    absences_import_csv,
    training_need_complete,
    training_need_to_measure,
    training_needs_propose,
)
from tuuma.programme.actions import focus_area_create, goal_create
from tuuma.programme.models import MeasureClass


def test_self_and_supervisor_ratings_show_their_difference(team):
    w = team.workers[3]
    assessment_record(task=team.registry, person=w, by=w, level=3)
    assessment_record(task=team.registry, person=w, by=team.boss, level=2)
    latest = differences(w, [team.registry])[team.registry.pk]
    assert latest == {"self": 3, "supervisor": 2, "agreed": None}


def test_only_the_supervisor_rates_or_approves_someone_else(team):
    w = team.workers[3]
    with pytest.raises(PermissionDenied):
        assessment_record(task=team.registry, person=w, by=team.other_boss, level=3)
    with pytest.raises(PermissionDenied):
        level_approve(task=team.registry, person=w, by=w, level=4)


def test_a_level_outside_zero_to_four_is_refused_and_nothing_saved(team):
    with pytest.raises(ValidationError):
        level_approve(task=team.registry, person=team.workers[4], by=team.boss, level=5)
    assert not Level.objects.filter(person=team.workers[4]).exists()


def test_approving_a_level_keeps_history_and_records_the_change(team):
    w = team.workers[1]
    level_approve(task=team.registry, person=w, by=team.boss, level=3)
    assert Level.objects.get(task=team.registry, person=w).level == 3
    assert (
        w.competence_assessments.filter(task=team.registry, kind="agreed").count() == 2
    )
    assert AccessRecord.objects.filter(
        subject=w, actor=team.boss, action="changed"
    ).exists()


def test_a_deputy_below_the_level_becomes_a_training_need_not_cover(team):
    first, second = team.workers[0], team.workers[1]
    deputies_set(task=team.registry, people=[first, second], by=team.boss)
    cover = [(d.person, counts) for d, _level, counts in deputy_cover(team.registry)]
    assert cover == [(first, True), (second, False)]
    need = TrainingNeed.objects.get(task=team.registry, person=second)
    assert need.reason == NeedReason.DEPUTY and need.from_level == 2


def test_proposed_needs_fill_the_gap_with_a_mentor(team):
    needs = training_needs_propose(unit=team.unit)
    registry = [n for n in needs if n.task == team.registry]
    assert [(n.person, n.mentor, n.reason) for n in registry] == [
        (team.workers[1], team.workers[0], NeedReason.SPOF)
    ]
    assert training_needs_propose(unit=team.unit) == []


def test_a_need_becomes_a_training_measure_and_its_result_updates_the_level(
    team, org, cast
):
    need = training_needs_propose(unit=team.unit)[0]
    focus = focus_area_create(organisation=org, name="Osaaminen")
    goal = goal_create(focus_area=focus, title="Osaava henkilöstö")
    measure = training_need_to_measure(
        need=need,
        by=cast.productivity_lead,
        goal=goal,
        owner=team.boss,
        start_date=date(2027, 1, 1),
        due_date=date(2027, 6, 30),
    )
    assert measure.measure_class == MeasureClass.TRAINING_NEED
    assert set(measure.participants.all()) == {need.person, need.mentor}
    assert need.person.full_name not in measure.title
    training_need_complete(need=need, by=team.boss, level=3)
    assert Level.objects.get(task=need.task, person=need.person).level == 3


def test_absence_import_lists_every_bad_row_and_saves_nothing(team):
    plan = absence_plan_create(unit=team.unit, name="Kesä A")
    data = (
        "email,start,end\n"
        f"{team.workers[0].email},2027-07-01,2027-07-21\n"
        "nobody@example.org,2027-07-01,2027-07-02\n"
        f"{team.workers[1].email},2027-07-10,2027-07-01\n"
    ).encode()
    with pytest.raises(ValidationError) as error, translation.override("en"):
        absences_import_csv(plan=plan, data=data)
    assert [m[:6] for m in error.value.messages] == ["Row 3:", "Row 4:"]
    assert not plan.absences.exists()


def test_absence_import_reads_semicolon_files(team):
    plan = absence_plan_create(unit=team.unit, name="Kesä B")
    data = (
        f"email;start;end;kind\n{team.workers[0].email};2027-07-01;2027-07-21;holiday\n"
    )
    assert len(absences_import_csv(plan=plan, data=data.encode())) == 1


def test_certificate_reminders_are_sent_once_in_the_holders_language(team):
    w = team.workers[0]
    today = date(2027, 3, 1)
    certificate_add(
        person=w,
        by=team.boss,
        name="Hygieniapassi",
        valid_until=today + timedelta(days=30),
    )
    certificate_add(
        person=w, by=team.boss, name="Ensiapu", valid_until=today + timedelta(days=300)
    )
    assert certificates_remind(organisation=team.unit.organisation, today=today) == 1
    assert certificates_remind(organisation=team.unit.organisation, today=today) == 0


def test_task_names_are_unique_per_unit(team):
    with pytest.raises(ValidationError):
        task_create(unit=team.unit, name="Registering")


def test_the_daily_job_queues_one_reminder_per_lapsing_certificate(team, run_jobs):
    from django.core import mail
    from django.core.management import call_command
    from django.utils import timezone

    soon = timezone.localdate() + timedelta(days=10)
    certificate_add(
        person=team.workers[2], by=team.boss, name="Ensiapu", valid_until=soon
    )
    call_command("competence_reminders")
    run_jobs()
    call_command("competence_reminders")
    run_jobs()
    assert [m.to for m in mail.outbox] == [[team.workers[2].email]]
