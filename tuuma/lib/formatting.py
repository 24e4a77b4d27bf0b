"""One formatting layer for pages, e-mails, PDFs and exports.

People read local time in their language's format (``3.12.2025 klo 14.05`` in
Finnish, from ``tuuma/formats/``), numbers with the language's separators and
statistics with the number of cases behind them. Machines read exports: ISO 8601
with the offset and dot decimals (``machine_*``), whatever the language.

Times are shown in the organisation's time zone (Europe/Helsinki unless it says
otherwise): 23:30 UTC on 2 December is 3 December in Finland, and that local day
is the one every day-based figure uses.
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import get_language, gettext, ngettext

Number = int | float


def local_zone(zone: str | None = None) -> tzinfo:
    """The zone asked for, else the active one (the organisation's on a page,
    see ``tuuma.web.localtime``), else ``settings.TIME_ZONE``."""
    if zone:
        return ZoneInfo(zone)
    return timezone.get_current_timezone() or ZoneInfo(settings.TIME_ZONE)


def local_datetime(value: datetime, zone: str | None = None) -> datetime:
    """An aware datetime in the organisation's zone; a naive one is taken as local."""
    tz = local_zone(zone)
    if timezone.is_naive(value):
        return value.replace(tzinfo=tz)
    return value.astimezone(tz)


def local_date(value: datetime | date, zone: str | None = None) -> date:
    """The local calendar day of a moment (the day a case decided at 00.30 belongs to)."""
    if isinstance(value, datetime):
        return local_datetime(value, zone).date()
    return value


def format_datetime(value: datetime | None, zone: str | None = None) -> str:
    if value is None:
        return ""
    return formats.date_format(local_datetime(value, zone), "DATETIME_FORMAT")


def format_date(value: datetime | date | None, zone: str | None = None) -> str:
    if value is None:
        return ""
    return formats.date_format(local_date(value, zone), "DATE_FORMAT")


def format_number(value: Number | None, digits: int = 0) -> str:
    """Grouped by thousands with the language's separators; rounded to ``digits``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return formats.number_format(
        round(value, digits), decimal_pos=digits, use_l10n=True, force_grouping=True
    )


def format_percent(share: Number | None, digits: int = 0) -> str:
    """``share`` is a fraction (0.25 → 25 %); Finnish and Swedish put a space
    before the sign, English does not."""
    if share is None:
        return "–"
    number = format_number(share * 100, digits)
    return (
        f"{number}%" if (get_language() or "fi").startswith("en") else f"{number}\xa0%"
    )


def format_duration(value: timedelta | Number | None) -> str:
    """Days and hours at a sensible precision (seconds when given a number).

    Ten days or more: whole days. A day or more: days and hours. Less: hours and
    minutes, or minutes alone under an hour.
    """
    if value is None:
        return "–"
    seconds = value.total_seconds() if isinstance(value, timedelta) else float(value)
    minutes = round(seconds / 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days >= 10:
        return _days(round(seconds / 86400))
    if days >= 1:
        return (
            f"{_days(days)} {_hours(round(rest / 60))}" if rest >= 30 else _days(days)
        )
    if hours >= 1:
        return f"{_hours(hours)} {_minutes(mins)}" if mins else _hours(hours)
    return _minutes(mins)


def _days(n: int) -> str:
    return ngettext("%(n)s day", "%(n)s days", n) % {"n": format_number(n)}


def _hours(n: int) -> str:
    return ngettext("%(n)s hour", "%(n)s hours", n) % {"n": n}


def _minutes(n: int) -> str:
    return ngettext("%(n)s minute", "%(n)s minutes", n) % {"n": n}


def sample_size(n: int) -> str:
    """The "n = 1 234" printed beside every statistic computed from cases."""
    return gettext("n = %(n)s") % {"n": format_number(n)}


def machine_datetime(value: datetime) -> str:
    """ISO 8601 with the offset, as exports write it (local time, never naive)."""
    return local_datetime(value).isoformat(timespec="seconds")


def machine_number(value: Number | None) -> str:
    """Dot decimals and no grouping, whatever the language."""
    return (
        "" if value is None else repr(value) if isinstance(value, float) else str(value)
    )
