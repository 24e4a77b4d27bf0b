"""Visitors without an account on an anonymous hearing: edit links, limits,
moderation."""

import re

import pytest
from django.urls import reverse

from tuuma.hearings import actions
from tuuma.hearings.models import Comment
from tuuma.hearings.tests.conftest import make_hearing
from tuuma.hearings.views import edit_link

pytestmark = pytest.mark.django_db


@pytest.fixture
def anonymous(org, preparer, area):
    hearing = make_hearing(org, preparer, area, identity="anonymous")
    return actions.hearing_publish(hearing=hearing, by=preparer)


def _comment(client, hearing, body="Ensimmäinen ajatus"):
    return client.post(
        reverse("hearings:comment", args=[hearing.pk]),
        {"body": body, "author_name": "Kyläläinen"},
        follow=True,
    )


def test_a_visitor_gets_a_private_link_and_edits_from_the_same_browser(
    client, anonymous
):
    page = _comment(client, anonymous).content.decode()
    comment = Comment.objects.get()
    assert comment.author is None and comment.edit_key
    link = re.search(r"https?://\S+/muokkaa/[\w-]+/", page).group(0)
    assert 'href="/' in page and "Edit or withdraw" in page
    assert link.split("/")[-2] not in comment.edit_key  # only its hash is kept

    client.post(link, {"body": "Tarkennettu ajatus"})
    comment.refresh_from_db()
    assert comment.body == "Tarkennettu ajatus" and comment.edited_at


def test_the_link_works_from_another_browser_and_withdraws(
    client, anonymous, django_user_model
):
    from django.test import Client

    page = _comment(client, anonymous).content.decode()
    path = re.search(r"https?://[^/\s]+(/\S+/muokkaa/[\w-]+/)", page).group(1)
    other = Client()
    assert other.get(path).status_code == 200
    withdraw = path.replace("/muokkaa/", "/peru/")
    other.post(withdraw)
    assert Comment.objects.get().withdrawn_at is not None
    assert other.get(path).status_code == 404


def test_a_wrong_token_is_a_404_and_guessing_is_limited(client, anonymous, settings):
    _comment(client, anonymous)
    comment = Comment.objects.get()
    wrong = reverse("hearings:comment-edit-link", args=[comment.pk, "arvaus"])
    other_browser = client.__class__()
    responses = [
        other_browser.get(wrong).status_code
        for _ in range(edit_link.EDIT_REQUESTS_PER_HOUR + 1)
    ]
    assert set(responses[:-1]) == {404} and responses[-1] == 429


def test_a_signed_in_persons_comment_has_no_edit_token(client, hearing, cast):
    comment = actions.comment_create(hearing=hearing, user=cast.resident, body="Eka")
    assert comment.edit_token == "" and comment.edit_key == ""
    assert not actions.participation.is_editor(comment, None, "")


def test_editing_keeps_a_hidden_comment_hidden_and_ends_with_the_hearing(
    client, anonymous, cast, preparer
):
    _comment(client, anonymous)
    comment = Comment.objects.get()
    token = client.session["hearings_edits"][str(comment.pk)]
    actions.comment_moderate(
        comment=comment, by=cast.moderator, hide=True, reason="Asiaton"
    )
    actions.comment_edit(comment=comment, user=None, body="Uusi", edit_token=token)
    comment.refresh_from_db()
    assert comment.is_hidden and comment.body == "Uusi"
    actions.hearing_close(hearing=anonymous, by=preparer)
    with pytest.raises(actions.HearingError, match="closed"):
        actions.comment_edit(comment=comment, user=None, body="Myöh", edit_token=token)


def test_visitor_comments_are_rate_limited(client, anonymous, monkeypatch):
    from tuuma.hearings.views import participate

    monkeypatch.setattr(participate, "COMMENTS_PER_HOUR", 2)
    for number in range(3):
        page = _comment(client, anonymous, f"Kommentti {number}").content
    assert b"Too many comments" in page and Comment.objects.count() == 2


def test_the_api_returns_the_edit_link_to_a_visitor_only(client, anonymous, cast):
    url = reverse("api-hearing-comments", args=[anonymous.pk])
    created = client.post(
        url, {"body": "API:n kautta"}, content_type="application/json"
    )
    assert created.status_code == 201 and "/muokkaa/" in created.json()["edit_url"]
    client.force_login(cast.resident)
    signed = client.post(
        url, {"body": "Kirjautuneena"}, content_type="application/json"
    )
    assert signed.json()["edit_url"] is None
