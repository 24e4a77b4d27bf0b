from django.urls import path

from tuuma.insights import api

urlpatterns = [
    path("metrics", api.metric_list, name="api-metrics"),
    path("metrics/<str:metric_id>/values", api.metric_values, name="api-metric-values"),
]
