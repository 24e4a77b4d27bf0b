"""Board packs: ordered on the page, built by the worker, frozen with their date;
the dashboard, the API and the pack's PDF and XLSX give the same value."""

import io
import re
import zlib

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from openpyxl import load_workbook

from tuuma.insights.models import BoardPack
from tuuma.insights.pack import drawn_charts
from tuuma.jobs.models import Job, JobStatus

pytestmark = pytest.mark.django_db


def _printed(pack: BoardPack) -> str:
    """The document the pack's PDF is drawn from (WeasyPrint's text is not
    readable back without a PDF parser)."""
    with translation.override(pack.language):
        return render_to_string(
            "insights/pack_print.html",
            {
                "pack": pack,
                "figures": pack.figures,
                "charts": drawn_charts(pack.figures),
            },
        )


def _is_tagged(pdf: bytes) -> bool:
    """The catalogue names a structure tree (it may sit in a compressed stream)."""
    streams = re.findall(rb"stream\r?\n(.*?)endstream", pdf, re.DOTALL)
    texts = [pdf]
    for stream in streams:
        try:
            texts.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return any(b"/StructTreeRoot" in text for text in texts)


def test_a_pack_gives_the_dashboards_and_the_apis_value_and_stays_frozen(
    client, dataset, productivity, org, area, cast, run_jobs
):
    client.force_login(cast.manager)
    response = client.post(
        "/tilannekuva/kokouspaketit/",
        {
            "title": "Ohjausryhmä 12/2026",
            "service_area": area.pk,
            "sections": ["chain", "programme", "productivity"],
            "language": "sv",
        },
    )
    pack = BoardPack.objects.get()
    assert response.url == f"/tyot/{pack.job_id}/"
    run_jobs()
    pack.refresh_from_db()
    assert Job.objects.get(pk=pack.job_id).status == JobStatus.SUCCEEDED
    chain = pack.figures["sections"][0]
    within = next(
        f for f in chain["figures"] if f["id"] == "ideas.answered_within_target"
    )
    assert within["label"] == "Besvarade inom målet"
    api = client.get(
        f"/api/v1/metrics/ideas.answered_within_target/values?service_area={area.pk}"
    ).json()
    page = client.get(f"/en/tilannekuva/?service_area={area.pk}").content.decode()
    assert within["value"] == api["value"] == 50.0 and "50%" in page
    pdf = client.get(f"/tilannekuva/kokouspaketit/{pack.pk}/pdf/")
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf).startswith(b"%PDF") and _is_tagged(b"".join(pdf))
    book = load_workbook(io.BytesIO(b"".join(client.get(
        f"/tilannekuva/kokouspaketit/{pack.pk}/xlsx/"
    ))))  # fmt: skip
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert ("Besvarade inom målet", "ideas.answered_within_target", 50) == rows[3][:3]
    assert len(book.worksheets) >= 6  # three sections, a section's table, two charts…
    # The productivity figures: the same in the pack, its PDF, the API and the page.
    cost = next(
        f for s in pack.figures["sections"] for f in s["figures"]
        if f["id"] == "productivity.unit_cost"
    )  # fmt: skip
    api = client.get(
        f"/api/v1/metrics/productivity.unit_cost/values?service_area={area.pk}"
    ).json()
    assert cost["value"] == api["value"] == 8.0 and "8.00 €" in page
    assert cost["text"] == "8,00 €" and cost["text"] in _printed(pack)
    cells = [c for sheet in book.worksheets for r in sheet.iter_rows(values_only=True)
             for c in r]  # fmt: skip
    assert "productivity.unit_cost" in cells
    # New data after the meeting does not change the stored pack.
    dataset["ideas"][1].delete()  # B, answered late: live the share is now 100 %
    reopened = client.get(f"/sv/tilannekuva/kokouspaketit/{pack.pk}/").content.decode()
    assert "50\xa0%" in reopened


def test_a_pack_without_sections_is_refused_with_a_message(client, org, cast):
    client.force_login(cast.productivity_lead)
    response = client.post("/en/tilannekuva/kokouspaketit/", {"title": "X"})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not BoardPack.objects.exists()


def test_another_organisations_pack_is_not_found(
    client, org, cast, other_org, outsider
):
    pack = BoardPack.objects.create(
        organisation=other_org, title="Pori", sections=["chain"], language="fi"
    )
    client.force_login(cast.manager)
    assert client.get(f"/tilannekuva/kokouspaketit/{pack.pk}/").status_code == 404
