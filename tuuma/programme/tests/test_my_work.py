""" "My work" (/oma/): what is each person's to do, most urgent first, with a
badge in the navigation and a bounded number of queries."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tuuma.ideas import actions as idea_actions
from tuuma.programme import actions

pytestmark = pytest.mark.django_db


def _assign(idea, cast) -> None:
    idea_actions.idea_triage(
        idea=idea,
        by=cast.manager,
        service_area=idea.service_area,
        responsible=cast.process_owner,
        impact_score=None,
        effort_score=None,
    )


def _page(client, person) -> str:
    client.force_login(person)
    response = client.get("/oma/")
    assert response.status_code == 200
    return response.content.decode()


def test_signed_out_people_are_sent_to_log_in(client, org):
    response = client.get("/oma/")
    assert response.status_code == 302 and "/tili/" in response["Location"]


def test_an_overdue_idea_to_answer_comes_before_a_late_measure_and_own_ideas(
    client, cast, published_idea, make_measure
):
    _assign(published_idea, cast)
    type(published_idea).objects.filter(pk=published_idea.pk).update(
        published_at=timezone.now() - timedelta(days=60)
    )
    today = timezone.localdate()
    # Both are overdue; the idea has been late longer, so it comes first.
    make_measure(
        title="Myöhässä oleva toimenpide",
        start_date=today - timedelta(days=100),
        due_date=today - timedelta(days=1),
    )
    page = _page(client, cast.process_owner)
    assert page.index("Rakennuslupa verkossa") < page.index("Myöhässä oleva")
    assert "Vastausaikatavoite ylittynyt" in page
    # Two items ask for an action: the badge says so.
    assert '<span class="badge">2<span class="visually-hidden">' in page


def test_a_resident_sees_the_ideas_they_proposed(client, cast, published_idea):
    page = _page(client, cast.resident)
    assert "Ideat, jotka tein tai joita seuraan" in page
    assert "Rakennuslupa verkossa" in page


def test_milestones_due_this_week_are_listed_for_the_owner(client, cast, make_measure):
    today = timezone.localdate()
    measure = make_measure(
        start_date=today - timedelta(days=5), due_date=today + timedelta(days=90)
    )
    actions.milestone_add(
        measure=measure, title="Pilotti alkaa", due_date=today + timedelta(days=2)
    )
    page = _page(client, cast.process_owner)
    assert "Pilotti alkaa" in page
    assert "Pilotti alkaa" not in _page(client, cast.employee)


def test_a_moderator_sees_the_reports_waiting(client, cast, published_idea):
    idea_actions.report_create(
        idea=published_idea, reporter=cast.employee, reason="Asiaton"
    )
    assert "Moderointi" in _page(client, cast.moderator)


def test_my_work_costs_a_bounded_number_of_queries(
    client, cast, make_measure, org, area, django_assert_max_num_queries
):
    for number in range(30):
        idea = idea_actions.idea_create(
            organisation=org,
            author=cast.resident,
            kind="idea",
            title=f"Idea {number}",
            body="…",
            service_area=area,
        )
        _assign(idea, cast)
        make_measure(title=f"Toimenpide {number}")
    client.force_login(cast.process_owner)
    with django_assert_max_num_queries(25):
        client.get("/oma/")
