"""``/api/v1/``: the core endpoints plus every capability app's ``api_urls``."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.urls import include, path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView

from tuuma.api import views


def _capability_urls() -> list:
    found = []
    for config in apps.get_app_configs():
        module_name = f"{config.name}.api_urls"
        if config.name.startswith("tuuma.") and find_spec(module_name) is not None:
            found.append(path("", include(import_module(module_name))))
    return found


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
    *_capability_urls(),
]
