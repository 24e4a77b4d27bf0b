"""Triage in one place: one form for area, person, scores and status; a merge
found by searching and confirmed with both ideas in view."""

import pytest

from tuuma.ideas.models import IdeaStatus
from tuuma.ideas.tests.factories import make_idea


@pytest.fixture(autouse=True)
def _locmem_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_one_form_sets_area_person_scores_and_starts_the_review(
    client, org, area, cast
):
    idea = make_idea(org, cast.resident)
    client.force_login(cast.manager)
    page = client.get(f"/en/ideat/{idea.pk}/kasittely/").content.decode()
    assert page.count(f'action="/en/ideat/{idea.pk}/kasittely/"') == 1
    assert "Start the review" in page
    response = client.post(
        f"/ideat/{idea.pk}/kasittely/",
        {
            "service_area": area.pk,
            "responsible": cast.process_owner.pk,
            "impact_score": "4",
            "effort_score": "2",
            "start_review": "on",
            "public_text": "Selvitämme asiaa.",
        },
    )
    assert response.status_code == 302
    idea.refresh_from_db()
    assert (idea.service_area, idea.responsible, idea.impact_score) == (
        area,
        cast.process_owner,
        4,
    )
    assert idea.status == IdeaStatus.UNDER_REVIEW
    assert idea.events.last().public_text == "Selvitämme asiaa."


def test_a_bad_score_changes_nothing(client, org, area, cast):
    idea = make_idea(org, cast.resident)
    client.force_login(cast.manager)
    response = client.post(
        f"/ideat/{idea.pk}/kasittely/",
        {"service_area": area.pk, "impact_score": "9", "start_review": "on"},
    )
    assert response.status_code == 400
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.PUBLISHED and idea.service_area is None


def test_the_other_idea_is_found_by_title_or_number_as_you_type(client, org, cast):
    dupe = make_idea(org, cast.employee, title="Katuvaloja korjattava")
    keep = make_idea(org, cast.resident, title="Katuvalot kuntoon")
    other = make_idea(org, cast.resident, title="Uimahalli auki")
    client.force_login(cast.manager)
    search = f"/en/ideat/{dupe.pk}/kasittely/yhdista/haku/"
    by_title = client.get(search, {"q": "katuvalot"}).content.decode()
    assert f'value="{keep.pk}"' in by_title and f'value="{other.pk}"' not in by_title
    assert f'value="{dupe.pk}"' not in by_title
    by_number = client.get(search, {"q": f"#{other.pk}"}).content.decode()
    assert f'value="{other.pk}"' in by_number and "Katuvalot" not in by_number
    assert "No idea matches" in client.get(search, {"q": "zzz"}).content.decode()


def test_a_merge_shows_both_ideas_before_it_happens(client, org, cast):
    dupe = make_idea(org, cast.employee, title="Katuvaloja korjattava")
    keep = make_idea(org, cast.resident, title="Katuvalot kuntoon")
    client.force_login(cast.manager)
    merge = f"/en/ideat/{dupe.pk}/kasittely/yhdista/"
    listed = client.post(merge, {"q": "Katuvalot"}).content.decode()
    assert f'value="{keep.pk}"' in listed
    shown = client.post(merge, {"into": keep.pk, "text": "Sama asia."})
    body = shown.content.decode()
    assert shown.status_code == 200
    assert "Katuvaloja korjattava" in body and "Katuvalot kuntoon" in body
    dupe.refresh_from_db()
    assert dupe.merged_into is None
    done = client.post(
        merge, {"into": keep.pk, "text": "Sama asia.", "confirm": "True"}
    )
    assert done.status_code == 302
    dupe.refresh_from_db()
    assert dupe.merged_into == keep


def test_an_idea_of_another_organisation_cannot_be_found_or_merged(
    client, org, other_org, cast, outsider
):
    dupe = make_idea(org, cast.employee, title="Katuvaloja korjattava")
    elsewhere = make_idea(other_org, outsider, title="Katuvalot Porissa")
    client.force_login(cast.manager)
    search = f"/en/ideat/{dupe.pk}/kasittely/yhdista/haku/"
    assert "Porissa" not in client.get(search, {"q": "Katuvalot"}).content.decode()
    response = client.post(
        f"/en/ideat/{dupe.pk}/kasittely/yhdista/",
        {"into": elsewhere.pk, "confirm": "True"},
    )
    assert response.status_code == 400
    dupe.refresh_from_db()
    assert dupe.merged_into is None


def test_the_ideas_to_handle_download_as_csv_and_xlsx(client, org, area, cast):
    import csv
    import io

    from openpyxl import load_workbook

    from tuuma.audit.models import AuditEntry

    idea = make_idea(org, cast.resident, title="=Penkit", service_area=area)
    client.force_login(cast.manager)
    response = client.get("/en/ideat/hallinta/kasittely/ideat.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8; header=present"
    rows = list(
        csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    )
    assert rows[0][:2] == ["Number", "Idea"]
    assert rows[1][:2] == [str(idea.pk), "'=Penkit"]
    assert rows[1][5].endswith("+02:00") or rows[1][5].endswith("+03:00")
    book = load_workbook(
        io.BytesIO(client.get("/en/ideat/hallinta/kasittely/ideat.xlsx").content)
    )
    assert book.active["A2"].value == idea.pk
    assert AuditEntry.objects.filter(action="ideas.exported").count() == 2
    client.force_login(cast.resident)
    assert client.get("/en/ideat/hallinta/kasittely/ideat.csv").status_code == 403
