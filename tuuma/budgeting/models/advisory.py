"""Advisory votes: a short public poll on a matter in its decision phase.

Secrecy as for budgeting ballots: an ``AdvisoryAnswer`` has no person and no
time; ``AdvisoryVoter`` records that someone answered (one per person and vote,
refused twice by the database) and links to the answer only while the vote is
open, so that the person can change it. The close empties every link.
"""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tuuma.budgeting.choices import (
    AdvisoryKind,
    AdvisoryStatus,
    IdentityRequirement,
)
from tuuma.hearings.models import Matter
from tuuma.organisation.models import Organisation
from tuuma.organisation.permissions import can


def _tenant():
    return models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")


class AdvisoryVoteQuerySet(models.QuerySet):
    def visible_to(self, user, organisation: Organisation) -> "AdvisoryVoteQuerySet":
        """Everyone sees open and closed votes of published matters; drafts only
        those who manage budgeting."""
        votes = self.filter(organisation=organisation)
        if can(user, "budgeting.manage", organisation):
            return votes
        return votes.exclude(status=AdvisoryStatus.DRAFT).filter(
            matter__is_published=True
        )


class AdvisoryVote(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="advisory_votes"
    )
    matter = models.ForeignKey(
        Matter,
        on_delete=models.CASCADE,
        related_name="advisory_votes",
        verbose_name=_("matter"),
    )
    question = models.CharField(_("question"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(
        _("kind of vote"), max_length=10, choices=AdvisoryKind, default="single"
    )
    identity = models.CharField(
        _("identity required to vote"),
        max_length=20,
        choices=IdentityRequirement,
        default=IdentityRequirement.SIGNED_IN,
    )
    min_age = models.PositiveSmallIntegerField(_("minimum age"), default=15)
    residents_only = models.BooleanField(
        _("residents of the municipality only"), default=True
    )
    status = models.CharField(
        max_length=10, choices=AdvisoryStatus, default=AdvisoryStatus.DRAFT
    )
    opens_on = models.DateField(
        _("opens on"),
        null=True,
        blank=True,
        help_text=_("The vote opens by itself on this day. Empty: open it by hand."),
    )
    closes_on = models.DateField(
        _("planned close"),
        help_text=_("The vote is open until the end of this day, then closes."),
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = AdvisoryVoteQuerySet.as_manager()

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("advisory vote")

    def __str__(self) -> str:
        return self.question

    def get_absolute_url(self) -> str:
        return reverse("budgeting:advisory", args=[self.pk])


class AdvisoryOption(models.Model):
    organisation = _tenant()
    vote = models.ForeignKey(
        AdvisoryVote, on_delete=models.CASCADE, related_name="options"
    )
    text = models.CharField(_("option"), max_length=200)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text


class AdvisoryAnswer(models.Model):
    """What was chosen; no person, no time."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = _tenant()
    vote = models.ForeignKey(
        AdvisoryVote, on_delete=models.CASCADE, related_name="answers"
    )

    def __str__(self) -> str:
        return str(self.pk)


class AdvisoryChoice(models.Model):
    """One chosen option; ``rank`` (1 = first) only in a ranking vote."""

    organisation = _tenant()
    answer = models.ForeignKey(
        AdvisoryAnswer, on_delete=models.CASCADE, related_name="choices"
    )
    option = models.ForeignKey(
        AdvisoryOption, on_delete=models.CASCADE, related_name="choices"
    )
    rank = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["answer", "option"], name="budgeting_advisory_option_once"
            ),
            models.UniqueConstraint(
                fields=["answer", "rank"], name="budgeting_advisory_rank_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.answer_id} → {self.option_id}"


class AdvisoryVoter(models.Model):
    """That a person answered; ``answer`` is emptied when the vote closes."""

    organisation = _tenant()
    vote = models.ForeignKey(
        AdvisoryVote, on_delete=models.CASCADE, related_name="voters"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    answer = models.OneToOneField(
        AdvisoryAnswer,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["vote", "user"], name="budgeting_advisory_one_answer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.vote_id}: {self.user_id}"
