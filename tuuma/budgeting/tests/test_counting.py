"""Both counting rules on examples computed by hand (see each docstring)."""

from fractions import Fraction

from tuuma.budgeting.counting import (
    COMPLETION,
    EQUAL_SHARES,
    Project,
    _payment_cap,
    count,
    equal_shares,
    greedy,
    vote_counts,
)

A, B, C, D = Project("A", 60), Project("B", 50), Project("C", 40), Project("D", 120)


def test_greedy_takes_most_votes_first_and_skips_what_no_longer_fits():
    """Budget 100: A (3 votes, 60) leaves 40, B (2, 50) does not fit, C (1, 40) does."""
    ballots = [{"A", "B", "C"}, {"A", "B"}, {"A"}]
    outcome = greedy([A, B, C], ballots, 100)
    assert outcome.selected == ("A", "C")
    assert outcome.spent == 100 and outcome.left_over == 0


def test_greedy_skips_a_proposal_larger_than_the_remaining_budget():
    """D has the most votes but costs 120 > 100: it is skipped, not a stopper."""
    ballots = [{"D"}, {"D"}, {"D", "A"}, {"C"}]
    assert greedy([A, C, D], ballots, 100).selected == ("A", "C")


def test_greedy_breaks_a_tie_by_the_earlier_proposal():
    """A' and B' both have 2 votes and cost 30; budget 50 funds only one: the first."""
    first, second = Project(1, 30), Project(2, 30)
    ballots = [{1, 2}, {1, 2}]
    assert greedy([first, second], ballots, 50).selected == (1,)
    assert greedy([second, first], ballots, 50).selected == (2,)


def test_greedy_never_funds_a_proposal_nobody_voted_for():
    assert greedy([A, C], [{"A"}], 200).selected == ("A",)


def test_payment_cap_lets_those_with_less_pay_all_they_have():
    """Money 2, 10, 10 for a cost of 15: the first pays 2, the others 6.5 each."""
    assert _payment_cap([Fraction(2), Fraction(10), Fraction(10)], 15) == Fraction(
        13, 2
    )
    assert _payment_cap([Fraction(2), Fraction(10)], 15) is None


def test_equal_shares_funds_the_minority_that_greedy_leaves_out():
    """Budget 100, ten voters with 10 each. Six approve A and B (50 each), four C (40).

    Greedy: A and B (6 votes each) spend everything. Equal shares: A first (its
    six supporters pay 50/6 each, 1/6 of its cost; B ties and comes later), after
    which they hold 10/6 each, 10 together: B is out of reach. C's four
    supporters pay 10 each (1/4 of its cost): C is funded. 10 € is left, too
    little for B in the completion.
    """
    ab, c = Project("A", 50), Project("C", 40)
    b = Project("B", 50)
    ballots = [{"A", "B"}] * 6 + [{"C"}] * 4
    assert greedy([ab, b, c], ballots, 100).selected == ("A", "B")
    outcome = equal_shares([ab, b, c], ballots, 100)
    assert outcome.selected == ("A", "C")
    assert outcome.stage == {"A": EQUAL_SHARES, "C": EQUAL_SHARES}
    assert outcome.spent == 90


def test_equal_shares_completes_with_the_greedy_rule():
    """Budget 100, four voters with 25 each: A (60) {1,2,3}, B (40) {1,2}, C (40) {4}.

    A: its three supporters pay 20 each (1/3 of its cost); B would cost its two
    20 each (1/2); C is beyond voter 4's 25. After A voters 1–3 hold 5 each, so
    B is out of reach; the completion adds B (2 votes, 40 fits the 40 left).
    """
    b, c = Project("B", 40), Project("C", 40)
    ballots = [{"A", "B"}, {"A", "B"}, {"A"}, {"C"}]
    outcome = equal_shares([A, b, c], ballots, 100)
    assert outcome.selected == ("A", "B")
    assert outcome.stage == {"A": EQUAL_SHARES, "B": COMPLETION}


def test_equal_shares_breaks_a_tie_by_votes_then_cost_then_order():
    """Both cost their supporters half of the price each; X has more votes."""
    x, y = Project("X", 40), Project("Y", 20)
    ballots = [{"X"}, {"X"}, {"Y"}, {"Y"}]
    # Budget 80: 20 each. X: 2 supporters pay 20 (1/2); Y: 2 pay 10 (1/2). Tie on
    # share and votes: the cheaper Y first. Both are funded.
    assert equal_shares([x, y], ballots, 80).selected == ("Y", "X")
    assert equal_shares([x, y], ballots + [{"X"}], 100).selected[0] == "X"


def test_equal_shares_skips_a_proposal_larger_than_the_budget():
    outcome = equal_shares([D, C], [{"D"}, {"D"}, {"C"}], 100)
    assert outcome.selected == ("C",)


def test_no_ballots_fund_nothing():
    assert equal_shares([A], [], 100).selected == ()
    assert greedy([A], [], 100).selected == ()


def test_count_gives_votes_and_both_rules():
    result = count([A, C], [["A"], ["A", "C"], ["A", "A"]], 100)
    assert result["counts"] == {"A": 3, "C": 1}
    assert vote_counts([A], [["A", "unknown"]]) == {"A": 1}
    assert result["greedy"].selected == ("A", "C")
