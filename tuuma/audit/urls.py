from django.urls import path

from tuuma.audit import views

app_name = "audit"

urlpatterns = [
    path("", views.audit_log, name="log"),
    path("kaytot/", views.access_log, name="access"),
    path("asetukset/", views.privacy_settings, name="settings"),
    path("poista/<int:user_id>/", views.erase, name="erase"),
    path("omat-tiedot/", views.my_data, name="my-data"),
    path("omat-tiedot/<int:pk>/", views.export_download, name="export-download"),
]
