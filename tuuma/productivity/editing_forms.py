"""Forms of the catalogue, cost-centre and survey editing pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tuuma.caselog.models import CaseLog
from tuuma.organisation.models import Organisation, ServiceArea
from tuuma.processes.models import Process
from tuuma.productivity.models import CostCentre, Driver, Product, ProductGroup
from tuuma.programme.forms import DATE, staff_of

MAX_STATEMENTS = 12


class ProductGroupForm(forms.ModelForm):
    class Meta:
        model = ProductGroup
        fields = ["service_area", "name"]
        labels = {"service_area": _("Service area")}

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_area"].queryset = areas


class ProductForm(forms.ModelForm):
    case_types = forms.CharField(
        label=_("Case types"),
        required=False,
        help_text=_(
            "The case types of the log whose closed cases are the output, "
            "separated by commas. Empty: every closed case of the log."
        ),
    )

    class Meta:
        model = Product
        fields = [
            "group",
            "code",
            "name",
            "description",
            "output_unit",
            "owner",
            "process",
            "caselog",
            "case_type_attribute",
            "case_types",
            "is_published",
        ]

    def __init__(self, *args, organisation: Organisation, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = ProductGroup.objects.filter(
            organisation=organisation, service_area__in=areas
        ).select_related("service_area")
        self.fields["owner"].queryset = staff_of(organisation)
        self.fields["process"].queryset = Process.objects.filter(
            organisation=organisation
        )
        self.fields["caselog"].queryset = CaseLog.objects.filter(
            organisation=organisation
        )
        self.initial["case_types"] = ", ".join(self.instance.case_types or [])

    def clean_case_types(self) -> list[str]:
        text = self.cleaned_data["case_types"]
        return [part.strip() for part in text.split(",") if part.strip()]

    def save(self, commit: bool = False) -> Product:
        product = super().save(commit=False)
        product.service_area = product.group.service_area
        return product


class CostCentreForm(forms.ModelForm):
    class Meta:
        model = CostCentre
        fields = ["code", "name", "service_area", "driver", "product"]
        labels = {"service_area": _("Service area"), "product": _("Product")}

    def __init__(self, *args, organisation: Organisation, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["service_area"].queryset = areas
        self.fields["product"].queryset = Product.objects.filter(
            organisation=organisation, service_area__in=areas
        )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        taken = CostCentre.objects.filter(organisation=self.organisation, code=code)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Another cost centre has this code."))
        return code

    def clean(self):
        data = super().clean()
        direct = data.get("driver") == Driver.DIRECT
        if direct and not data.get("product"):
            self.add_error("product", _("A direct cost centre belongs to a product."))
        if not direct and data.get("product"):
            self.add_error(
                "product", _("Only a direct cost centre belongs to one product.")
            )
        return data


class DriverSharesForm(forms.Form):
    """A support centre's square metres or fixed share for each product it serves."""

    def __init__(self, *args, centre: CostCentre, products, **kwargs):
        super().__init__(*args, **kwargs)
        current = {s.product_id: s.value for s in centre.shares.all()}
        label = _("Square metres") if centre.driver == Driver.AREA else _("Share")
        for product in products:
            self.fields[f"p{product.pk}"] = forms.DecimalField(
                label=f"{product} ({label})",
                required=False,
                min_value=0,
                max_digits=14,
                decimal_places=4,
                localize=True,
                initial=current.get(product.pk),
            )

    def values(self) -> dict:
        return {int(name[1:]): value for name, value in self.cleaned_data.items()}


class SurveyForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    opens_on = forms.DateField(label=_("Opens on"), widget=DATE)
    closes_on = forms.DateField(label=_("Closes on"), widget=DATE)

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("The survey closes after it opens."))
        return data


class StatementForm(forms.Form):
    # Every row may be left empty: an empty row is no statement (a cleared row
    # removes one).
    text = forms.CharField(
        label=_("Statement in Finnish"), max_length=300, required=False
    )
    text_sv = forms.CharField(
        label=_("Statement in Swedish"), max_length=300, required=False
    )
    text_en = forms.CharField(
        label=_("Statement in English"), max_length=300, required=False
    )

    def clean(self):
        data = super().clean()
        if not data.get("text") and (data.get("text_sv") or data.get("text_en")):
            self.add_error("text", _("Write the statement in Finnish too."))
        return data


class BaseStatementFormSet(forms.BaseFormSet):
    def clean(self):
        if not any(self.errors) and not self.texts():
            raise forms.ValidationError(_("Write at least one statement."))

    def texts(self) -> list[tuple[str, str, str]]:
        return [
            (data["text"], data["text_sv"], data["text_en"])
            for data in (form.cleaned_data for form in self.forms)
            if data.get("text")
        ]


StatementFormSet = forms.formset_factory(
    StatementForm,
    formset=BaseStatementFormSet,
    extra=0,
    max_num=MAX_STATEMENTS,
    absolute_max=MAX_STATEMENTS,
    validate_max=True,
)


def statement_formset(data=None, *, survey=None) -> BaseStatementFormSet:
    """The survey's statements and empty rows up to twelve."""
    initial = []
    if survey is not None:
        initial = [
            {"text": s.text, "text_sv": s.text_sv, "text_en": s.text_en}
            for s in survey.statements.all()
        ]
    formset = StatementFormSet(data, initial=initial, prefix="statements")
    formset.extra = MAX_STATEMENTS - len(initial)
    return formset


class RemarkIdeaForm(forms.Form):
    title = forms.CharField(label=_("Title of the idea"), max_length=200)
    service_area = forms.ModelChoiceField(
        label=_("Service area"), queryset=ServiceArea.objects.none(), required=False
    )
    is_staff_only = forms.BooleanField(
        label=_("Visible to staff only"), required=False, initial=True
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_area"].queryset = ServiceArea.objects.filter(
            organisation=organisation
        )
