"""``/api/v1/goals``: the strategy's goals."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tuuma.api.access import api_requires
from tuuma.api.pagination import StandardPagination
from tuuma.api.schema import page_of
from tuuma.programme.api.common import TAGS
from tuuma.programme.api.serializers import GoalSerializer
from tuuma.programme.models import Goal


@extend_schema(
    operation_id="goals_list",
    summary="The strategy's goals that measures serve",
    parameters=[OpenApiParameter("page", int), OpenApiParameter("page_size", int)],
    responses={200: page_of(GoalSerializer)},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("programme.view")
def goals(request: Request) -> Response:
    found = Goal.objects.filter(organisation=request.organisation).select_related(
        "focus_area"
    )
    paginator = StandardPagination()
    page = paginator.paginate_queryset(found, request)
    return paginator.get_paginated_response(GoalSerializer(page, many=True).data)
