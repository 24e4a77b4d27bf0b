"""A case is open only while it can still meet its deadline (issue 13)."""

from __future__ import annotations

import pytest

from tuuma.caselog.engine.analysis.deadlines import ActivityDeadline, compliance
from tuuma.caselog.engine.filters import select
from tuuma.caselog.engine.store import import_log, open_log
from tuuma.caselog.engine.tests.conftest import KEYS, write

DAY = 86400.0

# The log was exported on 2024-06-30 (its last event). Rule: request → answer
# within 14 days.
LOG = f"""{KEYS}
answered,request,2024-01-01 09:00:00
answered,answer,2024-01-05 09:00:00
answered_late,request,2024-01-01 09:00:00
answered_late,answer,2024-01-25 09:00:00
closed_long_ago,request,2024-01-10 09:00:00
closed_long_ago,withdrawn,2024-01-12 09:00:00
still_open,request,2024-06-25 09:00:00
exported,request,2024-06-01 09:00:00
exported,answer,2024-06-30 09:00:00
"""


@pytest.fixture
def view(tmp_path):
    import_log(write(tmp_path, "log.csv", LOG), tmp_path / "log", timezone="UTC")
    return select(open_log(tmp_path / "log"))


def test_a_case_closed_long_ago_without_the_answer_is_late_not_open(view):
    result = compliance(view, ActivityDeadline("request", "answer", 14))
    assert result["applicable"] == 5
    assert (result["met"], result["late"], result["open"]) == (1, 3, 1)
    late = {row["case"]: row["over_seconds"] for row in result["late_cases"]}
    assert set(late) == {"answered_late", "closed_long_ago", "exported"}
    assert late["answered_late"] == pytest.approx(10 * DAY)
    # Never answered: late from its deadline (24 January) to the export.
    assert late["closed_long_ago"] == pytest.approx((172 - 14) * DAY)
    assert result["share_met"] == pytest.approx(1 / 4)


def test_a_recent_case_without_the_answer_is_open_until_its_deadline(view):
    result = compliance(view, ActivityDeadline("request", "answer", 14))
    assert "still_open" not in {row["case"] for row in result["late_cases"]}
    assert result["open"] == 1
