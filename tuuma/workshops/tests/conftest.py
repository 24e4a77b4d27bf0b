"""Workshop test data, built with the real actions."""

import pytest

from tuuma.workshops import actions
from tuuma.workshops.models import Session


@pytest.fixture
def facilitator(cast):
    return cast.productivity_lead


@pytest.fixture
def session(org, facilitator) -> Session:
    return actions.session_create(
        organisation=org, by=facilitator, title="Käsittelyn pullonkaulat"
    )


@pytest.fixture
def ideate(session):
    return actions.step_add(session=session, kind="ideate", prompt="Mikä hidastaa?")


@pytest.fixture
def dots(session):
    return actions.step_add(
        session=session, kind="dots", prompt="Tärkeimmät", budget=3, max_per_item=2
    )


@pytest.fixture
def live(session, ideate, facilitator):
    """An open session with its ideation step open."""
    actions.step_open(step=ideate, by=facilitator)
    session.refresh_from_db()
    return session


@pytest.fixture
def join(live):
    def make(nickname: str = "", **kwargs):
        return actions.participant_join(session=live, nickname=nickname, **kwargs)

    return make


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English; reverse() gives /en/ pages too."""
    from django.utils import translation

    with translation.override("en"):
        yield
