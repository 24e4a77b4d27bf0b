from django import forms
from django.utils.translation import gettext_lazy as _

from tuuma.accessibility.models import AccessibilityStatement


class DateInput(forms.DateInput):
    input_type = "date"


class StatementForm(forms.ModelForm):
    class Meta:
        model = AccessibilityStatement
        fields = [
            "compliance",
            "non_accessible_fi",
            "non_accessible_sv",
            "non_accessible_en",
            "assessment",
            "prepared_on",
            "reviewed_on",
            "feedback_email",
            "authority_contact",
        ]
        widgets = {"prepared_on": DateInput, "reviewed_on": DateInput}

    def clean(self):
        data = super().clean()
        prepared, reviewed = data.get("prepared_on"), data.get("reviewed_on")
        if prepared and reviewed and reviewed < prepared:
            self.add_error("reviewed_on", _("The review cannot precede the statement."))
        return data


class FeedbackForm(forms.Form):
    message = forms.CharField(
        label=_("Your feedback"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What was hard or impossible to use, and on which page?"),
    )
    page = forms.CharField(
        label=_("Page address (optional)"), max_length=500, required=False
    )
    contact_email = forms.EmailField(
        label=_("Your e-mail address for the answer"), required=False
    )

    def __init__(self, *args, signed_in: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.signed_in = signed_in
        if not signed_in:
            self.fields["contact_email"].required = True
