"""Who may do what with service products, their figures and the survey.

Residents see the figures of the products the organisation publishes; staff see
every product and the survey results as aggregates of at least five answers; the
productivity lead and the manager keep the catalogue and import the figures of
their service areas.
"""

from tuuma.organisation.permissions import LEADS, STAFF_ROLES, Rule

RULES = {
    "productivity.view": Rule(
        public=True, describe="Read the published unit costs and digital shares"
    ),
    "productivity.view_all": Rule(
        STAFF_ROLES, describe="Read every product's figures and the allocation"
    ),
    "productivity.manage": Rule(
        LEADS,
        area_scoped=True,
        describe="Keep the product catalogue and import volumes, costs and hours",
    ),
    "productivity.manage_surveys": Rule(
        LEADS, describe="Prepare working-life surveys and enter price indices"
    ),
    "productivity.answer_survey": Rule(
        STAFF_ROLES, describe="Answer an open working-life survey"
    ),
    "productivity.survey_results": Rule(
        STAFF_ROLES, describe="Read survey results (groups of five or more)"
    ),
}
