import io
import re
import zlib

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tuuma.audit.models import AuditEntry
from tuuma.hearings import actions
from tuuma.hearings.models import Comment
from tuuma.hearings.tests.conftest import make_hearing

pytestmark = pytest.mark.django_db
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_the_list_shows_open_upcoming_and_closed_hearings(
    client, org, preparer, hearing
):
    upcoming = make_hearing(org, preparer, title="Tuleva kuuleminen", opens_in=3)
    actions.hearing_publish(hearing=upcoming, by=preparer)
    make_hearing(org, preparer, title="Keskeneräinen luonnos")
    page = client.get(reverse("hearings:list")).content.decode()
    assert "Kirjastoverkkosuunnitelma" in page and "Tuleva kuuleminen" in page
    assert "Keskeneräinen luonnos" not in page


def test_the_list_filters_by_service_area_and_text(client, hearing, area, other_area):
    url = reverse("hearings:list")
    assert "Kirjastoverkko" in client.get(url, {"alue": area.slug}).content.decode()
    assert (
        "Kirjastoverkko"
        not in client.get(url, {"alue": other_area.slug}).content.decode()
    )
    assert "Kirjastoverkko" not in client.get(url, {"q": "uimahalli"}).content.decode()


def test_a_draft_is_a_404_for_residents_and_a_preview_for_preparers(
    client, draft, cast, preparer
):
    url = draft.get_absolute_url()
    client.force_login(cast.resident)
    assert client.get(url).status_code == 404
    client.force_login(preparer)
    assert b"Preview" in client.get(url).content
    client.logout()
    shared = client.get(reverse("hearings:preview", args=[draft.preview_token]))
    assert shared.status_code == 200 and b"Preview" in shared.content


def test_another_organisation_sees_nothing(client, hearing, outsider):
    client.force_login(outsider)
    host = {"HTTP_HOST": "pori.testserver"}
    assert client.get(hearing.get_absolute_url(), **host).status_code == 404
    assert (
        client.get(reverse("api-hearing", args=[hearing.pk]), **host).status_code == 404
    )


def test_a_resident_comments_without_javascript(client, hearing, section, cast):
    client.force_login(cast.resident)
    response = client.post(
        reverse("hearings:comment", args=[hearing.pk]),
        {"body": XSS, "section": section.pk},
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert XSS not in page


def test_htmx_swaps_the_section_block(client, hearing, section, cast):
    client.force_login(cast.resident)
    response = client.post(
        reverse("hearings:comment", args=[hearing.pk]),
        {"body": "Hyvä suunnitelma", "section": section.pk},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert f'id="section-{section.pk}"' in html and "Hyvä suunnitelma" in html


def test_a_visitor_is_asked_to_sign_in_where_the_hearing_asks_for_it(
    client, hearing, section
):
    page = client.get(hearing.get_absolute_url()).content.decode()
    assert "Sign in to comment" in page and 'name="body"' not in page
    client.post(reverse("hearings:comment", args=[hearing.pk]), {"body": "Hei"})
    assert not Comment.objects.exists()


def test_a_closed_hearing_refuses_clearly(client, ended, cast):
    client.force_login(cast.resident)
    response = client.post(
        reverse("hearings:comment", args=[ended.pk]), {"body": "Myöhässä"}, follow=True
    )
    assert b"This hearing is closed" in response.content
    assert ended.comments.count() == 2


def test_a_bad_image_is_refused_with_a_message(client, hearing, cast):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(cast.resident)
    fake = SimpleUploadedFile("kuva.png", b"<html>not an image</html>")
    response = client.post(
        reverse("hearings:comment", args=[hearing.pk]),
        {"body": "Kuvan kanssa", "image": fake},
        follow=True,
    )
    assert b"not an accepted image" in response.content
    assert not Comment.objects.exists()


def test_support_and_answers_through_the_pages(client, hearing, section, cast):
    comment = actions.comment_create(hearing=hearing, user=cast.employee, body="Eka")
    client.force_login(cast.resident)
    for _attempt in range(2):
        client.post(reverse("hearings:support", args=[comment.pk]))
    assert comment.supports.count() == 1


def test_the_author_edits_and_withdraws(client, hearing, cast):
    comment = actions.comment_create(hearing=hearing, user=cast.resident, body="Eka")
    client.force_login(cast.resident)
    client.post(reverse("hearings:comment-edit", args=[comment.pk]), {"body": "Toka"})
    client.post(reverse("hearings:comment-withdraw", args=[comment.pk]))
    comment.refresh_from_db()
    assert comment.body == "Toka" and comment.withdrawn_at
    assert b"Toka" not in client.get(hearing.get_absolute_url()).content


def _report(ended, preparer, client):
    client.force_login(preparer)
    url = reverse("hearings:workspace", args=[ended.pk])
    section = ended.sections.get()
    client.post(url, {"action": "create", "section": section.pk, "title": XSS})
    theme = ended.themes.get()
    for comment in ended.comments.all():
        client.post(url, {"action": "move", "comment": comment.pk, "into": theme.pk})
    client.post(url, {"action": "quote", "comment": ended.comments.first().pk})
    client.post(
        url,
        {
            "action": "respond",
            "theme": theme.pk,
            "response": "not_adopted",
            "reason": "=1+1",
        },
    )
    client.post(
        reverse("hearings:report-publish", args=[ended.pk]), {"summary": "Kiitos"}
    )
    return theme


def test_the_report_is_written_with_forms_and_published(
    client, ended, preparer, cast, run_jobs
):
    assert client.get(reverse("hearings:report", args=[ended.pk])).status_code == 302
    theme = _report(ended, preparer, client)
    theme.refresh_from_db()
    assert theme.comments.count() == 2 and theme.response == "not_adopted"
    client.logout()
    page = client.get(reverse("hearings:report", args=[ended.pk])).content.decode()
    assert "&lt;script&gt;" in page and "Not adopted" in page and "Kiitos" in page
    assert AuditEntry.objects.filter(action="hearings.report_publish").exists()


def test_the_report_pdf_is_tagged_and_the_xlsx_keeps_text_as_text(
    client, ended, preparer
):
    _report(ended, preparer, client)
    client.logout()
    pdf = client.get(reverse("hearings:report-pdf", args=[ended.pk])).content
    assert pdf.startswith(b"%PDF") and b"/StructTreeRoot" in _inflated(pdf)
    xlsx = client.get(reverse("hearings:report-xlsx", args=[ended.pk])).content
    sheet = load_workbook(io.BytesIO(xlsx))["Themes"]
    assert sheet["B2"].value == XSS and sheet["E2"].value == "=1+1"
    assert sheet["E2"].data_type == "s"


def _inflated(pdf: bytes) -> bytes:
    """The PDF with its compressed streams (object streams too) opened."""
    parts = [pdf]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            parts.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return b"".join(parts)


def test_staff_export_every_comment_and_it_is_audited(client, ended, preparer, cast):
    url = reverse("hearings:export", args=[ended.pk])
    client.force_login(cast.resident)
    assert client.get(url).status_code == 403
    client.force_login(preparer)
    sheet = load_workbook(io.BytesIO(client.get(url).content)).active
    assert sheet.max_row == 3
    assert AuditEntry.objects.filter(action="hearings.export_comments").exists()


def test_a_moderator_hides_a_reported_comment(client, hearing, cast):
    comment = actions.comment_create(hearing=hearing, user=cast.resident, body="Roskaa")
    client.force_login(cast.employee)
    client.post(
        reverse("hearings:report-comment", args=[comment.pk]), {"reason": "Spam"}
    )
    client.force_login(cast.moderator)
    assert b"Roskaa" in client.get(reverse("hearings:moderation")).content
    client.post(
        reverse("hearings:moderation"),
        {"comment": comment.pk, "action": "hide", "reason": "Asiaton"},
    )
    comment.refresh_from_db()
    assert comment.is_hidden
    assert b"Roskaa" not in client.get(hearing.get_absolute_url()).content


def test_a_matter_page_shows_phases_decision_and_measures(
    client, org, preparer, cast, hearing, measure, area
):
    from datetime import date

    matter = actions.matter_create(
        organisation=org,
        by=preparer,
        title="Kirjastoverkko 2035",
        description=XSS,
        started_on=date(2026, 9, 1),
        service_area=area,
    )
    client.force_login(preparer)
    manage = reverse("hearings:matter-manage", args=[matter.pk])
    client.post(manage, {"action": "publish"})
    client.post(manage, {"action": "hearing", "hearing": hearing.pk})
    client.post(manage, {"action": "measure", "measure": measure.pk})
    client.post(
        manage,
        {
            "action": "decision",
            "body": "Kunnanvaltuusto",
            "decided_on": "2026-11-30",
            "summary": "Hyväksyttiin.",
            "case_id": "ESIM/12/2026",
            "minutes_url": "https://example.org/ptk",
        },
    )
    client.force_login(cast.resident)
    client.post(reverse("hearings:matter-follow", args=[matter.pk]))
    page = client.get(matter.get_absolute_url()).content.decode()
    for text in ("Kunnanvaltuusto", "ESIM/12/2026", "Omatoimikirjasto", hearing.title):
        assert text in page
    assert "&lt;script&gt;" in page and XSS not in page
    assert matter.followers.filter(user=cast.resident).exists()


def test_the_front_page_lists_upcoming_hearings(client, org, preparer):
    upcoming = make_hearing(org, preparer, title="Tuleva strategia", opens_in=5)
    actions.hearing_publish(hearing=upcoming, by=preparer)
    assert b"Tuleva strategia" in client.get("/").content


def test_the_measure_page_names_the_decision_it_implements(
    client, org, preparer, measure, area
):
    from datetime import date

    matter = actions.matter_create(
        organisation=org,
        by=preparer,
        title="Kirjastoverkko 2035",
        description="Kuvaus",
        started_on=date(2026, 9, 1),
        service_area=area,
    )
    actions.matter_publish(matter=matter, by=preparer)
    actions.matter_link_measure(matter=matter, measure=measure)
    assert b"Kirjastoverkko 2035" in client.get(measure.get_absolute_url()).content
