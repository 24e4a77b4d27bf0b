"""Process fixtures: a catalogue in ``area`` owned by the cast's process owner,
a version holding DOMAIN.md's worked example, and the WABO log imported."""

from pathlib import Path

import pytest

from tuuma.caselog.tests.conftest import eventlog, import_now
from tuuma.processes import actions
from tuuma.processes.models import Level, Status

DAY = 435
WORKED_EXAMPLE = [
    ("Kirjaaminen", "kirjaamo", 10, 1, 95, "NNVA", "TiHL 25 §"),
    ("Valmistelu", "valmistelija", 240, 10, 70, "VA", ""),
    ("Lausuntokierros", "valmistelija", 60, 15, 90, "NNVA", "HL 31 §"),
    ("Päätös", "viranhaltija", 30, 5, 98, "VA", ""),
    ("Tiedoksianto", "kirjaamo", 15, 2, 99, "NNVA", "HL 59 §"),
]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def make_process(org, area, *, owner=None, deputy=None, **extra):
    group = actions.process_create(
        organisation=org,
        by=None,
        service_area=area,
        level=Level.GROUP,
        code="01",
        name=extra.pop("group_name", "Hallinto"),
        status=Status.IN_USE,
        is_published=True,
    )
    data = {
        "service_area": area,
        "parent": group,
        "level": Level.PROCESS,
        "code": "01.01",
        "name": "Asianhallinta",
        "owner": owner,
        "deputy": deputy,
        "status": Status.IN_USE,
        "is_core": True,
        "is_published": True,
        **extra,
    }
    return actions.process_create(organisation=org, by=None, **data)


def add_worked_example(process, **version_fields):
    version = actions.version_create(
        process=process, by=None, name="Nykytila", **version_fields
    )
    for name, role, pt, lt, ca, value, basis in WORKED_EXAMPLE:
        actions.step_save(
            version=version,
            name=name,
            performer_role=role,
            responsible=role,
            accountable="päällikkö",
            pt_minutes=pt,
            lt_minutes=lt * DAY,
            pct_ca=ca,
            value_class=value,
            legal_basis=basis,
            wastes=["W"] if name == "Lausuntokierros" else [],
        )
    return version


@pytest.fixture
def process(org, area, cast):
    return make_process(org, area, owner=cast.process_owner, deputy=cast.employee)


@pytest.fixture
def version(process):
    return add_worked_example(process)


@pytest.fixture
def wabo_csv_log(org, cast):
    return import_now(
        org, cast.caselog_analyst, eventlog("receipt_wabo_coselog.csv"), name="WABO"
    )


@pytest.fixture
def measure(org, area, cast):
    from datetime import date

    from tuuma.programme import actions as programme

    focus = programme.focus_area_create(organisation=org, name="Sujuvat palvelut")
    goal = programme.goal_create(focus_area=focus, title="Nopeampi käsittely")
    return programme.measure_create(
        organisation=org,
        by=cast.productivity_lead,
        goal=goal,
        title="Valmistelun jonon purku",
        description="Jono pois valmistelun edestä.",
        measure_class="development_project",
        service_area=area,
        owner=cast.process_owner,
        start_date=date(2026, 1, 1),
        due_date=date(2026, 12, 31),
    )
