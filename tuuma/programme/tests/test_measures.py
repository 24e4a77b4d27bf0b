from datetime import date

import pytest
from django.utils import translation

from tuuma.programme import actions
from tuuma.programme.models import EventKind, Measure, MeasureStatus

pytestmark = pytest.mark.django_db


def measure_post_data(goal, area, owner, **overrides) -> dict:
    return {
        "goal": goal.pk,
        "title": "Kirjaston omatoimiaika",
        "description": "Kirjasto auki myös ilman henkilökuntaa.",
        "public_summary": "Kirjasto on auki useampana päivänä.",
        "measure_class": "technology_investment",
        "service_area": area.pk,
        "owner": owner.pk,
        "management_participates": "on",
        "staff_participate": "on",
        "start_date": "2026-02-01",
        "due_date": "2026-06-30",
        "priority": "1",
        **overrides,
    }


def test_lead_creates_a_measure_and_its_creation_is_in_the_history(
    client, cast, goal, area
):
    client.force_login(cast.productivity_lead)
    response = client.post(
        "/ohjelma/toimenpiteet/uusi/",
        measure_post_data(
            goal, area, cast.process_owner, participants=[cast.employee.pk]
        ),
    )
    measure = Measure.objects.get()
    assert response["Location"] == f"/ohjelma/toimenpiteet/{measure.pk}/"
    assert measure.owner == cast.process_owner
    assert list(measure.participants.all()) == [cast.employee]
    with translation.override("en"):
        assert measure.participation_labels() == ["management", "staff"]
    event = measure.events.get()
    assert event.kind == EventKind.CREATED
    assert event.actor == cast.productivity_lead


@pytest.mark.parametrize(
    ("prefix", "text"),
    [
        ("", "Määräpäivä ei voi olla ennen aloituspäivää."),
        ("/sv", "Slutdatumet kan inte vara före startdatumet."),
        ("/en", "The due date cannot be before the start date."),
    ],
)
def test_due_date_before_start_is_refused_with_a_translated_error(
    client, cast, goal, area, prefix, text
):
    client.force_login(cast.productivity_lead)
    response = client.post(
        f"{prefix}/ohjelma/toimenpiteet/uusi/",
        measure_post_data(goal, area, cast.process_owner, due_date="2026-01-01"),
    )
    assert response.status_code == 200
    assert text in response.content.decode()
    assert not Measure.objects.exists()


def test_editing_dates_and_owner_records_who_changed_what(client, cast, measure):
    client.force_login(cast.manager)
    data = measure_post_data(
        measure.goal,
        measure.service_area,
        cast.productivity_lead,
        start_date="2026-01-01",
        due_date="2027-03-31",
    )
    response = client.post(f"/ohjelma/toimenpiteet/{measure.pk}/muokkaa/", data)
    assert response.status_code == 302
    kinds = {e.kind: e for e in measure.events.all()}
    assert kinds[EventKind.DATES].changes == {"due_date": ["2026-12-31", "2027-03-31"]}
    assert kinds[EventKind.DATES].actor == cast.manager
    assert kinds[EventKind.OWNER].changes == {
        "owner": [str(cast.process_owner), str(cast.productivity_lead)]
    }
    page = client.get(f"/en/ohjelma/toimenpiteet/{measure.pk}/").content.decode()
    assert "Dates changed" in page
    assert "Owner changed" in page


def test_edit_with_bad_dates_saves_nothing(client, cast, measure):
    client.force_login(cast.manager)
    data = measure_post_data(
        measure.goal,
        measure.service_area,
        cast.manager,
        title="Uusi nimi",
        start_date="2026-05-01",
        due_date="2026-04-01",
    )
    response = client.post(f"/ohjelma/toimenpiteet/{measure.pk}/muokkaa/", data)
    assert response.status_code == 200
    measure.refresh_from_db()
    assert measure.title == "Sähköinen rakennuslupa"
    assert measure.owner == cast.process_owner
    assert measure.events.count() == 1


def test_owner_moves_the_measure_through_its_statuses(client, cast, measure):
    client.force_login(cast.process_owner)
    for status in ["in_progress", "on_hold", "in_progress", "done"]:
        response = client.post(
            f"/ohjelma/toimenpiteet/{measure.pk}/tila/", {"status": status}
        )
        assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.status == MeasureStatus.DONE
    statuses = [
        e.changes["status"]
        for e in measure.events.filter(kind=EventKind.STATUS).order_by("pk")
    ]
    assert statuses[0] == ["planned", "in_progress"]
    assert statuses[-1] == ["in_progress", "done"]


def test_unknown_status_is_refused(client, cast, measure):
    client.force_login(cast.process_owner)
    response = client.post(
        f"/en/ohjelma/toimenpiteet/{measure.pk}/tila/", {"status": "finished"}
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    measure.refresh_from_db()
    assert measure.status == MeasureStatus.PLANNED


def test_progress_updates_show_the_latest_percentage(client, cast, measure):
    client.force_login(cast.process_owner)
    client.post(
        f"/ohjelma/toimenpiteet/{measure.pk}/edistyminen/",
        {"date": "2026-03-01", "percent": "20", "text": "Vaatimukset kerätty."},
    )
    client.post(
        f"/ohjelma/toimenpiteet/{measure.pk}/edistyminen/",
        {"date": "2026-05-01", "percent": "55", "text": "Pilotti käynnissä."},
    )
    assert measure.latest_progress().percent == 55
    page = client.get(f"/ohjelma/toimenpiteet/{measure.pk}/").content.decode()
    assert 'value="55"' in page
    assert "Pilotti käynnissä." in page


def test_progress_over_100_percent_is_refused(client, cast, measure):
    client.force_login(cast.process_owner)
    response = client.post(
        f"/ohjelma/toimenpiteet/{measure.pk}/edistyminen/",
        {"date": "2026-03-01", "percent": "120", "text": "Liikaa."},
    )
    assert response.status_code == 200
    assert not measure.progress_updates.exists()


def test_result_in_words_and_numbers_is_recorded_with_history(client, cast, measure):
    indicator = actions.indicator_create(
        measure=measure,
        name="Käsittelyaika",
        unit="pv",
        direction="decrease",
        baseline_value=30,
        baseline_date=date(2025, 12, 1),
        target_value=10,
        target_date=date(2026, 12, 31),
    )
    client.force_login(cast.process_owner)
    response = client.post(
        f"/ohjelma/toimenpiteet/{measure.pk}/tulos/",
        {
            "aim": "Lupa kahdessa viikossa.",
            "achieved": "Lupa 12 päivässä.",
            f"indicator_{indicator.pk}": "12,5",
        },
    )
    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.result_achieved == "Lupa 12 päivässä."
    assert str(indicator.latest_value().value.normalize()) == "12.5"
    assert measure.events.filter(
        kind=EventKind.RESULT, actor=cast.process_owner
    ).exists()


def test_a_result_with_a_non_number_saves_nothing(client, cast, measure):
    indicator = actions.indicator_create(
        measure=measure,
        name="Käsittelyaika",
        unit="pv",
        direction="decrease",
        baseline_value=30,
        baseline_date=date(2025, 12, 1),
        target_value=10,
        target_date=date(2026, 12, 31),
    )
    client.force_login(cast.process_owner)
    response = client.post(
        f"/ohjelma/toimenpiteet/{measure.pk}/tulos/",
        {"aim": "A", "achieved": "B", f"indicator_{indicator.pk}": "kaksitoista"},
    )
    assert response.status_code == 200
    assert "Arvon pitää olla luku." in response.content.decode()
    measure.refresh_from_db()
    assert measure.result_achieved == ""
    assert not indicator.values.exists()


def test_milestones_are_added_and_marked_reached(client, cast, measure):
    client.force_login(cast.process_owner)
    client.post(
        f"/ohjelma/toimenpiteet/{measure.pk}/valitavoitteet/",
        {"title": "Pilotti alkaa", "due_date": "2026-04-01"},
    )
    milestone = measure.milestones.get()
    client.post(f"/ohjelma/valitavoitteet/{milestone.pk}/saavutettu/")
    milestone.refresh_from_db()
    assert milestone.done_on is not None


def test_staff_comment_and_residents_see_neither_comments_nor_history(
    client, cast, measure
):
    actions.measure_set_published(measure=measure, published=True, by=cast.manager)
    client.force_login(cast.employee)
    response = client.post(
        f"/ohjelma/toimenpiteet/{measure.pk}/kommentit/", {"text": "Hyvä hanke!"}
    )
    assert response.status_code == 302
    assert measure.comments.get().author == cast.employee
    client.force_login(cast.resident)
    page = client.get(f"/en/ohjelma/toimenpiteet/{measure.pk}/").content.decode()
    assert "Hyvä hanke!" not in page
    assert "History" not in page
    assert "Lupahakemukset sähköisiksi." not in page  # the internal description


def test_publishing_is_recorded(client, cast, measure):
    client.force_login(cast.manager)
    client.post(f"/ohjelma/toimenpiteet/{measure.pk}/julkaisu/", {"published": "1"})
    measure.refresh_from_db()
    assert measure.is_published
    assert measure.events.filter(kind=EventKind.PUBLISHED).exists()
