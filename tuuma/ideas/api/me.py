"""``/api/v1/me/…``: the signed-in person's work list, notifications and e-mail
choices. Here because the API layer stands above ``web`` (the work list) and
``jobs`` (notifications), which cannot offer endpoints themselves."""

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tuuma.api.access import api_requires
from tuuma.api.pagination import StandardPagination
from tuuma.api.schema import page_of
from tuuma.jobs.models import Delivery, Notification
from tuuma.jobs.notifications import OTHER, notification_kinds, set_delivery
from tuuma.web.my_work import my_work

TAGS = ["me"]


class WorkItemSerializer(serializers.Serializer):
    kind = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField()
    urgency = serializers.ChoiceField(
        choices=["overdue", "due_soon", "to_do", "for_information"]
    )
    detail = serializers.CharField()
    due = serializers.DateField(allow_null=True)


class NotificationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Notification
        fields = ["id", "kind", "subject", "url", "created_at", "read_at"]


class MarkReadSerializer(serializers.Serializer):
    ids = serializers.ListField(
        child=serializers.IntegerField(), required=False, help_text="Empty: all."
    )


class PreferenceSerializer(serializers.Serializer):
    kind = serializers.CharField()
    label = serializers.CharField(read_only=True)
    delivery = serializers.ChoiceField(choices=Delivery.choices)


@extend_schema(
    operation_id="me_work",
    summary="What is mine to do, the most urgent first",
    responses={200: WorkItemSerializer(many=True)},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("web.my_work")
def work(request: Request) -> Response:
    items = [
        {
            "kind": item.kind,
            "title": item.title,
            "url": item.url,
            "urgency": item.urgency.name.lower(),
            "detail": item.detail,
            "due": item.due,
        }
        for item in my_work(request)
    ]
    return Response(WorkItemSerializer(items, many=True).data)


@extend_schema(
    operation_id="me_notifications",
    summary="My notifications, the newest first",
    responses={200: page_of(NotificationSerializer)},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("jobs.notifications")
def notifications(request: Request) -> Response:
    mine = Notification.objects.filter(
        user=request.user, organisation=request.organisation
    )
    paginator = StandardPagination()
    page = paginator.paginate_queryset(mine, request)
    return paginator.get_paginated_response(
        NotificationSerializer(page, many=True).data
    )


@extend_schema(
    operation_id="me_notifications_read",
    summary="Mark my notifications read (the ones named, or all)",
    request=MarkReadSerializer,
    responses={
        200: inline_serializer("MarkedRead", {"marked": serializers.IntegerField()})
    },
    tags=TAGS,
)
@api_view(["POST"])
@api_requires("jobs.notifications")
def notifications_read(request: Request) -> Response:
    serializer = MarkReadSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    unread = Notification.objects.filter(
        user=request.user, organisation=request.organisation, read_at__isnull=True
    )
    if serializer.validated_data.get("ids"):
        unread = unread.filter(pk__in=serializer.validated_data["ids"])
    return Response({"marked": unread.update(read_at=timezone.now())})


def _preferences(user) -> list[dict]:
    chosen = dict(user.notification_preferences.values_list("kind", "delivery"))
    kinds = {**notification_kinds(), OTHER: _("Other messages")}
    return [
        {
            "kind": kind,
            "label": str(label),
            "delivery": chosen.get(kind, Delivery.IMMEDIATELY),
        }
        for kind, label in kinds.items()
    ]


@extend_schema(
    operation_id="me_notification_preferences",
    summary="How each kind of event is e-mailed to me",
    responses={200: PreferenceSerializer(many=True)},
    tags=TAGS,
    methods=["GET"],
)
@extend_schema(
    operation_id="me_notification_preferences_update",
    summary="Choose how kinds of event are e-mailed to me",
    request=PreferenceSerializer(many=True),
    responses={200: PreferenceSerializer(many=True)},
    tags=TAGS,
    methods=["PUT"],
)
@api_view(["GET", "PUT"])
@api_requires("jobs.notifications")
def notification_preferences(request: Request) -> Response:
    if request.method == "PUT":
        serializer = PreferenceSerializer(data=request.data, many=True)
        serializer.is_valid(raise_exception=True)
        known = {**notification_kinds(), OTHER: ""}
        unknown = [
            c["kind"] for c in serializer.validated_data if c["kind"] not in known
        ]
        if unknown:
            message = _("Unknown kind of event: %(kind)s") % {"kind": unknown[0]}
            raise serializers.ValidationError({"kind": [message]})
        for choice in serializer.validated_data:
            set_delivery(
                user=request.user, kind=choice["kind"], delivery=choice["delivery"]
            )
    return Response(PreferenceSerializer(_preferences(request.user), many=True).data)
