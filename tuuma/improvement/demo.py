"""Demo content: an A3 on the case-management bottleneck citing the demo case log,
a finished Kano survey (120 responses, eight features) and a priority list over
the demo ideas and measures, with one frozen ranking. Seeding twice adds nothing."""

from __future__ import annotations

import random
from decimal import Decimal

from django.utils import timezone

from tuuma.caselog.models import CaseLog
from tuuma.ideas.actions import idea_create
from tuuma.ideas.models import Idea
from tuuma.improvement import a3_actions, priority_actions, survey_actions
from tuuma.improvement.models import A3
from tuuma.processes import actions as process_actions
from tuuma.processes.demo import CASE_PROCESS
from tuuma.processes.models import State, Step
from tuuma.programme.models import Measure

FEATURES = [  # fi, sv, en, answer profile (weights of (functional, dysfunctional) pairs)
    (
        "Hakemuksen käsittelyvaiheen seuranta verkossa",
        "Följa handläggningen på nätet",
        "Track the handling of an application online",
        "O",
    ),
    (
        "Tekstiviesti, kun päätös on tehty",
        "Sms när beslutet är fattat",
        "A text message when the decision is made",
        "A",
    ),
    (
        "Päätös perusteluineen selkokielellä",
        "Beslutet med motiveringar på lättläst språk",
        "The decision and its reasons in plain language",
        "M",
    ),
    (
        "Käsittelijän nimi ja yhteystiedot näkyvissä",
        "Handläggarens namn och kontaktuppgifter",
        "The case handler's name and contact details",
        "M",
    ),
    (
        "Arvioitu käsittelyaika hakemusta jätettäessä",
        "Beräknad handläggningstid vid ansökan",
        "An estimated handling time when applying",
        "O",
    ),
    (
        "Chat-neuvonta virka-aikana",
        "Chattrådgivning under tjänstetid",
        "Chat advice during office hours",
        "A",
    ),
    (
        "Liitteiden lähettäminen kuvana puhelimella",
        "Skicka bilagor som foto med telefonen",
        "Sending attachments as photos from a phone",
        "A",
    ),
    (
        "Paperinen päätös postitse",
        "Beslut på papper per post",
        "A paper decision by post",
        "I",
    ),
]
PROFILES = {  # category: typical answer pairs and their weights
    "A": [((1, 3), 5), ((1, 4), 3), ((1, 5), 2), ((2, 5), 1), ((3, 3), 2)],
    "O": [((1, 5), 6), ((1, 4), 2), ((2, 5), 3), ((1, 3), 1), ((3, 3), 1)],
    "M": [((2, 5), 6), ((3, 5), 3), ((1, 5), 3), ((3, 3), 1), ((1, 1), 1)],
    "I": [((3, 3), 6), ((4, 3), 2), ((3, 4), 2), ((1, 3), 1), ((5, 3), 1)],
}
STAFF_KEYS = [
    "admin",
    "manager",
    "lead",
    "area_lead",
    "process_owner",
    "moderator",
    "analyst",
    "employee",
    "employee2",
]
RESPONSES = 120


def _figure(caselog: CaseLog | None) -> str:
    version = caselog.current_version if caselog else None
    if version is None:
        return "Asianhallinnan tapahtumaloki"
    span = (version.last_event_at - version.first_event_at).days
    return (
        f"{caselog.name}: {version.cases} asiaa {span} päivän ajalta; "
        "lausuntopyyntö ja esittely ovat pisimmät odotusvaiheet."
    )


def _bottleneck_step(demo, problem: Idea) -> Step | None:
    """The preparation step of the case-management map, where cases wait longest;
    the problem is linked to that process too, so its page shows it."""
    step = (
        Step.objects.filter(
            organisation=demo.organisation,
            version__process__name=CASE_PROCESS,
            version__state=State.AS_IS,
            name="Valmistelu",
        )
        .select_related("version__process")
        .first()
    )
    if step is not None:
        process_actions.link_add(
            process=step.version.process,
            idea=problem,
            step=step,
            note="A3: valmistelun pullonkaula",
        )
    return step


def _a3(demo, caselog: CaseLog | None) -> A3:
    people, area = demo.people, demo.areas["konsernipalvelut"]
    problem = Idea.objects.filter(
        organisation=demo.organisation, kind="problem"
    ).first()
    if problem is None:
        problem = idea_create(
            organisation=demo.organisation,
            author=people["employee"],
            kind="problem",
            title="Asiat jumittavat valmistelussa",
            service_area=area,
            body="Rakennuslupa- ja avustusasiat odottavat valmistelua viikkoja.",
        )
    step = _bottleneck_step(demo, problem)
    a3 = a3_actions.a3_create(
        organisation=demo.organisation,
        owner=people["process_owner"],
        title="Asianhallinnan pullonkaula: valmistelu ja lausunnot",
        problem=problem,
        process_step=step,
        service_area=area,
        background="Kuntalaiset odottavat päätöksiä pitkään ja kysyvät asiansa tilaa puhelimitse.",
        current_state=_figure(caselog),
        goal="Rakennuslupien läpimenoaika alle 60 päivään vuoden loppuun mennessä.",
        plan="Sijaisuuskalenteri käyttöön; lausuntopyyntöjen määräaika 14 päivää.",
    )
    by = people["process_owner"]
    evidence = {"evidence_caselog": caselog, "evidence_text": _figure(caselog)}
    chain = [
        ("Päätökset viipyvät keskimäärin yli 90 päivää", "process"),
        ("Asia odottaa valmistelijaa viikkoja", "people"),
        ("Valmistelija on usein ainoa, joka tuntee asiaryhmän", "people"),
        ("Sijaisuuksia ja perehdytystä ei ole sovittu", "environment"),
        ("Osaamisen jakamiselle ei ole varattu aikaa", "environment"),
    ]
    parent = None
    for number, (text, category) in enumerate(chain, start=1):
        last = number == len(chain)
        parent = a3_actions.cause_add(
            a3=a3,
            by=by,
            text=text,
            parent=parent,
            category=category,
            verified=number >= 3,
            is_root=last,
            **(evidence if number <= 2 else {}),
        )
    for text, category in [
        ("Lausuntopyynnöille ei ole määräaikaa", "process"),
        ("Hakemuksista puuttuu liitteitä", "customer"),
        ("Asianhallinta ei muistuta odottavista asioista", "it"),
        ("Läpimenoaikaa ei seurata asiaryhmittäin", "measurement"),
    ]:
        cause = a3_actions.cause_add(
            a3=a3, by=by, text=text, category=category, **evidence
        )
    a3_actions.cause_to_idea(cause=cause, by=by)
    a3_actions.countermeasure_add(
        a3=a3,
        cause=parent,
        text="Sijaisuuskalenteri ja parityö jokaiseen asiaryhmään",
        responsible="Prosessinomistaja",
    )
    a3_actions.review_comment_add(
        a3=a3,
        by=people["manager"],
        section="goal",
        text="Hyvä tavoite. Mitataanko myös avustusasiat?",
    )
    return a3


def _survey(demo) -> None:
    rng = random.Random(16)
    survey = survey_actions.survey_create(
        organisation=demo.organisation,
        by=demo.people["lead"],
        title_fi="Mitä odotat asioinnilta?",
        title_sv="Vad förväntar du dig av e-tjänsten?",
        title_en="What do you expect when dealing with us?",
        intro_fi="Kerro, miltä sinusta tuntuisi, jos palvelussa olisi tai ei olisi seuraavat asiat.",
        allow_anonymous=True,
        ask_importance=True,
    )
    ideas = list(
        Idea.objects.filter(organisation=demo.organisation).exclude(status="draft")[:2]
    )
    for position, (fi, sv, en, _profile) in enumerate(FEATURES):
        feature = survey_actions.feature_add(
            survey=survey, name_fi=fi, name_sv=sv, name_en=en
        )
        if position < len(ideas):
            survey_actions.feature_link(feature=feature, idea=ideas[position])
    survey = survey_actions.survey_open(survey=survey)
    features = list(survey.features.all())
    areas = list(demo.areas.values())
    staff = [demo.people[k] for k in STAFF_KEYS if k in demo.people]
    for n in range(RESPONSES):
        answers = {}
        for feature, (*_texts, profile) in zip(features, FEATURES, strict=True):
            pairs, weights = zip(*PROFILES[profile], strict=True)
            functional, dysfunctional = rng.choices(pairs, weights)[0]
            answers[feature.pk] = (functional, dysfunctional, rng.randint(3, 9))
        user = staff[n] if n < len(staff) else None
        survey_actions.survey_answer(
            survey=survey,
            user=user,
            browser_token=f"demo-{n}",
            answers=answers,
            service_area=rng.choice(areas) if rng.random() < 0.7 else None,
        )
    survey_actions.survey_close(survey=survey)


def _priorities(demo, caselog: CaseLog | None) -> None:
    rng = random.Random(4)
    by = demo.people["lead"]
    ideas = Idea.objects.filter(organisation=demo.organisation).exclude(status="draft")
    measures = Measure.objects.filter(organisation=demo.organisation)
    for target in [*ideas.order_by("pk")[:10], *measures.order_by("pk")[:6]]:
        impact, effort = rng.randint(1, 5), rng.randint(1, 5)
        grounded = isinstance(target, Measure) and caselog is not None and impact >= 4
        priority_actions.item_score(
            target=target,
            by=by,
            impact=impact,
            effort=effort,
            impact_reason="Koskee monia kuntalaisia."
            if impact >= 3
            else "Koskee harvoja.",
            effort_reason="Vaatii hankinnan."
            if effort >= 4
            else "Onnistuu omin voimin.",
            caselog=caselog if grounded else None,
            waiting_days_removed=Decimal("5") if grounded else None,
        )
    priority_actions.ranking_freeze(
        organisation=demo.organisation,
        by=by,
        title="Kehittämistyöryhmän kärkilista",
        decided_on=timezone.localdate(),
    )


def seed(demo) -> None:
    if A3.objects.filter(organisation=demo.organisation).exists():
        return
    caselog = CaseLog.objects.filter(organisation=demo.organisation).first()
    _a3(demo, caselog)
    _survey(demo)
    _priorities(demo, caselog)
