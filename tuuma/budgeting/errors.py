"""The one error the budgeting actions raise: a translated, user-facing message."""


class BudgetingError(Exception):
    """Refused for a reason the person can act on; ``str()`` is the message."""
