"""Every page of a log renders its figures for case-log staff."""

import pytest

PAGES = [
    "",
    "prosessikartta/",
    "prosessikartta/?measure=wait&detail=7",
    "variantit/",
    "variantit/?variant=0",
    "pullonkaulat/",
    "maaraajat/",
    "maaraajat/?template=information-request",
    "laatu/",
    "vertailu/",
    "vertailu/?split=2011-06-01",
    "mittarit/",
    "muokkaa/",
    "uusi-versio/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", PAGES)
def test_every_page_of_a_log_renders_for_an_analyst(client, cast, wabo_log, suffix):
    client.force_login(cast.caselog_analyst)
    response = client.get(f"/tapahtumalokit/{wabo_log.pk}/{suffix}")
    assert response.status_code == 200, response.content.decode()[:2000]
