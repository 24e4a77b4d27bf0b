from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from tuuma.jobs.notifications import unread_count
from tuuma.lib.i18n import url_in_language
from tuuma.organisation.permissions import can, is_staff_member
from tuuma.web.home import nav_items
from tuuma.web.my_work import action_count


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
        # Lazy: counted only when a page shows the badge (signed-in people).
        "my_work_count": SimpleLazyObject(lambda: action_count(request)),
        "unread_notifications": SimpleLazyObject(lambda: unread_count(user)),
        "language_links": [
            (code, name, url_in_language(request.path, code))
            for code, name in settings.LANGUAGES
        ],
    }
