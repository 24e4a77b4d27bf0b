"""OIDC log-in (authorization-code flow) against each organisation's own provider.

mozilla-django-oidc reads one provider from the settings; here every organisation
has its own (``OidcProvider``), so its backend is built per provider and driven by
two views of ours. The redirect address comes from the organisation's configured
origin, never from the request's Host header.
"""

from __future__ import annotations

import secrets

import jwt
import requests
from django.contrib.auth import get_user_model, login
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import urlencode
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from tuuma.accounts.models import OidcProvider, User

SESSION_KEY = "tuuma_oidc"
LEVEL_KEY = "tuuma_identity"


class ProviderBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's token, signature and user-info handling, one provider."""

    def __init__(self, provider: OidcProvider):  # no settings: the provider's values
        self.provider = provider
        self.OIDC_OP_TOKEN_ENDPOINT = provider.token_endpoint
        self.OIDC_OP_USER_ENDPOINT = provider.userinfo_endpoint
        self.OIDC_OP_JWKS_ENDPOINT = provider.jwks_uri
        self.OIDC_RP_CLIENT_ID = provider.client_id
        self.OIDC_RP_CLIENT_SECRET = provider.client_secret
        self.OIDC_RP_SIGN_ALGO = "RS256"
        self.OIDC_RP_IDP_SIGN_KEY = None
        self.UserModel = get_user_model()

    def retrieve_matching_jwk(self, token):
        """The provider's signing key; ``kid`` is compared only when both carry one
        (some brokers publish a single key without it)."""
        response = requests.get(self.OIDC_OP_JWKS_ENDPOINT, timeout=10)
        response.raise_for_status()
        header = jwt.get_unverified_header(token)
        for jwk in response.json().get("keys", []):
            if "kid" in header and jwk.get("kid", header["kid"]) != header["kid"]:
                continue
            if jwk.get("alg", header.get("alg")) != header.get("alg"):
                continue
            return jwt.PyJWK(jwk)
        raise SuspiciousOperation("No signing key of the provider matches the token.")

    def _email(self, claims) -> str:
        return str(claims.get(self.provider.email_claim) or "").strip().lower()

    def verify_claims(self, claims) -> bool:
        return bool(self._email(claims))

    def filter_users_by_claims(self, claims):
        return User.objects.filter(
            organisation=self.provider.organisation, email__iexact=self._email(claims)
        )

    def create_user(self, claims):
        return User.objects.create_user(
            self._email(claims),
            None,
            organisation=self.provider.organisation,
            full_name=str(claims.get(self.provider.name_claim) or "")[:200],
            preferred_language=self.provider.organisation.default_language,
        )

    def update_user(self, user, claims):
        if not user.full_name and claims.get(self.provider.name_claim):
            user.full_name = str(claims[self.provider.name_claim])[:200]
            user.save(update_fields=["full_name"])
        return user


def redirect_uri(provider: OidcProvider) -> str:
    return provider.organisation.absolute_url(reverse("accounts:oidc-callback"))


def authorization_url(request: HttpRequest, provider: OidcProvider, next_url) -> str:
    """Remember state and nonce in the session; the provider's log-in address."""
    state, nonce = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
    request.session[SESSION_KEY] = {
        "provider": provider.pk,
        "state": state,
        "nonce": nonce,
        "next": next_url,
    }
    params = {
        "response_type": "code",
        "client_id": provider.client_id,
        "redirect_uri": redirect_uri(provider),
        "scope": provider.scopes,
        "state": state,
        "nonce": nonce,
    }
    return f"{provider.authorization_endpoint}?{urlencode(params)}"


def complete(request: HttpRequest) -> tuple[User, str | None]:
    """Exchange the code, verify the ID token, find or create the person, log in.

    Raises SuspiciousOperation for a wrong state or a token that does not verify;
    network failures surface as requests' exceptions.
    """
    pending = request.session.pop(SESSION_KEY, None)
    if not pending or request.GET.get("state") != pending["state"]:
        raise SuspiciousOperation("OIDC state mismatch")
    provider = OidcProvider.objects.get(
        pk=pending["provider"], organisation=request.organisation, is_active=True
    )
    backend = ProviderBackend(provider)
    backend.request = request
    token = backend.get_token(
        {
            "client_id": provider.client_id,
            "client_secret": provider.client_secret,
            "grant_type": "authorization_code",
            "code": request.GET.get("code", ""),
            "redirect_uri": redirect_uri(provider),
        }
    )
    payload = backend.verify_token(token.get("id_token"), nonce=pending["nonce"])
    if not payload:
        raise SuspiciousOperation("OIDC ID token did not verify")
    user = backend.get_or_create_user(token.get("access_token"), None, payload)
    if user is None or not user.is_active:
        raise SuspiciousOperation("OIDC user not allowed")
    amr = payload.get("amr") if isinstance(payload.get("amr"), list) else []
    level = provider.identity_level(payload.get("acr"), amr)
    user.identity_level = level
    user.save(update_fields=["identity_level"])
    login(request, user, backend="tuuma.accounts.backends.OrganisationEmailBackend")
    request.session[LEVEL_KEY] = {
        "provider": provider.slug,
        "acr": payload.get("acr"),
        "amr": amr,
        "level": level,
    }
    return user, pending.get("next")
