from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def number(value: Decimal | None) -> str:
    """A measured value in the reader's locale, without trailing zeros."""
    if value is None:
        return "–"
    return number_format(Decimal(value).normalize(), use_l10n=True)
