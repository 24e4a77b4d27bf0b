"""What the hearing actions share: the refusal and the guards."""

import hashlib

from django.utils.translation import gettext_lazy as _

from tuuma.hearings.models import Hearing


class HearingError(Exception):
    """A refused operation; ``str(error)`` is a translated message for people."""


def lock_hearing(hearing: Hearing) -> Hearing:
    """Re-read the hearing under a row lock (a no-op on SQLite, which serialises)."""
    return Hearing.objects.select_for_update().get(pk=hearing.pk)


def refuse_unless_open(hearing: Hearing) -> None:
    """Read from the database: a form opened before closing is refused after."""
    current = Hearing.objects.get(pk=hearing.pk)
    if current.is_upcoming:
        raise HearingError(_("This hearing has not opened yet."))
    if not current.is_open:
        raise HearingError(
            _("This hearing is closed: comments and answers are no longer accepted.")
        )


def refuse_unless_admitted(hearing: Hearing, user) -> None:
    if hearing.admits(user):
        return
    if not user.is_authenticated:
        raise HearingError(_("Sign in to take part in this hearing."))
    if hearing.audience != "everyone" and hearing.admits_level(user):
        raise HearingError(
            _("This hearing is for its own audience only: %(who)s.")
            % {"who": hearing.get_audience_display()}
        )
    raise HearingError(
        _("This hearing asks for a stronger identification: %(level)s.")
        % {"level": hearing.get_identity_display()}
    )


def person_key(user, visitor_token: str = "") -> str:
    """``u<id>`` for a signed-in person, ``s<hash>`` for a visitor's session."""
    if user is not None and user.is_authenticated:
        return f"u{user.pk}"
    if not visitor_token:
        raise HearingError(_("Your browser did not keep the session; try again."))
    return "s" + hashlib.sha256(visitor_token.encode()).hexdigest()[:60]
