import unicodedata

from django import template
from django.template.defaultfilters import truncatechars
from django.utils.safestring import SafeString

from tuuma.ideas import cards
from tuuma.ideas.render import render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    """Render an idea's description (safe Markdown subset, sanitised)."""
    return render_markdown(text)


register.simple_tag(cards.idea_meta, name="idea_meta")


@register.filter
def excerpt(text: str, length: int) -> str:
    """``truncatechars`` without its per-character walk when the text is short.

    The result is the same: ``truncatechars`` normalises to NFC and returns the
    whole text when it has at most ``length`` characters.
    """
    normalised = unicodedata.normalize("NFC", text)
    return normalised if len(normalised) <= length else truncatechars(text, length)


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters changed (for pagination)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params[key] = value
    return "?" + params.urlencode()
