from django.http import HttpRequest, HttpResponse
from django.middleware import locale
from django.utils import translation

from tuuma.lib.paths import is_api_request

# No inline scripts or styles anywhere, so no nonce is needed: htmx is configured
# from a <meta> tag (allowEval off, no injected indicator styles).
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
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
        return response


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
