"""Workshops: a session of ordered steps that participants join with a code.

Every contribution is a row: notes, and votes whose uniqueness the database
enforces (one row per dot, per participant and item), so counts are COUNT/SUM
over rows and a double click or a retried request cannot count twice.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tuuma.organisation.models import Organisation, ServiceArea
from tuuma.organisation.permissions import can_somewhere
from tuuma.workshops.choices import (  # noqa: F401  (re-exported for callers)
    VOTING_KINDS,
    WRITING_KINDS,
    Anonymity,
    Audience,
    SessionStatus,
    StepKind,
    StepState,
)

# No 0/O/1/I/L: codes are read aloud and typed from a projector.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8  # 31^8 ≈ 8.5e11; with the join rate limit, guessing is hopeless


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH))


def new_token() -> str:
    return secrets.token_urlsafe(24)


class SessionQuerySet(models.QuerySet):
    def visible_to(self, user, organisation: Organisation) -> "SessionQuerySet":
        """Staff see their organisation's sessions; participants use the join code."""
        sessions = self.filter(organisation=organisation)
        if user.is_authenticated and can_somewhere(
            user, "workshops.view", organisation
        ):
            return sessions
        return sessions.none()


class Session(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="workshop_sessions"
    )
    title = models.CharField(_("title"), max_length=200)
    purpose = models.TextField(_("purpose"), blank=True)
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.STAFF
    )
    languages = models.CharField(
        _("languages"),
        max_length=20,
        default="fi",
        help_text=_("Language codes separated by commas, e.g. fi,sv,en."),
    )
    anonymity = models.CharField(
        _("anonymity"),
        max_length=20,
        choices=Anonymity.choices,
        default=Anonymity.NICKNAME,
    )
    min_group_size = models.PositiveSmallIntegerField(
        _("minimum group size"),
        default=5,
        help_text=_("Results are never broken down by group below this size."),
    )
    groups = models.TextField(
        _("groups"),
        blank=True,
        help_text=_(
            "Optional: one group (unit, team) per line; participants pick one."
        ),
    )
    service_area = models.ForeignKey(
        ServiceArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service area"),
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="facilitated_sessions",
        verbose_name=_("facilitator"),
    )
    is_self_paced = models.BooleanField(
        _("self-paced"),
        default=False,
        help_text=_("Participants move through open steps at their own pace."),
    )
    code = models.CharField(_("join code"), max_length=12, unique=True)
    status = models.CharField(
        max_length=10, choices=SessionStatus.choices, default=SessionStatus.DRAFT
    )
    current_step = models.ForeignKey(
        "Step", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    copied_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("workshop")

    def __str__(self) -> str:
        return self.title

    @property
    def group_list(self) -> list[str]:
        return [g.strip() for g in self.groups.splitlines() if g.strip()]

    @property
    def language_list(self) -> list[str]:
        return [c.strip() for c in self.languages.split(",") if c.strip()]

    @property
    def is_closed(self) -> bool:
        return self.status == SessionStatus.CLOSED

    @property
    def shows_names(self) -> bool:
        return self.anonymity != Anonymity.ANONYMOUS


class Step(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("kind"), max_length=12, choices=StepKind.choices)
    prompt = models.CharField(_("prompt"), max_length=300)
    state = models.CharField(
        max_length=10, choices=StepState.choices, default=StepState.PENDING
    )
    results_revealed = models.BooleanField(default=False)
    premoderate = models.BooleanField(
        _("pre-moderate"),
        default=False,
        help_text=_("Notes and questions appear only after the facilitator approves."),
    )
    budget = models.PositiveSmallIntegerField(
        _("dots per person"), default=5, help_text=_("Dot voting only.")
    )
    max_per_item = models.PositiveSmallIntegerField(
        _("maximum dots per item"), default=3, help_text=_("1 = one per item.")
    )
    timer_minutes = models.PositiveSmallIntegerField(
        _("timer (minutes)"), null=True, blank=True
    )
    closes_at = models.DateTimeField(null=True, blank=True)
    options = models.TextField(
        _("poll options"), blank=True, help_text=_("Poll only: one option per line.")
    )

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.position + 1}. {self.get_kind_display()}"

    @property
    def option_list(self) -> list[str]:
        return [o.strip() for o in self.options.splitlines() if o.strip()]

    @property
    def is_open(self) -> bool:
        return self.state == StepState.OPEN

    @property
    def is_voting(self) -> bool:
        return self.kind in VOTING_KINDS

    @property
    def is_writing(self) -> bool:
        return self.kind in WRITING_KINDS


class Participant(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="participants"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    nickname = models.CharField(_("nickname"), max_length=40, blank=True)
    group = models.CharField(_("group"), max_length=100, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="workshop_participations",
    )
    is_paper = models.BooleanField(default=False)
    joined_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.nickname or f"#{self.pk}"


class Cluster(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="clusters"
    )
    title = models.CharField(_("name"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def key(self) -> str:
        return f"c{self.pk}"


class Note(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="notes")
    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="notes")
    participant = models.ForeignKey(
        Participant, on_delete=models.SET_NULL, null=True, related_name="notes"
    )
    text = models.TextField(_("text"), max_length=1000)
    cluster = models.ForeignKey(
        Cluster, on_delete=models.SET_NULL, null=True, blank=True, related_name="notes"
    )
    is_approved = models.BooleanField(default=True)
    is_hidden = models.BooleanField(default=False)
    is_paper = models.BooleanField(_("from paper"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def key(self) -> str:
        return f"n{self.pk}"

    @property
    def title(self) -> str:
        return self.text


class Vote(models.Model):
    """One dot, one upvote, one allocation, one placement or one poll answer.

    ``item`` is "n<note id>", "c<cluster id>" or "o<option index>"; ``slot``
    numbers the dots one person puts on one item, so (step, participant, item,
    slot) is unique and a dot cannot be counted twice.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="votes")
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="votes"
    )
    item = models.CharField(max_length=20)
    slot = models.PositiveSmallIntegerField(default=0)
    points = models.PositiveIntegerField(default=1)
    impact = models.PositiveSmallIntegerField(null=True, blank=True)
    effort = models.PositiveSmallIntegerField(null=True, blank=True)
    is_paper = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["step", "participant", "item", "slot"], name="one_vote_row"
            )
        ]
        indexes = [models.Index(fields=["step", "item"])]

    def __str__(self) -> str:
        return f"{self.item}#{self.slot}"


class Duel(models.Model):
    """One pairwise choice; a participant judges each pair once."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="duels")
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="duels"
    )
    pair = models.CharField(max_length=41)
    winner = models.CharField(max_length=20)
    loser = models.CharField(max_length=20)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["step", "participant", "pair"], name="one_duel_per_pair"
            )
        ]

    def __str__(self) -> str:
        return f"{self.winner} > {self.loser}"


class Outcome(models.Model):
    """Where a note or cluster went in the backlog: a new idea or a supported one."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="outcomes"
    )
    item = models.CharField(max_length=20)
    label = models.CharField(max_length=1000)
    cluster = models.ForeignKey(
        Cluster, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    idea = models.ForeignKey(
        "ideas.Idea", on_delete=models.CASCADE, related_name="workshop_outcomes"
    )
    is_new_idea = models.BooleanField(default=True)
    votes = models.PositiveIntegerField(default=0)
    measure = models.ForeignKey(
        "programme.Measure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="workshop_outcomes",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "item"], name="one_outcome")
        ]

    def __str__(self) -> str:
        return self.label[:60]
