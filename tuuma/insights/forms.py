"""The filters of the dashboard, the risk view and the board pack."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tuuma.insights.dashboard import SECTIONS
from tuuma.lib.metrics import Filters
from tuuma.organisation.models import Organisation, ServiceArea, Unit


class FilterForm(forms.Form):
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    service_area = forms.ModelChoiceField(
        label=_("Service area"),
        queryset=ServiceArea.objects.none(),
        required=False,
        empty_label=_("The whole organisation"),
    )
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("All units"),
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_area"].queryset = ServiceArea.objects.filter(
            organisation=organisation
        )
        self.fields["unit"].queryset = Unit.objects.filter(organisation=organisation)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end of the period is before its start."))
        unit, area = data.get("unit"), data.get("service_area")
        if unit and area and unit.service_area_id != area.pk:
            self.add_error("unit", _("The unit is not in the chosen service area."))
        return data

    def filters(self) -> Filters:
        """The chosen filters; none when the form is not valid."""
        if not self.is_bound or not self.is_valid():
            return Filters()
        data = self.cleaned_data
        return Filters(
            start=data.get("start"),
            end=data.get("end"),
            service_area=data["service_area"].pk if data.get("service_area") else None,
            unit=data["unit"].pk if data.get("unit") else None,
        )


class PackForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    start = FilterForm.base_fields["start"]
    end = FilterForm.base_fields["end"]
    service_area = FilterForm.base_fields["service_area"]
    sections = forms.MultipleChoiceField(
        label=_("Sections"),
        choices=[(key, title) for key, title, _ids in SECTIONS],
        widget=forms.CheckboxSelectMultiple,
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=[("fi", _("Finnish")), ("sv", _("Swedish"))]
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_area"].queryset = ServiceArea.objects.filter(
            organisation=organisation
        )

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end of the period is before its start."))
        return data
