"""Fixtures for the engine tests: small hand-made logs and the real public logs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tuuma.caselog.engine.store import EventLog, import_log, open_log

DATA = Path("/work/shared/data/eventlogs")
EXPECTED = Path(__file__).parent / "expected"

KEYS = "case:concept:name,concept:name,time:timestamp"
HEADER = "case:concept:name,concept:name,time:timestamp,case:deadline,org:resource,cost"

# Three cases; c2 has a tie (B and C at the same time: file order decides) and
# rework (A twice); c3 has no deadline and no resource on one event.
SMALL_CSV = f"""{HEADER}
c1,A,2024-01-01T08:00:00+02:00,2024-01-10,r1,1.5
c2,A,2024-01-02 10:00:00Z,2024-01-03,r2,2
c1,B,2024-01-03T08:00:00+02:00,2024-01-10,r1,3
c2,C,2024-01-03 10:00:00,2024-01-03,r1,1
c2,B,2024-01-03 10:00:00,2024-01-03,r2,1
c2,A,2024-01-04 10:00:00,2024-01-03,r2,1
c3,A,2024-02-01 00:00:00,,,4
c3,B,2024-02-05 00:00:00,,r3,5
"""


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        text = text.encode()
    path.write_bytes(text)
    return path


def xes(*traces: str, header: str = "") -> str:
    body = "".join(traces)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<log xes.version="1.0" xmlns="http://www.xes-standard.org/">\n'
        f"{header}{body}</log>\n"
    )


def trace(name: str, *events: str, attrs: str = "") -> str:
    name_attr = f'<string key="concept:name" value="{name}"/>'
    return f"<trace>{name_attr}{attrs}\n{''.join(events)}</trace>\n"


def event(activity: str | None, timestamp: str | None, extra: str = "") -> str:
    parts = []
    if activity is not None:
        parts.append(f'<string key="concept:name" value="{activity}"/>')
    if timestamp is not None:
        parts.append(f'<date key="time:timestamp" value="{timestamp}"/>')
    return f"<event>{''.join(parts)}{extra}</event>\n"


@pytest.fixture
def small_log(tmp_path: Path) -> EventLog:
    src = write(tmp_path, "small.csv", SMALL_CSV)
    import_log(src, tmp_path / "small", timezone="UTC")
    return open_log(tmp_path / "small")


@pytest.fixture(scope="session")
def real_logs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, EventLog]:
    """The public logs, each imported once per test session."""
    root = tmp_path_factory.mktemp("real")
    logs = {}
    for name in (
        "receipt_wabo_coselog.xes.gz",
        "receipt_wabo_coselog.csv",
        "BPIC15_5.xes.gz",
        "BPI_Challenge_2012.xes.gz",
        "sepsis.csv.gz",
        "hospital_billing_sample.csv.gz",
    ):
        dest = root / name.replace(".", "_")
        import_log(DATA / name, dest, timezone="UTC")  # as PM4Py
        logs[name] = open_log(dest)
    return logs
