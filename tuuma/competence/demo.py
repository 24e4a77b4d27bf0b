"""Demo: the registry office that runs case management, and a day-care unit."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from tuuma.accounts.demo import DEMO_PASSWORD
from tuuma.accounts.models import User
from tuuma.competence import actions, change_actions, planning_actions
from tuuma.competence.models import Task
from tuuma.competence.workload import task_workload_refresh
from tuuma.ideas.models import Idea
from tuuma.organisation.models import Membership, Unit
from tuuma.organisation.roles import Role
from tuuma.processes.models import Process
from tuuma.programme.models import Goal

# (unit, area slug, supervisor, staff, tasks)
# A task: (name, required level, headcount, critical, cases a year, hours, case types)
UNITS = [
    (
        "Hallinto- ja asianhallinta",
        "konsernipalvelut",
        "Kaisa Kirjaamopäällikkö",
        [
            "Anu Arkisto",
            "Bertil Berg",
            "Camilla Koski",
            "Daniel Niemi",
            "Elina Rask",
            "Frans Salo",
            "Greta Laine",
            "Heikki Mäki",
            "Iida Virta",
            "Jussi Lehto",
            "Kirsi Aalto",
        ],
        [
            ("Asioiden kirjaaminen", 3, 3, True, 3200, 0.3, []),
            ("Saapuvan postin käsittely", 2, 2, True, 5400, 0.1, ["posti"]),
            ("Tietopyyntöihin vastaaminen", 3, 2, True, 420, 2.5, ["tietopyyntö"]),
            ("Päätösten tiedoksianto", 3, 2, False, 1800, 0.4, ["paatos"]),
            ("Arkistonmuodostus", 3, 1, False, 60, 6.0, []),
            ("Asianhallintajärjestelmän pääkäyttö", 4, 2, True, None, None, []),
            ("Pöytäkirjojen julkaisu", 2, 2, False, 150, 1.0, []),
        ],
    ),
    (
        "Varhaiskasvatus",
        "sivistyspalvelut",
        "Päivi Päiväkodinjohtaja",
        [
            "Laura Lahti",
            "Maija Metsä",
            "Noora Nurmi",
            "Olli Ojala",
            "Pia Peltonen",
            "Riitta Rinne",
            "Sanna Suominen",
            "Tuula Toivonen",
            "Ulla Uusitalo",
            "Veera Vainio",
        ],
        [
            ("Varhaiskasvatussuunnitelman laatiminen", 3, 3, True, 180, 3.0, []),
            ("Lääkehoito", 3, 3, True, None, None, []),
            ("Erityisen tuen arviointi", 4, 1, True, 40, 5.0, []),
            ("Asiakasmaksupäätösten valmistelu", 3, 2, False, 600, 0.5, ["maksu"]),
            ("Varhaiskasvatuspaikan haku", 3, 2, True, 900, 0.7, ["haku"]),
            ("Kielikylpyryhmän ohjaus (ruotsi)", 3, 1, False, None, None, []),
        ],
    ),
]

# Levels per person (row) and task (column); a pattern that leaves a few single
# points of failure and gaps on purpose.
PATTERNS = [
    [4, 3, 4, 3, 4, 4, 3],
    [3, 3, 2, 3, 2, 1, 3],
    [3, 4, 1, 3, 0, 0, 3],
    [2, 3, 3, 2, 0, 2, 2],
    [3, 2, 0, 3, 1, 0, 2],
    [1, 3, 0, 2, 0, 0, 3],
    [2, 2, 0, 1, 0, 0, 1],
    [0, 3, 2, 3, 0, 0, 2],
    [1, 1, 0, 0, 0, 0, 0],
    [3, 2, 0, 2, 0, 0, 2],
    [0, 0, 0, 0, 0, 0, 0],
]


def _person(demo, unit: Unit, name: str, title: str = "") -> User:
    local = name.lower().replace(" ", ".")
    for a, b in (("ä", "a"), ("ö", "o"), ("å", "a")):
        local = local.replace(a, b)
    email = f"{local}@esimerkkila.fi"
    user = User.objects.filter(
        organisation=demo.organisation, email=email
    ).first() or User.objects.create_user(
        email, DEMO_PASSWORD, organisation=demo.organisation, full_name=name
    )
    Membership.objects.get_or_create(
        organisation=demo.organisation,
        user=user,
        role=Role.EMPLOYEE,
        service_area=unit.service_area,
        defaults={"unit": unit, "title": title},
    )
    return user


def _seed_unit(demo, spec) -> tuple[Unit, User, list[User], list[Task]]:
    unit_name, area_slug, boss_name, staff, task_specs = spec
    unit = Unit.objects.get(organisation=demo.organisation, name=unit_name)
    boss = _person(demo, unit, boss_name, "esihenkilö")
    people = [_person(demo, unit, name) for name in staff]
    tasks = []
    for name, level, headcount, critical, cases, hours, types in task_specs:
        tasks.append(
            actions.task_create(
                unit=unit,
                name=name,
                required_level=level,
                headcount=headcount,
                critical=critical,
                annual_cases=cases,
                median_handling_hours=hours,
                case_types=types,
                workload_source="asianhallinta 2025" if cases else "",
            )
        )
    for person in people:
        actions.supervision_set(unit=unit, supervisor=boss, person=person)
    for person, row in zip(people, PATTERNS, strict=False):
        for task, level in zip(tasks, row, strict=False):
            if level:
                actions.level_approve(task=task, person=person, by=boss, level=level)
    return unit, boss, people, tasks


def _holidays(unit: Unit, people: list[User], year: int) -> None:
    early = planning_actions.absence_plan_create(unit=unit, name="Kesälomat A")
    spread = planning_actions.absence_plan_create(unit=unit, name="Kesälomat B")
    for i, person in enumerate(people):
        # Plan A: everyone in July; plan B: staggered from June to August.
        planning_actions.absence_add(
            plan=early, person=person, start=date(year, 7, 1), end=date(year, 7, 24)
        )
        start = date(year, 6, 8 + 7 * (i % 9)) if i % 9 < 4 else date(year, 7, 6)
        if i % 3 == 2:
            start = date(year, 8, 3)
        planning_actions.absence_add(
            plan=spread,
            person=person,
            start=start,
            end=date.fromordinal(start.toordinal() + 20),
        )


# Tasks whose workload comes from the case log of the case-management process.
FROM_THE_LOG = ("Asioiden kirjaaminen", "Tietopyyntöihin vastaaminen")


def _workload_from_log(demo, tasks: list[Task]) -> None:
    process = Process.objects.filter(
        organisation=demo.organisation, caselog__current_version__isnull=False
    ).first()
    if process is None:
        return
    for task in tasks:
        if task.name in FROM_THE_LOG:
            actions.task_update(task=task, process=process)
            task_workload_refresh(task=task)


def _needs_from_an_idea(demo) -> None:
    """The accepted idea of electronic attachments asks the registry office for
    a skill nobody has yet: a new task and training needs for its headcount."""
    idea = Idea.objects.filter(
        organisation=demo.organisation, title__icontains="liitteet sähköisesti"
    ).first()
    unit = Unit.objects.filter(organisation=demo.organisation, name=UNITS[0][0]).first()
    if idea is None or unit is None or not change_actions.idea_taken_forward(idea):
        return
    change_actions.idea_skill_needs(
        idea=idea,
        unit=unit,
        by=demo.people["lead"],
        skill="Sähköisten liitteiden vastaanotto",
    )


def seed(demo) -> None:
    if Task.objects.filter(organisation=demo.organisation).exists():
        return
    year = timezone.localdate().year + 1
    goal = Goal.objects.filter(organisation=demo.organisation).first()
    for spec in UNITS:
        unit, boss, people, tasks = _seed_unit(demo, spec)
        _workload_from_log(demo, tasks)
        actions.deputies_set(task=tasks[0], people=people[:3], by=boss)
        actions.deputies_set(task=tasks[2], people=[people[0], people[3]], by=boss)
        actions.certificate_add(
            person=people[0],
            by=boss,
            name="Tietosuojakoulutus",
            valid_until=date(year, 2, 28),
        )
        _holidays(unit, people, year)
        needs = planning_actions.training_needs_propose(unit=unit)
        if goal is not None:
            for need in needs[:2]:
                planning_actions.training_need_to_measure(
                    need=need,
                    by=demo.people["lead"],
                    goal=goal,
                    owner=boss,
                    start_date=date(year, 1, 15),
                    due_date=date(year, 5, 31),
                )
    _needs_from_an_idea(demo)
