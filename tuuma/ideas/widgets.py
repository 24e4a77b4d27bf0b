"""A select drawn in Python, for the idea list's filters (issue 23).

Django draws a select with one template for the element and an included one
per option; the list's four selects cost more than all twenty idea cards. This
widget writes the same markup directly (a test compares it with Django's).
"""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe


def _attrs(attrs: dict) -> SafeString:
    """Django's ``attrs.html``: ``False`` leaves an attribute out, ``True`` is bare."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(' {}="{}"', name, value) if value is not True else f" {name}",)
            for name, value in attrs.items()
            if value is not False
        ),
    )


class QuickSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [
            format_html('<select name="{}"{}>', widget["name"], _attrs(widget["attrs"]))
        ]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('\n  <optgroup label="{}">', group_name))
            for option in options:
                parts.append(
                    format_html(
                        '\n  <option value="{}"{}>{}</option>\n',
                        str(option["value"]),
                        _attrs(option["attrs"]),
                        option["label"],
                    )
                )
            if group_name:
                parts.append(mark_safe("\n  </optgroup>"))
        parts.append(mark_safe("\n</select>"))
        # Every part is escaped by format_html or is a literal.
        return mark_safe("".join(parts))  # noqa: S308
