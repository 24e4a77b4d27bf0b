from django.urls import path

from tuuma.processes import api

urlpatterns = [
    path("processes", api.processes, name="api-processes"),
    path("processes/tree", api.tree, name="api-processes-tree"),
    path("processes/reviews", api.reviews, name="api-processes-reviews"),
    path("processes/<int:pk>", api.process_detail, name="api-process"),
    path(
        "processes/<int:pk>/versions/<int:version_id>",
        api.version_detail,
        name="api-process-version",
    ),
]
