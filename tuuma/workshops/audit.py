"""Facilitators' administrative acts on a session, in the organisation's audit log."""

from tuuma.audit.actions import audit_record
from tuuma.workshops.models import Session


def record(session: Session, actor, action: str, details: dict) -> None:
    audit_record(
        organisation=session.organisation,
        actor=actor,
        action=action,
        target=session,
        details=details,
    )
