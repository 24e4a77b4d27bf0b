from django.urls import path

from tuuma.competence import api

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
]
