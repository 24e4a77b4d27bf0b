"""An organisation's face: its logo and accent colour.

The colour reaches pages through a generated stylesheet at a URL of its own
(versioned by ``Organisation.face_version``), never an inline style, so the
CSP stays ``style-src 'self'``. The logo is re-encoded as PNG on upload: what is
served is pixels only, whatever the uploaded file carried.
"""

from __future__ import annotations

import io

from django import forms
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from tuuma.organisation.models import Organisation

MAX_LOGO_BYTES = 1024 * 1024
LOGO_BOX = (640, 240)  # the largest the header shows, at twice its CSS size
LOGO_FORMATS = {"PNG", "JPEG", "WEBP"}


def logo_png(upload: UploadedFile) -> ContentFile:
    """The upload as a PNG no larger than the header needs, or a ValidationError."""
    if upload.size > MAX_LOGO_BYTES:
        raise forms.ValidationError(
            _("The logo may be at most 1 MB."), code="logo_size"
        )
    try:
        image = Image.open(upload)
        image.verify()  # a truncated or forged file fails here
        upload.seek(0)
        image = Image.open(upload)
        if image.format not in LOGO_FORMATS:
            raise forms.ValidationError(
                _("Upload the logo as PNG, JPEG or WebP."), code="logo_format"
            )
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise forms.ValidationError(
            _("The file is not an image that can be read."), code="logo_image"
        ) from error
    image = image.convert("RGBA")
    image.thumbnail(LOGO_BOX)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return ContentFile(out.getvalue(), name="logo.png")


class FaceForm(forms.ModelForm):
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)

    class Meta:
        model = Organisation
        fields = ["logo", "accent_colour"]
        labels = {"logo": _("Logo"), "accent_colour": _("Accent colour")}
        help_texts = {
            "logo": _(
                "PNG, JPEG or WebP, at most 1 MB. Shown in the page header beside"
                " the organisation's name."
            ),
            "accent_colour": _(
                "The colour of the header and buttons as # and six hexadecimal"
                " digits, e.g. #00582a. White text on it must reach a contrast of"
                " 4.5:1 (WCAG AA). Empty: Tuuma's blue."
            ),
        }
        widgets = {
            "logo": forms.FileInput(
                attrs={"accept": "image/png,image/jpeg,image/webp"}
            ),
            "accent_colour": forms.TextInput(
                attrs={"placeholder": "#003580", "size": 8, "autocomplete": "off"}
            ),
        }

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if isinstance(logo, UploadedFile):
            return logo_png(logo)
        return logo

    def clean_accent_colour(self) -> str:
        return (self.cleaned_data.get("accent_colour") or "").strip().lower()
