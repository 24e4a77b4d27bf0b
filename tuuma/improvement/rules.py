"""Who may do what with the improvement methods (A3, Kano, priority list).

These are staff tools, except answering a Kano survey: anyone may answer an open
one (the view then asks for log-in when the survey does not allow anonymous
answers, and refuses people outside its audience).
"""

from tuuma.organisation.permissions import LEADS, STAFF_ROLES, Rule
from tuuma.organisation.roles import Role

DEVELOPERS = frozenset({Role.PROCESS_OWNER}) | LEADS


def _survey_open(survey) -> bool:
    return survey.status == "open"


RULES = {
    "improvement.view": Rule(
        STAFF_ROLES, describe="See A3s, Kano results and the priority list"
    ),
    "improvement.answer_survey": Rule(
        public=True, when=_survey_open, describe="Answer an open Kano survey"
    ),
    "improvement.manage_survey": Rule(
        DEVELOPERS,
        area_scoped=True,
        owners=("created_by",),
        describe="Create a Kano survey, its features, open and close it",
    ),
    "improvement.score": Rule(
        DEVELOPERS, area_scoped=True, describe="Score impact and effort of an item"
    ),
    "improvement.freeze_ranking": Rule(
        LEADS, describe="Freeze a ranking as a dated decision"
    ),
    "improvement.edit_a3": Rule(
        DEVELOPERS,
        area_scoped=True,
        owners=("owner",),
        describe="Write an A3, its causes and countermeasures",
    ),
    "improvement.review_a3": Rule(
        STAFF_ROLES, describe="Comment on an A3 section by section"
    ),
}
