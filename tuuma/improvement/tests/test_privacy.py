"""A person's data in the improvement methods: listed for their download, and
erased without losing the organisation's A3s, counted answers or rankings."""

from datetime import date

import pytest

from tuuma.audit.models import AuditEntry
from tuuma.improvement import a3_actions, priority_actions
from tuuma.improvement import survey_actions as actions
from tuuma.improvement.models import A3, KanoResponse, RankingDecision, ReviewComment
from tuuma.improvement.privacy import erase_person, personal_data
from tuuma.improvement.tests.test_surveys import _answers

pytestmark = pytest.mark.django_db


def _history(cast, a3, problem, survey):
    a3_actions.cause_add(a3=a3, by=cast.process_owner, text="Odottaa allekirjoitusta")
    a3_actions.review_comment_add(
        a3=a3, by=cast.process_owner, section="goal", text="Tavoite on selvä"
    )
    actions.survey_answer(
        survey=survey,
        user=cast.process_owner,
        browser_token="",
        answers=_answers(survey, 1, 5),
    )
    priority_actions.item_score(
        target=problem,
        by=cast.process_owner,
        impact=4,
        effort=2,
        impact_reason="Paljon asioita",
        effort_reason="Pieni muutos",
    )


def test_a_persons_data_lists_everything_they_did(cast, a3, problem, survey):
    _history(cast, a3, problem, survey)
    data = personal_data(cast.process_owner)
    assert data["a3s_owned"] == [a3.title]
    assert data["causes_written"][0]["text"] == "Odottaa allekirjoitusta"
    assert data["a3_review_comments"][0]["text"] == "Tavoite on selvä"
    answers = data["kano_answers"][0]["answers"]
    assert len(answers) == 2 and answers[0]["functional"] == 1
    assert data["priority_scores"][0]["impact_reason"] == "Paljon asioita"
    assert personal_data(cast.employee)["kano_answers"] == []


def test_erasing_keeps_the_records_and_counted_answers_but_not_the_person(
    cast, a3, problem, survey
):
    _history(cast, a3, problem, survey)
    erase_person(cast.process_owner, remove_public_texts=False)
    assert A3.objects.get(pk=a3.pk).owner is None
    assert ReviewComment.objects.get().author is None
    assert KanoResponse.objects.get().respondent is None
    results = actions.survey_results(survey)
    assert sum(results[0].result.counts.values()) == 1
    assert personal_data(cast.process_owner)["priority_scores"] == []


def test_erasing_with_public_texts_removes_the_reviewer_comments(
    cast, a3, problem, survey
):
    _history(cast, a3, problem, survey)
    erase_person(cast.process_owner, remove_public_texts=True)
    assert not ReviewComment.objects.exists()
    assert a3.causes.get().created_by is None


def test_freezing_a_ranking_is_audited(cast, problem):
    priority_actions.item_score(
        target=problem,
        by=cast.productivity_lead,
        impact=4,
        effort=2,
        impact_reason="Paljon asioita",
        effort_reason="Pieni muutos",
    )
    decision = priority_actions.ranking_freeze(
        organisation=problem.organisation,
        by=cast.productivity_lead,
        title="Kevät",
        decided_on=date(2026, 3, 1),
    )
    entry = AuditEntry.objects.get(action="improvement.ranking_frozen")
    assert entry.actor == cast.productivity_lead
    assert entry.target_id == str(decision.pk) and entry.details["items"] == 1
    erase_person(cast.productivity_lead, remove_public_texts=False)
    assert RankingDecision.objects.get().created_by is None
