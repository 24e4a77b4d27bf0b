"""Upload path, step 2: the first rows of an upload and a suggested mapping.

The rows are read by the engine exactly as the import will read them (encoding,
separator, header row, sheet), so what the person maps is what gets imported.
Suggestions come from the column names municipalities use (Finnish, Swedish,
English) and, failing those, from the values.
"""

import re
from dataclasses import dataclass

import polars as pl

from tuuma.caselog.engine import LogImportError, Peek, peek
from tuuma.caselog.engine.reading.timestamps import parse_timestamps

GZIP_MAGIC = b"\x1f\x8b"
SUFFIXES = (
    (".xes", "xes"),
    (".xes.gz", "xes"),
    (".csv", "csv"),
    (".csv.gz", "csv"),
    (".xlsx", "xlsx"),
    (".parquet", "parquet"),
)
# Names (lower case, letters and digits only) per role, best first.
NAMES = {
    "case": (
        "caseconceptname caseid case asianumero diaarinumero dnro diaarinro "
        "asiatunnus asiantunnus asiano hakemusnumero hakemustunnus lupatunnus "
        "ärendenummer ärendenr diarienummer dnr ärende ärendeid id"
    ),
    "activity": (
        "conceptname activity toimenpide käsittelyvaihe vaihe tapahtuma tehtävä "
        "toiminto åtgärd handläggningsskede skede händelse aktivitet step event"
    ),
    "timestamp": (
        "timetimestamp timestamp completetimestamp endtime aika aikaleima pvm "
        "päivämäärä päiväys tapahtumaaika tidpunkt datum tid time date"
    ),
    "start": (
        "starttimestamp starttime start alkuaika aloitusaika alkoi aloitettu "
        "alkupvm starttid påbörjad"
    ),
    "resource": (
        "orgresource resource käsittelijä kasittelija vastuuhenkilö esittelijä "
        "handläggare föredragande user employee"
    ),
}
ROLES = ("case", "activity", "timestamp", "start", "resource")


class PreviewError(Exception):
    """The file cannot be read far enough to show its columns."""

    def __init__(self, error: LogImportError) -> None:
        self.error = error
        super().__init__(str(error))


def file_format(name: str) -> str | None:
    lower = name.lower()
    for suffix, fmt in SUFFIXES:
        if lower.endswith(suffix):
            return fmt
    return None


def read_preview(
    path, *, encoding: str | None = None, sheet: str | None = None
) -> Peek:
    """Columns and first rows as the import will read them; PreviewError if not."""
    try:
        return peek(path, encoding=encoding or None, sheet=sheet or None)
    except LogImportError as error:
        raise PreviewError(error) from error


@dataclass(frozen=True)
class Suggestion:
    """Suggested column per role ("" when none fits)."""

    case: str = ""
    activity: str = ""
    timestamp: str = ""
    start: str = ""
    resource: str = ""

    def initial(self) -> dict[str, str]:
        return {f"{role}_column": getattr(self, role) for role in ROLES}


def _key(name: str) -> str:
    return re.sub(r"[^\w]|_", "", name.lower())


def _by_name(columns: list[str], role: str, taken: set[str]) -> str:
    keys = {_key(c): c for c in columns if c not in taken}
    wanted = NAMES[role].split()
    for name in wanted:  # the exact name first
        if name in keys:
            return keys[name]
    for name in wanted:  # then a name inside a longer one ("Asianumero (Dynasty)")
        if len(name) >= 4:
            for key, column in keys.items():
                if name in key:
                    return column
    return ""


def suggest_columns(preview: Peek) -> Suggestion:
    """Case id, activity, time, start time and employee columns to propose."""
    columns = preview.columns
    values = {
        c: [row[i] for row in preview.rows if i < len(row) and row[i]]
        for i, c in enumerate(columns)
    }
    found: dict[str, str] = {}
    taken: set[str] = set()
    # The start time before the time: "Alkuaika" is a start, "Loppuaika" is not.
    for role in ("case", "activity", "start", "timestamp", "resource"):
        found[role] = _by_name(columns, role, taken)
        taken.add(found[role])
    times = [c for c in columns if values[c] and _all_timestamps(values[c])]
    if not found["timestamp"] and times:
        found["timestamp"] = next((t for t in times if t not in taken), "")
        taken.add(found["timestamp"])
    rest = [c for c in columns if c not in taken and c not in times and values[c]]
    if not found["case"]:
        # Case ids repeat from event to event and carry digits ("R-1", "123/2025").
        found["case"] = next(
            (c for c in rest if all(re.search(r"\d", v) for v in values[c])), ""
        )
    if not found["activity"]:
        # Activities are words.
        found["activity"] = next(
            (
                c
                for c in rest
                if c != found["case"]
                and all(re.search(r"[^\W\d_]{3}", v) for v in values[c])
            ),
            "",
        )
    return Suggestion(**found)


def _all_timestamps(values: list[str]) -> bool:
    parsed = parse_timestamps(pl.Series(values, dtype=pl.String), "UTC")
    return parsed.null_count() == 0
