"""The statistics page's charts: ideas by status and area, answer times."""

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tuuma.ideas.models import Idea
from tuuma.ideas.stats import answer_time_bands
from tuuma.organisation.models import Organisation
from tuuma.web.charts import BarChart, bar_chart


def _band_label(upper: int | None, lower: int | None) -> str:
    if upper is None:
        return _("over %(days)s days") % {"days": lower}
    if lower is None:
        return ngettext("at most %(days)s day", "at most %(days)s days", upper) % {
            "days": upper
        }
    return _("%(low)s–%(high)s days") % {"low": lower + 1, "high": upper}


def statistics_charts(
    organisation: Organisation, by_status: list[tuple[str, int]], answered: int
) -> list[BarChart]:
    ideas = Idea.objects.filter(organisation=organisation).public()
    by_area = (
        ideas.values("service_area__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "service_area__name")
    )
    bands, lower = [], None
    for upper, count in answer_time_bands(organisation):
        bands.append((_band_label(upper, lower), count))
        lower = upper
    return [
        bar_chart(
            chart_id="chart-answer-times",
            title=_("Answer times"),
            rows=bands,
            label_heading=_("Answered in"),
            value_heading=_("Ideas"),
            n=answered,
        ),
        bar_chart(
            chart_id="chart-status",
            title=_("Public ideas by status"),
            rows=by_status,
            label_heading=_("Status"),
            value_heading=_("Ideas"),
            n=sum(count for _label, count in by_status),
        ),
        bar_chart(
            chart_id="chart-area",
            title=_("Public ideas by service area"),
            rows=[
                (row["service_area__name"] or _("No service area"), row["n"])
                for row in by_area
            ],
            label_heading=_("Service area"),
            value_heading=_("Ideas"),
            n=sum(row["n"] for row in by_area),
        ),
    ]
