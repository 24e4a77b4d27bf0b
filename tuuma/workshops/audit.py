"""The one door to the audit log, until ``tuuma.audit`` lands in main."""

from tuuma.workshops.models import Session


def record(session: Session, actor, action: str, details: dict) -> None:
    try:
        from tuuma.audit.actions import audit_record
    except ImportError:  # the audit app is not in this branch yet
        return
    audit_record(
        organisation=session.organisation,
        actor=actor,
        action=action,
        target=session,
        details=details,
    )
