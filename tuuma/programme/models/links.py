"""The measure's links to people and ideas, each row carrying its organisation.

Explicit through-models (not Django's automatic join tables) so that the links,
like every other tenant row, hold an ``organisation`` key the database checks
against the measure's and the idea's (``tuuma.organisation.tenancy``).
``measure.participants`` and ``measure.ideas`` read as before; code that adds
links passes ``through_defaults=measure.link_defaults``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tuuma.organisation.models import Organisation
from tuuma.organisation.tenancy import OrganisationFromParent


class MeasureLink(OrganisationFromParent):
    """What both links hold: the measure and the measure's organisation."""

    tenant_parent = "measure"

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )
    measure = models.ForeignKey(
        "programme.Measure",
        on_delete=models.CASCADE,
        related_name="%(class)s_links",
        verbose_name=_("measure"),
    )

    class Meta:
        abstract = True


class MeasureParticipant(MeasureLink):
    """A person taking part in the work of a measure."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("participants"),
    )

    class Meta:
        # The table Django made for the former automatic join: rows stay put.
        db_table = "programme_measure_participants"
        unique_together = [("measure", "user")]
        # The names the measure's field already has (and its translations).
        verbose_name = verbose_name_plural = _("participants")


class MeasureIdea(MeasureLink):
    """An accepted idea that a measure carries out."""

    idea = models.ForeignKey(
        "ideas.Idea",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("idea"),
    )

    class Meta:
        db_table = "programme_measure_ideas"
        unique_together = [("measure", "idea")]
        verbose_name, verbose_name_plural = _("idea"), _("ideas")
