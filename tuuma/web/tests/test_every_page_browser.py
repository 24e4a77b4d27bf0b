"""Every page in a real browser at 1280 and 390 px, as every role that may open
it: the page never scrolls sideways, and axe finds nothing. Each role's home page
is kept as a screenshot in ``var/screenshots/`` (a CI artifact).

The pages are the GET views of the URL table with their objects from the apps'
``tests/matrix.py`` hooks (one per type). The Django test client first finds
which roles get HTML for each page and checks each answer for the layout's
landmarks (one pass of the test client serves both checks). In Chromium each page is opened by every such
role at 390 px (scroll width); axe runs at 1280 px once per distinct rendering
of a page: a role whose page has the same forms and controls as a role already
checked is not checked again, so the run stays within minutes.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from django.conf import settings

from conftest import axe_violations
from tuuma.organisation.tests.test_permission_matrix import (
    _objects,
    _path,
    endpoints,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROLES = [
    "administrator",
    "manager",
    "productivity_lead",
    "caselog_analyst",
    "process_owner",
    "moderator",
    "employee",
    "resident",
    None,
]
WIDTHS = (1280, 390)
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
# Pages that are not pages: log-out, language switch, downloads named by path.
SKIPPED_ROUTES = ("logout", "kirjaudu-ulos", "i18n/")
# Known and reported, not for this suite to hide: the matrix data of several
# apps creates goals of the same name, so the programme page has two sections
# with one name.
KNOWN = {("/ohjelma/", "landmark-unique")}


def page_paths(org, cast, area) -> list[str]:
    objects = _objects(org, cast, area)
    paths = []
    for endpoint in endpoints():
        access = endpoint.access
        if (
            endpoint.is_api
            or access is None
            or any(skipped in endpoint.route for skipped in SKIPPED_ROUTES)
        ):
            continue
        arguments = {}
        if endpoint.arguments:
            candidates = objects.get(access.load, []) if access.load else []
            if not candidates or set(endpoint.arguments) != {access.kwarg}:
                continue
            arguments = {access.kwarg: candidates[0].pk}
        paths.append(_path(endpoint, arguments))
    return sorted(set(paths))


def is_html_page(response) -> bool:
    # htmx fragments (search-as-you-type, the duplicate hint) are parts of
    # pages, checked on the page that shows them.
    return (
        response.status_code == 200
        and response.get("Content-Type", "").startswith("text/html")
        and b"<html" in response.content[:400]
    )


LANDMARKS = (
    re.compile(rb'<html lang="(fi|sv|en)">'),
    re.compile(rb'<header class="site-header">'),
    re.compile(rb'<nav class="main-nav" aria-label="[^"]+">'),
    re.compile(rb'<main id="main"'),
    re.compile(rb"<h1[ >]"),
    re.compile(rb'<footer class="site-footer">'),
)

CONTROL = re.compile(
    rb"<(form|input|select|textarea|button|table|dialog|details)\b[^>]*?"
    rb"(?:name|action|id)=\"([^\"]*)\""
)


def _signature(content: bytes) -> frozenset:
    """The page's forms and controls: what axe could find different for a role."""
    return frozenset(CONTROL.findall(content))


def html_pages_by_role(
    client, cast, paths: list[str], inspect=None, roles=ROLES
) -> dict:
    """{role: [(path, check_with_axe)]}: each HTML page under each of ``roles``
    (a beginning of ROLES) that gets it, with axe for the first role of each
    distinct set of controls; ``inspect(role, path, content)`` is called for
    each of them."""
    assigned: dict = {role: [] for role in roles}
    seen: dict[str, set] = {}
    for role in roles:
        client.logout()
        if role:
            client.force_login(cast[role])
        for path in paths:
            response = client.get(path)
            if not is_html_page(response):
                continue
            if inspect is not None:
                inspect(role, path, response.content)
            signature = _signature(response.content)
            new = signature not in seen.setdefault(path, set())
            seen[path].add(signature)
            assigned[role].append((path, new))
    return assigned


def _sign_in(page, client, user) -> None:
    page.context.clear_cookies()
    if user is None:
        return
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": cookie.key, "value": cookie.value, "url": page.base_url}]
    )


def _check(page, path: str, width: int, problems: list[str], role) -> None:
    page.set_viewport_size({"width": width, "height": 844 if width < 800 else 900})
    page.goto(path)
    page.wait_for_load_state("domcontentloaded")
    scroll = page.evaluate("document.documentElement.scrollWidth")
    if scroll > width:
        problems.append(
            f"{path} at {width} px as {role} scrolls sideways ({scroll} px)"
        )
    if width < 800:
        return  # axe runs once per page: its rules do not depend on the width
    for violation in axe_violations(page):
        if (path, violation["id"]) in KNOWN:
            continue
        problems.append(
            f"{path} at {width} px as {role}: {violation['id']} "
            f"{violation['nodes'][:3]}"
        )


# Three groups of roles, so that the test workers share the browser's work. A
# group also reads the pages of the roles before it, without a browser: axe
# checks a rendering only once, for the first role that gets it, and the
# administrator, who sees most, is first and alone (2026-12-08: 161 of 200 axe
# runs fell to the first three roles).
ROLE_GROUPS = [ROLES[0:1], ROLES[1:5], ROLES[5:9]]


@pytest.mark.parametrize(
    "roles", ROLE_GROUPS, ids=["-".join(str(r) for r in g) for g in ROLE_GROUPS]
)
def test_every_page_reads_well_at_desktop_and_phone_widths(
    roles, page, client, org, cast, area, live_server
):
    page.base_url = live_server.url
    started = time.monotonic()
    missing: list[str] = []

    def landmarks(role, path: str, content: bytes) -> None:
        if role not in roles:
            return
        missing.extend(
            f"{path} as {role}: {landmark.pattern.decode()}"
            for landmark in LANDMARKS
            if not landmark.search(content)
        )

    paths = page_paths(org, cast, area)
    until = ROLES[: ROLES.index(roles[-1]) + 1]
    pages = html_pages_by_role(client, cast, paths, landmarks, until)
    assert missing == [], "\n".join(missing)
    pages = {role: pages[role] for role in roles}
    # Every group of roles opens many pages.
    assert sum(len(pages[role]) for role in roles) > len(paths) / 2
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    for role in roles:
        _sign_in(page, client, cast[role] if role else None)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.goto("/")
            name = f"home-{role or 'visitor'}-{width}.png"
            page.screenshot(path=str(SCREENSHOTS / name), full_page=True)
            for path, with_axe in pages[role]:
                if with_axe or width < 800:
                    _check(page, path, width, problems, role)
    group = "-".join(str(role) for role in roles)
    (SCREENSHOTS / f"problems-{group}.txt").write_text("\n".join(problems))
    visits = sum(len(paths) for paths in pages.values())
    axe = sum(with_axe for paths in pages.values() for _path, with_axe in paths)
    (SCREENSHOTS / f"timing-{group}.txt").write_text(
        f"{visits} page visits, {axe} with axe, {time.monotonic() - started:.0f} s\n"
    )
    assert page.csp_errors == []
    assert problems == [], "\n".join(problems)
