"""Forms of the priority list."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tuuma.caselog.models import CaseLog
from tuuma.improvement.models import PriorityScore, RankingDecision

SCALE_HELP = {
    "impact": _(
        "1 minimal … 5 very large benefit to residents, staff or productivity."
    ),
    "effort": _("1 a few hours … 5 a project of many months or a large cost."),
}


class ScoreForm(forms.ModelForm):
    class Meta:
        model = PriorityScore
        fields = [
            "impact",
            "impact_reason",
            "effort",
            "effort_reason",
            "caselog",
            "waiting_days_removed",
        ]
        widgets = {
            "impact": forms.Select(choices=[(n, n) for n in range(1, 6)]),
            "effort": forms.Select(choices=[(n, n) for n in range(1, 6)]),
            "impact_reason": forms.Textarea(attrs={"rows": 2}),
            "effort_reason": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            **SCALE_HELP,
            "caselog": _("Optional: ground the impact in a case log's volume."),
            "waiting_days_removed": _(
                "Days of waiting each case would no longer have."
            ),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["caselog"].queryset = CaseLog.objects.filter(
            organisation=organisation
        )


class FreezeForm(forms.ModelForm):
    class Meta:
        model = RankingDecision
        fields = ["title", "decided_on", "service_area"]
        widgets = {"decided_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_area"].queryset = areas
