"""Where uploads and imported logs live: ``MEDIA_ROOT/caselogs/<org id>/``.

``uploads/<token>/<file>`` holds a file between the upload and its import;
``logs/<key>/`` is an imported log (engine directory format), written first to
``logs/<key>.staging`` and renamed into place when complete.
"""

import re
import secrets
import shutil
import time
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

STALE_UPLOAD_DAYS = 7
TOKEN = re.compile(r"^[0-9a-f]{32}$")


def max_upload_bytes() -> int:
    return settings.CASELOG_MAX_UPLOAD_BYTES


def max_uncompressed_bytes() -> int:
    return settings.CASELOG_MAX_UNCOMPRESSED_BYTES


def org_root(organisation_id: int) -> Path:
    return Path(settings.MEDIA_ROOT) / "caselogs" / str(organisation_id)


def relative(path: Path) -> str:
    return str(path.relative_to(settings.MEDIA_ROOT))


def upload_dir(organisation_id: int, token: str) -> Path:
    if not TOKEN.match(token):
        raise ValueError("bad upload token")
    return org_root(organisation_id) / "uploads" / token


def log_dir(organisation_id: int, key: str) -> Path:
    return org_root(organisation_id) / "logs" / key


def safe_name(name: str) -> str:
    """The file's base name with only harmless characters (its suffix matters)."""
    base = Path(name).name
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", base).lstrip(".")
    return cleaned[-120:] or "upload"


def save_upload(organisation_id: int, file: UploadedFile) -> Path:
    """Store an uploaded file under a fresh token; returns its path.

    A large upload already on disk (Django's temporary file) is moved, not copied.
    """
    remove_stale_uploads(organisation_id)
    token = secrets.token_hex(16)
    folder = upload_dir(organisation_id, token)
    folder.mkdir(parents=True)
    target = folder / safe_name(file.name or "upload")
    try:
        if hasattr(file, "temporary_file_path"):
            shutil.move(file.temporary_file_path(), target)
        else:
            with open(target, "wb") as out:
                for chunk in file.chunks():
                    out.write(chunk)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return target


def remove_stale_uploads(
    organisation_id: int, *, days: int = STALE_UPLOAD_DAYS
) -> None:
    """Forget uploads left for days (a column mapping never finished)."""
    folder = org_root(organisation_id) / "uploads"
    if not folder.is_dir():
        return
    limit = time.time() - days * 86400
    for token in folder.iterdir():
        if token.stat().st_mtime < limit:
            shutil.rmtree(token, ignore_errors=True)


def find_upload(organisation_id: int, token: str) -> Path | None:
    try:
        folder = upload_dir(organisation_id, token)
    except ValueError:
        return None
    files = sorted(folder.glob("*")) if folder.is_dir() else []
    return files[0] if files else None


def remove_upload(path: Path) -> None:
    """Delete an upload and its token folder."""
    shutil.rmtree(path.parent, ignore_errors=True)


def clear_staging(dest: Path) -> Path:
    """Remove what an interrupted import into ``dest`` left; return the staging dir."""
    staging = dest.with_name(dest.name + ".staging")
    shutil.rmtree(staging, ignore_errors=True)
    for leftover in dest.parent.glob(f".{staging.name}.importing-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    return staging
