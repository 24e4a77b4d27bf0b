"""Session rules for staff: a second factor after log-in, an idle timeout and an
absolute lifetime. Residents keep the plain session (SESSION_COOKIE_AGE)."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from tuuma.accounts import twofactor
from tuuma.organisation.permissions import is_staff_member

LOGIN_AT_KEY = "tuuma_login_at"
SEEN_AT_KEY = "tuuma_seen_at"
SEEN_RESOLUTION = 60  # seconds; the session is written at most once a minute


def second_factor_exempt(view):
    """Mark a view a person with a pending second factor may still open."""
    view.second_factor_exempt = True
    return view


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


class SessionLifetimeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and is_staff_member(user, request.organisation):
            if expired := self._expired(request):
                logout(request)
                if not _is_api(request):
                    messages.info(request, expired)
                    return redirect_to_login(request.get_full_path())
        return self.get_response(request)

    def _expired(self, request: HttpRequest) -> str | None:
        session = request.session
        now = int(time.time())
        login_at = session.setdefault(LOGIN_AT_KEY, now)
        seen_at = session.get(SEEN_AT_KEY, now)
        if now - seen_at > settings.SESSION_IDLE_TIMEOUT:
            return _("You were logged out after a while without activity.")
        if now - login_at > settings.SESSION_STAFF_MAX_AGE:
            return _("Your session reached its maximum length. Log in again.")
        if now - seen_at >= SEEN_RESOLUTION or SEEN_AT_KEY not in session:
            session[SEEN_AT_KEY] = now
        return None


class SecondFactorMiddleware:
    """A staff session opened by a log-in goes nowhere before its second factor."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated or not request.session.get(
            twofactor.PENDING_KEY
        ):
            return None
        if request.user.is_verified():
            del request.session[twofactor.PENDING_KEY]
            return None
        if getattr(view_func, "second_factor_exempt", False):
            return None
        if _is_api(request):
            return JsonResponse(
                {"detail": _("Confirm your log-in with the second factor first.")},
                status=403,
            )
        name = (
            "accounts:second-factor"
            if twofactor.has_device(request.user)
            else "accounts:second-factor-enrol"
        )
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse(name)}?{query}")
