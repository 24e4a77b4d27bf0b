from django.urls import path

from tuuma.audit import api

urlpatterns = [
    path("audit/entries", api.audit_entries, name="api-audit-entries"),
    path("audit/accesses", api.access_entries, name="api-audit-accesses"),
]
