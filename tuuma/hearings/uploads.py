"""Uploads checked by their content: a section's documents (PDF and office
files) and the images of sections and comments.

The type is read from the bytes, never from the browser's Content-Type: a PDF
starts with ``%PDF-`` (the ideas' ``sniff``); an Office Open XML file is a ZIP
holding its main part (``word/document.xml``…); an OpenDocument file is a ZIP
whose ``mimetype`` member names its type. The name's extension must agree, so a
renamed HTML page or program is refused. Macro-enabled documents (a
``vbaProject.bin`` or OpenDocument ``Basic/`` scripts inside) are refused too.
The ZIP is only listed, never unpacked, so its size does not matter here.
"""

import zipfile
from pathlib import PurePath

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from tuuma.ideas.forms import ATTACHMENT_MAX_BYTES as IMAGE_MAX_BYTES
from tuuma.ideas.forms import CheckedUpload, FileKind, sniff

ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024
IMAGE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp"}
MAX_ZIP_MEMBERS = 5_000
OOXML = "application/vnd.openxmlformats-officedocument"
ODF = "application/vnd.oasis.opendocument"
# The main part that makes a ZIP an Office Open XML document of each kind.
OOXML_PARTS = {
    "word/document.xml": FileKind(f"{OOXML}.wordprocessingml.document", (".docx",)),
    "xl/workbook.xml": FileKind(f"{OOXML}.spreadsheetml.sheet", (".xlsx",)),
    "ppt/presentation.xml": FileKind(
        f"{OOXML}.presentationml.presentation", (".pptx",)
    ),
}
ODF_TYPES = {
    f"{ODF}.text": FileKind(f"{ODF}.text", (".odt",)),
    f"{ODF}.spreadsheet": FileKind(f"{ODF}.spreadsheet", (".ods",)),
    f"{ODF}.presentation": FileKind(f"{ODF}.presentation", (".odp",)),
}


def _zip_kind(upload: UploadedFile) -> FileKind | None:
    """The document type of a ZIP upload, or None if it is no accepted document."""
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
            if len(members) > MAX_ZIP_MEMBERS:
                return None
            names = {member.filename for member in members}
            if any(
                name.lower().endswith("vbaproject.bin") or name.startswith("Basic/")
                for name in names
            ):
                raise forms.ValidationError(
                    _("%(name)s contains macros, which are not accepted.")
                    % {"name": upload.name}
                )
            for part, kind in OOXML_PARTS.items():
                if part in names and "[Content_Types].xml" in names:
                    return kind
            if "mimetype" in names and archive.getinfo("mimetype").file_size < 100:
                declared = archive.read("mimetype").decode("ascii", "replace")
                return ODF_TYPES.get(declared.strip())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError):
        return None
    except NotImplementedError:  # a compression method zipfile does not know
        return None
    finally:
        upload.seek(0)
    return None


def _checked(
    upload: UploadedFile, *, max_bytes: int, kind_of, refusal: str
) -> CheckedUpload:
    """The upload with the type ``kind_of(head, upload)`` reads from its content,
    if it is small enough and its name's extension agrees."""
    name = PurePath(upload.name or "").name
    if upload.size > max_bytes:
        raise forms.ValidationError(
            _("%(name)s is too big: at most %(size)s per file.")
            % {"name": name, "size": filesizeformat(max_bytes)}
        )
    head = upload.read(16)
    upload.seek(0)
    kind = kind_of(head, upload)
    if kind is None or not name.lower().endswith(kind.extensions):
        raise forms.ValidationError(refusal % {"name": name})
    return CheckedUpload(upload=upload, content_type=kind.content_type, name=name)


def _document_kind(head: bytes, upload: UploadedFile) -> FileKind | None:
    kind = sniff(head)
    if kind is not None:
        # Images go to the section's image field, with their description.
        return kind if kind.content_type == "application/pdf" else None
    return _zip_kind(upload) if head.startswith(b"PK\x03\x04") else None


def _image_kind(head: bytes, upload: UploadedFile) -> FileKind | None:
    kind = sniff(head)
    return kind if kind is not None and kind.content_type in IMAGE_TYPES else None


def check_attachment(upload: UploadedFile) -> CheckedUpload:
    """A PDF or office document no bigger than the cap, or a ValidationError."""
    return _checked(
        upload,
        max_bytes=ATTACHMENT_MAX_BYTES,
        kind_of=_document_kind,
        refusal=_(
            "%(name)s is not an accepted document: attach PDF, Word, Excel, "
            "PowerPoint or OpenDocument files."
        ),
    )


def check_image(upload: UploadedFile | None) -> CheckedUpload | None:
    """An image (JPEG, PNG, GIF, WebP) of a section or a comment, as the ideas'
    attachments are checked."""
    if not upload:
        return None
    return _checked(
        upload,
        max_bytes=IMAGE_MAX_BYTES,
        kind_of=_image_kind,
        refusal=_("%(name)s is not an accepted image: use JPEG, PNG, GIF or WebP."),
    )
