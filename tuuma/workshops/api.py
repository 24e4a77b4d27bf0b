"""``/api/v1/workshops``: sessions, steps and results for facilitators, and the
participant endpoints a phone (or the bench) uses with its participant token in
the ``X-Workshop-Token`` header. The same actions as the pages do the work."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound, Throttled, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tuuma.api.access import api_public, api_requires
from tuuma.api.pagination import StandardPagination
from tuuma.api.schema import page_of
from tuuma.workshops import actions, voting
from tuuma.workshops.actions import WorkshopError
from tuuma.workshops.items import step_items
from tuuma.workshops.models import Participant, Session, Step
from tuuma.workshops.results import live_counts, step_results
from tuuma.workshops.views.facilitate import STEP_CONTROLS
from tuuma.workshops.views.participate import (
    JOIN_PERIOD,
    guessing,
    joining_too_fast,
    missed,
    shown_step,
)

TAGS = ["workshops"]
TOKEN_HEADER = OpenApiParameter(
    "X-Workshop-Token", str, OpenApiParameter.HEADER, required=True
)


class StepSerializer(serializers.ModelSerializer):
    # Plain strings: the kinds and states are listed in docs/workshops.md, and
    # shared enum names would collide with other apps' "kind" and "status".
    kind = serializers.CharField(read_only=True)
    state = serializers.CharField(read_only=True)

    class Meta:
        model = Step
        fields = [
            "id",
            "position",
            "kind",
            "prompt",
            "state",
            "results_revealed",
            "premoderate",
            "budget",
            "max_per_item",
            "timer_minutes",
            "closes_at",
        ]


class SessionSerializer(serializers.ModelSerializer):
    status = serializers.CharField(read_only=True)
    audience = serializers.CharField(read_only=True)
    anonymity = serializers.CharField(read_only=True)

    class Meta:
        model = Session
        fields = [
            "id",
            "title",
            "purpose",
            "audience",
            "languages",
            "anonymity",
            "min_group_size",
            "is_self_paced",
            "code",
            "status",
            "current_step",
            "created_at",
        ]


class SessionDetailSerializer(SessionSerializer):
    steps = StepSerializer(many=True, read_only=True)

    class Meta(SessionSerializer.Meta):
        fields = [*SessionSerializer.Meta.fields, "steps"]


class ResultSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    score = serializers.FloatField()
    votes = serializers.IntegerField()
    ranked = serializers.BooleanField()
    impact = serializers.FloatField(allow_null=True)
    effort = serializers.FloatField(allow_null=True)


class ItemSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()


class ParticipantStepSerializer(serializers.Serializer):
    session = serializers.CharField()
    status = serializers.CharField()
    step = StepSerializer(allow_null=True)
    items = ItemSerializer(many=True)
    dots_left = serializers.IntegerField(allow_null=True)


def _error(error: WorkshopError) -> ValidationError:
    return ValidationError({"detail": str(error)})


@extend_schema(
    operation_id="workshops_list",
    summary="The organisation's workshop sessions",
    parameters=[OpenApiParameter("page", int), OpenApiParameter("page_size", int)],
    responses={200: page_of(SessionSerializer)},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("workshops.view")
def sessions(request: Request) -> Response:
    found = Session.objects.filter(organisation=request.organisation)
    paginator = StandardPagination()
    page = paginator.paginate_queryset(found, request)
    return paginator.get_paginated_response(SessionSerializer(page, many=True).data)


@extend_schema(
    operation_id="workshops_retrieve",
    summary="One session with its steps and live counts",
    responses={200: SessionDetailSerializer},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("workshops.view", load=Session)
def session_detail(request: Request, session: Session) -> Response:
    return Response(SessionDetailSerializer(session).data)


@extend_schema(
    operation_id="workshops_step_control",
    summary="Open, close, show, reveal or move a step",
    request=inline_serializer(
        "StepControl",
        {"action": serializers.ChoiceField(choices=sorted(STEP_CONTROLS))},
    ),
    responses={200: StepSerializer},
    tags=TAGS,
)
@api_view(["POST"])
@api_requires("workshops.facilitate", load=Session)
def step_control(request: Request, session: Session, step_id: int) -> Response:
    step = get_object_or_404(session.steps, pk=step_id)
    action = request.data.get("action")
    if action not in STEP_CONTROLS:
        raise ValidationError({"action": "Unknown action."})
    try:
        STEP_CONTROLS[action](step, request.user)
    except WorkshopError as error:
        raise _error(error) from error
    if action == "delete":
        return Response(status=status.HTTP_204_NO_CONTENT)
    step.refresh_from_db()
    return Response(StepSerializer(step).data)


@extend_schema(
    operation_id="workshops_step_results",
    summary="A step's results, best first (the presenter's numbers)",
    responses={
        200: inline_serializer(
            "StepResults",
            {
                "counts": serializers.DictField(child=serializers.IntegerField()),
                "results": ResultSerializer(many=True),
            },
        )
    },
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("workshops.view", load=Session)
def step_result(request: Request, session: Session, step_id: int) -> Response:
    step = get_object_or_404(session.steps, pk=step_id)
    rows = [vars(r) for r in step_results(step)]
    return Response({"counts": live_counts(step, session), "results": rows})


@extend_schema(
    operation_id="workshops_join",
    summary="Join a session by its code; answers the participant token",
    request=inline_serializer(
        "WorkshopJoin",
        {
            "code": serializers.CharField(),
            "nickname": serializers.CharField(required=False),
            "group": serializers.CharField(required=False),
        },
    ),
    responses={
        201: inline_serializer("WorkshopToken", {"token": serializers.CharField()})
    },
    tags=TAGS,
)
@api_view(["POST"])
@api_public
def join(request: Request) -> Response:
    if guessing(request._request) or joining_too_fast(request._request):
        raise Throttled(wait=JOIN_PERIOD)
    code = str(request.data.get("code", "")).strip().upper()
    session = Session.objects.filter(
        organisation=request.organisation, code=code
    ).first()
    if session is None:
        missed(request._request)
        raise NotFound("No workshop has this code.")
    user = request.user if request.user.is_authenticated else None
    try:
        participant = actions.participant_join(
            session=session,
            nickname=str(request.data.get("nickname", "")),
            group=str(request.data.get("group", "")),
            user=user,
        )
    except WorkshopError as error:
        raise _error(error) from error
    return Response({"token": participant.token}, status=status.HTTP_201_CREATED)


def _participant(request: Request) -> Participant:
    token = request.headers.get("X-Workshop-Token", "")
    found = (
        Participant.objects.select_related("session__current_step")
        .filter(organisation=request.organisation, token=token)
        .first()
    )
    if not token or found is None:
        raise NotFound("Unknown participant token.")
    return found


@extend_schema(
    operation_id="workshops_participant_step",
    summary="The participant's current step and its items",
    parameters=[TOKEN_HEADER],
    responses={200: ParticipantStepSerializer},
    tags=TAGS,
)
@api_view(["GET"])
@api_public
def participant_step(request: Request) -> Response:
    participant = _participant(request)
    session = participant.session
    step = shown_step(session, request._request)
    data = {
        "session": session.title,
        "status": session.status,
        "step": StepSerializer(step).data if step else None,
        "items": [{"key": i.key, "label": i.label} for i in step_items(step)]
        if step and step.kind != "ideate"
        else [],
        "dots_left": voting.dots_left(step, participant)
        if step and step.kind == "dots"
        else None,
    }
    return Response(data)


PARTICIPANT_ACTIONS = ["note", "dot", "undot", "upvote", "poll", "duel"]


@extend_schema(
    operation_id="workshops_participant_act",
    summary="Add a note, spend or take back a dot, upvote, answer a poll or a duel",
    parameters=[TOKEN_HEADER],
    request=inline_serializer(
        "WorkshopAct",
        {
            "action": serializers.ChoiceField(choices=PARTICIPANT_ACTIONS),
            "text": serializers.CharField(required=False),
            "item": serializers.CharField(required=False),
            "winner": serializers.CharField(required=False),
            "loser": serializers.CharField(required=False),
        },
    ),
    responses={
        200: inline_serializer(
            "WorkshopActed",
            {
                "ok": serializers.BooleanField(),
                "dots_left": serializers.IntegerField(allow_null=True),
            },
        )
    },
    tags=TAGS,
)
@api_view(["POST"])
@api_public
def participant_act(request: Request) -> Response:
    participant = _participant(request)
    step = shown_step(participant.session, request._request)
    if step is None:
        raise ValidationError({"detail": "No step is open."})
    data = request.data
    action = data.get("action")
    left = None
    try:
        if action == "note":
            actions.note_create(
                step=step, participant=participant, text=str(data.get("text", ""))
            )
        elif action == "dot":
            left = voting.dot_add(
                step=step, participant=participant, item=str(data.get("item", ""))
            )
        elif action == "undot":
            left = voting.dot_remove(
                step=step, participant=participant, item=str(data.get("item", ""))
            )
        elif action == "upvote":
            voting.question_upvote(
                step=step, participant=participant, item=str(data.get("item", ""))
            )
        elif action == "poll":
            voting.poll_answer(
                step=step, participant=participant, option=str(data.get("item", ""))
            )
        elif action == "duel":
            voting.duel_record(
                step=step,
                participant=participant,
                winner=str(data.get("winner", "")),
                loser=str(data.get("loser", "")),
            )
        else:
            raise ValidationError({"action": "Unknown action."})
    except WorkshopError as error:
        raise _error(error) from error
    return Response({"ok": True, "dots_left": left})
