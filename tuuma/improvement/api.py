"""``/api/v1/improvement/…``: A3s and their causes, Kano surveys, answers and
results, and the priority list, through the same actions as the pages."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tuuma.api.access import api_requires
from tuuma.api.pagination import StandardPagination
from tuuma.api.schema import page_of
from tuuma.ideas.models import Idea
from tuuma.improvement import a3_actions, priority_actions, survey_actions
from tuuma.improvement.errors import ImprovementError
from tuuma.improvement.models import A3, Cause, KanoSurvey, Segment
from tuuma.organisation.permissions import require
from tuuma.programme.models import Measure

AREA_ID = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
TAGS = ["improvement"]
PAGE = [OpenApiParameter("page", int), OpenApiParameter("page_size", int)]


def _page(request: Request, queryset, serializer) -> Response:
    paginator = StandardPagination()
    page = paginator.paginate_queryset(queryset, request)
    return paginator.get_paginated_response(serializer(page, many=True).data)


def _refused(error: ImprovementError) -> Response:
    return Response({"detail": str(error)}, status=status.HTTP_400_BAD_REQUEST)


class CauseSerializer(serializers.ModelSerializer):
    class Meta:
        model = Cause
        fields = [
            "id",
            "parent",
            "text",
            "category",
            "evidence_text",
            "evidence_idea",
            "evidence_caselog",
            "evidence_feature",
            "verified",
            "is_root",
            "idea",
            "measure",
        ]
        read_only_fields = ["id", "idea", "measure"]


class A3Serializer(serializers.ModelSerializer):
    class Meta:
        model = A3
        fields = [
            "id",
            "title",
            "problem",
            "process_step",
            "service_area",
            "owner",
            "background",
            "current_state",
            "goal",
            "plan",
            "follow_up",
            "fishbone_set",
            "implemented_on",
        ]


class A3DetailSerializer(A3Serializer):
    causes = CauseSerializer(many=True, read_only=True)

    class Meta(A3Serializer.Meta):
        fields = [*A3Serializer.Meta.fields, "causes"]


@extend_schema(
    operation_id="improvement_a3_list",
    summary="A3 problem-solving sheets",
    parameters=PAGE,
    responses={200: page_of(A3Serializer)},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("improvement.view")
def a3_list(request: Request) -> Response:
    return _page(
        request, A3.objects.filter(organisation=request.organisation), A3Serializer
    )


@extend_schema(
    operation_id="improvement_a3_detail",
    summary="One A3 with its causes",
    responses={200: A3DetailSerializer},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("improvement.view", load=A3)
def a3_detail(request: Request, a3: A3) -> Response:
    return Response(A3DetailSerializer(a3).data)


@extend_schema(
    operation_id="improvement_a3_cause_add",
    summary="Add a cause (a why) to an A3",
    request=CauseSerializer,
    responses={201: CauseSerializer},
    tags=TAGS,
)
@api_view(["POST"])
@api_requires("improvement.edit_a3", load=A3)
def a3_causes(request: Request, a3: A3) -> Response:
    serializer = CauseSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    data = dict(serializer.validated_data)
    for key in ("parent", "evidence_idea", "evidence_caselog", "evidence_feature"):
        target = data.get(key)
        if target is not None and target.organisation_id != request.organisation.pk:
            return Response({key: ["Not found."]}, status=status.HTTP_400_BAD_REQUEST)
    try:
        cause = a3_actions.cause_add(a3=a3, by=request.user, **data)
    except ImprovementError as error:
        return _refused(error)
    return Response(CauseSerializer(cause).data, status=status.HTTP_201_CREATED)


class SurveySerializer(serializers.ModelSerializer):
    features = serializers.SerializerMethodField()

    class Meta:
        model = KanoSurvey
        fields = [
            "id",
            "title",
            "status",
            "audience",
            "allow_anonymous",
            "ask_importance",
            "service_area",
            "features",
        ]

    def get_features(self, survey) -> list[dict[str, str | int]]:
        return [{"id": f.pk, "name": f.name} for f in survey.features.all()]


@extend_schema(
    operation_id="improvement_kano_survey_list",
    summary="Kano surveys",
    parameters=PAGE,
    responses={200: page_of(SurveySerializer)},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("improvement.view")
def survey_list(request: Request) -> Response:
    surveys = KanoSurvey.objects.filter(organisation=request.organisation)
    return _page(request, surveys, SurveySerializer)


ResultSerializer = inline_serializer(
    name="KanoFeatureResult",
    fields={
        "feature": serializers.IntegerField(),
        "name": serializers.CharField(),
        "counts": serializers.DictField(child=serializers.IntegerField()),
        "n": serializers.IntegerField(),
        "mode": serializers.CharField(allow_null=True),
        "tie_rule_applied": serializers.BooleanField(),
        "fong_significant": serializers.BooleanField(allow_null=True),
        "total_strength": serializers.FloatField(allow_null=True),
        "category_strength": serializers.FloatField(allow_null=True),
        "cs_plus": serializers.FloatField(allow_null=True),
        "cs_minus": serializers.FloatField(allow_null=True),
        "f_mean": serializers.FloatField(allow_null=True),
        "d_mean": serializers.FloatField(allow_null=True),
        "f_sd": serializers.FloatField(allow_null=True),
        "d_sd": serializers.FloatField(allow_null=True),
        "importance_mean": serializers.FloatField(allow_null=True),
        "flag_questionable": serializers.BooleanField(),
        "flag_reverse": serializers.BooleanField(),
    },
    many=True,
)
RESULT_KEYS = [
    name for name in ResultSerializer.child.fields if name not in ("feature", "name")
]


@extend_schema(
    operation_id="improvement_kano_results",
    summary="Kano results per feature, for everyone or one segment",
    parameters=[OpenApiParameter("segment", str, enum=Segment.values)],
    responses={200: ResultSerializer},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("improvement.view", load=KanoSurvey)
def survey_results(request: Request, survey: KanoSurvey) -> Response:
    segment = request.query_params.get("segment", "")
    if segment and segment not in Segment.values:
        return Response(
            {"segment": ["Unknown segment."]}, status=status.HTTP_400_BAD_REQUEST
        )
    rows = []
    for item in survey_actions.survey_results(survey, segment=segment):
        values = item.result.as_dict()
        rows.append(
            {
                "feature": item.feature.pk,
                "name": item.feature.name,
                **{k: values[k] for k in RESULT_KEYS},
            }
        )
    return Response(rows)


class FeatureAnswerSerializer(serializers.Serializer):
    feature = serializers.IntegerField()
    functional = serializers.IntegerField(min_value=1, max_value=5)
    dysfunctional = serializers.IntegerField(min_value=1, max_value=5)
    importance = serializers.IntegerField(
        min_value=1, max_value=9, required=False, allow_null=True
    )


class AnswerSerializer(serializers.Serializer):
    answers = FeatureAnswerSerializer(many=True)


@extend_schema(
    operation_id="improvement_kano_answer",
    summary="Answer a Kano survey once",
    request=AnswerSerializer,
    responses={
        201: inline_serializer("KanoAnswered", {"response": serializers.IntegerField()})
    },
    tags=TAGS,
)
@api_view(["POST"])
@api_requires("improvement.answer_survey", load=KanoSurvey)
def survey_answer(request: Request, survey: KanoSurvey) -> Response:
    serializer = AnswerSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    answers = {
        a["feature"]: (a["functional"], a["dysfunctional"], a.get("importance"))
        for a in serializer.validated_data["answers"]
    }
    try:
        response = survey_actions.survey_answer(
            survey=survey,
            user=request.user if request.user.is_authenticated else None,
            browser_token="",
            answers=answers,
        )
    except ImprovementError as error:
        return _refused(error)
    return Response({"response": response.pk}, status=status.HTTP_201_CREATED)


class RankedSerializer(serializers.Serializer):
    rank = serializers.IntegerField()
    kind = serializers.CharField()
    target_id = serializers.IntegerField()
    title = serializers.CharField()
    impact = serializers.IntegerField()
    effort = serializers.IntegerField()
    score = serializers.FloatField()
    quadrant = serializers.CharField()
    impact_reason = serializers.CharField()
    effort_reason = serializers.CharField()
    grounds = serializers.DictField()


@extend_schema(
    operation_id="improvement_priority_list",
    summary="The priority list, best first (impact/effort, weighted)",
    parameters=[OpenApiParameter("area", int)],
    responses={200: RankedSerializer(many=True)},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("improvement.view")
def priority_list(request: Request) -> Response:
    area = request.query_params.get("area")
    if area:
        try:  # a database id: a whole number the database can hold
            area = AREA_ID.run_validation(area)
        except serializers.ValidationError as error:
            raise serializers.ValidationError({"area": error.detail}) from None
    items = priority_actions.ranking(
        request.organisation, area_ids=[area] if area else None
    )
    return Response(RankedSerializer(items, many=True).data)


class ScoreSerializer(serializers.Serializer):
    idea = serializers.IntegerField(required=False)
    measure = serializers.IntegerField(required=False)
    impact = serializers.IntegerField(min_value=1, max_value=5)
    effort = serializers.IntegerField(min_value=1, max_value=5)
    impact_reason = serializers.CharField()
    effort_reason = serializers.CharField()


@extend_schema(
    operation_id="improvement_priority_score",
    summary="Score an idea or a measure for impact and effort",
    request=ScoreSerializer,
    responses={201: RankedSerializer},
    tags=TAGS,
)
@api_view(["POST"])
@api_requires("improvement.score")
def priority_score(request: Request) -> Response:
    serializer = ScoreSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    data = dict(serializer.validated_data)
    idea_id, measure_id = data.pop("idea", None), data.pop("measure", None)
    if (idea_id is None) == (measure_id is None):
        return Response(
            {"detail": "Give an idea or a measure."}, status=status.HTTP_400_BAD_REQUEST
        )
    if idea_id is not None:
        target = get_object_or_404(
            Idea.objects.visible_to(request.user, request.organisation), pk=idea_id
        )
    else:
        target = get_object_or_404(
            Measure.objects.filter(organisation=request.organisation), pk=measure_id
        )
    require(request, "improvement.score", target)
    try:
        score = priority_actions.item_score(target=target, by=request.user, **data)
    except ImprovementError as error:
        return _refused(error)
    ranked = next(
        i
        for i in priority_actions.ranking(request.organisation)
        if i.score_id == score.pk
    )
    return Response(RankedSerializer(ranked).data, status=status.HTTP_201_CREATED)
