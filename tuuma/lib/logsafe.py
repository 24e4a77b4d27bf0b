"""Log lines stay one line: user input cannot forge or colour log entries.

A logging filter (installed on the console handler in ``settings.LOGGING``) that
escapes CR, LF, ANSI escape sequences and the other control characters in a
record's message and arguments, so an e-mail address, a Host header or a file
name written into a log line cannot start a forged line or hide one with
terminal escapes (ASVS 16.4.1; Django's own response logging had exactly this,
CVE-2025-48432). Tracebacks are added later by the formatter and stay as they are.
"""

import logging
import re

# C0 controls (tab kept), DEL and C1 controls; ESC starts ANSI sequences.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\x1b": "\\x1b"}


def neutralise(text: str) -> str:
    """``text`` with every control character written as a visible escape."""
    return _CONTROL.sub(lambda m: _NAMED.get(m[0], f"\\x{ord(m[0]):02x}"), text)


class NeutraliseControlCharacters(logging.Filter):
    """Escapes control characters in the message with its arguments merged in
    (an argument's ``str`` may carry a line break too)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a bad format: logging reports it itself
            return True
        record.msg, record.args = neutralise(message), None
        return True
