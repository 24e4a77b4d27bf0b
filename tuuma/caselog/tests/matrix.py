"""Case logs and their imports for the permission matrix (tuuma/organisation/tests)."""

import tempfile
from pathlib import Path

from tuuma.caselog.models import IMPORT_JOB_KIND, CaseLogImport
from tuuma.caselog.tests.conftest import import_now

# Three cases, enough for every analysis page to have figures to show.
SMALL_LOG = """case:concept:name,concept:name,time:timestamp,org:resource
1,Vastaanotto,2026-01-05T09:00:00,K1
1,Päätös,2026-01-09T12:00:00,K2
2,Vastaanotto,2026-01-06T10:00:00,K1
2,Lisäselvitys,2026-01-08T10:00:00,K1
2,Päätös,2026-01-20T15:00:00,K2
3,Vastaanotto,2026-02-02T08:30:00,K2
3,Päätös,2026-02-03T08:30:00,K2
"""


def objects(org, cast, area) -> list:
    """One imported log of the organisation (analysts and leads see it) and an
    import the analyst started (only they watch its progress)."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "kuitit.csv"
        source.write_text(SMALL_LOG, encoding="utf-8")
        caselog = import_now(org, cast.caselog_analyst, source, name="Kuitit")
    started = CaseLogImport.objects.create(
        organisation=org,
        created_by=cast.caselog_analyst,
        kind=IMPORT_JOB_KIND,
        label="Kuitit",
    )
    return [caselog, started]
