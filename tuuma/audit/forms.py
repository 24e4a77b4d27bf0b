"""Filters of the log pages and the organisation's privacy settings."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from tuuma.audit.models import PrivacySettings


class DateInput(forms.DateInput):
    input_type = "date"


class LogFilterForm(forms.Form):
    """Person, action and a date range; every field optional."""

    person = forms.ModelChoiceField(
        label=_("Person"), queryset=get_user_model().objects.none(), required=False
    )
    action = forms.CharField(label=_("Action"), max_length=100, required=False)
    since = forms.DateField(label=_("From"), required=False, widget=DateInput)
    until = forms.DateField(label=_("To"), required=False, widget=DateInput)

    person_fields: tuple[str, ...] = ("actor",)
    action_field = "action"

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = get_user_model().objects.filter(
            organisation=organisation
        )

    def apply(self, entries: QuerySet) -> QuerySet:
        if not self.is_bound or not self.is_valid():
            return entries
        data = self.cleaned_data
        if data["person"]:
            match = Q()
            for field in self.person_fields:
                match |= Q(**{field: data["person"]})
            entries = entries.filter(match)
        if data.get("action"):
            entries = entries.filter(
                **{f"{self.action_field}__icontains": data["action"]}
            )
        if data["since"]:
            entries = entries.filter(at__date__gte=data["since"])
        if data["until"]:
            entries = entries.filter(at__date__lte=data["until"])
        return entries


class AccessFilterForm(LogFilterForm):
    """The person is either the one who looked or the one looked at."""

    person_fields = ("viewer", "subject")
    action_field = "what"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].label = _("What was viewed")


class PrivacySettingsForm(forms.ModelForm):
    class Meta:
        model = PrivacySettings
        fields = ["audit_retention_days", "access_log_retention_days", "erasure_rule"]

    def clean(self):
        data = super().clean()
        for name in ("audit_retention_days", "access_log_retention_days"):
            if data.get(name) is not None and data[name] < 30:
                self.add_error(name, _("Keep the log for at least 30 days."))
        return data


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I have checked the person's identity and request"), required=True
    )
