"""Staff handling an idea through the API: status changes and the official answer."""

from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tuuma.api.access import api_requires
from tuuma.ideas import actions
from tuuma.ideas.api.common import TAGS, run_staff_action
from tuuma.ideas.api.serializers import (
    AnswerWriteSerializer,
    IdeaStaffSerializer,
    StatusChangeSerializer,
)
from tuuma.ideas.models import Idea, IdeaStatus
from tuuma.organisation.permissions import require

# The right each target status needs: publishing is the moderators' step out of
# pre-moderation, the review the triagers', the rest follow from the answer.
STATUS_PERMISSIONS = {
    IdeaStatus.PUBLISHED: "ideas.moderate",
    IdeaStatus.UNDER_REVIEW: "ideas.triage",
    IdeaStatus.IN_PROGRESS: "ideas.answer",
    IdeaStatus.IMPLEMENTED: "ideas.answer",
}


@extend_schema(
    operation_id="ideas_status_change",
    summary="Staff: move the idea to another status (recorded as an event)",
    request=StatusChangeSerializer,
    responses={
        200: IdeaStaffSerializer,
    },
    tags=TAGS,
)
@api_view(["POST"])
@api_requires("ideas.change_status", load=Idea)
def idea_status(request: Request, idea: Idea) -> Response:
    serializer = StatusChangeSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    to_status = serializer.validated_data["to_status"]
    require(request, STATUS_PERMISSIONS[to_status], idea)

    def change() -> None:
        if to_status == IdeaStatus.PUBLISHED:
            actions.idea_publish(idea=idea, by=request.user)
        else:
            actions.idea_change_status(
                idea=idea,
                to_status=to_status,
                by=request.user,
                public_text=serializer.validated_data["public_text"],
            )

    return run_staff_action(request, idea, change)


@extend_schema(
    operation_id="ideas_answer",
    summary="Staff: write the official answer (and optionally publish it)",
    request=AnswerWriteSerializer,
    responses={
        200: IdeaStaffSerializer,
    },
    tags=TAGS,
)
@api_view(["POST"])
@api_requires("ideas.answer", load=Idea)
def idea_answer(request: Request, idea: Idea) -> Response:
    serializer = AnswerWriteSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    data = serializer.validated_data
    if data["publish"]:
        require(request, "ideas.publish_answer", idea)

    @transaction.atomic
    def answer() -> None:
        actions.idea_answer(
            idea=idea,
            by=request.user,
            outcome=data["outcome"],
            text=data["text"],
            forwarded_to=data["forwarded_to"],
            case_number=data["case_number"],
        )
        if data["publish"]:
            actions.idea_publish_answer(idea=idea, by=request.user)

    return run_staff_action(request, idea, answer)


@extend_schema(
    operation_id="ideas_answer_publish",
    summary="Staff: publish the written answer",
    request=None,
    responses={
        200: IdeaStaffSerializer,
    },
    tags=TAGS,
)
@api_view(["POST"])
@api_requires("ideas.publish_answer", load=Idea)
def idea_answer_publish(request: Request, idea: Idea) -> Response:
    return run_staff_action(
        request, idea, lambda: actions.idea_publish_answer(idea=idea, by=request.user)
    )
