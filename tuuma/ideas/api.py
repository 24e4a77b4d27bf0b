"""``/api/v1/ideas``: the same pipeline as the pages, through the same actions.

The public sees public fields only; staff who may triage an idea also get the
triage fields and the written but unpublished answer.
"""

from django.db import transaction
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
)
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotAuthenticated, PermissionDenied, Throttled
from rest_framework.request import Request
from rest_framework.response import Response

from tuuma.api.pagination import StandardPagination
from tuuma.api.schema import choice_param, page_of, wider_than
from tuuma.ideas import actions
from tuuma.ideas.forms import (
    BODY_MAX,
    COMMENT_MAX,
    FilterForm,
    clean_body_text,
    clean_title_text,
)
from tuuma.ideas.models import (
    PUBLIC_STATUSES,
    Comment,
    Idea,
    IdeaKind,
    IdeaOutcome,
    IdeaSettings,
    IdeaStatus,
)
from tuuma.ideas.pagination import CappedApiPagination
from tuuma.ideas.views.common import rate_limited
from tuuma.organisation.models import ServiceArea
from tuuma.organisation.permissions import can

TAGS = ["ideas"]


class AnswerSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=IdeaOutcome.choices)
    text = serializers.CharField()
    forwarded_to = serializers.CharField()
    case_number = serializers.CharField()
    published_at = serializers.DateTimeField(allow_null=True)


def _answer(idea: Idea, *, published_only: bool) -> dict | None:
    if not idea.answered_at or (published_only and not idea.answer_is_published):
        return None
    return {
        "outcome": idea.outcome,
        "text": idea.answer_text,
        "forwarded_to": idea.answer_forwarded_to,
        "case_number": idea.answer_case_number,
        "published_at": idea.answer_published_at,
    }


class IdeaSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="The idea's HTML page.")
    author_name = serializers.SerializerMethodField()
    outcome = serializers.CharField(
        source="public_outcome", help_text="Empty until the answer is published."
    )
    answer = serializers.SerializerMethodField(help_text="The published answer.")

    class Meta:
        model = Idea
        fields = [
            "id",
            "url",
            "kind",
            "title",
            "body",
            "author_name",
            "service_area",
            "location_name",
            "status",
            "outcome",
            "is_staff_only",
            "support_count",
            "published_at",
            "merged_into",
            "answer",
        ]
        read_only_fields = fields

    def get_url(self, idea: Idea) -> str:
        return self.context["request"].organisation.absolute_url(
            idea.get_absolute_url()
        )

    def get_author_name(self, idea: Idea) -> str:
        return idea.author.get_full_name() if idea.author_id else ""

    @extend_schema_field(AnswerSerializer(allow_null=True))
    def get_answer(self, idea: Idea) -> dict | None:
        return _answer(idea, published_only=True)


@wider_than(IdeaSerializer)
class IdeaStaffSerializer(IdeaSerializer):
    """What staff who may triage the idea see in addition."""

    prepared_answer = serializers.SerializerMethodField(
        help_text="The written answer, published or not."
    )

    class Meta(IdeaSerializer.Meta):
        fields = [
            *IdeaSerializer.Meta.fields,
            "responsible",
            "impact_score",
            "effort_score",
            "is_hidden",
            "hidden_reason",
            "prepared_answer",
        ]
        read_only_fields = fields

    @extend_schema_field(AnswerSerializer(allow_null=True))
    def get_prepared_answer(self, idea: Idea) -> dict | None:
        return _answer(idea, published_only=False)


class IdeaCreateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=IdeaKind.choices, default=IdeaKind.IDEA)
    title = serializers.CharField(max_length=400)
    body = serializers.CharField(max_length=BODY_MAX + 100)
    service_area = serializers.PrimaryKeyRelatedField(
        queryset=ServiceArea.objects.none(), required=False, allow_null=True
    )
    location_name = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    is_staff_only = serializers.BooleanField(default=False)
    contact_email = serializers.EmailField(required=False, allow_blank=True, default="")
    submit = serializers.BooleanField(
        default=True, help_text="False keeps the idea as a draft."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["service_area"].queryset = ServiceArea.objects.filter(
                organisation=request.organisation
            )

    def validate_title(self, value: str) -> str:
        return clean_title_text(value)

    def validate_body(self, value: str) -> str:
        return clean_body_text(value)

    def validate(self, data: dict) -> dict:
        request = self.context["request"]
        is_staff = can(
            request.user, "ideas.submit_staff_initiative", request.organisation
        )
        if not is_staff and (
            data["is_staff_only"] or data["kind"] == IdeaKind.STAFF_INITIATIVE
        ):
            raise serializers.ValidationError(
                {"kind": "Only staff can submit staff-only initiatives."}
            )
        if request.user.is_authenticated:
            data["contact_email"] = ""
        return data


class CommentSerializer(serializers.ModelSerializer):
    author_name = serializers.SerializerMethodField()
    body = serializers.SerializerMethodField()

    class Meta:
        model = Comment
        fields = ["id", "parent", "author_name", "body", "is_hidden", "created_at"]
        read_only_fields = fields

    def get_author_name(self, comment: Comment) -> str:
        return comment.author.get_full_name() if comment.author else ""

    def get_body(self, comment: Comment) -> str:
        return "" if comment.is_hidden else comment.body


class CommentCreateSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=COMMENT_MAX)
    parent = serializers.IntegerField(required=False, allow_null=True)


class SupportSerializer(serializers.Serializer):
    supported = serializers.BooleanField()
    support_count = serializers.IntegerField()


class StatusChangeSerializer(serializers.Serializer):
    to_status = serializers.ChoiceField(
        choices=[
            IdeaStatus.PUBLISHED,
            IdeaStatus.UNDER_REVIEW,
            IdeaStatus.IN_PROGRESS,
            IdeaStatus.IMPLEMENTED,
        ]
    )
    public_text = serializers.CharField(
        max_length=1000, required=False, allow_blank=True, default=""
    )


class AnswerWriteSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(
        choices=[c for c in IdeaOutcome.choices if c[0] != IdeaOutcome.MERGED]
    )
    text = serializers.CharField(max_length=BODY_MAX)
    forwarded_to = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    case_number = serializers.CharField(
        max_length=100, required=False, allow_blank=True, default=""
    )
    publish = serializers.BooleanField(
        default=False, help_text="Publish at once (needs the right to publish)."
    )


def _idea(request: Request, pk: int) -> Idea:
    ideas = Idea.objects.visible_to(request.user, request.organisation)
    return get_object_or_404(ideas.select_related("author", "service_area"), pk=pk)


def _serialize(request: Request, idea: Idea) -> dict:
    staff = can(
        request.user, "ideas.triage", request.organisation, area=idea.service_area
    )
    serializer_class = IdeaStaffSerializer if staff else IdeaSerializer
    return serializer_class(idea, context={"request": request}).data


def _refused(error: actions.IdeaActionError) -> Response:
    return Response({"detail": str(error)}, status=status.HTTP_400_BAD_REQUEST)


def _run_staff_action(request: Request, idea: Idea, run) -> Response:
    """Run a staff action on ``idea``; answer with the idea as it is afterwards."""
    try:
        run()
    except actions.IdeaActionError as error:
        return _refused(error)
    idea.refresh_from_db(
        from_queryset=Idea.objects.select_related("author", "service_area")
    )
    return Response(_serialize(request, idea))


def _require(request: Request, permission: str, idea: Idea) -> None:
    if not request.user.is_authenticated:
        raise NotAuthenticated
    if not can(request.user, permission, request.organisation, area=idea.service_area):
        raise PermissionDenied


@extend_schema(
    operation_id="ideas_list",
    summary="Public ideas, with search, filters and sorting",
    parameters=[
        OpenApiParameter("q", str, description="Full-text search"),
        choice_param("status", [s.value for s in IdeaStatus if s in PUBLIC_STATUSES]),
        choice_param("kind", IdeaKind.values),
        OpenApiParameter("area", int, description="Service area id"),
        choice_param("sort", ["newest", "supported", "answered"], empty="newest"),
        OpenApiParameter("page", int),
        OpenApiParameter("page_size", int),
    ],
    responses={200: page_of(IdeaSerializer)},
    tags=TAGS,
    methods=["GET"],
)
@extend_schema(
    operation_id="ideas_create",
    summary="Submit an idea (anonymously where the organisation allows it)",
    request=IdeaCreateSerializer,
    responses={201: IdeaSerializer},
    tags=TAGS,
    methods=["POST"],
)
@api_view(["GET", "POST"])
def ideas(request: Request) -> Response:
    organisation = request.organisation
    if request.method == "POST":
        return _create(request)
    form = FilterForm(request.query_params or None, organisation=organisation)
    if form.is_bound and not form.is_valid():
        # The page ignores a bad filter; an API client is told about it.
        raise serializers.ValidationError(
            {name: list(messages) for name, messages in form.errors.items()}
        )
    found = Idea.objects.filter(organisation=organisation)
    if can(request.user, "ideas.view_staff_only", organisation):
        found = found.filter(status__in=PUBLIC_STATUSES, is_hidden=False)
    else:
        found = found.public()
    found = form.apply(found).select_related("author")
    paginator = CappedApiPagination()
    page = paginator.paginate_queryset(found, request)
    data = IdeaSerializer(page, many=True, context={"request": request}).data
    return paginator.get_paginated_response(data)


def _create(request: Request) -> Response:
    settings = IdeaSettings.for_organisation(request.organisation)
    if not request.user.is_authenticated and not settings.allow_anonymous:
        raise NotAuthenticated
    if rate_limited(request, "submit"):
        raise Throttled
    serializer = IdeaCreateSerializer(data=request.data, context={"request": request})
    serializer.is_valid(raise_exception=True)
    data = serializer.validated_data
    try:
        idea = actions.idea_create(
            organisation=request.organisation,
            author=request.user if request.user.is_authenticated else None,
            kind=data["kind"],
            title=data["title"],
            body=data["body"],
            service_area=data.get("service_area"),
            location_name=data["location_name"],
            is_staff_only=data["is_staff_only"],
            contact_email=data["contact_email"],
            submit=data["submit"],
        )
    except actions.IdeaActionError as error:
        return _refused(error)
    return Response(
        IdeaSerializer(idea, context={"request": request}).data,
        status=status.HTTP_201_CREATED,
    )


@extend_schema(
    operation_id="ideas_read",
    summary="One idea (staff who may triage it also see the triage fields)",
    responses={200: IdeaStaffSerializer},
    tags=TAGS,
)
@api_view(["GET"])
def idea_detail(request: Request, pk: int) -> Response:
    return Response(_serialize(request, _idea(request, pk)))


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
def idea_support(request: Request, pk: int) -> Response:
    if not request.user.is_authenticated:
        raise NotAuthenticated
    idea = _idea(request, pk)
    try:
        if request.method == "DELETE":
            actions.idea_unsupport(idea=idea, user=request.user)
        else:
            actions.idea_support(idea=idea, user=request.user)
    except actions.IdeaActionError as error:
        return _refused(error)
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
def idea_comments(request: Request, pk: int) -> Response:
    idea = _idea(request, pk)
    if request.method == "GET":
        comments = idea.comments.select_related("author")
        paginator = StandardPagination()
        page = paginator.paginate_queryset(comments, request)
        return paginator.get_paginated_response(CommentSerializer(page, many=True).data)
    if not request.user.is_authenticated:
        raise NotAuthenticated
    if rate_limited(request, "comment"):
        raise Throttled
    serializer = CommentCreateSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    parent = None
    if serializer.validated_data.get("parent"):
        parent = get_object_or_404(
            Comment, idea=idea, pk=serializer.validated_data["parent"]
        )
    body = serializer.validated_data["body"]
    try:
        comment = actions.comment_create(
            idea=idea, author=request.user, body=body, parent=parent
        )
    except actions.IdeaActionError as error:
        return _refused(error)
    return Response(CommentSerializer(comment).data, status=status.HTTP_201_CREATED)


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
def idea_status(request: Request, pk: int) -> Response:
    idea = _idea(request, pk)
    serializer = StatusChangeSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    to_status = serializer.validated_data["to_status"]
    _require(request, STATUS_PERMISSIONS[to_status], idea)

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

    return _run_staff_action(request, idea, change)


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
def idea_answer(request: Request, pk: int) -> Response:
    idea = _idea(request, pk)
    _require(request, "ideas.answer", idea)
    serializer = AnswerWriteSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    data = serializer.validated_data
    if data["publish"]:
        _require(request, "ideas.publish_answer", idea)

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

    return _run_staff_action(request, idea, answer)


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
def idea_answer_publish(request: Request, pk: int) -> Response:
    idea = _idea(request, pk)
    _require(request, "ideas.publish_answer", idea)
    return _run_staff_action(
        request, idea, lambda: actions.idea_publish_answer(idea=idea, by=request.user)
    )
