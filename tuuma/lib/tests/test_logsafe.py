"""User input in a log line cannot forge a second line or hide one with ANSI
escapes (ASVS 16.4.1): the console handler escapes control characters."""

import io
import logging

import pytest

from tuuma.lib.logsafe import NeutraliseControlCharacters, neutralise

FORGED = "matti@example.fi\r\nINFO forged: admin logged in\x1b[2K\x1b[1A"


def _one_line_log(handler: logging.Handler, *args) -> str:
    logger = logging.getLogger("tuuma.tests.logsafe")
    logger.addHandler(handler)
    try:
        logger.warning("Failed log-in for %s", *args)
    finally:
        logger.removeHandler(handler)
    return handler.stream.getvalue()


def test_cr_lf_and_ansi_escapes_in_arguments_are_written_as_escapes():
    handler = logging.StreamHandler(io.StringIO())
    handler.addFilter(NeutraliseControlCharacters())
    written = _one_line_log(handler, FORGED)
    assert written.count("\n") == 1  # the line's own end only
    assert "\x1b" not in written and "\r" not in written
    assert "matti@example.fi\\r\\nINFO forged" in written
    assert "\\x1b[2K" in written


def test_an_argument_whose_text_has_a_line_break_is_escaped_too():
    class Name:
        def __str__(self) -> str:
            return "a\nb"

    handler = logging.StreamHandler(io.StringIO())
    handler.addFilter(NeutraliseControlCharacters())
    assert _one_line_log(handler, Name()).strip().endswith("a\\nb")


def test_tabs_and_finnish_letters_stay():
    assert neutralise("Käsittelijä\tÅsa") == "Käsittelijä\tÅsa"
    assert neutralise("\x00\x7f\x9b") == "\\x00\\x7f\\x9b"


@pytest.mark.django_db
def test_the_configured_console_handler_keeps_a_forged_request_path_on_one_line(
    client, org
):
    console = next(
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, NeutraliseControlCharacters) for f in h.filters)
    )
    stream = io.StringIO()
    previous = console.setStream(stream)
    try:
        client.get("/ei-ole%0D%0AERROR%20forged%1B%5B31m/")
    finally:
        console.setStream(previous)
    written = stream.getvalue()
    assert "forged" in written
    assert written.count("\n") == 1
    assert "\x1b" not in written
