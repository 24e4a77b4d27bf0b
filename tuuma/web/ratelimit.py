"""Sliding-window rate limits kept in the database.

Every hit is one row. Counting and inserting happen in one transaction that
holds a lock on the key (a PostgreSQL advisory lock; SQLite's IMMEDIATE
transactions are serialised already), so parallel requests from several web
processes are decided one after the other: exactly ``limit`` pass, never fewer
(a count read while refused rows were still in flight once let 9 of 10 through)
and never more. A refused attempt leaves no row, so hammering a closed door does
not keep it closed for ever.
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from tuuma.web.models import RateHit


@dataclass(frozen=True)
class Attempt:
    """The outcome of :func:`attempt`; ``hit_id`` lets the caller forget a hit."""

    allowed: bool
    count: int
    hit_id: int | None
    retry_after: int


def _since(period: int):
    return timezone.now() - timedelta(seconds=period)


def count_hits(key: str, period: int) -> int:
    return RateHit.objects.filter(key=key, at__gt=_since(period)).count()


def record_hit(key: str, period: int) -> int:
    """Count one hit for ``key``; returns the hits within the last ``period`` s."""
    RateHit.objects.filter(key=key, at__lte=_since(period)).delete()
    RateHit.objects.create(key=key, at=timezone.now())
    return count_hits(key, period)


def retry_after(key: str, *, limit: int, period: int) -> int:
    """Seconds until fewer than ``limit`` hits remain in the window (0 = now)."""
    hits = list(
        RateHit.objects.filter(key=key, at__gt=_since(period))
        .order_by("-at")
        .values_list("at", flat=True)[:limit]
    )
    if len(hits) < limit:
        return 0
    ends = hits[-1] + timedelta(seconds=period) - timezone.now()
    return max(1, math.ceil(ends.total_seconds()))


def _lock(key: str) -> None:
    """Serialise the decisions on one key until the transaction ends."""
    if connection.vendor == "postgresql":
        number = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest())
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [number - 2**63])


def attempt(key: str, *, limit: int, period: int) -> Attempt:
    """Record a hit and decide on it: at most ``limit`` hits pass per ``period``."""
    with transaction.atomic():
        _lock(key)
        RateHit.objects.filter(key=key, at__lte=_since(period)).delete()
        count = count_hits(key, period) + 1
        if count <= limit:
            hit = RateHit.objects.create(key=key, at=timezone.now())
            return Attempt(True, count, hit.pk, 0)
    return Attempt(False, count, None, retry_after(key, limit=limit, period=period))


def forget(hit_id: int | None) -> None:
    """Take back a hit that turned out not to count (e.g. a successful log-in)."""
    if hit_id is not None:
        RateHit.objects.filter(pk=hit_id).delete()


def is_limited(key: str, *, limit: int, period: int) -> bool:
    return count_hits(key, period) >= limit


def hit_and_check(key: str, *, limit: int, period: int) -> bool:
    """Record a hit; True when it is over the limit (the caller refuses it)."""
    return not attempt(key, limit=limit, period=period).allowed


def _networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [
        ipaddress.ip_network(item, strict=False)
        for item in getattr(settings, "TRUSTED_PROXIES", [])
    ]


def _trusted(address: str, networks) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_ip(request) -> str:
    """The client's address: X-Forwarded-For is believed only from trusted proxies.

    The header is read from the right (the hop nearest to us) and the first
    address that is not a trusted proxy is the client; anything to its left was
    written by the client itself and proves nothing.
    """
    remote = request.META.get("REMOTE_ADDR", "unknown")
    networks = _networks()
    if not networks or not _trusted(remote, networks):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, networks):
            return hop
    return hops[0] if hops else remote
