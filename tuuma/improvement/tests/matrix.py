"""Kano surveys for the permission matrix (tuuma/organisation/tests)."""

from datetime import date

from tuuma.ideas.tests.factories import make_idea
from tuuma.improvement import a3_actions, priority_actions
from tuuma.improvement import survey_actions as actions


def objects(org, cast, area) -> list:
    """A draft survey of the area and an open one (anyone may answer it)."""
    draft = actions.survey_create(
        organisation=org,
        by=cast.productivity_lead,
        title_fi="Luonnos",
        service_area=area,
        allow_anonymous=True,
    )
    opened = actions.survey_create(
        organisation=org,
        by=cast.productivity_lead,
        title_fi="Palvelun ominaisuudet",
        service_area=area,
        allow_anonymous=True,
    )
    actions.feature_add(survey=opened, name_fi="Käsittelyn seuranta verkossa")
    a3 = a3_actions.a3_create(
        organisation=org, owner=cast.process_owner, title="Käsittely hidastuu"
    )
    cause = a3_actions.cause_add(
        a3=a3, by=cast.process_owner, text="Odottaa allekirjoitusta"
    )
    problem = make_idea(org, cast.resident, kind="problem", service_area=area)
    priority_actions.item_score(
        target=problem,
        by=cast.productivity_lead,
        impact=4,
        effort=2,
        impact_reason="Paljon asioita",
        effort_reason="Pieni muutos",
    )
    decision = priority_actions.ranking_freeze(
        organisation=org,
        by=cast.productivity_lead,
        title="Kevät",
        decided_on=date(2026, 3, 1),
    )
    return [draft, actions.survey_open(survey=opened), a3, cause, decision]
