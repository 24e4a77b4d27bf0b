from django.urls import path

from tuuma.improvement.views import a3, overview, priorities, surveys

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
    path("a3/", a3.a3_list, name="a3s"),
    path("a3/uusi/", a3.a3_create, name="a3-create"),
    path("a3/<int:pk>/", a3.a3_detail, name="a3"),
    path("a3/<int:pk>/muokkaa/", a3.a3_edit, name="a3-edit"),
    path("a3/<int:pk>/syy/", a3.cause_add, name="cause-add"),
    path("a3/syy/<int:pk>/idea/", a3.cause_to_idea, name="cause-idea"),
    path("a3/syy/<int:pk>/toimenpide/", a3.cause_to_measure, name="cause-measure"),
    path("a3/<int:pk>/vastatoimi/", a3.countermeasure_add, name="countermeasure-add"),
    path("a3/<int:pk>/kommentti/", a3.comment_add, name="comment-add"),
    path("a3/<int:pk>/toteutettu/", a3.mark_implemented, name="a3-implemented"),
    path("a3/<int:pk>/tarkistus/<int:check_id>/", a3.check_record, name="check-record"),
]
