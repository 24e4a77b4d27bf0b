"""The states and settings of a budgeting round, its proposals and its ballots."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Phase(models.TextChoices):
    """A round moves through these in order, on its dates (``schedule.py``) or
    when staff move it on; either way it is audited."""

    DRAFT = "draft", _("Draft")
    PROPOSALS = "proposals", _("Proposals")
    COCREATION = "cocreation", _("Co-creation")
    ESTIMATION = "estimation", _("Cost estimate and feasibility")
    VOTING = "voting", _("Vote")
    IMPLEMENTATION = "implementation", _("Implementation")


PHASE_ORDER = list(Phase.values)
# How many images one proposal may have.
MAX_IMAGES = 5
# The phases whose start date the round shows, in order (draft has none).
SCHEDULED_PHASES = PHASE_ORDER[1:]


class BallotKind(models.TextChoices):
    KNAPSACK = "knapsack", _("Choose proposals that fit the budget")
    APPROVAL = "approval", _("Approve any number of proposals")


class ResultRule(models.TextChoices):
    GREEDY = "greedy", _("Most votes first")
    EQUAL_SHARES = "equal_shares", _("Method of Equal Shares")


class IdentityRequirement(models.TextChoices):
    EMAIL = "email", _("E-mail address confirmed")
    SIGNED_IN = "signed_in", _("Signed in with a password or identity provider")
    STRONG = "strong", _("Strong electronic identification")


# accounts.IdentityLevel value -> strength; a requirement needs at least its own.
IDENTITY_STRENGTH = {"email": 0, "password": 1, "oidc": 1, "strong": 2}
REQUIRED_STRENGTH = {"email": 0, "signed_in": 1, "strong": 2}


class Feasibility(models.TextChoices):
    PENDING = "pending", _("Not yet estimated")
    FEASIBLE = "feasible", _("Feasible")
    UNFEASIBLE = "unfeasible", _("Not feasible")


# Age bands for turnout; a band with fewer than MIN_GROUP voters is not shown.
AGE_BANDS = ((0, 17), (18, 29), (30, 44), (45, 64), (65, 200))
MIN_GROUP = 5


def age_band(age: int | None) -> str:
    if age is None:
        return ""
    for low, high in AGE_BANDS:
        if low <= age <= high:
            return f"{low}-{high}" if high < 200 else f"{low}+"
    return ""


class AdvisoryKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    RANKING = "ranking", _("Ranking")


class AdvisoryStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
