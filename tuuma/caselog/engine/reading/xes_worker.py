"""Helper process for the XES reader: parses chunk files it is given.

Protocol (text lines): the parent writes a chunk path to stdin; the helper parses
it with rustxes, writes the events as an Arrow IPC file ``<path>.arrow`` and
answers with that path, or with an empty line if parsing failed (the parent then
parses the chunk itself to report the error). It is a plain subprocess rather
than multiprocessing so that the caller's main module is never re-imported.
"""

from __future__ import annotations

import contextlib
import os
import sys


def main() -> int:
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
