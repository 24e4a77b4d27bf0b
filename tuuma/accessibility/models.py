"""An organisation's accessibility statement (laki digitaalisten palvelujen
tarjoamisesta 306/2019, EU model statement 2018/1523)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

DEFAULT_AUTHORITY = (
    "Saavutettavuusvalvonta / Tillgänglighetstillsynen\n"
    "Etelä-Suomen aluehallintovirasto / Regionförvaltningsverket i Södra Finland "
    "(from 2026: Liikenne- ja viestintävirasto Traficom)\n"
    "www.saavutettavuusvaatimukset.fi\n"
    "saavutettavuus@avi.fi\n"
    "+358 295 016 000"
)

# The law asks for an answer within 14 days; a longer ideas target is not used.
LEGAL_ANSWER_DAYS = 14


class Compliance(models.TextChoices):
    FULL = "full", _("Fully compliant")
    PARTIAL = "partial", _("Partially compliant")
    NOT = "not", _("Not compliant")


class Assessment(models.TextChoices):
    SELF = "self", _("Self-assessment")
    THIRD_PARTY = "third_party", _("Assessment by a third party")


class AccessibilityStatement(models.Model):
    organisation = models.OneToOneField(
        "organisation.Organisation",
        on_delete=models.CASCADE,
        related_name="accessibility_statement",
        verbose_name=_("organisation"),
    )
    compliance = models.CharField(
        _("compliance status"),
        max_length=16,
        choices=Compliance.choices,
        default=Compliance.PARTIAL,
    )
    non_accessible_fi = models.TextField(
        _("non-accessible content and reasons (Finnish)"), blank=True
    )
    non_accessible_sv = models.TextField(
        _("non-accessible content and reasons (Swedish)"), blank=True
    )
    non_accessible_en = models.TextField(
        _("non-accessible content and reasons (English)"), blank=True
    )
    assessment = models.CharField(
        _("how it was assessed"),
        max_length=16,
        choices=Assessment.choices,
        default=Assessment.SELF,
    )
    prepared_on = models.DateField(
        _("statement prepared on"), default=timezone.localdate
    )
    reviewed_on = models.DateField(_("last reviewed on"), default=timezone.localdate)
    feedback_email = models.EmailField(_("feedback e-mail address"), blank=True)
    authority_contact = models.TextField(
        _("supervisory authority"), default=DEFAULT_AUTHORITY
    )

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")

    def __str__(self) -> str:
        return str(self.organisation)

    @classmethod
    def for_organisation(cls, organisation) -> "AccessibilityStatement":
        """The saved statement, or the default one (not saved) until then."""
        found = cls.objects.filter(organisation=organisation).first()
        return found or cls(organisation=organisation)

    @property
    def non_accessible(self) -> str:
        language = (get_language() or "fi")[:2]
        return getattr(self, f"non_accessible_{language}", "") or self.non_accessible_fi

    @property
    def review_overdue(self) -> bool:
        """The statement must be reviewed at least once a year."""
        return (timezone.localdate() - self.reviewed_on).days > 365
