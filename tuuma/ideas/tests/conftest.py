"""Fixtures of the ideas tests: a ready-made world."""

import pytest


@pytest.fixture
def world(org, area, other_area, cast):
    """One idea in every visibility state, by people outside the cast.

    ``public`` has a private note and a written, unpublished answer, so tests can
    check neither leaks.
    """
    from conftest import make_user
    from tuuma.ideas import actions
    from tuuma.ideas.models import IdeaSettings
    from tuuma.ideas.tests.factories import make_idea
    from tuuma.organisation.roles import Role

    author = make_user(org, "author")
    staffer = make_user(org, "staffer", Role.EMPLOYEE, other_area)
    public = make_idea(org, author, title="Julkinen idea", service_area=area)
    actions.idea_add_note(idea=public, by=cast.manager, body="SECRET-NOTE")
    actions.idea_answer(
        idea=public, by=cast.manager, outcome="accepted", text="SECRET-ANSWER"
    )
    elsewhere = make_idea(
        org, author, title="Toisen alueen idea", service_area=other_area
    )
    staff_only = make_idea(
        org,
        staffer,
        title="Sisäinen kahvinkeitin",
        kind="staff_initiative",
        is_staff_only=True,
        service_area=area,
    )
    draft = make_idea(org, author, title="Keskeneräinen", submit=False)
    hidden = make_idea(org, author, title="Piilotettu idea", service_area=area)
    actions.content_hide(idea=hidden, by=cast.moderator, reason="Asiaton")
    IdeaSettings.objects.create(organisation=org, pre_moderation=True)
    waiting = make_idea(org, author, title="Odottaa moderointia", service_area=area)
    IdeaSettings.objects.filter(organisation=org).update(pre_moderation=False)
    return {
        "author": author,
        "public": public,
        "elsewhere": elsewhere,
        "staff_only": staff_only,
        "draft": draft,
        "hidden": hidden,
        "waiting": waiting,
    }
