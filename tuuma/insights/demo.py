"""Two years of Esimerkkilä's history for the dashboard to tell a story.

The programme's demo holds seven hand-written measures; this adds some 33 more
across the service areas and all four classes (done with measured results, on
track, late, without progress) with indicator values over time, and ideas
spread over two years with their answers, so every chart and the risk view
have something to say. Seeded through the real actions, then dated back.
Seeding twice adds nothing (the first generated measure is the marker).
"""

import random
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from tuuma.ideas import actions as idea_actions
from tuuma.ideas.models import Idea, IdeaOutcome
from tuuma.programme import actions
from tuuma.programme.models import Goal, Measure, MeasureClass, MeasureStatus

MARKER = "Kehitystoimi 01"
MEASURES = 33
IDEAS = 120
THEMES = (
    "Sähköinen asiointi",
    "Jonojen purku",
    "Tiimien työtavat",
    "Kirjaston palvelut",
    "Koulukuljetukset",
    "Kotihoidon reitit",
    "Lupakäsittely",
    "Palautteen käsittely",
)
OUTCOMES = (
    IdeaOutcome.ACCEPTED,
    IdeaOutcome.ACCEPTED,
    IdeaOutcome.NOT_TAKEN_FORWARD,
    IdeaOutcome.ALREADY_DONE,
)


def seed(demo) -> None:
    organisation = demo.organisation
    if Measure.objects.filter(organisation=organisation, title=MARKER).exists():
        return
    goals = list(Goal.objects.filter(focus_area__organisation=organisation))
    areas = list(demo.areas.values())
    if not goals or not areas:
        return
    rng = random.Random(20)  # the same story every time
    ideas = [_idea(demo, rng, number, areas) for number in range(1, IDEAS + 1)]
    for number in range(1, MEASURES + 1):
        _measure(demo, rng, number, goals, areas, ideas)


def _idea(demo, rng: random.Random, number: int, areas) -> Idea:
    """An idea published up to two years ago; most are answered, some late."""
    people = [
        demo.people["employee"],
        demo.people.get("resident") or demo.people["employee"],
    ]
    idea = idea_actions.idea_create(
        organisation=demo.organisation,
        author=rng.choice(people),
        kind="idea",
        title=f"{rng.choice(THEMES)}: ehdotus {number}",
        body="Ehdotus toiminnan parantamiseksi.",
        service_area=rng.choice(areas),
    )
    published = timezone.now() - timedelta(days=rng.randint(5, 730))
    answered = None
    if rng.random() < 0.85:
        idea_actions.idea_answer(
            idea=idea,
            by=demo.people["manager"],
            outcome=rng.choice(OUTCOMES),
            text="Kiitos ehdotuksesta.",
        )
        idea_actions.idea_publish_answer(idea=idea, by=demo.people["manager"])
        answered = published + timedelta(days=rng.choice((3, 7, 12, 20, 35, 60)))
    Idea.objects.filter(pk=idea.pk).update(
        published_at=published,
        submitted_at=published,
        answer_published_at=min(answered, timezone.now()) if answered else None,
    )
    idea.refresh_from_db()
    return idea


def _measure(demo, rng: random.Random, number: int, goals, areas, ideas) -> None:
    today = timezone.localdate()
    start = today - timedelta(days=rng.randint(60, 700))
    due = start + timedelta(days=rng.randint(120, 400))
    lead = demo.people["lead"]
    measure = actions.measure_create(
        organisation=demo.organisation,
        by=lead,
        goal=rng.choice(goals),
        title=f"Kehitystoimi {number:02d}",
        description="Toimenpide ohjelman tavoitteen edistämiseksi.",
        measure_class=list(MeasureClass.values)[number % 4],
        service_area=rng.choice(areas),
        owner=lead,
        start_date=start,
        due_date=due,
    )
    for idea in rng.sample(ideas, 2):
        if idea.outcome == IdeaOutcome.ACCEPTED:
            actions.measure_link_idea(measure=measure, idea=idea, by=lead)
    indicator = actions.indicator_create(
        measure=measure,
        name="Käsittelyaika",
        unit="pv",
        direction="decrease",
        baseline_value=Decimal(30),
        baseline_date=start,
        target_value=Decimal(20),
        target_date=due,
    )
    if due < today and number % 3:
        _done(measure, indicator, rng, lead, start, due)
    elif start < today - timedelta(days=30) and number % 4:
        actions.measure_change_status(
            measure=measure, to_status=MeasureStatus.IN_PROGRESS, by=lead
        )
        actions.measure_post_progress(
            measure=measure,
            by=lead,
            date=today - timedelta(days=rng.randint(1, 90)),
            percent=rng.randint(20, 80),
            text="Etenee suunnitellusti.",
        )


def _done(measure, indicator, rng: random.Random, lead, start, due) -> None:
    """Done on its due date, its indicator measured quarterly towards the target."""
    value, day = 30.0, start
    while day <= due:
        day += timedelta(days=90)
        value = max(15.0, value - rng.uniform(1, 5))
        actions.indicator_record_value(
            indicator=indicator, date=min(day, due), value=round(value, 1), by=lead
        )
    actions.measure_change_status(
        measure=measure, to_status=MeasureStatus.DONE, by=lead
    )
    done_at = timezone.now() - (timezone.localdate() - due)
    Measure.objects.filter(pk=measure.pk).update(
        done_at=done_at, result_achieved="Käsittelyaika lyheni.", is_published=True
    )
