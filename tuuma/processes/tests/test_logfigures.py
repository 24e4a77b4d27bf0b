"""Step figures from the case log equal the engine's own figures (WABO log)."""

import pytest

from tuuma.caselog.engine import CaseFilter, bottlenecks, rework
from tuuma.caselog.logs import view_of
from tuuma.processes import actions
from tuuma.processes.maps import version_map

pytestmark = pytest.mark.django_db
ACTIVITIES = [
    "Confirmation of receipt",
    "T02 Check confirmation of receipt",
    "T04 Determine confirmation of receipt",
    "T06 Determine necessity of stop advice",
    "T03 Adjust confirmation of receipt",
]


def mapped_version(process):
    version = actions.version_create(process=process, by=None, name="Loki")
    for activity in ACTIVITIES:
        actions.step_save(
            version=version,
            name=activity,
            performer_role="käsittelijä",
            pt_minutes=5,
            lt_minutes=435,
            activities=[activity],
        )
    actions.step_save(
        version=version, name="Ei lokissa", performer_role="x", lt_minutes=870
    )
    return version


def engine_figures(view):
    waits = {
        row["activity"]: row
        for row in bottlenecks(view, top=10_000, min_cases=1)[
            "activities_by_median_wait"
        ]
    }
    repeats = {row["activity"]: row["cases"] for row in rework(view)}
    return waits, repeats


def check_against_engine(vmap, view):
    waits, repeats = engine_figures(view)
    names = view.log.activity_names
    with_activity = {
        names[code]: n
        for code, n in view.events()
        .unique(["_case", "_activity"])
        .group_by("_activity")
        .len()
        .iter_rows()
    }
    for row in vmap.rows[: len(ACTIVITIES)]:
        activity = row.step.activities[0]
        log = row.log
        assert log.cases == with_activity[activity]
        assert log.rework_cases == repeats.get(activity, 0)
        if activity not in waits:  # the first activity: nothing waits before it
            assert log.wait_n == 0 and log.wait_median_days is None
            assert not row.from_log and row.block.lt == 435
            continue
        assert log.wait_n == waits[activity]["count"]
        assert log.wait_median_days * 86_400 == pytest.approx(
            waits[activity]["median_seconds"]
        )
        assert log.wait_p90_days * 86_400 == pytest.approx(
            waits[activity]["p90_seconds"]
        )
        assert row.from_log and not row.estimate


def test_mapped_steps_take_the_engines_waiting_volume_and_rework(process, wabo_csv_log):
    actions.process_update(process=process, by=None, caselog=wabo_csv_log)
    vmap = version_map(mapped_version(process))
    view = view_of(wabo_csv_log.current_version)
    assert vmap.log_cases == view.cases.height == 1434
    check_against_engine(vmap, view)
    adjust = vmap.rows[4].log
    assert adjust.rework_share == pytest.approx(
        adjust.rework_cases / adjust.cases * 100
    )
    unmapped = vmap.rows[-1]
    assert unmapped.log is None and unmapped.estimate
    assert unmapped.block.lt == 870
    # A log waiting time becomes working minutes: 5 working days in 7.
    first = vmap.rows[1]
    assert first.block.lt == pytest.approx(5 + first.log.wait_median_days * 5 / 7 * 435)


def test_the_case_types_of_the_process_select_the_cases(process, wabo_csv_log):
    actions.process_update(
        process=process,
        by=None,
        caselog=wabo_csv_log,
        case_types=["Group 2"],
        case_type_attribute="group",
    )
    vmap = version_map(mapped_version(process))
    view = view_of(
        wabo_csv_log.current_version, CaseFilter(attributes={"group": ["Group 2"]})
    )
    assert 0 < vmap.log_cases == view.cases.height < 1434
    check_against_engine(vmap, view)


def test_a_step_mapped_to_several_activities_pools_their_waits(process, wabo_csv_log):
    actions.process_update(process=process, by=None, caselog=wabo_csv_log)
    version = actions.version_create(process=process, by=None, name="Yhdistetty")
    actions.step_save(
        version=version,
        name="Kuittaus",
        performer_role="x",
        activities=ACTIVITIES[1:3],
    )
    log = version_map(version).rows[0].log
    waits, _repeats = engine_figures(view_of(wabo_csv_log.current_version))
    assert log.wait_n == sum(waits[a]["count"] for a in ACTIVITIES[1:3])
