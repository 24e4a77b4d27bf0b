"""The development programme: strategy goals, measures, indicators and their history."""

from tuuma.programme.models.events import EventKind, MeasureEvent
from tuuma.programme.models.indicators import (
    Direction,
    Indicator,
    IndicatorSource,
    IndicatorValue,
)
from tuuma.programme.models.links import MeasureIdea, MeasureParticipant
from tuuma.programme.models.measures import (
    Comment,
    Measure,
    MeasureClass,
    MeasureStatus,
    Milestone,
    Priority,
    ProgressUpdate,
)
from tuuma.programme.models.strategy import FocusArea, Goal

__all__ = [
    "Comment",
    "Direction",
    "EventKind",
    "FocusArea",
    "Goal",
    "Indicator",
    "IndicatorSource",
    "IndicatorValue",
    "Measure",
    "MeasureClass",
    "MeasureEvent",
    "MeasureIdea",
    "MeasureParticipant",
    "MeasureStatus",
    "Milestone",
    "Priority",
    "ProgressUpdate",
]
