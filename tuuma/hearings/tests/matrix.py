"""Hearings and matters for the permission matrix (tuuma/organisation/tests)."""

from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tuuma.hearings import actions
from tuuma.ideas.forms import CheckedUpload


def _hearing(org, cast, area, title: str):
    now = timezone.now()
    hearing = actions.hearing_create(
        organisation=org,
        by=cast.productivity_lead,
        title=title,
        summary="Luonnos.",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=7),
        contact_name="Kaisa",
        service_area=area,
    )
    actions.section_add(hearing=hearing, title="Osa", body="Teksti.")
    return hearing


def objects(org, cast, area) -> list:
    """A draft, an open hearing with a comment and an attachment, a closed one with its report
    published, their sections, and a published and an unpublished matter."""
    lead = cast.productivity_lead
    draft = _hearing(org, cast, area, "Luonnos")
    open_one = actions.hearing_publish(
        hearing=_hearing(org, cast, area, "Avoin"), by=lead
    )
    comment = actions.comment_create(
        hearing=open_one, user=cast.resident, body="Hyvä luonnos."
    )
    ended = actions.hearing_publish(
        hearing=_hearing(org, cast, area, "Päättynyt"), by=lead
    )
    actions.comment_create(hearing=ended, user=cast.resident, body="Kommentti.")
    ended = actions.hearing_close(hearing=ended, by=lead)
    theme = actions.theme_create(hearing=ended, section=None, title="Teema")
    actions.theme_respond(theme=theme, response="adopted", reason="Otettiin.")
    ended = actions.report_publish(hearing=ended, by=lead)
    matter = actions.matter_create(
        organisation=org,
        by=lead,
        title="Asia",
        description="Kuvaus.",
        started_on=date(2026, 1, 1),
        service_area=area,
    )
    actions.matter_publish(matter=matter, by=lead)
    hidden_matter = actions.matter_create(
        organisation=org,
        by=lead,
        title="Valmisteilla",
        description="Kuvaus.",
        started_on=date(2026, 1, 1),
    )
    attachment = actions.attachment_add(
        section=open_one.sections.get(),
        by=lead,
        document=CheckedUpload(
            upload=SimpleUploadedFile("plan.pdf", b"%PDF-1.7\n%%EOF\n"),
            content_type="application/pdf",
            name="plan.pdf",
        ),
    )
    return [
        draft,
        open_one,
        ended,
        draft.sections.get(),
        open_one.sections.get(),
        comment,
        attachment,
        matter,
        hidden_matter,
    ]
