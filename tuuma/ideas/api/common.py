"""Helpers every ideas endpoint shares."""

from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from tuuma.ideas import actions
from tuuma.ideas.api.serializers import IdeaSerializer, IdeaStaffSerializer
from tuuma.ideas.models import Idea
from tuuma.organisation.permissions import can

TAGS = ["ideas"]


def serialize_idea(request: Request, idea: Idea) -> dict:
    staff = can(request.user, "ideas.triage", request.organisation, idea)
    serializer_class = IdeaStaffSerializer if staff else IdeaSerializer
    return serializer_class(idea, context={"request": request}).data


def refused(error: actions.IdeaActionError) -> Response:
    return Response({"detail": str(error)}, status=status.HTTP_400_BAD_REQUEST)


def run_staff_action(request: Request, idea: Idea, run) -> Response:
    """Run a staff action on ``idea``; answer with the idea as it is afterwards."""
    try:
        run()
    except actions.IdeaActionError as error:
        return refused(error)
    idea.refresh_from_db(
        from_queryset=Idea.objects.select_related("author", "service_area")
    )
    return Response(serialize_idea(request, idea))
