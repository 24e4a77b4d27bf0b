from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from tuuma.accounts import twofactor
from tuuma.accounts.forms import (
    ApiTokenForm,
    LoginForm,
    OrganisationPasswordResetForm,
    ProfileForm,
)
from tuuma.accounts.middleware import second_factor_exempt
from tuuma.accounts.models import ApiToken, OidcProvider
from tuuma.lib.i18n import url_in_language
from tuuma.organisation.access import public, requires
from tuuma.organisation.permissions import can
from tuuma.web import ratelimit


def safe_next(request: HttpRequest) -> str | None:
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


@public
@second_factor_exempt
@sensitive_post_parameters("password")
def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request, data=request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            user = form.get_user()
            login(request, user)
            target = safe_next(request) or str(reverse_lazy("web:home"))
            target = url_in_language(target, user.preferred_language)
            if request.session.get(twofactor.PENDING_KEY):
                step = (
                    "accounts:second-factor"
                    if twofactor.has_device(user)
                    else "accounts:second-factor-enrol"
                )
                return redirect(f"{reverse(step)}?{urlencode({'next': target})}")
            return redirect(target)
        throttled = form.has_error("__all__", "throttled")
        response = render(
            request,
            "accounts/login.html",
            {**_login_context(request), "form": form},
            status=429 if throttled else 200,
        )
        if throttled:
            response["Retry-After"] = str(form.retry_after)
        return response
    return render(
        request, "accounts/login.html", {**_login_context(request), "form": form}
    )


def _login_context(request: HttpRequest) -> dict:
    return {
        "next": safe_next(request),
        "providers": OidcProvider.objects.filter(
            organisation=request.organisation, is_active=True
        ),
    }


@public
@second_factor_exempt
@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, _("You have logged out."))
    return redirect("web:home")


@requires("accounts.own_profile")
def profile_view(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        language = form.cleaned_data["preferred_language"]
        return redirect(url_in_language(request.path, language))
    tokens = None
    if can(request.user, "api.use_tokens", request.organisation):
        tokens = request.user.api_tokens.filter(revoked_at__isnull=True)
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "tokens": tokens,
            "token_form": ApiTokenForm(),
            "has_second_factor": twofactor.has_device(request.user),
            "second_factor_required": twofactor.needs_second_factor(
                request.user, request.organisation
            ),
        },
    )


@require_POST
@requires("api.use_tokens")
def token_create_view(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the token a name."))
        return redirect("accounts:profile")
    _token, key = ApiToken.issue(user=request.user, name=form.cleaned_data["name"])
    return render(request, "accounts/token_created.html", {"key": key})


@require_POST
@requires("accounts.own_profile", load=ApiToken, kwarg="token_id")
def token_revoke_view(request: HttpRequest, token: ApiToken) -> HttpResponse:
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    messages.success(request, _("The token has been revoked."))
    return redirect("accounts:profile")


class PasswordResetView(auth_views.PasswordResetView):
    form_class = OrganisationPasswordResetForm
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "organisation": self.request.organisation}

    def form_valid(self, form):
        if ratelimit.hit_and_check(
            f"reset:{ratelimit.client_ip(self.request)}", limit=10, period=3600
        ):
            form.add_error(None, _("Too many requests. Try again in an hour."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        self.extra_email_context = {"organisation_name": self.request.organisation.name}
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")
