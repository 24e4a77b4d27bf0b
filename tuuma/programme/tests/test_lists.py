from datetime import date, timedelta

import pytest
from django.utils import timezone

from tuuma.programme import actions

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(make_measure, cast, other_area, goal):
    """Three measures: a training need in another area, a late one, one done."""
    today = timezone.localdate()
    training = make_measure(
        title="Asiakaspalvelukoulutus",
        measure_class="training_need",
        service_area=other_area,
        owner=cast.manager,
        start_date=today - timedelta(days=10),
        due_date=today + timedelta(days=100),
    )
    late = make_measure(
        title="Arkiston digitointi",
        start_date=today - timedelta(days=200),
        due_date=today - timedelta(days=5),
    )
    actions.measure_change_status(
        measure=late, to_status="in_progress", by=cast.manager
    )
    done = make_measure(title="Uusi varausjärjestelmä", measure_class="wider_change")
    actions.measure_change_status(measure=done, to_status="done", by=cast.manager)
    actions.measure_set_published(measure=training, published=True, by=cast.manager)
    return {"training": training, "late": late, "done": done}


def test_programme_reads_top_down_by_goal_class_or_area(client, cast, programme, goal):
    client.force_login(cast.employee)
    by_goal = client.get("/en/ohjelma/").content.decode()
    assert f"Uudistuva kunta: {goal.title}" in by_goal
    by_class = client.get("/en/ohjelma/?group=class").content.decode()
    assert by_class.index("Development project") < by_class.index("Training need")
    assert by_class.index("Training need") < by_class.index("Wider change")
    by_area = client.get("/en/ohjelma/?group=area").content.decode()
    assert '<h2 id="group-1">Sivistyspalvelut</h2>' in by_area


def test_filters_and_search_narrow_the_programme(client, cast, programme, other_area):
    client.force_login(cast.employee)
    page = client.get("/ohjelma/", {"q": "arkisto"}).content.decode()
    assert "Arkiston digitointi" in page
    assert "Asiakaspalvelukoulutus" not in page
    page = client.get("/ohjelma/", {"area": other_area.slug}).content.decode()
    assert "Asiakaspalvelukoulutus" in page
    assert "Arkiston digitointi" not in page
    page = client.get("/ohjelma/", {"status": "done"}).content.decode()
    assert "Uusi varausjärjestelmä" in page
    assert "Arkiston digitointi" not in page
    page = client.get("/ohjelma/", {"measure_class": "training_need"}).content.decode()
    assert "Asiakaspalvelukoulutus" in page
    assert "Uusi varausjärjestelmä" not in page


def test_residents_see_only_published_measures(client, cast, programme):
    client.force_login(cast.resident)
    page = client.get("/ohjelma/").content.decode()
    assert "Asiakaspalvelukoulutus" in page
    assert "Arkiston digitointi" not in page
    client.logout()
    page = client.get("/en/ohjelma/").content.decode()
    assert "Asiakaspalvelukoulutus" in page
    assert "Arkiston digitointi" not in page
    # Residents follow the programme per service area.
    assert '<h2 id="group-1">Sivistyspalvelut</h2>' in page


def test_late_and_at_risk_measures_are_listed(client, cast, programme, make_measure):
    today = timezone.localdate()
    quiet = make_measure(
        title="Hiljainen hanke",
        start_date=today - timedelta(days=120),
        due_date=today + timedelta(days=30),
    )
    actions.measure_post_progress(
        measure=quiet,
        by=cast.manager,
        date=today - timedelta(days=61),
        percent=10,
        text="Alku",
    )
    fresh = make_measure(
        title="Tuore hanke",
        start_date=today - timedelta(days=120),
        due_date=today + timedelta(days=30),
    )
    actions.measure_post_progress(
        measure=fresh, by=cast.manager, date=today, percent=40, text="Hyvä vauhti"
    )
    client.force_login(cast.manager)
    page = client.get("/en/ohjelma/huomio/").content.decode()
    overdue, at_risk = page.split("At risk")
    assert "Arkiston digitointi" in overdue
    assert "Hiljainen hanke" not in overdue
    assert "Hiljainen hanke" in at_risk
    assert "Arkiston digitointi" in at_risk  # no update at all since it started
    assert "Tuore hanke" not in page
    assert "Uusi varausjärjestelmä" not in page  # done is never late


def test_the_measure_page_says_when_it_is_late(client, cast, programme):
    client.force_login(cast.manager)
    late = client.get(f"/en/ohjelma/toimenpiteet/{programme['late'].pk}/")
    assert '<span class="badge late">Late</span>' in late.content.decode()
    done = client.get(f"/en/ohjelma/toimenpiteet/{programme['done'].pk}/")
    assert "badge late" not in done.content.decode()


def test_late_list_is_for_staff(client, cast):
    client.force_login(cast.resident)
    assert client.get("/ohjelma/huomio/").status_code == 403


def test_my_measures_lists_owned_and_joined_ones(client, cast, programme, make_measure):
    joined = make_measure(title="Yhteinen hanke", owner=cast.manager)
    joined.participants.add(cast.process_owner, through_defaults=joined.link_defaults)
    client.force_login(cast.process_owner)
    page = client.get("/en/ohjelma/omat/").content.decode()
    owned_part, joined_part = page.split("Measures I take part in</h2>")
    assert "Arkiston digitointi" in owned_part
    assert "Asiakaspalvelukoulutus" not in page
    assert "Yhteinen hanke" in joined_part


def test_roadmap_has_a_timeline_and_a_table_for_screen_readers(client, cast, programme):
    actions.milestone_add(
        measure=programme["late"], title="Puolet digitoitu", due_date=date(2026, 3, 1)
    )
    client.force_login(cast.manager)
    page = client.get("/en/ohjelma/aikajana/").content.decode()
    assert '<svg viewBox="0 0 960' in page
    assert 'aria-labelledby="roadmap-title roadmap-desc"' in page
    assert "<caption>Measures and milestones in date order</caption>" in page
    assert "Puolet digitoitu" in page
    assert page.count('class="bar ') == 3


def test_strategy_page_lets_leads_add_focus_areas_and_goals(client, cast, goal):
    client.force_login(cast.manager)
    client.post("/ohjelma/strategia/", {"focus-name": "Elinvoima"})
    focus = goal.organisation.focus_areas.get(name="Elinvoima")
    client.post(
        "/ohjelma/strategia/",
        {"goal-focus_area": focus.pk, "goal-title": "Yrittäjyyden edistäminen"},
    )
    assert focus.goals.get().title == "Yrittäjyyden edistäminen"
    client.force_login(cast.employee)
    response = client.post("/ohjelma/strategia/", {"focus-name": "Ei saa"})
    assert response.status_code == 403


def test_front_page_shows_published_measures_and_recent_results(
    client, cast, programme
):
    done = programme["done"]
    actions.measure_record_result(
        measure=done,
        by=cast.manager,
        aim="Varaukset verkossa",
        achieved="95 % verkossa",
    )
    actions.measure_set_published(measure=done, published=True, by=cast.manager)
    page = client.get("/en/").content.decode()
    assert "Development programme" in page
    assert "95 % verkossa" in page
    assert 'href="/en/ohjelma/"' in page


def test_htmx_filter_request_gets_only_the_results(client, cast, programme):
    client.force_login(cast.employee)
    response = client.get("/ohjelma/", {"q": "arkisto"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert "Arkiston digitointi" in html
    assert "ohjelma.csv?q=arkisto" in html
