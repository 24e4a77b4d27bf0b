"""The anonymous page cache (tuuma.web.pagecache) on the idea pages (issue 23).

Each way an idea's public face changes is taken once: after it, the anonymous
list, the idea's page and the front page are exactly what a fresh rendering
draws, and they differ from what was cached before (so the check is not empty).
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from conftest import make_user
from tuuma.ideas import actions
from tuuma.ideas.models import IdeaSettings, IdeaStatus
from tuuma.ideas.privacy import erase_person
from tuuma.ideas.tests.factories import make_idea

pytestmark = pytest.mark.django_db


def _pages(idea) -> list[str]:
    return ["/ideat/", "/ideat/?sort=supported", f"/ideat/{idea.pk}/", "/"]


def _get(path: str):
    response = Client().get(path)
    return response.status_code, response.content


def _fresh(settings, path: str):
    cached = settings.PAGE_CACHE_SECONDS
    settings.PAGE_CACHE_SECONDS = 0
    try:
        return _get(path)
    finally:
        settings.PAGE_CACHE_SECONDS = cached


def _assert_current(settings, paths: list[str], before: dict) -> None:
    changed = False
    for path in paths:
        now = _get(path)
        assert now == _fresh(settings, path), path
        changed = changed or now != before[path]
    assert changed, "the action changed none of the pages"


@pytest.fixture
def idea(org, cast):
    return make_idea(org, cast.employee, title="Penkkejä puistoon")


def test_a_second_visit_is_served_without_the_view(idea):
    first = _get("/ideat/")
    with CaptureQueriesContext(connection) as queries:
        second = _get("/ideat/")
    assert second == first
    # The organisation and the versions; no idea is read.
    assert not [q for q in queries if "ideas_idea" in q["sql"]]
    response = Client().get("/ideat/")
    assert "Cookie" in response["Vary"]
    assert not response.cookies
    assert b"csrfmiddlewaretoken" not in response.content


def test_roles_never_see_each_others_page(org, cast, idea):
    secret = make_idea(
        org,
        cast.employee,
        title="Sisäinen kahvinkeitin",
        kind="staff_initiative",
        is_staff_only=True,
    )
    resident, manager = Client(), Client()
    resident.force_login(cast.resident)
    manager.force_login(cast.manager)
    for path in _pages(idea):
        anonymous = _get(path)  # fills the cache first
        as_resident = resident.get(path).content
        as_manager = manager.get(path).content
        assert _get(path) == anonymous
        assert b"csrfmiddlewaretoken" not in anonymous[1]
        assert b"csrfmiddlewaretoken" in as_resident
        assert cast.resident.get_full_name().encode() not in as_manager
        assert cast.manager.get_full_name().encode() not in as_resident
        if path.startswith("/ideat/?") or path == "/ideat/":
            assert secret.title.encode() in as_manager
            assert secret.title.encode() not in anonymous[1] + as_resident
    assert resident.get("/ideat/")["Cache-Control"] == "private, no-store"


def test_organisations_languages_and_partials_have_their_own_pages(
    org, other_org, cast, idea
):
    make_idea(other_org, make_user(other_org, "porilainen"), title="Porin satama")
    kemi = _get("/ideat/")
    pori = Client(HTTP_HOST="pori.testserver").get("/ideat/").content
    assert b"Porin satama" in pori and b"Porin satama" not in kemi[1]
    assert idea.title.encode() not in pori
    swedish = _get("/sv/ideat/")
    assert swedish != kemi and b'lang="sv"' in swedish[1]
    partial = Client().get("/ideat/", HTTP_HX_REQUEST="true").content
    assert partial != kemi[1] and b"<html" not in partial
    assert _get("/ideat/") == kemi


def test_pending_messages_and_sessions_bypass_the_cache(client, idea):
    _get("/ideat/")
    client.cookies["messages"] = "anything"
    with CaptureQueriesContext(connection) as queries:
        client.get("/ideat/")
    assert [q for q in queries if "ideas_idea" in q["sql"]]


PATHS = {
    "new idea": lambda o, c, i: make_idea(o, c.resident, title="Uusi katuvalo"),
    "pre-moderated idea published": lambda o, c, i: _premoderated(o, c),
    "status": lambda o, c, i: actions.idea_change_status(
        idea=i, to_status=IdeaStatus.UNDER_REVIEW, by=c.manager
    ),
    "answer": lambda o, c, i: (
        actions.idea_answer(idea=i, by=c.manager, outcome="accepted", text="Tehdään."),
        actions.idea_publish_answer(idea=i, by=c.manager),
    ),
    "support": lambda o, c, i: actions.idea_support(idea=i, user=c.resident),
    "comment": lambda o, c, i: actions.comment_create(
        idea=i, author=c.resident, body="Hyvä ajatus!"
    ),
    "hidden": lambda o, c, i: actions.content_hide(idea=i, by=c.moderator, reason="X"),
    "merged": lambda o, c, i: actions.idea_merge(
        idea=make_idea(o, c.resident, title="Toinen penkki"), into=i, by=c.manager
    ),
    "author erased": lambda o, c, i: erase_person(c.employee, remove_public_texts=True),
    "organisation renamed": lambda o, c, i: _rename(o),
}


def _premoderated(org, cast):
    IdeaSettings.objects.update_or_create(
        organisation=org, defaults={"pre_moderation": True}
    )
    waiting = make_idea(org, cast.resident, title="Odottanut idea")
    return actions.idea_publish(idea=waiting, by=cast.moderator)


def _rename(org):
    org.name = "Kemin kaupunki"
    org.save()


@pytest.mark.parametrize("change", PATHS)
def test_every_change_reaches_the_cached_pages(settings, org, cast, idea, change):
    before = {path: _get(path) for path in _pages(idea)}
    PATHS[change](org, cast, idea)
    _assert_current(settings, _pages(idea), before)


def test_a_comment_hidden_by_a_moderator_leaves_the_page(settings, cast, idea):
    comment = actions.comment_create(idea=idea, author=cast.resident, body="Roskaa")
    path = f"/ideat/{idea.pk}/"
    before = {path: _get(path)}
    assert b"Roskaa" in before[path][1]
    actions.content_hide(idea=idea, comment=comment, by=cast.moderator, reason="X")
    _assert_current(settings, [path], before)
    assert b"Roskaa" not in _get(path)[1]


def test_a_support_elsewhere_leaves_an_idea_page_cached(org, cast, idea):
    other = make_idea(org, cast.employee, title="Toinen idea")
    path = f"/ideat/{idea.pk}/"
    _get(path)
    actions.idea_support(idea=other, user=cast.resident)
    with CaptureQueriesContext(connection) as queries:
        _get(path)
    assert not [q for q in queries if "ideas_comment" in q["sql"]]
