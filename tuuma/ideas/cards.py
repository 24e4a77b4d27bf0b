"""An idea's badges and facts line (kind, status, area, date, supports).

The idea list draws it twenty times a page. As an included template with a
``blocktranslate`` and two date filters it was the largest single part of the
list's rendering time (issue 23, profile in bench/README.md); drawn here it costs
a few format calls per idea. The markup is the one the template had.
"""

from django.utils import formats, timezone
from django.utils.dateformat import format as date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from tuuma.ideas.models import Idea
from tuuma.lib.formatting import format_date


def idea_meta(idea: Idea) -> SafeString:
    status = idea.get_status_display()
    if idea.public_outcome:
        status = format_html("{}: {}", status, idea.get_outcome_display())
    parts = [
        format_html('<span class="badge">{}</span>', idea.get_kind_display()),
        format_html(
            '<span class="badge status status-{}">{}</span>', idea.status, status
        ),
    ]
    if idea.is_staff_only:
        parts.append(
            format_html('<span class="badge">{}</span>', gettext("Staff only"))
        )
    if idea.service_area:
        parts.append(format_html("<span>{}</span>", idea.service_area.localized_name))
    if idea.published_at:
        parts.append(
            format_html(
                '<span><time datetime="{}">{}</time></span>',
                date_format(timezone.localtime(idea.published_at), "c"),
                format_date(idea.published_at),
            )
        )
    count = idea.support_count
    supports = ngettext("%(counter)s support", "%(counter)s supports", count) % {
        "counter": formats.localize(count)
    }
    parts.append(format_html("<span>{}</span>", supports))
    # Every part above is escaped by format_html.
    return mark_safe('<p class="meta">\n  ' + "\n  ".join(parts) + "\n</p>")  # noqa: S308
