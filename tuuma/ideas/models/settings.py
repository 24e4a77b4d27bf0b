"""Each organisation's rules for ideas."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tuuma.organisation.models import Organisation


class IdeaSettings(models.Model):
    """An organisation's rules for ideas; defaults apply until someone saves them."""

    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.CASCADE,
        related_name="idea_settings",
        verbose_name=_("organisation"),
    )
    allow_anonymous = models.BooleanField(
        _("allow anonymous ideas"),
        default=False,
        help_text=_("People who are not signed in may submit ideas and feedback."),
    )
    pre_moderation = models.BooleanField(
        _("pre-moderation"),
        default=False,
        help_text=_("A moderator publishes each submitted idea before others see it."),
    )
    answer_target_days = models.PositiveSmallIntegerField(
        _("answer-time target (days)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("Days from publication to a published official answer."),
    )

    class Meta:
        verbose_name = _("idea settings")
        verbose_name_plural = _("idea settings")

    def __str__(self) -> str:
        return str(self.organisation)

    @classmethod
    def for_organisation(cls, organisation: Organisation) -> "IdeaSettings":
        found = cls.objects.filter(organisation=organisation).first()
        return found or cls(organisation=organisation)
