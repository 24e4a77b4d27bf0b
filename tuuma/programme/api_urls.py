from django.urls import path

from tuuma.programme import api

urlpatterns = [
    path("goals", api.goals, name="api-goals"),
    path("measures", api.measures, name="api-measures"),
    path("measures/<int:pk>", api.measure_detail, name="api-measure"),
    path(
        "measures/<int:pk>/indicators",
        api.measure_indicators,
        name="api-measure-indicators",
    ),
    path(
        "measures/<int:pk>/indicators/<int:indicator_id>/values",
        api.indicator_values,
        name="api-indicator-values",
    ),
]
