"""A survey's figures per unit and overall, never for fewer than five answers."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet

from tuuma.organisation.models import Unit
from tuuma.productivity import figures
from tuuma.productivity.models import Survey, SurveyAnswer, SurveyResponse


@dataclass(frozen=True)
class GroupResult:
    name: str
    figures: figures.SurveyFigures


def survey_results(survey: Survey) -> tuple[GroupResult, list[GroupResult]]:
    """The whole organisation's result and each unit's (suppressed below five)."""
    recommendations = dict(
        SurveyResponse.objects.filter(survey=survey).values_list("pk", "recommendation")
    )
    unit_of = dict(
        SurveyResponse.objects.filter(survey=survey).values_list("pk", "unit")
    )
    answers = list(
        SurveyAnswer.objects.filter(response__survey=survey).values_list(
            "response", "statement", "value"
        )
    )
    by_unit_answers = defaultdict(list)
    for answer in answers:
        by_unit_answers[unit_of[answer[0]]].append(answer)
    by_unit_recommendations = defaultdict(dict)
    for response, recommendation in recommendations.items():
        by_unit_recommendations[unit_of[response]][response] = recommendation
    units = Unit.objects.filter(pk__in=set(unit_of.values())).order_by("name")
    overall = GroupResult(
        survey.organisation.name, figures.survey_figures(answers, recommendations)
    )
    return overall, [
        GroupResult(
            unit.name,
            figures.survey_figures(
                by_unit_answers[unit.pk], by_unit_recommendations[unit.pk]
            ),
        )
        for unit in units
    ]


def area_working_life(area) -> dict[int, figures.SurveyFigures]:
    """The working-life figures of an area's units, by the year a survey closed."""
    return working_life_by_year(SurveyResponse.objects.filter(unit__service_area=area))


def working_life_by_year(responses: QuerySet) -> dict[int, figures.SurveyFigures]:
    """The figures of ``responses`` by the year their survey closed."""
    year_of = {
        pk: closes.year
        for pk, closes in responses.values_list("pk", "survey__closes_on")
    }
    recommendations = defaultdict(dict)
    for pk, recommendation in responses.values_list("pk", "recommendation"):
        recommendations[year_of[pk]][pk] = recommendation
    answers = defaultdict(list)
    for answer in SurveyAnswer.objects.filter(response__in=responses).values_list(
        "response", "statement", "value"
    ):
        answers[year_of[answer[0]]].append(answer)
    return {
        year: figures.survey_figures(answers[year], recommendations[year])
        for year in sorted(recommendations)
    }
