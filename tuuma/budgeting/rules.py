"""Who may do what in participatory budgeting.

Rounds, proposals and results are public once a round is published (drafts only
for those who manage rounds, through ``visible_to``). Signed-in people of the
organisation propose, support and vote; whether they are eligible for a
particular vote (age, residence, identity level) and whether the phase is open
is answered by the actions with a clear message, not by a refusal.
"""

from tuuma.organisation.permissions import LEADS, STAFF_ROLES, Rule

RULES = {
    "budgeting.view": Rule(public=True, describe="See rounds, proposals and results"),
    "budgeting.take_part": Rule(
        residents=True, describe="Propose, support proposals and vote"
    ),
    "budgeting.manage": Rule(
        LEADS,
        describe="Prepare rounds, move phases, estimate costs, merge, close the "
        "vote and carry winners into the programme",
    ),
    "budgeting.paper": Rule(
        STAFF_ROLES,
        describe="Enter and confirm paper ballots from a voting station",
    ),
}
