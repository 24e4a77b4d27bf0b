"""``/api/v1/audit/...``: the two logs for the organisation's administrators."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tuuma.audit.forms import AccessFilterForm, LogFilterForm
from tuuma.audit.models import AccessLogEntry, AuditEntry
from tuuma.organisation.api_support import StandardPagination, api_requires, page_of

TAGS = ["audit"]


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
    paginator = StandardPagination()
    page = paginator.paginate_queryset(entries, request)
    return paginator.get_paginated_response(serializer_class(page, many=True).data)


@extend_schema(
    operation_id="audit_entries_list",
    summary="The audit log of administrative acts, newest first",
    parameters=_filter_parameters("Part of the action name"),
    responses={200: page_of(AuditEntrySerializer)},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("audit.view_log")
def audit_entries(request: Request) -> Response:
    entries = AuditEntry.objects.select_related("actor")
    return _listing(request, entries, LogFilterForm, AuditEntrySerializer)


@extend_schema(
    operation_id="audit_accesses_list",
    summary="The personal-data access log, newest first",
    parameters=_filter_parameters("Part of what was viewed"),
    responses={200: page_of(AccessLogEntrySerializer)},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("audit.view_log")
def access_entries(request: Request) -> Response:
    entries = AccessLogEntry.objects.select_related("viewer", "subject")
    return _listing(request, entries, AccessFilterForm, AccessLogEntrySerializer)
