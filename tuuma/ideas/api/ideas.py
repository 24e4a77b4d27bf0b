"""``/api/v1/ideas`` and ``/api/v1/ideas/{id}``: list, submit and read ideas."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotAuthenticated, Throttled
from rest_framework.request import Request
from rest_framework.response import Response

from tuuma.api.access import api_requires
from tuuma.api.schema import choice_param, page_of
from tuuma.ideas import actions
from tuuma.ideas.api.common import TAGS, refused, serialize_idea
from tuuma.ideas.api.serializers import (
    IdeaCreateSerializer,
    IdeaSerializer,
    IdeaStaffSerializer,
)
from tuuma.ideas.forms import FilterForm
from tuuma.ideas.models import PUBLIC_STATUSES, Idea, IdeaKind, IdeaSettings, IdeaStatus
from tuuma.ideas.pagination import CappedApiPagination
from tuuma.ideas.views.common import rate_limited
from tuuma.organisation.permissions import can


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
@api_requires({"GET": "ideas.view", "POST": "ideas.submit"})
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
    # Anonymous ideas are an organisation's setting, not a role (as on the page).
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
        return refused(error)
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
@api_requires("ideas.view", load=Idea)
def idea_detail(request: Request, idea: Idea) -> Response:
    return Response(serialize_idea(request, idea))
