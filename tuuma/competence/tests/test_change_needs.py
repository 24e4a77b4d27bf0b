"""Training needs from a measure that adds a process step and from an idea."""

from tuuma.audit.models import AuditEntry
from tuuma.competence.change_actions import (
    added_steps,
    idea_skill_needs,
    process_change_needs,
)
from tuuma.competence.models import NeedReason, Task, TrainingNeed
from tuuma.ideas.actions import idea_create
from tuuma.ideas.models import Idea


def test_a_step_the_to_be_process_adds_is_found_and_the_old_ones_are_not(
    to_be, measure
):
    assert [new.step.name for new in added_steps(measure)] == [
        "Sähköinen allekirjoitus"
    ]


def test_a_measure_that_adds_a_step_creates_a_task_and_needs_for_its_headcount(
    to_be, measure, team, cast
):
    needs = process_change_needs(
        measure=measure, unit=team.unit, by=cast.productivity_lead
    )
    task = Task.objects.get(unit=team.unit, name="Sähköinen allekirjoitus")
    assert task.process == to_be.process and task.required_level == 3
    assert len(needs) == task.headcount == 2
    assert {n.reason for n in needs} == {NeedReason.PROCESS}
    assert {n.origin_measure for n in needs} == {measure}
    assert AuditEntry.objects.filter(action="competence.process_change_needs").exists()
    # Again: the task is there and its needs are open, so nothing is added.
    assert (
        process_change_needs(measure=measure, unit=team.unit, by=cast.productivity_lead)
        == []
    )
    assert (
        Task.objects.filter(
            unit=team.unit, name__iexact="sähköinen allekirjoitus"
        ).count()
        == 1
    )


def test_an_idea_taken_forward_needs_a_skill_and_gets_needs(team, cast, org, area):
    idea = idea_create(
        organisation=org,
        author=cast.employee,
        kind="staff_initiative",
        title="Kukaan ei osaa tehdä saavutettavia PDF-tiedostoja",
        body="Tarvitsemme koulutusta.",
        service_area=area,
    )
    Idea.objects.filter(pk=idea.pk).update(status="in_progress")  # taken forward
    idea.refresh_from_db()
    needs = idea_skill_needs(
        idea=idea, unit=team.unit, by=cast.productivity_lead, skill="Saavutettava PDF"
    )
    assert len(needs) == 2 and {n.reason for n in needs} == {NeedReason.IDEA}
    assert {n.origin_idea_id for n in needs} == {idea.pk}


def test_the_measure_page_offers_the_lead_the_new_steps_and_the_form_does_it(
    client, to_be, measure, team, cast
):
    client.force_login(cast.productivity_lead)
    page = client.get(measure.get_absolute_url()).content.decode()
    assert "Sähköinen allekirjoitus" in page
    url = f"/osaaminen/toimenpiteet/{measure.pk}/koulutustarpeet/"
    response = client.post(url, {"unit": team.unit.pk, "required_level": 3})
    assert response.status_code == 302
    assert TrainingNeed.objects.filter(origin_measure=measure).count() == 2
    assert client.post(url, {"unit": "x", "required_level": 9}).status_code == 400
    client.force_login(cast.employee)
    assert (
        "Sähköinen allekirjoitus"
        not in client.get(measure.get_absolute_url()).content.decode()
    )
    assert client.post(url, {"unit": team.unit.pk}).status_code == 403


def test_a_measure_without_new_steps_sends_the_lead_back_with_a_message(
    client, measure, cast
):
    client.force_login(cast.productivity_lead)
    url = f"/osaaminen/toimenpiteet/{measure.pk}/koulutustarpeet/"
    for response in (client.get(url), client.post(url, {})):
        assert response.status_code == 302
        assert response["Location"] == measure.get_absolute_url()
