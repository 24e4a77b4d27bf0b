from django.urls import path

from tuuma.insights import packs, views

app_name = "insights"

urlpatterns = [
    path("", views.dashboard_view, name="dashboard"),
    path("riskit/", views.risks, name="risks"),
    path("mittarit/", views.definitions, name="definitions"),
    path("tulokset/", views.public_results, name="public"),
    path("kokouspaketit/", packs.pack_list, name="packs"),
    path("kokouspaketit/<int:pk>/", packs.pack_detail, name="pack"),
    path("kokouspaketit/<int:pk>/pdf/", packs.pack_pdf, name="pack-pdf"),
    path("kokouspaketit/<int:pk>/xlsx/", packs.pack_xlsx, name="pack-xlsx"),
]
