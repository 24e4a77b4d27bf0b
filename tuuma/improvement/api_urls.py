from django.urls import path

from tuuma.improvement import api

urlpatterns = [
    path("improvement/a3s", api.a3_list, name="api-improvement-a3s"),
    path("improvement/a3s/<int:pk>", api.a3_detail, name="api-improvement-a3"),
    path(
        "improvement/a3s/<int:pk>/causes", api.a3_causes, name="api-improvement-causes"
    ),
    path("improvement/kano-surveys", api.survey_list, name="api-improvement-surveys"),
    path(
        "improvement/kano-surveys/<int:pk>/results",
        api.survey_results,
        name="api-improvement-survey-results",
    ),
    path(
        "improvement/kano-surveys/<int:pk>/answers",
        api.survey_answer,
        name="api-improvement-survey-answer",
    ),
    path(
        "improvement/priorities", api.priority_list, name="api-improvement-priorities"
    ),
    path(
        "improvement/priorities/scores",
        api.priority_score,
        name="api-improvement-priority-score",
    ),
]
