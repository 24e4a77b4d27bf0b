"""Kano surveys: set up by staff, answered once per person or browser, analysed."""

import io
import zipfile

import pytest
from django.test import Client
from django.urls import reverse

from tuuma.improvement import survey_actions as actions
from tuuma.improvement.errors import ImprovementError
from tuuma.improvement.models import KanoAnswer, KanoResponse, KanoSurvey
from tuuma.improvement.tests.conftest import answer_data

pytestmark = pytest.mark.django_db


def _answers(survey, f, d, i=None):
    return {feature.pk: (f, d, i) for feature in survey.features.all()}


def test_staff_set_up_a_survey_with_features_and_open_it(client, cast, area):
    client.force_login(cast.productivity_lead)
    response = client.post(
        reverse("improvement:survey-create"),
        {
            "title_fi": "Kysely",
            "audience": "everyone",
            "tie_threshold": "5",
            "service_area": area.pk,
        },
    )
    survey = KanoSurvey.objects.get()
    assert response.url == survey.get_absolute_url()
    assert survey.created_by == cast.productivity_lead
    client.post(
        reverse("improvement:feature-add", args=[survey.pk]),
        {"name_fi": "Chat-palvelu", "name_sv": "Chatt"},
    )
    client.post(reverse("improvement:survey-status", args=[survey.pk]), {"to": "open"})
    survey.refresh_from_db()
    assert survey.status == "open"
    assert survey.features.get().name_sv == "Chatt"


def test_a_survey_without_features_cannot_be_opened(org, cast):
    survey = actions.survey_create(organisation=org, by=cast.manager, title_fi="Tyhjä")
    with pytest.raises(ImprovementError):
        actions.survey_open(survey=survey)


def test_an_anonymous_browser_answers_once(survey):
    client = Client()
    page = client.get(reverse("improvement:answer", args=[survey.pk]))
    assert page.status_code == 200
    assert "tuuma_kano" in page.cookies
    url = reverse("improvement:answer", args=[survey.pk])
    first = client.post(url, answer_data(survey, 1, 5, importance=8))
    assert first.status_code == 302
    again = client.post(url, answer_data(survey, 2, 5))
    assert "Olet jo vastannut" in again.content.decode()
    response = KanoResponse.objects.get()
    assert response.respondent is None and response.segment == "resident"
    assert list(KanoAnswer.objects.values_list("functional", "importance")) == [
        (1, 8),
        (1, 8),
    ]


def test_a_signed_in_person_answers_once_whatever_the_browser(survey, cast):
    actions.survey_answer(
        survey=survey,
        user=cast.employee,
        browser_token="",
        answers=_answers(survey, 1, 5),
    )
    with pytest.raises(ImprovementError, match="jo vastannut"):
        actions.survey_answer(
            survey=survey,
            user=cast.employee,
            browser_token="other",
            answers=_answers(survey, 2, 5),
        )
    assert KanoResponse.objects.get().segment == "staff"


def test_a_closed_survey_refuses_answers_with_a_clear_message(survey):
    actions.survey_close(survey=survey)
    client = Client()
    client.get(reverse("improvement:answer", args=[survey.pk]))
    response = client.post(
        reverse("improvement:answer", args=[survey.pk]), answer_data(survey)
    )
    assert response.status_code == 403
    assert "päättynyt" in response.content.decode()
    assert not KanoResponse.objects.exists()


def test_anonymous_answers_need_log_in_unless_the_survey_allows_them(survey):
    survey.allow_anonymous = False
    survey.save()
    with pytest.raises(ImprovementError, match="Kirjaudu"):
        actions.survey_answer(
            survey=survey, user=None, browser_token="t", answers=_answers(survey, 1, 5)
        )


def test_a_staff_survey_refuses_residents(survey, cast):
    survey.audience = "staff"
    survey.save()
    with pytest.raises(ImprovementError, match="henkilöstölle"):
        actions.survey_answer(
            survey=survey,
            user=cast.resident,
            browser_token="",
            answers=_answers(survey, 1, 5),
        )


def test_an_answer_missing_a_feature_or_out_of_range_writes_nothing(survey):
    answers = _answers(survey, 1, 5)
    answers.popitem()
    with pytest.raises(ImprovementError):
        actions.survey_answer(
            survey=survey, user=None, browser_token="t", answers=answers
        )
    with pytest.raises(ValueError):
        actions.survey_answer(
            survey=survey, user=None, browser_token="t", answers=_answers(survey, 6, 5)
        )
    assert not KanoResponse.objects.exists()


def test_a_draft_survey_is_not_found_by_respondents(org, cast):
    draft = actions.survey_create(organisation=org, by=cast.manager, title_fi="Luonnos")
    assert (
        Client().get(reverse("improvement:answer", args=[draft.pk])).status_code == 404
    )


def test_results_count_categories_per_segment(survey, cast, org, area):
    for n in range(3):
        actions.survey_answer(
            survey=survey,
            user=None,
            browser_token=f"b{n}",
            answers=_answers(survey, 1, 5),
        )
    actions.survey_answer(
        survey=survey,
        user=cast.employee,
        browser_token="",
        answers=_answers(survey, 2, 5),
        service_area=area,
    )
    everyone = actions.survey_results(survey)
    assert everyone[0].result.counts["O"] == 3 and everyone[0].result.counts["M"] == 1
    staff = actions.survey_results(survey, segment="staff")
    assert staff[0].result.mode == "M" and staff[0].result.n == 1
    assert actions.survey_results(survey, area_id=area.pk)[0].result.n == 1
    client = Client()
    client.force_login(cast.employee)
    page = client.get(
        reverse("improvement:survey-results", args=[survey.pk]), {"segment": "staff"}
    )
    assert page.status_code == 200
    assert "<svg" in page.content.decode()


def test_the_feature_link_shows_its_kano_category(survey, cast):
    from tuuma.ideas.tests.factories import make_idea

    idea = make_idea(survey.organisation, cast.resident, title="Seuranta verkossa")
    feature = survey.features.first()
    actions.feature_link(feature=feature, idea=idea)
    actions.survey_answer(
        survey=survey, user=None, browser_token="x", answers=_answers(survey, 1, 3)
    )
    assert actions.feature_category(feature) == "A"
    client = Client()
    client.force_login(cast.employee)
    page = client.get(
        reverse("improvement:survey-results", args=[survey.pk])
    ).content.decode()
    assert "Seuranta verkossa" in page and "Kano: A" in page


def test_the_export_is_a_workbook_of_results_and_answers(survey, cast):
    actions.survey_answer(
        survey=survey, user=None, browser_token="x", answers=_answers(survey, 1, 5, 7)
    )
    client = Client()
    client.force_login(cast.manager)
    response = client.get(reverse("improvement:survey-export", args=[survey.pk]))
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as book:
        assert "xl/worksheets/sheet2.xml" in book.namelist()


@pytest.mark.parametrize(
    ("who", "status"),
    [("resident", 403), ("employee", 200), ("manager", 200), ("administrator", 200)],
)
def test_results_are_for_staff(survey, cast, who, status):
    client = Client()
    client.force_login(cast[who])
    assert (
        client.get(reverse("improvement:survey-results", args=[survey.pk])).status_code
        == status
    )


def test_another_organisation_sees_nothing(survey, outsider):
    client = Client(HTTP_HOST="pori.testserver")
    client.force_login(outsider)
    for name in ("survey", "survey-results", "answer"):
        assert (
            client.get(reverse(f"improvement:{name}", args=[survey.pk])).status_code
            == 404
        )


def test_only_developers_may_manage_a_survey(survey, cast):
    for who, status in [("employee", 403), ("process_owner", 302), ("resident", 403)]:
        client = Client()
        client.force_login(cast[who])
        response = client.post(
            reverse("improvement:survey-status", args=[survey.pk]), {"to": "close"}
        )
        assert response.status_code == status, who
    assert Client().get(reverse("improvement:surveys")).status_code == 302
