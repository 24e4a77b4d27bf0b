"""The supervisor's page: rate the team, see the difference, approve the level."""

from tuuma.audit.models import AccessLogEntry
from tuuma.competence.actions import assessment_record
from tuuma.competence.models import Assessment, Level
from tuuma.competence.planning_actions import training_need_create


def test_a_supervisor_sees_the_difference_and_approves_the_agreed_level(client, team):
    worker = team.workers[1]
    assessment_record(task=team.registry, person=worker, by=worker, level=3)
    need = training_need_create(task=team.registry, person=worker, reason="spof")
    client.force_login(team.boss)
    url = f"/osaaminen/yksikot/{team.unit.pk}/tiimi/"
    assert worker.full_name in client.get(url).content.decode()
    target = f"{url}?person={worker.pk}"
    client.post(target, {"task": team.registry.pk, "level": 2, "action": "rate"})
    page = client.get(target).content.decode()
    assert "−1" in page or "-1" in page  # supervisor 2 − self 3
    assert AccessLogEntry.objects.filter(
        viewer=team.boss, subject=worker, view_name="competence:team"
    ).exists()
    response = client.post(
        target, {"task": team.registry.pk, "level": 3, "action": "approve"}
    )
    assert response.status_code == 302
    assert Level.objects.get(task=team.registry, person=worker).level == 3
    need.refresh_from_db()
    assert need.status == "done"  # the approval is the training's result
    assert Assessment.objects.filter(person=worker, kind="supervisor").count() == 1
    client.post(target, {"task": team.registry.pk, "level": 7, "action": "approve"})
    assert Level.objects.get(task=team.registry, person=worker).level == 3


def test_nobody_else_reaches_a_persons_ratings(client, team):
    worker = team.workers[1]
    target = f"/osaaminen/yksikot/{team.unit.pk}/tiimi/?person={worker.pk}"
    for reader in (team.other_boss, team.workers[2]):
        client.force_login(reader)
        assert client.get(target).status_code == 404
        response = client.post(
            target, {"task": team.registry.pk, "level": 4, "action": "approve"}
        )
        assert response.status_code == 404
    assert Level.objects.get(task=team.registry, person=worker).level == 2
