from dataclasses import dataclass

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from tuuma.ideas.models import (
    PUBLIC_STATUSES,
    Idea,
    IdeaKind,
    IdeaOutcome,
    IdeaSettings,
    IdeaStatus,
)
from tuuma.ideas.widgets import QuickSelect
from tuuma.organisation.models import Organisation, ServiceArea

TITLE_MAX = 200
BODY_MAX = 10_000
COMMENT_MAX = 2_000
ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
ATTACHMENTS_MAX = 5
# Whole request bigger than this is refused before the form reads it.
UPLOAD_REQUEST_MAX = ATTACHMENTS_MAX * ATTACHMENT_MAX_BYTES + 1024 * 1024


@dataclass(frozen=True)
class FileKind:
    content_type: str
    extensions: tuple[str, ...]


def sniff(head: bytes) -> FileKind | None:
    """The file's real type from its first bytes (magic numbers), or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return FileKind("image/jpeg", (".jpg", ".jpeg"))
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileKind("image/png", (".png",))
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return FileKind("image/gif", (".gif",))
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return FileKind("image/webp", (".webp",))
    if head.startswith(b"%PDF-"):
        return FileKind("application/pdf", (".pdf",))
    return None


@dataclass(frozen=True)
class CheckedUpload:
    upload: UploadedFile
    content_type: str
    name: str


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Up to five images or PDFs, each at most 5 MB, checked by their content."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > ATTACHMENTS_MAX:
            raise forms.ValidationError(
                _("Attach at most %(count)d files.") % {"count": ATTACHMENTS_MAX}
            )
        return [self._check(upload) for upload in files]

    def _check(self, upload: UploadedFile) -> CheckedUpload:
        name = upload.name or ""
        if upload.size > ATTACHMENT_MAX_BYTES:
            raise forms.ValidationError(
                _("%(name)s is too big: at most %(size)s per file.")
                % {"name": name, "size": filesizeformat(ATTACHMENT_MAX_BYTES)}
            )
        head = upload.read(16)
        upload.seek(0)
        # The type is read from the content, not from the browser's Content-Type or
        # the name alone: a renamed .html must not be served back as an "image".
        kind = sniff(head)
        if kind is None or not name.lower().endswith(kind.extensions):
            raise forms.ValidationError(
                _(
                    "%(name)s is not an accepted file: attach JPEG, PNG, GIF or "
                    "WebP images or PDF documents."
                )
                % {"name": name}
            )
        return CheckedUpload(upload=upload, content_type=kind.content_type, name=name)


def clean_title_text(value: str) -> str:
    # Whitespace is collapsed before the length is checked, so "a    b" cannot
    # pass the minimum with spaces.
    title = " ".join(value.split())
    if len(title) < 5:
        raise forms.ValidationError(_("Write a title of at least 5 characters."))
    if len(title) > TITLE_MAX:
        raise forms.ValidationError(
            _("The title can be at most %(max)d characters long.") % {"max": TITLE_MAX}
        )
    return title


def clean_body_text(value: str) -> str:
    body = value.strip()
    if not body:
        raise forms.ValidationError(_("Describe your idea."))
    if len(body) > BODY_MAX:
        raise forms.ValidationError(
            _("The description can be at most %(max)d characters long.")
            % {"max": BODY_MAX}
        )
    return body


class HoneypotMixin(forms.Form):
    """A field people never see; bots that fill it are quietly ignored."""

    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        # Out of the tab order and never autofilled, so keyboard and screen-reader
        # users do not land in it; the CSS hides it from sight.
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_bot(self) -> bool:
        return bool(self.data.get("website"))


class IdeaForm(HoneypotMixin, forms.ModelForm):
    attachments = AttachmentsField(
        label=_("Attachments"),
        help_text=_("Images (JPEG, PNG, GIF, WebP) or PDF, up to 5 files of 5 MB."),
    )

    class Meta:
        model = Idea
        fields = [
            "kind",
            "title",
            "body",
            "service_area",
            "location_name",
            "is_staff_only",
            "contact_email",
        ]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}
        labels = {"kind": _("Kind"), "service_area": _("Service area")}
        help_texts = {
            "location_name": _("Optional, e.g. a street, a park or a school."),
        }

    def __init__(
        self,
        *args,
        organisation: Organisation,
        is_staff: bool,
        is_anonymous: bool,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.fields["service_area"].queryset = ServiceArea.objects.filter(
            organisation=organisation
        )
        self.fields["service_area"].required = False
        self.fields["title"].widget.attrs.update(
            {"maxlength": TITLE_MAX, "autocomplete": "off"}
        )
        if not is_staff:
            self.fields["kind"].choices = [
                c for c in IdeaKind.choices if c[0] != IdeaKind.STAFF_INITIATIVE
            ]
            del self.fields["is_staff_only"]
        if not is_anonymous:
            del self.fields["contact_email"]
        if self.instance.pk:
            del self.fields["attachments"]
        # The honeypot goes last.
        self.order_fields([f for f in self.fields if f != "website"] + ["website"])

    def clean_title(self) -> str:
        return clean_title_text(self.cleaned_data["title"])

    def clean_body(self) -> str:
        return clean_body_text(self.cleaned_data["body"])


class CommentForm(HoneypotMixin, forms.Form):
    body = forms.CharField(
        label=_("Comment"),
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write a comment."))
        return body


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with it?"), max_length=500, strip=True
    )
    comment = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (shown to the author)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    comment = forms.IntegerField(required=False, widget=forms.HiddenInput)


class BlockForm(forms.Form):
    user = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Reason for blocking"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class NoteForm(forms.Form):
    body = forms.CharField(
        label=_("Private note"),
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AnswerForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[c for c in IdeaOutcome.choices if c[0] != IdeaOutcome.MERGED],
    )
    text = forms.CharField(
        label=_("Official answer"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Public once published. For “not taken forward”, give the reason."),
    )
    forwarded_to = forms.CharField(
        label=_("Forwarded to"),
        max_length=200,
        required=False,
        help_text=_("The decision-maker or body, if the outcome is “forwarded”."),
    )
    case_number = forms.CharField(
        label=_("Case number (asiatunnus)"), max_length=100, required=False
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("outcome") == IdeaOutcome.FORWARDED
            and not data.get("forwarded_to", "").strip()
        ):
            self.add_error("forwarded_to", _("Say who the idea was forwarded to."))
        return data


class SettingsForm(forms.ModelForm):
    class Meta:
        model = IdeaSettings
        fields = ["allow_anonymous", "pre_moderation", "answer_target_days"]


SORTS = {
    "newest": ("-published_at", "-id"),
    "supported": ("-support_count", "-id"),
    "answered": ("-answer_published_at", "-id"),
}


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    status = forms.ChoiceField(label=_("Status"), required=False, widget=QuickSelect)
    kind = forms.ChoiceField(label=_("Kind"), required=False, widget=QuickSelect)
    area = forms.ModelChoiceField(
        label=_("Service area"),
        queryset=ServiceArea.objects.none(),
        required=False,
        empty_label=_("All"),
        widget=QuickSelect,
    )
    sort = forms.ChoiceField(
        label=_("Sort"),
        required=False,
        widget=QuickSelect,
        choices=[
            ("newest", _("Newest")),
            ("supported", _("Most supported")),
            ("answered", _("Recently answered")),
        ],
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = ServiceArea.objects.filter(
            organisation=organisation
        )
        self.fields["status"].choices = [("", _("All"))] + [
            c for c in IdeaStatus.choices if c[0] in PUBLIC_STATUSES
        ]
        self.fields["kind"].choices = [("", _("All"))] + list(IdeaKind.choices)

    def apply(self, ideas):
        """Filter and sort; invalid values are ignored, never passed to SQL."""
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("q"):
            ideas = ideas.search(data["q"])
        if data.get("status"):
            ideas = ideas.filter(status=data["status"])
        if data.get("kind"):
            ideas = ideas.filter(kind=data["kind"])
        if data.get("area"):
            ideas = ideas.filter(service_area=data["area"])
        sort = data.get("sort") or "newest"
        # "Recently answered" lists only answered ideas: unanswered ones would sort
        # last with no answer date and only pad the list.
        if sort == "answered":
            ideas = ideas.filter(answer_published_at__isnull=False)
        return ideas.order_by(*SORTS[sort])
