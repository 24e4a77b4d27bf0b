"""Forms of the budgeting pages; the actions do the domain checks."""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tuuma.accounts.models import User
from tuuma.budgeting.actions import DATE_FIELDS
from tuuma.budgeting.choices import MAX_IMAGES, Feasibility
from tuuma.budgeting.models import AdvisoryVote, Round
from tuuma.hearings.choices import Phase as MatterPhase
from tuuma.hearings.models import Matter
from tuuma.hearings.uploads import check_image
from tuuma.organisation.models import ServiceArea
from tuuma.programme.models import Goal

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RoundForm(forms.ModelForm):
    area_lines = forms.CharField(
        label=_("Areas"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Optional: one area per line as name; budget in euros, e.g. "
            "Keskusta; 50000. Without areas the whole budget is one area."
        ),
    )

    class Meta:
        model = Round
        fields = [
            "title",
            "description",
            "total_budget",
            "ballot_kind",
            "result_rule",
            "min_age",
            "residents_only",
            "identity",
            *DATE_FIELDS,
        ]
        widgets = {field: DATE_INPUT for field in DATE_FIELDS}

    def clean_area_lines(self) -> list[tuple[str, int]]:
        areas = []
        for line in self.cleaned_data["area_lines"].splitlines():
            if not line.strip():
                continue
            name, _sep, budget = line.rpartition(";")
            try:
                areas.append((name.strip(), int(budget.strip().replace(" ", ""))))
            except ValueError:
                raise forms.ValidationError(
                    _("Write each area as name; budget, e.g. Keskusta; 50000.")
                ) from None
        return areas


@dataclass
class FieldGroup:
    """Some of a form's fields, shaped for ``web/form_fields.html``."""

    visible_fields: list
    hidden_fields: tuple = ()


class ProposalForm(forms.Form):
    """A proposal, its place (address and/or point) and up to ``MAX_IMAGES``
    images, each with its description."""

    area = forms.ModelChoiceField(label=_("Area"), queryset=None, empty_label=None)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea)
    location = forms.CharField(
        label=_("Location"),
        max_length=200,
        required=False,
        help_text=_("A street address or a place everyone knows."),
    )
    latitude = forms.DecimalField(
        label=_("Latitude"),
        required=False,
        min_value=-90,
        max_value=90,
        decimal_places=6,
        help_text=_("Degrees north, e.g. 62.2415. Choosing on the map fills it in."),
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )
    longitude = forms.DecimalField(
        label=_("Longitude"),
        required=False,
        min_value=-180,
        max_value=180,
        decimal_places=6,
        help_text=_("Degrees east, e.g. 25.7482."),
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )

    def __init__(self, *args, budget_round: Round, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = budget_round.areas.all()
        for n in range(1, MAX_IMAGES + 1):
            self.fields[f"image_{n}"] = forms.ImageField(
                label=_("Image %(number)s") % {"number": n}, required=False
            )
            self.fields[f"image_alt_{n}"] = forms.CharField(
                label=_("Description of image %(number)s") % {"number": n},
                max_length=200,
                required=False,
                help_text=_("What the image shows, for those who cannot see it."),
            )

    def groups(self) -> dict[str, FieldGroup]:
        """The proposal, its place and its images, each under its own heading."""
        return {
            "proposal": FieldGroup([self[n] for n in ("area", "title", "description")]),
            "place": FieldGroup(
                [self[n] for n in ("location", "latitude", "longitude")]
            ),
            "images": FieldGroup(
                [self[n] for n in self.fields if n.startswith("image")]
            ),
        }

    def clean(self) -> dict:
        data = super().clean()
        images = []
        for n in range(1, MAX_IMAGES + 1):
            upload, alt_text = data.get(f"image_{n}"), data.get(f"image_alt_{n}", "")
            if not upload:
                continue
            try:
                images.append((check_image(upload), alt_text or ""))
            except forms.ValidationError as error:
                self.add_error(f"image_{n}", error)
            if not (alt_text or "").strip():
                self.add_error(
                    f"image_alt_{n}",
                    _("Describe each image for those who cannot see it."),
                )
        data["images"] = images
        return data


class EstimateForm(forms.Form):
    feasibility = forms.ChoiceField(
        label=_("Feasibility"),
        choices=[(v, label) for v, label in Feasibility.choices if v != "pending"],
    )
    cost = forms.IntegerField(label=_("Cost estimate (€)"), min_value=1, required=False)
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Public, and sent to the authors."),
    )


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(
        label=pgettext_lazy("proposal", "Merge into"), queryset=None
    )

    def __init__(self, *args, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = proposal.round.proposals.filter(
            merged_into=None
        ).exclude(pk=proposal.pk)


class IdeaMoveForm(forms.Form):
    idea = forms.IntegerField(label=_("Idea number"), min_value=1)
    area = forms.ModelChoiceField(label=_("Area"), queryset=None, empty_label=None)

    def __init__(self, *args, budget_round: Round, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = budget_round.areas.all()


class PaperForm(forms.Form):
    area = forms.ModelChoiceField(label=_("Area"), queryset=None, empty_label=None)
    station = forms.CharField(label=_("Voting station"), max_length=100)
    ballots = forms.CharField(
        label=_("Ballots"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "One ballot per line: the numbers of the chosen proposals separated "
            "by spaces or commas."
        ),
    )

    def __init__(self, *args, budget_round: Round, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = budget_round.areas.all()

    def clean_ballots(self) -> list[list[int]]:
        parsed = []
        for number, line in enumerate(self.cleaned_data["ballots"].splitlines(), 1):
            parts = line.replace(",", " ").split()
            if not parts:
                continue
            if not all(part.isdigit() for part in parts):
                raise forms.ValidationError(
                    _("Line %(number)s: only proposal numbers, please.")
                    % {"number": number}
                )
            parsed.append([int(part) for part in parts])
        return parsed


class WinnersForm(forms.Form):
    goal = forms.ModelChoiceField(label=_("Goal"), queryset=None)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None)
    service_area = forms.ModelChoiceField(label=_("Service area"), queryset=None)
    start_date = forms.DateField(label=_("Start"), widget=DATE_INPUT)
    due_date = forms.DateField(label=_("Due"), widget=DATE_INPUT)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = Goal.objects.filter(organisation=organisation)
        self.fields["owner"].queryset = User.objects.filter(
            organisation=organisation, memberships__isnull=False, is_active=True
        ).distinct()
        self.fields["service_area"].queryset = ServiceArea.objects.filter(
            organisation=organisation
        )


class AdvisoryForm(forms.ModelForm):
    """A new advisory vote on a matter in its decision phase."""

    option_lines = forms.CharField(
        label=_("Options"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One option per line, at least two."),
    )

    class Meta:
        model = AdvisoryVote
        fields = [
            "matter",
            "question",
            "description",
            "kind",
            "opens_on",
            "closes_on",
            "identity",
            "min_age",
            "residents_only",
        ]
        widgets = {"opens_on": DATE_INPUT, "closes_on": DATE_INPUT}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["matter"].queryset = Matter.objects.filter(
            organisation=organisation, phase=MatterPhase.DECISION
        )
        self.fields["matter"].help_text = _("Matters in their decision phase.")

    def clean_option_lines(self) -> list[str]:
        return self.cleaned_data["option_lines"].splitlines()
