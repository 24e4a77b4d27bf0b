"""The organisation's strategy: focus areas and the goals measures serve."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tuuma.organisation.models import Organisation


class FocusArea(models.Model):
    """A focus area (painopiste) of the municipal strategy."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="focus_areas",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")

    def __str__(self) -> str:
        return self.name


class Goal(models.Model):
    """A strategic goal, e.g. "oman toiminnan ja prosessien uudistaminen"."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="goals",
        verbose_name=_("organisation"),
    )
    focus_area = models.ForeignKey(
        FocusArea,
        on_delete=models.PROTECT,
        related_name="goals",
        verbose_name=_("focus area"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["focus_area__order", "focus_area__name", "order", "title"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self) -> str:
        return self.title
