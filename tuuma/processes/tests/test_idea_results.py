"""The idea page's "what changed": a done measure's processes, each with the
before/after of its case log split at the measure's start date."""

from datetime import datetime

import pytest

from tuuma.caselog.engine import before_after
from tuuma.caselog.logs import view_of
from tuuma.ideas.tests.factories import answered_idea
from tuuma.processes import actions
from tuuma.programme import actions as programme
from tuuma.programme.models import MeasureStatus

pytestmark = pytest.mark.django_db


def _done_measure_on_idea(measure, cast, wabo_csv_log):
    """The measure starts in the middle of the log and is done."""
    starts = view_of(wabo_csv_log.current_version).cases["_start"].sort()
    middle = starts[len(starts) // 2].date()
    measure.start_date = middle
    measure.save(update_fields=["start_date"])
    idea = answered_idea(
        org=measure.organisation, author=cast.resident, by=cast.moderator
    )
    programme.measure_link_idea(measure=measure, idea=idea, by=cast.manager)
    programme.measure_set_published(measure=measure, published=True, by=cast.manager)
    programme.measure_change_status(
        measure=measure, to_status=MeasureStatus.DONE, by=cast.process_owner
    )
    return idea, middle


def test_the_resident_sees_what_a_done_measure_changed_in_its_process(
    client, cast, process, measure, wabo_csv_log
):
    actions.process_update(process=process, by=None, caselog=wabo_csv_log)
    idea, start = _done_measure_on_idea(measure, cast, wabo_csv_log)
    actions.link_add(process=process, measure=measure)
    expected = before_after(
        view_of(wabo_csv_log.current_version),
        datetime(start.year, start.month, start.day),
    )["throughput"]

    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Mitä prosesseissa muuttui" in page
    assert process.get_absolute_url() in page
    for side in ("before", "after"):
        assert f'<td class="num">{expected[side]["cases"]}</td>' in page
    assert "Mann–Whitney" in page  # whether the difference is likely chance


def test_a_process_without_a_log_is_named_without_figures(
    client, cast, process, measure, wabo_csv_log
):
    idea, _start = _done_measure_on_idea(measure, cast, wabo_csv_log)
    actions.link_add(process=process, idea=idea)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert process.get_absolute_url() in page
    assert "Prosessilla ei ole tapahtumalokia" in page


def test_an_unpublished_process_and_an_open_measure_show_nothing(
    client, cast, process, measure, wabo_csv_log
):
    actions.process_update(process=process, by=None, caselog=wabo_csv_log)
    idea, _start = _done_measure_on_idea(measure, cast, wabo_csv_log)
    actions.link_add(process=process, measure=measure)
    actions.process_update(process=process, by=None, is_published=False)
    assert (
        "Mitä prosesseissa muuttui"
        not in client.get(idea.get_absolute_url()).content.decode()
    )
    actions.process_update(process=process, by=None, is_published=True)
    programme.measure_change_status(
        measure=measure, to_status=MeasureStatus.IN_PROGRESS, by=cast.process_owner
    )
    assert (
        "Mitä prosesseissa muuttui"
        not in client.get(idea.get_absolute_url()).content.decode()
    )
