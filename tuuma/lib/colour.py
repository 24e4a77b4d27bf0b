"""Colour contrast as WCAG 2.x defines it (relative luminance, contrast ratio)."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
WHITE = "#ffffff"
# WCAG 2.1 AA for normal text (1.4.3): the accent colour carries white text in
# the header and buttons, and is the link colour on white.
AA_NORMAL_TEXT = 4.5


def relative_luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted(
        (relative_luminance(first), relative_luminance(second)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def darker(colour: str, factor: float = 0.75) -> str:
    """The same hue, darker (the navigation band under the header)."""
    channels = [round(int(colour[i : i + 2], 16) * factor) for i in (1, 3, 5)]
    return "#" + "".join(f"{c:02x}" for c in channels)


def validate_accent_colour(value: str) -> None:
    """``#rrggbb`` that white text on it (and it as text on white) passes AA."""
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(
            _("Give the colour as # and six hexadecimal digits, e.g. #003580."),
            code="format",
        )
    ratio = contrast_ratio(value, WHITE)
    if ratio < AA_NORMAL_TEXT:
        raise ValidationError(
            _(
                "White text on this colour has a contrast of %(ratio)s:1; WCAG AA"
                " needs at least 4.5:1. Choose a darker colour."
            ),
            code="contrast",
            params={"ratio": f"{ratio:.1f}"},
        )
