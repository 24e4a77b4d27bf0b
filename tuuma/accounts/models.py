"""People who sign in. Each belongs to one organisation; e-mail is unique there."""

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import (
    AbstractBaseUser,
    BaseUserManager,
    PermissionsMixin,
)
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, *, organisation=None, **extra):
        user = self.model(
            email=self.normalize_email(email).lower(),
            organisation=organisation,
            **extra,
        )
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email, organisation__isnull=True)


class IdentityLevel(models.TextChoices):
    """How the person proved who they are (hearings may ask for a level)."""

    EMAIL = "email", _("E-mail address confirmed")
    PASSWORD = "password", _("Password")  # noqa: S105
    OIDC = "oidc", _("Identity provider")
    STRONG = "strong", _("Strong electronic identification")


class User(AbstractBaseUser, PermissionsMixin):
    """A person. Platform superusers have no organisation."""

    organisation = models.ForeignKey(
        "organisation.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("organisation"),
    )
    email = models.EmailField(_("e-mail address"))
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=settings.LANGUAGES,
        default="fi",
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("admin site access"),
        default=False,
        help_text=_("Whether the person may sign in to the administration site."),
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # Rotated by "log out everywhere": it is part of the session hash, so every
    # session signed before the rotation stops matching.
    session_salt = models.CharField(max_length=32, blank=True, editable=False)
    identity_level = models.CharField(
        _("identity level"),
        max_length=20,
        choices=IdentityLevel.choices,
        default=IdentityLevel.PASSWORD,
        help_text=_("How strongly the person's identity was last established."),
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        ordering = ["full_name", "email"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "email"], name="unique_email_per_organisation"
            ),
            models.UniqueConstraint(
                fields=["email"],
                condition=models.Q(organisation__isnull=True),
                name="unique_platform_email",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return (self.full_name or self.email).split(" ")[0]

    def _get_session_auth_hash(self, secret=None):
        key_salt = "tuuma.accounts.User.session_auth_hash"
        return salted_hmac(
            key_salt,
            f"{self.password}:{self.session_salt}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    def end_all_sessions(self) -> None:
        """Every session of this person, on every device, stops being valid."""
        self.session_salt = secrets.token_hex(16)
        self.save(update_fields=["session_salt"])


def _hash_token(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def visible_to(self, user, organisation) -> "ApiTokenQuerySet":
        """A person sees only their own live tokens, on their own organisation."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            user=user, user__organisation=organisation, revoked_at__isnull=True
        )

    def for_key(self, key: str) -> "ApiToken | None":
        return (
            self.select_related("user", "user__organisation")
            .filter(key_hash=_hash_token(key), revoked_at__isnull=True)
            .first()
        )


class ApiToken(models.Model):
    """A personal API token. Only its hash is stored; the key is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("person"),
    )
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=8, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @classmethod
    def issue(cls, *, user, name: str) -> tuple["ApiToken", str]:
        """Create a token; returns it with the plain key, which is never stored."""
        key = secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, name=name, key_hash=_hash_token(key), prefix=key[:8]
        )
        return token, key


class OidcProvider(models.Model):
    """An OpenID Connect identity provider (an identity broker such as Keycloak or
    Tunnistamo, Suomi.fi through one) one organisation lets its people log in with."""

    organisation = models.ForeignKey(
        "organisation.Organisation",
        on_delete=models.CASCADE,
        related_name="oidc_providers",
        verbose_name=_("organisation"),
    )
    slug = models.SlugField(_("slug"))
    label = models.CharField(
        _("button label"), max_length=100, help_text=_("e.g. Log in with Suomi.fi")
    )
    issuer = models.URLField(_("issuer"))
    authorization_endpoint = models.URLField(_("authorization endpoint"))
    token_endpoint = models.URLField(_("token endpoint"))
    userinfo_endpoint = models.URLField(_("user info endpoint"))
    jwks_uri = models.URLField(_("JWKS address"))
    client_id = models.CharField(_("client id"), max_length=200)
    client_secret = models.CharField(_("client secret"), max_length=500)
    scopes = models.CharField(
        _("scopes"), max_length=200, default="openid email profile"
    )
    email_claim = models.CharField(_("e-mail claim"), max_length=50, default="email")
    name_claim = models.CharField(_("name claim"), max_length=50, default="name")
    strong_acr_values = models.CharField(
        _("strong authentication levels"),
        max_length=300,
        blank=True,
        help_text=_(
            "Comma-separated acr values that mean strong identification,"
            " e.g. http://ftn.ficora.fi/2017/loa3"
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["label"]
        verbose_name = _("identity provider")
        verbose_name_plural = _("identity providers")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "slug"], name="unique_oidc_slug_per_org"
            )
        ]

    def __str__(self) -> str:
        return self.label

    def identity_level(self, acr: str | None, amr: list | None) -> str:
        strong = {v.strip() for v in self.strong_acr_values.split(",") if v.strip()}
        if acr and acr in strong:
            return IdentityLevel.STRONG
        return IdentityLevel.OIDC
