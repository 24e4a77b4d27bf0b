from django.urls import path

from tuuma.budgeting import api, api_advisory

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
urlpatterns += [
    path(
        "budgeting/advisory-votes",
        api_advisory.advisory_votes,
        name="api-budgeting-advisory-votes",
    ),
    path(
        "budgeting/advisory-votes/<int:pk>",
        api_advisory.advisory_vote,
        name="api-budgeting-advisory-vote",
    ),
    path(
        "budgeting/advisory-votes/<int:pk>/answer",
        api_advisory.advisory_answer,
        name="api-budgeting-advisory-answer",
    ),
    path(
        "budgeting/advisory-votes/<int:pk>/result",
        api_advisory.advisory_result,
        name="api-budgeting-advisory-result",
    ),
]
