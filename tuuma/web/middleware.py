from collections.abc import Callable
from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware import locale
from django.utils import translation
from django.utils.cache import patch_cache_control

from tuuma.lib.paths import is_api_request


def tile_source(url: str) -> str:
    """The CSP source of the map tiles' host (``{s}.`` subdomains as ``*.``)."""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return ""
    return f" {parts.scheme}://{parts.netloc.replace('{s}.', '*.')}"


# No inline scripts or styles anywhere, so no nonce is needed: htmx is configured
# from a <meta> tag (allowEval off, no injected indicator styles). Images may
# also come from the map tile server, and from no other host.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        f"img-src 'self' data:{tile_source(settings.MAP_TILE_URL)}",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ]
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        if _signed_in(request) and not getattr(response, "may_be_cached", False):
            # What a signed-in person sees may be theirs or another person's
            # personal data: no shared cache (proxy) and no disk cache keeps it.
            patch_cache_control(response, private=True, no_store=True)
        return response


def _signed_in(request: HttpRequest) -> bool:
    """A session or an API token (DRF sets the token's user on the request)."""
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated) or "Authorization" in request.headers


def may_be_cached(view: Callable) -> Callable:
    """Opt a view out of ``Cache-Control: private, no-store`` for signed-in
    people: only for answers that hold nothing personal (a public file)."""

    @wraps(view)
    def wrapper(*args, **kwargs) -> HttpResponse:
        response = view(*args, **kwargs)
        response.may_be_cached = True
        return response

    return wrapper


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's LocaleMiddleware, except that the API follows Accept-Language.

    Pages without a language prefix are Finnish (the default language has none),
    but ``/api/`` has no prefixed variants, so there the client's header decides.
    """

    def process_request(self, request: HttpRequest) -> None:
        if not is_api_request(request):
            return super().process_request(request)
        language = translation.get_language_from_request(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        return None
