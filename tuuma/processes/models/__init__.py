"""The process catalogue, versions with their step tables, and annual reviews."""

from tuuma.processes.models.catalogue import (
    Level,
    Process,
    ProcessLink,
    ProcessSettings,
    Status,
)
from tuuma.processes.models.reviews import Review, ReviewStatus
from tuuma.processes.models.versions import (
    ProcessVersion,
    State,
    Step,
    ValueClass,
    VersionComment,
    Waste,
)

__all__ = [
    "Level",
    "Process",
    "ProcessLink",
    "ProcessSettings",
    "ProcessVersion",
    "Review",
    "ReviewStatus",
    "State",
    "Status",
    "Step",
    "ValueClass",
    "VersionComment",
    "Waste",
]
