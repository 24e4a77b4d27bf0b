"""Formatting of VSM figures in the process templates."""

from django import template
from django.utils.formats import number_format

from tuuma.processes.svg import days_text, minutes_text

register = template.Library()


@register.filter
def minutes(value: float | None) -> str:
    return "–" if value is None else minutes_text(value)


@register.filter
def days(value: float | None) -> str:
    return "–" if value is None else days_text(value)


@register.filter
def working_days(value: float | None, per_day: int) -> str:
    """Working minutes as working days."""
    return "–" if value is None else days_text(value / per_day)


@register.filter
def pct(value: float | None, places: int = 1) -> str:
    return "–" if value is None else f"{number_format(round(value, places), places)} %"


@register.filter
def num(value: float | None, places: int = 1) -> str:
    return "–" if value is None else number_format(round(value, places), places)
