"""Hearings close by themselves at their close date (the worker's periodic hook)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tuuma.audit.models import AuditEntry
from tuuma.hearings import actions
from tuuma.hearings.choices import HearingStatus
from tuuma.hearings.tests.conftest import make_hearing
from tuuma.jobs.scheduler import run_periodic_hooks

pytestmark = pytest.mark.django_db


def test_the_hook_closes_hearings_past_their_close_date_once(org, preparer, hearing):
    later = make_hearing(org, preparer, title="Myöhempi", closes_in=30)
    actions.hearing_publish(hearing=later, by=preparer)
    draft = make_hearing(org, preparer, title="Luonnos", closes_in=1)
    after_close = hearing.closes_at + timedelta(minutes=1)

    run_periodic_hooks(after_close)
    run_periodic_hooks(after_close)  # a second worker, or the next round

    hearing.refresh_from_db()
    later.refresh_from_db()
    draft.refresh_from_db()
    assert hearing.status == HearingStatus.CLOSED and hearing.closed_at
    assert later.status == HearingStatus.PUBLISHED
    assert draft.status == HearingStatus.DRAFT
    entries = AuditEntry.objects.filter(action="hearings.close")
    assert entries.count() == 1 and entries.get().actor is None
    assert actions.hearings_close_due(now=after_close) == 0


def test_a_closed_hearing_refuses_comments_and_opens_the_report(
    cast, preparer, hearing
):
    actions.hearings_close_due(now=hearing.closes_at)
    with pytest.raises(actions.HearingError, match="closed"):
        actions.comment_create(hearing=hearing, user=cast.resident, body="Myöhässä")
    theme = actions.theme_create(hearing=hearing, section=None, title="Teema")
    hearing.refresh_from_db()
    assert theme.pk and hearing.status == HearingStatus.CLOSED


def test_a_failing_hook_does_not_stop_the_worker(monkeypatch, caplog):
    from tuuma.hearings import periodic

    def broken(now):
        raise RuntimeError("boom")

    monkeypatch.setattr(periodic, "run", broken)
    run_periodic_hooks(timezone.now())
    assert "tuuma.hearings.periodic" in caplog.text
