"""The idea page's "what changed": a done measure's processes, each with the
before/after of its case log split at the measure's start date; the same in
the "implemented" e-mail, for what its recipient may see."""

from datetime import datetime

import pytest
from django.core import mail

from tuuma.caselog.engine import before_after
from tuuma.caselog.logs import view_of
from tuuma.ideas.actions import idea_follow
from tuuma.ideas.tests.factories import answered_idea
from tuuma.processes import actions
from tuuma.programme import actions as programme
from tuuma.programme.models import MeasureStatus

pytestmark = pytest.mark.django_db


def _done_measure_on_idea(measure, cast, wabo_csv_log, *, follower=False):
    """The measure starts in the middle of the log and is done (the staff
    member follows its idea given ``follower``)."""
    starts = view_of(wabo_csv_log.current_version).cases["_start"].sort()
    middle = starts[len(starts) // 2].date()
    measure.start_date = middle
    measure.save(update_fields=["start_date"])
    idea = answered_idea(
        org=measure.organisation, author=cast.resident, by=cast.moderator
    )
    if follower:
        idea_follow(idea=idea, user=cast.employee)
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


def _implemented_mail_to(person):
    [message] = [
        m
        for m in mail.outbox
        if person.email in m.to and m.subject.endswith(": toteutettu")
    ]
    html, _kind = message.alternatives[0]
    return message.body, html


def test_the_implemented_mail_carries_the_before_after_of_the_process(
    cast, process, measure, wabo_csv_log, run_jobs
):
    actions.process_update(process=process, by=None, caselog=wabo_csv_log)
    actions.link_add(process=process, measure=measure)
    _idea, start = _done_measure_on_idea(measure, cast, wabo_csv_log)
    run_jobs()
    expected = before_after(
        view_of(wabo_csv_log.current_version),
        datetime(start.year, start.month, start.day),
    )["throughput"]

    text, html = _implemented_mail_to(cast.resident)
    link = f"http://testserver{process.get_absolute_url()}"
    for body in (text, html):
        assert "Mitä prosesseissa muuttui" in body
        assert link in body and "Mann–Whitney" in body
    before, after = expected["before"]["cases"], expected["after"]["cases"]
    assert f"Asiat {before}," in text and f"Asiat {after}," in text
    assert f"<td>{before}</td>" in html and f"<td>{after}</td>" in html


def test_a_recipient_who_may_not_see_the_process_gets_no_figures(
    cast, process, measure, wabo_csv_log, run_jobs
):
    actions.process_update(
        process=process, by=None, caselog=wabo_csv_log, is_published=False
    )
    actions.link_add(process=process, measure=measure)
    idea, _start = _done_measure_on_idea(measure, cast, wabo_csv_log, follower=True)
    run_jobs()
    text, html = _implemented_mail_to(cast.resident)
    assert "Mitä prosesseissa muuttui" not in text + html
    assert process.get_absolute_url() not in text + html
    # Staff who follow the idea may see the unpublished process: they get it.
    text, html = _implemented_mail_to(cast.employee)
    assert "Mitä prosesseissa muuttui" in text and "Mitä prosesseissa muuttui" in html
