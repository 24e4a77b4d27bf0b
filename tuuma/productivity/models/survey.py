"""The working-life pulse survey. Answers are anonymous by construction: the
response row holds the unit and the values, never the person; that a person
answered is a separate row that cannot be joined to the response (no key, no
shared time stamp finer than the day)."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tuuma.organisation.models import Organisation, Unit


class Survey(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))

    class Meta:
        ordering = ["-opens_on", "pk"]
        verbose_name = _("working-life survey")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("productivity:survey", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.opens_on <= timezone.localdate() <= self.closes_on


class Statement(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="statements"
    )
    order = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(_("statement in Finnish"), max_length=300)
    text_sv = models.CharField(_("statement in Swedish"), max_length=300, blank=True)
    text_en = models.CharField(_("statement in English"), max_length=300, blank=True)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.localized_text

    @property
    def localized_text(self) -> str:
        language = (get_language() or "fi")[:2]
        return getattr(self, f"text_{language}", "") or self.text


class SurveyResponse(models.Model):
    # Random keys and no time stamps: the order of insertion, which could be
    # matched with the participation rows, is not kept anywhere.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="responses"
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    recommendation = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(10)]
    )

    def __str__(self) -> str:
        return str(self.pk)


class SurveyAnswer(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    response = models.ForeignKey(
        SurveyResponse, on_delete=models.CASCADE, related_name="answers"
    )
    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="answers"
    )
    value = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "statement"], name="one_answer_per_statement"
            )
        ]

    def __str__(self) -> str:
        return f"{self.statement_id}: {self.value}"


class SurveyParticipation(models.Model):
    """That a person has answered a survey: nothing about what they answered."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="participations"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "person"], name="one_participation_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey_id}: {self.person_id}"


class SurveyRemark(models.Model):
    """A free-text remark, kept apart from the response: no unit, no key to the
    answers, no time stamp, so neither the values nor the person can be joined to
    it. Only a remark its writer allowed may become an idea (``may_become_idea``)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="remarks")
    text = models.TextField(_("remark"), max_length=2000)
    may_become_idea = models.BooleanField(_("may become an idea"), default=False)
    idea = models.OneToOneField(
        "ideas.Idea",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["text", "pk"]  # never the order of writing

    def __str__(self) -> str:
        return self.text[:50]
