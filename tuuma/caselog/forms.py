"""Forms of the case-log pages: upload, columns, filters, rules, comparisons."""

from datetime import date
from zoneinfo import available_timezones

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from tuuma.caselog import storage
from tuuma.caselog.engine import CaseFilter
from tuuma.caselog.models import CaseLog, Figure, RuleKind
from tuuma.caselog.preview import GZIP_MAGIC, Suggestion, file_format
from tuuma.organisation.models import Organisation, ServiceArea

ENCODING_CHOICES = [
    ("", _("detect")),
    ("utf-8", "UTF-8"),
    ("cp1252", _("Windows-1252 (Excel in Finland)")),
    ("iso-8859-15", "ISO-8859-15"),
    ("utf-16", _("UTF-16 (Excel “Unicode text”)")),
]

TIME_MODE_CHOICES = [
    ("intersecting", _("running in the period")),
    ("started", _("started in the period")),
    ("ended", _("ended in the period")),
    ("contained", _("started and ended in the period")),
]


class LogFileField(forms.FileField):
    """An event-log file: known type, under the size limit, readable gzip."""

    def clean(self, data, initial=None):
        file = super().clean(data, initial)
        if file is None:
            return file
        limit = storage.max_upload_bytes()
        if file.size > limit:
            raise forms.ValidationError(
                _("The file is larger than the limit of %(limit)s."),
                code="too_large",
                params={"limit": filesizeformat(limit)},
            )
        if file_format(file.name) is None:
            raise forms.ValidationError(
                _(
                    "The file type is not known. Upload an XES (.xes, .xes.gz), CSV "
                    "(.csv, .csv.gz), Excel (.xlsx) or Parquet (.parquet) file."
                ),
                code="unknown_format",
            )
        return file


class UploadForm(forms.Form):
    file = LogFileField(
        label=_("Log file"),
        help_text=_(
            "XES, CSV, Excel (.xlsx) or Parquet; gzip-compressed XES and CSV work too."
        ),
    )
    timezone = forms.ChoiceField(
        label=_("Time zone of the times"),
        required=False,
        help_text=_(
            "Times without a UTC offset are local time in this zone (daylight "
            "saving time included)."
        ),
    )
    encoding = forms.ChoiceField(
        label=_("Text encoding (CSV)"),
        choices=ENCODING_CHOICES,
        required=False,
        help_text=_("Leave to detect unless letters such as ä and ö come out wrong."),
    )
    name = forms.CharField(label=_("Name"), max_length=200)
    source_system = forms.CharField(
        label=_("Source system"),
        max_length=200,
        required=False,
        help_text=_("For example the case-management system the log was taken from."),
    )
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    service_area = forms.ModelChoiceField(
        label=_("Service area"), queryset=ServiceArea.objects.none(), required=False
    )
    pseudonymise = forms.BooleanField(
        label=_("Pseudonymise employee ids"),
        required=False,
        help_text=_(
            "Replaces the resource (employee) ids by codes at import; the original "
            "file is not kept."
        ),
    )

    def __init__(self, *args, organisation: Organisation, caselog=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_area"].queryset = ServiceArea.objects.filter(
            organisation=organisation
        )
        local = getattr(organisation, "time_zone", "") or settings.TIME_ZONE
        zones = sorted(available_timezones() - {local, "UTC"})
        self.fields["timezone"].choices = [(local, local), ("UTC", "UTC")] + [
            (z, z) for z in zones if "/" in z
        ]
        self.fields["timezone"].initial = local
        if caselog is not None:  # a new version: the log's details stay
            for name in ("name", "source_system", "description", "service_area"):
                del self.fields[name]
            del self.fields["pseudonymise"]

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.name.lower().endswith(".gz"):
            head = file.read(64 * 1024)
            file.seek(0)
            if head[:2] != GZIP_MAGIC:
                raise forms.ValidationError(
                    _("The compressed (gzip) file is damaged or incomplete."),
                    code="corrupt_gzip",
                )
        return file


class ColumnsForm(forms.Form):
    case_column = forms.ChoiceField(label=_("Case id column"))
    activity_column = forms.ChoiceField(label=_("Activity column"))
    timestamp_column = forms.ChoiceField(
        label=_("Timestamp column"),
        help_text=_("When the activity happened (or ended)."),
    )
    start_column = forms.ChoiceField(
        label=_("Start time column"),
        required=False,
        help_text=_(
            "If the log has one: when the activity started. Then processing time "
            "is known, not only waiting time."
        ),
    )
    resource_column = forms.ChoiceField(
        label=_("Employee (resource) column"),
        required=False,
        help_text=_("Pseudonymised at import when you chose so."),
    )
    KEYS = ("case_column", "activity_column", "timestamp_column")

    def __init__(
        self,
        *args,
        columns: list[str],
        suggestion: Suggestion | None = None,
        previous: dict | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        choices = [(c, c) for c in columns]
        for name in self.KEYS:
            self.fields[name].choices = choices
        for name in ("start_column", "resource_column"):
            self.fields[name].choices = [("", _("none")), *choices]
        self.initial = (suggestion or Suggestion()).initial()
        for key, column in (previous or {}).items():  # a new version: as before
            if column in columns:
                self.initial[f"{key}_column"] = column

    def clean(self):
        data = super().clean()
        keys = [data.get(k) for k in (*self.KEYS, "start_column") if data.get(k)]
        if len(keys) >= 3 and len(set(keys)) < len(keys):
            raise forms.ValidationError(
                _("Choose a different column for the case, the activity and the time.")
            )
        return data

    def columns(self) -> dict[str, str]:
        return {k: self.cleaned_data[k] for k in (*self.KEYS, "start_column")}


class LogDetailsForm(forms.ModelForm):
    class Meta:
        model = CaseLog
        fields = ["name", "source_system", "description", "service_area"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_area"].queryset = ServiceArea.objects.filter(
            organisation=self.instance.organisation
        )


class FilterForm(forms.Form):
    """The case filter of every view, read from and kept in the URL."""

    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("Until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The day before this date is the last one included."),
    )
    mode = forms.ChoiceField(
        label=_("Cases"), choices=TIME_MODE_CHOICES, required=False
    )
    attribute = forms.ChoiceField(label=_("Attribute"), required=False)
    value = forms.CharField(label=_("Value"), required=False, max_length=200)
    activity = forms.ChoiceField(label=_("Has activity"), required=False)
    without = forms.ChoiceField(label=_("Lacks activity"), required=False)
    variant = forms.IntegerField(label=_("Variant"), required=False, min_value=0)

    KEYS = (
        "start",
        "end",
        "mode",
        "attribute",
        "value",
        "activity",
        "without",
        "variant",
    )

    def __init__(self, *args, attributes: list[str], activities: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        none = [("", _("any"))]
        self.fields["attribute"].choices = none + [(a, a) for a in attributes]
        self.fields["activity"].choices = none + [(a, a) for a in activities]
        self.fields["without"].choices = none + [(a, a) for a in activities]

    def case_filter(self) -> CaseFilter:
        """The filter (an empty one when the form is not valid)."""
        if not self.is_valid():
            return CaseFilter()
        data = self.cleaned_data
        attributes = {}
        if data["attribute"] and data["value"]:
            values = [v.strip() for v in data["value"].split("|") if v.strip()]
            attributes = {data["attribute"]: values}
        return CaseFilter(
            start=data["start"],
            end=data["end"],
            time_mode=data["mode"] or "intersecting",
            attributes=attributes,
            variants=[data["variant"]] if data["variant"] is not None else [],
            activities_present=[data["activity"]] if data["activity"] else [],
            activities_absent=[data["without"]] if data["without"] else [],
        )


class DeadlineRuleForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=RuleKind.choices, widget=forms.RadioSelect
    )
    from_activity = forms.ChoiceField(label=_("From activity"), required=False)
    to_activity = forms.ChoiceField(label=_("To activity"), required=False)
    days = forms.DecimalField(
        label=_("Within days"),
        required=False,
        min_value=0,
        max_digits=8,
        decimal_places=2,
    )
    attribute = forms.ChoiceField(label=_("Date attribute"), required=False)

    def __init__(
        self, *args, activities: list[str], date_attributes: list[str], **kwargs
    ):
        super().__init__(*args, **kwargs)
        choose = [("", _("choose"))]
        self.fields["from_activity"].choices = choose + [(a, a) for a in activities]
        self.fields["to_activity"].choices = choose + [(a, a) for a in activities]
        self.fields["attribute"].choices = choose + [(a, a) for a in date_attributes]

    def clean(self):
        data = super().clean()
        if data.get("kind") == RuleKind.ACTIVITY:
            for name in ("from_activity", "to_activity", "days"):
                if data.get(name) in (None, ""):
                    self.add_error(name, _("This field is required for this kind."))
        elif data.get("kind") == RuleKind.ATTRIBUTE and not data.get("attribute"):
            self.add_error("attribute", _("This field is required for this kind."))
        return data


class RequiredAttributesForm(forms.Form):
    attributes = forms.MultipleChoiceField(
        label=_("Required attributes"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Cases missing any of these are listed below."),
    )

    def __init__(self, *args, attributes: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attributes"].choices = [(a, a) for a in attributes]


class CompareForm(forms.Form):
    split = forms.DateField(
        label=_("Change date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    measure = forms.TypedChoiceField(
        label=_("Or a measure of the programme (its start date)"),
        required=False,
        coerce=int,
        empty_value=None,
    )
    by = forms.ChoiceField(
        label=_("Cases count by their"),
        choices=[("start", _("start")), ("end", _("end"))],
        required=False,
    )

    def __init__(self, *args, measures: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.measures = {m.pk: m for m in measures}
        self.fields["measure"].choices = [("", _("none"))] + [
            (m.pk, f"{m.title} ({m.start_date:%d.%m.%Y})") for m in measures
        ]

    def clean(self):
        data = super().clean()
        if data.get("measure") is not None:
            data["split"] = self.measures[data["measure"]].start_date
        if not data.get("split") and not self.errors:
            raise forms.ValidationError(_("Choose a date or a measure."))
        return data

    def split_date(self) -> date:
        return self.cleaned_data["split"]


class LogIndicatorForm(forms.Form):
    indicator = forms.TypedChoiceField(label=_("Indicator"), coerce=int)
    figure = forms.ChoiceField(label=_("Figure"), choices=Figure.choices)
    rule = forms.TypedChoiceField(
        label=_("Deadline rule"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, indicators: list, rules: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = {i.pk: i for i in indicators}
        self.rules = {r.pk: r for r in rules}
        self.fields["indicator"].choices = [
            (i.pk, f"{i.measure.title}: {i.name} ({i.unit})") for i in indicators
        ]
        self.fields["rule"].choices = [("", _("none"))] + [
            (r.pk, r.name) for r in rules
        ]

    def clean(self):
        data = super().clean()
        if data.get("figure") == Figure.SHARE_MET and data.get("rule") is None:
            self.add_error("rule", _("Choose the deadline rule for this figure."))
        return data
