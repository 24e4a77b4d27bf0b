from django.contrib.auth import views as auth_views
from django.urls import path

from tuuma.accounts import views, views_security
from tuuma.organisation.access import public

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
    path(
        "profiili/kaksivaiheinen/",
        views_security.second_factor_enrol_view,
        name="second-factor-enrol",
    ),
    path(
        "profiili/kaksivaiheinen/varakoodit/",
        views_security.recovery_codes_view,
        name="recovery-codes",
    ),
    path(
        "profiili/kaksivaiheinen/poista/",
        views_security.second_factor_remove_view,
        name="second-factor-remove",
    ),
    path(
        "profiili/kirjaudu-ulos-kaikkialta/",
        views_security.logout_everywhere_view,
        name="logout-everywhere",
    ),
    path("oidc/paluu/", views_security.oidc_callback_view, name="oidc-callback"),
    path("oidc/<slug:slug>/", views_security.oidc_start_view, name="oidc-start"),
    path("vahvista/", views_security.second_factor_view, name="second-factor"),
    path("salasana/", public(views.PasswordResetView.as_view()), name="password_reset"),
    path(
        "salasana/lahetetty/",
        public(
            auth_views.PasswordResetDoneView.as_view(
                template_name="accounts/password_reset_done.html"
            )
        ),
        name="password_reset_done",
    ),
    path(
        "salasana/<uidb64>/<token>/",
        public(views.PasswordResetConfirmView.as_view()),
        name="password_reset_confirm",
    ),
    path(
        "salasana/valmis/",
        public(
            auth_views.PasswordResetCompleteView.as_view(
                template_name="accounts/password_reset_complete.html"
            )
        ),
        name="password_reset_complete",
    ),
]
