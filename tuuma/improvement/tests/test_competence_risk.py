"""Effort shows the competence risk: the tasks of the processes an item changes
that only one person masters, read from competence's ``effort_risk`` hook."""

import pytest
from django.test import Client
from django.urls import reverse

from tuuma.competence.actions import level_approve, supervision_set, task_create
from tuuma.competence.tests.conftest import member
from tuuma.improvement import priority_actions as actions
from tuuma.organisation.models import Unit
from tuuma.processes import actions as processes
from tuuma.processes.tests.conftest import make_process

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(org, area, cast):
    """A unit where one person masters the permit preparation and two archive."""
    unit = Unit.objects.create(organisation=org, service_area=area, name="Lupayksikkö")
    boss = member(org, area, unit, "boss")
    workers = [member(org, area, unit, f"worker{i}") for i in range(3)]
    for worker in workers:
        supervision_set(unit=unit, supervisor=boss, person=worker)
    preparing = task_create(unit=unit, name="Luvan valmistelu", process_ref="01.01")
    archiving = task_create(
        unit=unit, name="Arkistointi", process_ref="01.01 asianhallinta"
    )
    elsewhere = task_create(unit=unit, name="Laskutus", process_ref="05.01")
    level_approve(task=preparing, person=workers[0], by=boss, level=4)
    level_approve(task=preparing, person=workers[1], by=boss, level=2)
    for worker in workers[:2]:
        level_approve(task=archiving, person=worker, by=boss, level=3)
    level_approve(task=elsewhere, person=workers[2], by=boss, level=3)
    return unit


def test_a_score_records_the_one_person_tasks_of_the_linked_process(
    org, area, cast, measure, registry
):
    process = make_process(org, area, owner=cast.process_owner)
    processes.link_add(process=process, measure=measure)
    score = actions.item_score(
        target=measure,
        by=cast.productivity_lead,
        impact=4,
        effort=3,
        impact_reason="Jono purkautuu",
        effort_reason="Yksi osaaja",
    )
    assert score.grounds["competence_risk"] == [
        {"task": "Luvan valmistelu", "unit": "Lupayksikkö", "critical": False}
    ]
    client = Client()
    client.force_login(cast.productivity_lead)
    page = client.get(
        reverse("improvement:score-measure", args=[measure.pk])
    ).content.decode()
    assert "Luvan valmistelu (Lupayksikkö)" in page


def test_an_item_naming_no_process_has_no_competence_ground(cast, measure, registry):
    assert actions.grounds_for(measure)["competence_risk"] is None
