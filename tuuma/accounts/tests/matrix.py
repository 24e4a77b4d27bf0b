"""Objects for the permission-matrix test: a live API token of an employee."""

from tuuma.accounts.models import ApiToken


def objects(org, cast, area) -> list:
    token, _key = ApiToken.issue(user=cast.employee, name="matrix")
    return [token]
