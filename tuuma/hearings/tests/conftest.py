"""Hearing test data, built with the real actions."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tuuma.hearings import actions
from tuuma.hearings.models import Hearing


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def preparer(cast):
    return cast.productivity_lead


def make_hearing(org, by, area=None, *, opens_in=-1, closes_in=14, **fields):
    now = timezone.now()
    hearing = actions.hearing_create(
        organisation=org,
        by=by,
        title=fields.pop("title", "Kirjastoverkkosuunnitelma"),
        summary="Luonnos kirjastoverkosta vuosille 2027–2035.",
        opens_at=now + timedelta(days=opens_in),
        closes_at=now + timedelta(days=closes_in),
        contact_name="Kaisa Kirjastonjohtaja",
        service_area=area,
        **fields,
    )
    actions.section_add(
        hearing=hearing, title="Lähikirjastot", body="Kolme lähikirjastoa yhdistetään."
    )
    return hearing


@pytest.fixture
def draft(org, preparer, area) -> Hearing:
    return make_hearing(org, preparer, area)


@pytest.fixture
def hearing(draft, preparer) -> Hearing:
    """A published, open hearing for signed-in people."""
    return actions.hearing_publish(hearing=draft, by=preparer)


@pytest.fixture
def section(hearing):
    return hearing.sections.get()


@pytest.fixture
def ended(hearing, cast, preparer):
    """A closed hearing with two comments on its section."""
    section = hearing.sections.get()
    for text in ("Lähikirjasto on tärkeä", "Aukioloajat pidemmiksi"):
        actions.comment_create(
            hearing=hearing, user=cast.resident, body=text, section=section
        )
    return actions.hearing_close(hearing=hearing, by=preparer)


@pytest.fixture
def measure(org, area, cast):
    from datetime import date

    from tuuma.programme import actions as programme
    from tuuma.programme.models import MeasureClass

    focus = programme.focus_area_create(organisation=org, name="Elinvoimainen kunta")
    goal = programme.goal_create(focus_area=focus, title="Palvelut lähellä")
    return programme.measure_create(
        organisation=org,
        by=cast.productivity_lead,
        goal=goal,
        title="Omatoimikirjasto Kylälään",
        description="Omatoimiaukiolo lähikirjastoon.",
        measure_class=MeasureClass.DEVELOPMENT_PROJECT,
        service_area=area,
        owner=cast.process_owner,
        start_date=date(2027, 1, 1),
        due_date=date(2027, 12, 31),
        is_published=True,
    )
