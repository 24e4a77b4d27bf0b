"""The engine's import errors in the reader's language, by their stable code."""

import re

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from tuuma.caselog.engine.errors import LogImportError


def import_error_text(error: LogImportError) -> str:
    """A clear sentence for a person; the location (line, row) when known."""
    params = {key: str(value) for key, value in error.params.items()}
    if "limit" in error.params and isinstance(error.params["limit"], int):
        params["limit"] = filesizeformat(error.params["limit"])
    messages = {
        "not_xes": _("The file is not a valid XES event log (XML with a <log> root)."),
        "unknown_format": _(
            "The file type is not known. Upload an XES (.xes, .xes.gz), CSV "
            "(.csv, .csv.gz), Excel (.xlsx) or Parquet (.parquet) file."
        ),
        "missing_column": _("The log has no column “%(column)s”.") % params
        if "column" in params
        else _("The log lacks the case, activity or timestamp column."),
        "missing_value": _("An event has no value in the column “%(column)s”.") % params
        if "column" in params
        else _(
            "An event has no case id, activity or timestamp. Every event needs all three."
        ),
        "bad_timestamp": _bad_timestamp(error, params),
        "empty_log": _("The log has no events."),
        "too_large": _("The file is larger than the limit of %(limit)s.") % params
        if "limit" in params
        else _("The file is too large."),
        "gzip_too_large": _(
            "The compressed file unpacks to more than the limit of %(limit)s."
        )
        % params
        if "limit" in params
        else _("The compressed file unpacks to too much data."),
        "corrupt_gzip": _("The compressed (gzip) file is damaged or incomplete."),
        "bad_csv": _(
            "The CSV file cannot be read. Check that it is UTF-8 text with the same "
            "number of columns on every row."
        ),
        "bad_parquet": _("The file is not a Parquet file."),
        "bad_encoding": _(
            "The letters of the file cannot be read as %(value)s text. Upload it "
            "again and choose its text encoding (Excel in Finland usually saves "
            "Windows-1252)."
        )
        % params
        if "value" in params
        else _("The letters of the file cannot be read. Choose its text encoding."),
        "bad_xlsx": _(
            "The file is not an Excel workbook (.xlsx) that can be read, or it has "
            "no such sheet. Old .xls files must be saved as .xlsx first."
        ),
        "xlsx_password": _(
            "The workbook is password-protected. Save it without a password and "
            "upload it again."
        ),
        "not_found": _("The uploaded file is no longer available. Upload it again."),
    }
    text = messages.get(error.code) or _("The log could not be imported.")
    if error.location and not error.params.get("examples"):  # examples say where
        return _("%(message)s (at %(location)s)") % {
            "message": text,
            "location": _location(error),
        }
    return text


def _bad_timestamp(error: LogImportError, params: dict[str, str]) -> str:
    """The value, the column and the format tried, with up to three examples."""
    if "value" not in params:
        return _("A timestamp cannot be read.")
    examples = error.params.get("examples") or []
    if "column" not in params or "format" not in params or not examples:
        return _("A timestamp cannot be read: “%(value)s”.") % params
    listed = ", ".join(
        _("“%(value)s” (%(location)s)")
        % {"value": e["value"], "location": _example_location(e["location"])}
        for e in examples
    )
    return _(
        "Times in the column “%(column)s” cannot be read as %(format)s: %(examples)s."
    ) % {"column": params["column"], "format": params["format"], "examples": listed}


def _example_location(text: str) -> str:
    """The engine's "row 4 (line 6)" / "row 8" in the reader's language."""
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    if len(numbers) >= 2:
        return _("row %(row)s, line %(line)s") % {
            "row": numbers[0],
            "line": numbers[1],
        }
    if numbers:
        return _("row %(row)s") % {"row": numbers[0]}
    return text


def _location(error: LogImportError) -> str:
    params = error.params
    if "line" in params and "row" in params and "column" in params:
        return _("row %(row)s, line %(line)s, column “%(column)s”") % params
    if "row" in params and "column" in params:
        return _("row %(row)s, column “%(column)s”") % params
    if "line" in params:
        return _("line %(line)s") % {"line": params["line"]}
    if "row" in error.params:
        return _("row %(row)s") % {"row": error.params["row"]}
    return str(error.location)
