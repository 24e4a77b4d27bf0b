"""A safe Markdown subset: emphasis, lists, links, quotes and code; no raw HTML.

markdown-it escapes any HTML in the source (``html`` off) and nh3 then keeps only
Tuuma's allowlist, so a payload can neither pass through nor be built from
Markdown (``[x](javascript:…)`` loses its link).
"""

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False}).disable(
    ["image", "heading", "lheading", "table", "hr"], ignoreInvalid=True
)

TAGS = {"p", "br", "em", "strong", "ul", "ol", "li", "a", "code", "pre", "blockquote"}
ATTRIBUTES = {"a": {"href"}}


def render_markdown(text: str) -> SafeString:
    html = _markdown.render(text or "")
    cleaned = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow ugc",
        clean_content_tags={"script", "style"},
    )
    return mark_safe(cleaned)  # noqa: S308  (nh3 output with our allowlist)
