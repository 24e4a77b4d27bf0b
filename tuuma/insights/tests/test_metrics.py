"""Each registered metric on the fixed dataset (conftest.py) against a hand count."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tuuma.lib.metrics import Filters, measure, registry
from tuuma.organisation.models import Membership, Unit

pytestmark = pytest.mark.django_db


HAND_COUNTS = [
    ("ideas.received", 4, 3),
    ("ideas.answered", 3, 2),
    ("ideas.answered_within_target", 66.7, 50.0),  # A, D of A, B, D; A of A, B
    ("ideas.median_answer_days", 5.0, 11.0),  # 2, 5, 20; 2, 20
    ("ideas.accepted", 2, 1),
    ("ideas.waiting", 1, 1),
    ("ideas.overdue", 1, 1),
    ("programme.measures_open", 2, 1),
    ("programme.measures_late", 1, 1),
    ("programme.measures_at_risk", 1, 1),
    ("programme.measures_done", 1, 1),
    ("programme.measured_share", 100.0, 100.0),
    ("programme.targets_reached", 100.0, 100.0),
    ("programme.ideas_in_measures", 1, 1),
    ("programme.ideas_with_result", 1, 1),
    ("programme.days_to_done", 30.0, 30.0),
    ("workshops.held", 0, 0),
    ("hearings.held", 0, 0),
]


def test_each_metric_matches_the_hand_count(dataset, org, area):
    # One dataset for all (it takes a while to build); the message names the metric.
    for metric_id, whole, in_area in HAND_COUNTS:
        counted = measure(metric_id, org).value
        assert counted == pytest.approx(whole, abs=0.05), metric_id
        by_area = measure(metric_id, org, Filters(service_area=area.pk)).value
        assert by_area == pytest.approx(in_area, abs=0.05), metric_id


def test_the_figures_per_area_at_once_equal_those_area_by_area(
    dataset, org, area, other_area
):
    today = timezone.localdate()
    areas = [area.pk, other_area.pk]
    for found in registry().values():
        if found.by_area is None:
            continue
        for filters in (Filters(), Filters(start=today - timedelta(days=14))):
            if found.refused_filters(filters):
                continue
            at_once = found.measure_by_area(org, filters, areas)
            for pk in areas:
                one = found.measure(org, Filters(filters.start, service_area=pk))
                assert at_once[pk] == one, (found.id, filters, pk)


def test_a_page_reads_a_figure_once(dataset, org, django_assert_max_num_queries):
    from tuuma.lib.metrics import one_reading

    with one_reading():
        first = measure("programme.measures_open", org)
        with django_assert_max_num_queries(0):
            assert measure("programme.measures_open", org) == first


def test_a_period_counts_only_what_happened_in_it(dataset, org):
    today = timezone.localdate()
    last_fortnight = Filters(start=today - timedelta(days=14), end=today)
    # Published in it: D (9 days ago); answered in it: B (5 days ago), D (4).
    assert measure("ideas.received", org, last_fortnight).value == 1
    assert measure("ideas.answered", org, last_fortnight).value == 2
    assert measure("programme.measures_done", org, last_fortnight).value == 1
    long_ago = Filters(end=today - timedelta(days=100))
    assert measure("programme.measures_done", org, long_ago).value == 0


def test_the_open_measures_break_down_by_class(dataset, org):
    rows = dict(
        (label, figure.value)
        for label, figure in registry()["programme.measures_open"].measure_breakdown(
            org, Filters()
        )
    )
    assert rows["Development project"] == 1 and rows["Training need"] == 1
    assert sum(rows.values()) == 2


def test_staff_figures_are_counted_over_staff_and_hidden_below_five(
    dataset, org, area, cast
):
    # Seven staff; the employee submitted idea A.
    whole = measure("staff.proposed_share", org)
    assert (whole.value, whole.n, whole.suppressed) == (14.3, 7, False)
    assert measure("staff.implemented_per_100", org).value == pytest.approx(14.3)
    # Three staff hold memberships of the area: fewer than five.
    small = measure("staff.proposed_share", org, Filters(service_area=area.pk))
    assert (small.value, small.suppressed) == (None, True)
    assert small.as_dict()["n"] is None
    unit = Unit.objects.create(organisation=org, service_area=area, name="Kirjasto")
    Membership.objects.filter(user=cast.employee).update(unit=unit)
    in_unit = measure("staff.took_part_share", org, Filters(unit=unit.pk))
    assert in_unit.suppressed and in_unit.text == "fewer than 5"


def test_a_metric_refuses_a_filter_it_cannot_apply(org):
    with pytest.raises(ValueError, match="unit"):
        measure("programme.measures_open", org, Filters(unit=1))


def test_every_metric_has_a_definition_and_a_known_unit():
    for metric in registry().values():
        assert str(metric.label) and str(metric.definition) and str(metric.source)
        assert metric.unit in {"count", "percent", "days", "euros"}
