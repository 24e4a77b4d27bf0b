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
        pytest.fail(f"The public event log {path} is missing (clone shared/ beside the repo)")
    return path


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


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
def wabo_log(org, cast, wabo_path) -> CaseLog:
    return import_now(org, cast.caselog_analyst, wabo_path, name="Kuitti")


def files_under(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []
