"""Forms of the hearing pages; the actions validate again what matters."""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from tuuma.hearings.choices import Phase, QuestionKind, Response
from tuuma.hearings.models import Hearing, Matter, Section
from tuuma.hearings.uploads import check_attachment, check_image
from tuuma.ideas.forms import CheckedUpload
from tuuma.organisation.models import ServiceArea


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class DateInput(forms.DateInput):
    input_type = "date"


class AreaChoiceMixin:
    def limit_areas(self, organisation) -> None:
        self.fields["service_area"].queryset = ServiceArea.objects.filter(
            organisation=organisation
        )


class HearingForm(AreaChoiceMixin, forms.ModelForm):
    class Meta:
        model = Hearing
        fields = [
            "title",
            "title_sv",
            "title_en",
            "summary",
            "summary_sv",
            "summary_en",
            "plain_summary",
            "service_area",
            "languages",
            "audience",
            "identity",
            "opens_at",
            "closes_at",
            "contact_name",
            "contact_email",
            "contact_phone",
        ]
        widgets = {
            "opens_at": LocalDateTimeInput(),
            "closes_at": LocalDateTimeInput(),
            "summary": forms.Textarea(attrs={"rows": 4}),
            "summary_sv": forms.Textarea(attrs={"rows": 3}),
            "summary_en": forms.Textarea(attrs={"rows": 3}),
            "plain_summary": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_languages(self) -> str:
        codes = [c.strip() for c in self.cleaned_data["languages"].split(",")]
        codes = [c for c in codes if c]
        if not codes or any(c not in ("fi", "sv", "en") for c in codes):
            raise forms.ValidationError(_("Use the codes fi, sv and en."))
        return ",".join(dict.fromkeys(codes))

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("The hearing must close after it opens."))
        return data


class SectionForm(forms.ModelForm):
    class Meta:
        model = Section
        fields = [
            "title",
            "title_sv",
            "title_en",
            "body",
            "body_sv",
            "body_en",
            "image",
            "image_alt",
        ]

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if isinstance(image, UploadedFile):
            checked = check_image(image)
            return checked.upload
        return image

    def clean(self):
        data = super().clean()
        if isinstance(data.get("image"), UploadedFile) and not data.get("image_alt"):
            self.add_error("image_alt", _("Describe the image for screen readers."))
        return data


class AttachmentForm(forms.Form):
    document = forms.FileField(
        label=_("Document"),
        help_text=_(
            "PDF, Word, Excel, PowerPoint or OpenDocument file, at most 20 MB."
        ),
    )
    title = forms.CharField(
        label=_("Link text"),
        max_length=200,
        required=False,
        help_text=_("What the document is; the file name if left empty."),
    )

    def clean_document(self) -> CheckedUpload:
        return check_attachment(self.cleaned_data["document"])


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=QuestionKind.choices)
    text = forms.CharField(label=_("Question"), max_length=300)
    text_sv = forms.CharField(
        label=_("Question in Swedish"), max_length=300, required=False
    )
    text_en = forms.CharField(
        label=_("Question in English"), max_length=300, required=False
    )
    options = forms.CharField(
        label=_("Options"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For choice questions: one option per line."),
    )


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )
    author_name = forms.CharField(
        label=_("Name or nickname"),
        max_length=80,
        required=False,
        help_text=_("Shown with your comment. Leave empty to comment anonymously."),
    )
    image = forms.FileField(
        label=_("Image (optional)"),
        required=False,
        help_text=_("JPEG, PNG, GIF or WebP, at most 5 MB."),
    )

    def clean_image(self) -> CheckedUpload | None:
        return check_image(self.cleaned_data.get("image"))


class EditCommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
    )


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this comment?"), max_length=500
    )


class ThemeResponseForm(forms.Form):
    response = forms.ChoiceField(label=_("Response"), choices=Response.choices)
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class MatterForm(AreaChoiceMixin, forms.ModelForm):
    started_on = forms.DateField(label=_("Preparation started"), widget=DateInput())

    class Meta:
        model = Matter
        fields = [
            "title",
            "title_sv",
            "title_en",
            "description",
            "case_id",
            "service_area",
        ]


class DecisionForm(forms.Form):
    body = forms.CharField(label=_("Decision-maker"), max_length=200)
    decided_on = forms.DateField(label=_("Decision date"), widget=DateInput())
    summary = forms.CharField(
        label=_("Decision"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    case_id = forms.CharField(label=_("Case ID"), max_length=60, required=False)
    minutes_url = forms.URLField(
        label=_("Link to the minutes"), required=False, assume_scheme="https"
    )


class PhaseForm(forms.Form):
    phase = forms.ChoiceField(label=_("Phase"), choices=Phase.choices)
    on = forms.DateField(label=_("Date"), widget=DateInput())
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
