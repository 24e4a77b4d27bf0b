from django.urls import path

from tuuma.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("oma/", views.my_work_page, name="my-work"),
    path("haku/", views.search, name="search"),
]
