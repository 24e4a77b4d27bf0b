"""Fixed-window rate limits kept in the database.

The counter row is incremented with an F() expression, so parallel requests from
several web processes are all counted (a per-process cache would not see them).
"""

import time

from django.db.models import F

from tuuma.web.models import RateCounter


def _window(period: int) -> int:
    return int(time.time()) // period


def count_hits(key: str, period: int) -> int:
    row = RateCounter.objects.filter(key=key, window=_window(period)).first()
    return row.count if row else 0


def record_hit(key: str, period: int) -> int:
    """Count one hit for ``key`` in the current window; returns the new total."""
    window = _window(period)
    counter, created = RateCounter.objects.get_or_create(key=key, window=window)
    if created:  # the key's past windows count for nothing any more
        RateCounter.objects.filter(key=key, window__lt=window).delete()
    RateCounter.objects.filter(pk=counter.pk).update(count=F("count") + 1)
    return RateCounter.objects.values_list("count", flat=True).get(pk=counter.pk)


def is_limited(key: str, *, limit: int, period: int) -> bool:
    return count_hits(key, period) >= limit


def hit_and_check(key: str, *, limit: int, period: int) -> bool:
    """Record a hit; True when it is over the limit (the caller refuses it)."""
    return record_hit(key, period) > limit


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "unknown")
