"""The upload path's middle steps: queue the import job, run the engine.

The whole path, one module per step (docs/caselog-engine.md, "Upload path")::

    forms.UploadForm, forms.ColumnsForm     the file, its details, its columns
    sniffing.check_upload                   content matches the name; bombs stop
    preview.read_preview / suggest_columns  first rows as the import reads them
    views.upload.upload / columns           the two pages
    actions.caselog_upload                  options checked -> import_enqueue
    imports.import_enqueue                  the job row + the queued task
    tasks.import_caselog                    in the worker: progress, errors
    actions.caselog_import_version          engine step, then one transaction
    imports.import_files                    engine.import_log into staging
    models.CaseLogVersion                   the stored figures (summary)

The task is enqueued by its dotted name, so this module (and actions, which
uses it) never imports ``tasks``; ``tasks`` imports ``actions``: no cycle.
"""

import hashlib
import hmac
import os
from collections.abc import Callable
from pathlib import Path

import polars as pl
from django.conf import settings
from django.utils.module_loading import import_string

from tuuma.accounts.models import User
from tuuma.caselog import storage
from tuuma.caselog.engine import LogImportError, import_log
from tuuma.caselog.engine.reading.source import detect_format
from tuuma.caselog.models import IMPORT_JOB_KIND
from tuuma.caselog.sniffing import check_upload
from tuuma.jobs.actions import job_enqueue
from tuuma.jobs.models import Job
from tuuma.organisation.models import Organisation

IMPORT_TASK = "tuuma.caselog.tasks.import_caselog"
JOB_KIND = IMPORT_JOB_KIND
DEFAULT_COLUMNS = {
    "case_column": "case:concept:name",
    "activity_column": "concept:name",
    "timestamp_column": "time:timestamp",
}
RESOURCE_COLUMN = "org:resource"
Progress = Callable[[float, str], None]


def import_enqueue(
    *, organisation: Organisation, by: User, options: dict, label: str
) -> Job:
    """The visible job and the queued import task (looked up by name)."""
    return job_enqueue(
        task=import_string(IMPORT_TASK),
        organisation=organisation,
        user=by,
        kind=JOB_KIND,
        label=label[:200],
        options=options,
    )


def default_timezone(organisation: Organisation) -> str:
    """Naive timestamps in this organisation's exports are local time here."""
    return getattr(organisation, "time_zone", "") or settings.TIME_ZONE


def import_files(
    *,
    dest: Path,
    upload: Path,
    options: dict,
    organisation: Organisation,
    progress: Progress | None,
) -> None:
    """Import the upload into ``dest`` with the engine (all or nothing).

    Raises :class:`LogImportError` for bad input, after removing the upload.
    """
    if not upload.is_file():
        raise LogImportError("not_found", "The uploaded file is gone.")
    if detect_format(upload) == "xlsx":
        # The workbook is read whole: its ZIP is counted as a stream first.
        check_upload(upload, max_uncompressed=storage.max_uncompressed_bytes())
    staging = storage.clear_staging(dest)
    pseudonymise = bool(options.get("pseudonymise"))
    try:
        import_log(
            upload,
            staging,
            case_column=options["case_column"],
            activity_column=options["activity_column"],
            timestamp_column=options["timestamp_column"],
            start_column=options.get("start_column") or None,
            timezone=options.get("timezone") or default_timezone(organisation),
            encoding=options.get("encoding") or None,
            sheet=options.get("sheet") or None,
            max_bytes=storage.max_upload_bytes(),
            max_uncompressed_bytes=storage.max_uncompressed_bytes(),
            progress=progress,
            keep_original=not pseudonymise,
        )
    except LogImportError:
        storage.remove_upload(upload)
        raise
    if pseudonymise:
        pseudonymise_column(
            staging, options.get("resource_column") or RESOURCE_COLUMN, organisation
        )
    os.rename(staging, dest)


def pseudonym_key(organisation: Organisation) -> bytes:
    """The organisation's secret for pseudonyms (stable across versions)."""
    return hmac.new(
        settings.SECRET_KEY.encode(),
        f"caselog-pseudonym:{organisation.pk}".encode(),
        hashlib.sha256,
    ).digest()


def pseudonymise_column(folder: Path, column: str, organisation: Organisation) -> None:
    """Replace the values of an event column by keyed hashes (HMAC-SHA-256).

    Only the distinct values are hashed in Python; Polars maps the events.
    """
    path = folder / "events.parquet"
    events = pl.read_parquet(path)
    if column not in events.columns:
        return
    values = events[column].cast(pl.String)
    distinct = values.drop_nulls().unique()
    secret = pseudonym_key(organisation)
    pseudonyms = [
        "p-" + hmac.new(secret, value.encode(), hashlib.sha256).hexdigest()[:12]
        for value in distinct.to_list()
    ]
    events = events.with_columns(
        values.replace_strict(
            distinct, pl.Series(pseudonyms, dtype=pl.String), default=None
        ).alias(column)
    )
    tmp = path.with_name("events.parquet.tmp")
    events.write_parquet(tmp, compression="lz4", row_group_size=1 << 20)
    os.replace(tmp, path)
