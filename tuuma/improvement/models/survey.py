"""Kano surveys: features to test, one response per respondent, its answers."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tuuma.organisation.models import Organisation, ServiceArea
from tuuma.organisation.permissions import is_staff_member

LANGUAGES = ("fi", "sv", "en")


def in_language(obj, prefix: str) -> str:
    """``obj.<prefix>_<lang>`` in the current language, else the first one given."""
    language = (get_language() or "fi")[:2]
    first = getattr(obj, f"{prefix}_{language}", "")
    return first or next(
        (
            getattr(obj, f"{prefix}_{code}")
            for code in LANGUAGES
            if getattr(obj, f"{prefix}_{code}")
        ),
        "",
    )


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Residents and staff")
    RESIDENTS = "residents", _("Residents")
    STAFF = "staff", _("Staff")


class Segment(models.TextChoices):
    RESIDENT = "resident", _("Resident")
    STAFF = "staff", _("Staff")


class KanoSurveyQuerySet(models.QuerySet):
    def visible_to(self, user, organisation: Organisation) -> "KanoSurveyQuerySet":
        """Staff see every survey; others only those that have been opened."""
        mine = self.filter(organisation=organisation)
        if is_staff_member(user, organisation):
            return mine
        return mine.exclude(status=SurveyStatus.DRAFT)


class KanoSurvey(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    service_area = models.ForeignKey(
        ServiceArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("service area"),
        help_text=_("Leave empty for a survey of the whole organisation."),
    )
    title_fi = models.CharField(_("title in Finnish"), max_length=200)
    title_sv = models.CharField(_("title in Swedish"), max_length=200, blank=True)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    intro_fi = models.TextField(_("introduction in Finnish"), blank=True)
    intro_sv = models.TextField(_("introduction in Swedish"), blank=True)
    intro_en = models.TextField(_("introduction in English"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=SurveyStatus.choices, default="draft"
    )
    audience = models.CharField(
        _("who answers"), max_length=10, choices=Audience.choices, default="everyone"
    )
    allow_anonymous = models.BooleanField(
        _("anonymous answers allowed"),
        default=False,
        help_text=_("Without logging in; one answer per browser."),
    )
    ask_importance = models.BooleanField(
        _("ask self-stated importance (1-9)"), default=False
    )
    tie_threshold = models.DecimalField(
        _("tie threshold (percentage points)"),
        max_digits=4,
        decimal_places=1,
        default=5,
        help_text=_("Top categories this close count as a tie: M > O > A > I."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = KanoSurveyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Kano survey")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("improvement:survey", args=[self.pk])

    @property
    def title(self) -> str:
        return in_language(self, "title")

    @property
    def intro(self) -> str:
        return in_language(self, "intro")

    @property
    def is_open(self) -> bool:
        return self.status == SurveyStatus.OPEN


class KanoFeature(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    survey = models.ForeignKey(
        KanoSurvey, on_delete=models.CASCADE, related_name="features"
    )
    position = models.PositiveIntegerField(default=0)
    name_fi = models.CharField(_("feature in Finnish"), max_length=200)
    name_sv = models.CharField(_("feature in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("feature in English"), max_length=200, blank=True)
    idea = models.ForeignKey(
        "ideas.Idea",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="kano_features",
        verbose_name=_("idea"),
    )
    measure = models.ForeignKey(
        "programme.Measure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="kano_features",
        verbose_name=_("measure"),
    )

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_language(self, "name")

    @property
    def service_area_id(self):
        return self.survey.service_area_id


class KanoResponse(models.Model):
    """One respondent's answers: unique per person, or per browser token."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    survey = models.ForeignKey(
        KanoSurvey, on_delete=models.CASCADE, related_name="responses"
    )
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    browser_token = models.CharField(max_length=64, blank=True)
    segment = models.CharField(max_length=10, choices=Segment.choices)
    service_area = models.ForeignKey(
        ServiceArea, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "respondent"],
                condition=models.Q(respondent__isnull=False),
                name="improvement_one_response_per_person",
            ),
            models.UniqueConstraint(
                fields=["survey", "browser_token"],
                condition=~models.Q(browser_token=""),
                name="improvement_one_response_per_browser",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survey_id}/{self.pk}"


class KanoAnswer(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    response = models.ForeignKey(
        KanoResponse, on_delete=models.CASCADE, related_name="answers"
    )
    feature = models.ForeignKey(
        KanoFeature, on_delete=models.CASCADE, related_name="answers"
    )
    functional = models.PositiveSmallIntegerField()
    dysfunctional = models.PositiveSmallIntegerField()
    importance = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "feature"],
                name="improvement_one_answer_per_feature",
            ),
            models.CheckConstraint(
                condition=models.Q(functional__gte=1, functional__lte=5)
                & models.Q(dysfunctional__gte=1, dysfunctional__lte=5),
                name="improvement_answers_one_to_five",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.functional}/{self.dysfunctional}"
