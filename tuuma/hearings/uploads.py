"""Documents attached to a section: PDF and office files, checked by their content.

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

from tuuma.ideas.forms import CheckedUpload, FileKind, sniff

ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024
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


def check_attachment(upload: UploadedFile) -> CheckedUpload:
    """A PDF or office document no bigger than the cap, or a ValidationError."""
    name = PurePath(upload.name or "").name
    if upload.size > ATTACHMENT_MAX_BYTES:
        raise forms.ValidationError(
            _("%(name)s is too big: at most %(size)s per file.")
            % {"name": name, "size": filesizeformat(ATTACHMENT_MAX_BYTES)}
        )
    head = upload.read(16)
    upload.seek(0)
    kind = sniff(head)
    if kind is not None and kind.content_type != "application/pdf":
        kind = None  # images go to the section's image field, with a description
    if kind is None and head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(upload)
    if kind is None or not name.lower().endswith(kind.extensions):
        raise forms.ValidationError(
            _(
                "%(name)s is not an accepted document: attach PDF, Word, Excel, "
                "PowerPoint or OpenDocument files."
            )
            % {"name": name}
        )
    return CheckedUpload(upload=upload, content_type=kind.content_type, name=name)
