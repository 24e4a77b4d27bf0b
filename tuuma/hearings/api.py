"""``/api/v1/hearings`` and ``/api/v1/matters``: public reading, and comments
by residents at the hearing's identity level. The same actions as the pages."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tuuma.api.access import api_requires
from tuuma.api.pagination import StandardPagination
from tuuma.api.schema import page_of
from tuuma.hearings import actions
from tuuma.hearings.actions import HearingError
from tuuma.hearings.models import Comment, Hearing, Matter, Question, Section
from tuuma.hearings.pages import visitor_token
from tuuma.hearings.results import hearing_report

TAGS = ["hearings"]
PAGING = [OpenApiParameter("page", int), OpenApiParameter("page_size", int)]


class QuestionSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(read_only=True)
    options = serializers.ListField(child=serializers.CharField(), source="option_list")

    class Meta:
        model = Question
        fields = ["id", "kind", "text", "text_sv", "text_en", "options"]


class SectionSerializer(serializers.ModelSerializer):
    questions = QuestionSerializer(many=True, read_only=True)

    class Meta:
        model = Section
        fields = [
            "id",
            "position",
            "version",
            "title",
            "title_sv",
            "title_en",
            "body",
            "body_sv",
            "body_en",
            "image_alt",
            "questions",
        ]


class HearingSerializer(serializers.ModelSerializer):
    status = serializers.CharField(read_only=True)
    identity = serializers.CharField(read_only=True)
    service_area = serializers.CharField(source="service_area.slug", default=None, allow_null=True)
    is_open = serializers.BooleanField(read_only=True)
    report_published = serializers.BooleanField(source="report_is_published")

    class Meta:
        model = Hearing
        fields = [
            "id",
            "title",
            "title_sv",
            "title_en",
            "summary",
            "summary_sv",
            "summary_en",
            "plain_summary",
            "languages",
            "identity",
            "status",
            "is_open",
            "opens_at",
            "closes_at",
            "contact_name",
            "service_area",
            "matter",
            "report_published",
        ]


class HearingDetailSerializer(HearingSerializer):
    sections = SectionSerializer(many=True, read_only=True)

    class Meta(HearingSerializer.Meta):
        fields = [*HearingSerializer.Meta.fields, "sections"]


class HearingCommentSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="display_name", read_only=True)
    section_version = serializers.IntegerField(
        source="section_version.number", default=None, read_only=True
    )
    supports = serializers.IntegerField(source="support_count", read_only=True)

    class Meta:
        model = Comment
        fields = [
            "id",
            "section",
            "section_version",
            "parent",
            "name",
            "body",
            "supports",
            "created_at",
            "edited_at",
        ]


class HearingCommentCreateSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=5000)
    section = serializers.IntegerField(required=False, allow_null=True)
    parent = serializers.IntegerField(required=False, allow_null=True)
    author_name = serializers.CharField(max_length=80, required=False, default="")


class MatterSerializer(serializers.ModelSerializer):
    phase = serializers.CharField(read_only=True)
    service_area = serializers.CharField(source="service_area.slug", default=None, allow_null=True)

    class Meta:
        model = Matter
        fields = [
            "id",
            "title",
            "title_sv",
            "title_en",
            "description",
            "case_id",
            "phase",
            "service_area",
            "decision_body",
            "decision_date",
            "decision_summary",
            "minutes_url",
        ]


class ThemeSerializer(serializers.Serializer):
    title = serializers.CharField()
    comments = serializers.IntegerField()
    response = serializers.CharField()
    reason = serializers.CharField()
    quotes = serializers.ListField(child=serializers.CharField())


class ReportSectionSerializer(serializers.Serializer):
    section = serializers.IntegerField(allow_null=True)
    title = serializers.CharField()
    comments = serializers.IntegerField()
    commenters = serializers.IntegerField()
    themes = ThemeSerializer(many=True)


def _page(request: Request, queryset, serializer) -> Response:
    paginator = StandardPagination()
    page = paginator.paginate_queryset(queryset, request)
    return paginator.get_paginated_response(serializer(page, many=True).data)


@extend_schema(
    operation_id="hearings_list",
    summary="Published hearings, newest first",
    parameters=PAGING,
    responses={200: page_of(HearingSerializer)},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("hearings.view")
def hearings(request: Request) -> Response:
    found = Hearing.objects.visible_to(request.user, request.organisation)
    return _page(request, found.select_related("service_area"), HearingSerializer)


@extend_schema(
    operation_id="hearings_retrieve",
    summary="One hearing with its sections and questions",
    responses={200: HearingDetailSerializer},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("hearings.view", load=Hearing)
def hearing_detail(request: Request, hearing: Hearing) -> Response:
    return Response(HearingDetailSerializer(hearing).data)


@extend_schema(
    methods=["GET"],
    operation_id="hearings_comments_list",
    summary="The hearing's shown comments, oldest first",
    parameters=PAGING,
    responses={200: page_of(HearingCommentSerializer)},
    tags=TAGS,
)
@extend_schema(
    methods=["POST"],
    operation_id="hearings_comments_create",
    summary="Comment on a section, the whole draft, or reply (while open)",
    request=HearingCommentCreateSerializer,
    responses={201: HearingCommentSerializer},
    tags=TAGS,
)
@api_view(["GET", "POST"])
@api_requires({"GET": "hearings.view", "POST": "hearings.comment"}, load=Hearing)
def comments(request: Request, hearing: Hearing) -> Response:
    if request.method == "POST":
        return _comment_create(request, hearing)
    found = (
        hearing.comments.shown()
        .with_support_count()
        .select_related("section_version")
        .order_by("created_at", "pk")
    )
    return _page(request, found, HearingCommentSerializer)


def _comment_create(request: Request, hearing: Hearing) -> Response:
    data = HearingCommentCreateSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    values = data.validated_data
    section = parent = None
    if values.get("section") is not None:
        section = hearing.sections.filter(pk=values["section"]).first()
        if section is None:
            raise ValidationError({"section": "No such section in this hearing."})
    if values.get("parent") is not None:
        parent = hearing.comments.shown().filter(pk=values["parent"]).first()
        if parent is None:
            raise ValidationError({"parent": "No such comment in this hearing."})
    try:
        comment = actions.comment_create(
            hearing=hearing,
            user=request.user,
            body=values["body"],
            section=section,
            parent=parent,
            author_name=values["author_name"],
            visitor_token=visitor_token(request),
            language=getattr(request, "LANGUAGE_CODE", "fi"),
        )
    except HearingError as error:
        raise ValidationError({"detail": str(error)}) from error
    comment = Comment.objects.with_support_count().get(pk=comment.pk)
    return Response(
        HearingCommentSerializer(comment).data, status=status.HTTP_201_CREATED
    )


@extend_schema(
    operation_id="hearings_report_retrieve",
    summary="The published report: themes, responses and quotes per section",
    responses={
        200: inline_serializer(
            "HearingReport",
            {
                "summary": serializers.CharField(),
                "published_at": serializers.DateTimeField(),
                "sections": ReportSectionSerializer(many=True),
            },
        )
    },
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("hearings.read_report", load=Hearing)
def report(request: Request, hearing: Hearing) -> Response:
    sections = [
        {
            "section": part.section.pk if part.section else None,
            "title": part.title,
            "comments": part.comment_count,
            "commenters": part.commenter_count,
            "themes": [
                {
                    "title": theme.title,
                    "comments": count,
                    "response": theme.response,
                    "reason": theme.reason,
                    "quotes": [q.body for q in quotes],
                }
                for theme, count, quotes in part.themes
            ],
        }
        for part in hearing_report(hearing)
    ]
    return Response(
        {
            "summary": hearing.report_summary,
            "published_at": hearing.report_published_at,
            "sections": sections,
        }
    )


@extend_schema(
    operation_id="matters_list",
    summary="Published matters and their phases",
    parameters=PAGING,
    responses={200: page_of(MatterSerializer)},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("hearings.view")
def matters(request: Request) -> Response:
    found = Matter.objects.visible_to(request.user, request.organisation)
    return _page(request, found.select_related("service_area"), MatterSerializer)


@extend_schema(
    operation_id="matters_retrieve",
    summary="One matter with its decision record",
    responses={200: MatterSerializer},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("hearings.view", load=Matter)
def matter_detail(request: Request, matter: Matter) -> Response:
    return Response(MatterSerializer(matter).data)
