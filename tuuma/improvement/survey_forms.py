"""Forms of the Kano survey pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tuuma.improvement.models import KanoFeature, KanoSurvey
from tuuma.organisation.models import ServiceArea

ANSWER_CHOICES = [
    (1, _("I like it")),
    (2, _("I expect it")),
    (3, _("I am neutral")),
    (4, _("I can tolerate it")),
    (5, _("I dislike it")),
]


class SurveyForm(forms.ModelForm):
    class Meta:
        model = KanoSurvey
        fields = [
            "title_fi",
            "title_sv",
            "title_en",
            "intro_fi",
            "intro_sv",
            "intro_en",
            "service_area",
            "audience",
            "allow_anonymous",
            "ask_importance",
            "tie_threshold",
        ]
        widgets = {
            f"intro_{c}": forms.Textarea(attrs={"rows": 3}) for c in "fi sv en".split()
        }

    def __init__(self, *args, areas=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_area"].queryset = areas
        self.fields["tie_threshold"].min_value = 0
        self.fields["tie_threshold"].max_value = 50


class FeatureForm(forms.ModelForm):
    class Meta:
        model = KanoFeature
        fields = ["name_fi", "name_sv", "name_en", "idea", "measure"]

    def __init__(self, *args, ideas=None, measures=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["idea"].queryset = ideas
        self.fields["measure"].queryset = measures
        self.fields["idea"].help_text = _("Optional: the idea this feature tests.")
        self.fields["measure"].help_text = _("Optional: the measure it tests.")


class AnswerForm(forms.Form):
    """Two questions (and optionally importance) for every feature of a survey."""

    def __init__(self, *args, survey: KanoSurvey, features, **kwargs):
        super().__init__(*args, **kwargs)
        self.features = list(features)
        self.survey = survey
        for feature in self.features:
            self.fields[f"f{feature.pk}"] = forms.TypedChoiceField(
                label=_("If the service has this, how do you feel?"),
                choices=ANSWER_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
            )
            self.fields[f"d{feature.pk}"] = forms.TypedChoiceField(
                label=_("If the service does not have this, how do you feel?"),
                choices=ANSWER_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
            )
            if survey.ask_importance:
                self.fields[f"i{feature.pk}"] = forms.TypedChoiceField(
                    label=_(
                        "How important is this to you? (1 not at all, 9 extremely)"
                    ),
                    choices=[(n, str(n)) for n in range(1, 10)],
                    coerce=int,
                    required=False,
                    empty_value=None,
                    widget=forms.RadioSelect,
                )
        self.fields["service_area"] = forms.ModelChoiceField(
            label=_("Which service area do you use or work in most? (optional)"),
            queryset=ServiceArea.objects.filter(organisation=survey.organisation),
            required=False,
        )

    def groups(self):
        """(feature, its bound fields) in order, for the template."""
        for feature in self.features:
            names = [f"f{feature.pk}", f"d{feature.pk}", f"i{feature.pk}"]
            yield feature, [self[n] for n in names if n in self.fields]

    def answers(self) -> dict[int, tuple[int, int, int | None]]:
        data = self.cleaned_data
        return {
            f.pk: (data[f"f{f.pk}"], data[f"d{f.pk}"], data.get(f"i{f.pk}"))
            for f in self.features
        }
