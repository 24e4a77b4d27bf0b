"""``/api/v1/budgeting``: rounds, proposals, one's own ballot and the results.

The same actions as the pages do the work; a refusal of the domain (closed
vote, over the budget, not eligible) is a 400 with the translated reason.
"""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    inline_serializer,
)
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tuuma.api.access import api_requires
from tuuma.api.pagination import StandardPagination
from tuuma.api.schema import page_of
from tuuma.budgeting import actions, results, voting
from tuuma.budgeting.errors import BudgetingError
from tuuma.budgeting.models import Area, Proposal, ProposalImage, ResultRow, Round
from tuuma.organisation.access import visible_objects

TAGS = ["budgeting"]


class AreaSerializer(serializers.ModelSerializer):
    class Meta:
        model = Area
        fields = ["id", "name", "budget"]


class RoundSerializer(serializers.ModelSerializer):
    # Plain strings: the values are listed in docs/budgeting.md, and shared enum
    # names would collide with other apps' "phase" and "kind".
    phase = serializers.CharField(read_only=True)
    ballot_kind = serializers.CharField(read_only=True)
    result_rule = serializers.CharField(read_only=True)
    identity = serializers.CharField(read_only=True)
    areas = AreaSerializer(many=True, read_only=True)

    class Meta:
        model = Round
        fields = [
            "id",
            "title",
            "description",
            "total_budget",
            "phase",
            "ballot_kind",
            "result_rule",
            "min_age",
            "residents_only",
            "identity",
            "proposals_from",
            "cocreation_from",
            "estimation_from",
            "voting_from",
            "voting_until",
            "implementation_from",
            "results_published_at",
            "areas",
        ]


class ProposalImageSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = ProposalImage
        fields = ["id", "url", "alt_text", "content_type"]

    @extend_schema_field(serializers.CharField())
    def get_url(self, image: ProposalImage) -> str:
        return reverse("budgeting:proposal-image", args=[image.pk])


class ProposalSerializer(serializers.ModelSerializer):
    feasibility = serializers.CharField(read_only=True)
    supporters = serializers.IntegerField(source="supports.count", read_only=True)
    latitude = serializers.FloatField(read_only=True, allow_null=True)
    longitude = serializers.FloatField(read_only=True, allow_null=True)
    images = ProposalImageSerializer(many=True, read_only=True)

    class Meta:
        model = Proposal
        fields = [
            "id",
            "area",
            "title",
            "description",
            "location",
            "latitude",
            "longitude",
            "images",
            "cost",
            "feasibility",
            "feasibility_reason",
            "merged_into",
            "measure",
            "supporters",
        ]


class ProposalCreateSerializer(serializers.Serializer):
    """A proposal sent through the API; images are added on the page."""

    area = serializers.IntegerField()
    title = serializers.CharField(max_length=200)
    description = serializers.CharField()
    location = serializers.CharField(max_length=200, required=False, default="")
    latitude = serializers.DecimalField(
        max_digits=12, decimal_places=8, required=False, allow_null=True
    )
    longitude = serializers.DecimalField(
        max_digits=12, decimal_places=8, required=False, allow_null=True
    )


class BallotSerializer(serializers.Serializer):
    area = serializers.IntegerField()
    proposals = serializers.ListField(child=serializers.IntegerField(), max_length=500)
    age = serializers.IntegerField(required=False, allow_null=True, min_value=0)
    resident = serializers.BooleanField(required=False, default=False)


class OwnBallotSerializer(serializers.Serializer):
    area = serializers.IntegerField()
    voted = serializers.BooleanField()
    proposals = serializers.ListField(child=serializers.IntegerField(), allow_null=True)


class ResultRowSerializer(serializers.ModelSerializer):
    equal_shares_stage = serializers.CharField(read_only=True)

    class Meta:
        model = ResultRow
        fields = [
            "area",
            "proposal",
            "votes",
            "greedy_selected",
            "equal_shares_stage",
            "is_winner",
        ]


def page(request: Request, found, serializer) -> Response:
    paginator = StandardPagination()
    page = paginator.paginate_queryset(found, request)
    return paginator.get_paginated_response(serializer(page, many=True).data)


PAGING = [OpenApiParameter("page", int), OpenApiParameter("page_size", int)]


@extend_schema(
    operation_id="budgeting_rounds_list",
    summary="Participatory budgeting rounds",
    parameters=PAGING,
    responses={200: page_of(RoundSerializer)},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("budgeting.view")
def rounds(request: Request) -> Response:
    found = visible_objects(request, Round).prefetch_related("areas")
    return page(request, found, RoundSerializer)


@extend_schema(
    operation_id="budgeting_rounds_retrieve",
    summary="One round with its areas and phase dates",
    responses={200: RoundSerializer},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("budgeting.view", load=Round)
def round_detail(request: Request, budget_round: Round) -> Response:
    return Response(RoundSerializer(budget_round).data)


@extend_schema(
    methods=["GET"],
    operation_id="budgeting_proposals_list",
    summary="A round's proposals, rejected and merged ones included",
    parameters=PAGING,
    responses={200: page_of(ProposalSerializer)},
    tags=TAGS,
)
@extend_schema(
    methods=["POST"],
    operation_id="budgeting_proposals_create",
    summary="Make a proposal with its place (while the round takes proposals)",
    request=ProposalCreateSerializer,
    responses={201: ProposalSerializer},
    tags=TAGS,
)
@api_view(["GET", "POST"])
@api_requires({"GET": "budgeting.view", "POST": "budgeting.take_part"}, load=Round)
def proposals(request: Request, budget_round: Round) -> Response:
    if request.method == "POST":
        return _proposal_create(request, budget_round)
    found = budget_round.proposals.order_by("pk").prefetch_related("images")
    return page(request, found, ProposalSerializer)


def _area(budget_round: Round, value) -> Area:
    if not str(value or "").isdigit():
        raise ValidationError({"area": "Give one of the round's area ids."})
    return get_object_or_404(budget_round.areas, pk=value)


def _proposal_create(request: Request, budget_round: Round) -> Response:
    given = ProposalCreateSerializer(data=request.data)
    given.is_valid(raise_exception=True)
    data = given.validated_data
    area = budget_round.areas.filter(pk=data["area"]).first()
    if area is None:
        raise ValidationError({"area": "Give one of the round's area ids."})
    try:
        proposal = actions.proposal_submit(
            budget_round=budget_round,
            area=area,
            by=request.user,
            title=data["title"],
            description=data["description"],
            location=data["location"],
            latitude=data.get("latitude"),
            longitude=data.get("longitude"),
        )
    except BudgetingError as error:
        raise ValidationError({"detail": str(error)}) from error
    return Response(ProposalSerializer(proposal).data, status=201)


@extend_schema(
    methods=["GET"],
    operation_id="budgeting_ballot_own",
    summary="Your ballot in an area while the vote is open",
    parameters=[OpenApiParameter("area", int, required=True)],
    responses={200: OwnBallotSerializer},
    tags=TAGS,
)
@extend_schema(
    methods=["POST"],
    operation_id="budgeting_ballot_cast",
    summary="Cast or replace your ballot in an area",
    request=BallotSerializer,
    responses={200: OwnBallotSerializer},
    tags=TAGS,
)
@api_view(["GET", "POST"])
@api_requires("budgeting.take_part", load=Round)
def ballot(request: Request, budget_round: Round) -> Response:
    if request.method == "GET":
        area = _area(budget_round, request.query_params.get("area"))
    else:
        given = BallotSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        area = _area(budget_round, data["area"])
        try:
            voting.ballot_cast(
                area=area,
                by=request.user,
                proposal_ids=data["proposals"],
                age=data.get("age"),
                is_resident=data["resident"],
            )
        except BudgetingError as error:
            raise ValidationError({"detail": str(error)}) from error
    chosen = voting.own_ballot(area, request.user)
    voted = voting.has_voted(area, request.user)
    return Response({"area": area.pk, "voted": voted, "proposals": chosen})


@extend_schema(
    operation_id="budgeting_results_retrieve",
    summary="The published count under both rules, and the anonymised ballots",
    responses={
        200: inline_serializer(
            "BudgetingResults",
            {
                "published": serializers.BooleanField(),
                "rows": ResultRowSerializer(many=True),
                "export": serializers.DictField(allow_null=True),
            },
        )
    },
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("budgeting.view", load=Round)
def round_results(request: Request, budget_round: Round) -> Response:
    if not budget_round.results_published:
        return Response({"published": False, "rows": [], "export": None})
    rows = ResultRow.objects.filter(area__round=budget_round)
    return Response(
        {
            "published": True,
            "rows": ResultRowSerializer(rows, many=True).data,
            "export": results.export(budget_round),
        }
    )
