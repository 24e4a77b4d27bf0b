"""Support and comments of one idea: signed-in people of the organisation."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound, Throttled
from rest_framework.request import Request
from rest_framework.response import Response

from tuuma.api.access import api_requires
from tuuma.api.pagination import StandardPagination
from tuuma.api.schema import page_of
from tuuma.ideas import actions
from tuuma.ideas.api.common import TAGS, refused
from tuuma.ideas.api.serializers import (
    CommentCreateSerializer,
    CommentSerializer,
    SupportSerializer,
)
from tuuma.ideas.models import Idea
from tuuma.ideas.views.common import rate_limited


@extend_schema(
    operation_id="ideas_support",
    summary="Support the idea; supporting again changes nothing",
    request=None,
    responses={200: SupportSerializer},
    tags=TAGS,
    methods=["POST"],
)
@extend_schema(
    operation_id="ideas_support_withdraw",
    summary="Withdraw your support of the idea",
    request=None,
    responses={200: SupportSerializer},
    tags=TAGS,
    methods=["DELETE"],
)
@api_view(["POST", "DELETE"])
@api_requires("ideas.participate", load=Idea)
def idea_support(request: Request, idea: Idea) -> Response:
    try:
        if request.method == "DELETE":
            actions.idea_unsupport(idea=idea, user=request.user)
        else:
            actions.idea_support(idea=idea, user=request.user)
    except actions.IdeaActionError as error:
        return refused(error)
    idea.refresh_from_db(fields=["support_count"])
    return Response(
        {"supported": request.method == "POST", "support_count": idea.support_count}
    )


@extend_schema(
    operation_id="ideas_comments_list",
    summary="Comments on the idea (hidden ones without their text)",
    responses={200: page_of(CommentSerializer)},
    tags=TAGS,
    methods=["GET"],
)
@extend_schema(
    operation_id="ideas_comments_create",
    summary="Comment on the idea or reply to a top-level comment",
    request=CommentCreateSerializer,
    responses={201: CommentSerializer},
    tags=TAGS,
    methods=["POST"],
)
@api_view(["GET", "POST"])
@api_requires({"GET": "ideas.view", "POST": "ideas.participate"}, load=Idea)
def idea_comments(request: Request, idea: Idea) -> Response:
    if request.method == "GET":
        comments = idea.comments.select_related("author")
        paginator = StandardPagination()
        page = paginator.paginate_queryset(comments, request)
        return paginator.get_paginated_response(CommentSerializer(page, many=True).data)
    if rate_limited(request, "comment"):
        raise Throttled
    serializer = CommentCreateSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    parent = None
    if serializer.validated_data.get("parent"):
        parent = idea.comments.filter(pk=serializer.validated_data["parent"]).first()
        if parent is None:
            raise NotFound(_("There is no such comment on this idea."))
    body = serializer.validated_data["body"]
    try:
        comment = actions.comment_create(
            idea=idea, author=request.user, body=body, parent=parent
        )
    except actions.IdeaActionError as error:
        return refused(error)
    return Response(CommentSerializer(comment).data, status=status.HTTP_201_CREATED)
