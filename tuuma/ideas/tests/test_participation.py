"""Support, follow and comment: one support each, exact counts, one level of
replies, nothing on hidden or unpublished ideas."""

import pytest

from tuuma.ideas import actions
from tuuma.ideas.models import Comment, Support
from tuuma.ideas.tests.factories import make_idea

pytestmark = pytest.mark.django_db


def test_supporting_twice_counts_once_and_withdrawing_counts_down(client, org, cast):
    idea = make_idea(org, cast.employee)
    client.force_login(cast.resident)
    for _ in range(2):
        response = client.post(f"/ideat/{idea.pk}/kannata/")
        assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.support_count == 1 == Support.objects.count()
    response = client.post(
        f"/ideat/{idea.pk}/kannata/", {"undo": "1"}, HTTP_HX_REQUEST="true"
    )
    assert "Kannata ideaa" in response.content.decode()
    idea.refresh_from_db()
    assert idea.support_count == 0 == Support.objects.count()


def test_hidden_unpublished_and_draft_ideas_cannot_be_supported(client, org, cast):
    hidden = make_idea(org, cast.employee, title="Piilotettu idea")
    actions.content_hide(idea=hidden, by=cast.moderator, reason="Asiaton")
    draft = make_idea(org, cast.resident, title="Oma luonnos", submit=False)
    client.force_login(cast.resident)
    assert client.post(f"/ideat/{hidden.pk}/kannata/").status_code == 404
    client.post(f"/ideat/{draft.pk}/kannata/")
    response = client.post(f"/api/v1/ideas/{draft.pk}/support")
    assert response.status_code == 400
    assert Support.objects.count() == 0
    with pytest.raises(actions.IdeaActionError):
        actions.idea_support(idea=hidden, user=cast.moderator)


def test_support_needs_a_signed_in_person(client, org, cast):
    idea = make_idea(org, cast.employee)
    response = client.post(f"/ideat/{idea.pk}/kannata/")
    assert response.status_code == 302 and "/tili/kirjaudu/" in response["Location"]
    assert client.post(f"/api/v1/ideas/{idea.pk}/support").status_code == 401


def test_comments_have_one_level_of_replies(client, org, cast):
    idea = make_idea(org, cast.employee)
    client.force_login(cast.resident)
    client.post(f"/ideat/{idea.pk}/kommentoi/", {"body": "Hyvä idea!"})
    top = Comment.objects.get()
    client.post(
        f"/ideat/{idea.pk}/kommentoi/", {"body": "Samaa mieltä", "parent": top.pk}
    )
    reply = Comment.objects.exclude(pk=top.pk).get()
    assert reply.parent == top
    client.post(f"/ideat/{idea.pk}/kommentoi/", {"body": "Syvä", "parent": reply.pk})
    assert Comment.objects.count() == 2
    response = client.post(f"/ideat/{idea.pk}/kommentoi/", {"body": "   "})
    assert response.status_code == 302 and Comment.objects.count() == 2
    page = client.get(f"/ideat/{idea.pk}/").content.decode()
    assert page.index("Hyvä idea!") < page.index("Samaa mieltä")


def test_comments_are_rate_limited(client, org, cast):
    idea = make_idea(org, cast.employee)
    client.force_login(cast.resident)
    statuses = [
        client.post(f"/ideat/{idea.pk}/kommentoi/", {"body": f"K {n}"}).status_code
        for n in range(31)
    ]
    assert statuses[-1] == 429 and set(statuses[:30]) == {302}
    assert Comment.objects.count() == 30


def test_following_sends_the_follower_news(client, org, cast):
    idea = make_idea(org, cast.employee)
    client.force_login(cast.resident)
    client.post(f"/ideat/{idea.pk}/seuraa/")
    assert idea.follows.filter(user=cast.resident).exists()
    assert "Lopeta seuraaminen" in client.get(f"/ideat/{idea.pk}/").content.decode()
    client.post(f"/ideat/{idea.pk}/seuraa/", {"undo": "1"})
    assert not idea.follows.filter(user=cast.resident).exists()
