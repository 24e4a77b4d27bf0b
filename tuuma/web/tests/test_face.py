"""An organisation's logo and accent colour: checked, audited, CSP-safe."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tuuma.audit.models import AuditEntry
from tuuma.lib.colour import contrast_ratio

FACE = "/en/ilme/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def png(size=(800, 400), colour=(0, 88, 42)) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="PNG")
    return SimpleUploadedFile("logo.png", out.getvalue(), content_type="image/png")


def test_contrast_ratio_follows_wcag():
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast_ratio("#003580", "#ffffff"), 1) == 11.5


def test_an_administrator_sets_a_colour_and_a_logo_that_every_page_then_shows(
    client, cast, org
):
    client.force_login(cast.administrator)
    response = client.post(FACE, {"accent_colour": "#00582A", "logo": png()})
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.accent_colour == "#00582a"
    with Image.open(org.logo.path) as stored:
        assert stored.format == "PNG" and stored.size == (480, 240)
    entry = AuditEntry.objects.get(action="organisation.face_changed")
    assert (
        entry.details["accent_colour"] == ["", "#00582a"]
        and entry.actor == cast.administrator
    )

    page = client.get("/en/").content.decode()
    assert f"/en/ilme/teema.css?v={org.face_version}" in page
    assert f"/en/ilme/logo.png?v={org.face_version}" in page
    css = client.get("/en/ilme/teema.css")
    assert css["Content-Type"].startswith("text/css")
    assert "--brand: #00582a;" in css.content.decode()
    assert client.get("/en/ilme/logo.png")["Content-Type"] == "image/png"


@pytest.mark.parametrize(
    ("colour", "message"),
    [
        ("#ffcc00", "WCAG AA needs at least 4.5:1"),
        ("blue", "six hexadecimal digits"),
    ],
)
def test_a_colour_without_enough_contrast_is_refused_with_a_reason(
    client, cast, org, colour, message
):
    client.force_login(cast.administrator)
    response = client.post(FACE, {"accent_colour": colour})
    assert response.status_code == 400
    assert message in response.content.decode()
    org.refresh_from_db()
    assert org.accent_colour == ""
    assert not AuditEntry.objects.filter(action="organisation.face_changed").exists()


def test_the_refusal_is_translated(client, cast):
    client.force_login(cast.administrator)
    response = client.post("/ilme/", {"accent_colour": "#ffcc00"})
    assert "WCAG AA" in response.content.decode()
    assert "Valitse tummempi" in response.content.decode()


def test_a_file_that_is_not_an_image_is_refused(client, cast, org):
    client.force_login(cast.administrator)
    fake = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", "image/png")
    response = client.post(FACE, {"accent_colour": "", "logo": fake})
    assert response.status_code == 400
    org.refresh_from_db()
    assert not org.logo


def test_the_administrator_removes_the_logo(client, cast, org):
    client.force_login(cast.administrator)
    client.post(FACE, {"accent_colour": "", "logo": png()})
    client.post(FACE, {"accent_colour": "", "remove_logo": "on"})
    org.refresh_from_db()
    assert not org.logo
    assert client.get("/en/ilme/logo.png").status_code == 404


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (None, 302),
        ("resident", 403),
        ("employee", 403),
        ("moderator", 403),
        ("process_owner", 403),
        ("productivity_lead", 403),
        ("caselog_analyst", 403),
        ("manager", 403),
        ("administrator", 200),
    ],
)
def test_only_the_administrator_may_change_the_face(client, cast, role, status):
    if role:
        client.force_login(cast[role])
    assert client.get(FACE).status_code == status
    footer_link = b'href="/en/ilme/"' in client.get("/en/").content
    assert footer_link == (role == "administrator")


def test_another_organisations_administrator_cannot_open_it(client, outsider):
    client.force_login(outsider)
    assert client.get(FACE).status_code in (302, 403, 404)


def test_another_organisations_face_never_shows_here(client, cast, org, other_org):
    other_org.accent_colour = "#5a0d8a"
    other_org.save()
    assert b"teema.css" not in client.get("/en/").content
    assert "#5a0d8a" not in client.get("/en/ilme/teema.css").content.decode()
