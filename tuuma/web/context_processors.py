from django.conf import settings
from django.http import HttpRequest

from tuuma.lib.i18n import url_in_language
from tuuma.organisation.permissions import can, is_staff_member
from tuuma.web.home import nav_items


def platform(request: HttpRequest) -> dict:
    organisation = getattr(request, "organisation", None)
    user = getattr(request, "user", None)
    return {
        "organisation": organisation,
        "is_staff_member": bool(
            organisation and user and is_staff_member(user, organisation)
        ),
        "nav_items": nav_items(request) if organisation else [],
        # Called by the template only where it asks (the footer's settings link).
        "can_manage_organisation": lambda: bool(
            organisation and user and can(user, "organisation.manage", organisation)
        ),
        "language_links": [
            (code, name, url_in_language(request.path, code))
            for code, name in settings.LANGUAGES
        ],
    }
