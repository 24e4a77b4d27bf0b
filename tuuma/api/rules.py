from tuuma.organisation.permissions import STAFF_ROLES, Rule

RULES = {
    "api.use_tokens": Rule(STAFF_ROLES, describe="Create and use personal API tokens"),
}
