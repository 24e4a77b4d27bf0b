"""The demo log: imported through the engine, with an improvement to see."""

import csv
from datetime import date, datetime

import pytest
from django.utils import timezone, translation

from tuuma.accounts.demo import seed_organisation
from tuuma.caselog import demo
from tuuma.caselog.comparison import explain
from tuuma.caselog.engine import before_after
from tuuma.caselog.logs import view_of
from tuuma.caselog.models import CaseLog
from tuuma.programme import demo as programme_demo


@pytest.mark.django_db
def test_the_demo_log_shows_the_measures_effect_and_feeds_its_indicator():
    organisation_demo = seed_organisation()
    programme_demo.seed(organisation_demo)
    demo.seed(organisation_demo)
    demo.seed(organisation_demo)  # a second run adds nothing
    caselog = CaseLog.objects.get()
    version = caselog.current_version
    assert version.cases == demo.CASES
    assert {"asiaryhmä", "määräaika", "julkisuusluokka"} <= set(version.case_attributes)
    assert caselog.deadline_rules.count() == 2
    definition = caselog.indicators.get()
    measure = definition.indicator.measure
    value = definition.indicator.values.get(recorded_by=None)
    assert (
        value.source_note.startswith("Case log")
        or "Asianhallinnan" in value.source_note
    )
    assert 20 < value.value < 62  # faster than the measure's baseline of 62 days
    split = datetime.combine(measure.start_date, datetime.min.time())
    result = before_after(view_of(version), split)
    t = result["throughput"]
    assert t["after"]["median"] < t["before"]["median"]
    assert t["mann_whitney_p"] < 0.05
    with translation.override("en"):
        assert "statistically significant" in explain(result)


def test_the_demo_log_ends_when_it_was_exported_in_local_time(tmp_path):
    """No event after the export, and local times carry their offset."""
    exported = datetime(2026, 7, 1, 10, 30)  # summer time: +03:00
    path = tmp_path / "demo.csv"
    demo.generate_log(path, improvement=date(2026, 3, 1), end=exported)
    with path.open(encoding="utf-8") as handle:
        stamps = [
            datetime.fromisoformat(r["time:timestamp"]) for r in csv.DictReader(handle)
        ]
    assert max(stamps) <= timezone.make_aware(exported)
    assert {s.utcoffset().total_seconds() / 3600 for s in stamps} <= {2.0, 3.0}
