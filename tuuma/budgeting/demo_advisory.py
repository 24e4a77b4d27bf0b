"""Demo advisory votes for Esimerkkilä: on the swimming hall matter, in its
decision phase, a closed ranking vote with its result and an open single-choice
vote that residents can still answer."""

import random
from datetime import timedelta

from django.utils import timezone

from tuuma.budgeting import advisory
from tuuma.budgeting.models import AdvisoryVote
from tuuma.hearings.actions.matters import (
    matter_change_phase,
    matter_create,
    matter_publish,
)

MATTER = "Uimahallin peruskorjaus tai uusi halli"
RANKED = [
    "Peruskorjataan nykyinen halli",
    "Rakennetaan uusi halli keskustaan",
    "Rakennetaan uusi halli koulukeskuksen yhteyteen",
]
SINGLE = ["Pidetään halli auki korjauksen ajan osittain", "Suljetaan halli kokonaan"]


def seed(demo) -> None:
    if AdvisoryVote.objects.filter(organisation=demo.organisation).exists():
        return
    lead = demo.people["lead"]
    today = timezone.localdate()
    matter = matter_create(
        organisation=demo.organisation,
        by=lead,
        title=MATTER,
        description="Valtuusto päättää, korjataanko vuonna 1978 valmistunut "
        "uimahalli vai rakennetaanko uusi. Asukkailta kysytään neuvoa.",
        started_on=today - timedelta(days=200),
    )
    matter_publish(matter=matter, by=lead)
    matter_change_phase(
        matter=matter, by=lead, phase="decision", on=today - timedelta(days=20)
    )
    matter.refresh_from_db()
    ranked = advisory.advisory_create(
        matter=matter,
        by=lead,
        question="Missä järjestyksessä vaihtoehdot ovat sinulle mieluisia?",
        options=RANKED,
        kind="ranking",
        closes_on=today - timedelta(days=2),
        identity="email",
    )
    advisory.advisory_open(vote=ranked, by=lead)
    rng = random.Random(2027)  # the same demo every time  # noqa: S311
    ids = list(ranked.options.values_list("pk", flat=True))
    for person in demo.people.values():
        order = rng.sample(ids, k=rng.randint(1, len(ids)))
        advisory.advisory_answer(
            vote=ranked,
            by=person,
            choices={pk: rank for rank, pk in enumerate(order, start=1)},
            age=rng.randint(16, 80),
            is_resident=True,
        )
    advisory.advisory_close(vote=ranked, by=lead)
    open_vote = advisory.advisory_create(
        matter=matter,
        by=lead,
        question="Pidetäänkö halli osittain auki korjauksen aikana?",
        options=SINGLE,
        closes_on=today + timedelta(days=14),
        identity="email",
    )
    advisory.advisory_open(vote=open_vote, by=lead)
