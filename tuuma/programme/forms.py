"""Forms of the programme pages. Rules shared with the API live in validation.py."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tuuma.accounts.models import User
from tuuma.organisation.models import Organisation, ServiceArea
from tuuma.programme.actions import EDITABLE_FIELDS
from tuuma.programme.models import (
    FocusArea,
    Goal,
    Indicator,
    Measure,
    MeasureClass,
    MeasureStatus,
)
from tuuma.programme.validation import (
    to_number,
    validate_schedule,
    validate_target,
    validate_target_date,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def staff_of(organisation: Organisation):
    """People with a role in the organisation: who may own or join a measure."""
    return User.objects.filter(
        organisation=organisation,
        is_active=True,
        # Residents have no membership: a measure is owned and worked on by staff.
        memberships__organisation=organisation,
    ).distinct()


def _on_field(error: ValidationError, field: str) -> ValidationError:
    """A shared rule's error for ``field``, raised from that field's clean method."""
    return ValidationError(error.message_dict[field])


class MeasureForm(forms.ModelForm):
    class Meta:
        model = Measure
        fields = [*EDITABLE_FIELDS, "participants"]
        widgets = {
            "start_date": DATE,
            "due_date": DATE,
            "description": forms.Textarea(attrs={"rows": 5}),
            "public_summary": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "participants": _("Everyone who takes part in the work."),
            "participation_note": _(
                "The Kunteko way: management, supervisors and staff develop together."
            ),
        }

    def __init__(self, *args, organisation: Organisation, areas=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = Goal.objects.filter(
            organisation=organisation
        ).select_related("focus_area")
        # The caller passes the areas where the person may create or change measures,
        # so the choice itself cannot move a measure out of their reach.
        self.fields["service_area"].queryset = areas or ServiceArea.objects.filter(
            organisation=organisation
        )
        people = staff_of(organisation)
        self.fields["owner"].queryset = people
        self.fields["participants"].queryset = people
        self.fields["participants"].required = False

    def clean_due_date(self):
        due_date = self.cleaned_data["due_date"]
        try:
            validate_schedule(self.cleaned_data.get("start_date"), due_date)
        except ValidationError as error:
            raise _on_field(error, "due_date") from error
        return due_date

    def changes(self) -> dict:
        return {field: self.cleaned_data[field] for field in EDITABLE_FIELDS}


class LinkIdeaForm(forms.Form):
    measure = forms.ModelChoiceField(
        label=_("Measure"), queryset=Measure.objects.none()
    )

    def __init__(self, *args, measures: list[int], **kwargs):
        super().__init__(*args, auto_id="link-%s", **kwargs)
        self.fields["measure"].queryset = Measure.objects.filter(pk__in=measures)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=MeasureStatus.choices)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Why the measure is cancelled or on hold; shown publicly."),
    )

    def clean(self):
        data = super().clean()
        if data.get("status") == MeasureStatus.CANCELLED and not data.get("reason"):
            self.add_error(
                "reason", _("Say why the measure is cancelled: residents see it.")
            )
        return data


class ProgressForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DATE)
    percent = forms.IntegerField(
        label=_("Per cent complete"), min_value=0, max_value=100
    )
    text = forms.CharField(
        label=_("What has been done"), widget=forms.Textarea(attrs={"rows": 3})
    )


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=200)
    due_date = forms.DateField(label=_("Date"), widget=DATE)


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class NumberField(forms.CharField):
    """A number typed with a comma or a point; anything else is a clear error."""

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return None
        try:
            return to_number(value)
        except ValidationError as error:
            raise ValidationError(error.message_dict["value"]) from error


class IndicatorForm(forms.ModelForm):
    baseline_value = NumberField(label=_("Baseline"))
    target_value = NumberField(label=_("Target"))

    class Meta:
        model = Indicator
        fields = [
            "name",
            "unit",
            "direction",
            "baseline_value",
            "baseline_date",
            "target_value",
            "target_date",
        ]
        widgets = {"baseline_date": DATE, "target_date": DATE}

    def clean_target_value(self):
        target = self.cleaned_data["target_value"]
        try:
            validate_target(
                self.cleaned_data.get("direction"),
                self.cleaned_data.get("baseline_value"),
                target,
            )
        except ValidationError as error:
            raise _on_field(error, "target_value") from error
        return target

    def clean_target_date(self):
        target_date = self.cleaned_data["target_date"]
        try:
            validate_target_date(self.cleaned_data.get("baseline_date"), target_date)
        except ValidationError as error:
            raise _on_field(error, "target_date") from error
        return target_date


class IndicatorValueForm(forms.Form):
    date = forms.DateField(label=_("Date of measurement"), widget=DATE)
    value = NumberField(label=_("Measured value"))
    source_note = forms.CharField(
        label=_("Source"),
        max_length=300,
        required=False,
        help_text=_("Where the figure comes from, e.g. a report or a system."),
    )


class ResultForm(forms.Form):
    """ "What we aimed at and what we achieved", with a final value per indicator."""

    aim = forms.CharField(
        label=_("What we aimed at"), widget=forms.Textarea(attrs={"rows": 3})
    )
    achieved = forms.CharField(
        label=_("What we achieved"), widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, measure: Measure, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                # The aim starts from the description: what was planned is what the result
                # is measured against, and the owner rarely has to rewrite it.
                "aim": measure.result_aim or measure.description,
                "achieved": measure.result_achieved,
            },
        )
        super().__init__(*args, **kwargs)
        self.indicators = list(measure.indicators.all())
        for indicator in self.indicators:
            self.fields[f"indicator_{indicator.pk}"] = NumberField(
                label=_("Achieved value: %(name)s (%(unit)s)")
                % {"name": indicator.name, "unit": indicator.unit},
                # Optional: an indicator that could not be measured at the end is left
                # without a final value rather than given a made-up one.
                required=False,
            )

    def indicator_values(self) -> dict:
        values = {}
        for indicator in self.indicators:
            value = self.cleaned_data.get(f"indicator_{indicator.pk}")
            if value is not None:
                values[indicator] = value
        return values


class FocusAreaForm(forms.ModelForm):
    class Meta:
        model = FocusArea
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class GoalForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["focus_area", "title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["focus_area"].queryset = FocusArea.objects.filter(
            organisation=organisation
        )


GROUPINGS = [
    ("goal", _("Goal")),
    ("class", _("Class")),
    ("area", _("Service area")),
]


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    measure_class = forms.ChoiceField(
        label=_("Class"),
        required=False,
        choices=[("", _("All"))] + MeasureClass.choices,
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All"))] + MeasureStatus.choices,
    )
    area = forms.ModelChoiceField(
        label=_("Service area"),
        required=False,
        queryset=ServiceArea.objects.none(),
        to_field_name="slug",
        empty_label=_("All"),
    )
    goal = forms.ModelChoiceField(
        label=_("Goal"),
        required=False,
        queryset=Goal.objects.none(),
        empty_label=_("All"),
    )
    group = forms.ChoiceField(label=_("Group by"), required=False, choices=GROUPINGS)

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = ServiceArea.objects.filter(
            organisation=organisation
        )
        self.fields["goal"].queryset = Goal.objects.filter(organisation=organisation)

    def apply(self, measures):
        if not self.is_valid():
            return measures
        data = self.cleaned_data
        if data["q"]:
            measures = measures.search(data["q"])
        if data["measure_class"]:
            measures = measures.filter(measure_class=data["measure_class"])
        if data["status"]:
            measures = measures.filter(status=data["status"])
        if data["area"]:
            measures = measures.filter(service_area=data["area"])
        if data["goal"]:
            measures = measures.filter(goal=data["goal"])
        return measures

    def grouping(self, default: str = "goal") -> str:
        return (self.is_valid() and self.cleaned_data["group"]) or default
