"""Dates, numbers and durations as people read them, in fi, sv and en."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import translation

from tuuma.lib import formatting as f

EVENING_UTC = datetime(2025, 12, 2, 23, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fi", "3.12.2025 klo 1.30"),
        ("sv", "3.12.2025 kl. 1.30"),
        ("en", "3 Dec 2025, 01:30"),
    ],
)
def test_a_late_evening_in_utc_is_the_next_local_day(language, expected):
    with translation.override(language):
        assert f.format_datetime(EVENING_UTC) == expected
    assert f.local_date(EVENING_UTC) == date(2025, 12, 3)


def test_daylight_saving_time_moves_the_offset_not_the_local_clock():
    before = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # 02.30 EET
    after = datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # 04.30 EEST
    with translation.override("fi"):
        assert f.format_datetime(before) == "29.3.2026 klo 2.30"
        assert f.format_datetime(after) == "29.3.2026 klo 4.30"
    assert f.machine_datetime(before) == "2026-03-29T02:30:00+02:00"
    assert f.machine_datetime(after) == "2026-03-29T04:30:00+03:00"


def test_a_naive_timestamp_is_local_time():
    naive = datetime(2025, 12, 3, 0, 30)
    assert f.machine_datetime(naive) == "2025-12-03T00:30:00+02:00"


@pytest.mark.parametrize(
    ("language", "number", "percent"),
    [
        ("fi", "1\xa0234\xa0567,9", "27,1\xa0%"),
        ("sv", "1\xa0234\xa0567,9", "27,1\xa0%"),
        ("en", "1,234,567.9", "27.1%"),
    ],
)
def test_numbers_and_percentages_use_the_languages_separators(
    language, number, percent
):
    with translation.override(language):
        assert f.format_number(1234567.891, 1) == number
        assert f.format_percent(0.270802, 1) == percent
        assert f.format_number(27.0802) == "27"


def test_exports_keep_machine_numbers():
    with translation.override("fi"):
        assert f.machine_number(27.0802) == "27.0802"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (timedelta(minutes=5), "5 minutes"),
        (timedelta(hours=3, minutes=20), "3 hours 20 minutes"),
        (timedelta(days=2, hours=5), "2 days 5 hours"),
        (timedelta(days=2, minutes=10), "2 days"),
        (timedelta(days=12, hours=13), "13 days"),
        (90.0, "2 minutes"),
    ],
)
def test_durations_are_rounded_to_what_a_reader_needs(value, expected):
    with translation.override("en"):
        assert f.format_duration(value) == expected


def test_every_statistic_can_say_how_many_cases_it_rests_on():
    with translation.override("fi"):
        assert f.sample_size(1234) == "n = 1\xa0234"


def test_the_active_zone_of_the_organisation_decides_the_local_day():
    from django.utils import timezone

    with timezone.override("Europe/Stockholm"), translation.override("sv"):
        assert f.format_datetime(EVENING_UTC) == "3.12.2025 kl. 0.30"
        assert f.machine_datetime(EVENING_UTC) == "2025-12-03T00:30:00+01:00"
    with timezone.override("Europe/London"), translation.override("en"):
        assert f.format_date(EVENING_UTC) == "2 Dec 2025"
