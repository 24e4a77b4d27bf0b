"""Forms of the process pages; the actions validate again and save."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tuuma.accounts.models import User
from tuuma.caselog.models import CaseLog
from tuuma.ideas.models import Idea
from tuuma.organisation.models import ServiceArea
from tuuma.processes.actions import PROCESS_FIELDS, VERSION_FIELDS
from tuuma.processes.models import (
    Process,
    ProcessSettings,
    ProcessVersion,
    Review,
    Step,
    Waste,
)
from tuuma.programme.models import Measure


class ListField(forms.CharField):
    """A list of short texts typed one per line or separated by commas."""

    widget = forms.Textarea(attrs={"rows": 2})

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        text = super().to_python(value) or ""
        return [v.strip() for v in text.replace("\n", ",").split(",") if v.strip()]


class ProcessForm(forms.ModelForm):
    case_types = ListField(label=_("Case types"), required=False)
    systems = ListField(label=_("Information systems"), required=False)

    class Meta:
        model = Process
        fields = PROCESS_FIELDS
        widgets = {
            f: forms.Textarea(attrs={"rows": 2})
            for f in ("description", "suppliers", "inputs", "outputs", "customers")
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        people = User.objects.filter(organisation=organisation, is_active=True)
        self.fields["service_area"].queryset = ServiceArea.objects.filter(
            organisation=organisation
        )
        parents = Process.objects.filter(organisation=organisation).exclude(
            level="subprocess"
        )
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["owner"].queryset = people
        self.fields["deputy"].queryset = people
        self.fields["caselog"].queryset = CaseLog.objects.filter(
            organisation=organisation
        )


class VersionForm(forms.ModelForm):
    class Meta:
        model = ProcessVersion
        fields = VERSION_FIELDS
        widgets = {
            "go_live": forms.DateInput(attrs={"type": "date"}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = Measure.objects.filter(
            organisation=process.organisation
        )
        versions = process.versions.all()
        if self.instance.pk:
            versions = versions.exclude(pk=self.instance.pk)
        self.fields["future_of"].queryset = versions


class StepForm(forms.ModelForm):
    lt_days = forms.FloatField(
        label=_("Lead time (working days)"),
        min_value=0,
        help_text=_(
            "Process time plus waiting, from input available to output passed on."
        ),
    )
    wastes = forms.MultipleChoiceField(
        label=_("Wastes (TIMWOODS)"),
        choices=Waste.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    activities = ListField(
        label=_("Case-log activities"),
        required=False,
        help_text=_("Names of the log's activities this step stands for."),
    )

    class Meta:
        model = Step
        fields = [
            "name",
            "description",
            "performer_role",
            "responsible",
            "accountable",
            "consulted",
            "informed",
            "systems",
            "documents",
            "handoffs",
            "value_class",
            "legal_basis",
            "wastes",
            "pt_minutes",
            "pct_ca",
            "parallel_group",
            "branch",
            "activities",
            "is_estimate",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, version, **kwargs):
        super().__init__(*args, **kwargs)
        self.minutes_per_day = version.minutes_per_working_day
        if self.instance.pk:
            self.initial["lt_days"] = round(
                self.instance.lt_minutes / self.minutes_per_day, 2
            )

    def clean(self):
        data = super().clean()
        if data.get("value_class") == "NNVA" and not data.get("legal_basis"):
            self.add_error(
                "legal_basis", _("Say which law or rule makes this step necessary.")
            )
        return data

    def step_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["lt_minutes"] = data.pop("lt_days") * self.minutes_per_day
        return data


class LinkForm(forms.Form):
    idea = forms.ModelChoiceField(Idea.objects.none(), label=_("Idea"), required=False)
    measure = forms.ModelChoiceField(
        Measure.objects.none(), label=_("Measure"), required=False
    )
    step = forms.ModelChoiceField(
        Step.objects.none(),
        label=_("Step (a kaizen burst on the map)"),
        required=False,
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
    review = forms.ModelChoiceField(
        Review.objects.none(), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, organisation, process, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["idea"].queryset = Idea.objects.filter(organisation=organisation)
        self.fields["measure"].queryset = Measure.objects.filter(
            organisation=organisation
        )
        self.fields["step"].queryset = Step.objects.filter(
            version__process=process
        ).select_related("version")
        self.fields["step"].label_from_instance = lambda step: (
            f"{step.version.name}: {step.position}. {step.name}"
        )
        self.fields["review"].queryset = process.reviews.all()

    def clean(self):
        data = super().clean()
        if bool(data.get("idea")) == bool(data.get("measure")):
            raise ValidationError(_("Choose either an idea or a measure."))
        return data


class TargetLinkForm(forms.Form):
    """Link a process from an idea's or a measure's page: the targets offered are
    only those the person sees, so another's idea is not a valid choice."""

    process = forms.ModelChoiceField(Process.objects.none(), label=_("Process"))
    idea = forms.ModelChoiceField(Idea.objects.none(), required=False)
    measure = forms.ModelChoiceField(Measure.objects.none(), required=False)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, user, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["process"].queryset = Process.objects.visible_to(user, organisation)
        self.fields["idea"].queryset = Idea.objects.visible_to(user, organisation)
        self.fields["measure"].queryset = Measure.objects.visible_to(user, organisation)

    def clean(self):
        data = super().clean()
        if bool(data.get("idea")) == bool(data.get("measure")):
            raise ValidationError(_("Choose either an idea or a measure."))
        return data


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}))


class ReviewForm(forms.ModelForm):
    class Meta:
        model = Review
        fields = ["held_on", "participants", "findings", "decisions"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}),
            "participants": forms.Textarea(attrs={"rows": 2}),
            "findings": forms.Textarea(attrs={"rows": 4}),
            "decisions": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.fields:
            self.fields[name].required = True


class SettingsForm(forms.ModelForm):
    class Meta:
        model = ProcessSettings
        fields = ["reviews_per_area", "review_month", "remind_days_before"]


class BpmnImportForm(forms.Form):
    file = forms.FileField(label=_("BPMN 2.0 file (.bpmn)"))
    name = forms.CharField(label=_("Name of the new version"), max_length=200)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 2 * 1024 * 1024:
            raise ValidationError(_("The file is larger than 2 MB."))
        return upload
