"""What the capability apps contribute to the shared layout.

Each capability app may have a ``home.py`` with ``home_section(request)`` (a block on
the municipality's front page) and ``nav_item(request)`` (a link in the main
navigation). Either returns a dict or None; the layout shows them in app order.
"""

from django.http import HttpRequest

from tuuma.lib.apps import app_modules


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


def nav_items(request: HttpRequest) -> list[dict]:
    items = _collect("nav_item", request)
    for item in items:
        item["current"] = request.path.startswith(item["url"])
    return items
