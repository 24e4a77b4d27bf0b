"""A realistic development programme for Esimerkkilä (runs after the ideas demo)."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from tuuma.programme import actions
from tuuma.programme.models import FocusArea

STRATEGY = [
    (
        "Uudistuva ja tehokas kunta",
        [
            "Oman toiminnan ja prosessien uudistaminen",
            "Digitaalisten palvelujen kehittäminen",
        ],
    ),
    (
        "Hyvinvoiva ja osaava henkilöstö",
        ["Osaamisen vahvistaminen", "Työelämän laadun parantaminen"],
    ),
    ("Asukaslähtöiset palvelut", ["Palvelujen saavutettavuus ja sujuvuus"]),
]


def seed(demo) -> None:
    organisation = demo.organisation
    if FocusArea.objects.filter(organisation=organisation).exists():
        return
    goals = {}
    for name, titles in STRATEGY:
        focus = actions.focus_area_create(organisation=organisation, name=name)
        for title in titles:
            goals[title] = actions.goal_create(focus_area=focus, title=title)
    people, areas = demo.people, demo.areas
    lead = people["lead"]
    today = timezone.localdate()

    def day(offset: int):
        return today + timedelta(days=offset)

    def measure(goal: str, area: str, owner: str, start: int, due: int, **fields):
        return actions.measure_create(
            organisation=organisation,
            by=lead,
            goal=goals[goal],
            service_area=areas[area],
            owner=people[owner],
            start_date=day(start),
            due_date=day(due),
            **fields,
        )

    def ideas_about(*words: str) -> list:
        """Accepted demo ideas (from the ideas demo, if any) on the same subject."""
        return [
            idea
            for idea in actions.linkable_ideas(organisation)
            if any(word in idea.title.lower() for word in words)
        ]

    def progress(m, offset: int, percent: int, text: str) -> None:
        actions.measure_post_progress(
            measure=m, by=m.owner, date=day(offset), percent=percent, text=text
        )

    def indicator(m, name, unit, direction, baseline, target, values=()):
        created = actions.indicator_create(
            measure=m,
            name=name,
            unit=unit,
            direction=direction,
            baseline_value=Decimal(baseline),
            baseline_date=m.start_date,
            target_value=Decimal(target),
            target_date=m.due_date,
        )
        for offset, value in values:
            actions.indicator_record_value(
                indicator=created, date=day(offset), value=value, by=m.owner
            )
        return created

    permit = measure(
        "Oman toiminnan ja prosessien uudistaminen",
        "tekniset-palvelut",
        "process_owner",
        -200,
        120,
        title="Sähköinen rakennuslupaprosessi",
        description=(
            "Rakennuslupahakemukset, liitteet ja lausunnot siirretään Lupapisteeseen. "
            "Prosessin turhat odotusvaiheet poistetaan arvovirtakuvauksen pohjalta."
        ),
        public_summary=(
            "Rakennuslupaa voi hakea kokonaan verkossa, ja lupa valmistuu nopeammin."
        ),
        measure_class="development_project",
        management_participates=True,
        supervisors_participate=True,
        staff_participate=True,
        participation_note="Sparraus: johto, esihenkilöt ja lupakäsittelijät yhdessä.",
        priority=1,
        is_published=True,
        participants=[people["area_lead"], people["employee"]],
        ideas=ideas_about("rakennuslupa"),
    )
    actions.measure_change_status(measure=permit, to_status="in_progress", by=lead)
    actions.milestone_add(
        measure=permit, title="Arvovirtakuvaus valmis", due_date=day(-150)
    )
    actions.milestone_add(
        measure=permit, title="Pilotti yhdellä alueella", due_date=day(30)
    )
    actions.milestone_mark_reached(milestone=permit.milestones.first(), on=day(-148))
    progress(permit, -150, 20, "Nykytilan arvovirtakuvaus tehty työpajassa.")
    progress(permit, -60, 45, "Hakemuslomakkeet ja ohjeet uudistettu.")
    progress(permit, -10, 60, "Pilotti valmistellaan; käyttäjätestaus tehty.")
    indicator(
        permit,
        "Rakennusluvan käsittelyaika (mediaani)",
        "pv",
        "decrease",
        62,
        30,
        [(-150, 60), (-90, 52), (-30, 44)],
    )

    training = measure(
        "Osaamisen vahvistaminen",
        "konsernipalvelut",
        "lead",
        -300,
        -40,
        title="Asianhallinnan koulutus esihenkilöille",
        description="Kaikki esihenkilöt koulutetaan uuden asianhallintajärjestelmän käyttöön.",
        public_summary="Esihenkilöt osaavat käyttää uutta asianhallintajärjestelmää.",
        measure_class="training_need",
        supervisors_participate=True,
        staff_participate=True,
        is_published=True,
    )
    actions.measure_change_status(measure=training, to_status="in_progress", by=lead)
    progress(training, -200, 40, "Kolme koulutuspäivää pidetty.")
    progress(training, -45, 100, "Kaikki ryhmät koulutettu.")
    share = indicator(
        training,
        "Koulutettujen esihenkilöiden osuus",
        "%",
        "increase",
        20,
        90,
        [(-200, 45)],
    )
    actions.measure_change_status(measure=training, to_status="done", by=lead)
    actions.measure_record_result(
        measure=training,
        by=lead,
        aim="Vähintään 90 % esihenkilöistä hallitsee asianhallinnan perustoiminnot.",
        achieved=(
            "94 % esihenkilöistä koulutettiin; tukipyynnöt vähenivät kolmannekseen."
        ),
        values={share: Decimal(94)},
        on=day(-40),
    )

    booking = measure(
        "Digitaalisten palvelujen kehittäminen",
        "hyvinvointipalvelut",
        "manager",
        -240,
        -20,
        title="Liikuntapaikkojen sähköinen ajanvaraus",
        description="Hankitaan ajanvarausjärjestelmä liikuntapaikoille ja tiloille.",
        public_summary="Vuorot varataan ja maksetaan verkossa.",
        measure_class="technology_investment",
        management_participates=True,
        staff_participate=True,
        is_published=True,
    )
    actions.measure_change_status(measure=booking, to_status="in_progress", by=lead)
    progress(booking, -45, 70, "Kilpailutus valmis, käyttöönotto viivästyy.")
    indicator(
        booking,
        "Verkossa tehtyjen varausten osuus",
        "%",
        "increase",
        0,
        80,
        [(-45, 15)],
    )

    teams = measure(
        "Työelämän laadun parantaminen",
        "tekniset-palvelut",
        "area_lead",
        -220,
        200,
        title="Itseohjautuvat tiimit kiinteistöpalveluissa",
        description="Kiinteistönhoidon tiimit suunnittelevat itse työnsä ja vuoronsa.",
        measure_class="wider_change",
        management_participates=True,
        supervisors_participate=True,
        staff_participate=True,
        participation_note="YT-toimikunta seuraa kokeilua.",
    )
    actions.measure_change_status(measure=teams, to_status="in_progress", by=lead)
    progress(teams, -100, 25, "Kaksi tiimiä aloitti kokeilun.")

    library = measure(
        "Palvelujen saavutettavuus ja sujuvuus",
        "sivistyspalvelut",
        "manager",
        -400,
        -90,
        title="Kirjaston omatoimiaika",
        description="Pääkirjasto avataan omatoimikäyttöön aamuisin ja viikonloppuisin.",
        public_summary="Pääkirjasto on auki omatoimisesti myös aamuisin ja viikonloppuisin.",
        measure_class="technology_investment",
        staff_participate=True,
        is_published=True,
        ideas=ideas_about("kirjaston aukiolo"),
    )
    actions.measure_change_status(measure=library, to_status="in_progress", by=lead)
    progress(library, -120, 100, "Kulunvalvonta ja valvontakamerat käytössä.")
    hours = indicator(
        library, "Aukiolotunnit viikossa", "h", "increase", 40, 70, [(-200, 55)]
    )
    actions.measure_change_status(measure=library, to_status="done", by=lead)
    actions.measure_record_result(
        measure=library,
        by=lead,
        aim="Aukioloa 70 tuntiin viikossa ilman lisähenkilöstöä.",
        achieved="Aukiolo 72 tuntia viikossa; lainaus kasvoi 12 %.",
        values={hours: Decimal(72)},
        on=day(-90),
    )

    measure(
        "Oman toiminnan ja prosessien uudistaminen",
        "sivistyspalvelut",
        "employee",
        30,
        330,
        title="Oppilashuollon prosessin yhtenäistäminen",
        description="Yhtenäinen toimintamalli ja kirjaamiskäytäntö kaikkiin kouluihin.",
        measure_class="development_project",
        supervisors_participate=True,
        staff_participate=True,
        priority=3,
    )

    feedback = measure(
        "Palvelujen saavutettavuus ja sujuvuus",
        "konsernipalvelut",
        "lead",
        -30,
        240,
        title="Palautteen käsittelyn uudistus",
        description="Kuntalaisten ideat ja palautteet käsitellään yhdessä paikassa.",
        public_summary="Jokainen idea ja palaute saa vastauksen ja seurannan.",
        measure_class="wider_change",
        management_participates=True,
        staff_participate=True,
        is_published=True,
    )
    actions.measure_change_status(measure=feedback, to_status="in_progress", by=lead)
    progress(feedback, -5, 10, "Käsittelymalli sovittu.")
