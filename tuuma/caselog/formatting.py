"""Numbers and durations for people: days with a decimal, hours, shares."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _

DAY = 86400.0


def days(seconds: float | None) -> float | None:
    return None if seconds is None else seconds / DAY


def duration(seconds: float | None) -> str:
    """``12,3 d``, ``5,0 h`` or ``40 min`` in the reader's locale."""
    if seconds is None:
        return "–"
    if seconds >= DAY:
        return _("%(n)s d") % {
            "n": number_format(seconds / DAY, 1, use_l10n=True, force_grouping=True)
        }
    if seconds >= 3600:
        return _("%(n)s h") % {
            "n": number_format(seconds / 3600, 1, use_l10n=True, force_grouping=True)
        }
    return _("%(n)s min") % {
        "n": number_format(seconds / 60, 0, use_l10n=True, force_grouping=True)
    }


def share(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{number_format(value * 100, 1, use_l10n=True)} %"


def number(value: float | int | None, decimals: int = 0) -> str:
    if value is None:
        return "–"
    return number_format(value, decimals, use_l10n=True, force_grouping=True)
