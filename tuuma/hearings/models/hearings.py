"""A hearing on a draft, its versioned sections and the sections' questions."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tuuma.hearings.choices import (
    IDENTITY_RANK,
    USER_LEVEL_RANK,
    Audience,
    HearingStatus,
    Identity,
    QuestionKind,
)
from tuuma.hearings.models.common import Localized, image_path
from tuuma.organisation.models import Organisation, ServiceArea
from tuuma.organisation.permissions import can, is_staff_member


class HearingQuerySet(models.QuerySet):
    def visible_to(self, user, organisation: Organisation) -> "HearingQuerySet":
        """Staff who prepare hearings see drafts; everyone else the published."""
        hearings = self.filter(organisation=organisation)
        if can(user, "hearings.view_drafts", organisation):
            return hearings
        return hearings.exclude(status=HearingStatus.DRAFT)

    def open_now(self) -> "HearingQuerySet":
        now = timezone.now()
        return self.filter(
            status=HearingStatus.PUBLISHED, opens_at__lte=now, closes_at__gt=now
        )

    def upcoming(self) -> "HearingQuerySet":
        return self.filter(status=HearingStatus.PUBLISHED, opens_at__gt=timezone.now())

    def ended(self) -> "HearingQuerySet":
        return self.filter(
            models.Q(status=HearingStatus.CLOSED)
            | models.Q(status=HearingStatus.PUBLISHED, closes_at__lte=timezone.now())
        )

    def search(self, text: str) -> "HearingQuerySet":
        return self.filter(
            models.Q(title__icontains=text)
            | models.Q(title_sv__icontains=text)
            | models.Q(title_en__icontains=text)
            | models.Q(summary__icontains=text)
        )


class Hearing(Localized, models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="hearings"
    )
    service_area = models.ForeignKey(
        ServiceArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service area"),
    )
    matter = models.ForeignKey(
        "hearings.Matter",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hearings",
        verbose_name=_("matter"),
    )
    title = models.CharField(_("title"), max_length=200)
    title_sv = models.CharField(_("title in Swedish"), max_length=200, blank=True)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    summary = models.TextField(_("summary"))
    summary_sv = models.TextField(_("summary in Swedish"), blank=True)
    summary_en = models.TextField(_("summary in English"), blank=True)
    plain_summary = models.TextField(
        _("plain-language summary"),
        blank=True,
        help_text=_("Selkokieli: short sentences, everyday words."),
    )
    languages = models.CharField(
        _("languages"),
        max_length=20,
        default="fi",
        help_text=_("Language codes separated by commas, e.g. fi,sv,en."),
    )
    audience = models.CharField(
        _("audience"),
        max_length=20,
        choices=Audience.choices,
        default=Audience.EVERYONE,
    )
    identity = models.CharField(
        _("who may comment"),
        max_length=20,
        choices=Identity.choices,
        default=Identity.SIGNED_IN,
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=HearingStatus.choices,
        default=HearingStatus.DRAFT,
    )
    preview_token = models.CharField(max_length=40, editable=False)
    report_summary = models.TextField(_("summary of what we heard"), blank=True)
    report_published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = HearingQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at", "-pk"]
        verbose_name = _("hearing")
        verbose_name_plural = _("hearings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="hearing_closes_after_opening",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.preview_token:
            self.preview_token = secrets.token_urlsafe(24)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("hearings:hearing", args=[self.pk])

    @property
    def language_list(self) -> list[str]:
        return [c.strip() for c in self.languages.split(",") if c.strip()]

    @property
    def is_open(self) -> bool:
        now = timezone.now()
        return (
            self.status == HearingStatus.PUBLISHED
            and self.opens_at <= now < self.closes_at
        )

    @property
    def is_upcoming(self) -> bool:
        return self.status == HearingStatus.PUBLISHED and self.opens_at > timezone.now()

    @property
    def has_ended(self) -> bool:
        return self.status == HearingStatus.CLOSED or (
            self.status == HearingStatus.PUBLISHED and self.closes_at <= timezone.now()
        )

    @property
    def report_is_published(self) -> bool:
        return self.report_published_at is not None

    def admits(self, user) -> bool:
        """Whether the person is in the audience and their identity meets the
        hearing's level."""
        if self.audience == Audience.STAFF and not is_staff_member(
            user, self.organisation
        ):
            return False
        if self.audience == Audience.RESIDENTS and not (
            user.is_authenticated
            and (user.is_superuser or user.organisation_id == self.organisation_id)
        ):
            return False
        return self.admits_level(user)

    def admits_level(self, user) -> bool:
        needed = IDENTITY_RANK[self.identity]
        if not needed:
            return True
        if not user.is_authenticated:
            return False
        return USER_LEVEL_RANK.get(user.identity_level, 0) >= needed


class SectionQuerySet(models.QuerySet):
    def visible_to(self, user, organisation: Organisation) -> "SectionQuerySet":
        return self.filter(hearing__in=Hearing.objects.visible_to(user, organisation))


class Section(Localized, models.Model):
    """A part of the draft. Editing it keeps the old text as a ``SectionVersion``,
    so comments stay tied to the text they were written on."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    hearing = models.ForeignKey(
        Hearing, on_delete=models.CASCADE, related_name="sections"
    )
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("title"), max_length=200)
    title_sv = models.CharField(_("title in Swedish"), max_length=200, blank=True)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    body = models.TextField(_("text"))
    body_sv = models.TextField(_("text in Swedish"), blank=True)
    body_en = models.TextField(_("text in English"), blank=True)
    image = models.FileField(_("image"), upload_to=image_path, blank=True)
    image_alt = models.CharField(
        _("image description"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    version = models.PositiveIntegerField(default=1)

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return self.title

    @property
    def permission_area_id(self) -> int | None:
        return self.hearing.service_area_id


class SectionVersion(models.Model):
    """The section's text as it was in one version (the current one included)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["section", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["section", "number"], name="one_section_version_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.number})"


class Question(Localized, models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices)
    text = models.CharField(_("question"), max_length=300)
    text_sv = models.CharField(_("question in Swedish"), max_length=300, blank=True)
    text_en = models.CharField(_("question in English"), max_length=300, blank=True)
    options = models.TextField(
        _("options"), blank=True, help_text=_("One option per line.")
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text

    @property
    def option_list(self) -> list[str]:
        return [o.strip() for o in self.options.splitlines() if o.strip()]

    @property
    def has_options(self) -> bool:
        return self.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE)


class Answer(models.Model):
    """One person's answer to one question; the database keeps it to one.

    ``respondent_key`` is ``u<user id>`` for a signed-in person and ``s<token>``
    for a visitor of an anonymous hearing (the token lives in their session).
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+"
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="answers"
    )
    respondent_key = models.CharField(max_length=80)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hearing_answers",
    )
    choices = models.JSONField(default=list, blank=True)
    scale = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["question", "respondent_key"], name="one_answer_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.respondent_key}"
