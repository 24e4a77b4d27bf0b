"""A synthetic case-management log for Esimerkkilä (runs after the programme demo).

``generate_log`` writes a seeded, realistic CSV event log: cases of five case
groups (asiaryhmä) go through vireilletulo, kirjaus, valmistelu, sometimes a
lausuntopyyntö (now and then twice), esittely, päätös, tiedoksianto and
arkistointi; a deadline date per case, some missing metadata, and waiting times
that shrink for cases started after the improvement date (the start of the
programme's building-permit measure when there is one).
"""

import csv
import random
import secrets
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.utils import timezone

from tuuma.caselog import actions, storage
from tuuma.caselog.engine import CaseFilter
from tuuma.caselog.models import CaseLog, Figure, RuleKind
from tuuma.programme.models import Indicator

CASES = 2000
MONTHS = 24
# group: (share, deadline days, median wait days per step, statement share)
GROUPS = {
    "tietopyyntö": (0.30, 14, 3.0, 0.0),
    "rakennuslupa": (0.25, 90, 6.0, 0.7),
    "avustushakemus": (0.20, 60, 4.0, 0.2),
    "hankinta": (0.15, 120, 7.0, 0.3),
    "kuntalaisaloite": (0.10, 180, 10.0, 0.5),
}
RESOURCES = [f"k{n:03d}" for n in range(1, 41)]
PUBLICITY = ["julkinen", "julkinen", "julkinen", "osittain salassa pidettävä"]
CLASS_CODES = {
    "tietopyyntö": "00 01 02",
    "rakennuslupa": "10 03 00",
    "avustushakemus": "02 05 01",
    "hankinta": "02 07 00",
    "kuntalaisaloite": "00 00 03",
}


def generate_log(
    path: Path, *, improvement: date, end: datetime, seed: int = 2026
) -> None:
    """Write the demo log as CSV to ``path``, as exported at ``end`` (local time)."""
    rng = random.Random(seed)
    first = end.date() - timedelta(days=MONTHS * 30)
    names = list(GROUPS)
    weights = [GROUPS[g][0] for g in names]
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(
            [
                "case:concept:name",
                "concept:name",
                "time:timestamp",
                "org:resource",
                "case:asiaryhmä",
                "case:määräaika",
                "case:julkisuusluokka",
                "case:tehtäväluokka",
            ]
        )
        for number in range(1, CASES + 1):
            group = rng.choices(names, weights)[0]
            _share, deadline_days, wait, statements = GROUPS[group]
            start_day = first + timedelta(days=rng.randrange((end.date() - first).days))
            started = datetime.combine(start_day, time(8)) + timedelta(
                minutes=rng.randrange(8 * 60)
            )
            better = start_day >= improvement
            speed = 0.6 if better else 1.0
            steps = ["vireilletulo", "kirjaus", "valmistelu"]
            if rng.random() < statements:
                steps.append("lausuntopyyntö")
                if rng.random() < (0.15 if better else 0.3):
                    steps += ["valmistelu", "lausuntopyyntö"]
            steps += ["esittely", "päätös", "tiedoksianto", "arkistointi"]
            if group == "tietopyyntö":
                steps.remove("esittely")
            row_case = [
                f"ESIM/{number}/{start_day.year}",
                group,
                (start_day + timedelta(days=deadline_days)).isoformat(),
                "" if rng.random() < 0.08 else rng.choice(PUBLICITY),
                "" if rng.random() < 0.12 else CLASS_CODES[group],
            ]
            moment = started
            for index, activity in enumerate(steps):
                if index:
                    factor = 0.2 if activity == "kirjaus" else 1.0
                    if activity == "valmistelu" and not better:
                        factor = 1.6  # the queue before preparation, removed
                    days = rng.lognormvariate(0, 0.6) * wait * factor * speed
                    moment += timedelta(days=days, minutes=rng.randrange(600))
                if moment > end:
                    break  # still open when the log was exported
                writer.writerow(
                    [
                        row_case[0],
                        activity,
                        # Local (Finnish) time with its offset, as exported.
                        timezone.make_aware(moment).isoformat(timespec="minutes"),
                        rng.choice(RESOURCES),
                        *row_case[1:],
                    ]
                )


def _permit_indicator(organisation) -> Indicator | None:
    return (
        Indicator.objects.filter(
            organisation=organisation, name__icontains="käsittelyaika"
        )
        .select_related("measure")
        .order_by("pk")
        .first()
    )


def seed(demo) -> None:
    organisation = demo.organisation
    if CaseLog.objects.filter(organisation=organisation).exists():
        return
    today = timezone.localdate()
    indicator = _permit_indicator(organisation)
    improvement = (
        indicator.measure.start_date if indicator else today - timedelta(days=200)
    )
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "esimerkkila-asianhallinta.csv"
        exported = timezone.localtime().replace(tzinfo=None)
        generate_log(source, improvement=improvement, end=exported)
        upload = storage.upload_dir(organisation.pk, secrets.token_hex(16))
        upload.mkdir(parents=True)
        target = upload / source.name
        source.replace(target)
        version = actions.caselog_import_version(
            organisation=organisation,
            by=demo.people.get("analyst"),
            key=f"demo-{organisation.pk}",
            options={
                "upload": storage.relative(target),
                "name": "Asianhallinnan tapahtumaloki",
                "source_system": "Esimerkkilän asianhallintajärjestelmä",
                "description": (
                    "Kaikkien asiaryhmien asiat kahden vuoden ajalta: vireilletulosta "
                    "arkistointiin. Käsittelijät on pseudonymisoitu."
                ),
                "service_area_id": demo.areas["konsernipalvelut"].pk,
                "pseudonymise": True,
                **actions.DEFAULT_COLUMNS,
            },
        )
    caselog = version.caselog
    actions.caselog_set_required(
        caselog=caselog, attributes=["julkisuusluokka", "tehtäväluokka"]
    )
    actions.deadline_rule_create(
        caselog=caselog,
        name="Tietopyyntö ratkaistu kahdessa viikossa",
        kind=RuleKind.ACTIVITY,
        from_activity="vireilletulo",
        to_activity="päätös",
        days=14,
    )
    actions.deadline_rule_create(
        caselog=caselog,
        name="Asia päättynyt määräaikaan mennessä",
        kind=RuleKind.ATTRIBUTE,
        attribute="määräaika",
    )
    if indicator is not None:
        actions.log_indicator_create(
            indicator=indicator,
            caselog=caselog,
            figure=Figure.MEDIAN_DAYS,
            case_filter=CaseFilter(
                start=today - timedelta(days=180),
                time_mode="ended",
                attributes={"asiaryhmä": ["rakennuslupa"]},
            ),
        )
