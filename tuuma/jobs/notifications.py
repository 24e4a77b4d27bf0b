"""The notification centre: every e-mail to a person is also a notification, and
each person chooses per kind of event how (and whether) it is e-mailed.

Apps name their kinds in ``<app>/notify.py`` as ``NOTIFICATION_KINDS`` (kind →
label). Unsubscribe links carry a signed token naming the person and the kind: it
works signed out, cannot be forged, and changes nobody else's choice.
"""

from __future__ import annotations

from django.core import signing
from django.urls import reverse

from tuuma.jobs.models import Delivery, Notification, NotificationPreference
from tuuma.lib.apps import app_modules

UNSUBSCRIBE_SALT = "tuuma.jobs.unsubscribe"
OTHER = "other"


def notification_kinds() -> dict[str, str]:
    """Every app's kinds of event, in app order (label lazily translated)."""
    kinds: dict[str, str] = {}
    for module in app_modules("notify"):
        kinds.update(getattr(module, "NOTIFICATION_KINDS", {}))
    return kinds


def delivery_for(user, kind: str) -> str:
    preference = (
        NotificationPreference.objects.filter(user=user, kind=kind)
        .values_list("delivery", flat=True)
        .first()
    )
    return preference or Delivery.IMMEDIATELY


def set_delivery(*, user, kind: str, delivery: str) -> NotificationPreference:
    preference, _created = NotificationPreference.objects.update_or_create(
        user=user, kind=kind, defaults={"delivery": Delivery(delivery)}
    )
    return preference


def unsubscribe_token(user, kind: str) -> str:
    return signing.dumps({"u": user.pk, "k": kind}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    """(person id, kind), or None for a token that was altered or made up."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return int(data["u"]), str(data["k"])


def unsubscribe_url(organisation, user, kind: str) -> str:
    path = reverse("jobs:unsubscribe", args=[unsubscribe_token(user, kind)])
    return organisation.absolute_url(path)


def record(
    *, organisation, user, kind: str, subject: str, body: str, url: str, delivery: str
) -> Notification:
    """The in-app copy; a digest delivery leaves it waiting for the digest."""
    digest = delivery if delivery in (Delivery.DAILY, Delivery.WEEKLY) else ""
    return Notification.objects.create(
        organisation=organisation,
        user=user,
        kind=kind,
        subject=subject[:300],
        body=body,
        url=url[:500],
        digest=digest,
    )


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
