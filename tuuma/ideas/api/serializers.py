"""What the ideas API reads and writes. The public sees public fields only;
staff who may triage an idea also get the triage fields and the written but
unpublished answer (``IdeaStaffSerializer``).
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tuuma.api.schema import wider_than
from tuuma.ideas.forms import BODY_MAX, COMMENT_MAX, clean_body_text, clean_title_text
from tuuma.ideas.models import Comment, Idea, IdeaKind, IdeaOutcome, IdeaStatus
from tuuma.organisation.models import ServiceArea
from tuuma.organisation.permissions import can


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


# The declared published_at's conversion (ISO 8601 in the current time zone),
# without building the serializer's fields for every request.
_DATETIME_FIELD = serializers.DateTimeField()


def _datetime(value) -> str | None:
    return None if value is None else _DATETIME_FIELD.to_representation(value)


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

    def to_representation(self, idea: Idea) -> dict:
        """The declared fields, read straight from the idea: DRF's walk over each
        field (source lookup, None checks, conversion) cost more per row than the
        query on a page of fifty. The schema still comes from the declarations, and
        a test holds both paths to the same answer."""
        return {
            "id": idea.pk,
            "url": self.get_url(idea),
            "kind": str(idea.kind),
            "title": str(idea.title),
            "body": str(idea.body),
            "author_name": self.get_author_name(idea),
            "service_area": idea.service_area_id,
            "location_name": str(idea.location_name),
            "status": str(idea.status),
            "outcome": str(idea.public_outcome),
            "is_staff_only": bool(idea.is_staff_only),
            "support_count": int(idea.support_count),
            "published_at": _datetime(idea.published_at),
            "merged_into": idea.merged_into_id,
            "answer": self.get_answer(idea),
        }

    def get_url(self, idea: Idea) -> str:
        # One reverse() per serializer, not per row: the path around the id.
        if not hasattr(self, "_url_around_id"):
            marker = "2147483647"
            path = self.context["request"].organisation.absolute_url(
                reverse("ideas:detail", args=[int(marker)])
            )
            self._url_around_id = path.rsplit(marker, 1)
        before, after = self._url_around_id
        return f"{before}{idea.pk}{after}"

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

    def to_representation(self, idea: Idea) -> dict:
        def number(value: int | None) -> int | None:
            return None if value is None else int(value)

        return {
            **super().to_representation(idea),
            "responsible": idea.responsible_id,
            "impact_score": number(idea.impact_score),
            "effort_score": number(idea.effort_score),
            "is_hidden": bool(idea.is_hidden),
            "hidden_reason": str(idea.hidden_reason),
            "prepared_answer": self.get_prepared_answer(idea),
        }

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
                {"kind": _("Only staff can submit staff-only initiatives.")}
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
