"""Whose levels a person may see, and the record of every read and change.

The person themself, their supervisors in the unit and whoever holds
``competence.view_levels`` for the unit's area (its productivity lead; the
organisation's administrators hold every permission) see names and levels.
Everyone else with ``competence.view_coverage`` sees figures without names, and
nothing for a unit of fewer than ``MIN_GROUP`` people.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from tuuma.audit.actions import personal_data_viewed_many
from tuuma.audit.models import AccessLogEntry
from tuuma.competence.models import AccessRecord, Supervision
from tuuma.organisation.models import Unit
from tuuma.organisation.permissions import can

MIN_GROUP = 5


@dataclass(frozen=True)
class Scope:
    """What one viewer may see of one unit."""

    everyone: bool  # every person's levels
    people: frozenset[int]  # otherwise: these people's levels
    figures: bool  # coverage figures (names only as above)
    suppressed: bool = False  # figures withheld: the unit is too small

    def sees(self, person_id: int) -> bool:
        return self.everyone or person_id in self.people

    @property
    def anything(self) -> bool:
        return self.everyone or bool(self.people) or self.figures or self.suppressed


def supervised_by(user, unit: Unit) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(
        Supervision.objects.filter(unit=unit, supervisor=user).values_list(
            "person_id", flat=True
        )
    )


def scope_for(
    user, unit: Unit, members: Iterable[int], team: set[int] | None = None
) -> Scope:
    """The viewer's scope on ``unit`` whose people are ``members`` (``team``:
    whom the viewer supervises there, when the caller has read it already)."""
    organisation = unit.organisation
    if can(user, "competence.view_levels", organisation, unit):
        return Scope(True, frozenset(), True)
    members = set(members)
    own = {user.pk} & members if user.is_authenticated else set()
    team = supervised_by(user, unit) if team is None else team
    figures = bool(team) or can(user, "competence.view_coverage", organisation, unit)
    # Figures of a small unit would point at individuals: suppressed.
    suppressed = figures and not team and len(members) < MIN_GROUP
    return Scope(False, frozenset(own | team), figures and not suppressed, suppressed)


def supervised_in_units(user, organisation) -> dict[int, set[int]]:
    """Unit id -> the people ``user`` supervises there, in one query."""
    teams: dict[int, set[int]] = {}
    if user.is_authenticated:
        rows = Supervision.objects.filter(organisation=organisation, supervisor=user)
        for unit_id, person in rows.values_list("unit_id", "person_id"):
            teams.setdefault(unit_id, set()).add(person)
    return teams


def record_view(request, subjects: Iterable, what: str) -> None:
    """Someone read other people's levels: one entry per person in the shared
    personal-data access log (``tuuma.audit``), shown on the person's pages,
    written in one INSERT however many people the table shows."""
    personal_data_viewed_many(request=request, subjects=subjects, what=what)


def record_change(organisation, actor, subject_id: int, what: str) -> None:
    """Someone changed a person's competence data: kept here, shown to them."""
    actor_id = actor.pk if actor is not None and actor.is_authenticated else None
    if subject_id == actor_id:
        return
    AccessRecord.objects.create(
        organisation=organisation,
        subject_id=subject_id,
        actor_id=actor_id,
        action="changed",
        what=what[:300],
    )


def reads_of(person) -> QuerySet:
    """Who read this person's competence data (pages and API of this app)."""
    return AccessLogEntry.objects.filter(subject=person).filter(
        Q(view_name__startswith="competence:")
        | Q(view_name__startswith="api-competence")
    )
