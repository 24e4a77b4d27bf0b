"""Concurrent Kano answers: every distinct respondent counts, a duplicate never.

On PostgreSQL the answers start together at a barrier in threads with their own
connections; SQLite serialises writers, so there they run in turn.
"""

import threading

import pytest
from django.db import connection

from tuuma.improvement import survey_actions as actions
from tuuma.improvement.errors import ImprovementError
from tuuma.improvement.models import KanoAnswer, KanoResponse

pytestmark = pytest.mark.django_db(transaction=True)
RESPONDENTS = 20


def _together(calls) -> list[str]:
    if connection.vendor != "postgresql":
        return [call() for call in calls]
    barrier = threading.Barrier(len(calls))
    outcomes: list[str] = []

    def worker(call):
        from django.db import connection as own

        try:
            barrier.wait(timeout=30)
            outcomes.append(call())
        finally:
            own.close()

    threads = [threading.Thread(target=worker, args=(c,)) for c in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def _answer(survey, token):
    answers = {f.pk: (1, 5, None) for f in survey.features.all()}

    def call() -> str:
        try:
            actions.survey_answer(
                survey=survey, user=None, browser_token=token, answers=answers
            )
        except ImprovementError:
            return "refused"
        return "saved"

    return call


def test_twenty_browsers_answering_at_once_give_twenty_responses(survey):
    outcomes = _together([_answer(survey, f"b{n}") for n in range(RESPONDENTS)])
    assert outcomes.count("saved") == RESPONDENTS
    assert KanoResponse.objects.count() == RESPONDENTS
    assert KanoAnswer.objects.count() == RESPONDENTS * 2


def test_one_browser_sending_twenty_times_at_once_is_counted_once(survey):
    outcomes = _together([_answer(survey, "same") for _ in range(RESPONDENTS)])
    assert outcomes.count("saved") == 1 and outcomes.count("refused") == RESPONDENTS - 1
    assert KanoResponse.objects.count() == 1
