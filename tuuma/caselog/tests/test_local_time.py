"""Case-log pages show a log's dates in local time with the language's format."""

import pytest
from django.utils import translation

from tuuma.caselog.tests.conftest import import_now

pytestmark = pytest.mark.django_db

# The last event is 23:30 UTC on 2 December: 3 December in Finland.
LOG = """case:concept:name,concept:name,time:timestamp
c1,Saapui,2025-11-30T08:00:00Z
c1,Päätös,2025-12-02T23:30:00Z
"""


def test_the_period_of_a_log_is_in_local_days(client, org, cast, tmp_path):
    source = tmp_path / "log.csv"
    source.write_text(LOG, encoding="utf-8")
    caselog = import_now(org, cast.caselog_analyst, source, name="Yö")
    client.force_login(cast.caselog_analyst)
    with translation.override("fi"):
        page = client.get(f"/tapahtumalokit/{caselog.pk}/").content.decode()
        listing = client.get("/tapahtumalokit/").content.decode()
    assert "30.11.2025 – 3.12.2025" in page
    assert "2025-12-02" not in page
    assert "3.12.2025" in listing


def test_long_durations_are_grouped_by_thousands():
    from tuuma.caselog.formatting import duration

    with translation.override("fi"):
        assert duration(16697.5 * 86400) == "16\xa0697,5 pv"
    with translation.override("en"):
        assert duration(16697.5 * 86400) == "16,697.5 d"
