"""Ballots, the separate record that someone voted, paper batches and results."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tuuma.budgeting.models.rounds import Area, Proposal
from tuuma.organisation.models import Organisation


def _tenant():
    return models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")


class PaperBatch(models.Model):
    """Paper ballots from one voting station, counted once a second person
    (not the one who typed them in) has confirmed them."""

    organisation = _tenant()
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="batches")
    station = models.CharField(_("voting station"), max_length=100)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.station} ({self.area_id})"


class BallotQuerySet(models.QuerySet):
    def counted(self) -> "BallotQuerySet":
        """Online ballots and paper ballots of confirmed batches."""
        return self.filter(
            models.Q(batch=None) | models.Q(batch__confirmed_at__isnull=False)
        )


class Ballot(models.Model):
    """What was chosen in one area; no person, no time (see models.py)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = _tenant()
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="ballots")
    batch = models.ForeignKey(
        PaperBatch,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="ballots",
    )

    objects = BallotQuerySet.as_manager()

    def __str__(self) -> str:
        return str(self.pk)


class BallotChoice(models.Model):
    organisation = _tenant()
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="choices")
    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="ballot_choices"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["ballot", "proposal"], name="budgeting_choice_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.ballot_id} → {self.proposal_id}"


class VoterRecord(models.Model):
    """That a person voted in an area: one per person and area (the database
    refuses a second). ``ballot`` is emptied when the vote closes."""

    organisation = _tenant()
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="voters")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    age_band = models.CharField(max_length=10, blank=True)
    ballot = models.OneToOneField(
        Ballot, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    voted_on = models.DateField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["area", "user"], name="budgeting_one_ballot_per_area"
            )
        ]

    def __str__(self) -> str:
        return f"{self.area_id}: {self.user_id}"


class ResultRow(models.Model):
    """The published count of one proposal: votes and whether each rule funds it."""

    organisation = _tenant()
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="results")
    proposal = models.OneToOneField(
        Proposal, on_delete=models.CASCADE, related_name="result"
    )
    votes = models.PositiveIntegerField()
    greedy_selected = models.BooleanField()
    equal_shares_stage = models.CharField(max_length=20, blank=True)
    is_winner = models.BooleanField()

    class Meta:
        ordering = ["area__order", "-votes", "proposal_id"]

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.votes}"

    @property
    def equal_shares_selected(self) -> bool:
        return bool(self.equal_shares_stage)
