"""Forms of the competence pages; the actions do the saving and the checks."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from tuuma.competence.models import AbsenceKind, Task
from tuuma.organisation.models import Unit
from tuuma.organisation.permissions import areas_where
from tuuma.processes.models import Process
from tuuma.programme.models import Goal

User = get_user_model()
LEVEL_CHOICES = [(n, str(n)) for n in range(5)]


class TaskForm(forms.ModelForm):
    case_types_text = forms.CharField(
        label=_("Case types"),
        required=False,
        help_text=_("Separated by commas; the case log's cases of these types."),
    )

    class Meta:
        model = Task
        fields = [
            "name",
            "description",
            "required_level",
            "headcount",
            "critical",
            "process",
            "process_ref",
            "annual_cases",
            "median_handling_hours",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit
        descriptors = self.instance.level_descriptors or {}
        for level in range(5):
            self.fields[f"descriptor{level}"] = forms.CharField(
                label=_("What level %(n)s means in this task") % {"n": level},
                required=False,
                max_length=300,
                initial=descriptors.get(str(level), ""),
            )
        self.fields["process"].queryset = Process.objects.filter(
            organisation_id=unit.organisation_id
        )
        self.fields["case_types_text"].initial = ", ".join(
            self.instance.case_types or []
        )

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        clash = Task.objects.of_unit(self.unit).filter(name__iexact=name)
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("The unit already has a task of that name."))
        return name

    def task_fields(self) -> dict:
        data = self.cleaned_data
        fields = {k: v for k, v in data.items() if k in self.Meta.fields}
        fields.pop("name")
        fields["level_descriptors"] = {
            str(n): data[f"descriptor{n}"] for n in range(5) if data[f"descriptor{n}"]
        }
        text = self.cleaned_data.get("case_types_text") or ""
        fields["case_types"] = [t.strip() for t in text.split(",") if t.strip()]
        return fields


class DeputiesForm(forms.Form):
    """The primary holder and up to four deputies, in order."""

    SLOTS = 5

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "–")] + [(p.pk, str(p)) for p in people]
        self.people = {p.pk: p for p in people}
        for i in range(self.SLOTS):
            label = _("Primary holder") if i == 0 else _("Deputy %(n)s") % {"n": i}
            self.fields[f"slot{i}"] = forms.TypedChoiceField(
                label=label, choices=choices, coerce=int, required=False
            )

    def ordered_people(self) -> list:
        chosen = [self.cleaned_data.get(f"slot{i}") for i in range(self.SLOTS)]
        return [self.people[pk] for pk in chosen if pk]


class AbsencePlanForm(forms.Form):
    name = forms.CharField(label=_("Name of the plan"), max_length=200)


class AbsenceForm(forms.Form):
    person = forms.TypedChoiceField(label=_("Person"), coerce=int)
    start = forms.DateField(
        label=_("First day"), widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("Last day"), widget=forms.DateInput(attrs={"type": "date"})
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=AbsenceKind.choices)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {p.pk: p for p in people}
        self.fields["person"].choices = [(p.pk, str(p)) for p in people]


class CsvUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns email, start, end and optionally kind."),
    )


class MatrixUploadForm(forms.Form):
    file = forms.FileField(
        label=_("XLSX or CSV file"),
        help_text=_(
            "One row per person: a column of e-mail addresses and one column per "
            "task with the level 0–4. CSV may use ; and Windows-1252."
        ),
    )


class NeedToMeasureForm(forms.Form):
    goal = forms.ModelChoiceField(label=_("Goal"), queryset=Goal.objects.none())
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=User.objects.none())
    start_date = forms.DateField(
        label=_("Start"), widget=forms.DateInput(attrs={"type": "date"})
    )
    due_date = forms.DateField(
        label=_("Due"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = Goal.objects.filter(organisation=organisation)
        self.fields["owner"].queryset = User.objects.filter(
            organisation=organisation, is_active=True
        ).order_by("full_name")


class RotationForm(forms.Form):
    start = forms.DateField(
        label=_("Period from"), widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("Period to"), widget=forms.DateInput(attrs={"type": "date"})
    )
    mentor_load = forms.IntegerField(
        label=_("Trainees per mentor at most"), min_value=1, max_value=5, initial=2
    )


def managed_units(user, organisation):
    """Units whose competence data ``user`` may manage (by their areas)."""
    units = Unit.objects.filter(organisation=organisation).order_by("name")
    areas = areas_where(user, "competence.manage", organisation)
    return units if areas is None else units.filter(service_area_id__in=areas)


class ChangeNeedsForm(forms.Form):
    """Which unit a change's new skills land in, and at what required level."""

    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    required_level = forms.TypedChoiceField(
        label=_("Required level"), choices=LEVEL_CHOICES[1:], coerce=int, initial=3
    )

    def __init__(self, *args, user, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = managed_units(user, organisation)


class IdeaSkillForm(ChangeNeedsForm):
    skill = forms.CharField(
        label=_("Skill or task"),
        max_length=200,
        help_text=_("Becomes a task of the unit unless it has one of that name."),
    )
    field_order = ["skill", "unit", "required_level"]
