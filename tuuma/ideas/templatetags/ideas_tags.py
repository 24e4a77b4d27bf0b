from django import template
from django.utils.safestring import SafeString

from tuuma.ideas.render import render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    """Render an idea's description (safe Markdown subset, sanitised)."""
    return render_markdown(text)


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters changed (for pagination)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params[key] = value
    return "?" + params.urlencode()
