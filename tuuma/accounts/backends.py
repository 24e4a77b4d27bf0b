from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.db.models import Q

from tuuma.accounts import throttle
from tuuma.accounts.models import User


class OrganisationEmailBackend(ModelBackend):
    """Signs in by e-mail within the organisation of the request's host.

    Platform superusers (no organisation) may sign in on any host.
    """

    def authenticate(self, request, username=None, password=None, email=None, **kw):
        email = (email or username or "").strip().lower()
        organisation = getattr(request, "organisation", None)
        if not email or password is None:
            return None
        gate = None
        if organisation is not None and not getattr(request, "login_gated", False):
            # A log-in form other than ours (the admin site's) is throttled here.
            gate = throttle.login_gate(request, email)
            if not gate.allowed:
                raise PermissionDenied
        scope = Q(organisation__isnull=True, is_superuser=True)
        if organisation is not None:
            scope |= Q(organisation=organisation)
        user = User.objects.filter(scope, email__iexact=email).first()
        if user is None:
            # Same work as a real check, so timing does not reveal accounts.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            if gate is not None:
                throttle.login_succeeded(gate)
            return user
        return None
