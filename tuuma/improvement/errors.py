class ImprovementError(Exception):
    """A refused action; the message is translated and shown to the person."""
