"""A registry unit of six people, one supervisor, and a second unit next door;
a measure whose to-be process adds a step."""

from datetime import date
from types import SimpleNamespace

import pytest

from conftest import make_user
from tuuma.competence.actions import level_approve, supervision_set, task_create
from tuuma.organisation.models import Membership, Unit
from tuuma.organisation.roles import Role
from tuuma.processes import actions as processes
from tuuma.programme import actions as programme


def member(org, area, unit, key):
    user = make_user(org, key)
    Membership.objects.create(
        organisation=org, user=user, role=Role.EMPLOYEE, service_area=area, unit=unit
    )
    return user


@pytest.fixture
def team(org, area, cast):
    unit = Unit.objects.create(organisation=org, service_area=area, name="Kirjaamo")
    boss = member(org, area, unit, "boss")
    workers = [member(org, area, unit, f"worker{i}") for i in range(1, 6)]
    for w in workers:
        supervision_set(unit=unit, supervisor=boss, person=w)
    registry = task_create(
        unit=unit, name="Registering", critical=True, headcount=2, annual_cases=3000
    )
    archive = task_create(unit=unit, name="Archiving", headcount=2, annual_cases=30)
    level_approve(task=registry, person=workers[0], by=boss, level=4)
    level_approve(task=registry, person=workers[1], by=boss, level=2)
    level_approve(task=archive, person=workers[1], by=boss, level=3)
    level_approve(task=archive, person=workers[2], by=boss, level=3)
    other_unit = Unit.objects.create(
        organisation=org, service_area=area, name="Päiväkoti"
    )
    other_boss = member(org, area, other_unit, "other_boss")
    stranger = member(org, area, other_unit, "stranger")
    supervision_set(unit=other_unit, supervisor=other_boss, person=stranger)
    return SimpleNamespace(
        unit=unit,
        boss=boss,
        workers=workers,
        registry=registry,
        archive=archive,
        other_unit=other_unit,
        other_boss=other_boss,
        stranger=stranger,
    )


STEPS = ["Kirjaus", "Valmistelu", "Päätös"]


@pytest.fixture
def measure(org, area, cast):
    focus = programme.focus_area_create(organisation=org, name="Sujuvat palvelut")
    goal = programme.goal_create(focus_area=focus, title="Nopeampi käsittely")
    return programme.measure_create(
        organisation=org,
        by=cast.productivity_lead,
        goal=goal,
        title="Sähköinen päätös",
        description="Päätökset allekirjoitetaan sähköisesti.",
        measure_class="development_project",
        service_area=area,
        owner=cast.process_owner,
        start_date=date(2026, 1, 1),
        due_date=date(2026, 6, 30),
    )


@pytest.fixture
def to_be(org, area, measure):
    process = processes.process_create(
        organisation=org, by=None, service_area=area, code="01", name="Asianhallinta"
    )
    as_is = processes.version_create(process=process, by=None, name="Nykytila")
    to_be = processes.version_create(
        process=process,
        by=None,
        name="Tavoitetila",
        state="to_be",
        future_of=as_is,
        measure=measure,
    )
    for version, names in (
        (as_is, STEPS),
        (to_be, [*STEPS, "Sähköinen allekirjoitus"]),
    ):
        for name in names:
            processes.step_save(version=version, name=name, performer_role="sihteeri")
    return to_be
