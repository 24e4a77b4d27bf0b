from django.urls import path

from tuuma.insights import views

app_name = "insights"

urlpatterns = [
    path("", views.dashboard_view, name="dashboard"),
    path("riskit/", views.risks, name="risks"),
    path("mittarit/", views.definitions, name="definitions"),
    path("tulokset/", views.public_results, name="public"),
]
