"""The helper process that parses XES chunks next to the importing process.

Protocol (text lines): the parent writes a chunk path to stdin; the helper parses
it with rustxes, writes the events as an Arrow IPC file ``<path>.arrow`` and
answers with that path, or with an empty line if parsing failed (the parent then
parses the chunk itself to report the error). The helper says ``ready`` once its
imports are done and exits when its stdin closes. It is a plain subprocess
rather than multiprocessing, so the caller's main module is never re-imported.

This module imports only the standard library at the top, so that the CLI can
start the helper (:func:`prestart`) before it imports Polars itself: both
processes then load their libraries at the same time, on two cores.
"""

from __future__ import annotations

import contextlib
import gc
import os
import select
import subprocess
import sys
from pathlib import Path

from tuuma.caselog.engine.reading.source import content_size_hint

# Size of XML from which a helper process is worth it: importing all
# attributes, and reading the key attributes only (the others cut out before
# parsing, see xes.py), where each megabyte is three to six times cheaper.
PARALLEL_BYTES = 24 * 1024 * 1024
KEYS_ONLY_PARALLEL_BYTES = 256 * 1024 * 1024


def worth_parallel(path: Path, *, keys_only: bool = False) -> bool:
    """Whether a helper process would shorten the import of this log.

    It needs a second core. Its start-up (~0.2 s of CPU, while this process
    loads Polars on the other core) pays from some 24 MB of XML: side by side,
    BPIC15_5 (46 MB) took 0.96 s with it and 1.2 s without, and on the 1.5 GB
    benchmark log it nearly halves the import time. The load average is no
    guide: it counts this very import's earlier runs. Key attributes only
    (``analyze``), the helper's start-up is most of what it would save: BPIC15_5
    took 0.61 s CPU without it and 0.82 s with it, BPI Challenge 2012 (74 MB)
    1.2 s and 1.4 s, and on this shared machine (load average 9-12 from other
    work) no less wall time; the 1.5 GB benchmark log still gets it.
    """
    least = KEYS_ONLY_PARALLEL_BYTES if keys_only else PARALLEL_BYTES
    return _usable_cores() >= 2 and content_size_hint(path) >= least


def _usable_cores() -> int:
    """Cores this process may run on (the affinity mask where the OS has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class Helper:
    """A running helper process, given chunks one after another.

    Up to ``DEPTH`` chunks wait for it, so that it never sits idle while this
    process is busy parsing a chunk of its own.
    """

    DEPTH = 2

    def __init__(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - our own module
            [sys.executable, "-m", "tuuma.caselog.engine.reading.xes_worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.ready = False
        self.pending = 0

    def _answer_waiting(self) -> bool:
        return bool(select.select([self.process.stdout], [], [], 0)[0])

    def can_take(self) -> bool:
        """Started and with room for another chunk (never blocks)."""
        if not self.ready:
            if not self._answer_waiting():
                return False
            self.ready = self.process.stdout.readline() == "ready\n"
        return self.ready and self.pending < self.DEPTH

    def finished(self) -> bool:
        """The oldest chunk sent is parsed (never blocks)."""
        return self.pending > 0 and self._answer_waiting()

    def send(self, path: str) -> None:
        self.process.stdin.write(f"{path}\n")
        self.process.stdin.flush()
        self.pending += 1

    def result(self) -> str:
        """Wait for the oldest chunk sent: the Arrow file, or "" on failure."""
        answer = self.process.stdout.readline().rstrip("\n")
        self.pending -= 1
        return answer

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


_prestarted: Helper | None = None


def prestart() -> None:
    """Start the helper now; the next import that wants one takes it."""
    global _prestarted  # noqa: PLW0603 - one helper per process
    if _prestarted is None:
        _prestarted = Helper()


def take() -> Helper:
    global _prestarted  # noqa: PLW0603
    helper, _prestarted = _prestarted or Helper(), None
    return helper


def main() -> int:
    gc.disable()  # as in tuuma/cli.py: nothing cyclic to collect, only imports
    import rustxes

    sys.stdout.write("ready\n")
    sys.stdout.flush()
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)  # rustxes prints bad dates and panics to stderr
    for line in sys.stdin:
        path = line.rstrip("\n")
        answer = ""
        with contextlib.suppress(BaseException):
            frame, _meta = rustxes.import_xes(path)
            frame.write_ipc(path + ".arrow", compression="uncompressed")
            answer = path + ".arrow"
        sys.stdout.write(answer + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
