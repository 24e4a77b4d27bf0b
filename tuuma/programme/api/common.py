"""What every programme endpoint shares: the measures a caller sees, with the
annotations the serializers read."""

from rest_framework.request import Request

from tuuma.organisation.permissions import can
from tuuma.programme.api.serializers import MeasureSerializer, MeasureStaffSerializer
from tuuma.programme.models import Measure
from tuuma.programme.models.measures import MeasureQuerySet

TAGS = ["programme"]
CHANGE = "programme.change_measure"


def measures_for(request: Request) -> MeasureQuerySet:
    """The measures the caller may see, annotated for the serializers."""
    return (
        Measure.objects.visible_to(request.user, request.organisation)
        .select_related("owner")
        .prefetch_related("participants", "ideas")
        .with_progress()
    )


def measure_with_details(request: Request, pk: int) -> Measure:
    """The measure with the annotations and prefetches the serializers read."""
    return measures_for(request).get(pk=pk)


def serialize_measure(request: Request, measure: Measure) -> dict:
    staff = can(request.user, "programme.view_unpublished", request.organisation)
    serializer_class = MeasureStaffSerializer if staff else MeasureSerializer
    return serializer_class(measure).data
