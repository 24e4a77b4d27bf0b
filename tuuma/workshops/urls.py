from django.urls import path

from tuuma.workshops.views import facilitate, participate, work

app_name = "workshops"

urlpatterns = [
    path("", facilitate.session_list, name="list"),
    path("uusi/", facilitate.session_create, name="create"),
    path("liity/", participate.join_by_code, name="join-code"),
    path("o/<str:code>/", participate.join, name="join"),
    path("o/<str:code>/vaihe/", participate.take_part, name="take-part"),
    path("o/<str:code>/tila/", participate.live, name="live"),
    path("<int:pk>/", facilitate.session_detail, name="session"),
    path("<int:pk>/vaiheet/", facilitate.step_add, name="step-add"),
    path("<int:pk>/ohjaus/", facilitate.control, name="control"),
    path("<int:pk>/esitys/", facilitate.presenter, name="presenter"),
    path("<int:pk>/moderointi/", facilitate.moderation, name="moderation"),
    path("<int:pk>/ryhmittely/", work.clustering, name="clustering"),
    path("<int:pk>/paperi/", work.paper, name="paper"),
    path("<int:pk>/tulokset/", work.results, name="results"),
    path("<int:pk>/yhteenveto/", work.summary, name="summary"),
    path("<int:pk>/tyopaja.xlsx", work.export_xlsx, name="export-xlsx"),
    path("<int:pk>/kehitysehdotuksiksi/", work.to_backlog, name="backlog"),
    path(
        "<int:pk>/kehitysehdotuksiksi/<int:outcome_id>/toimenpide/",
        work.to_measure,
        name="measure",
    ),
]
