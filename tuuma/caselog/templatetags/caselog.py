from django import template

from tuuma.caselog import formatting, processmap

register = template.Library()


@register.filter
def duration(seconds: float | None) -> str:
    return formatting.duration(seconds)


@register.filter
def share(value: float | None) -> str:
    return formatting.share(value)


@register.filter
def count(value: int | None) -> str:
    return formatting.number(value)


@register.simple_tag(takes_context=True)
def with_filter(context, url: str) -> str:
    """``url`` followed by the current filter's query string."""
    query = context.get("filter_query", "")
    return f"{url}?{query}" if query else url


@register.filter
def map_label(name: str) -> str:
    """An activity of the process map, or the words for its start and end."""
    return processmap.Node(name, 0).label
