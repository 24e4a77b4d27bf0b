"""XES (IEEE 1849) in bounded memory: split into chunks of traces, parse with rustxes.

rustxes parses a whole document into one DataFrame and holds the GIL, so the log
is cut here into chunks of whole traces, each written as a small document
(``<log ...>`` start tag + traces + ``</log>``) and parsed on its own. Memory is
bounded by the chunk size and progress is the compressed bytes consumed. What
stands between ``<log>`` and the first trace (extensions, globals, classifiers,
log attributes) is not needed for the events and is skipped, so it is not parsed
once per chunk. With ``workers=2`` a helper process parses chunks too (up to two
wait for it) while this one splits and parses the rest; results are taken in
file order. On a bad event the chunk is scanned again with expat (error path
only) to name the line and the raw value.
"""

from __future__ import annotations

import contextlib
import os
import re
import xml.parsers.expat
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl
import rustxes

from tuuma.caselog.engine.errors import LogImportError
from tuuma.caselog.engine.reading import xes_worker
from tuuma.caselog.engine.reading.chunk import (
    CASE_PREFIX,
    KeyColumns,
    normalise_chunk,
)
from tuuma.caselog.engine.reading.source import SourceReader, content_size_hint
from tuuma.caselog.engine.reading.timestamps import UTC

CHUNK_BYTES = 8 * 1024 * 1024
# With a helper process: about this many chunks, so that neither process waits
# long for the other, but no smaller than MIN_CHUNK_BYTES (each chunk costs a
# few milliseconds besides its parsing).
PARALLEL_CHUNKS = 16
MIN_CHUNK_BYTES = 4 * 1024 * 1024
_TRACE = re.compile(rb"<trace[\s>/]")
_PROLOG = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--.*?-->|<!DOCTYPE[^>]*>)\s*)*",
    re.DOTALL,
)
_ROOT = re.compile(rb"<([A-Za-z_][\w:.-]*)")
_LOG_START = re.compile(
    rb"<(?:\w+:)?log(?:\s+[\w:.-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*\s*>"
)
_TRACE_END = b"</trace>"
_CLOSING = b"\n</log>\n"


@dataclass(frozen=True)
class _Chunk:
    path: Path
    line_offset: int  # absolute line = line in the chunk document + line_offset
    fraction: float  # of the source read when the chunk was cut


def read_xes(
    source: SourceReader,
    keys: KeyColumns,
    workdir: Path,
    *,
    workers: int = 1,
    timezone: str = UTC,
    attributes: bool = True,
) -> Iterator[tuple[pl.DataFrame, float]]:
    """Yield (normalised chunk, fraction of the source read), in file order.

    XES dates nearly always carry an offset; one without is local time in
    ``timezone``. ``attributes=False``: only the key attributes are kept.
    """
    wanted = {*keys.required, keys.start}
    chunk_bytes = CHUNK_BYTES
    if workers > 1:
        hint = content_size_hint(source.path) // PARALLEL_CHUNKS
        chunk_bytes = min(CHUNK_BYTES, max(MIN_CHUNK_BYTES, hint))
    others = None if attributes else _other_attributes(wanted)
    for chunk, frame in _parsed(_split(source, workdir, chunk_bytes, others), workers):
        if not attributes:
            frame = frame.select(c for c in frame.columns if c in wanted)
        if frame.height:
            yield (
                normalise_chunk(
                    frame, keys, lambda r, c, k=chunk: _locate(k, r, c), timezone
                ),
                chunk.fraction,
            )
        chunk.path.unlink(missing_ok=True)


def _other_attributes(keys: set[str | None]) -> re.Pattern[bytes]:
    """Simple attribute elements (``<string key="k" value="v"/>``) of other keys
    than ``keys`` (a ``case:`` key is the trace's attribute without it).

    Cut out of a chunk before rustxes parses it when only the key columns are
    wanted: a regular expression over the bytes costs less than parsing them
    (BPIC15_5: 0.2 s to cut 46 MB to 11 MB, then 0.1 s to parse, against 0.6 s
    for all). Only elements of exactly this form go; anything else (nested
    values, other quoting) stays and is parsed as before. Newlines stay, so
    line numbers in error messages are unchanged.
    """
    names = sorted({k.removeprefix(CASE_PREFIX) for k in keys if k})
    kept = "|".join(re.escape(f'{n}"') for n in names).encode()
    return re.compile(
        rb'<(?:string|date|int|float|boolean|id) key="(?!'
        + kept
        # Possessive (*+): no backtracking into a key or value that cannot
        # end otherwise; a third less time than * (BPI Challenge 2012).
        + rb')[^"<>]*+" value="[^"<]*+"/>'
    )


def _split(
    source: SourceReader,
    workdir: Path,
    chunk_bytes: int,
    others: re.Pattern[bytes] | None = None,
) -> Iterator[_Chunk]:
    buffer = bytearray()
    eof = False
    match = None
    while match is None and not eof:
        block = source.read_block()
        eof = not block
        buffer += block
        _check_root(buffer, eof)
        match = _TRACE.search(buffer)
    if match is None:
        raise LogImportError("empty_log", "The XES log has no traces.")
    header = _chunk_header(buffer, match.start())
    line = buffer.count(b"\n", 0, match.start()) + 1
    pos = match.start()  # where the next chunk starts in buffer
    while True:
        end = _chunk_end(buffer, pos, chunk_bytes)
        if end is None and not eof:
            del buffer[:pos]
            pos = 0
            block = source.read_block()
            eof = not block
            buffer += block
            continue
        closing = _CLOSING
        if end is None:  # the rest, up to </log>
            end, closing = len(buffer), b""
        path = workdir / f"chunk-{line:012}.xes"
        with path.open("wb") as out, memoryview(buffer) as view:
            out.write(header)
            out.write(
                view[pos:end] if others is None else others.sub(b"", view[pos:end])
            )
            out.write(closing)
        yield _Chunk(path, line - header.count(b"\n") - 1, source.fraction)
        if not closing:
            return
        line += buffer.count(b"\n", pos, end)
        pos = end


def _chunk_end(buffer: bytearray, pos: int, size: int) -> int | None:
    """End of the last ``</trace>`` within ``size`` bytes from ``pos``.

    If a trace is longer than that, the end of the first one after; None when
    the buffer does not yet hold enough to tell.
    """
    limit = pos + size
    if len(buffer) < limit:
        return None
    cut = buffer.rfind(_TRACE_END, pos, limit)
    if cut < 0:
        cut = buffer.find(_TRACE_END, limit - len(_TRACE_END) + 1)
        if cut < 0:
            return None
    return cut + len(_TRACE_END)


def _chunk_header(buffer: bytearray, first_trace: int) -> bytes:
    """The prolog and ``<log ...>`` start tag, without what follows it."""
    start = _LOG_START.search(buffer, 0, first_trace)
    if start is None:
        raise LogImportError("not_xes", "The <log> start tag cannot be read.")
    return bytes(buffer[: start.end()]) + b"\n"


def _check_root(buffer: bytearray, eof: bool) -> None:
    start = _PROLOG.match(buffer).end()
    if start == len(buffer) and not eof:
        return
    root = _ROOT.match(buffer, start)
    if root is None and len(buffer) - start < 256 and not eof:
        return
    if root is None or root.group(1).split(b":")[-1] != b"log":
        found = (
            root.group(1).decode(errors="replace")
            if root
            else bytes(buffer[start : start + 20]).decode(errors="replace")
        )
        line = buffer.count(b"\n", 0, start) + 1
        raise LogImportError(
            "not_xes",
            f"This is not an XES log: the document must start with <log>, "
            f"found {found!r}.",
            f"line {line}",
            line=line,
            value=found,
        )


def _parsed(
    chunks: Iterator[_Chunk], workers: int
) -> Iterator[tuple[_Chunk, pl.DataFrame]]:
    """Parse chunks here and, with ``workers=2``, in the helper process too.

    A chunk goes to the helper when it is ready and has room, else it is
    parsed here; results are yielded in chunk order.
    """
    if workers < 2:
        for chunk in chunks:
            yield chunk, _parse(chunk)
        return
    helper = xes_worker.take()
    try:
        slots: deque[tuple[_Chunk, pl.DataFrame | None]] = deque()
        for chunk in chunks:
            while slots and (slots[0][1] is not None or helper.finished()):
                yield _resolve(*slots.popleft(), helper)
            if helper.can_take():
                helper.send(str(chunk.path))
                slots.append((chunk, None))
            else:
                slots.append((chunk, _parse(chunk)))
        while slots:
            yield _resolve(*slots.popleft(), helper)
    finally:
        helper.close()


def _resolve(
    chunk: _Chunk, frame: pl.DataFrame | None, helper: xes_worker.Helper
) -> tuple[_Chunk, pl.DataFrame]:
    if frame is not None:
        return chunk, frame
    arrow = helper.result()
    if not arrow:  # the helper failed: parse here to report the error
        return chunk, _parse(chunk)
    frame = pl.read_ipc(arrow)
    os.unlink(arrow)
    return chunk, frame


def _parse(chunk: _Chunk) -> pl.DataFrame:
    try:
        with _quiet_stderr():
            frame, _meta = rustxes.import_xes(str(chunk.path))
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - rustxes panics (PanicException)
        where = _first_xml_error(chunk.path)
        if where is None:
            raise LogImportError(
                "not_xes", f"The XES document could not be read: {exc}."
            ) from None
        line = where[0] + chunk.line_offset
        raise LogImportError(
            "not_xes",
            f"The XES document is malformed: {where[1]}.",
            f"line {line}",
            line=line,
        ) from None
    return frame


def _first_xml_error(path: Path) -> tuple[int, str] | None:
    parser = xml.parsers.expat.ParserCreate()
    try:
        with path.open("rb") as handle:
            parser.ParseFile(handle)
    except xml.parsers.expat.ExpatError as exc:
        return exc.lineno, xml.parsers.expat.ErrorString(exc.code)
    return None


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """rustxes prints unparseable dates and panics to fd 2: keep them off."""
    saved = os.dup(2)
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _locate(chunk: _Chunk, row: int, column: str) -> tuple[str, dict[str, Any]]:
    """Line and raw value of ``column`` for the ``row``-th event of a chunk.

    A ``case:`` column is looked up among the trace's attributes.
    """
    parser = xml.parsers.expat.ParserCreate()
    state: dict[str, Any] = {"depth": 0, "events": -1, "trace_line": 0}
    found: dict[str, Any] = {}
    trace_level = column.startswith("case:")
    key = column.removeprefix("case:")
    trace_attrs: dict[str, str] = {}

    def start(name: str, attrs: dict[str, str]) -> None:
        depth = state["depth"] = state["depth"] + 1
        if depth == 2 and name == "trace":
            state["trace_line"] = parser.CurrentLineNumber
            trace_attrs.clear()
        elif depth == 3 and name == "event":
            state["events"] += 1
            if state["events"] == row:
                found["line"] = parser.CurrentLineNumber
                found["trace_line"] = state["trace_line"]
        elif depth == 3 and attrs.get("key") == key:
            trace_attrs[key] = attrs.get("value")
        elif (
            depth == 4
            and state["events"] == row
            and "line" in found
            and attrs.get("key") == key
            and not trace_level
        ):
            found["value"] = attrs.get("value")
            found["line"] = parser.CurrentLineNumber

    def end(name: str) -> None:
        if state["depth"] == 2 and name == "trace" and "line" in found:
            found.setdefault("trace_value", trace_attrs.get(key))
            raise _FoundError
        state["depth"] -= 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    with contextlib.suppress(_FoundError, xml.parsers.expat.ExpatError):
        parser.Parse(chunk.path.read_bytes(), True)
    if trace_level:
        line = found.get("trace_line", 0) + chunk.line_offset
        return f"line {line} (trace)", {"line": line, "value": found.get("trace_value")}
    line = found.get("line", 0) + chunk.line_offset
    return f"line {line}", {"line": line, "value": found.get("value")}


class _FoundError(Exception):
    """Stops the expat scan once the event is found."""
