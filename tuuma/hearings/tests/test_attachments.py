"""Documents on sections: checked by content, served as downloads only."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tuuma.hearings import actions
from tuuma.hearings.models import SectionAttachment

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"})
ODS = _zip(
    {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "a.xml": b"<a/>"}
)


def _upload(client, section, name: str, data: bytes, title: str = ""):
    upload = SimpleUploadedFile(name, data, content_type="application/octet-stream")
    return client.post(
        reverse("hearings:attachments", args=[section.pk]),
        {"document": upload, "title": title},
    )


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("suunnitelma.pdf", PDF, "application/pdf"),
        (
            "liite.docx",
            DOCX,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("luvut.ods", ODS, "application/vnd.oasis.opendocument.spreadsheet"),
    ],
)
def test_a_document_is_stored_with_the_type_of_its_content(
    client, preparer, section, name, data, content_type
):
    client.force_login(preparer)
    assert _upload(client, section, name, data).status_code == 302
    attachment = SectionAttachment.objects.get()
    assert attachment.content_type == content_type
    assert attachment.size == len(data) and attachment.name == name
    assert name not in attachment.file.name  # stored under a generated name


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("sivu.pdf", b"<html><script>alert(1)</script></html>"),
        ("ohjelma.pdf", b"MZ\x90\x00" + b"\x00" * 60),
        ("suunnitelma.html", PDF),
        ("kuva.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20),
        ("makro.docx", _zip({**dict.fromkeys(["word/vbaProject.bin"], b"x")})),
        ("rikki.docx", b"PK\x03\x04broken"),
        ("arkisto.docx", _zip({"a.txt": b"a"})),
    ],
)
def test_anything_else_is_refused_with_a_reason(client, preparer, section, name, data):
    client.force_login(preparer)
    response = _upload(client, section, name, data)
    assert response.status_code == 200 and b"errorlist" in response.content
    assert not SectionAttachment.objects.exists()


def test_a_too_big_document_is_refused(client, preparer, section, settings):
    from tuuma.hearings import uploads

    client.force_login(preparer)
    original = uploads.ATTACHMENT_MAX_BYTES
    uploads.ATTACHMENT_MAX_BYTES = 10
    try:
        response = _upload(client, section, "iso.pdf", PDF)
    finally:
        uploads.ATTACHMENT_MAX_BYTES = original
    assert b"too big" in response.content
    assert not SectionAttachment.objects.exists()


def test_the_download_is_an_attachment_never_inline(client, preparer, section):
    client.force_login(preparer)
    _upload(client, section, '"><script>x</script>.pdf', PDF, title="<b>Kartta</b>")
    attachment = SectionAttachment.objects.get()
    client.logout()
    page = client.get(section.hearing.get_absolute_url()).content.decode()
    assert "&lt;b&gt;Kartta&lt;/b&gt;" in page and "<b>Kartta" not in page
    assert (
        "(PDF, 45\xa0bytes)" in page or "(PDF, 45 bytes)" in page
    )  # the type and size beside the link
    response = client.get(attachment.get_absolute_url())
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


def test_a_drafts_documents_are_hidden_and_other_organisations_get_404(
    client, preparer, draft, cast, outsider
):
    section = draft.sections.get()
    client.force_login(preparer)
    _upload(client, section, "luonnos.pdf", PDF)
    url = SectionAttachment.objects.get().get_absolute_url()
    client.force_login(cast.resident)
    assert client.get(url).status_code == 404
    actions.hearing_publish(hearing=draft, by=preparer)
    assert client.get(url).status_code == 200
    client.force_login(outsider)
    assert client.get(url, HTTP_HOST="pori.testserver").status_code == 404


def test_removing_is_audited_and_refused_after_the_hearing_ends(
    client, preparer, section
):
    client.force_login(preparer)
    _upload(client, section, "a.pdf", PDF)
    _upload(client, section, "b.pdf", PDF)
    first, second = SectionAttachment.objects.all()
    client.post(reverse("hearings:attachment-remove", args=[first.pk]))
    assert list(SectionAttachment.objects.all()) == [second]
    actions.hearing_close(hearing=section.hearing, by=preparer)
    client.post(reverse("hearings:attachment-remove", args=[second.pk]))
    assert SectionAttachment.objects.filter(pk=second.pk).exists()
    assert _upload(client, section, "c.pdf", PDF).status_code == 200
    assert SectionAttachment.objects.count() == 1
