"""What a ``<app>/work.py`` hook returns: one thing that is someone's to do.

Each app offers ``work_items(request) -> list[WorkItem]`` for the signed-in person;
the "My work" page (``tuuma.web.my_work``) gathers them and orders them by urgency.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum


class Urgency(IntEnum):
    """The order on the page: overdue first, information last."""

    OVERDUE = 0
    DUE_SOON = 1
    TO_DO = 2
    FOR_INFORMATION = 3


@dataclass(frozen=True)
class WorkItem:
    kind: str  # the group, translated: "Ideas to answer", "Late measures"
    title: str
    url: str  # where the action is done
    urgency: Urgency
    detail: str = ""  # e.g. "3 days left", "due 1.2.2027"
    due: date | None = None

    def sort_key(self) -> tuple:
        return (self.urgency, self.due or date.max, self.title)

    @property
    def needs_action(self) -> bool:
        return self.urgency < Urgency.FOR_INFORMATION
