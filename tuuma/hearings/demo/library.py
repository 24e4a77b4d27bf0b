"""The library network plan: a closed hearing with ~80 comments, answers,
themes with responses and a published report, and the matter it belongs to."""

from datetime import timedelta
from itertools import cycle

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from tuuma.hearings import actions
from tuuma.hearings.demo import data
from tuuma.hearings.models import Hearing
from tuuma.programme import actions as programme
from tuuma.programme.models import Goal, Measure

ECHOES_PER_COMMENT = 3  # 21 comments, each echoed three times: 84 in all
CHOICE_ANSWERS = [0] * 14 + [1] * 22 + [2] * 6
SCALE_ANSWERS = [5] * 17 + [4] * 12 + [3] * 6 + [2] * 3 + [1] * 2


def _open_hearing(demo) -> Hearing:
    lead = demo.people["lead"]
    now = timezone.now()
    hearing = actions.hearing_create(
        organisation=demo.organisation,
        by=lead,
        title="Kirjastoverkkosuunnitelma 2027–2035",
        summary="Luonnos Esimerkkilän kirjastoverkosta: lähikirjastot, kirjastoauto "
        "ja aukioloajat. Kommentoi osioittain tai koko suunnitelmaa.",
        plain_summary="Kunta miettii, missä kirjastot ovat ja milloin ne ovat auki. "
        "Kerro, mitä mieltä olet.",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=1),
        contact_name="Kaisa Kirjastotoimenjohtaja",
        contact_email="kirjasto@esimerkkila.example",
        identity="anonymous",
        service_area=demo.areas["sivistyspalvelut"],
    )
    for title, body in data.LIBRARY_SECTIONS:
        actions.section_add(hearing=hearing, title=title, body=body)
    first, _bus, hours = hearing.sections.all()
    actions.question_add(
        section=first,
        kind="single",
        text="Kumpi vaihtoehto on parempi?",
        options="Lähikirjastot säilyvät nykyisellään\n"
        "Monitoimikirjasto koulukeskukseen\nEn osaa sanoa",
    )
    actions.question_add(
        section=hours, kind="scale", text="Kuinka tärkeä omatoimiaika on sinulle?"
    )
    return actions.hearing_publish(hearing=hearing, by=lead)


def _comment_all(demo, hearing: Hearing) -> list:
    """Each theme's comments, echoed by other residents; (theme row, comments)."""
    sections = list(hearing.sections.all())
    residents = cycle(
        [demo.people[k] for k in ("resident", "resident_sv", "resident_en")]
    )
    names, echoes = cycle(data.NICKNAMES), cycle(data.ECHOES)
    grouped, n = [], 0
    for index, *_rest, texts in data.LIBRARY_THEMES:
        section = sections[index] if index is not None else None
        written = []
        for text in texts:
            for copy in range(ECHOES_PER_COMMENT + 1):
                signed = n % 9 == 0
                written.append(
                    actions.comment_create(
                        hearing=hearing,
                        user=next(residents) if signed else AnonymousUser(),
                        body=text if copy == 0 else next(echoes) + text,
                        section=section,
                        author_name=next(names),
                        visitor_token=f"demo-library-{n}",
                    )
                )
                n += 1
        grouped.append(written)
    actions.comment_create(
        hearing=hearing,
        user=demo.people["resident"],
        body="Kylälän kirjastossa on myös kerhotila, se pitää huomioida.",
        parent=grouped[0][0],
    )
    return grouped


def _answer_all(hearing: Hearing) -> None:
    first, _bus, hours = hearing.sections.all()
    choice, scale = first.questions.get(), hours.questions.get()
    for n, option in enumerate(CHOICE_ANSWERS):
        actions.answers_give(
            section=first,
            user=AnonymousUser(),
            values={choice.pk: str(option)},
            visitor_token=f"demo-answer-{n}",
        )
    for n, value in enumerate(SCALE_ANSWERS):
        actions.answers_give(
            section=hours,
            user=AnonymousUser(),
            values={scale.pk: str(value)},
            visitor_token=f"demo-answer-{n}",
        )


def library_hearing(demo) -> Hearing:
    lead = demo.people["lead"]
    hearing = _open_hearing(demo)
    grouped = _comment_all(demo, hearing)
    _answer_all(hearing)
    for n in range(7):
        actions.comment_support(
            comment=grouped[0][0], user=AnonymousUser(), visitor_token=f"demo-{n}"
        )
    hearing = actions.hearing_close(hearing=hearing, by=lead)
    now = timezone.now()
    Hearing.objects.filter(pk=hearing.pk).update(
        opens_at=now - timedelta(days=150), closes_at=now - timedelta(days=120)
    )
    sections = list(hearing.sections.all())
    for (index, title, response, reason, _texts), comments in zip(
        data.LIBRARY_THEMES, grouped, strict=True
    ):
        theme = actions.theme_create(
            hearing=hearing,
            section=sections[index] if index is not None else None,
            title=title,
        )
        for comment in comments:
            actions.comment_assign(comment=comment, theme=theme)
        actions.comment_quote(comment=comments[0], quote=True)
        actions.theme_respond(theme=theme, response=response, reason=reason)
    return actions.report_publish(
        hearing=Hearing.objects.get(pk=hearing.pk),
        by=lead,
        summary="Saimme 85 kommenttia ja 82 vastausta. Lähikirjastot ja "
        "kirjastoauto puhuttivat eniten. Alla kerromme teemoittain, mitä "
        "kuulimme ja mitä sille tehtiin.",
    )


def _bus_measure(demo) -> Measure | None:
    goal = Goal.objects.filter(
        focus_area__organisation=demo.organisation,
        title="Palvelujen saavutettavuus ja sujuvuus",
    ).first()
    if goal is None:
        return None
    today = timezone.localdate()
    measure = programme.measure_create(
        organisation=demo.organisation,
        by=demo.people["lead"],
        goal=goal,
        title="Kirjastoauton viikkoreitit kyliin",
        description="Kirjastoauto ajaa joka viikko kaikille kyläreiteille.",
        public_summary="Kirjastoauto käy kylissä joka viikko.",
        measure_class="development_project",
        service_area=demo.areas["sivistyspalvelut"],
        owner=demo.people["manager"],
        start_date=today - timedelta(days=40),
        due_date=today + timedelta(days=200),
        is_published=True,
    )
    programme.measure_change_status(
        measure=measure, to_status="in_progress", by=demo.people["lead"]
    )
    return measure


def library_matter(demo, hearing: Hearing) -> None:
    lead = demo.people["lead"]
    today = timezone.localdate()
    matter = actions.matter_create(
        organisation=demo.organisation,
        by=lead,
        title="Kirjastoverkkosuunnitelma 2027–2035",
        title_sv="Biblioteksnätverksplan 2027–2035",
        title_en="Library network plan 2027–2035",
        description="Kirjastoverkon uudistus: lähikirjastot, kirjastoauto ja "
        "omatoimiaika koko kuntaan.",
        case_id="ESIM/245/12.00.00/2026",
        started_on=today - timedelta(days=200),
        service_area=demo.areas["sivistyspalvelut"],
    )
    actions.matter_publish(matter=matter, by=lead)
    actions.matter_link_hearing(matter=matter, hearing=hearing)
    actions.matter_follow(matter=matter, user=demo.people["resident"])
    actions.matter_record_decision(
        matter=matter,
        by=lead,
        body="Kunnanvaltuusto",
        decided_on=today - timedelta(days=60),
        summary="Valtuusto hyväksyi suunnitelman kuulemisen pohjalta muutettuna "
        "(§ 87).",
        minutes_url="https://esimerkkila.example/poytakirjat/valtuusto/87",
    )
    actions.matter_change_phase(
        matter=matter,
        by=lead,
        phase="implementation",
        on=today - timedelta(days=45),
        note="Toimeenpano alkoi kirjastoauton reiteistä.",
    )
    measures = [
        Measure.objects.filter(
            organisation=demo.organisation, title="Kirjaston omatoimiaika"
        ).first(),
        _bus_measure(demo),
    ]
    for measure in measures:
        if measure is not None:
            actions.matter_link_measure(matter=matter, measure=measure)
