"""Opening a source file: format detection, size limits, gzip and progress.

The raw file is read in blocks and, when gzip-compressed, decompressed here with
``zlib`` so that the importer can count bytes for progress, stop a gzip bomb at
the decompressed-size limit and report a corrupt stream clearly.
"""

from __future__ import annotations

import io
import os
import zlib
from collections.abc import Callable
from pathlib import Path

from tuuma.caselog.engine.errors import LogImportError

GZIP_MAGIC = b"\x1f\x8b"
BLOCK = 4 * 1024 * 1024
RAW_BLOCK = 256 * 1024
DEFAULT_MAX_BYTES = 2 * 1024**3
DEFAULT_MAX_UNCOMPRESSED_BYTES = 16 * 1024**3

Progress = Callable[[float, str], None]


def detect_format(path: Path) -> str:
    name = path.name.lower()
    for suffix, fmt in ((".xes", "xes"), (".csv", "csv"), (".parquet", "parquet")):
        if name.endswith(suffix) or name.endswith(suffix + ".gz"):
            return fmt
    if name.endswith(".xlsx"):
        return "xlsx"
    if name.endswith(".pq"):
        return "parquet"
    raise LogImportError(
        "unknown_format",
        f"Cannot tell the format of {path.name!r}: expected .xes, .xes.gz, .csv, "
        ".csv.gz, .xlsx or .parquet.",
        value=path.name,
    )


def check_size(path: Path, max_bytes: int) -> int:
    size = path.stat().st_size
    if size > max_bytes:
        raise LogImportError(
            "too_large",
            f"The file is {size} bytes, over the limit of {max_bytes} bytes.",
            value=size,
            limit=max_bytes,
        )
    return size


def content_size_hint(path: Path) -> int:
    """About how many bytes the (decompressed) content has.

    For gzip, ISIZE from the trailer: the size modulo 2**32 of the last member,
    so a hint and no more (never used for a limit).
    """
    size = path.stat().st_size
    if size >= 4:
        with path.open("rb") as handle:
            if handle.read(2) == GZIP_MAGIC:
                handle.seek(-4, os.SEEK_END)
                size = max(size, int.from_bytes(handle.read(4), "little"))
    return size


class SourceReader(io.RawIOBase):
    """A readable, decompressing view of the source that counts what it reads.

    ``fraction`` is compressed (on-disk) bytes read / file size, which is what
    progress reports. Errors raised inside ``read`` are also kept in ``error``
    because some consumers (pyarrow) wrap exceptions from file objects.
    """

    def __init__(self, path: Path, max_uncompressed: int) -> None:
        self.path = path
        self._file = open(path, "rb")  # noqa: SIM115 - closed in close()
        self.size = max(os.fstat(self._file.fileno()).st_size, 1)
        self.raw_read = 0
        self.out = 0
        self.max_uncompressed = max_uncompressed
        self.error: LogImportError | None = None
        head = self._file.read(2)
        self._file.seek(0)
        self.compressed = head == GZIP_MAGIC
        self._zlib = zlib.decompressobj(wbits=31) if self.compressed else None
        self._tail = b""
        self._eof = False
        self._rest = memoryview(b"")
        self._offset = 0

    @property
    def fraction(self) -> float:
        return min(self.raw_read / self.size, 1.0)

    def readable(self) -> bool:
        return True

    def read_block(self) -> bytes:
        """The next block of (decompressed) bytes, ``b""`` at the end."""
        if self._zlib is None:
            raw = self._file.read(BLOCK)
            self.raw_read += len(raw)
            return self._count(raw)
        while True:
            if not self._tail:
                if self._eof:
                    if not self._zlib.eof:
                        self._fail(
                            "The gzip stream ends early (truncated file).",
                            "corrupt_gzip",
                        )
                    return b""
                self._tail = self._file.read(RAW_BLOCK)
                self.raw_read += len(self._tail)
                self._eof = not self._tail
                continue
            try:
                data = self._zlib.decompress(self._tail, BLOCK)
            except zlib.error as exc:
                self._fail(f"The gzip data is corrupt ({exc}).", "corrupt_gzip")
            if self._zlib.eof:
                # What follows may be another gzip member (concatenated files).
                self._tail = self._zlib.unused_data
                if self._tail:
                    self._zlib = zlib.decompressobj(wbits=31)
            else:
                self._tail = self._zlib.unconsumed_tail
            if data:
                return self._count(data)

    def _count(self, data: bytes) -> bytes:
        self.out += len(data)
        if self.out > self.max_uncompressed:
            self._fail(
                f"The decompressed content is over the limit of "
                f"{self.max_uncompressed} bytes.",
                "gzip_too_large",
                limit=self.max_uncompressed,
            )
        return data

    def _fail(self, message: str, code: str, **params) -> None:
        self.error = LogImportError(code, message, **params)
        raise self.error

    def unread(self, data: bytes) -> None:
        """Put back a block taken with ``read_block`` (to peek at a header)."""
        self._rest, self._offset = memoryview(data), 0

    def readinto(self, buffer) -> int:
        if self._offset >= len(self._rest):
            self._rest, self._offset = memoryview(self.read_block()), 0
        n = min(len(buffer), len(self._rest) - self._offset)
        buffer[:n] = self._rest[self._offset : self._offset + n]
        self._offset += n
        return n

    def close(self) -> None:
        self._file.close()
        super().close()
