"""Submitting ideas: validation with translated errors, nothing half-saved,
uploads checked by content, drafts, anonymity, the honeypot and rate limits."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape

from tuuma.ideas.models import Attachment, Idea, IdeaSettings, IdeaStatus

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
PDF = b"%PDF-1.7\n" + b"0" * 100


def _post(client, prefix="", **data):
    fields = {"kind": "idea", "title": "Penkkejä rantaan", "body": "Lisää penkkejä."}
    fields.update(data)
    return client.post(f"{prefix}/ideat/uusi/", fields)


def test_resident_submits_an_idea_that_is_published_and_followed(client, cast):
    client.force_login(cast.resident)
    response = _post(client, location_name="Rantapuisto")
    idea = Idea.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/ideat/{idea.pk}/"
    assert idea.status == IdeaStatus.PUBLISHED and idea.author == cast.resident
    assert list(idea.events.values_list("to_status", flat=True)) == [
        "submitted",
        "published",
    ]
    assert idea.follows.filter(user=cast.resident).exists()


def test_with_pre_moderation_the_idea_waits_for_a_moderator(client, org, cast):
    IdeaSettings.objects.create(organisation=org, pre_moderation=True)
    client.force_login(cast.resident)
    _post(client)
    idea = Idea.objects.get()
    assert idea.status == IdeaStatus.SUBMITTED
    assert client.get("/ideat/").content.decode().count("Penkkejä rantaan") == 0
    client.force_login(cast.moderator)
    client.post(f"/ideat/{idea.pk}/julkaise/")
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.PUBLISHED and idea.published_at


def test_a_draft_is_private_until_submitted(client, cast):
    client.force_login(cast.resident)
    _post(client, save_draft="1")
    idea = Idea.objects.get()
    assert idea.status == IdeaStatus.DRAFT
    response = client.post(
        f"/ideat/{idea.pk}/muokkaa/",
        {"kind": "idea", "title": "Penkkejä rantaan!", "body": "Muokattu."},
    )
    idea.refresh_from_db()
    assert response.status_code == 302
    assert idea.status == IdeaStatus.PUBLISHED and idea.body == "Muokattu."
    assert client.get(f"/ideat/{idea.pk}/muokkaa/").status_code == 404


@pytest.mark.parametrize(
    ("prefix", "data", "message"),
    [
        ("", {"title": ""}, "Tämä kenttä vaaditaan."),
        ("", {"title": "abc"}, "Kirjoita vähintään 5 merkin otsikko."),
        ("/sv", {"title": "x" * 201}, "som mest 200 tecken"),
        ("", {"body": "   "}, "Tämä kenttä vaaditaan."),
        ("/en", {"body": "x" * 10_001}, "at most 10000 characters"),
        ("", {"kind": "staff_initiative"}, "Valitse oikea vaihtoehto"),
        ("", {"service_area": "999999"}, "Valitse oikea vaihtoehto"),
    ],
)
def test_bad_input_gets_a_translated_error_and_nothing_is_saved(
    client, cast, prefix, data, message
):
    client.force_login(cast.resident)
    response = _post(client, prefix, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Idea.objects.exists()


def test_attachments_are_sniffed_by_content_and_stored_under_a_new_name(
    client, cast, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(cast.resident)
    response = _post(
        client,
        attachments=[
            SimpleUploadedFile("kuva.png", PNG, "image/png"),
            SimpleUploadedFile("../../liite.pdf", PDF, "application/pdf"),
        ],
    )
    assert response.status_code == 302
    stored = Attachment.objects.order_by("pk")
    assert [a.content_type for a in stored] == ["image/png", "application/pdf"]
    assert all(".." not in a.file.name and "liite" not in a.file.name for a in stored)
    pdf = client.get(f"/ideat/{stored[1].idea_id}/liitteet/{stored[1].pk}/")
    assert pdf["Content-Disposition"].startswith("attachment")
    assert pdf["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("kuva.png", b"<html><script>alert(1)</script>", "ei ole hyväksytty tiedosto"),
        ("kuva.pdf", PNG, "ei ole hyväksytty tiedosto"),
        ("kuva.svg", b"<svg onload=alert(1)>", "ei ole hyväksytty tiedosto"),
        ("iso.pdf", b"%PDF-" + b"0" * (20 * 1024 * 1024), "on liian suuri"),
    ],
)
def test_wrong_or_oversized_files_are_refused_and_nothing_is_saved(
    client, cast, settings, tmp_path, name, content, message
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(cast.resident)
    response = _post(client, attachments=[SimpleUploadedFile(name, content)])
    assert response.status_code in (400, 413)
    assert message in response.content.decode()
    assert not Idea.objects.exists() and not Attachment.objects.exists()
    assert not any(tmp_path.rglob("*.*"))


XSS = [
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "<img src=x onerror=alert(1)>",
    "[klikkaa](javascript:alert(1))",
    "</textarea><script>alert(1)</script>",
    "{{7*7}}",
]


def _no_markup_from(page: str) -> None:
    assert "<script>alert" not in page
    assert "<svg onload" not in page and "<img src=x" not in page
    assert 'href="javascript:' not in page


@pytest.mark.parametrize("payload", XSS)
def test_script_payloads_are_stored_as_text_and_rendered_escaped(
    client, cast, settings, tmp_path, payload
):
    settings.MEDIA_ROOT = tmp_path
    cast.resident.full_name = f"Nimi {payload}"
    cast.resident.save()
    client.force_login(cast.resident)
    _post(
        client,
        title=f"Otsikko {payload}",
        body=f"Kuvaus {payload}",
        location_name=payload,
        attachments=[SimpleUploadedFile(f"{payload}.png", PNG)],
    )
    idea = Idea.objects.get()
    assert payload in idea.title and payload in idea.body
    client.post(f"/ideat/{idea.pk}/kommentoi/", {"body": payload})
    client.force_login(cast.employee)
    client.post(f"/ideat/{idea.pk}/ilmoita/", {"reason": payload})
    client.force_login(cast.administrator)
    client.post(f"/ideat/{idea.pk}/kasittely/muistiinpano/", {"body": payload})
    client.post(
        f"/ideat/{idea.pk}/kasittely/vastaus/",
        {"outcome": "accepted", "text": payload},
    )
    for path in (
        f"/ideat/{idea.pk}/",
        "/ideat/",
        "/",
        f"/ideat/{idea.pk}/kasittely/",
        "/ideat/hallinta/moderointi/",
        "/ideat/hallinta/vastaukset/",
        "/ideat/omat/",
    ):
        page = client.get(path).content.decode()
        _no_markup_from(page)
        if path != "/ideat/omat/":
            assert escape(payload) in page, path
        if "Otsikko" in page:
            assert "49" not in page.split("Otsikko")[1][:40]
    assert client.get(f"/api/v1/ideas/{idea.pk}").json()["title"] == idea.title


def test_anonymous_submission_only_where_the_organisation_allows_it(client, org):
    response = _post(client)
    assert response.status_code == 302 and "/tili/kirjaudu/" in response["Location"]
    IdeaSettings.objects.create(organisation=org, allow_anonymous=True)
    response = _post(client, contact_email="anna@example.fi")
    idea = Idea.objects.get()
    assert response.status_code == 302
    assert idea.author is None and idea.contact_email == "anna@example.fi"
    assert "anna@example.fi" not in client.get(f"/ideat/{idea.pk}/").content.decode()


def test_employee_may_mark_an_initiative_staff_only(client, cast):
    client.force_login(cast.employee)
    _post(client, kind="staff_initiative", is_staff_only="on")
    idea = Idea.objects.get()
    assert idea.is_staff_only and idea.kind == "staff_initiative"
    client.force_login(cast.resident)
    assert client.get(f"/ideat/{idea.pk}/").status_code == 404


def test_a_bot_filling_the_honeypot_is_thanked_and_ignored(client, cast):
    client.force_login(cast.resident)
    response = _post(client, website="http://spam.example")
    assert response.status_code == 302
    assert not Idea.objects.exists()


def test_submissions_are_rate_limited(client, cast):
    client.force_login(cast.resident)
    statuses = [_post(client, title=f"Idea numero {n}").status_code for n in range(11)]
    assert statuses[:10] == [302] * 10
    assert statuses[10] == 429
    assert Idea.objects.count() == 10


def test_similar_ideas_are_suggested_while_typing_the_title(client, cast):
    client.force_login(cast.resident)
    _post(client, title="Lisää roska-astioita torille")
    response = client.get(
        "/ideat/samankaltaiset/", {"title": "roska-astioita"}, HTTP_HX_REQUEST="true"
    )
    assert "Lisää roska-astioita torille" in response.content.decode()
    empty = client.get("/ideat/samankaltaiset/", {"title": "kirjasto"})
    assert "torille" not in empty.content.decode()


def test_authors_find_their_own_ideas_and_drafts(client, cast):
    client.force_login(cast.resident)
    _post(client, title="Oma luonnos puistosta", save_draft="1")
    _post(client, title="Lähetetty idea torista")
    page = client.get("/ideat/omat/").content.decode()
    assert "Oma luonnos puistosta" in page and "Lähetetty idea torista" in page
    assert "Luonnos" in page
    client.force_login(cast.employee)
    assert "Oma luonnos" not in client.get("/ideat/omat/").content.decode()
    client.logout()
    assert client.get("/ideat/omat/").status_code == 302
