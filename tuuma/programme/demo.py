"""A realistic development programme for Esimerkkilä (runs after the ideas demo)."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from tuuma.ideas.actions import idea_follow, report_create
from tuuma.ideas.models import Idea
from tuuma.programme import actions
from tuuma.programme.models import FocusArea

# The done measure whose case-log before/after the processes demo shows.
QUEUE_TITLE = "Valmistelun jonon purku"

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


class _Builder:
    """Builds one kind of demo object per method, dated relative to today."""

    def __init__(self, demo, goals: dict) -> None:
        self.organisation = demo.organisation
        self.people, self.areas = demo.people, demo.areas
        self.lead = self.people["lead"]
        self.goals = goals
        self.today = timezone.localdate()

    def day(self, offset: int) -> date:
        return self.today + timedelta(days=offset)

    def measure(self, goal: str, area: str, owner: str, start: int, due: int, **fields):
        return actions.measure_create(
            organisation=self.organisation,
            by=self.lead,
            goal=self.goals[goal],
            service_area=self.areas[area],
            owner=self.people[owner],
            start_date=self.day(start),
            due_date=self.day(due),
            **fields,
        )

    def ideas_about(self, *words: str) -> list:
        """Accepted demo ideas (from the ideas demo, if any) on the same subject."""
        return [
            idea
            for idea in actions.linkable_ideas(self.organisation)
            if any(word in idea.title.lower() for word in words)
        ]

    def progress(self, m, offset: int, percent: int, text: str) -> None:
        actions.measure_post_progress(
            measure=m, by=m.owner, date=self.day(offset), percent=percent, text=text
        )

    def indicator(self, m, name, unit, direction, baseline, target, values=()):
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
                indicator=created, date=self.day(offset), value=value, by=m.owner
            )
        return created


def seed(demo) -> None:
    organisation = demo.organisation
    if FocusArea.objects.filter(organisation=organisation).exists():
        return
    goals = {}
    for name, titles in STRATEGY:
        focus = actions.focus_area_create(organisation=organisation, name=name)
        for title in titles:
            goals[title] = actions.goal_create(focus_area=focus, title=title)
    builder = _Builder(demo, goals)
    for build in MEASURES:
        build(builder)
    _everyone_has_work(demo)


def _everyone_has_work(demo) -> None:
    """Every demo person follows the library idea, whose measured result closes
    the loop, so "My work" is never empty; the moderator gets a report to handle."""
    followed = Idea.objects.filter(
        organisation=demo.organisation, title__startswith="Kirjaston aukioloajat"
    ).first()
    if followed is None:
        return
    for person in demo.people.values():
        idea_follow(idea=followed, user=person)
    report_create(
        idea=followed,
        reporter=demo.people["resident_sv"],
        reason="Dubbelt med en annan idé?",
    )


def _permit(b: "_Builder") -> None:
    """A development project well under way: milestones, progress and a falling
    processing time. Carries the accepted building-permit ideas."""
    permit = b.measure(
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
        participants=[b.people["area_lead"], b.people["employee"]],
        ideas=b.ideas_about("rakennuslupa"),
    )
    actions.measure_change_status(measure=permit, to_status="in_progress", by=b.lead)
    actions.milestone_add(
        measure=permit, title="Arvovirtakuvaus valmis", due_date=b.day(-150)
    )
    actions.milestone_add(
        measure=permit, title="Pilotti yhdellä alueella", due_date=b.day(30)
    )
    actions.milestone_mark_reached(milestone=permit.milestones.first(), on=b.day(-148))
    b.progress(permit, -150, 20, "Nykytilan arvovirtakuvaus tehty työpajassa.")
    b.progress(permit, -60, 45, "Hakemuslomakkeet ja ohjeet uudistettu.")
    b.progress(permit, -10, 60, "Pilotti valmistellaan; käyttäjätestaus tehty.")
    b.indicator(
        permit,
        "Rakennusluvan käsittelyaika (mediaani)",
        "pv",
        "decrease",
        62,
        30,
        [(-150, 60), (-90, 52), (-30, 44)],
    )


def _queue(b: "_Builder") -> None:
    """The permit project's first step, done: the queue before preparation was
    removed on the day the project started. The processes demo links it to the
    case-handling process, so the building-permit idea's page shows the case
    log's before/after (the case-log demo's cases speed up from that day)."""
    queue = b.measure(
        "Oman toiminnan ja prosessien uudistaminen",
        "tekniset-palvelut",
        "process_owner",
        -200,
        -60,
        title=QUEUE_TITLE,
        description="Asiat otetaan valmisteluun saapumisjärjestyksessä heti kirjauksen "
        "jälkeen; lausunnot pyydetään rinnakkain.",
        public_summary="Lupa-asia ei enää odota viikkoja valmistelun jonossa.",
        measure_class="development_project",
        staff_participate=True,
        is_published=True,
        ideas=b.ideas_about("rakennuslupa"),
    )
    actions.measure_change_status(measure=queue, to_status="in_progress", by=b.lead)
    b.progress(queue, -70, 100, "Jono purettu; uudet asiat valmisteluun heti.")
    # Measured before the measure is done: the "implemented" mail has the figure.
    b.indicator(
        queue,
        "Valmistelua odottavat lupa-asiat",
        "kpl",
        "decrease",
        45,
        10,
        [(-60, 8)],
    )
    actions.measure_change_status(measure=queue, to_status="done", by=b.lead)
    actions.measure_record_result(
        measure=queue,
        by=b.lead,
        aim="Enintään 10 lupa-asiaa odottaa valmistelua.",
        achieved="Valmistelua odottaa 8 asiaa; asiat etenevät nopeammin.",
        on=b.day(-60),
    )


def _training(b: "_Builder") -> None:
    """A finished training measure with its result recorded."""
    training = b.measure(
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
    actions.measure_change_status(measure=training, to_status="in_progress", by=b.lead)
    b.progress(training, -200, 40, "Kolme koulutuspäivää pidetty.")
    b.progress(training, -45, 100, "Kaikki ryhmät koulutettu.")
    share = b.indicator(
        training,
        "Koulutettujen esihenkilöiden osuus",
        "%",
        "increase",
        20,
        90,
        [(-200, 45)],
    )
    actions.measure_change_status(measure=training, to_status="done", by=b.lead)
    actions.measure_record_result(
        measure=training,
        by=b.lead,
        aim="Vähintään 90 % esihenkilöistä hallitsee asianhallinnan perustoiminnot.",
        achieved=(
            "94 % esihenkilöistä koulutettiin; tukipyynnöt vähenivät kolmannekseen."
        ),
        values={share: Decimal(94)},
        on=b.day(-40),
    )


def _booking(b: "_Builder") -> None:
    """Overdue: its due date has passed while it is still in progress."""
    booking = b.measure(
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
    actions.measure_change_status(measure=booking, to_status="in_progress", by=b.lead)
    b.progress(booking, -45, 70, "Kilpailutus valmis, käyttöönotto viivästyy.")
    b.indicator(
        booking,
        "Verkossa tehtyjen varausten osuus",
        "%",
        "increase",
        0,
        80,
        [(-45, 15)],
    )


def _teams(b: "_Builder") -> None:
    """An unpublished wider change: staff see it, residents do not."""
    teams = b.measure(
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
    actions.measure_change_status(measure=teams, to_status="in_progress", by=b.lead)
    b.progress(teams, -100, 25, "Kaksi tiimiä aloitti kokeilun.")


def _library(b: "_Builder") -> None:
    """A finished investment that carries the library opening-hours ideas."""
    library = b.measure(
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
        ideas=b.ideas_about("kirjaston aukiolo"),
    )
    actions.measure_change_status(measure=library, to_status="in_progress", by=b.lead)
    b.progress(library, -120, 100, "Kulunvalvonta ja valvontakamerat käytössä.")
    hours = b.indicator(
        library, "Aukiolotunnit viikossa", "h", "increase", 40, 70, [(-200, 55)]
    )
    actions.measure_change_status(measure=library, to_status="done", by=b.lead)
    actions.measure_record_result(
        measure=library,
        by=b.lead,
        aim="Aukioloa 70 tuntiin viikossa ilman lisähenkilöstöä.",
        achieved="Aukiolo 72 tuntia viikossa; lainaus kasvoi 12 %.",
        values={hours: Decimal(72)},
        on=b.day(-90),
    )


def _pupil_welfare(b: "_Builder") -> None:
    """Planned, starting next month, low priority."""
    b.measure(
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


def _feedback(b: "_Builder") -> None:
    """Just started, with one progress update."""
    feedback = b.measure(
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
    actions.measure_change_status(measure=feedback, to_status="in_progress", by=b.lead)
    b.progress(feedback, -5, 10, "Käsittelymalli sovittu.")


# In the order they are created (the demo pages list them by due date anyway).
MEASURES = [
    _permit,
    _queue,
    _training,
    _booking,
    _teams,
    _library,
    _pupil_welfare,
    _feedback,
]
