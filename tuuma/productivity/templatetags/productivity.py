"""``{{ mapping|lookup:key }}`` for the survey results table."""

from django import template

register = template.Library()


@register.filter
def lookup(mapping: dict, key):
    return mapping.get(key)
