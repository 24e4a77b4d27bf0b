import pytest

from tuuma.accounts.demo import seed_organisation
from tuuma.budgeting import demo, results
from tuuma.budgeting.models import AdvisoryVote, Ballot, Proposal, Round
from tuuma.programme.models import MeasureStatus

pytestmark = pytest.mark.django_db


def test_demo_has_a_finished_round_with_measures_and_an_open_round():
    from tuuma.programme import demo as programme_demo

    organisation_demo = seed_organisation()
    programme_demo.seed(organisation_demo)
    demo.seed(organisation_demo)
    demo.seed(organisation_demo)  # a second run adds nothing
    finished = Round.objects.get(title=demo.FINISHED)
    assert finished.phase == "implementation" and finished.areas.count() == 3
    assert Proposal.objects.filter(round=finished).count() == 40
    assert 580 <= Ballot.objects.filter(area__round=finished).count() <= 650
    assert results.recount(results.export(finished)) is not None
    winners = Proposal.objects.filter(round=finished, result__is_winner=True)
    assert winners.exists()
    assert all(p.measure.status == MeasureStatus.IN_PROGRESS for p in winners)
    shares = set(winners.values_list("pk", flat=True))
    greedy = set(
        Proposal.objects.filter(
            round=finished, result__greedy_selected=True
        ).values_list("pk", flat=True)
    )
    assert shares != greedy  # the two rules tell different stories
    assert Round.objects.get(title=demo.OPEN).phase == "proposals"
    closed, still_open = AdvisoryVote.objects.order_by("pk")
    assert closed.status == "closed" and closed.answers.count() > 5
    assert still_open.status == "open"
    assert closed.matter.phase == "decision"
