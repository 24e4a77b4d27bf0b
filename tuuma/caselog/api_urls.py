from django.urls import path

from tuuma.caselog import api

urlpatterns = [
    path("caselogs", api.caselogs, name="api-caselogs"),
    path("caselogs/imports/<int:job_id>", api.import_status, name="api-caselog-import"),
    path("caselogs/<int:pk>", api.caselog_detail, name="api-caselog"),
    path("caselogs/<int:pk>/analysis", api.analysis, name="api-caselog-analysis"),
]
