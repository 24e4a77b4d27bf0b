"""The lead's forms: tasks, deputies, absence plans and needs into the programme."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from tuuma.competence.models import (
    AbsencePlan,
    Deputy,
    NeedReason,
    NeedStatus,
    Task,
    TrainingNeed,
)
from tuuma.competence.planning_actions import absence_plan_create, training_need_create
from tuuma.programme.actions import focus_area_create, goal_create
from tuuma.programme.models import MeasureClass


def en_url(name: str, args) -> str:
    """The English page, whatever language the last request left active."""
    with translation.override("en"):
        return reverse(name, args=args)


def post(client, user, name, args, data, **extra):
    client.force_login(user)
    return client.post(en_url(f"competence:{name}", args=args), data)


TASK = {
    "name": "Asiakirjapyynnöt",
    "required_level": 3,
    "headcount": 2,
    "critical": "on",
    "case_types_text": "tietopyyntö, asiakirjapyyntö",
    "descriptor3": "Vastaa pyyntöihin itsenäisesti määräajassa",
}


def test_the_lead_creates_and_edits_a_task(client, cast, team):
    response = post(client, cast.productivity_lead, "task-create", [team.unit.pk], TASK)
    task = Task.objects.get(name="Asiakirjapyynnöt")
    assert response.status_code == 302 and task.critical
    assert task.case_types == ["tietopyyntö", "asiakirjapyyntö"]
    assert task.level_descriptors == {"3": "Vastaa pyyntöihin itsenäisesti määräajassa"}
    edited = {**TASK, "headcount": 3, "critical": ""}
    post(client, cast.productivity_lead, "task-edit", [task.pk], edited)
    task.refresh_from_db()
    assert task.headcount == 3 and not task.critical


def test_a_bad_task_is_refused_with_messages_and_nothing_saved(client, cast, team):
    bad = {**TASK, "name": "registering", "required_level": 7, "headcount": 0}
    response = post(client, cast.productivity_lead, "task-create", [team.unit.pk], bad)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) == {"name", "required_level", "headcount"}
    assert not Task.objects.filter(name__iexact="asiakirjapyynnöt").exists()


def test_a_manager_or_supervisor_cannot_edit_tasks(client, cast, team):
    for user in (cast.manager, team.boss):
        response = post(client, user, "task-create", [team.unit.pk], TASK)
        assert response.status_code == 403


def test_deputies_are_saved_in_order_and_a_low_deputy_becomes_a_need(
    client, cast, team
):
    first, low = team.workers[0], team.workers[3]
    data = {"slot0": first.pk, "slot1": low.pk}
    response = post(
        client, cast.productivity_lead, "deputies", [team.registry.pk], data
    )
    assert response.status_code == 302
    order = list(Deputy.objects.filter(task=team.registry).values_list("person_id"))
    assert order == [(first.pk,), (low.pk,)]
    need = TrainingNeed.objects.get(task=team.registry, person=low)
    assert need.reason == NeedReason.DEPUTY


def test_the_same_person_twice_in_the_deputy_list_is_refused(client, cast, team):
    w = team.workers[0]
    data = {"slot0": w.pk, "slot1": w.pk}
    response = post(
        client, cast.productivity_lead, "deputies", [team.registry.pk], data
    )
    assert response.status_code == 400
    assert not Deputy.objects.filter(task=team.registry).exists()


def test_an_absence_plan_is_created_and_filled_from_a_finnish_csv(client, cast, team):
    lead = cast.productivity_lead
    post(client, lead, "absence-plan-create", [team.unit.pk], {"name": "Kesä A"})
    plan = AbsencePlan.objects.get(name="Kesä A")
    text = f"email;start;end;kind\r\n{team.workers[0].email};2026-07-01;2026-07-28;\r\n"
    client.force_login(lead)
    upload = SimpleUploadedFile("loma.csv", text.encode("cp1252"))
    url = en_url("competence:absence-plan", args=[plan.pk])
    response = client.post(url, {"csv-file": upload})
    assert response.status_code == 302
    assert plan.absences.get().person == team.workers[0]


def test_a_bad_absence_csv_names_the_row_and_saves_nothing(client, cast, team):
    plan = absence_plan_create(unit=team.unit, name="Kesä B")
    text = (
        f"email,start,end\n{team.workers[0].email},2026-07-01,2026-07-28\n"
        "nobody@example.fi,2026-07-01,2026-06-01\n"
    )
    client.force_login(cast.productivity_lead)
    url = en_url("competence:absence-plan", args=[plan.pk])
    response = client.post(
        url,
        {"csv-file": SimpleUploadedFile("x.csv", text.encode())},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    errors = response.context["csv_form"].non_field_errors()
    assert errors == ["Row 3: Unknown person: nobody@example.fi"]
    assert not plan.absences.exists()


def test_one_absence_is_added_by_hand(client, cast, team):
    plan = absence_plan_create(unit=team.unit, name="Kesä C")
    data = {
        "one-person": team.workers[1].pk,
        "one-start": "2026-07-06",
        "one-end": "2026-07-24",
        "one-kind": "holiday",
    }
    response = post(client, cast.productivity_lead, "absence-plan", [plan.pk], data)
    assert response.status_code == 302
    assert plan.absences.get().start == date(2026, 7, 6)


def test_gaps_are_proposed_as_needs_and_a_need_becomes_a_measure(
    client, cast, team, org, area
):
    post(client, cast.productivity_lead, "needs-propose", [team.unit.pk], {})
    assert TrainingNeed.objects.filter(task__unit=team.unit).exists()
    need = TrainingNeed.objects.filter(task__unit=team.unit).first()
    focus = focus_area_create(organisation=org, name="Osaaminen")
    goal = goal_create(focus_area=focus, title="Osaava henkilöstö")
    data = {
        "goal": goal.pk,
        "owner": cast.productivity_lead.pk,
        "start_date": "2026-09-01",
        "due_date": "2026-12-31",
    }
    response = post(client, cast.productivity_lead, "need-to-measure", [need.pk], data)
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.status == NeedStatus.PROGRAMME
    assert need.measure.measure_class == MeasureClass.TRAINING_NEED


def test_a_need_already_in_the_programme_is_not_added_twice(client, cast, team):
    need = training_need_create(
        task=team.registry, person=team.workers[4], reason=NeedReason.GAP
    )
    need.status = NeedStatus.PROGRAMME
    need.save()
    data = {"start_date": "2026-09-01", "due_date": "2026-08-01"}
    response = post(client, cast.productivity_lead, "need-to-measure", [need.pk], data)
    assert response.status_code == 400
