from django import forms
from django.utils.translation import gettext_lazy as _

from tuuma.programme.models import Goal
from tuuma.programme.models.measures import MeasureClass
from tuuma.workshops.models import Session, Step


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = [
            "title",
            "purpose",
            "audience",
            "languages",
            "anonymity",
            "min_group_size",
            "groups",
            "service_area",
            "is_self_paced",
        ]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "groups": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_area"].queryset = organisation.service_areas.all()

    def clean_languages(self):
        codes = [c.strip() for c in self.cleaned_data["languages"].split(",")]
        if not codes or any(c not in ("fi", "sv", "en") for c in codes):
            raise forms.ValidationError(_("Use fi, sv and en, separated by commas."))
        return ",".join(codes)


class StepForm(forms.ModelForm):
    class Meta:
        model = Step
        fields = [
            "kind",
            "prompt",
            "premoderate",
            "budget",
            "max_per_item",
            "timer_minutes",
            "options",
        ]
        widgets = {"options": forms.Textarea(attrs={"rows": 3})}


class JoinCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Workshop code"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters"}
        ),
    )


class JoinForm(forms.Form):
    nickname = forms.CharField(
        label=_("Nickname (optional)"), max_length=40, required=False
    )
    group = forms.ChoiceField(label=_("Your group"), required=False)

    def __init__(self, *args, session: Session, **kwargs):
        super().__init__(*args, **kwargs)
        if not session.shows_names:
            del self.fields["nickname"]
        groups = session.group_list
        if groups:
            self.fields["group"].choices = [("", _("Prefer not to say"))] + [
                (g, g) for g in groups
            ]
        else:
            del self.fields["group"]


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Your note"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class TranscribeForm(forms.Form):
    step = forms.ModelChoiceField(label=_("Step"), queryset=Step.objects.none())
    text = forms.CharField(
        label=_("Notes from the paper wall, one per line"),
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, session: Session, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["step"].queryset = session.steps.filter(kind__in=["ideate", "qa"])


class MeasureForm(forms.Form):
    goal = forms.ModelChoiceField(label=_("Goal"), queryset=Goal.objects.none())
    service_area = forms.ModelChoiceField(label=_("Service area"), queryset=None)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None)
    measure_class = forms.ChoiceField(label=_("Class"), choices=MeasureClass.choices)
    start_date = forms.DateField(
        label=_("Start date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    due_date = forms.DateField(
        label=_("Due date"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = Goal.objects.filter(
            focus_area__organisation=organisation
        )
        self.fields["service_area"].queryset = organisation.service_areas.all()
        self.fields["owner"].queryset = organisation.users.filter(
            memberships__isnull=False
        ).distinct()
