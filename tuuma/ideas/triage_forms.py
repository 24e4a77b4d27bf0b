"""The staff's triage forms: area, person, scores and status in one; the merge."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tuuma.accounts.models import User
from tuuma.ideas.models import IdeaStatus
from tuuma.organisation.models import Organisation, ServiceArea

SCORE_CHOICES = [("", "–")] + [(str(i), str(i)) for i in range(1, 6)]


class TriageForm(forms.Form):
    service_area = forms.ModelChoiceField(
        label=_("Service area"), queryset=ServiceArea.objects.none(), required=False
    )
    responsible = forms.ModelChoiceField(
        label=_("Responsible person"), queryset=User.objects.none(), required=False
    )
    impact_score = forms.TypedChoiceField(
        label=_("Impact (1 low – 5 high)"),
        choices=SCORE_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )
    effort_score = forms.TypedChoiceField(
        label=_("Effort (1 small – 5 large)"),
        choices=SCORE_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )

    start_review = forms.BooleanField(
        label=_("Start the review"),
        required=False,
        help_text=_(
            "The idea's status becomes “under review”; its followers are told."
        ),
    )
    public_text = forms.CharField(
        label=_("Public note (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, organisation: Organisation, idea=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The status part of the one triage form: only a published idea can
        # be taken under review here; answering has its own form.
        if idea is None or idea.status != IdeaStatus.PUBLISHED:
            del self.fields["start_review"]
            del self.fields["public_text"]
        self.fields["service_area"].queryset = ServiceArea.objects.filter(
            organisation=organisation
        )
        self.fields["responsible"].queryset = User.objects.filter(
            organisation=organisation,
            is_active=True,
            memberships__organisation=organisation,
        ).distinct()


class MergeForm(forms.Form):
    q = forms.CharField(
        label=_("Find the other idea by title or number"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    into = forms.IntegerField(min_value=1, required=False, widget=forms.HiddenInput)
    confirm = forms.BooleanField(required=False, widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Public explanation"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
