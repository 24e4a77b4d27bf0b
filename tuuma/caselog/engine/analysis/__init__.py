"""Analyses of a :class:`~tuuma.caselog.engine.filters.LogView`.

Every function returns plain JSON-serialisable dicts and lists; durations are in
seconds, timestamps are ISO 8601 strings in UTC.
"""
