"""Budgeting test data, built with the real actions."""

import pytest
from django.utils import translation

from tuuma.budgeting.builders import round_with_proposals
from tuuma.budgeting.choices import Phase
from tuuma.budgeting.models import Round

AREAS = [("Keskusta", 100), ("Kylät", 50)]
PROPOSALS = {
    "Keskusta": [("Penkit", 60), ("Valot", 50), ("Kiipeilyteline", 40)],
    "Kylät": [("Laavu", 30), ("Kirjastokaappi", 20)],
}


@pytest.fixture(autouse=True)
def _english_messages():
    """Actions called directly answer in English (pages use the request's language)."""
    with translation.override("en"):
        yield


@pytest.fixture
def lead(cast):
    return cast.productivity_lead


@pytest.fixture
def voting_round(org, lead, cast) -> Round:
    """A knapsack round in its vote: Keskusta 100 € (60, 50, 40), Kylät 50 €."""
    return round_with_proposals(
        organisation=org,
        lead=lead,
        author=cast.resident,
        areas=AREAS,
        proposals=PROPOSALS,
        min_age=15,
    )


@pytest.fixture
def proposals_round(org, lead, cast) -> Round:
    return round_with_proposals(
        organisation=org,
        lead=lead,
        author=cast.resident,
        areas=AREAS,
        proposals=PROPOSALS,
        to_phase=Phase.PROPOSALS,
    )


@pytest.fixture
def centre(voting_round):
    return voting_round.areas.get(name="Keskusta")


@pytest.fixture
def titles(voting_round):
    return {p.title: p.pk for p in voting_round.proposals.all()}
