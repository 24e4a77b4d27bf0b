"""``/api/v1/competence``: assessments, a unit's absence plans and training needs.

Same privacy as the pages: a person's ratings, absences and needs go to the
person, their supervisors in the unit and the area's productivity lead
(``visibility.scope_for``); every read of someone else's is logged. A manager
who sees only figures gets the week-by-week shortfall of an absence plan, with
task ids and counts but no names.
"""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.decorators import api_view
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from tuuma.api.access import api_requires
from tuuma.api.schema import page_of
from tuuma.competence import engine
from tuuma.competence.api import PAGING, TAGS, TrainingNeedSerializer, page
from tuuma.competence.engine.planning import extra_queue
from tuuma.competence.models import AbsencePlan, Assessment, TrainingNeed
from tuuma.competence.queries import (
    MAX_PERIOD_DAYS,
    plan_absences,
    summer_of,
    unit_matrix,
    unit_people,
)
from tuuma.competence.visibility import Scope, record_view, scope_for
from tuuma.organisation.models import Unit


class CompetenceAssessmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Assessment
        fields = [
            "id",
            "task",
            "person",
            "kind",
            "level",
            "assessed_by",
            "assessed_at",
            "note",
        ]


class CompetenceAbsenceSerializer(serializers.Serializer):
    person = serializers.IntegerField()
    start = serializers.DateField()
    end = serializers.DateField()
    kind = serializers.CharField()


class CompetenceAbsencePlanSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    created_at = serializers.DateTimeField()
    absence_count = serializers.IntegerField(
        allow_null=True,
        help_text="Absences in the plan; null when the caller sees no figures "
        "of the unit.",
    )
    absences = CompetenceAbsenceSerializer(
        many=True, help_text="Only the absences of people whose data the caller sees."
    )


class CompetenceWeekSerializer(serializers.Serializer):
    monday = serializers.DateField()
    away = serializers.IntegerField(help_text="People away three or more days.")
    below_headcount = serializers.ListField(child=serializers.IntegerField())
    uncovered = serializers.ListField(child=serializers.IntegerField())


class CompetenceQueueSerializer(serializers.Serializer):
    task = serializers.IntegerField()
    cases = serializers.FloatField()
    hours = serializers.FloatField(allow_null=True)


class CompetenceAbsenceWeeksSerializer(serializers.Serializer):
    plan = serializers.IntegerField()
    shown = serializers.BooleanField(
        help_text="False when the caller sees no figures of the unit (or it has "
        "fewer than 5 people): weeks and queue are empty."
    )
    start = serializers.DateField()
    end = serializers.DateField()
    weeks = CompetenceWeekSerializer(many=True)
    extra_queue = CompetenceQueueSerializer(
        many=True,
        help_text="Cases arriving while nobody qualified is at work, and those "
        "cases × the median handling time (null when not known).",
    )


class UnitTrainingNeedSerializer(TrainingNeedSerializer):
    class Meta(TrainingNeedSerializer.Meta):
        fields = [*TrainingNeedSerializer.Meta.fields, "person", "mentor", "measure"]


# One class for both endpoints: the schema needs one component of that name.
ASSESSMENT_PAGE = page_of(CompetenceAssessmentSerializer)


def _others(request: Request, unit: Unit) -> tuple[Scope, list]:
    """The scope and the people of the unit (not the caller) whose data it shows."""
    people = list(unit_people(unit).only("pk", "full_name", "email"))
    scope = scope_for(request.user, unit, [p.pk for p in people])
    return scope, [p for p in people if scope.sees(p.pk) and p.pk != request.user.pk]


def _person_filter(request: Request) -> int | None:
    raw = request.query_params.get("person")
    if raw is None:
        return None
    try:
        return int(raw)
    except ValueError:
        raise ValidationError(
            {"person": "Give a person id (a whole number)."}
        ) from None


def _read(request: Request, rows: list, people: dict, what: str) -> list:
    """Log the read of the people whose rows this page shows."""
    record_view(request, [people[i] for i in {r.person_id for r in rows}], what)
    return rows


@extend_schema(
    operation_id="competence_my_assessments",
    summary="The caller's own ratings: self, supervisor and agreed, newest first",
    parameters=PAGING,
    responses={200: ASSESSMENT_PAGE},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("competence.view")
def my_assessments(request: Request) -> Response:
    rows = Assessment.objects.filter(
        organisation=request.organisation, person=request.user
    )
    return page(request, rows, CompetenceAssessmentSerializer)


@extend_schema(
    operation_id="competence_unit_team_assessments",
    summary="Ratings of the people of a unit the caller supervises (all for the "
    "area's productivity lead), newest first",
    parameters=[
        *PAGING,
        OpenApiParameter("person", int, description="Only this person's ratings."),
    ],
    responses={200: ASSESSMENT_PAGE},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("competence.view", load=Unit, kwarg="unit_id")
def team_assessments(request: Request, unit: Unit) -> Response:
    _scope, others = _others(request, unit)
    people = {p.pk: p for p in others}
    wanted = _person_filter(request)
    ids = [wanted] if wanted is not None else list(people)
    rows = Assessment.objects.filter(
        organisation=request.organisation,
        task__unit=unit,
        person_id__in=[i for i in ids if i in people],
    )
    response = page(request, rows, CompetenceAssessmentSerializer)
    ratings = _("competence ratings in %(unit)s") % {"unit": unit.name}
    _read(request, list(response.page_rows), people, ratings)
    return response


def _plan_row(plan: AbsencePlan, scope: Scope, shown: set[int]) -> dict:
    absences = list(plan.absences.all())
    return {
        "id": plan.pk,
        "name": plan.name,
        "created_at": plan.created_at,
        "absence_count": len(absences) if scope.figures or scope.everyone else None,
        "absences": [
            {"person": a.person_id, "start": a.start, "end": a.end, "kind": a.kind}
            for a in absences
            if a.person_id in shown
        ],
    }


@extend_schema(
    operation_id="competence_unit_absence_plans",
    summary="Absence plans of a unit with the absences the caller may see",
    parameters=PAGING,
    responses={200: page_of(CompetenceAbsencePlanSerializer)},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("competence.view", load=Unit, kwarg="unit_id")
def unit_absence_plans(request: Request, unit: Unit) -> Response:
    scope, others = _others(request, unit)
    shown = {p.pk for p in others} | {request.user.pk}
    plans = AbsencePlan.objects.filter(
        organisation=request.organisation, unit=unit
    ).prefetch_related("absences")
    response = page(
        request,
        plans,
        CompetenceAbsencePlanSerializer,
        row=lambda plan: _plan_row(plan, scope, shown),
    )
    seen = {a.person_id for p in response.page_rows for a in p.absences.all()}
    record_view(
        request,
        [p for p in others if p.pk in seen],
        _("planned absences in %(unit)s") % {"unit": unit.name},
    )
    return response


def _date_param(request: Request, name: str) -> date | None:
    raw = request.query_params.get(name)
    if raw is None:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ValidationError({name: "Give a date as YYYY-MM-DD."}) from None


def _period(request: Request, plan: AbsencePlan) -> tuple[date, date]:
    start, end = _date_param(request, "start"), _date_param(request, "end")
    default_start, default_end = summer_of(a.start for a in plan.absences.all())
    start, end = start or default_start, end or default_end
    if not 0 <= (end - start).days <= MAX_PERIOD_DAYS:
        raise ValidationError(
            {"end": f"The period runs forward at most {MAX_PERIOD_DAYS} days."}
        )
    return start, end


@extend_schema(
    operation_id="competence_absence_plan_weeks",
    summary="Week by week, the tasks an absence plan leaves below headcount or "
    "uncovered, and the expected extra queue (no names)",
    parameters=[
        OpenApiParameter("start", date, description="Default: 1 June of the plan."),
        OpenApiParameter("end", date, description="Default: 31 August of the plan."),
    ],
    responses={200: CompetenceAbsenceWeeksSerializer},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("competence.view", load=AbsencePlan, kwarg="plan_id")
def absence_plan_weeks(request: Request, plan: AbsencePlan) -> Response:
    start, end = _period(request, plan)
    matrix = unit_matrix(plan.unit)
    scope = scope_for(request.user, plan.unit, matrix.person_ids)
    body = {"plan": plan.pk, "start": start, "end": end, "shown": False}
    if not (scope.figures or scope.everyone):
        return Response({**body, "weeks": [], "extra_queue": []})
    weeks = engine.simulate_absences(
        matrix.reqs, matrix.levels, matrix.person_ids, plan_absences(plan), start, end
    )
    queue = extra_queue(matrix.reqs, weeks)
    data = {
        **body,
        "shown": True,
        "weeks": [
            {
                "monday": w.monday,
                "away": len(w.away),
                "below_headcount": w.below_headcount,
                "uncovered": w.uncovered,
            }
            for w in weeks
        ],
        "extra_queue": [
            {"task": t, "cases": cases, "hours": hours}
            for t, (cases, hours) in queue.items()
        ],
    }
    return Response(CompetenceAbsenceWeeksSerializer(data).data)


@extend_schema(
    operation_id="competence_unit_training_needs",
    summary="Training needs of the people of a unit whose data the caller sees",
    parameters=PAGING,
    responses={200: page_of(UnitTrainingNeedSerializer)},
    tags=TAGS,
)
@api_view(["GET"])
@api_requires("competence.view", load=Unit, kwarg="unit_id")
def unit_training_needs(request: Request, unit: Unit) -> Response:
    _scope, others = _others(request, unit)
    people = {p.pk: p for p in others}
    rows = TrainingNeed.objects.filter(
        organisation=request.organisation,
        task__unit=unit,
        person_id__in=[*people, request.user.pk],
    ).order_by("task__name", "pk")
    response = page(request, rows, UnitTrainingNeedSerializer)
    what = _("training needs in %(unit)s") % {"unit": unit.name}
    others_rows = [r for r in response.page_rows if r.person_id in people]
    _read(request, others_rows, people, what)
    return response
