from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "tuuma.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        user_logged_in.connect(_session_opened, dispatch_uid="tuuma_session_opened")


def _session_opened(sender, request, user, **kwargs) -> None:
    """Stamp a new session with its start and, for staff, a pending second factor.

    Only a log-in that came through a URL (the log-in form, OIDC, the admin site)
    is held to the second factor: the test client's ``force_login`` builds a bare
    request without a path, so tests of other features need no authenticator.
    """
    import time

    from tuuma.accounts import twofactor
    from tuuma.accounts.middleware import LOGIN_AT_KEY, SEEN_AT_KEY

    if request is None or not hasattr(request, "session"):
        return
    now = int(time.time())
    request.session[LOGIN_AT_KEY] = now
    request.session[SEEN_AT_KEY] = now
    organisation = getattr(request, "organisation", None)
    if request.path and twofactor.needs_second_factor(user, organisation):
        request.session[twofactor.PENDING_KEY] = True
