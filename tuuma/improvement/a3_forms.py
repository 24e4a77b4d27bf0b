"""Forms of the A3 pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tuuma.caselog.models import CaseLog
from tuuma.ideas.models import Idea
from tuuma.improvement.fishbone import categories
from tuuma.improvement.models import (
    A3,
    SECTIONS,
    Cause,
    Countermeasure,
    KanoFeature,
)
from tuuma.processes.models import Step
from tuuma.programme.models import Goal, MeasureClass

TEXT = {"rows": 4}


class StepChoiceField(forms.ModelChoiceField):
    """A step named with its process and map, so that same-named steps differ."""

    def label_from_instance(self, step: Step) -> str:
        version = step.version
        return f"{version.process}: {version.name} – {step.position}. {step.name}"


class A3Form(forms.ModelForm):
    class Meta:
        model = A3
        fields = [
            "title",
            "problem",
            "process_step",
            "service_area",
            "fishbone_set",
            "background",
            "current_state",
            "goal",
            "plan",
            "follow_up",
        ]
        widgets = {
            f: forms.Textarea(attrs=TEXT)
            for f in ("background", "current_state", "goal", "plan", "follow_up")
        }
        field_classes = {"process_step": StepChoiceField}

    def __init__(self, *args, organisation, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["problem"].queryset = Idea.objects.filter(
            organisation=organisation, kind="problem"
        )
        self.fields["service_area"].queryset = areas
        self.fields["process_step"].queryset = (
            Step.objects.filter(organisation=organisation)
            .exclude(version__process__status="retired")
            .select_related("version__process")
            .order_by("version__process__code", "version__name", "position")
        )
        self.fields["process_step"].help_text = _(
            "Optional: the step of a process map where the problem shows; its value "
            "stream map is shown with the current state."
        )


class CauseForm(forms.ModelForm):
    class Meta:
        model = Cause
        fields = [
            "text",
            "parent",
            "category",
            "evidence_text",
            "evidence_idea",
            "evidence_caselog",
            "evidence_feature",
            "evidence_file",
            "verified",
            "is_root",
        ]

    def __init__(self, *args, a3: A3, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = a3.causes.all()
        self.fields["parent"].help_text = _("Empty: a direct cause of the problem.")
        self.fields["category"] = forms.ChoiceField(
            label=_("Fishbone category"),
            choices=[("", "–"), *categories(a3.fishbone_set).items()],
            required=False,
        )
        self.fields["evidence_idea"].queryset = Idea.objects.filter(
            organisation=a3.organisation
        )
        self.fields["evidence_caselog"].queryset = CaseLog.objects.filter(
            organisation=a3.organisation
        )
        self.fields["evidence_feature"].queryset = KanoFeature.objects.filter(
            organisation=a3.organisation
        ).select_related("survey")
        self.fields["evidence_feature"].label_from_instance = lambda feature: (
            f"{feature.survey.title}: {feature.name}"
        )


class CountermeasureForm(forms.ModelForm):
    class Meta:
        model = Countermeasure
        fields = ["cause", "text", "responsible", "due_on"]
        widgets = {"due_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, a3: A3, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cause"].queryset = a3.causes.filter(is_root=True)


class CommentForm(forms.Form):
    section = forms.ChoiceField(label=_("Section"), choices=SECTIONS)
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}))


class ToMeasureForm(forms.Form):
    goal = forms.ModelChoiceField(label=_("Goal"), queryset=Goal.objects.none())
    measure_class = forms.ChoiceField(
        label=_("Kind of measure"), choices=MeasureClass.choices
    )
    due_date = forms.DateField(
        label=_("Due date"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = Goal.objects.filter(organisation=organisation)


class ImplementedForm(forms.Form):
    implemented_on = forms.DateField(
        label=_("Implemented on"), widget=forms.DateInput(attrs={"type": "date"})
    )


class CheckForm(forms.Form):
    sustained = forms.TypedChoiceField(
        label=_("Has the change lasted?"),
        choices=[("1", _("Yes")), ("0", _("No"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
