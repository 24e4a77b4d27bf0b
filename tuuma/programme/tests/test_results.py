"""The result shown back: the idea page's "what changed", the e-mails, the rule
for a measure's progress, and the public count of measured ideas."""

from datetime import date
from decimal import Decimal

import pytest
from django.core import mail

from tuuma.programme import actions
from tuuma.programme.models import Measure, MeasureStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea_measure(make_measure, accepted_idea, cast):
    measure = make_measure(public_summary="Rakennuslupaa voi hakea verkossa.")
    actions.measure_link_idea(measure=measure, idea=accepted_idea, by=cast.manager)
    actions.measure_set_published(measure=measure, published=True, by=cast.manager)
    actions.indicator_create(
        measure=measure,
        name="Käsittelyaika",
        unit="päivää",
        direction="decrease",
        baseline_value=Decimal("21"),
        baseline_date=date(2026, 1, 1),
        target_value=Decimal("10"),
        target_date=date(2026, 12, 31),
    )
    return measure


def _finish(measure: Measure, cast) -> Measure:
    actions.measure_change_status(
        measure=measure, to_status=MeasureStatus.DONE, by=cast.process_owner
    )
    return Measure.objects.get(pk=measure.pk)


def test_the_implemented_mail_carries_the_figures_in_text_and_html(
    idea_measure, accepted_idea, cast, run_jobs
):
    indicator = idea_measure.indicators.get()
    actions.indicator_record_value(
        indicator=indicator, date=date(2026, 6, 1), value=14, by=cast.process_owner
    )
    run_jobs()
    mail.outbox.clear()
    _finish(idea_measure, cast)
    run_jobs()
    [message] = [m for m in mail.outbox if cast.resident.email in m.to]
    assert "Käsittelyaika (päivää)" in message.body
    assert "21" in message.body and "14" in message.body and "10" in message.body
    assert "http://testserver/ideat/" in message.body
    html, kind = message.alternatives[0]
    assert kind == "text/html" and "<table>" in html and "14" in html
    # The figures were in the first mail: a later value sends nothing more.
    mail.outbox.clear()
    actions.indicator_record_value(
        indicator=indicator, date=date(2026, 9, 1), value=12, by=cast.process_owner
    )
    run_jobs()
    assert mail.outbox == []


def test_a_result_measured_after_implementation_sends_a_second_mail_once(
    idea_measure, accepted_idea, cast, run_jobs
):
    _finish(idea_measure, cast)
    run_jobs()
    mail.outbox.clear()
    indicator = idea_measure.indicators.get()
    for day, value in ((1, 14), (2, 13)):
        actions.indicator_record_value(
            indicator=indicator, date=date(2026, 9, day), value=value, by=None
        )
    run_jobs()
    [message] = [m for m in mail.outbox if cast.resident.email in m.to]
    assert "14" in message.body
    assert len(mail.outbox) == 1


def test_the_mail_is_in_the_recipients_language(
    idea_measure, accepted_idea, cast, run_jobs
):
    cast.resident.preferred_language = "sv"
    cast.resident.save()
    run_jobs()
    mail.outbox.clear()
    _finish(idea_measure, cast)
    run_jobs()
    [message] = [m for m in mail.outbox if cast.resident.email in m.to]
    assert "genomförd" in message.subject


def test_the_idea_page_shows_what_changed(client, idea_measure, accepted_idea, cast):
    indicator = idea_measure.indicators.get()
    actions.indicator_record_value(
        indicator=indicator, date=date(2026, 6, 1), value=9, by=cast.process_owner
    )
    _finish(idea_measure, cast)
    client.force_login(cast.resident)
    page = client.get(accepted_idea.get_absolute_url()).content.decode()
    assert "Mikä muuttui" in page
    assert "Käsittelyaika (päivää)" in page
    assert "tavoite on saavutettu" in page
    assert "100 % valmiina" in page


def test_an_unpublished_measure_shows_no_result_to_residents(
    client, idea_measure, accepted_idea, cast
):
    actions.measure_set_published(
        measure=idea_measure, published=False, by=cast.manager
    )
    _finish(idea_measure, cast)
    client.force_login(cast.resident)
    page = client.get(accepted_idea.get_absolute_url()).content.decode()
    assert "Mikä muuttui" not in page


def test_statistics_count_ideas_whose_result_was_measured(
    client, idea_measure, accepted_idea, cast
):
    _finish(idea_measure, cast)
    page = client.get("/ideat/tilastot/").content.decode()
    assert "Ideat, joiden tulos on mitattu" in page
    actions.indicator_record_value(
        indicator=idea_measure.indicators.get(),
        date=date(2026, 9, 1),
        value=12,
        by=None,
    )
    from tuuma.programme.results import measured_ideas

    assert list(measured_ideas(accepted_idea.organisation)) == [accepted_idea]


def _percent(measure: Measure) -> int | None:
    annotated = Measure.objects.with_progress().get(pk=measure.pk)
    plain = Measure.objects.get(pk=measure.pk)
    # The annotated list and the single measure apply the same rule.
    assert annotated.percent_complete == plain.percent_complete
    return plain.percent_complete


def test_progress_is_the_owners_figure_without_milestones(measure, cast):
    assert _percent(measure) is None
    actions.measure_post_progress(
        measure=measure,
        by=cast.process_owner,
        date=date(2026, 3, 1),
        percent=60,
        text="Puolivälissä",
    )
    assert _percent(measure) == 60


def test_progress_is_the_share_of_milestones_reached_when_there_are_some(measure, cast):
    actions.measure_post_progress(
        measure=measure,
        by=cast.process_owner,
        date=date(2026, 3, 1),
        percent=60,
        text="Puolivälissä",
    )
    first = actions.milestone_add(measure=measure, title="A", due_date=date(2026, 2, 1))
    actions.milestone_add(measure=measure, title="B", due_date=date(2026, 4, 1))
    actions.milestone_add(measure=measure, title="C", due_date=date(2026, 6, 1))
    actions.milestone_add(measure=measure, title="D", due_date=date(2026, 8, 1))
    assert _percent(measure) == 0
    actions.milestone_mark_reached(milestone=first, on=date(2026, 2, 1))
    assert _percent(measure) == 25


def test_a_done_measure_is_complete_and_a_cancelled_one_shows_its_reason(
    client, make_measure, cast
):
    done = make_measure(title="Valmis")
    actions.measure_post_progress(
        measure=done,
        by=cast.process_owner,
        date=date(2026, 3, 1),
        percent=60,
        text="Puolivälissä",
    )
    actions.measure_change_status(measure=done, to_status="done", by=cast.manager)
    assert _percent(done) == 100
    cancelled = make_measure(title="Peruttu")
    actions.measure_change_status(
        measure=cancelled,
        to_status="cancelled",
        by=cast.manager,
        reason="Rahoitus ei järjestynyt.",
    )
    assert _percent(cancelled) is None
    client.force_login(cast.manager)
    page = client.get(cancelled.get_absolute_url()).content.decode()
    assert "Rahoitus ei järjestynyt." in page


def test_cancelling_without_a_reason_is_refused_with_a_clear_error(
    client, measure, cast
):
    client.force_login(cast.manager)
    response = client.post(
        f"/ohjelma/toimenpiteet/{measure.pk}/tila/", {"status": "cancelled"}
    )
    assert response.status_code == 200
    assert "Kerro, miksi toimenpide perutaan" in response.content.decode()
    assert Measure.objects.get(pk=measure.pk).status == MeasureStatus.PLANNED
