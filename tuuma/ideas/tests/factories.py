"""Test data built with the real actions."""

from tuuma.ideas import actions
from tuuma.ideas.models import Idea, IdeaOutcome, IdeaStatus


def make_idea(org, author, *, title="Penkkejä puistoon", body="Lisää penkkejä.", **kw):
    return actions.idea_create(
        organisation=org,
        author=author,
        kind=kw.pop("kind", "idea"),
        title=title,
        body=body,
        **kw,
    )


def answered_idea(org, author, by, *, outcome=IdeaOutcome.ACCEPTED, **kw) -> Idea:
    idea = make_idea(org, author, **kw)
    actions.idea_answer(idea=idea, by=by, outcome=outcome, text="Toteutetaan.")
    actions.idea_publish_answer(idea=idea, by=by)
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.ANSWERED
    return idea
