import pytest
from django.utils import timezone

from tuuma.accounts.demo import seed_organisation
from tuuma.ideas import demo as ideas_demo
from tuuma.ideas.models import Idea, IdeaSettings, IdeaStatus
from tuuma.ideas.stats import answer_stats

pytestmark = pytest.mark.django_db


def test_demo_has_ideas_in_every_state_with_supports_answers_and_overdue_ones(
    settings,
):
    settings.TUUMA_DEMO_HOSTS = ["demo.testserver"]
    demo = seed_organisation()
    ideas_demo.seed(demo)
    ideas_demo.seed(demo)  # a second run adds nothing
    ideas = Idea.objects.filter(organisation=demo.organisation)
    assert ideas.count() >= 30
    assert set(ideas.values_list("status", flat=True)) == set(IdeaStatus.values)
    assert set(ideas.exclude(outcome="").values_list("outcome", flat=True)) == {
        "accepted",
        "already_done",
        "forwarded",
        "not_taken_forward",
        "merged",
    }
    assert ideas.filter(is_hidden=True).exists()
    assert ideas.filter(title__contains="Strandparken").exists()
    assert sum(ideas.values_list("support_count", flat=True)) > 20
    target = IdeaSettings.for_organisation(demo.organisation).answer_target_days
    assert ideas.overdue(target_days=target, now=timezone.now()).count() >= 2
    stats = answer_stats(demo.organisation)
    assert stats.answered >= 10 and 0 < stats.within_target < stats.answered
