from django.urls import path

from tuuma.competence import api, api_team

urlpatterns = [
    path(
        "competence/units/<int:unit_id>/tasks",
        api.unit_tasks,
        name="api-competence-tasks",
    ),
    path(
        "competence/units/<int:unit_id>/coverage",
        api.unit_coverage,
        name="api-competence-coverage",
    ),
    path(
        "competence/units/<int:unit_id>/levels",
        api.unit_levels,
        name="api-competence-levels",
    ),
    path("competence/me/levels", api.my_levels, name="api-competence-my-levels"),
    path("competence/me/absences", api.my_absences, name="api-competence-my-absences"),
    path("competence/me/training-needs", api.my_needs, name="api-competence-my-needs"),
    path(
        "competence/units/<int:unit_id>/team-assessments",
        api_team.team_assessments,
        name="api-competence-team-assessments",
    ),
    path(
        "competence/units/<int:unit_id>/absence-plans",
        api_team.unit_absence_plans,
        name="api-competence-absence-plans",
    ),
    path(
        "competence/absence-plans/<int:plan_id>/weeks",
        api_team.absence_plan_weeks,
        name="api-competence-absence-weeks",
    ),
    path(
        "competence/units/<int:unit_id>/training-needs",
        api_team.unit_training_needs,
        name="api-competence-training-needs",
    ),
    path(
        "competence/me/assessments",
        api_team.my_assessments,
        name="api-competence-my-assessments",
    ),
]
