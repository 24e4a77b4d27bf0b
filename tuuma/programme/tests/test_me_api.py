"""/api/v1/me/…: my work, my notifications and my e-mail choices."""

import pytest

from tuuma.ideas import actions as idea_actions
from tuuma.jobs.models import Notification

pytestmark = pytest.mark.django_db


def test_signed_out_callers_get_401(client, org):
    for path in ("/api/v1/me/work", "/api/v1/me/notifications"):
        assert client.get(path).status_code == 401


def test_my_work_lists_the_residents_own_ideas(client, cast, published_idea):
    client.force_login(cast.resident)
    items = client.get("/api/v1/me/work").json()
    assert items[0]["title"] == published_idea.title
    assert items[0]["urgency"] == "for_information"


def test_notifications_are_listed_and_marked_read(client, cast, published_idea):
    idea_actions.idea_answer(
        idea=published_idea, by=cast.manager, outcome="accepted", text="Kyllä."
    )
    idea_actions.idea_publish_answer(idea=published_idea, by=cast.manager)
    client.force_login(cast.resident)
    page = client.get("/api/v1/me/notifications").json()
    assert page["count"] == 1 and page["results"][0]["read_at"] is None
    answer = client.post(
        "/api/v1/me/notifications/read", {}, content_type="application/json"
    )
    assert answer.json() == {"marked": 1}
    assert not Notification.objects.filter(read_at__isnull=True).exists()
    # Another person marks nothing of mine.
    client.force_login(cast.employee)
    assert client.get("/api/v1/me/notifications").json()["count"] == 0


def test_preferences_are_read_and_changed_and_bad_kinds_refused(client, cast):
    client.force_login(cast.resident)
    choices = client.get("/api/v1/me/notification-preferences").json()
    assert {"kind": "ideas.status", "delivery": "immediately"}.items() <= next(
        c for c in choices if c["kind"] == "ideas.status"
    ).items()
    changed = client.put(
        "/api/v1/me/notification-preferences",
        [{"kind": "ideas.status", "delivery": "weekly"}],
        content_type="application/json",
    )
    assert changed.status_code == 200
    assert (
        next(c for c in changed.json() if c["kind"] == "ideas.status")["delivery"]
        == "weekly"
    )
    refused = client.put(
        "/api/v1/me/notification-preferences",
        [{"kind": "no.such", "delivery": "weekly"}],
        content_type="application/json",
    )
    assert refused.status_code == 400


def test_the_me_endpoints_are_in_the_schema(client, org):
    schema = client.get("/api/v1/openapi.json").content.decode()
    for operation in (
        "me_work",
        "me_notifications",
        "me_notifications_read",
        "me_notification_preferences_update",
    ):
        assert f'"{operation}"' in schema
