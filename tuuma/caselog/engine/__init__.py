"""Tuuma's case-log engine: import event logs and analyse them, without Django.

See docs/caselog-engine.md. Event order rule: within a case, events are ordered
by timestamp; events with the same timestamp keep their order in the source file.
"""

from tuuma.caselog.engine.analysis.bottlenecks import bottlenecks, rework
from tuuma.caselog.engine.analysis.compare import before_after
from tuuma.caselog.engine.analysis.completeness import completeness
from tuuma.caselog.engine.analysis.deadlines import (
    ActivityDeadline,
    AttributeDeadline,
    compliance,
    rule_from_dict,
)
from tuuma.caselog.engine.analysis.dfg import dfg
from tuuma.caselog.engine.analysis.figures import figures
from tuuma.caselog.engine.analysis.overview import overview
from tuuma.caselog.engine.analysis.throughput import throughput
from tuuma.caselog.engine.analysis.variants import variants
from tuuma.caselog.engine.errors import LogImportError
from tuuma.caselog.engine.filters import CaseFilter, LogView, select
from tuuma.caselog.engine.store import (
    EventLog,
    LogSummary,
    import_log,
    is_imported_log,
    open_log,
)

__all__ = [
    "ActivityDeadline",
    "AttributeDeadline",
    "CaseFilter",
    "EventLog",
    "LogImportError",
    "LogSummary",
    "LogView",
    "before_after",
    "bottlenecks",
    "completeness",
    "compliance",
    "dfg",
    "figures",
    "import_log",
    "is_imported_log",
    "open_log",
    "overview",
    "rework",
    "rule_from_dict",
    "select",
    "throughput",
    "variants",
]
