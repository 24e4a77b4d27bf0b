"""Parquet event tables, read in record batches (progress is rows read)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from tuuma.caselog.engine.errors import LogImportError
from tuuma.caselog.engine.reading.chunk import KeyColumns, normalise_chunk
from tuuma.caselog.engine.reading.timestamps import DEFAULT_TIMEZONE

BATCH_ROWS = 500_000


def read_parquet(
    path: Path, keys: KeyColumns, *, timezone: str = DEFAULT_TIMEZONE
) -> Iterator[tuple[pl.DataFrame, float]]:
    """Yield (normalised batch, fraction of the rows read), in file order."""
    try:
        table = pq.ParquetFile(path)
    except (pa.ArrowInvalid, OSError) as exc:
        raise LogImportError(
            "bad_parquet", f"This is not a readable Parquet file: {exc}."
        ) from None
    names = table.schema_arrow.names
    missing = [c for c in (keys.case, keys.activity, keys.timestamp) if c not in names]
    if missing:
        raise LogImportError(
            "missing_column",
            f"The Parquet file has no column {missing[0]!r}; its columns are "
            f"{', '.join(names)}.",
            column=missing[0],
        )
    total = max(table.metadata.num_rows, 1)
    if table.metadata.num_rows == 0:
        raise LogImportError("empty_log", "The Parquet file has no rows.")
    rows = 0
    for batch in table.iter_batches(batch_size=BATCH_ROWS):
        frame = pl.from_arrow(batch)

        def locate(
            row: int, column: str, offset=rows, frame=frame
        ) -> tuple[str, dict[str, Any]]:
            value = frame[column][row]
            return f"row {offset + row + 1}", {
                "row": offset + row + 1,
                "value": None if value is None else str(value),
            }

        rows += batch.num_rows
        yield normalise_chunk(frame, keys, locate, timezone), rows / total
