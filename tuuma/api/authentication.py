from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from tuuma.accounts.models import ApiToken
from tuuma.organisation.permissions import can


class OrganisationTokenAuthentication(authentication.BaseAuthentication):
    """``Authorization: Token <key>``; a token works only on its own organisation's host."""

    keyword = "Token"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Invalid token header."))
        token = ApiToken.objects.for_key(header[1].decode("latin-1"))
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("Invalid or revoked token."))
        organisation = getattr(request._request, "organisation", None)
        if not token.user.is_superuser and token.user.organisation_id != getattr(
            organisation, "pk", None
        ):
            raise exceptions.AuthenticationFailed(_("Invalid or revoked token."))
        # The role rule is checked on every call, not only when the token was made:
        # a person who lost their staff role loses their tokens with it.
        if not can(token.user, "api.use_tokens", organisation):
            raise exceptions.AuthenticationFailed(
                _("Your role no longer allows API tokens.")
            )
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token.user, token

    def authenticate_header(self, request):
        return self.keyword


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = OrganisationTokenAuthentication
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "Personal API token: `Token <key>` (staff only).",
        }
