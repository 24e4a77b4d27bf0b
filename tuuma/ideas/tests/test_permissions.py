"""Every role on every idea page and endpoint (the cast of the root conftest).

Another organisation's objects are 404 whatever the role; a visible idea the role
may not handle is 403; a page for signed-in people sends strangers to log in.
"""

import pytest

from conftest import ROLE_KEYS

pytestmark = pytest.mark.django_db

ANON = "anonymous"
ROLES = [ANON] + [key for key, _role, _scoped in ROLE_KEYS]
STAFF = {key for key, role, _scoped in ROLE_KEYS if role}
MODERATE = {"moderator", "administrator"}
TRIAGE_ORG = {"moderator", "manager", "administrator"}
TRIAGE_AREA = TRIAGE_ORG | {"process_owner", "productivity_lead"}
ANSWER_AREA = {"process_owner", "productivity_lead", "manager", "administrator"}
PUBLISH_AREA = {"productivity_lead", "manager", "administrator"}


def _login(client, cast, role):
    if role != ANON:
        client.force_login(cast[role])


def _expect(role, allowed, *, denied=403, ok=200):
    if role in allowed:
        return ok
    return 302 if role == ANON else denied


def _pages_show_exactly_what_the_role_may_see(client, cast, world, role):
    _login(client, cast, role)
    expected = {
        "public": 200,
        "elsewhere": 200,
        "staff_only": 200 if role in STAFF else 404,
        "draft": 404,
        "hidden": 200 if role in TRIAGE_AREA else 404,
        "waiting": 200 if role in TRIAGE_AREA else 404,
    }
    for name, status in expected.items():
        response = client.get(f"/ideat/{world[name].pk}/")
        assert response.status_code == status, (name, role)
    listing = client.get("/ideat/").content.decode()
    assert "Julkinen idea" in listing
    assert ("Sisäinen kahvinkeitin" in listing) == (role in STAFF)
    for hidden_title in ("Keskeneräinen", "Piilotettu idea", "Odottaa moderointia"):
        assert hidden_title not in listing


def _notes_and_unpublished_answers_stay_with_staff(client, cast, world, role):
    _login(client, cast, role)
    page = client.get(f"/ideat/{world['public'].pk}/").content.decode()
    assert "SECRET-NOTE" not in page
    assert "SECRET-ANSWER" not in page
    api = client.get(f"/api/v1/ideas/{world['public'].pk}").content.decode()
    assert "SECRET-NOTE" not in api
    assert ("SECRET-ANSWER" in api) == (role in TRIAGE_AREA)
    listing = client.get("/api/v1/ideas").content.decode()
    assert "SECRET-ANSWER" not in listing
    triage = client.get(f"/ideat/{world['public'].pk}/kasittely/")
    assert triage.status_code == _expect(role, TRIAGE_AREA)
    if triage.status_code == 200:
        assert "SECRET-NOTE" in triage.content.decode()


STAFF_PAGES = [
    ("/ideat/hallinta/moderointi/", MODERATE),
    ("/ideat/hallinta/kasittely/", TRIAGE_AREA),
    ("/ideat/hallinta/myohassa/", TRIAGE_AREA),
    ("/ideat/hallinta/vastaukset/", PUBLISH_AREA),
    ("/ideat/hallinta/asetukset/", {"administrator"}),
]


def _staff_pages_and_links_only_for_the_permitted(client, cast, world, role):
    _login(client, cast, role)
    listing = client.get("/ideat/").content.decode()
    for path, allowed in STAFF_PAGES:
        assert client.get(path).status_code == _expect(role, allowed), path
        assert (f'href="{path}"' in listing) == (role in allowed), path
    elsewhere = client.get(f"/ideat/{world['elsewhere'].pk}/kasittely/")
    assert elsewhere.status_code == _expect(role, TRIAGE_ORG)


def _staff_actions_refused_without_the_right(client, cast, world, role):
    _login(client, cast, role)
    public, waiting = world["public"], world["waiting"]
    response = client.post(
        f"/ideat/{public.pk}/kasittely/vastaus/",
        {"outcome": "accepted", "text": "Vastaus"},
    )
    assert response.status_code == _expect(role, ANSWER_AREA, ok=302)
    response = client.post(f"/ideat/{public.pk}/kasittely/julkaise-vastaus/")
    assert response.status_code == _expect(role, PUBLISH_AREA, ok=302)
    response = client.post(f"/ideat/{public.pk}/kasittely/muistiinpano/", {"body": "x"})
    assert response.status_code == _expect(role, TRIAGE_AREA, ok=302)
    response = client.post(
        f"/ideat/{public.pk}/moderoi/", {"action": "hide", "reason": "Syy"}
    )
    assert response.status_code == _expect(role, MODERATE, ok=302)
    response = client.post(f"/ideat/{waiting.pk}/julkaise/")
    denied = 403 if role in TRIAGE_AREA else 404
    assert response.status_code == _expect(role, MODERATE, ok=302, denied=denied)
    response = client.post(
        "/ideat/hallinta/estot/", {"user": world["author"].pk, "reason": "Häirintä"}
    )
    assert response.status_code == _expect(role, MODERATE, ok=302)


@pytest.mark.parametrize("role", ROLES)
def test_api_gives_each_role_its_own_view_and_rights(client, cast, world, role):
    _login(client, cast, role)
    staff_only = client.get(f"/api/v1/ideas/{world['staff_only'].pk}")
    assert staff_only.status_code == (200 if role in STAFF else 404)
    assert client.get(f"/api/v1/ideas/{world['draft'].pk}").status_code == 404
    ids = {row["id"] for row in client.get("/api/v1/ideas").json()["results"]}
    assert (world["staff_only"].pk in ids) == (role in STAFF)
    assert world["hidden"].pk not in ids and world["waiting"].pk not in ids
    public = world["public"].pk
    refused = 401 if role == ANON else 403
    response = client.post(
        f"/api/v1/ideas/{public}/status",
        {"to_status": "under_review"},
        content_type="application/json",
    )
    assert response.status_code == (200 if role in TRIAGE_AREA else refused)
    response = client.post(
        f"/api/v1/ideas/{public}/answer",
        {"outcome": "not_taken_forward", "text": "Ei resursseja."},
        content_type="application/json",
    )
    assert response.status_code == (200 if role in ANSWER_AREA else refused)
    response = client.post(f"/api/v1/ideas/{public}/answer/publish")
    assert response.status_code == (200 if role in PUBLISH_AREA else refused)


def test_another_organisations_staff_see_nothing_of_ours(client, world, outsider):
    """Through their own host our ideas do not exist: pages, staff pages, API."""
    client.force_login(outsider)
    host = {"HTTP_HOST": "pori.testserver"}
    for idea in world.values():
        if not hasattr(idea, "title"):
            continue
        for path in (
            f"/ideat/{idea.pk}/",
            f"/ideat/{idea.pk}/kasittely/",
            f"/api/v1/ideas/{idea.pk}",
            f"/api/v1/ideas/{idea.pk}/comments",
        ):
            assert client.get(path, **host).status_code == 404, path
        response = client.post(f"/ideat/{idea.pk}/kannata/", **host)
        assert response.status_code == 404
    assert client.get("/api/v1/ideas", **host).json()["count"] == 0
    assert "Julkinen idea" not in client.get("/ideat/", **host).content.decode()


def test_a_session_from_another_organisation_counts_for_nothing_here(
    client, world, outsider
):
    client.force_login(outsider)
    assert client.get(f"/ideat/{world['staff_only'].pk}/").status_code == 404
    assert client.get("/ideat/hallinta/moderointi/").status_code == 302


def _triage_review_and_merge_need_the_right(client, cast, world, role):
    _login(client, cast, role)
    public, elsewhere = world["public"], world["elsewhere"]
    response = client.post(
        f"/ideat/{public.pk}/kasittely/",
        {"service_area": public.service_area_id, "impact_score": "3"},
    )
    assert response.status_code == _expect(role, TRIAGE_AREA, ok=302)
    response = client.post(f"/ideat/{public.pk}/kasittely/arviointi/")
    assert response.status_code == _expect(role, TRIAGE_AREA, ok=302)
    response = client.post(
        f"/ideat/{elsewhere.pk}/kasittely/yhdista/",
        {"into": public.pk, "confirm": "True"},  # confirmed after seeing both
    )
    assert response.status_code == _expect(role, TRIAGE_ORG, ok=302)
    public.refresh_from_db()
    assert (public.impact_score == 3) == (role in TRIAGE_AREA)


def _taking_part_needs_a_signed_in_person(client, cast, world, role):
    _login(client, cast, role)
    pk = world["public"].pk
    for path, data in (
        (f"/ideat/{pk}/kannata/", {}),
        (f"/ideat/{pk}/seuraa/", {}),
        (f"/ideat/{pk}/kommentoi/", {"body": "Hyvä"}),
        (f"/ideat/{pk}/ilmoita/", {"reason": "Asiaton"}),
    ):
        response = client.post(path, data)
        assert response.status_code == 302, path
        assert ("/tili/kirjaudu/" in response["Location"]) == (role == ANON)
    world["public"].refresh_from_db()
    assert world["public"].support_count == (0 if role == ANON else 1)
    for path in (f"/ideat/{pk}/kannata/", f"/ideat/{pk}/kommentoi/"):
        assert client.get(path).status_code in (302, 405)


def _drafts_are_the_authors_alone(client, cast, world, role):
    _login(client, cast, role)
    draft = world["draft"]
    assert client.get(f"/ideat/{draft.pk}/muokkaa/").status_code == (
        302 if role == ANON else 404
    )
    assert client.post(f"/ideat/{draft.pk}/laheta/").status_code == (
        302 if role == ANON else 404
    )
    client.force_login(world["author"])
    assert client.get(f"/ideat/{draft.pk}/muokkaa/").status_code == 200


def _attachments_only_with_their_idea(client, cast, world, role, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tuuma.ideas import actions
    from tuuma.ideas.forms import CheckedUpload

    settings.MEDIA_ROOT = tmp_path
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20
    attachment = actions.attachment_add(
        idea=world["staff_only"],
        checked=CheckedUpload(SimpleUploadedFile("k.png", png), "image/png", "k.png"),
    )
    _login(client, cast, role)
    response = client.get(f"/ideat/{world['staff_only'].pk}/liitteet/{attachment.pk}/")
    assert response.status_code == (200 if role in STAFF else 404)
    response = client.get(f"/ideat/{world['public'].pk}/liitteet/{attachment.pk}/")
    assert response.status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_exactly_what_it_may(client, cast, world, role):
    _pages_show_exactly_what_the_role_may_see(client, cast, world, role)
    _notes_and_unpublished_answers_stay_with_staff(client, cast, world, role)
    _staff_pages_and_links_only_for_the_permitted(client, cast, world, role)


@pytest.mark.parametrize("role", ROLES)
def test_each_role_may_handle_ideas_only_as_far_as_its_rights_go(
    client, cast, world, role
):
    _triage_review_and_merge_need_the_right(client, cast, world, role)
    client.logout()
    _staff_actions_refused_without_the_right(client, cast, world, role)


@pytest.mark.parametrize("role", ROLES)
def test_each_role_takes_part_only_in_what_it_may_see(
    client, cast, world, role, settings, tmp_path
):
    _taking_part_needs_a_signed_in_person(client, cast, world, role)
    client.logout()
    _attachments_only_with_their_idea(client, cast, world, role, settings, tmp_path)
    client.logout()
    _drafts_are_the_authors_alone(client, cast, world, role)
