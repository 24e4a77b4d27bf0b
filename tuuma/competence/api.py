"""``/api/v1/competence``: tasks, coverage figures, own levels, absences, needs.

The pages' privacy applies: coverage has no names, levels only one's own (and a
supervisor's team through ``?person=``), another organisation's unit is a 404.
"""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from tuuma.api.access import api_requires
from tuuma.api.pagination import StandardPagination
from tuuma.api.schema import page_of
from tuuma.competence import engine
from tuuma.competence.models import AbsencePlan, Level, Task, TrainingNeed
from tuuma.competence.queries import unit_matrix
from tuuma.competence.visibility import record_view, scope_for
from tuuma.organisation.models import Unit

TAGS = ["competence"]
PAGING = [OpenApiParameter("page", int), OpenApiParameter("page_size", int)]


class CompetenceTaskSerializer(serializers.ModelSerializer):
    class Meta:
        model = Task
        fields = [
            "id",
            "unit",
            "name",
            "description",
            "required_level",
            "headcount",
            "critical",
            "process_ref",
            "case_types",
            "annual_cases",
            "median_handling_hours",
        ]


class CompetenceTaskCoverageSerializer(serializers.Serializer):
    task = serializers.IntegerField()
    qualified = serializers.IntegerField()
    headcount = serializers.IntegerField()
    status = serializers.ChoiceField(choices=[s.value for s in engine.TaskStatus])
    risk = serializers.FloatField(allow_null=True)


class UnitCoverageSerializer(serializers.Serializer):
    unit = serializers.IntegerField()
    shown = serializers.BooleanField(
        help_text="False when the caller sees no figures of the unit (not a "
        "supervisor or manager there, or fewer than 5 people): the counts are null."
    )
    people = serializers.IntegerField(allow_null=True)
    uncovered = serializers.IntegerField(allow_null=True)
    single_points_of_failure = serializers.IntegerField(allow_null=True)
    below_headcount = serializers.IntegerField(allow_null=True)
    bus_factor = serializers.IntegerField(allow_null=True)
    tasks = CompetenceTaskCoverageSerializer(many=True)


class CompetenceLevelSerializer(serializers.ModelSerializer):
    class Meta:
        model = Level
        fields = ["task", "person", "level", "approved_at"]


class PlannedAbsenceSerializer(serializers.Serializer):
    plan = serializers.IntegerField()
    plan_name = serializers.CharField()
    start = serializers.DateField()
    end = serializers.DateField()
    kind = serializers.CharField()


class TrainingNeedSerializer(serializers.ModelSerializer):
    class Meta:
        model = TrainingNeed
        fields = ["id", "task", "from_level", "to_level", "reason", "status", "due"]


LEVEL_PAGE = page_of(CompetenceLevelSerializer)


def page(request: Request, rows, serializer, row=None) -> Response:
    """One page of ``rows`` (``row`` turns each into the serializer's input);
    the response keeps the page's objects in ``page_rows`` for the access log."""
    paginator = StandardPagination()
    objects = paginator.paginate_queryset(rows, request) or []
    data = [row(o) for o in objects] if row else objects
    response = paginator.get_paginated_response(serializer(data, many=True).data)
    response.page_rows = objects
    return response


@extend_schema(
    operation_id="competence_unit_tasks",
    summary="Tasks of a unit with their required level and headcount",
    parameters=PAGING,
    responses={200: page_of(CompetenceTaskSerializer)},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("competence.view", load=Unit, kwarg="unit_id")
def unit_tasks(request: Request, unit: Unit) -> Response:
    return page(
        request, Task.objects.of_unit(unit).order_by("name"), CompetenceTaskSerializer
    )


@extend_schema(
    operation_id="competence_unit_coverage",
    summary="Coverage figures of a unit (counts only, never names)",
    responses={200: UnitCoverageSerializer},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("competence.view", load=Unit, kwarg="unit_id")
def unit_coverage(request: Request, unit: Unit) -> Response:
    matrix = unit_matrix(unit)
    scope = scope_for(request.user, unit, matrix.person_ids)
    if not (scope.figures or scope.everyone):
        hidden = dict.fromkeys(
            ["people", "uncovered", "single_points_of_failure", "below_headcount"]
        )
        return Response(
            {"unit": unit.pk, "shown": False, **hidden, "bus_factor": None, "tasks": []}
        )
    f = engine.figures(matrix.reqs, matrix.levels)
    tasks = [
        {
            "task": t.pk,
            "qualified": f.coverage[t.pk],
            "headcount": t.headcount,
            "status": f.status[t.pk].value,
            "risk": f.risk[t.pk],
        }
        for t in matrix.tasks
    ]
    return Response(
        {
            "unit": unit.pk,
            "shown": True,
            "people": len(matrix.people),
            "uncovered": len(f.uncovered),
            "single_points_of_failure": len(f.spof),
            "below_headcount": len(f.below_headcount),
            "bus_factor": f.bus_factor,
            "tasks": tasks,
        }
    )


@extend_schema(
    operation_id="competence_unit_levels",
    summary="Agreed levels in a unit that the caller may see (own, team, lead)",
    parameters=PAGING,
    responses={200: LEVEL_PAGE},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("competence.view", load=Unit, kwarg="unit_id")
def unit_levels(request: Request, unit: Unit) -> Response:
    matrix = unit_matrix(unit)
    scope = scope_for(request.user, unit, matrix.person_ids)
    visible = [p for p in matrix.people if scope.sees(p.pk)]
    rows = Level.objects.filter(
        task__unit=unit, person_id__in=[p.pk for p in visible]
    ).order_by("task_id", "person_id")
    record_view(request, visible, f"API levels {unit.name}")
    return page(request, rows, CompetenceLevelSerializer)


@extend_schema(
    operation_id="competence_my_levels",
    summary="The caller's own agreed levels",
    parameters=PAGING,
    responses={200: LEVEL_PAGE},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("competence.view")
def my_levels(request: Request) -> Response:
    rows = Level.objects.filter(
        organisation=request.organisation, person=request.user
    ).order_by("task_id")
    return page(request, rows, CompetenceLevelSerializer)


@extend_schema(
    operation_id="competence_my_absences",
    summary="The caller's planned absences in every plan",
    responses={200: PlannedAbsenceSerializer(many=True)},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("competence.view")
def my_absences(request: Request) -> Response:
    plans = AbsencePlan.objects.filter(organisation=request.organisation)
    rows = [
        {
            "plan": a.plan_id,
            "plan_name": a.plan.name,
            "start": a.start,
            "end": a.end,
            "kind": a.kind,
        }
        for plan in plans
        for a in plan.absences.filter(person=request.user).select_related("plan")
    ]
    return Response(PlannedAbsenceSerializer(rows, many=True).data)


@extend_schema(
    operation_id="competence_my_training_needs",
    summary="The caller's training needs",
    parameters=PAGING,
    responses={200: page_of(TrainingNeedSerializer)},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("competence.view")
def my_needs(request: Request) -> Response:
    rows = TrainingNeed.objects.filter(
        organisation=request.organisation, person=request.user
    ).order_by("pk")
    return page(request, rows, TrainingNeedSerializer)
