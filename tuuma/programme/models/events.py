"""The history of a measure: every change of status, dates, owner or result."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from tuuma.organisation.models import Organisation
from tuuma.programme.models.measures import Measure, MeasureStatus


class EventKind(models.TextChoices):
    CREATED = "created", _("Created")
    STATUS = "status", _("Status changed")
    DATES = "dates", _("Dates changed")
    OWNER = "owner", _("Owner changed")
    RESULT = "result", _("Result recorded")
    PUBLISHED = "published", _("Publication changed")
    IDEA_LINKED = "idea_linked", _("Idea linked")


FIELD_LABELS = {
    "status": _("status"),
    "start_date": _("start date"),
    "due_date": _("due date"),
    "owner": _("owner"),
    "is_published": _("published"),
    "result_achieved": _("what we achieved"),
    "idea": _("idea"),
}


class MeasureEvent(models.Model):
    """Who changed what and when. ``changes`` maps a field to [old, new] as text."""

    # The tenant key, copied from the measure when the row is created, so
    # isolation can be checked (and the table partitioned) without a join.
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )
    measure = models.ForeignKey(
        Measure,
        on_delete=models.CASCADE,
        related_name="events",
        verbose_name=_("measure"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=EventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("measure event")
        verbose_name_plural = _("measure events")

    def __str__(self) -> str:
        return f"{self.measure}: {self.get_kind_display()}"

    def describe(self) -> list[tuple[str, str, str]]:
        """(field label, old, new) rows in the current language."""

        def show(field: str, value) -> str:
            if value in (None, ""):
                return "–"
            if field == "status":
                return str(MeasureStatus(value).label)
            if field.endswith("_date"):
                return date_format(date.fromisoformat(value), "SHORT_DATE_FORMAT")
            if field == "is_published":
                return str(_("yes") if value else _("no"))
            return str(value)

        return [
            (str(FIELD_LABELS.get(field, field)), show(field, old), show(field, new))
            for field, (old, new) in self.changes.items()
        ]
