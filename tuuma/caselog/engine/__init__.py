"""Tuuma's case-log engine: import event logs and analyse them, without Django.

See docs/caselog-engine.md. Event order rule: within a case, events are ordered
by timestamp; events with the same timestamp keep their order in the source file.

The public names below are loaded on first use (PEP 562), so that importing a
light submodule (the CLI, the errors) does not load Polars.
"""

from __future__ import annotations

import importlib
from typing import Any

_PUBLIC = {
    "ActivityDeadline": "analysis.deadlines",
    "AttributeDeadline": "analysis.deadlines",
    "CaseFilter": "filters",
    "EventLog": "directory",
    "LogImportError": "errors",
    "LogSummary": "directory",
    "LogView": "filters",
    "before_after": "analysis.compare",
    "bottlenecks": "analysis.bottlenecks",
    "completeness": "analysis.completeness",
    "compliance": "analysis.deadlines",
    "dfg": "analysis.dfg",
    "figures": "analysis.figures",
    "import_log": "store",
    "is_imported_log": "directory",
    "open_log": "directory",
    "overview": "analysis.overview",
    "processing": "analysis.bottlenecks",
    "peek": "reading.peek",
    "Peek": "reading.peek",
    "rework": "analysis.bottlenecks",
    "rule_from_dict": "analysis.deadlines",
    "select": "filters",
    "throughput": "analysis.throughput",
    "variants": "analysis.variants",
}
__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    if name not in _PUBLIC:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f"{__name__}.{_PUBLIC[name]}")
    return getattr(module, name)
