"""Upload path, step 1b: is the stored upload what its name says, and small enough
once unpacked? Checked before the upload is accepted (the page's next step, the
API's 202), so a broken file is refused at once rather than failing in the worker.

- The content must match the format the name gives: an XES file starts as XML
  with a ``<log>`` root, a CSV is text (no binary signature, no NUL bytes unless
  it is UTF-16), a workbook is a ZIP holding an Excel workbook, a Parquet file
  carries ``PAR1`` at both ends.
- gzip is unpacked as a stream, block by block, counting the bytes: a gzip bomb
  stops at ``CASELOG_MAX_UNCOMPRESSED_BYTES`` having held one block in memory.
- A workbook's ZIP members are counted by their declared sizes first (which
  catches overlapping-entry bombs) and then unpacked as streams with the same
  count; ``zipfile`` never yields more than a member declares.

Errors are the engine's :class:`LogImportError` codes, which
``tuuma.caselog.errors.import_error_text`` puts in the reader's language.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from tuuma.caselog.engine import LogImportError
from tuuma.caselog.engine.reading.source import (
    GZIP_MAGIC,
    SourceReader,
    detect_format,
)
from tuuma.caselog.engine.reading.xlsx import check_workbook

SAMPLE = 64 * 1024
ZIP_BLOCK = 1024 * 1024
MAX_ZIP_MEMBERS = 10_000
# Signatures of files that are certainly not CSV text.
BINARY_SIGNATURES = (
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0",
    b"%PDF",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PAR1",
    b"\x7fELF",
    b"MZ",
)
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def check_upload(path: Path, *, max_uncompressed: int) -> str:
    """The upload's format when its content matches it; LogImportError if not."""
    fmt = detect_format(path)
    if fmt == "xlsx":
        _check_zip(path, max_uncompressed)
    elif fmt == "parquet":
        _check_parquet(path)
    else:
        _check_gzip_name(path)
        sample = _stream(path, max_uncompressed)
        if fmt == "xes":
            _check_xes(sample)
        else:
            _check_csv(sample)
    return fmt


def _check_gzip_name(path: Path) -> None:
    """A ``.gz`` name promises gzip content (plain text is read as it is)."""
    if path.name.lower().endswith(".gz"):
        with path.open("rb") as handle:
            if handle.read(2) != GZIP_MAGIC:
                raise LogImportError("corrupt_gzip", "The file is not gzip.")


def _stream(path: Path, max_uncompressed: int) -> bytes:
    """Unpack (if gzip) and count the whole content; returns its first bytes."""
    sample = b""
    with SourceReader(path, max_uncompressed) as source:
        while block := source.read_block():
            if len(sample) < SAMPLE:
                sample += block[: SAMPLE - len(sample)]
    return sample


def _check_xes(sample: bytes) -> None:
    text = sample.removeprefix(b"\xef\xbb\xbf").lstrip()
    # The root may follow an XML declaration, comments or a doctype.
    if not text.startswith(b"<") or b"<log" not in text:
        raise LogImportError("not_xes", "The file is not XML with a <log> root.")


def _check_csv(sample: bytes) -> None:
    if not sample.strip():
        raise LogImportError("empty_log", "The file is empty.")
    if sample.startswith(BINARY_SIGNATURES) or (
        b"\x00" in sample and not sample.startswith(UTF16_BOMS)
    ):
        raise LogImportError("bad_csv", "The file is not text.")


def _check_parquet(path: Path) -> None:
    size = path.stat().st_size
    with path.open("rb") as handle:
        head = handle.read(4)
        handle.seek(max(size - 4, 0))
        tail = handle.read(4)
    if size < 12 or head != b"PAR1" or tail != b"PAR1":
        raise LogImportError("bad_parquet", "The file is not a Parquet file.")


def _check_zip(path: Path, max_uncompressed: int) -> None:
    check_workbook(path)  # a clear word for .xls and password-protected files
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            names = {member.filename for member in members}
            if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
                raise LogImportError("bad_xlsx", "The ZIP is not an Excel workbook.")
            declared = sum(member.file_size for member in members)
            if len(members) > MAX_ZIP_MEMBERS or declared > max_uncompressed:
                _too_large(max_uncompressed)
            unpacked = 0
            for member in members:
                with archive.open(member) as stream:
                    while block := stream.read(ZIP_BLOCK):
                        unpacked += len(block)
                        if unpacked > max_uncompressed:
                            _too_large(max_uncompressed)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError):
        raise LogImportError("bad_xlsx", "The workbook is damaged.") from None
    except NotImplementedError:  # a compression method zipfile does not know
        raise LogImportError("bad_xlsx", "The workbook cannot be read.") from None


def _too_large(limit: int) -> None:
    raise LogImportError(
        "gzip_too_large",
        f"The workbook unpacks to more than the limit of {limit} bytes.",
        limit=limit,
    )
