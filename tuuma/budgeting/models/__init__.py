"""Budgeting models: ``rounds`` (round, areas, proposals), ``ballots`` and
``advisory`` (advisory votes on a matter)."""

from tuuma.budgeting.models.advisory import (
    AdvisoryAnswer,
    AdvisoryChoice,
    AdvisoryOption,
    AdvisoryVote,
    AdvisoryVoter,
)
from tuuma.budgeting.models.ballots import (
    Ballot,
    BallotChoice,
    PaperBatch,
    ResultRow,
    VoterRecord,
)
from tuuma.budgeting.models.rounds import (
    Area,
    Proposal,
    ProposalAuthor,
    ProposalImage,
    ProposalSupport,
    Round,
)

__all__ = [
    "AdvisoryAnswer",
    "AdvisoryChoice",
    "AdvisoryOption",
    "AdvisoryVote",
    "AdvisoryVoter",
    "Area",
    "Ballot",
    "BallotChoice",
    "PaperBatch",
    "Proposal",
    "ProposalAuthor",
    "ProposalImage",
    "ProposalSupport",
    "ResultRow",
    "Round",
    "VoterRecord",
]
