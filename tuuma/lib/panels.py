"""What a ``<app>/panels.py`` hook returns (see ``tuuma.web.templatetags.tuuma_panels``)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Panel:
    """One block on another app's page: a template and the context it needs."""

    template: str
    context: dict = field(default_factory=dict)
