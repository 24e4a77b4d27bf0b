"""``{{ mapping|lookup:key }}`` and ``{{ pairs|index_of:n }}`` for the tables."""

from django import template

register = template.Library()


@register.filter
def lookup(mapping: dict, key):
    return mapping.get(key)


@register.filter
def index_of(pairs: list, index: int):
    """The second item of the ``index``-th (year, value) pair."""
    return pairs[index][1] if index < len(pairs) else None
