"""Opening imported logs for analysis, cached per process.

A view of a log under a filter is cached too (a few of them), so the pages of one
log that share derived tables (directly-follows steps, edges) compute them once.
"""

import json
import threading
from collections import OrderedDict
from functools import lru_cache

import polars as pl

from tuuma.caselog.engine import CaseFilter, EventLog, LogView, open_log, select
from tuuma.caselog.models import CaseLogVersion

VIEW_CACHE_SIZE = 16
_views: OrderedDict[tuple[str, str], LogView] = OrderedDict()
_lock = threading.Lock()


@lru_cache(maxsize=8)
def _open(path: str) -> EventLog:
    return open_log(path)


def open_version(version: CaseLogVersion) -> EventLog:
    return _open(str(version.path))


def view_of(version: CaseLogVersion, case_filter: CaseFilter | None = None) -> LogView:
    """The cases of ``version`` passing ``case_filter`` (cached)."""
    case_filter = case_filter or CaseFilter()
    key = (str(version.path), json.dumps(case_filter.to_dict(), sort_keys=True))
    with _lock:
        if key in _views:
            _views.move_to_end(key)
            return _views[key]
    view = select(open_version(version), case_filter)
    with _lock:
        _views[key] = view
        while len(_views) > VIEW_CACHE_SIZE:
            _views.popitem(last=False)
    return view


def compliance_by_case(view: LogView, rule) -> pl.DataFrame:
    """Per applicable case: ``_start``, ``_end``, ``met`` (null = open).

    Thin adapter over the engine's private per-case evaluation, which
    ``compliance`` aggregates; the engine has no public per-case table yet.
    """
    from tuuma.caselog.engine.analysis.deadlines import _evaluate  # noqa: PLC0415

    table = _evaluate(view, rule)
    return table.join(
        view.cases.select(pl.col("_id").alias("case"), "_start", "_end"), on="case"
    )
