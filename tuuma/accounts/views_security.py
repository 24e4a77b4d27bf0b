"""Second factor (enrol, confirm, recovery codes) and "log out everywhere"."""

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token
from requests import RequestException

from tuuma.accounts import oidc, twofactor
from tuuma.accounts.middleware import second_factor_exempt
from tuuma.accounts.models import OidcProvider
from tuuma.accounts.throttle import audit
from tuuma.accounts.views import safe_next
from tuuma.lib.i18n import url_in_language
from tuuma.organisation.access import public, requires


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=16,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
            }
        ),
    )


def _done(request: HttpRequest) -> HttpResponse:
    return redirect(safe_next(request) or "web:home")


@second_factor_exempt
@requires("accounts.own_profile")
def second_factor_view(request: HttpRequest) -> HttpResponse:
    """Confirm a log-in with a code from the app or with a recovery code."""
    if not twofactor.has_device(request.user):
        return redirect("accounts:second-factor-enrol")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"].replace(" ", ""))
        if device is not None:
            otp_login(request, device)
            return _done(request)
        form.add_error("code", _("The code is wrong or already used."))
    return render(
        request,
        "accounts/second_factor.html",
        {"form": form, "next": safe_next(request)},
    )


@second_factor_exempt
@requires("accounts.own_profile")
def second_factor_enrol_view(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app: scan the QR code, type one code to confirm."""
    device = twofactor.pending_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"].replace(" ", "")
        if device.verify_token(code):
            codes = twofactor.confirm_device(device=device)
            otp_login(request, device)
            audit(
                organisation=request.organisation,
                actor=request.user,
                action="accounts.second_factor_enrolled",
                target=request.user,
            )
            return render(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "next": safe_next(request)},
            )
        form.add_error("code", _("The code is wrong. Check the time on your phone."))
    url = twofactor.otpauth_url(device, request.organisation)
    return render(
        request,
        "accounts/second_factor_enrol.html",
        {
            "form": form,
            "qr": twofactor.qr_data_uri(url),
            "secret": twofactor.secret_text(device),
            "next": safe_next(request),
            "replacing": twofactor.has_device(request.user),
        },
    )


@require_POST
@requires("accounts.own_profile")
def recovery_codes_view(request: HttpRequest) -> HttpResponse:
    if not twofactor.has_device(request.user):
        return redirect("accounts:second-factor-enrol")
    codes = twofactor.recovery_codes_issue(user=request.user)
    return render(request, "accounts/recovery_codes.html", {"codes": codes})


@require_POST
@requires("accounts.own_profile")
def second_factor_remove_view(request: HttpRequest) -> HttpResponse:
    if twofactor.needs_second_factor(request.user, request.organisation):
        messages.error(request, _("Your role requires two-factor authentication."))
        return redirect("accounts:profile")
    twofactor.second_factor_remove(user=request.user)
    messages.success(request, _("Two-factor authentication is off."))
    return redirect("accounts:profile")


@second_factor_exempt
@require_POST
@requires("accounts.own_profile")
def logout_everywhere_view(request: HttpRequest) -> HttpResponse:
    request.user.end_all_sessions()
    logout(request)
    messages.info(request, _("You have logged out on every device."))
    return redirect("web:home")


@public
def oidc_start_view(request: HttpRequest, slug: str) -> HttpResponse:
    provider = get_object_or_404(
        OidcProvider, organisation=request.organisation, slug=slug, is_active=True
    )
    return redirect(oidc.authorization_url(request, provider, safe_next(request)))


@public
@second_factor_exempt
def oidc_callback_view(request: HttpRequest) -> HttpResponse:
    try:
        user, next_url = oidc.complete(request)
    except (SuspiciousOperation, OidcProvider.DoesNotExist, RequestException):
        messages.error(request, _("Log-in through the identity provider failed."))
        return redirect("accounts:login")
    target = url_in_language(next_url or "/", user.preferred_language)
    if request.session.get(twofactor.PENDING_KEY):
        step = (
            "accounts:second-factor"
            if twofactor.has_device(user)
            else "accounts:second-factor-enrol"
        )
        return redirect(f"{reverse(step)}?{urlencode({'next': target})}")
    return redirect(target)
