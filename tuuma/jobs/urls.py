from django.urls import path

from tuuma.jobs import views

app_name = "jobs"

urlpatterns = [
    path("<int:job_id>/", views.job_detail, name="detail"),
    path("ilmoitukset/", views.notification_list, name="notifications"),
    path(
        "ilmoitukset/<int:notification_id>/luettu/",
        views.notification_read,
        name="notification-read",
    ),
    path(
        "ilmoitukset/kaikki-luettu/",
        views.notification_read_all,
        name="notifications-read-all",
    ),
    path("ilmoitukset/asetukset/", views.preferences, name="preferences"),
    path("peru/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
