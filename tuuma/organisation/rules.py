"""Permissions of the organisation itself (see tuuma/organisation/permissions.py)."""

from tuuma.organisation.permissions import Rule

RULES = {
    "organisation.manage": Rule(describe="Administer people, roles and settings"),
    "organisation.sign_in": Rule(
        residents=True, describe="Anything every signed-in person may do"
    ),
    "organisation.open": Rule(public=True, describe="Open to everyone"),
}
