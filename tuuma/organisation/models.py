"""Municipalities (tenants), their service areas, units and people's roles."""

import hashlib
import secrets
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tuuma.lib.colour import darker, validate_accent_colour
from tuuma.organisation.roles import Role


def default_two_factor_roles() -> list[str]:
    """The roles that see personal data or administer need a second factor."""
    return [
        Role.ADMINISTRATOR.value,
        Role.MANAGER.value,
        Role.PRODUCTIVITY_LEAD.value,
        Role.CASELOG_ANALYST.value,
    ]


def _logo_path(instance: "Organisation", filename: str) -> str:
    """A fresh name per upload, so a cached old logo is never shown."""
    return f"organisation/{instance.pk}/logo-{secrets.token_hex(8)}.png"


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("Unknown time zone."), code="time_zone")


class Organisation(models.Model):
    """A municipality or joint authority: the tenant every record belongs to."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)
    is_active = models.BooleanField(_("active"), default=True)
    default_language = models.CharField(
        _("default language"),
        max_length=2,
        choices=settings.LANGUAGES,
        default="fi",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    public_origin = models.CharField(
        _("public address"),
        max_length=300,
        blank=True,
        help_text=_(
            "Scheme, host and port people use, e.g. https://tuuma.esimerkkila.fi:8443."
            " Links in e-mails and the API are built from it. Empty: the first"
            " host name."
        ),
    )
    two_factor_roles = models.JSONField(
        _("roles that need two-factor authentication"),
        default=default_two_factor_roles,
        blank=True,
    )
    # The organisation's face: a logo and an accent colour (checked against
    # WCAG AA), served as /ilme/logo and a generated stylesheet (CSP-safe).
    logo = models.ImageField(
        _("logo"),
        upload_to=_logo_path,
        blank=True,
        help_text=_("PNG, JPEG or WebP, at most 1 MB; shown in the page header."),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        blank=True,
        validators=[validate_accent_colour],
        help_text=_(
            "The colour of the header and buttons, as #rrggbb. Empty: Tuuma's blue."
        ),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Helsinki",
        validators=[validate_time_zone],
        help_text=_("Dates and times on pages, in e-mails and exports use it."),
    )
    # The area maps show and places given on them must fall in (latitude and
    # longitude in degrees, WGS 84); all four empty: anywhere.
    map_south = models.DecimalField(
        _("map area: southern edge"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        help_text=_("Latitude in degrees, e.g. 61.45."),
    )
    map_west = models.DecimalField(
        _("map area: western edge"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        help_text=_("Longitude in degrees, e.g. 23.60."),
    )
    map_north = models.DecimalField(
        _("map area: northern edge"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
    )
    map_east = models.DecimalField(
        _("map area: eastern edge"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    @property
    def origin(self) -> str:
        """``scheme://host[:port]`` of this organisation, never a request's Host."""
        if self.public_origin:
            return self.public_origin.rstrip("/")
        if not hasattr(self, "_first_host"):  # one query per instance, not per link
            domain = self.domains.order_by("pk").first()
            self._first_host = domain.host if domain else "localhost"
        return f"{settings.PUBLIC_URL_SCHEME}://{self._first_host}"

    def absolute_url(self, path: str) -> str:
        """An absolute link to ``path`` (a path starting with /) on this organisation."""
        return self.origin + path

    def clean(self) -> None:
        edges = [self.map_south, self.map_west, self.map_north, self.map_east]
        if all(edge is None for edge in edges):
            return
        if (
            any(edge is None for edge in edges)
            or not -90 <= self.map_south < self.map_north <= 90
            or not -180 <= self.map_west < self.map_east <= 180
        ):
            raise ValidationError(
                _(
                    "Give all four edges of the map area, the southern below the "
                    "northern and the western left of the eastern, or none."
                )
            )

    @property
    def map_bounds(self) -> tuple[float, float, float, float] | None:
        """(south, west, north, east) of the organisation's map area, if set."""
        edges = (self.map_south, self.map_west, self.map_north, self.map_east)
        if any(edge is None for edge in edges):
            return None
        return tuple(float(edge) for edge in edges)

    @property
    def face_version(self) -> str:
        """Changes whenever the logo or colour does: the stylesheet's cache key."""
        face = f"{self.accent_colour}|{self.logo.name if self.logo else ''}"
        return hashlib.sha256(face.encode()).hexdigest()[:12]

    @property
    def accent_dark(self) -> str:
        return darker(self.accent_colour) if self.accent_colour else ""


class Domain(models.Model):
    """A host name that serves one organisation (Decidim-style tenant lookup)."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="domains",
        verbose_name=_("organisation"),
    )
    host = models.CharField(
        _("host name"),
        max_length=253,
        unique=True,
        help_text=_("Without port, e.g. tuuma.esimerkkila.fi"),
    )

    class Meta:
        ordering = ["host"]
        verbose_name = _("domain")
        verbose_name_plural = _("domains")

    def __str__(self) -> str:
        return self.host

    def save(self, *args, **kwargs):
        self.host = self.host.strip().lower()
        super().save(*args, **kwargs)


class ServiceArea(models.Model):
    """A toimiala / palvelualue, e.g. sivistyspalvelut."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="service_areas",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("service area")
        verbose_name_plural = _("service areas")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "slug"], name="unique_area_slug_per_org"
            )
        ]

    def __str__(self) -> str:
        return self.localized_name

    @property
    def localized_name(self) -> str:
        from django.utils.translation import get_language

        language = (get_language() or "fi")[:2]
        return getattr(self, f"name_{language}", "") or self.name


class Unit(models.Model):
    """A unit (yksikkö) inside a service area."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="units",
        verbose_name=_("organisation"),
    )
    service_area = models.ForeignKey(
        ServiceArea,
        on_delete=models.CASCADE,
        related_name="units",
        verbose_name=_("service area"),
    )
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self) -> str:
        return self.name


class MembershipQuerySet(models.QuerySet):
    def for_user(self, user, organisation: Organisation) -> "MembershipQuerySet":
        return self.filter(user=user, organisation=organisation)


class Membership(models.Model):
    """One role of one person in one organisation, optionally for one area.

    A membership without a service area applies to the whole organisation.
    """

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    service_area = models.ForeignKey(
        ServiceArea,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("service area"),
        help_text=_("Empty: the role applies to the whole organisation."),
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("unit"),
    )
    title = models.CharField(_("job title"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "user", "role"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user", "role", "service_area"],
                name="unique_area_membership",
            ),
            models.UniqueConstraint(
                fields=["organisation", "user", "role"],
                condition=models.Q(service_area__isnull=True),
                name="unique_organisation_membership",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()}"
