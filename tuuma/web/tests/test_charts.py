"""Charts are SVG with a text alternative and the same figures as a table."""

from datetime import timedelta

from django.utils import timezone, translation

from tuuma.ideas.models import Idea
from tuuma.ideas.tests.factories import answered_idea
from tuuma.web.charts import bar_chart


def test_a_bar_chart_scales_to_the_largest_value_and_says_what_it_shows():
    with translation.override("fi"):
        chart = bar_chart(
            chart_id="c",
            title="Ideat",
            rows=[("Uusi", 5), ("Vastattu", 1250)],
            label_heading="Tila",
            value_heading="Ideat",
            n=1255,
        )
        assert [bar.length for bar in chart.bars] == [1.2, 300]
        assert chart.bars[1].text == "1\xa0250"
        assert chart.sample == "n = 1\xa0255"
        assert "Vastattu" in chart.summary


def test_an_empty_chart_says_there_is_no_data():
    with translation.override("en"):
        chart = bar_chart(
            chart_id="c", title="t", rows=[], label_heading="a", value_heading="b"
        )
    assert chart.bars == [] and chart.summary == "No data yet."


def test_the_statistics_page_draws_answer_times_status_and_area(
    client, org, area, cast
):
    idea = answered_idea(org, cast.resident, cast.manager, service_area=area)
    Idea.objects.filter(pk=idea.pk).update(
        published_at=timezone.now() - timedelta(days=10)
    )
    page = client.get("/en/ideat/tilastot/").content.decode()
    assert page.count('role="img"') == 3
    assert "Answer times" in page and "8–14 days" in page
    assert area.name in page
    assert "n = 1" in page
    assert "<table>" in page and "style=" not in page
