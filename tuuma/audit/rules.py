"""Permissions of the audit and personal-data pages (tuuma/organisation/permissions.py)."""

from tuuma.organisation.permissions import Rule

RULES = {
    # Administrators only (no staff role is listed): the logs name people.
    "audit.view_log": Rule(
        describe="Read the audit log and the personal-data access log"
    ),
    "audit.manage_privacy": Rule(
        describe="Set retention and the erasure rule; erase a person on request"
    ),
    "audit.own_data": Rule(residents=True, describe="Download one's own personal data"),
    "audit.download_export": Rule(
        owners=("user",), describe="Download one's own personal-data archive"
    ),
}
