"""``/api/v1/audit/...``: the two logs for the organisation's administrators."""

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import exceptions, serializers
from rest_framework.decorators import api_view
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response

from tuuma.audit.forms import AccessFilterForm, LogFilterForm
from tuuma.audit.models import AccessLogEntry, AuditEntry
from tuuma.organisation.access import Access, check
from tuuma.organisation.permissions import NotSignedIn

TAGS = ["audit"]


# tuuma.api sits on a floor above audit, so the few lines of its @api_requires,
# pagination and page_of that these two lists need are repeated here.
def _api_requires(permission: str) -> Callable:
    access = Access(permission)

    def decorator(func: Callable) -> Callable:
        @wraps(func)
        def wrapper(request, *args, **kwargs):
            try:
                check(request, access, kwargs)
            except NotSignedIn:
                raise exceptions.NotAuthenticated from None
            except PermissionDenied:
                raise exceptions.PermissionDenied from None
            return func(request, *args, **kwargs)

        wrapper.access = access
        wrapper.permission_classes = [
            type("Declared", (BasePermission,), {"access": access})
        ]
        return wrapper

    return decorator


class _Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


def _page_of(serializer: type[serializers.Serializer]) -> serializers.Serializer:
    return inline_serializer(
        name=f"Paginated{serializer.__name__.removesuffix('Serializer')}List",
        fields={
            "count": serializers.IntegerField(),
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "results": serializer(many=True),
        },
    )


class AuditEntrySerializer(serializers.ModelSerializer):
    actor = serializers.StringRelatedField(allow_null=True)
    actor_id = serializers.IntegerField(allow_null=True)

    class Meta:
        model = AuditEntry
        fields = [
            "id",
            "at",
            "actor",
            "actor_id",
            "action",
            "target_type",
            "target_id",
            "target_label",
            "details",
        ]


class AccessLogEntrySerializer(serializers.ModelSerializer):
    viewer = serializers.StringRelatedField(allow_null=True)
    viewer_id = serializers.IntegerField(allow_null=True)
    subject = serializers.StringRelatedField()
    subject_id = serializers.IntegerField()

    class Meta:
        model = AccessLogEntry
        fields = [
            "id",
            "at",
            "viewer",
            "viewer_id",
            "subject",
            "subject_id",
            "what",
            "path",
            "view_name",
            "method",
        ]


def _filter_parameters(action_help: str) -> list[OpenApiParameter]:
    return [
        OpenApiParameter("person", int, description="A person's id"),
        OpenApiParameter("action", str, description=action_help),
        OpenApiParameter("since", str, description="First day (YYYY-MM-DD)"),
        OpenApiParameter("until", str, description="Last day (YYYY-MM-DD)"),
        OpenApiParameter("page", int),
        OpenApiParameter("page_size", int, description="1 to 200"),
    ]


def _listing(request: Request, entries, form_class, serializer_class) -> Response:
    form = form_class(request.query_params or None, organisation=request.organisation)
    if form.is_bound and not form.is_valid():
        raise serializers.ValidationError(
            {name: list(messages) for name, messages in form.errors.items()}
        )
    entries = form.apply(entries.filter(organisation=request.organisation))
    paginator = _Pagination()
    page = paginator.paginate_queryset(entries, request)
    return paginator.get_paginated_response(serializer_class(page, many=True).data)


@extend_schema(
    operation_id="audit_entries_list",
    summary="The audit log of administrative acts, newest first",
    parameters=_filter_parameters("Part of the action name"),
    responses={200: _page_of(AuditEntrySerializer)},
    tags=TAGS,
)
@api_view(["GET"])
@_api_requires("audit.view_log")
def audit_entries(request: Request) -> Response:
    entries = AuditEntry.objects.select_related("actor")
    return _listing(request, entries, LogFilterForm, AuditEntrySerializer)


@extend_schema(
    operation_id="audit_accesses_list",
    summary="The personal-data access log, newest first",
    parameters=_filter_parameters("Part of what was viewed"),
    responses={200: _page_of(AccessLogEntrySerializer)},
    tags=TAGS,
)
@api_view(["GET"])
@_api_requires("audit.view_log")
def access_entries(request: Request) -> Response:
    entries = AccessLogEntry.objects.select_related("viewer", "subject")
    return _listing(request, entries, AccessFilterForm, AccessLogEntrySerializer)
