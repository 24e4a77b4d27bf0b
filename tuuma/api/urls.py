"""``/api/v1/``: the core endpoints plus every capability app's ``api_urls``."""

from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView

from tuuma.api import views
from tuuma.lib.apps import app_modules

urlpatterns = [
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="api-schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api-schema"),
        name="api-docs",
    ),
    path("organisation", views.organisation_detail, name="api-organisation"),
    path("me", views.me, name="api-me"),
    path("jobs/<int:job_id>", views.job_detail, name="api-job"),
    *(path("", include(module)) for module in app_modules("api_urls")),
]
