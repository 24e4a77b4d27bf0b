from django.urls import path

from tuuma.improvement.views import overview, priorities, surveys

app_name = "improvement"

urlpatterns = [
    path("", overview.index, name="index"),
    path("kano/", surveys.survey_list, name="surveys"),
    path("kano/uusi/", surveys.survey_create, name="survey-create"),
    path("kano/<int:pk>/", surveys.survey_detail, name="survey"),
    path("kano/<int:pk>/ominaisuus/", surveys.feature_add, name="feature-add"),
    path("kano/<int:pk>/tila/", surveys.survey_status, name="survey-status"),
    path("kano/<int:pk>/tulokset/", surveys.survey_results, name="survey-results"),
    path("kano/<int:pk>/kano.xlsx", surveys.survey_export, name="survey-export"),
    path("kysely/<int:pk>/", surveys.survey_answer, name="answer"),
    path("prioriteetit/", priorities.priority_list, name="priorities"),
    path("prioriteetit/idea/<int:pk>/", priorities.score_idea, name="score-idea"),
    path(
        "prioriteetit/toimenpide/<int:pk>/",
        priorities.score_measure,
        name="score-measure",
    ),
    path("prioriteetit/jaadyta/", priorities.ranking_freeze, name="freeze"),
    path("prioriteetit/paatos/<int:pk>/", priorities.decision_detail, name="decision"),
]
