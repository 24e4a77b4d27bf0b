"""Ideas in the states the permission matrix checks (tuuma/organisation/tests)."""

from tuuma.ideas.tests.factories import make_idea


def objects(org, cast, area) -> list:
    return [
        # A resident's published idea in the area where the area-scoped staff work.
        make_idea(org, cast.resident, service_area=area, title="Julkinen idea"),
        # A draft: only its author sees and edits it.
        make_idea(org, cast.resident, title="Luonnos", submit=False),
        # A staff-only initiative, in no area.
        make_idea(org, cast.employee, kind="staff_initiative", is_staff_only=True),
    ]
