from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from tuuma.accounts.models import ApiToken, User
from tuuma.jobs.mail import queue_email
from tuuma.web import ratelimit

LOGIN_FAILURE_LIMIT = 10
LOGIN_IP_FAILURE_LIMIT = 50
LOGIN_PERIOD = 15 * 60


class LoginForm(forms.Form):
    """E-mail log-in within the host's organisation, throttled per account and IP.

    After too many failures even the right password is refused until the window
    passes, so guessing cannot go on; other accounts on the same IP are unaffected
    until the (larger) per-IP limit trips.
    """

    email = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    error_messages = {
        "invalid_login": _("The e-mail address or password is wrong."),
        "throttled": _(
            "Too many failed log-ins. Wait 15 minutes or reset your password."
        ),
        "inactive": _("This account is not active."),
    }

    def __init__(self, request, *args, **kwargs):
        self.request = request
        self.user_cache = None
        super().__init__(*args, **kwargs)

    def clean(self):
        email = (self.cleaned_data.get("email") or "").lower()
        password = self.cleaned_data.get("password")
        if not email or password is None:
            return self.cleaned_data
        account_key = f"login:{self.request.organisation.pk}:{email}"
        ip_key = f"login-ip:{ratelimit.client_ip(self.request)}"
        if ratelimit.is_limited(
            account_key, limit=LOGIN_FAILURE_LIMIT, period=LOGIN_PERIOD
        ) or ratelimit.is_limited(
            ip_key, limit=LOGIN_IP_FAILURE_LIMIT, period=LOGIN_PERIOD
        ):
            raise forms.ValidationError(
                self.error_messages["throttled"], code="throttled"
            )
        self.user_cache = authenticate(self.request, email=email, password=password)
        if self.user_cache is None:
            ratelimit.record_hit(account_key, LOGIN_PERIOD)
            ratelimit.record_hit(ip_key, LOGIN_PERIOD)
            raise forms.ValidationError(
                self.error_messages["invalid_login"], code="invalid_login"
            )
        return self.cleaned_data

    def get_user(self):
        return self.user_cache


class OrganisationPasswordResetForm(PasswordResetForm):
    """Password reset that only ever finds people of the host's organisation."""

    def __init__(self, *args, organisation=None, **kwargs):
        self.organisation = organisation
        super().__init__(*args, **kwargs)

    def get_users(self, email):
        return User.objects.filter(
            organisation=self.organisation, email__iexact=email, is_active=True
        ).exclude(password__startswith="!")  # noqa: S106  (unusable password)

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        """Hand the message to the job queue, in the person's own language."""
        queue_email(
            to=to_email,
            language=context["user"].preferred_language,
            subject_template=subject_template_name,
            body_template=email_template_name,
            context=context,
        )


class TuumaSetPasswordForm(SetPasswordForm):
    pass


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "preferred_language"]


class ApiTokenForm(forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["name"]
        labels = {"name": _("Name of the token")}
        help_texts = {"name": _("For example the tool or script that will use it.")}
