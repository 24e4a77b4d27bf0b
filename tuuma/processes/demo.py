"""Esimerkkilä's process catalogue (runs after the case-log demo).

About 35 processes over the four service areas; the case-management process
"vireilletulosta arkistoon" has an as-is map whose steps are mapped to the demo
case log and a to-be map tied to the building-permit measure (go-live at its
start, when the demo log's waiting shrinks); reviews done, due and overdue.
"""

from datetime import timedelta

from django.utils import timezone

from tuuma.caselog.models import CaseLog
from tuuma.ideas.models import Idea
from tuuma.processes import actions, review_actions
from tuuma.processes.models import Level, Process, Status
from tuuma.programme.demo import QUEUE_TITLE
from tuuma.programme.models import Measure

CASE_PROCESS = "Asian käsittely vireilletulosta arkistoon"
CORE, DRAFT = "core", "draft"
# area: [(code, group, [(code, process, flags)])]
CATALOGUE = {
    "konsernipalvelut": [
        (
            "01",
            "Hallinto ja asianhallinta",
            [
                ("01.01", CASE_PROCESS, {CORE}),
                ("01.02", "Tietopyyntöjen käsittely", {CORE}),
                ("01.03", "Päätösten tiedoksianto ja julkaisu", set()),
                ("01.04", "Arkistointi ja tiedonohjaus", set()),
            ],
        ),
        (
            "02",
            "Talous- ja henkilöstöpalvelut",
            [
                ("02.01", "Ostolaskujen käsittely", {CORE}),
                ("02.02", "Rekrytointi", {CORE}),
                ("02.03", "Palkanlaskenta", set()),
                ("02.04", "Hankinnat", {DRAFT}),
            ],
        ),
    ],
    "sivistyspalvelut": [
        (
            "03",
            "Varhaiskasvatus",
            [
                ("03.01", "Varhaiskasvatuspaikan haku", {CORE}),
                ("03.02", "Asiakasmaksupäätökset", set()),
            ],
        ),
        (
            "04",
            "Perusopetus",
            [
                ("04.01", "Oppilaaksiotto", {CORE}),
                ("04.02", "Oppilashuolto", set()),
                ("04.03", "Koulukuljetukset", set()),
            ],
        ),
        (
            "05",
            "Kulttuuri ja liikunta",
            [
                ("05.01", "Tilavaraukset", set()),
                ("05.02", "Avustukset yhdistyksille", {DRAFT}),
            ],
        ),
    ],
    "hyvinvointipalvelut": [
        (
            "06",
            "Ikäihmisten palvelut",
            [
                ("06.01", "Palvelutarpeen arviointi", {CORE}),
                ("06.02", "Kotihoidon asiakkuus", set()),
                ("06.03", "Omaishoidon tuki", set()),
            ],
        ),
        (
            "07",
            "Sosiaalipalvelut",
            [
                ("07.01", "Täydentävä toimeentulotuki", {CORE}),
                ("07.02", "Asumisneuvonta", set()),
            ],
        ),
    ],
    "tekniset-palvelut": [
        (
            "08",
            "Rakennusvalvonta",
            [
                ("08.01", "Rakennuslupa", {CORE}),
                ("08.02", "Katselmukset", set()),
                ("08.03", "Toimenpideluvat", set()),
            ],
        ),
        (
            "09",
            "Kuntatekniikka",
            [
                ("09.01", "Katujen kunnossapito", {CORE}),
                ("09.02", "Kaivuluvat", set()),
                ("09.03", "Palautteen käsittely", set()),
            ],
        ),
    ],
}
OWNERS = {
    "konsernipalvelut": ("lead", "analyst"),
    "sivistyspalvelut": ("employee", "manager"),
    "hyvinvointipalvelut": ("employee2", "manager"),
    "tekniset-palvelut": ("process_owner", "area_lead"),
}
# name, role, PT min, typed LT working days, %C&A, value class, legal basis,
# wastes, log activities
CASE_STEPS = [
    ("Vireilletulo", "asiakas", 15, 0.1, 80, "VA", "", ["D"], ["vireilletulo"]),
    ("Kirjaaminen", "kirjaamo", 10, 1, 95, "NNVA", "TiHL 25 §", [], ["kirjaus"]),
    ("Valmistelu", "valmistelija", 240, 10, 70, "VA", "", ["W", "I"], ["valmistelu"]),
    (
        "Lausuntopyyntö",
        "valmistelija",
        60,
        15,
        90,
        "NNVA",
        "HL 31 §",
        ["W"],
        ["lausuntopyyntö"],
    ),
    ("Esittely", "esittelijä", 30, 3, 95, "NNVA", "KuntaL 90 §", ["O2"], ["esittely"]),
    ("Päätös", "viranhaltija", 30, 5, 98, "VA", "", [], ["päätös"]),
    ("Tiedoksianto", "kirjaamo", 15, 2, 99, "NNVA", "HL 59 §", ["T"], ["tiedoksianto"]),
    (
        "Arkistointi",
        "arkisto",
        5,
        1,
        99,
        "NNVA",
        "Arkistolaki 8 §",
        [],
        ["arkistointi"],
    ),
]
# The to-be state: no queue before preparation, statements asked in parallel.
TO_BE_LT = {"Valmistelu": 4, "Lausuntopyyntö": 8, "Esittely": 1}


def seed(demo) -> None:
    organisation = demo.organisation
    if Process.objects.filter(organisation=organisation).exists():
        return
    people = demo.people
    created: dict[str, Process] = {}
    for slug, groups in CATALOGUE.items():
        area = demo.areas[slug]
        owner, deputy = (people.get(k) for k in OWNERS[slug])
        for code, name, items in groups:
            group = actions.process_create(
                organisation=organisation,
                by=None,
                service_area=area,
                level=Level.GROUP,
                code=code,
                name=name,
                owner=owner,
                status=Status.IN_USE,
                is_published=True,
            )
            for item_code, item_name, flags in items:
                created[item_name] = actions.process_create(
                    organisation=organisation,
                    by=None,
                    service_area=area,
                    parent=group,
                    level=Level.PROCESS,
                    code=item_code,
                    name=item_name,
                    owner=owner,
                    deputy=deputy,
                    is_core=CORE in flags,
                    status=Status.DRAFT if DRAFT in flags else Status.IN_USE,
                    is_published=DRAFT not in flags,
                )
    _case_process(demo, created[CASE_PROCESS])
    _links(organisation, created)
    _reviews(demo, created)


def _case_process(demo, process: Process) -> None:
    caselog = CaseLog.objects.filter(organisation=demo.organisation).first()
    actions.process_update(
        process=process,
        by=None,
        description=(
            "Asian elinkaari asianhallinnassa: vireilletulosta kirjaamisen, "
            "valmistelun, lausuntojen ja päätöksen kautta tiedoksiantoon ja arkistoon."
        ),
        suppliers="Kuntalaiset, yritykset, viranomaiset",
        inputs="Hakemus, aloite tai tietopyyntö liitteineen",
        outputs="Päätös, tiedoksianto ja arkistoitu asiakirja",
        customers="Hakijat ja asianosaiset, luottamuselimet",
        case_types=[
            "tietopyyntö",
            "rakennuslupa",
            "avustushakemus",
            "hankinta",
            "kuntalaisaloite",
        ],
        systems=["Asianhallintajärjestelmä", "Sähköinen arkisto"],
        caselog=caselog,
        case_type_attribute="asiaryhmä",
    )
    for number, part in enumerate(("Kirjaaminen", "Lausuntomenettely"), start=1):
        actions.process_create(
            organisation=process.organisation,
            by=None,
            service_area=process.service_area,
            parent=process,
            level=Level.SUBPROCESS,
            code=f"{process.code}.0{number}",
            name=part,
            owner=process.owner,
            status=Status.IN_USE,
            is_published=True,
        )
    as_is = actions.version_create(
        process=process,
        by=None,
        name="Nykytila 2025",
        demand_per_year=1000,
        notes="Kuvattu työpajassa; odotusajat tapahtumalokista.",
    )
    _steps(as_is, {})
    measure = Measure.objects.filter(
        organisation=process.organisation, title__icontains="rakennuslupa"
    ).first()
    to_be = actions.version_create(
        process=process,
        by=None,
        name="Tavoitetila",
        state="to_be",
        future_of=as_is,
        measure=measure,
        go_live=measure.start_date if measure else None,
        target_lead_time_days=30,
        demand_per_year=1000,
        notes="Valmistelun jono puretaan ja lausunnot pyydetään rinnakkain.",
    )
    _steps(to_be, TO_BE_LT)


def _steps(version, lead_times: dict) -> None:
    day = version.minutes_per_working_day
    for name, role, pt, lt, ca, value, basis, wastes, activities in CASE_STEPS:
        parallel = {}
        if lead_times and name in ("Lausuntopyyntö", "Esittely"):
            parallel = {"parallel_group": "A"}
        actions.step_save(
            version=version,
            name=name,
            performer_role=role,
            responsible=role,
            accountable="hallintojohtaja",
            consulted="lakimies" if basis else "",
            informed="asiakas",
            systems="Asianhallintajärjestelmä",
            documents="Hakemus, päätös",
            handoffs=1,
            pt_minutes=pt,
            lt_minutes=lead_times.get(name, lt) * day,
            pct_ca=ca,
            value_class=value,
            legal_basis=basis,
            wastes=[] if lead_times else wastes,
            activities=activities,
            **parallel,
        )


def _links(organisation, created: dict[str, Process]) -> None:
    permit = created["Rakennuslupa"]
    for idea in Idea.objects.filter(organisation=organisation, title__icontains="lupa")[
        :3
    ]:
        actions.link_add(process=permit, idea=idea)
    for measure in Measure.objects.filter(
        organisation=organisation, title__icontains="rakennuslupa"
    ):
        actions.link_add(process=permit, measure=measure)
        actions.link_add(
            process=created[CASE_PROCESS],
            measure=measure,
            note="Valmistelun jonon purku",
        )
    queue = Measure.objects.filter(organisation=organisation, title=QUEUE_TITLE).first()
    if queue:
        actions.link_add(process=permit, measure=queue)
        actions.link_add(process=created[CASE_PROCESS], measure=queue)
    feedback = Measure.objects.filter(
        organisation=organisation, title__icontains="palaute"
    ).first()
    if feedback:
        actions.link_add(process=created["Palautteen käsittely"], measure=feedback)


def _reviews(demo, created: dict[str, Process]) -> None:
    today = timezone.localdate()
    found = review_actions.settings_for(demo.organisation)
    lead = demo.people.get("lead")
    # Done last year, acknowledged by both.
    for name in ("Rakennuslupa", CASE_PROCESS, "Oppilaaksiotto"):
        process = created[name]
        review = review_actions.review_create(
            process=process,
            year=today.year - 1,
            due_date=review_actions.due_date_for(found, today.year - 1),
        )
        review_actions.review_record(
            review=review,
            by=process.owner,
            held_on=review.due_date - timedelta(days=10),
            participants="Prosessinomistaja, varahenkilö, kehittämispäällikkö, kaksi käsittelijää",
            findings="Suurin osa läpimenoajasta on odotusta ennen valmistelua.",
            decisions="Valmistelun jono puretaan; lausunnot pyydetään rinnakkain.",
        )
        review_actions.review_acknowledge(
            review=review, by=process.owner, as_lead=False
        )
        if lead:
            review_actions.review_acknowledge(review=review, by=lead, as_lead=True)
    # Overdue and due this year; the rest of the year's scheduling as set.
    review_actions.review_create(
        process=created["Ostolaskujen käsittely"],
        year=today.year,
        due_date=today - timedelta(days=20),
    )
    review_actions.review_create(
        process=created[CASE_PROCESS],
        year=today.year,
        due_date=today + timedelta(days=25),
    )
    review_actions.reviews_schedule(organisation=demo.organisation, year=today.year)
