"""``/api/v1/budgeting/advisory-votes``: advisory votes on matters, one's own
answer and, once closed, the result. The actions of ``advisory.py`` do the work;
a refusal (closed, not eligible, a bad choice) is a 400 with the reason.
"""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tuuma.api.access import api_requires
from tuuma.api.schema import page_of
from tuuma.budgeting import advisory
from tuuma.budgeting.api import PAGING, TAGS, page
from tuuma.budgeting.choices import AdvisoryStatus
from tuuma.budgeting.errors import BudgetingError
from tuuma.budgeting.models import AdvisoryOption, AdvisoryVote
from tuuma.organisation.access import visible_objects


class AdvisoryOptionSerializer(serializers.ModelSerializer):
    class Meta:
        model = AdvisoryOption
        fields = ["id", "text"]


class AdvisoryVoteSerializer(serializers.ModelSerializer):
    # Plain strings: values in docs/budgeting.md (enum names would collide).
    kind = serializers.CharField(read_only=True)
    status = serializers.CharField(read_only=True)
    identity = serializers.CharField(read_only=True)
    options = AdvisoryOptionSerializer(many=True, read_only=True)

    class Meta:
        model = AdvisoryVote
        fields = [
            "id",
            "matter",
            "question",
            "description",
            "kind",
            "status",
            "identity",
            "min_age",
            "residents_only",
            "opens_on",
            "closes_on",
            "closed_at",
            "options",
        ]
        extra_kwargs = {"closed_at": {"allow_null": True}}


class AdvisoryChoiceSerializer(serializers.Serializer):
    option = serializers.IntegerField()
    rank = serializers.IntegerField(required=False, allow_null=True, min_value=1)


class AdvisoryAnswerSerializer(serializers.Serializer):
    choices = AdvisoryChoiceSerializer(many=True, max_length=100)
    age = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=150
    )
    resident = serializers.BooleanField(required=False, default=False)


class OwnAdvisoryAnswerSerializer(serializers.Serializer):
    answered = serializers.BooleanField()
    choices = AdvisoryChoiceSerializer(many=True)


class AdvisoryOptionResultSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    text = serializers.CharField()
    votes = serializers.IntegerField()
    first = serializers.IntegerField()
    points = serializers.IntegerField()


class AdvisoryResultSerializer(serializers.Serializer):
    published = serializers.BooleanField()
    answers = serializers.IntegerField(allow_null=True)
    options = AdvisoryOptionResultSerializer(many=True)


@extend_schema(
    operation_id="budgeting_advisory_votes_list",
    summary="Advisory votes on matters",
    parameters=PAGING,
    responses={200: page_of(AdvisoryVoteSerializer)},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("budgeting.view")
def advisory_votes(request: Request) -> Response:
    found = visible_objects(request, AdvisoryVote).prefetch_related("options")
    return page(request, found, AdvisoryVoteSerializer)


@extend_schema(
    operation_id="budgeting_advisory_votes_retrieve",
    summary="One advisory vote with its options",
    responses={200: AdvisoryVoteSerializer},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("budgeting.view", load=AdvisoryVote)
def advisory_vote(request: Request, vote: AdvisoryVote) -> Response:
    return Response(AdvisoryVoteSerializer(vote).data)


def _own(vote: AdvisoryVote, user) -> dict:
    own = advisory.own_answer(vote, user)
    choices = [{"option": pk, "rank": rank} for pk, rank in (own or {}).items()]
    return {"answered": own is not None, "choices": choices}


@extend_schema(
    methods=["GET"],
    operation_id="budgeting_advisory_answer_own",
    summary="Your answer while the advisory vote is open",
    responses={200: OwnAdvisoryAnswerSerializer},
    tags=TAGS,
)
@extend_schema(
    methods=["POST"],
    operation_id="budgeting_advisory_answer_cast",
    summary="Answer an advisory vote or change your answer",
    request=AdvisoryAnswerSerializer,
    responses={200: OwnAdvisoryAnswerSerializer},
    tags=TAGS,
)
@api_view(["GET", "POST"])
@api_requires("budgeting.take_part", load=AdvisoryVote)
def advisory_answer(request: Request, vote: AdvisoryVote) -> Response:
    if request.method == "POST":
        given = AdvisoryAnswerSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        choices = {c["option"]: c.get("rank") for c in data["choices"]}
        try:
            advisory.advisory_answer(
                vote=vote,
                by=request.user,
                choices=choices,
                age=data.get("age"),
                is_resident=data["resident"],
            )
        except BudgetingError as error:
            raise ValidationError({"detail": str(error)}) from error
    return Response(_own(vote, request.user))


@extend_schema(
    operation_id="budgeting_advisory_results_retrieve",
    summary="The result of an advisory vote, once it is closed",
    responses={200: AdvisoryResultSerializer},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("budgeting.view", load=AdvisoryVote)
def advisory_result(request: Request, vote: AdvisoryVote) -> Response:
    if vote.status != AdvisoryStatus.CLOSED:
        return Response({"published": False, "answers": None, "options": []})
    return Response({"published": True, **advisory.advisory_results(vote)})
