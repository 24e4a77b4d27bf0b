from django.urls import path

from tuuma.competence import views

app_name = "competence"

urlpatterns = [
    path("", views.index, name="index"),
    path("oma/", views.mine, name="mine"),
    path("asiantuntijat/", views.experts, name="experts"),
    path("yksikot/<int:unit_id>/", views.unit_page, name="unit"),
    path("yksikot/<int:unit_id>/poissaolot/", views.absences_page, name="absences"),
]
