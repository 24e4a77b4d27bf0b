"""The one exception the importer raises for bad input."""

from __future__ import annotations

from typing import Any


class LogImportError(Exception):
    """Bad input: the message is English, ``code`` is stable for translations.

    Codes: ``not_xes``, ``unknown_format``, ``missing_column``, ``missing_value``,
    ``bad_timestamp``, ``empty_log``, ``too_large``, ``gzip_too_large``,
    ``corrupt_gzip``, ``bad_csv``, ``bad_parquet``, ``dest_exists``.
    ``params`` holds what the message names (``line``, ``row``, ``column``,
    ``value``, ``limit`` ...), each also available as an attribute.
    """

    def __init__(
        self, code: str, message: str, location: str | None = None, **params: Any
    ) -> None:
        self.code = code
        self.message = message
        self.location = location
        self.params = params
        for key, value in params.items():
            setattr(self, key, value)
        super().__init__(f"{location}: {message}" if location else message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "location": self.location,
            **self.params,
        }
