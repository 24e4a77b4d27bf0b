from django.urls import path

from tuuma.web import face_views, views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("ilme/", face_views.face_settings, name="face"),
    path("ilme/teema.css", face_views.theme_css, name="theme"),
    path("ilme/logo.png", face_views.logo, name="logo"),
    path("oma/", views.my_work_page, name="my-work"),
    path("haku/", views.search, name="search"),
]
