"""The annual review cycle: scheduling, recording, acknowledging, reminding."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from tuuma.processes import actions, review_actions
from tuuma.processes.models import Review, ReviewStatus
from tuuma.processes.tests.conftest import make_process

pytestmark = pytest.mark.django_db


def core_processes(org, area, n, **extra):
    return [
        make_process(org, area, group_name=f"Ryhmä {i}", name=f"Ydin {i}", **extra)
        for i in range(n)
    ]


def test_reviews_are_scheduled_per_area_as_the_organisation_sets(org, area, other_area):
    core_processes(org, area, 3)
    core_processes(org, other_area, 1)
    created = review_actions.reviews_schedule(organisation=org, year=2027)
    assert len(created) == 3  # two in the first area, one in the other
    assert {r.due_date for r in created} == {date(2027, 11, 30)}
    assert review_actions.reviews_schedule(organisation=org, year=2027) == []
    review_actions.settings_update(organisation=org, reviews_per_area=1, review_month=3)
    created = review_actions.reviews_schedule(organisation=org, year=2028)
    assert len(created) == 2
    assert created[0].due_date == date(2028, 3, 31)


def test_processes_reviewed_longest_ago_come_first(org, area, cast):
    first, second, third = core_processes(org, area, 3)
    for process in (first, second):
        review = review_actions.review_create(
            process=process, year=2025, due_date=date(2025, 11, 30)
        )
        review_actions.review_record(
            review=review,
            by=cast.process_owner,
            held_on=date(2025, 11, 1),
            participants="P",
            findings="F",
            decisions="D",
        )
    review_actions.settings_update(organisation=org, reviews_per_area=1)
    created = review_actions.reviews_schedule(organisation=org, year=2026)
    assert [r.process for r in created] == [third]


def test_a_review_is_recorded_once_then_acknowledged_by_owner_and_lead(
    client, cast, process
):
    review = review_actions.review_create(
        process=process, year=2026, due_date=date(2026, 11, 30)
    )
    url = review.get_absolute_url()
    client.force_login(cast.manager)  # staff read, but do not record
    assert client.get(url).status_code == 200
    assert client.post(url, {"held_on": "2026-11-01"}).status_code == 403
    client.force_login(cast.process_owner)
    response = client.post(
        url,
        {
            "held_on": "2026-11-01",
            "participants": "Pirjo, Liisa",
            "findings": "Jono",
            "decisions": "Purku",
        },
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == ReviewStatus.DONE
    ack = f"{url}kuittaa/"
    assert client.post(ack, {"as": "lead"}).status_code == 403
    client.post(ack, {"as": "owner"})
    client.force_login(cast.productivity_lead)
    client.post(ack, {"as": "lead"})
    review.refresh_from_db()
    assert review.owner_ack_by == cast.process_owner
    assert review.lead_ack_by == cast.productivity_lead
    page = client.get(url).content.decode()
    assert "Purku" in page


def test_the_review_page_prepares_itself(client, cast, process, measure, wabo_csv_log):
    actions.process_update(process=process, by=None, caselog=wabo_csv_log)
    actions.link_add(process=process, measure=measure)
    previous = review_actions.review_create(
        process=process, year=2010, due_date=date(2010, 11, 30)
    )
    review_actions.review_record(
        review=previous,
        by=cast.process_owner,
        held_on=date(2010, 11, 2),
        participants="P",
        findings="F",
        decisions="Kuittaukset sähköisiksi",
    )
    # The WABO cases ran in 2010-2011: the review of 2012 looks at 2011.
    review = review_actions.review_create(
        process=process, year=2012, due_date=date(2012, 11, 30)
    )
    prep = review_actions.preparation(review)
    assert prep["log"]["year"] == 2011
    assert prep["log"]["throughput"]["cases"] > 0
    assert prep["open_measures"] == [measure]
    assert prep["previous"] == previous
    client.force_login(cast.employee)
    page = client.get(review.get_absolute_url()).content.decode()
    assert "Kuittaukset sähköisiksi" in page and measure.title in page


def test_owners_are_reminded_of_due_and_overdue_reviews_by_a_job(
    client, cast, process, run_jobs
):
    today = timezone.localdate()
    overdue = review_actions.review_create(
        process=process, year=today.year - 1, due_date=today - timedelta(days=3)
    )
    later = make_process(
        process.organisation,
        process.service_area,
        group_name="Muu",
        owner=cast.process_owner,
    )
    review_actions.review_create(
        process=later, year=today.year, due_date=today + timedelta(days=200)
    )
    client.force_login(cast.productivity_lead)
    listing = client.get("/prosessit/katselmoinnit/").content.decode()
    assert overdue.get_absolute_url() in listing
    mail.outbox.clear()
    response = client.post("/prosessit/katselmoinnit/muistuta/")
    assert response.status_code == 302
    run_jobs()
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([cast.process_owner.email, cast.employee.email])
    assert overdue.get_absolute_url().removeprefix("/") in mail.outbox[0].body
    mail.outbox.clear()
    assert (
        review_actions.reviews_remind(organisation=process.organisation) == 0
    )  # not twice a week
    assert Review.objects.get(pk=overdue.pk).reminded_at is not None


def test_the_lead_schedules_the_year_from_the_page(client, cast, process):
    client.force_login(cast.productivity_lead)
    year = timezone.localdate().year
    client.post("/prosessit/katselmoinnit/ajoita/", {"year": str(year)})
    assert Review.objects.filter(process=process, year=year).exists()


def test_a_review_links_its_new_ideas_and_the_map_step_they_touch(
    client, org, cast, process, version
):
    from tuuma.ideas.tests.factories import make_idea
    from tuuma.processes.models import ProcessLink

    review = review_actions.review_create(
        process=process, year=2026, due_date=date(2026, 11, 30)
    )
    idea = make_idea(org, cast.process_owner, title="Lausunnot rinnakkain")
    step = version.steps.get(name="Lausuntokierros")
    client.force_login(cast.process_owner)
    page = client.get(review.get_absolute_url()).content.decode()
    assert 'name="review"' in page and f'value="{review.pk}"' in page
    response = client.post(
        f"/prosessit/{process.pk}/linkit/",
        {"idea": idea.pk, "step": step.pk, "review": review.pk, "note": "Päätös 2"},
    )
    assert response["Location"] == review.get_absolute_url()
    link = ProcessLink.objects.get()
    assert link.review == review and link.step == step
    page = client.get(review.get_absolute_url()).content.decode()
    assert "Lausunnot rinnakkain" in page and "Päätös 2" in page
