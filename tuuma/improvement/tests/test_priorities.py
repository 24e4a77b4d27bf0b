"""The priority list: scores with reasons and data, ranking, frozen decisions."""

from datetime import date
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from tuuma.ideas import actions as idea_actions
from tuuma.improvement import priority_actions as actions
from tuuma.improvement import survey_actions
from tuuma.improvement.errors import ImprovementError
from tuuma.improvement.models import PriorityScore, RankingDecision

pytestmark = pytest.mark.django_db


def _score(target, by, impact, effort, **kw):
    return actions.item_score(
        target=target,
        by=by,
        impact=impact,
        effort=effort,
        impact_reason="Vaikuttaa moneen",
        effort_reason="Pieni muutos",
        **kw,
    )


def test_a_score_records_reasons_and_supporters(problem, cast):
    idea_actions.idea_support(idea=problem, user=cast.resident)
    score = _score(problem, cast.process_owner, 4, 2)
    assert score.grounds["supporters"] == 1
    assert score.service_area_id == problem.service_area_id


def test_a_score_without_a_reason_is_refused(problem, cast):
    with pytest.raises(ImprovementError):
        actions.item_score(
            target=problem,
            by=cast.manager,
            impact=3,
            effort=3,
            impact_reason=" ",
            effort_reason="x",
        )
    assert not PriorityScore.objects.exists()


def test_impact_is_grounded_in_waiting_time_times_volume(measure, cast, caselog):
    score = _score(
        measure, cast.manager, 5, 3, caselog=caselog, waiting_days_removed=Decimal("2")
    )
    # 730 cases over 730.5 days ≈ 365 a year, 2 days each.
    assert score.grounds["case_days_per_year"] == pytest.approx(730, abs=1)


def test_the_kano_category_of_a_linked_feature_is_a_ground(survey, problem, cast):
    feature = survey.features.first()
    survey_actions.feature_link(feature=feature, idea=problem)
    survey_actions.survey_answer(
        survey=survey,
        user=None,
        browser_token="t",
        answers={f.pk: (2, 5, None) for f in survey.features.all()},
    )
    assert _score(problem, cast.manager, 3, 3).grounds["kano"] == "M"


def test_the_ranking_uses_the_newest_score_and_the_weights(problem, measure, cast):
    _score(problem, cast.manager, 2, 4)
    _score(measure, cast.manager, 4, 4)
    _score(problem, cast.manager, 5, 1)  # rescored: now a quick win
    items = actions.ranking(problem.organisation)
    assert [(i.kind, i.rank, i.quadrant) for i in items] == [
        ("idea", 1, "quick_win"),
        ("measure", 2, "major_project"),
    ]
    assert items[0].score == 5
    effort_only = actions.ranking(
        problem.organisation, weights={"impact": 0, "effort": 1}
    )
    assert effort_only[0].effort == 1


def test_the_list_filters_by_service_area(problem, measure, cast, other_area):
    _score(problem, cast.manager, 3, 3)
    assert actions.ranking(problem.organisation, area_ids=[other_area.pk]) == []
    client = Client()
    client.force_login(cast.employee)
    page = client.get(reverse("improvement:priorities"), {"area": other_area.pk})
    assert page.status_code == 200 and "Lupakäsittely" not in page.content.decode()
    page = client.get(reverse("improvement:priorities"))
    assert "Lupakäsittely" in page.content.decode() and "<svg" in page.content.decode()


def test_a_lead_freezes_a_ranking_that_later_scores_do_not_change(problem, cast):
    _score(problem, cast.manager, 3, 3)
    client = Client()
    client.force_login(cast.productivity_lead)
    response = client.post(
        reverse("improvement:freeze"),
        {"title": "Kevään kärjet", "decided_on": "2026-12-07"},
    )
    decision = RankingDecision.objects.get()
    assert response.url == decision.get_absolute_url()
    assert decision.decided_on == date(2026, 12, 7)
    _score(problem, cast.manager, 1, 5)
    decision.refresh_from_db()
    assert decision.rows[0]["impact"] == 3
    assert client.get(decision.get_absolute_url()).status_code == 200


def test_scoring_through_the_page(problem, cast):
    client = Client()
    client.force_login(cast.process_owner)
    url = reverse("improvement:score-idea", args=[problem.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"impact": 4, "effort": 2, "impact_reason": "a", "effort_reason": "b"}
    )
    assert response.status_code == 302
    assert PriorityScore.objects.get().scored_by == cast.process_owner


@pytest.mark.parametrize(
    ("who", "score", "freeze"),
    [
        ("resident", 403, 403),
        ("employee", 403, 403),
        ("process_owner", 302, 403),
        ("productivity_lead", 302, 302),
        ("manager", 302, 302),
        ("administrator", 302, 302),
    ],
)
def test_who_may_score_and_freeze(problem, cast, who, score, freeze):
    client = Client()
    client.force_login(cast[who])
    data = {"impact": 4, "effort": 2, "impact_reason": "a", "effort_reason": "b"}
    assert (
        client.post(
            reverse("improvement:score-idea", args=[problem.pk]), data
        ).status_code
        == score
    )
    response = client.post(
        reverse("improvement:freeze"), {"title": "T", "decided_on": "2026-12-07"}
    )
    assert response.status_code == freeze


def test_another_organisations_items_are_not_found(problem, outsider):
    client = Client(HTTP_HOST="pori.testserver")
    client.force_login(outsider)
    assert (
        client.get(reverse("improvement:score-idea", args=[problem.pk])).status_code
        == 404
    )
