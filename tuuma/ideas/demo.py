"""Demo ideas for Esimerkkilä: every state, supports, comments, answers and a
couple of overdue ones. Built with the real actions, then dated into the past."""

from datetime import timedelta

from django.utils import timezone

from tuuma.ideas import actions
from tuuma.ideas.models import Idea, IdeaEvent, IdeaSettings, IdeaStatus

# (title, description, kind, area, author, state, outcome, days since publication,
#  days to the answer)
IDEAS = [
    (
        "Penkkejä Rantapuiston kävelyreitille",
        "Rantapuiston reitillä ei ole yhtään penkkiä 2 kilometrin matkalla. "
        "Ikäihmiset tarvitsisivat *levähdyspaikkoja*.",
        "idea",
        "tekniset-palvelut",
        "resident",
        "implemented",
        "accepted",
        200,
        21,
    ),
    (
        "Kirjaston aukioloajat sunnuntaisin",
        "Pääkirjasto voisi olla auki myös sunnuntaisin iltapäivällä.",
        "idea",
        "sivistyspalvelut",
        "resident",
        "in_progress",
        "accepted",
        120,
        25,
    ),
    (
        "Rakennuslupahakemuksen liitteet sähköisesti",
        "Liitteet pitää nyt toimittaa paperilla. Sähköinen toimitus säästäisi "
        "viikon käsittelyajasta.",
        "problem",
        "tekniset-palvelut",
        "employee",
        "answered",
        "accepted",
        90,
        14,
    ),
    (
        "Uimahallin vuorot koululaisille",
        "Koululaisten uintivuorot ovat liian aikaisin aamulla.",
        "feedback",
        "hyvinvointipalvelut",
        "resident",
        "answered",
        "already_done",
        80,
        9,
    ),
    (
        "Katuvalot Koulukadulle",
        "Koulukadun katuvalot ovat olleet rikki kuukauden. Koulumatka on pimeä.",
        "problem",
        "tekniset-palvelut",
        "resident",
        "answered",
        "forwarded",
        75,
        40,
    ),
    (
        "Ilmainen pysäköinti keskustaan",
        "Keskustan pysäköinnin pitäisi olla maksutonta kaikille.",
        "idea",
        "tekniset-palvelut",
        "resident_en",
        "answered",
        "not_taken_forward",
        60,
        28,
    ),
    (
        "Fler bänkar i Strandparken",
        "Det finns inga bänkar längs promenadstigen i Strandparken.",
        "idea",
        "tekniset-palvelut",
        "resident_sv",
        "merged",
        "merged",
        55,
        5,
    ),
    (
        "Svenskspråkig sagostund på biblioteket",
        "Biblioteket kunde ordna sagostunder på svenska en gång i månaden.",
        "idea",
        "sivistyspalvelut",
        "resident_sv",
        "answered",
        "accepted",
        50,
        12,
    ),
    (
        "Sähköinen ajanvaraus liikuntapaikkoihin",
        "Liikuntasalien vuorot varataan nyt puhelimella. Sähköinen varaus olisi "
        "helpompi.",
        "idea",
        "hyvinvointipalvelut",
        "resident",
        "under_review",
        "",
        20,
        None,
    ),
    (
        "Laskujen kierrätys kolmen hyväksyjän kautta",
        "Pienetkin laskut kiertävät kolmen hyväksyjän kautta. Alle 500 euron "
        "laskuille riittäisi yksi hyväksyjä.",
        "staff_initiative",
        "konsernipalvelut",
        "employee",
        "under_review",
        "",
        12,
        None,
    ),
    (
        "Päiväkodin lomakkeet yhdeksi sähköiseksi lomakkeeksi",
        "Vanhemmat täyttävät syksyllä viisi eri lomaketta. Yksi riittäisi.",
        "staff_initiative",
        "sivistyspalvelut",
        "employee",
        "published",
        "",
        45,
        None,
    ),
    (
        "Nuorisotilan aukiolo perjantai-iltaisin",
        "Nuorisotila voisi olla auki perjantaisin klo 22 asti.",
        "idea",
        "hyvinvointipalvelut",
        "resident",
        "published",
        "",
        38,
        None,
    ),
    (
        "Roska-astioita torille",
        "Torilla on liian vähän roska-astioita kesäisin.",
        "feedback",
        "tekniset-palvelut",
        "resident",
        "published",
        "",
        6,
        None,
    ),
    (
        "Kotihoidon käyntien reittisuunnittelu",
        "Hoitajat ajavat samoja reittejä moneen kertaan. Reitit voisi suunnitella "
        "yhdessä.",
        "staff_initiative",
        "hyvinvointipalvelut",
        "employee2",
        "published",
        "",
        4,
        None,
    ),
    (
        "Koulujen ruokalistat verkkoon",
        "Ruokalistat voisi julkaista verkossa viikkoa etukäteen.",
        "idea",
        "sivistyspalvelut",
        "resident",
        "published",
        "",
        2,
        None,
    ),
    (
        "Pyörätelineitä terveysasemalle",
        "Terveysaseman edessä ei ole pyörätelineitä.",
        "idea",
        "tekniset-palvelut",
        "resident_en",
        "published",
        "",
        1,
        None,
    ),
    (
        "Lumitöiden aikataulu näkyviin",
        "Asukkaat haluaisivat tietää, milloin oma katu aurataan.",
        "idea",
        "tekniset-palvelut",
        "resident",
        "submitted",
        "",
        0,
        None,
    ),
    (
        "Luonnos: kuntosali vanhaan kouluun",
        "Vanhan koulun liikuntasali voisi olla kuntosali.",
        "idea",
        "hyvinvointipalvelut",
        "resident",
        "draft",
        "",
        0,
        None,
    ),
    (
        "Mainos: halpoja lainoja",
        "Katso sivustoltamme halvat pikavipit!",
        "feedback",
        None,
        "resident_en",
        "hidden",
        "",
        3,
        None,
    ),
]

# Shorter ones so the lists, filters and statistics have some volume.
MORE = [
    (
        "Leikkipuiston hiekkalaatikon kansi",
        "sivistyspalvelut",
        "answered",
        "accepted",
        150,
        18,
    ),
    (
        "Terveysaseman jonotusnumerot näytölle",
        "hyvinvointipalvelut",
        "answered",
        "already_done",
        140,
        35,
    ),
    (
        "Jäähallin aukioloajat kesällä",
        "hyvinvointipalvelut",
        "answered",
        "not_taken_forward",
        130,
        22,
    ),
    (
        "Pyörätie Asemakadun varteen",
        "tekniset-palvelut",
        "answered",
        "forwarded",
        110,
        45,
    ),
    (
        "Kirjastoon hiljainen lukusali",
        "sivistyspalvelut",
        "answered",
        "accepted",
        100,
        16,
    ),
    (
        "Kunnantalon infonäyttö selkokielelle",
        "konsernipalvelut",
        "answered",
        "accepted",
        95,
        27,
    ),
    (
        "Liikuntapuistoon ulkokuntosali",
        "hyvinvointipalvelut",
        "in_progress",
        "accepted",
        85,
        20,
    ),
    (
        "Koulukuljetusten aikataulut verkkoon",
        "sivistyspalvelut",
        "answered",
        "already_done",
        70,
        8,
    ),
    (
        "Hulevesien ohjaus Mäkikadulla",
        "tekniset-palvelut",
        "under_review",
        "",
        25,
        None,
    ),
    ("Palautteen vastausaika näkyviin", "konsernipalvelut", "published", "", 15, None),
    ("Seniorien digiopastus kirjastossa", "sivistyspalvelut", "published", "", 9, None),
    (
        "Koirapuisto Pohjoiseen kaupunginosaan",
        "tekniset-palvelut",
        "published",
        "",
        3,
        None,
    ),
]

ANSWERS = {
    "accepted": "Idea on hyvä, ja se otetaan kehittämisohjelmaan toimenpiteeksi.",
    "already_done": "Koululaisten iltapäivävuorot lisättiin jo syyslukukaudelle.",
    "forwarded": "Asia on välitetty teknisen lautakunnan päätettäväksi.",
    "not_taken_forward": (
        "Pysäköintimaksuilla katetaan pysäköintialueiden ylläpito, joten ideaa ei "
        "viedä eteenpäin."
    ),
}
COMMENTS = [
    ("resident_sv", "Bra idé, jag håller med!"),
    ("employee2", "Tämä helpottaisi myös henkilöstön työtä."),
    ("resident_en", "Good idea, I would use this every week."),
]


def _backdate(idea: Idea, *, published_days: int, answer_days: int | None) -> None:
    now = timezone.now()
    published = now - timedelta(days=published_days)
    answered = published + timedelta(days=answer_days) if answer_days else None
    Idea.objects.filter(pk=idea.pk).update(
        created_at=published - timedelta(hours=2),
        submitted_at=published - timedelta(hours=1),
        published_at=published if idea.published_at else None,
        answered_at=answered if idea.answered_at else None,
        answer_published_at=answered if idea.answer_published_at else None,
    )
    for event in idea.events.all():
        if event.to_status in (IdeaStatus.SUBMITTED, IdeaStatus.PUBLISHED):
            at = published
        elif event.to_status == IdeaStatus.UNDER_REVIEW:
            at = published + timedelta(days=1)
        else:
            at = (answered or published) + timedelta(
                days=10 if event.to_status != IdeaStatus.ANSWERED else 0
            )
        IdeaEvent.objects.filter(pk=event.pk).update(at=min(at, now))


def seed(demo) -> None:
    organisation = demo.organisation
    if Idea.objects.filter(organisation=organisation).exists():
        return
    people = demo.people
    settings, _created = IdeaSettings.objects.get_or_create(organisation=organisation)
    made: dict[str, Idea] = {}
    for title, body, kind, area, author, state, outcome, days, answer_days in IDEAS:
        settings.pre_moderation = state == "submitted"
        settings.save()
        idea = actions.idea_create(
            organisation=organisation,
            author=people[author],
            kind=kind,
            title=title,
            body=body,
            service_area=demo.areas.get(area),
            is_staff_only=kind == "staff_initiative" and state != "published",
            submit=state != "draft",
        )
        _advance(idea, state=state, outcome=outcome, people=people, made=made)
        made[title] = idea
        idea.refresh_from_db()
        _backdate(idea, published_days=days, answer_days=answer_days)
    settings.pre_moderation = False
    settings.save()
    for title, area, state, outcome, days, answer_days in MORE:
        idea = actions.idea_create(
            organisation=organisation,
            author=people["resident"],
            kind="idea",
            title=title,
            body=f"{title}. Ehdotan tätä, koska se helpottaisi arkea.",
            service_area=demo.areas[area],
        )
        _advance(idea, state=state, outcome=outcome, people=people, made=made)
        made[title] = idea
        idea.refresh_from_db()
        _backdate(idea, published_days=days, answer_days=answer_days)
    _participate(list(made.values()), people)


def _advance(idea: Idea, *, state: str, outcome: str, people, made) -> None:
    lead, owner = people["lead"], people["process_owner"]
    if state in ("draft", "submitted", "published"):
        return
    if state == "hidden":
        actions.content_hide(
            idea=idea, by=people["moderator"], reason="Mainos, ei liity kuntaan."
        )
        return
    actions.idea_triage(
        idea=idea,
        by=lead,
        service_area=idea.service_area,
        responsible=owner,
        impact_score=4,
        effort_score=2,
    )
    actions.idea_add_note(idea=idea, by=lead, body="Selvitetään kustannukset.")
    actions.idea_change_status(idea=idea, to_status=IdeaStatus.UNDER_REVIEW, by=lead)
    if state == "under_review":
        return
    if outcome == "merged":
        actions.idea_merge(
            idea=idea,
            into=made["Penkkejä Rantapuiston kävelyreitille"],
            by=lead,
            public_text="Samasta asiasta on jo idea, ja tämä yhdistettiin siihen.",
        )
        return
    actions.idea_answer(
        idea=idea,
        by=owner,
        outcome=outcome,
        text=ANSWERS[outcome],
        forwarded_to="Tekninen lautakunta" if outcome == "forwarded" else "",
        case_number="ESIM/412/2026" if outcome == "forwarded" else "",
    )
    actions.idea_publish_answer(idea=idea, by=lead)
    if state in ("in_progress", "implemented"):
        actions.idea_change_status(idea=idea, to_status=IdeaStatus.IN_PROGRESS, by=lead)
    if state == "implemented":
        actions.idea_change_status(idea=idea, to_status=IdeaStatus.IMPLEMENTED, by=lead)


def _participate(ideas: list[Idea], people) -> None:
    supporters = [
        people[key]
        for key in (
            "resident",
            "resident_sv",
            "resident_en",
            "employee",
            "employee2",
            "manager",
        )
    ]
    for index, idea in enumerate(ideas):
        idea.refresh_from_db()
        if (
            idea.status
            not in {
                IdeaStatus.PUBLISHED,
                IdeaStatus.UNDER_REVIEW,
                IdeaStatus.ANSWERED,
                IdeaStatus.IN_PROGRESS,
                IdeaStatus.IMPLEMENTED,
            }
            or idea.is_hidden
            or idea.merged_into_id
        ):
            continue
        for person in supporters[: (index * 3) % len(supporters) + 1]:
            actions.idea_support(idea=idea, user=person)
        key, text = COMMENTS[index % len(COMMENTS)]
        comment = actions.comment_create(idea=idea, author=people[key], body=text)
        if index % 2 == 0:
            actions.comment_create(
                idea=idea,
                author=people["process_owner"],
                body="Kiitos kommentista, otamme tämän huomioon.",
                parent=comment,
            )
