from django.urls import path

from tuuma.hearings import api

urlpatterns = [
    path("hearings", api.hearings, name="api-hearings"),
    path("hearings/<int:pk>", api.hearing_detail, name="api-hearing"),
    path("hearings/<int:pk>/comments", api.comments, name="api-hearing-comments"),
    path("hearings/<int:pk>/report", api.report, name="api-hearing-report"),
    path("matters", api.matters, name="api-matters"),
    path("matters/<int:pk>", api.matter_detail, name="api-matter"),
]
