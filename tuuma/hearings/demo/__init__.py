"""Demo hearings: a closed hearing on Esimerkkilä's library network plan with
its published report, tied to the council's decision and two measures; an open
hearing on the new strategy, with the whole draft as a PDF attachment, that a
visitor can comment on without signing in;
and an upcoming one for the front page."""

from datetime import timedelta
from itertools import cycle

from django.utils import timezone

from tuuma.hearings import actions
from tuuma.hearings.demo import data
from tuuma.hearings.demo.library import library_hearing, library_matter
from tuuma.hearings.models import Hearing
from tuuma.ideas.forms import CheckedUpload


def seed(demo) -> None:
    if Hearing.objects.filter(organisation=demo.organisation).exists():
        return
    hearing = library_hearing(demo)
    library_matter(demo, hearing)
    _strategy(demo)
    _upcoming(demo)


def _strategy(demo) -> None:
    lead = demo.people["lead"]
    now = timezone.now()
    hearing = actions.hearing_create(
        organisation=demo.organisation,
        by=lead,
        opens_at=now - timedelta(days=3),
        closes_at=now + timedelta(days=25),
        contact_name="Matti Johtaja",
        contact_email="strategia@esimerkkila.example",
        languages="fi,sv,en",
        identity="anonymous",
        **data.STRATEGY,
    )
    for titles, bodies in data.STRATEGY_SECTIONS:
        actions.section_add(
            hearing=hearing,
            title=titles[0],
            title_sv=titles[1],
            title_en=titles[2],
            body=bodies[0],
            body_sv=bodies[1],
            body_en=bodies[2],
        )
    vision = hearing.sections.first()
    actions.question_add(
        section=vision,
        kind="scale",
        text="Kuinka hyvin visio kuvaa toivomaasi Esimerkkilää?",
        text_sv="Hur väl beskriver visionen det Esimerkkilä du önskar?",
        text_en="How well does the vision describe the Esimerkkilä you want?",
    )
    _strategy_document(lead, vision)
    actions.hearing_publish(hearing=hearing, by=lead)
    names = cycle(data.NICKNAMES)
    for n, text in enumerate(
        [
            "Turvallisuus on tärkeintä lapsiperheille.",
            "Visioon pitäisi lisätä luonto ja järvet.",
            "Hyvä, että palvelut luvataan molemmilla kielillä.",
        ]
    ):
        actions.comment_create(
            hearing=hearing,
            user=demo.people["resident"] if n == 0 else _visitor(),
            body=text,
            section=vision,
            author_name=next(names),
            visitor_token=f"demo-strategy-{n}",
        )


def _strategy_document(lead, section) -> None:
    """The whole draft as a (tagged) PDF attachment of the vision section."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from weasyprint import HTML  # heavy: loaded only when seeding

    name = "kuntastrategia-2027-2030-luonnos.pdf"
    pdf = HTML(string=data.STRATEGY_DOCUMENT).write_pdf(pdf_variant="pdf/ua-1")
    actions.attachment_add(
        section=section,
        by=lead,
        document=CheckedUpload(
            upload=SimpleUploadedFile(name, pdf),
            content_type="application/pdf",
            name=name,
        ),
        title="Kuntastrategian luonnos kokonaisuudessaan",
    )


def _upcoming(demo) -> None:
    now = timezone.now()
    hearing = actions.hearing_create(
        organisation=demo.organisation,
        by=demo.people["lead"],
        title="Liikuntapaikkojen vuorojaon periaatteet",
        summary="Miten salivuorot jaetaan seurojen ja asukkaiden kesken?",
        opens_at=now + timedelta(days=10),
        closes_at=now + timedelta(days=40),
        contact_name="Liisa Kehittäjä",
        service_area=demo.areas["sivistyspalvelut"],
    )
    actions.section_add(
        hearing=hearing,
        title="Vuorojen jakaminen",
        body="Ehdotus: lasten ja nuorten vuorot ensin, sitten aikuisten ryhmät.",
    )
    actions.hearing_publish(hearing=hearing, by=demo.people["lead"])


def _visitor():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()
