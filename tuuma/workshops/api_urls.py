from django.urls import path

from tuuma.workshops import api

urlpatterns = [
    path("workshops", api.sessions, name="api-workshops"),
    path("workshops/join", api.join, name="api-workshop-join"),
    path("workshops/participant/step", api.participant_step, name="api-workshop-step"),
    path("workshops/participant/act", api.participant_act, name="api-workshop-act"),
    path("workshops/<int:pk>", api.session_detail, name="api-workshop"),
    path(
        "workshops/<int:pk>/steps/<int:step_id>/control",
        api.step_control,
        name="api-workshop-step-control",
    ),
    path(
        "workshops/<int:pk>/steps/<int:step_id>/results",
        api.step_result,
        name="api-workshop-step-results",
    ),
]
