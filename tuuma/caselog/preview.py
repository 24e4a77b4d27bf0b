"""The first rows of an uploaded CSV or Parquet file, for mapping its columns."""

import csv
import io
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

PREVIEW_BYTES = 256 * 1024
PREVIEW_ROWS = 8
SEPARATORS = (",", ";", "\t")
GZIP_MAGIC = b"\x1f\x8b"


class PreviewError(Exception):
    """The file cannot be read far enough to show its columns (``code`` as the engine's)."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(code)


@dataclass
class Preview:
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)


def file_format(name: str) -> str | None:
    lower = name.lower()
    for suffix, fmt in (
        (".xes", "xes"),
        (".xes.gz", "xes"),
        (".csv", "csv"),
        (".csv.gz", "csv"),
        (".parquet", "parquet"),
    ):
        if lower.endswith(suffix):
            return fmt
    return None


def head_bytes(path: Path, limit: int = PREVIEW_BYTES) -> bytes:
    """The first (decompressed) bytes of a file; PreviewError for broken gzip."""
    with open(path, "rb") as source:
        raw = source.read(limit)
    if path.name.lower().endswith(".gz") or raw[:2] == GZIP_MAGIC:
        if raw[:2] != GZIP_MAGIC:
            raise PreviewError("corrupt_gzip")
        try:
            return zlib.decompressobj(wbits=31).decompress(raw, limit)
        except zlib.error as error:
            raise PreviewError("corrupt_gzip") from error
    return raw


def preview(path: Path) -> Preview:
    if file_format(path.name) == "parquet":
        return _parquet(path)
    return _csv(path)


def _csv(path: Path) -> Preview:
    data = head_bytes(path).removeprefix(b"\xef\xbb\xbf")
    lines = data.split(b"\n")
    if len(lines) > 1:
        lines = lines[:-1]  # the last one may be cut
    try:
        text = b"\n".join(lines[: PREVIEW_ROWS + 1]).decode("utf-8")
    except UnicodeDecodeError as error:
        raise PreviewError("bad_csv") from error
    if not text.strip():
        raise PreviewError("empty_log")
    header_line = text.split("\n", 1)[0]
    separator = max(SEPARATORS, key=header_line.count)
    rows = list(csv.reader(io.StringIO(text), delimiter=separator))
    columns = [c.strip() for c in rows[0]]
    if len(columns) < 3 or len(set(columns)) != len(columns):
        raise PreviewError("bad_csv")
    return Preview(columns=columns, rows=[r for r in rows[1:] if r])


def _parquet(path: Path) -> Preview:
    try:
        head = pl.scan_parquet(path).head(PREVIEW_ROWS).collect()
    except Exception as error:  # noqa: BLE001 - Polars raises several kinds
        raise PreviewError("bad_parquet") from error
    rows = [["" if v is None else str(v) for v in row] for row in head.iter_rows()]
    return Preview(columns=head.columns, rows=rows)


def guess(columns: list[str], *candidates: str) -> str:
    """The first column whose lower-case name is one of ``candidates``."""
    lowered = {c.lower(): c for c in columns}
    for name in candidates:
        if name in lowered:
            return lowered[name]
    return ""
