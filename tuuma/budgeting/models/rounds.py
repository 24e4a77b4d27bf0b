"""Participatory budgeting: a round with areas and phases, proposals, ballots.

Ballot secrecy: a ``VoterRecord`` says that a person voted in an area, a
``Ballot`` (random UUID key, no timestamp, no person) says what was chosen.
While the vote is open the record points at the ballot so that the person can
see and change it; closing the vote empties that link, after which nothing in
the database joins a person to a choice.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tuuma.budgeting.choices import (
    PHASE_ORDER,
    BallotKind,
    Feasibility,
    IdentityRequirement,
    Phase,
    ResultRule,
)
from tuuma.organisation.models import Organisation
from tuuma.organisation.permissions import can_somewhere


def _tenant():
    return models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")


class RoundQuerySet(models.QuerySet):
    def visible_to(self, user, organisation: Organisation) -> "RoundQuerySet":
        """Everyone sees published rounds; staff who manage rounds see drafts."""
        rounds = self.filter(organisation=organisation)
        if can_somewhere(user, "budgeting.manage", organisation):
            return rounds
        return rounds.exclude(phase=Phase.DRAFT)


class Round(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="budgeting_rounds"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    total_budget = models.PositiveIntegerField(_("total budget (€)"))
    ballot_kind = models.CharField(
        _("ballot"), max_length=20, choices=BallotKind, default=BallotKind.KNAPSACK
    )
    result_rule = models.CharField(
        _("rule that decides the winners"),
        max_length=20,
        choices=ResultRule,
        default=ResultRule.GREEDY,
    )
    min_age = models.PositiveSmallIntegerField(_("minimum age"), default=12)
    residents_only = models.BooleanField(_("residents of the municipality only"))
    identity = models.CharField(
        _("identity required to vote"),
        max_length=20,
        choices=IdentityRequirement,
        default=IdentityRequirement.SIGNED_IN,
    )
    phase = models.CharField(
        _("phase"), max_length=20, choices=Phase, default=Phase.DRAFT
    )
    proposals_from = models.DateField(_("proposals from"))
    cocreation_from = models.DateField(_("co-creation from"))
    estimation_from = models.DateField(_("cost estimate from"))
    voting_from = models.DateField(_("vote from"))
    voting_until = models.DateField(_("vote until"))
    implementation_from = models.DateField(_("implementation from"))
    results_published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RoundQuerySet.as_manager()

    class Meta:
        ordering = ["-proposals_from", "-pk"]
        verbose_name = _("budgeting round")

    def __str__(self) -> str:
        return self.title

    def phase_index(self) -> int:
        return PHASE_ORDER.index(self.phase)

    def is_past(self, phase: str) -> bool:
        return self.phase_index() > PHASE_ORDER.index(phase)

    @property
    def voting_open(self) -> bool:
        return self.phase == Phase.VOTING

    @property
    def results_published(self) -> bool:
        return self.results_published_at is not None

    def phase_due(self, day: date) -> str | None:
        """The later phase this round's dates give for ``day``, or None.

        A draft is published by hand; the vote closes the day after
        ``voting_until``. A round that missed its whole vote (the dates passed
        before it was ready) is left to staff rather than opened and closed at
        once. Phases may be skipped when their dates are all past."""
        if self.phase in (Phase.DRAFT, Phase.IMPLEMENTATION):
            return None
        if self.phase == Phase.VOTING:
            return Phase.IMPLEMENTATION if day > self.voting_until else None
        if day > self.voting_until:
            return None
        starts = [
            (Phase.COCREATION, self.cocreation_from),
            (Phase.ESTIMATION, self.estimation_from),
            (Phase.VOTING, self.voting_from),
        ]
        due = [
            phase for phase, start in starts if start <= day and self.is_before(phase)
        ]
        return due[-1] if due else None

    def is_before(self, phase: str) -> bool:
        return self.phase_index() < PHASE_ORDER.index(phase)

    def schedule(self) -> list[tuple[str, object, bool]]:
        """(label, start date, is current) for every public phase."""
        starts = [
            (Phase.PROPOSALS, self.proposals_from),
            (Phase.COCREATION, self.cocreation_from),
            (Phase.ESTIMATION, self.estimation_from),
            (Phase.VOTING, self.voting_from),
            (Phase.IMPLEMENTATION, self.implementation_from),
        ]
        return [(p.label, start, p == self.phase) for p, start in starts]


class AreaQuerySet(models.QuerySet):
    def visible_to(self, user, organisation: Organisation) -> "AreaQuerySet":
        """The areas of the rounds the person sees."""
        rounds = Round.objects.visible_to(user, organisation)
        return self.filter(organisation=organisation, round__in=rounds)


class Area(models.Model):
    """A district or theme with its own share of the round's budget."""

    organisation = _tenant()
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="areas")
    name = models.CharField(_("name"), max_length=100)
    budget = models.PositiveIntegerField(_("budget (€)"))
    order = models.PositiveSmallIntegerField(default=0)

    objects = AreaQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("area")

    def __str__(self) -> str:
        return self.name


class ProposalQuerySet(models.QuerySet):
    def visible_to(self, user, organisation: Organisation) -> "ProposalQuerySet":
        """Proposals of the rounds the person sees (rejected ones stay visible)."""
        rounds = Round.objects.visible_to(user, organisation)
        return self.filter(organisation=organisation, round__in=rounds)

    def on_ballot(self) -> "ProposalQuerySet":
        return self.filter(feasibility=Feasibility.FEASIBLE, merged_into=None)


class Proposal(models.Model):
    organisation = _tenant()
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="proposals")
    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("area")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    # A point on the map (WGS 84 degrees); both or neither (``places.py``).
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    cost = models.PositiveIntegerField(_("cost estimate (€)"), null=True, blank=True)
    feasibility = models.CharField(
        _("feasibility"),
        max_length=20,
        choices=Feasibility,
        default=Feasibility.PENDING,
    )
    feasibility_reason = models.TextField(_("reason"), blank=True)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged",
        verbose_name=_("merged into"),
    )
    source_idea = models.ForeignKey(
        "ideas.Idea", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    measure = models.ForeignKey(
        "programme.Measure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="budgeting_proposals",
    )
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="ProposalAuthor", related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["area__order", "pk"]
        verbose_name = _("proposal")

    def __str__(self) -> str:
        return self.title

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class ProposalAuthor(models.Model):
    organisation = _tenant()
    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="authorships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "user"], name="budgeting_one_authorship"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.proposal_id}"


class ProposalSupport(models.Model):
    organisation = _tenant()
    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="supports"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "user"], name="budgeting_one_support"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.proposal_id}"


class ProposalImageQuerySet(models.QuerySet):
    def visible_to(self, user, organisation: Organisation) -> "ProposalImageQuerySet":
        """The images of the proposals the person sees."""
        proposals = Proposal.objects.visible_to(user, organisation)
        return self.filter(organisation=organisation, proposal__in=proposals)


class ProposalImage(models.Model):
    """An image of a proposal, served by ``views.public.proposal_image`` with
    the type its content was checked to have; its file goes with the row
    (``signals.py``)."""

    organisation = _tenant()
    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="images"
    )
    image = models.ImageField(_("image"), upload_to="budgeting/%Y/")
    alt_text = models.CharField(_("description of the image"), max_length=200)
    content_type = models.CharField(max_length=50, default="image/jpeg")
    order = models.PositiveSmallIntegerField(default=0)

    objects = ProposalImageQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.alt_text
