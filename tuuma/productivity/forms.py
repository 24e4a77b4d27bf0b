"""Forms of the productivity pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tuuma.organisation.models import Unit
from tuuma.productivity.models import Product

MAX_FILE_BYTES = 20 * 1024 * 1024


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What the file holds"),
        choices=[
            ("volumes", _("Volumes: month, product code, channel, volume")),
            ("ledger", _("Ledger: month, cost centre, account, amount")),
            ("hours", _("Working hours: month, unit, product code, hours")),
            ("headcounts", _("Staff: month, unit, number of staff")),
        ],
    )
    file = forms.FileField(
        label=_("File (CSV or XLSX)"),
        help_text=_(
            "Finnish exports are fine: Windows-1252 or UTF-8, a semicolon, decimal "
            "commas, dates as 1.3.2025 or 3.2025. The months in the file replace "
            "what was imported for them before."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload


class PriceIndexForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100)
    value = forms.DecimalField(
        label=_("Price index of municipal basic services"),
        min_value=1,
        max_digits=8,
        decimal_places=2,
        localize=True,
    )


SCALE = [(str(v), str(v)) for v in range(1, 6)]
RECOMMEND = [("", _("No answer"))] + [(str(v), str(v)) for v in range(11)]


class SurveyAnswerForm(forms.Form):
    """One 1–5 choice per statement, the unit, and the 0–10 recommendation."""

    unit = forms.ModelChoiceField(label=_("Your unit"), queryset=Unit.objects.none())
    recommendation = forms.TypedChoiceField(
        label=_("How likely would you recommend your unit as a workplace? (0–10)"),
        choices=RECOMMEND,
        coerce=int,
        empty_value=None,
        required=False,
    )

    remark = forms.CharField(
        label=_("Anything else? (optional)"),
        help_text=_(
            "Your remark is stored apart from your answers, without your name or "
            "unit. Do not write anything that would tell who you are."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
    )
    remark_may_become_idea = forms.BooleanField(
        label=_("The productivity lead may make my remark an idea (in their name)"),
        required=False,
    )

    def __init__(self, *args, survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(
            organisation=survey.organisation
        )
        for statement in survey.statements.all():
            self.fields[f"s{statement.pk}"] = forms.TypedChoiceField(
                label=statement.localized_text,
                choices=SCALE,
                coerce=int,
                widget=forms.RadioSelect,
                help_text=_("1 = strongly disagree, 5 = strongly agree"),
            )
        # The unit, the statements, then the recommendation and the remark.
        self.order_fields(["unit", *(f for f in self.fields if f[1:].isdigit())])

    def values(self) -> dict[int, int]:
        return {
            int(name[1:]): value
            for name, value in self.cleaned_data.items()
            if name.startswith("s") and name[1:].isdigit()
        }


class MeasureProductForm(forms.Form):
    """Name a product the measure should change, and what it expects."""

    product = forms.ModelChoiceField(
        label=_("Service product"), queryset=Product.objects.none()
    )
    expected_unit_cost = forms.DecimalField(
        label=_("Expected unit cost (€)"),
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
        localize=True,
    )
    expected_digital_share = forms.DecimalField(
        label=_("Expected digital share (%)"),
        required=False,
        min_value=0,
        max_value=100,
        max_digits=5,
        decimal_places=1,
        localize=True,
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = Product.objects.filter(
            organisation=organisation
        )
