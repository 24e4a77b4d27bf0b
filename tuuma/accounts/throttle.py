"""Log-in throttling that holds when the attempts arrive all at once.

Why not django-axes: axes checks the failure count in its backend *before* the
password check but records the failure afterwards, from the ``user_login_failed``
signal, so a parallel burst is checked against the old count (the very race issue
22 found), and its username key is global while an e-mail address here is unique
only within one organisation. The attempt is therefore counted first, atomically,
with ``tuuma.web.ratelimit.attempt`` (one committed row per attempt), and only an
attempt within the limits reaches the password check.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import translation

from tuuma.accounts.models import User
from tuuma.audit.actions import audit_record
from tuuma.jobs.mail import queue_email
from tuuma.web import ratelimit

ACCOUNT_LIMIT = 10  # failures per account (organisation + e-mail) ...
ADDRESS_LIMIT = 50  # ... and per client address ...
PERIOD = 15 * 60  # ... within any 15 minutes


@dataclass
class Gate:
    allowed: bool
    retry_after: int = 0
    hits: list[int | None] = field(default_factory=list)


def _account_key(organisation, email: str) -> str:
    return f"login:{getattr(organisation, 'pk', 0)}:{email.lower()}"


def login_gate(request, email: str) -> Gate:
    """Count this attempt against the account and the address; refuse if over."""
    account_key = _account_key(request.organisation, email)
    account = ratelimit.attempt(account_key, limit=ACCOUNT_LIMIT, period=PERIOD)
    address = ratelimit.attempt(
        f"login-ip:{ratelimit.client_ip(request)}",
        limit=ADDRESS_LIMIT,
        period=PERIOD,
    )
    if account.allowed and address.allowed:
        return Gate(True, hits=[account.hit_id, address.hit_id])
    ratelimit.forget(account.hit_id)
    ratelimit.forget(address.hit_id)
    if not account.allowed:
        _account_locked(request, email, account_key)
    return Gate(False, retry_after=max(account.retry_after, address.retry_after, 1))


def login_succeeded(gate: Gate) -> None:
    """A right password is not a failure: its hits are taken back."""
    for hit in gate.hits:
        ratelimit.forget(hit)


def _account_locked(request, email: str, account_key: str) -> None:
    """Tell the owner once per lockout, and write it to the audit log."""
    first = ratelimit.attempt(f"lockout:{account_key}", limit=1, period=PERIOD)
    if not first.allowed:
        return
    organisation = request.organisation
    user = User.objects.filter(organisation=organisation, email__iexact=email).first()
    if user is None:
        return
    with translation.override(user.preferred_language):
        reset_path = reverse("accounts:password_reset")
    queue_email(
        to=user.email,
        language=user.preferred_language,
        subject_template="accounts/email/lockout_subject.txt",
        body_template="accounts/email/lockout.txt",
        context={
            "organisation_name": organisation.name,
            "minutes": PERIOD // 60,
            "reset_url": organisation.absolute_url(reset_path),
        },
    )
    audit(organisation=organisation, actor=None, action="accounts.lockout", target=user)


def audit(*, organisation, actor, action: str, target, details=None) -> None:
    """Write an act of the accounts app to the organisation's audit log."""
    audit_record(
        organisation=organisation,
        actor=actor,
        action=action,
        target=target,
        details=details or {},
    )
