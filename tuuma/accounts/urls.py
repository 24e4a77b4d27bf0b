from django.contrib.auth import views as auth_views
from django.urls import path

from tuuma.accounts import views

app_name = "accounts"

urlpatterns = [
    path("kirjaudu/", views.login_view, name="login"),
    path("kirjaudu-ulos/", views.logout_view, name="logout"),
    path("profiili/", views.profile_view, name="profile"),
    path("profiili/avaimet/", views.token_create_view, name="token-create"),
    path(
        "profiili/avaimet/<int:token_id>/peru/",
        views.token_revoke_view,
        name="token-revoke",
    ),
    path("salasana/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "salasana/lahetetty/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="accounts/password_reset_done.html"
        ),
        name="password_reset_done",
    ),
    path(
        "salasana/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "salasana/valmis/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
