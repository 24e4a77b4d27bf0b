"""Figures that span apps: the Kunteko network's staff indicators and the counts
of the other capabilities (workshops held, hearings held).

Staff are the people with a staff membership in the organisation; with a unit
filter those whose membership names the unit, with an area filter those of the
area (by membership or by their unit's area). These are staff data: below five
people the figure is hidden (``tuuma.lib.metrics.SMALL_CELL``).
"""

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from tuuma.hearings.models import Hearing
from tuuma.ideas.models import Idea, IdeaStatus
from tuuma.lib.metrics import (
    COUNT,
    PERCENT,
    PERIOD,
    SERVICE_AREA,
    UNIT,
    Filters,
    Metric,
    Value,
    memoised,
    share,
)
from tuuma.organisation.models import Membership, Organisation
from tuuma.workshops.choices import SessionStatus
from tuuma.workshops.models import Participant, Session

STAFF_FILTERS = frozenset({PERIOD, SERVICE_AREA, UNIT})
STAFF_SOURCE = _("Staff memberships, ideas and workshop participants")


def _in_period(rows: QuerySet, field: str, filters: Filters) -> QuerySet:
    if filters.start:
        rows = rows.filter(**{f"{field}__date__gte": filters.start})
    if filters.end:
        rows = rows.filter(**{f"{field}__date__lte": filters.end})
    return rows


def staff_ids(organisation: Organisation, filters: Filters) -> set[int]:
    """The people counted as staff for the filters."""
    memberships = Membership.objects.filter(organisation=organisation)
    if filters.unit:
        memberships = memberships.filter(unit_id=filters.unit)
    if filters.service_area:
        memberships = memberships.filter(
            Q(service_area_id=filters.service_area)
            | Q(unit__service_area_id=filters.service_area)
        )
    return set(memberships.values_list("user_id", flat=True))


def _proposers(organisation: Organisation, filters: Filters, staff: set[int]):
    """Those of ``staff`` who submitted an idea in the period (both share
    figures read them; a page asks once)."""

    def read() -> set[int]:
        ideas = Idea.objects.filter(organisation=organisation, author_id__in=staff)
        ideas = _in_period(
            ideas.filter(submitted_at__isnull=False), "submitted_at", filters
        )
        return set(ideas.values_list("author_id", flat=True).order_by().distinct())

    return memoised(("staff.proposers", organisation.pk, filters), read)


def _participants(organisation: Organisation, filters: Filters, staff: set[int]):
    joined = Participant.objects.filter(organisation=organisation, user_id__in=staff)
    joined = _in_period(joined, "joined_at", filters)
    return set(joined.values_list("user_id", flat=True).order_by().distinct())


def _staff_proposed(organisation: Organisation, filters: Filters) -> Value:
    staff = staff_ids(organisation, filters)
    return share(len(_proposers(organisation, filters, staff)), len(staff))


def _staff_took_part(organisation: Organisation, filters: Filters) -> Value:
    staff = staff_ids(organisation, filters)
    active = _proposers(organisation, filters, staff) | _participants(
        organisation, filters, staff
    )
    return share(len(active), len(staff))


def _implemented_per_100(organisation: Organisation, filters: Filters) -> Value:
    staff = staff_ids(organisation, filters)
    implemented = Idea.objects.filter(
        organisation=organisation, author_id__in=staff, status=IdeaStatus.IMPLEMENTED
    )
    count = _in_period(implemented, "submitted_at", filters).count()
    return Value(round(100 * count / len(staff), 1) if staff else None, len(staff))


def _workshops(organisation: Organisation, filters: Filters) -> Value:
    held = Session.objects.filter(
        organisation=organisation, status=SessionStatus.CLOSED
    )
    if filters.service_area:
        held = held.filter(service_area_id=filters.service_area)
    count = _in_period(held, "closed_at", filters).count()
    return Value(count, count)


def _hearings(organisation: Organisation, filters: Filters) -> Value:
    held = Hearing.objects.filter(organisation=organisation).ended()
    if filters.service_area:
        held = held.filter(service_area_id=filters.service_area)
    count = _in_period(held, "closes_at", filters).count()
    return Value(count, count)


METRICS = [
    Metric(
        id="staff.proposed_share",
        label=_("Staff who proposed an idea"),
        definition=_(
            "Share of the staff who submitted at least one idea in the period."
        ),
        unit=PERCENT,
        source=STAFF_SOURCE,
        compute=_staff_proposed,
        filters=STAFF_FILTERS,
        staff_data=True,
    ),
    Metric(
        id="staff.took_part_share",
        label=_("Staff who proposed or joined a workshop"),
        definition=_(
            "Share of the staff who submitted an idea or joined a workshop in "
            "the period."
        ),
        unit=PERCENT,
        source=STAFF_SOURCE,
        compute=_staff_took_part,
        filters=STAFF_FILTERS,
        staff_data=True,
    ),
    Metric(
        id="staff.implemented_per_100",
        label=_("Implemented staff ideas per 100 staff"),
        definition=_(
            "Ideas submitted by staff in the period and now implemented, per "
            "100 people of staff."
        ),
        unit=COUNT,
        source=STAFF_SOURCE,
        compute=_implemented_per_100,
        filters=STAFF_FILTERS,
        staff_data=True,
    ),
    Metric(
        id="workshops.held",
        label=_("Workshops held"),
        definition=_("Workshops closed in the period."),
        unit=COUNT,
        source=_("Workshops"),
        compute=_workshops,
        filters=frozenset({PERIOD, SERVICE_AREA}),
    ),
    Metric(
        id="hearings.held",
        label=_("Hearings held"),
        definition=_("Published hearings that closed in the period."),
        unit=COUNT,
        source=_("Hearings"),
        compute=_hearings,
        filters=frozenset({PERIOD, SERVICE_AREA}),
        public=True,
    ),
]
