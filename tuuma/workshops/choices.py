"""The choice sets of workshops: audiences, anonymity, states and step kinds."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    STAFF = "staff", _("Staff of a unit")
    RESIDENTS = "residents", _("Residents")
    MIXED = "mixed", _("Mixed")


class Anonymity(models.TextChoices):
    ANONYMOUS = "anonymous", _("Anonymous: nicknames are not shown")
    NICKNAME = "nickname", _("Nickname or anonymous, participant's choice")
    SIGNED_IN = "signed_in", _("Signed-in participants only")


class SessionStatus(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class StepKind(models.TextChoices):
    IDEATE = "ideate", _("Ideate")
    QA = "qa", _("Questions and answers")
    CLUSTER = "cluster", _("Cluster")
    DOTS = "dots", _("Dot voting")
    POINTS = "points", _("100 points")
    RANKING = "ranking", _("Ranking")
    PAIRWISE = "pairwise", _("Pairwise comparison")
    MATRIX = "matrix", _("Impact and effort")
    POLL = "poll", _("Poll")


VOTING_KINDS = {
    StepKind.DOTS,
    StepKind.POINTS,
    StepKind.RANKING,
    StepKind.PAIRWISE,
    StepKind.MATRIX,
    StepKind.POLL,
}
WRITING_KINDS = {StepKind.IDEATE, StepKind.QA}


class StepState(models.TextChoices):
    PENDING = "pending", _("Not started")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
