from django.urls import path

from tuuma.budgeting import api

urlpatterns = [
    path("budgeting/rounds", api.rounds, name="api-budgeting-rounds"),
    path("budgeting/rounds/<int:pk>", api.round_detail, name="api-budgeting-round"),
    path(
        "budgeting/rounds/<int:pk>/proposals",
        api.proposals,
        name="api-budgeting-proposals",
    ),
    path("budgeting/rounds/<int:pk>/ballot", api.ballot, name="api-budgeting-ballot"),
    path(
        "budgeting/rounds/<int:pk>/results",
        api.round_results,
        name="api-budgeting-results",
    ),
]
