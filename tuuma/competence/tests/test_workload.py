"""A task's workload read from the real case log of its process."""

import pytest

from tuuma.caselog.engine import CaseFilter
from tuuma.caselog.logs import view_of
from tuuma.caselog.tests.conftest import eventlog, import_now, media_root  # noqa: F401
from tuuma.competence.actions import task_update
from tuuma.competence.workload import log_workload, task_workload_refresh
from tuuma.processes import actions as processes
from tuuma.processes.tests.conftest import make_process


def test_a_task_without_a_process_keeps_its_entered_workload(team):
    assert log_workload(team.registry) is None
    assert task_workload_refresh(task=team.registry) is False
    team.registry.refresh_from_db()
    assert team.registry.annual_cases == 3000


def test_the_cases_of_the_task_types_come_from_the_process_log(org, area, cast, team):
    log = import_now(
        org, cast.caselog_analyst, eventlog("receipt_wabo_coselog.csv"), name="WABO"
    )
    process = make_process(org, area)
    processes.process_update(
        process=process, by=None, caselog=log, case_type_attribute="group"
    )
    task_update(task=team.archive, process=process, case_types=["Group 2"])
    assert task_workload_refresh(task=team.archive)
    team.archive.refresh_from_db()
    cases = view_of(
        log.current_version, CaseFilter(attributes={"group": ["Group 2"]})
    ).cases
    span = (cases["_start"].max() - cases["_start"].min()).days / 365.25
    expected = cases.height / max(span, 1.0)
    assert abs(team.archive.annual_cases - expected) < 0.1
    assert 0 < team.archive.annual_cases < 3000
    assert sum(team.archive.weekly_cases.values()) == pytest.approx(expected, rel=0.01)
    assert team.archive.workload_source == "WABO"
