"""Budgeting models: ``rounds`` (round, areas, proposals) and ``ballots``."""

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
