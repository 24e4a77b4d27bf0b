"""Demo rounds for Esimerkkilä: a finished round (three areas, about forty
proposals, about six hundred ballots, results under both rules, the winners as
measures in progress) and next year's round open for proposals; advisory votes
in ``demo_advisory``."""

import math
import random
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from tuuma.budgeting import actions, demo_advisory, voting, winners
from tuuma.budgeting.builders import schedule
from tuuma.budgeting.choices import Feasibility, Phase, ResultRule
from tuuma.budgeting.models import Round
from tuuma.budgeting.places import PLACES
from tuuma.programme.actions import measure_change_status
from tuuma.programme.models import Goal, MeasureStatus

FINISHED = "Osallistuva budjetointi 2026"
OPEN = "Osallistuva budjetointi 2027"
AREAS = [("Keskusta", 120_000), ("Pohjoinen", 90_000), ("Etelä", 90_000)]
# (title, cost in euros; None: not feasible, with the reason below)
PROPOSALS = {
    "Keskusta": [
        ("Penkkejä torille ja puistoihin", 15_000),
        ("Skeittiparkki nuorisotalon viereen", 60_000),
        ("Kirjaston lukusali iltakäyttöön", 20_000),
        ("Lisää pyörätelineitä asemalle", 12_000),
        ("Valaistus rantapolulle", 45_000),
        ("Kesäkonsertit torilla", 18_000),
        ("Koirapuisto keskustaan", 35_000),
        ("Esteetön luiska kirkon portaille", 25_000),
        ("Kuntosalilaitteet puistoon", 40_000),
        ("Taideteos liikenneympyrään", 30_000),
        ("Vesipiste torille", 8_000),
        ("Kattopuutarha kaupungintalolle", None),
        ("Penkit torille", 15_000),
    ],
    "Pohjoinen": [
        ("Laavu ja nuotiopaikka Pohjoismetsään", 18_000),
        ("Kyläkoulun pihan leikkivälineet", 40_000),
        ("Uimarannan laituri", 30_000),
        ("Latuverkoston valaistus", 55_000),
        ("Kirjastoauton uusi pysäkki", 6_000),
        ("Kylätalon keittiöremontti", 35_000),
        ("Polkupyöräreitin opasteet", 9_000),
        ("Frisbeegolfrata", 25_000),
        ("Linnunbongaustorni", 28_000),
        ("Kyläteiden katuvalot", None),
        ("Pukukoppi uimarannalle", 12_000),
        ("Kyläkaupan kuljetuspalvelu kokeiluna", 20_000),
        ("Uimarannan pukukoppi", 12_000),
    ],
    "Etelä": [
        ("Lähiliikuntapaikka koulun kentälle", 50_000),
        ("Puistokuntoilureitti", 30_000),
        ("Yhteisöpuutarha", 15_000),
        ("Nuorten oleskelutila", 35_000),
        ("Kävelytien talvikunnossapito", None),
        ("Aurinkopaneelit asukastaloon", 40_000),
        ("Leikkipuiston varjokatos", 14_000),
        ("Senioreiden tuolijumppa puistoon", 7_000),
        ("Kierrätyspiste ja vaihtohylly", 10_000),
        ("Koirien uimapaikka", 22_000),
        ("Talviuintipaikka ja sauna", 60_000),
        ("Pysäkkikatokset", 24_000),
        ("Kevyen liikenteen silta", None),
        ("Pallokenttä tekonurmella", None),
    ],
}
MERGED = {"Penkit torille": "Penkkejä torille ja puistoihin"} | {
    "Uimarannan pukukoppi": "Pukukoppi uimarannalle"
}
NOT_FEASIBLE = (
    "Ei toteutettavissa: kohde ei ole kunnan maalla tai sen kustannukset "
    "ylittävät alueen koko budjetin."
)
# The invented town's districts on the map: each proposal of an area gets a
# point near its centre (the organisation's map area is around them).
CENTRES = {
    "Keskusta": (61.9850, 24.2200),
    "Pohjoinen": (62.0310, 24.2050),
    "Etelä": (61.9460, 24.2480),
}
PAPER_BALLOTS = {"Keskusta": 230, "Pohjoinen": 160, "Etelä": 190}
RESIDENTS = ("resident", "resident_sv", "resident_en")


def seed(demo) -> None:
    demo_advisory.seed(demo)
    organisation = demo.organisation
    if Round.objects.filter(organisation=organisation, title=FINISHED).exists():
        return
    _finished_round(demo)
    _open_round(demo)


def _point(area_name: str, index: int) -> tuple[Decimal, Decimal]:
    """A spot on a small spiral around the district's centre, about 200–900 m out."""
    latitude, longitude = CENTRES[area_name]
    angle, reach = index * 2.4, 0.002 + 0.0004 * index
    return (
        Decimal(latitude + reach * math.sin(angle)).quantize(PLACES),
        Decimal(longitude + 2 * reach * math.cos(angle)).quantize(PLACES),
    )


def _propose(demo, budget_round: Round, area_name: str, titles) -> list:
    area = budget_round.areas.get(name=area_name)
    made = []
    for index, (title, _cost) in enumerate(titles):
        author = demo.people[RESIDENTS[index % len(RESIDENTS)]]
        latitude, longitude = _point(area_name, index)
        made.append(
            actions.proposal_submit(
                budget_round=budget_round,
                area=area,
                by=author,
                title=title,
                description=f"{title}. Ehdotus asukkailta alueen viihtyvyyden "
                "parantamiseksi.",
                location=area_name,
                latitude=latitude,
                longitude=longitude,
            )
        )
    return made


def _finished_round(demo) -> None:
    lead = demo.people["lead"]
    today = timezone.localdate()
    budget_round = actions.round_create(
        organisation=demo.organisation,
        by=lead,
        title=FINISHED,
        description="Asukkaat päättivät 300 000 euron käytöstä kolmella alueella.",
        total_budget=sum(b for _n, b in AREAS),
        areas=AREAS,
        dates=schedule(today - timedelta(weeks=30)),
        result_rule=ResultRule.EQUAL_SHARES,
        min_age=12,
    )
    actions.round_advance(budget_round=budget_round, to_phase=Phase.PROPOSALS, by=lead)
    budget_round.refresh_from_db()
    made = {}
    for area_name, titles in PROPOSALS.items():
        for proposal in _propose(demo, budget_round, area_name, titles):
            made[proposal.title] = proposal
    actions.round_advance(budget_round=budget_round, to_phase=Phase.COCREATION, by=lead)
    for source, target in MERGED.items():
        actions.proposal_merge(source=made[source], target=made[target], by=lead)
    actions.round_advance(budget_round=budget_round, to_phase=Phase.ESTIMATION, by=lead)
    _estimate(made, lead)
    actions.round_advance(budget_round=budget_round, to_phase=Phase.VOTING, by=lead)
    _vote(demo, budget_round)
    budget_round = voting.round_close_vote(budget_round=budget_round, by=lead)
    _to_programme(demo, budget_round)


def _estimate(made: dict, lead) -> None:
    costs = {t: c for items in PROPOSALS.values() for t, c in items}
    for title, proposal in made.items():
        if title in MERGED:
            continue
        feasible = costs[title] is not None
        actions.proposal_estimate(
            proposal=proposal,
            by=lead,
            cost=costs[title],
            feasibility=Feasibility.FEASIBLE if feasible else Feasibility.UNFEASIBLE,
            reason="Toteutettavissa kunnan alueella." if feasible else NOT_FEASIBLE,
        )


def _ballot(rng: random.Random, proposals: list, budget: int) -> list[int]:
    """Favourites first (earlier proposals are more popular), while they fit."""
    weights = [len(proposals) - i for i in range(len(proposals))]
    order = rng.choices(proposals, weights=weights, k=len(proposals))
    picked, spent = [], 0
    for proposal in dict.fromkeys(order):
        if spent + proposal.cost <= budget and rng.random() < 0.6:
            picked.append(proposal.pk)
            spent += proposal.cost
    return picked or [proposals[0].pk]


def _vote(demo, budget_round: Round) -> None:
    rng = random.Random(2026)  # the same demo every time  # noqa: S311
    for area in budget_round.areas.all():
        proposals = list(area.proposals.on_ballot().order_by("pk"))
        for index, key in enumerate(demo.people):
            voting.ballot_cast(
                area=area,
                by=demo.people[key],
                proposal_ids=_ballot(rng, proposals, area.budget),
                age=25 + index * 4,
                is_resident=True,
            )
        ballots = [
            _ballot(rng, proposals, area.budget)
            for _n in range(PAPER_BALLOTS[area.name])
        ]
        batch = voting.paper_batch_enter(
            area=area,
            by=demo.people["employee"],
            station=f"{area.name}: kirjasto",
            ballots=ballots,
        )
        voting.paper_batch_confirm(batch=batch, by=demo.people["employee2"])


def _to_programme(demo, budget_round: Round) -> None:
    goal = Goal.objects.filter(organisation=demo.organisation).first()
    area = demo.areas.get("tekniset-palvelut")
    if goal is None or area is None:
        return
    today = timezone.localdate()
    carried = winners.winners_to_programme(
        budget_round=budget_round,
        by=demo.people["lead"],
        goal=goal,
        owner=demo.people["process_owner"],
        service_area=area,
        start_date=today - timedelta(weeks=4),
        due_date=today + timedelta(weeks=40),
    )
    for proposal in carried:
        measure_change_status(
            measure=proposal.measure,
            to_status=MeasureStatus.IN_PROGRESS,
            by=demo.people["process_owner"],
        )


def _open_round(demo) -> None:
    lead = demo.people["lead"]
    today = timezone.localdate()
    budget_round = actions.round_create(
        organisation=demo.organisation,
        by=lead,
        title=OPEN,
        description="Ehdota, mihin 300 000 euroa käytetään ensi vuonna.",
        total_budget=sum(b for _n, b in AREAS),
        areas=AREAS,
        dates=schedule(today - timedelta(weeks=1)),
    )
    actions.round_advance(budget_round=budget_round, to_phase=Phase.PROPOSALS, by=lead)
    budget_round.refresh_from_db()
    titles = [("Kirjastoon pelihuone", 0), ("Puistoon ulkokuntosali", 0)]
    for proposal in _propose(demo, budget_round, "Keskusta", titles):
        for key in ("employee", "moderator", "resident_sv"):
            actions.proposal_support(proposal=proposal, by=demo.people[key])
