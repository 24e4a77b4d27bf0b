"""CSV (optionally gzip-compressed), parsed block by block with Polars.

The text is transcoded to UTF-8 when it is not (see ``text.py``: the encoding,
separator and header row are found from the start of the file, so a title row
or an empty row above the header is skipped). The stream is then cut into
blocks at record boundaries (a newline outside quotes), and each block is parsed
on its own, so memory stays bounded and progress is exact. Every column is read
as text (an empty field is a missing value); attribute types are inferred once
over the whole log by the store, timestamps are parsed per block. Rows are
numbered from 1 after the header; the line is the header's line + row unless a
quoted field spans lines. Rows with every field empty (Excel writes ``;;;``
below a table) are skipped.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import Any

import polars as pl

from tuuma.caselog.engine.errors import LogImportError
from tuuma.caselog.engine.reading.chunk import KeyColumns, normalise_chunk
from tuuma.caselog.engine.reading.source import SourceReader
from tuuma.caselog.engine.reading.text import (
    Layout,
    detect_encoding,
    find_layout,
    to_utf8,
)
from tuuma.caselog.engine.reading.timestamps import DEFAULT_TIMEZONE

BLOCK_BYTES = 16 * 1024 * 1024
_NOT_BLANK = re.compile(rb"\S")
_FILLED = ~pl.all_horizontal(pl.all().is_null())
HEAD_BYTES = 256 * 1024


def open_text(
    source: SourceReader, encoding: str | None, wanted: tuple[str, ...] = ()
) -> tuple[Iterator[bytes], bytearray, Layout, str]:
    """UTF-8 blocks after the header, the bytes already read past it, the layout
    and the encoding (``encoding`` or the detected one)."""
    head = bytearray()
    while len(head) < HEAD_BYTES:
        block = source.read_block()
        if not block:
            break
        head += block
    if not head.strip():
        raise LogImportError("empty_log", "The CSV file is empty.")
    encoding = encoding or detect_encoding(bytes(head))
    if codecs.lookup(encoding).name == "utf-8":
        try:  # the last character may be cut: a clear error now, not mojibake
            codecs.getincrementaldecoder("utf-8")().decode(bytes(head), final=False)
        except UnicodeDecodeError as bad:
            line = head.count(b"\n", 0, bad.start) + 1
            raise LogImportError(
                "bad_encoding",
                "The file is not utf-8 text; choose its encoding.",
                f"line {line}",
                line=line,
                value="utf-8",
            ) from None

    def raw() -> Iterator[bytes]:
        yield bytes(head)
        while block := source.read_block():
            yield block

    blocks = to_utf8(raw(), encoding)
    buffer = bytearray(next(blocks, b""))  # the whole head, transcoded
    text = buffer.decode("utf-8", errors="replace")
    layout = find_layout(text, wanted)
    del buffer[: len(text[: layout.header_end].encode("utf-8"))]
    return blocks, buffer, layout, encoding


def read_csv(
    source: SourceReader,
    keys: KeyColumns,
    *,
    encoding: str | None = None,
    timezone: str = DEFAULT_TIMEZONE,
    attributes: bool = True,
) -> Iterator[tuple[pl.DataFrame, float]]:
    """Yield (normalised block, fraction of the source read), in file order.

    ``attributes=False``: only the key columns are read.
    """
    wanted = tuple(dict.fromkeys(c for c in (*keys.required, keys.start) if c))
    blocks, buffer, layout, encoding = open_text(source, encoding, wanted)
    missing = [c for c in wanted if c not in layout.names]
    if missing:
        raise LogImportError(
            "missing_column",
            f"The CSV file has no column {missing[0]!r}; its columns are "
            f"{', '.join(layout.names)}.",
            f"line {layout.header_line}",
            line=layout.header_line,
            column=missing[0],
        )
    rows = 0
    eof = False
    while buffer or not eof:
        while len(buffer) < BLOCK_BYTES and not eof:
            block = next(blocks, None)
            eof = block is None
            buffer += block or b""
        end = len(buffer) if eof else _record_boundary(buffer)
        if end is None:  # no complete record yet: read on
            if eof:
                break
            continue
        if _NOT_BLANK.search(buffer, 0, end) is None:
            del buffer[:end]
            continue
        data = bytes(memoryview(buffer)[:end])
        del buffer[:end]
        raw = _parse(data, layout, rows, None if attributes else wanted)
        filled = raw.select(_FILLED).to_series()
        if not attributes and not filled.all():
            # A row without any key field is skipped only if all its fields
            # are empty: read the whole block to tell (rare: Excel's ;;; rows).
            filled = _parse(data, layout, rows, None).select(_FILLED).to_series()
        index = filled.arg_true().to_frame()
        frame = raw.filter(filled) if index.height != raw.height else raw

        def locate(
            row: int, column: str, offset=rows, table=frame, index=index
        ) -> tuple[str, dict[str, Any]]:
            number = offset + int(index.item(row, 0)) + 1
            line = layout.header_line + number
            return f"row {number} (line {line})", {
                "row": number,
                "line": line,
                "value": table[column][row],
            }

        if frame.height:
            yield normalise_chunk(frame, keys, locate, timezone), source.fraction
        rows += raw.height
    if rows == 0:
        raise LogImportError("empty_log", "The CSV file has a header but no rows.")


def _record_boundary(buffer: bytearray) -> int | None:
    """End of the last complete record: after a newline outside quotes."""
    cut = len(buffer)
    if buffer.find(b'"') < 0:  # no quoted field: a memchr, not a count
        cut = buffer.rfind(b"\n")
        return None if cut < 0 else cut + 1
    while True:
        cut = buffer.rfind(b"\n", 0, cut)
        if cut < 0:
            return None
        # The block starts at a record boundary, so an even number of quotes
        # before the newline means it is outside any quoted field.
        if buffer.count(b'"', 0, cut) % 2 == 0:
            return cut + 1


def _parse(
    data: bytes, layout: Layout, rows_before: int, columns: tuple[str, ...] | None
) -> pl.DataFrame:
    """The block's rows as text, all columns or only ``columns``."""
    padding = [f"_pad{i}" for i in range(layout.width - len(layout.names))]
    try:
        frame = pl.read_csv(
            data,
            has_header=False,
            separator=layout.separator,
            schema=dict.fromkeys([*layout.names, *padding], pl.String),
            columns=[layout.names.index(c) for c in columns] if columns else None,
            encoding="utf8",
        )
    except (pl.exceptions.ComputeError, pl.exceptions.PolarsError) as exc:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as bad:
            row = rows_before + data.count(b"\n", 0, bad.start)
            raise LogImportError(
                "bad_encoding",
                "The file is not utf-8 text; choose its encoding.",
                f"row {row}",
                row=row,
                value="utf-8",
            ) from None
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc)
        raise LogImportError(
            "bad_csv",
            f"The CSV file cannot be read: {first}.",
            f"after row {rows_before}",
            row=rows_before,
        ) from None
    return frame.drop(padding) if padding and columns is None else frame
