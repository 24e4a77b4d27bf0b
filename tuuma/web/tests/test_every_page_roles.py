"""Every page as every role (and signed out), with the test client: a page a
role may open answers HTML with the layout's landmarks; no page answers a
server error to anyone. The browser suite (``test_every_page_browser.py``)
opens the same pages in Chromium."""

import re

import pytest

from tuuma.web.tests.test_every_page_browser import (
    ROLES,
    html_pages_by_role,
    page_paths,
)

pytestmark = pytest.mark.django_db

LANDMARKS = (
    re.compile(rb'<html lang="(fi|sv|en)">'),
    re.compile(rb'<header class="site-header">'),
    re.compile(rb'<nav class="main-nav" aria-label="[^"]+">'),
    re.compile(rb'<main id="main"'),
    re.compile(rb"<h1[ >]"),
    re.compile(rb'<footer class="site-footer">'),
)


def test_every_page_answers_every_role_that_may_open_it_with_its_landmarks(
    client, org, cast, area
):
    missing = []

    def landmarks(role, path: str, content: bytes) -> None:
        missing.extend(
            f"{path} as {role}: {landmark.pattern.decode()}"
            for landmark in LANDMARKS
            if not landmark.search(content)
        )

    pages = html_pages_by_role(client, cast, page_paths(org, cast, area), landmarks)
    assert missing == [], "\n".join(missing)
    # Every page is open to some role; most to several.
    opened = {path for role in ROLES for path, _ in pages[role]}
    assert len(opened) > 20
    assert sum(len(pages[role]) for role in ROLES) > 2 * len(opened)
