"""CSV (optionally gzip-compressed), parsed block by block with Polars.

The decompressed stream is cut into blocks at record boundaries (a newline
outside quotes), and each block is parsed with the header in front, so memory
stays bounded and progress is exact. Every column is read as text (an empty
field is a missing value); attribute types are inferred once over the whole log
by the store, timestamps are parsed per block. The separator is ``,``, ``;`` or
tab, whichever the header line has most of. Rows are numbered from 1 after the
header; the line is row + 1 unless a quoted field spans lines.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import polars as pl

from tuuma.caselog.engine.errors import LogImportError
from tuuma.caselog.engine.reading.chunk import KeyColumns, normalise_chunk
from tuuma.caselog.engine.reading.source import SourceReader

BLOCK_BYTES = 16 * 1024 * 1024
SEPARATORS = (",", ";", "\t")


def read_csv(
    source: SourceReader, keys: KeyColumns
) -> Iterator[tuple[pl.DataFrame, float]]:
    """Yield (normalised block, fraction of the source read), in file order."""
    buffer = bytearray()
    eof = False
    while b"\n" not in buffer and not eof:
        block = source.read_block()
        eof = not block
        buffer += block
    if not buffer.strip():
        raise LogImportError("empty_log", "The CSV file is empty.")
    end = buffer.find(b"\n")
    end = len(buffer) if end < 0 else end + 1
    header = bytes(buffer[:end]).removeprefix(b"\xef\xbb\xbf")
    del buffer[:end]
    separator, names = _header(header)
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
    rows = 0
    while buffer or not eof:
        while len(buffer) < BLOCK_BYTES and not eof:
            block = source.read_block()
            eof = not block
            buffer += block
        end = len(buffer) if eof else _record_boundary(buffer)
        if end is None:  # no complete record yet: read on
            if eof:
                break
            continue
        if not buffer[:end].strip():
            del buffer[:end]
            continue
        frame = _parse(header + bytes(buffer[:end]), separator, rows)
        del buffer[:end]

        def locate(
            row: int, column: str, offset=rows, raw=frame
        ) -> tuple[str, dict[str, Any]]:
            number = offset + row + 1
            return f"row {number} (line {number + 1})", {
                "row": number,
                "line": number + 1,
                "value": raw[column][row],
            }

        yield normalise_chunk(frame, keys, locate), source.fraction
        rows += frame.height
    if rows == 0:
        raise LogImportError("empty_log", "The CSV file has a header but no rows.")


def _record_boundary(buffer: bytearray) -> int | None:
    """End of the last complete record: after a newline outside quotes."""
    cut = len(buffer)
    while True:
        cut = buffer.rfind(b"\n", 0, cut)
        if cut < 0:
            return None
        # The block starts at a record boundary, so an even number of quotes
        # before the newline means it is outside any quoted field.
        if buffer.count(b'"', 0, cut) % 2 == 0:
            return cut + 1


def _header(line: bytes) -> tuple[str, list[str]]:
    try:
        text = line.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError:
        raise LogImportError(
            "bad_csv", "The CSV file is not UTF-8 text.", "line 1", line=1
        ) from None
    separator = max(SEPARATORS, key=text.count)
    names = next(csv.reader(io.StringIO(text), delimiter=separator))
    if len(set(names)) != len(names) or not all(names):
        raise LogImportError(
            "bad_csv",
            "The CSV header has empty or repeated column names.",
            "line 1",
            line=1,
        )
    return separator, names


def _parse(data: bytes, separator: str, rows_before: int) -> pl.DataFrame:
    try:
        return pl.read_csv(
            io.BytesIO(data),
            separator=separator,
            infer_schema=False,
            encoding="utf8",
        )
    except (pl.exceptions.ComputeError, pl.exceptions.PolarsError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc)
        raise LogImportError(
            "bad_csv",
            f"The CSV file cannot be read: {first}.",
            f"after row {rows_before}",
            row=rows_before,
        ) from None
