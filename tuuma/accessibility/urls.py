from django.urls import path

from tuuma.accessibility import views

app_name = "accessibility"

urlpatterns = [
    path("", views.statement, name="statement"),
    path("palaute/", views.feedback, name="feedback"),
    path("muokkaa/", views.edit, name="edit"),
]
