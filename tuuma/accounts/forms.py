from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tuuma.accounts import throttle
from tuuma.accounts.models import ApiToken, User
from tuuma.jobs.mail import queue_email


class LoginForm(forms.Form):
    """E-mail log-in within the host's organisation, throttled per account and IP.

    The attempt is counted before the password is checked (``throttle.login_gate``),
    so after too many failures even the right password is refused until the
    sliding window has passed, however many attempts arrive at once.
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
        "inactive": _("This account is not active."),
    }

    def __init__(self, request, *args, **kwargs):
        self.request = request
        self.user_cache = None
        self.retry_after = 0
        super().__init__(*args, **kwargs)

    def clean(self):
        email = (self.cleaned_data.get("email") or "").lower()
        password = self.cleaned_data.get("password")
        if not email or password is None:
            return self.cleaned_data
        gate = throttle.login_gate(self.request, email)
        self.request.login_gated = True  # the backend need not count it again
        if not gate.allowed:
            self.retry_after = gate.retry_after
            minutes = max(1, -(-gate.retry_after // 60))
            raise forms.ValidationError(
                ngettext(
                    "Too many failed log-ins. Try again in %(minutes)d minute"
                    " or reset your password.",
                    "Too many failed log-ins. Try again in %(minutes)d minutes"
                    " or reset your password.",
                    minutes,
                )
                % {"minutes": minutes},
                code="throttled",
            )
        self.user_cache = authenticate(self.request, email=email, password=password)
        if self.user_cache is None:
            raise forms.ValidationError(
                self.error_messages["invalid_login"], code="invalid_login"
            )
        throttle.login_succeeded(gate)
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
        """Hand the message to the job queue, in the person's own language.

        The link is built from the organisation's configured origin, never from
        the request's Host header (which the sender of the request chooses).
        """
        language = context["user"].preferred_language
        with translation.override(language):
            path = reverse(
                "accounts:password_reset_confirm",
                kwargs={"uidb64": context["uid"], "token": context["token"]},
            )
        context = {
            **context,
            "origin": self.organisation.origin,
            "reset_url": self.organisation.absolute_url(path),
        }
        queue_email(
            to=to_email,
            language=language,
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
