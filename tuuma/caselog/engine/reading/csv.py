"""CSV (optionally gzip-compressed) in streaming blocks with pyarrow.

Every column is read as text (an empty field is a missing value); attribute types
are inferred once over the whole log by the store, timestamps are parsed per
chunk. Rows are numbered from 1 after the header; the line is row + 1 unless a
quoted field spans lines.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import polars as pl
import pyarrow as pa
import pyarrow.csv as pacsv

from tuuma.caselog.engine.errors import LogImportError
from tuuma.caselog.engine.reading.chunk import KeyColumns, normalise_chunk
from tuuma.caselog.engine.reading.source import SourceReader

BLOCK_BYTES = 16 * 1024 * 1024


def read_csv(source: SourceReader, keys: KeyColumns) -> Iterator[pl.DataFrame]:
    first = source.read_block()
    if not first.strip():
        raise LogImportError("empty_log", "The CSV file is empty.")
    names = _header(first)
    source.unread(first)
    missing = [c for c in (keys.case, keys.activity, keys.timestamp) if c not in names]
    if missing:
        raise LogImportError(
            "missing_column",
            f"The CSV file has no column {missing[0]!r}; its columns are "
            f"{', '.join(names)}.",
            "line 1",
            line=1,
            column=missing[0],
        )
    reader = _open(source, names)
    rows = 0
    while True:
        try:
            batch = reader.read_next_batch()
        except StopIteration:
            break
        except (pa.ArrowInvalid, OSError) as exc:
            raise source.error or LogImportError(
                "bad_csv",
                f"The CSV file cannot be read: {exc}.",
                f"after row {rows}",
                row=rows,
            ) from None
        if batch.num_rows == 0:
            continue
        frame = pl.from_arrow(batch)
        raw = frame

        def locate(
            row: int, column: str, offset=rows, raw=raw
        ) -> tuple[str, dict[str, Any]]:
            number = offset + row + 1
            return f"row {number} (line {number + 1})", {
                "row": number,
                "line": number + 1,
                "value": raw[column][row],
            }

        yield normalise_chunk(frame, keys, locate)
        rows += batch.num_rows
    if rows == 0:
        raise LogImportError("empty_log", "The CSV file has a header but no rows.")


def _header(block: bytes) -> list[str]:
    line = block.split(b"\n", 1)[0].rstrip(b"\r").decode("utf-8-sig", errors="replace")
    names = next(csv.reader(io.StringIO(line)))
    if len(set(names)) != len(names) or not all(names):
        raise LogImportError(
            "bad_csv",
            "The CSV header has empty or repeated column names.",
            "line 1",
            line=1,
        )
    return names


def _open(source: SourceReader, names: list[str]) -> pacsv.CSVStreamingReader:
    try:
        return pacsv.open_csv(
            source,
            # Without threads pyarrow reads block by block, so progress is true.
            read_options=pacsv.ReadOptions(
                block_size=BLOCK_BYTES, encoding="utf8", use_threads=False
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={name: pa.string() for name in names},
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
            ),
        )
    except (pa.ArrowInvalid, OSError) as exc:
        raise source.error or LogImportError(
            "bad_csv", f"The CSV file cannot be read: {exc}."
        ) from None
