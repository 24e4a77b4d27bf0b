"""Template filters over tuuma.lib.formatting: ``{% load tuuma_format %}``."""

from django import template

from tuuma.lib import formatting

register = template.Library()

register.filter("local_datetime", formatting.format_datetime)
register.filter("local_date", formatting.format_date)
register.filter("number", formatting.format_number)
register.filter("percent", formatting.format_percent)
register.filter("duration", formatting.format_duration)
register.filter("sample_size", formatting.sample_size)
