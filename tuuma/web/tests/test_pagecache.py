"""What the page cache stores and whom it serves (tuuma.web.pagecache, issue 23)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory

from tuuma.web.pagecache import cached_page, organisation_scopes

pytestmark = pytest.mark.django_db


def _counting(answer):
    calls = []

    @cached_page(organisation_scopes)
    def view(request):
        calls.append(request)
        return answer(request)

    return view, calls


def _request(org, path="/sivu/", **extra):
    request = RequestFactory().get(path, **extra)
    request.organisation = org
    request.user = AnonymousUser()
    return request


def test_a_plain_page_is_drawn_once(org):
    view, calls = _counting(lambda request: HttpResponse("sama kaikille"))
    first, second = view(_request(org)), view(_request(org))
    assert len(calls) == 1
    assert second.content == first.content == b"sama kaikille"
    assert second["Content-Type"] == first["Content-Type"]
    assert "Cookie" in second["Vary"]
    view(_request(org, "/sivu/?page=2"))
    assert len(calls) == 2


def _with_token(request):
    return HttpResponse(
        f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">'
    )


def _with_cookie(request):
    response = HttpResponse("eväste")
    response.set_cookie("seen", "1")
    return response


@pytest.mark.parametrize(
    "answer",
    [
        _with_token,
        _with_cookie,
        lambda request: HttpResponse("ei löydy", status=404),
    ],
)
def test_pages_of_one_visitor_are_never_stored(org, answer):
    view, calls = _counting(answer)
    view(_request(org))
    view(_request(org))
    assert len(calls) == 2


@pytest.mark.parametrize(
    "extra",
    [
        {"HTTP_COOKIE": "sessionid=abc"},
        {"HTTP_COOKIE": "messages=abc"},
        {"HTTP_AUTHORIZATION": "Token abc"},
    ],
)
def test_sessions_messages_and_tokens_are_not_served(org, extra):
    view, calls = _counting(lambda request: HttpResponse("sivu"))
    view(_request(org))
    view(_request(org, **extra))
    assert len(calls) == 2


def test_signed_in_people_are_not_served(org, cast):
    view, calls = _counting(lambda request: HttpResponse("sivu"))
    view(_request(org))
    request = _request(org)
    request.user = cast.resident
    view(request)
    assert len(calls) == 2


def test_only_the_tables_the_cached_pages_draw_are_watched():
    from django.apps import apps

    from tuuma.web.pagecache import watched

    label = {model._meta.label_lower: model for model in apps.get_models()}
    assert watched(label["organisation.organisation"])
    assert watched(label["ideas.idea"]) and watched(label["ideas.support"])
    assert watched(label["organisation.servicearea"])
    # Audit rows and jobs are written all the time and shown on no cached page.
    assert not watched(label["audit.auditentry"])
    assert not watched(label["programme.measure"])


def test_a_write_elsewhere_leaves_the_stored_page(org, cast):
    from tuuma.audit.actions import audit_record

    view, calls = _counting(lambda request: HttpResponse("sama kaikille"))
    view(_request(org))
    audit_record(
        organisation=org, actor=cast.manager, action="test.something", target=org
    )
    view(_request(org))
    assert len(calls) == 1
