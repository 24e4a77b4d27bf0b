"""Measures for the permission matrix (tuuma/organisation/tests)."""

from datetime import date

from tuuma.programme import actions
from tuuma.programme.models import MeasureClass


def objects(org, cast, area) -> list:
    focus = actions.focus_area_create(organisation=org, name="Uudistuva kunta")
    goal = actions.goal_create(focus_area=focus, title="Prosessien uudistaminen")
    measure = actions.measure_create(
        organisation=org,
        by=cast.productivity_lead,
        goal=goal,
        title="Sähköinen rakennuslupa",
        description="Lupahakemukset sähköisiksi.",
        measure_class=MeasureClass.DEVELOPMENT_PROJECT,
        service_area=area,
        owner=cast.process_owner,
        start_date=date(2026, 1, 1),
        due_date=date(2026, 12, 31),
    )
    return [measure]
