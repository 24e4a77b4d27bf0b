"""What the capability apps contribute to the shared layout, and who the front
page is for.

Each capability app may have a ``home.py`` with ``home_section(request)`` (a block on
the municipality's front page), ``state_section(request)`` (a block of the
programme's state for managers and the steering group) and ``nav_item(request)``
(a link in the main navigation). Each returns a dict or None; the layout shows them
in app order.
"""

from django.http import HttpRequest

from tuuma.lib.apps import app_modules
from tuuma.organisation.permissions import can, is_staff_member

RESIDENT, STAFF, LEADER = "resident", "staff", "leader"


def _collect(hook: str, request: HttpRequest) -> list[dict]:
    found = []
    for module in app_modules("home"):
        function = getattr(module, hook, None)
        item = function(request) if function else None
        if item:
            found.append(item)
    return found


def home_sections(request: HttpRequest) -> list[dict]:
    return _collect("home_section", request)


def state_sections(request: HttpRequest) -> list[dict]:
    return _collect("state_section", request)


def nav_items(request: HttpRequest) -> list[dict]:
    items = _collect("nav_item", request)
    for item in items:
        item["current"] = request.path.startswith(item["url"])
    return items


def home_role(request: HttpRequest) -> str:
    """Whom the front page is for: residents (and people signed out) first see
    "Submit an idea"; staff their work; managers and the steering group the
    programme's state."""
    user, organisation = request.user, request.organisation
    if can(user, "web.programme_state", organisation):
        return LEADER
    if is_staff_member(user, organisation):
        return STAFF
    return RESIDENT
