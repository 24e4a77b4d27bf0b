"""Case-log fixtures: a private media root and the public WABO receipt log.

The public logs are in ``../shared/data/eventlogs`` beside the repository (CI
clones it there too).
"""

import secrets
import shutil
from pathlib import Path

import pytest

from tuuma.caselog import storage
from tuuma.caselog.actions import DEFAULT_COLUMNS, caselog_import_version
from tuuma.caselog.models import CaseLog

ROOT = Path(__file__).resolve().parents[3]
EVENTLOGS = ROOT.parent / "shared" / "data" / "eventlogs"


def eventlog(name: str) -> Path:
    path = EVENTLOGS / name
    if not path.is_file():
        pytest.fail(
            f"The public event log {path} is missing (clone shared/ beside the repo)"
        )
    return path


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(scope="session")
def wabo_imported(tmp_path_factory) -> Path:
    """The WABO log imported once per session by the engine."""
    from tuuma.caselog.engine import import_log

    folder = tmp_path_factory.mktemp("wabo") / "log"
    import_log(eventlog("receipt_wabo_coselog.xes.gz"), folder)
    return folder


@pytest.fixture
def wabo_path() -> Path:
    return eventlog("receipt_wabo_coselog.xes.gz")


def stored_upload(organisation, source: Path) -> Path:
    """A copy of ``source`` where an upload would be stored."""
    folder = storage.upload_dir(organisation.pk, secrets.token_hex(16))
    folder.mkdir(parents=True)
    target = folder / source.name
    shutil.copyfile(source, target)
    return target


def import_now(organisation, user, source: Path, **options) -> CaseLog:
    """Import synchronously through the same action the job calls."""
    upload = stored_upload(organisation, source)
    version = caselog_import_version(
        organisation=organisation,
        by=user,
        key=f"test-{secrets.token_hex(6)}",
        options={
            "upload": storage.relative(upload),
            "name": options.pop("name", "WABO"),
            **DEFAULT_COLUMNS,
            **options,
        },
    )
    return version.caselog


@pytest.fixture
def wabo_log(org, cast, wabo_imported) -> CaseLog:
    """The WABO log as a case log of ``org``: the import's switch step only (the
    action finds the imported directory in place, as after a crash)."""
    key = f"test-{secrets.token_hex(6)}"
    shutil.copytree(wabo_imported, storage.log_dir(org.pk, key))
    version = caselog_import_version(
        organisation=org,
        by=cast.caselog_analyst,
        key=key,
        options={
            "upload": f"caselogs/{org.pk}/uploads/{secrets.token_hex(16)}/x.xes.gz",
            "name": "Kuitti",
            **DEFAULT_COLUMNS,
        },
    )
    return version.caselog


def files_under(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []
