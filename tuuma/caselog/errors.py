"""The engine's import errors in the reader's language, by their stable code."""

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
            "The file type is not known. Upload an XES (.xes, .xes.gz), CSV (.csv, "
            ".csv.gz) or Parquet (.parquet) file."
        ),
        "missing_column": _("The log has no column “%(column)s”.") % params
        if "column" in params
        else _("The log lacks the case, activity or timestamp column."),
        "missing_value": _(
            "An event has no case id, activity or timestamp. Every event needs all three."
        ),
        "bad_timestamp": _("A timestamp cannot be read: “%(value)s”.") % params
        if "value" in params
        else _("A timestamp cannot be read."),
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
        "not_found": _("The uploaded file is no longer available. Upload it again."),
    }
    text = messages.get(error.code) or _("The log could not be imported.")
    if error.location:
        return _("%(message)s (at %(location)s)") % {
            "message": text,
            "location": _location(error),
        }
    return text


def _location(error: LogImportError) -> str:
    if "line" in error.params:
        return _("line %(line)s") % {"line": error.params["line"]}
    if "row" in error.params:
        return _("row %(row)s") % {"row": error.params["row"]}
    return str(error.location)
