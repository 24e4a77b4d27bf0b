"""CSV text as spreadsheets write it: encoding, separator and the header row.

Excel in Finland saves "CSV (semicolon separated)" in Windows-1252, sometimes
ISO-8859-15 or UTF-16, with a title row or an empty row above the header. This
module finds all that from the first part of the file; the CSV reader then
parses UTF-8 only (everything else is transcoded on the way in).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from tuuma.caselog.engine.errors import LogImportError

SEPARATORS = (",", ";", "\t")
ENCODINGS = ("utf-8", "cp1252", "iso-8859-15", "utf-16")
SAMPLE_RECORDS = 30
# Bytes that are letters in ISO-8859-15 (€ Š š Ž ž Œ œ Ÿ) but rare symbols in
# Windows-1252, and the range 0x80-0x9F that is printable only in Windows-1252.
_ISO_8859_15_ONLY = frozenset(b"\xa4\xa6\xa8\xb4\xb8\xbc\xbd\xbe")
_C1 = frozenset(range(0x80, 0xA0))


def detect_encoding(head: bytes) -> str:
    """The encoding of a file from its first bytes (BOM, then what decodes)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8"
    sample = head[:4096]
    if sample and sample.count(0) > len(sample) // 4:  # UTF-16 without a BOM
        return "utf-16-le" if sample[1:2] == b"\x00" else "utf-16-be"
    try:
        # A multi-byte character may be cut at the end of the sample.
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    high = set(head) - set(range(0x80))
    if high & _ISO_8859_15_ONLY and not high & _C1:
        return "iso-8859-15"
    return "cp1252"


def check_encoding(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise ValueError(f"Unknown text encoding {name!r}.") from None


def to_utf8(blocks: Iterator[bytes], encoding: str) -> Iterator[bytes]:
    """The blocks re-encoded as UTF-8, without a byte-order mark."""
    if codecs.lookup(encoding).name == "utf-8":
        first = True
        for block in blocks:
            if first:
                block, first = block.removeprefix(codecs.BOM_UTF8), False
            yield block
        return
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    done, first = 0, True
    try:
        for block in blocks:
            text = decoder.decode(block)
            if first and text:
                text, first = text.removeprefix("\ufeff"), False
            yield text.encode("utf-8")
            done += len(block)
        yield decoder.decode(b"", final=True).encode("utf-8")
    except UnicodeDecodeError as exc:
        raise LogImportError(
            "bad_encoding",
            f"The file is not {encoding} text (byte {done + exc.start}).",
            value=encoding,
        ) from None


@dataclass(frozen=True)
class Layout:
    """Where the table starts: its separator, header row and column names."""

    separator: str
    names: list[str]
    header_end: int  # characters of the text up to and including the header
    header_line: int  # physical line number of the header (from 1)
    width: int  # fields in the header record, empty padding included


def find_layout(text: str, wanted: tuple[str, ...] = ()) -> Layout:
    """Separator and header row from the first part of the text.

    The header is the first record holding every ``wanted`` column name; failing
    that, the first record with as many non-empty fields as any record in the
    sample (a title row or an empty row above it has fewer). The separator is the
    one that gives the header the most fields.
    """
    best: Layout | None = None
    for separator in SEPARATORS:
        layout = _layout(text, separator, wanted)
        if layout and (best is None or len(layout.names) > len(best.names)):
            best = layout
    if best is None or len(best.names) < 2:
        raise LogImportError(
            "bad_csv", "No header row with column names found.", "line 1", line=1
        )
    if len(set(best.names)) != len(best.names) or not all(best.names):
        raise LogImportError(
            "bad_csv",
            "The CSV header has empty or repeated column names.",
            f"line {best.header_line}",
            line=best.header_line,
        )
    return best


def _layout(text: str, separator: str, wanted: tuple[str, ...]) -> Layout | None:
    stream = io.StringIO(text)
    reader = csv.reader(stream, delimiter=separator)
    records: list[tuple[list[str], int, int]] = []  # fields, line, end offset
    line = 1
    try:
        for fields in reader:
            records.append(([f.strip() for f in fields], line, stream.tell()))
            line = reader.line_num + 1
            if len(records) >= SAMPLE_RECORDS:
                break
    except csv.Error:
        pass  # a cut last record: the sample is what was read
    if not records:
        return None
    filled = [sum(1 for f in fields if f) for fields, _l, _e in records]
    chosen = None
    if wanted:
        chosen = next(
            (i for i, (f, _l, _e) in enumerate(records) if set(wanted) <= set(f)),
            None,
        )
    if chosen is None:
        chosen = filled.index(max(filled))
    fields, header_line, end = records[chosen]
    width = len(fields)
    # Excel pads a row with separators up to the widest row: drop empty names
    # at the end of the header.
    while fields and not fields[-1]:
        fields = fields[:-1]
    return Layout(separator, fields, end, header_line, width)
