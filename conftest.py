"""Shared test fixtures: two organisations, a named cast in every role, the job
worker and a real Chromium driven by Playwright."""

import os
import shutil

import pytest
from django.utils import translation

from tuuma.accounts.models import User
from tuuma.organisation.models import Domain, Membership, Organisation, ServiceArea
from tuuma.organisation.roles import Role

PASSWORD = "correct horse battery staple"  # noqa: S105
CHROMIUM = "/usr/bin/chromium"

# Playwright's sync API runs an event loop in the test thread; the ORM calls made
# by fixtures in that thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Cheap hashes: the cast alone would cost seconds per test with PBKDF2."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _no_language_from_an_earlier_test():
    """Each test starts in the default language: a request the test client made
    (an API call with Accept-Language: en, say) leaves its language active in the
    thread, and URLs reversed later would then carry its prefix."""
    translation.deactivate()
    yield
    translation.deactivate()


def make_user(organisation, key: str, role=None, area=None, language="fi") -> User:
    user = User.objects.create_user(
        f"{key}@{organisation.slug}.example",
        PASSWORD,
        organisation=organisation,
        full_name=key.replace("_", " ").title(),
        preferred_language=language,
    )
    if role:
        Membership.objects.create(
            organisation=organisation, user=user, role=role, service_area=area
        )
    return user


def make_organisation(slug: str, hosts: list[str]) -> Organisation:
    # No second factor unless a test asks for one (tuuma/accounts/tests): the
    # other tests sign staff in with a password alone.
    organisation = Organisation.objects.create(
        name=slug.title(), slug=slug, two_factor_roles=[]
    )
    for host in hosts:
        Domain.objects.create(organisation=organisation, host=host)
    return organisation


@pytest.fixture
def org(db) -> Organisation:
    """The organisation of the test client's host (testserver) and live server."""
    return make_organisation("kemi", ["testserver", "localhost", "127.0.0.1"])


@pytest.fixture
def other_org(db) -> Organisation:
    return make_organisation("pori", ["pori.testserver"])


@pytest.fixture
def area(org) -> ServiceArea:
    return ServiceArea.objects.create(
        organisation=org, name="Tekniset palvelut", slug="tekniset"
    )


@pytest.fixture
def other_area(org) -> ServiceArea:
    return ServiceArea.objects.create(
        organisation=org, name="Sivistyspalvelut", slug="sivistys"
    )


class Cast(dict):
    """People of ``org`` by role key; area-scoped ones work in ``area``."""

    def __getattr__(self, key):
        return self[key]


ROLE_KEYS = [
    ("resident", None, False),
    ("employee", Role.EMPLOYEE, True),
    ("moderator", Role.MODERATOR, False),
    ("process_owner", Role.PROCESS_OWNER, True),
    ("productivity_lead", Role.PRODUCTIVITY_LEAD, True),
    ("caselog_analyst", Role.CASELOG_ANALYST, False),
    ("manager", Role.MANAGER, False),
    ("administrator", Role.ADMINISTRATOR, False),
]


@pytest.fixture
def cast(org, area) -> Cast:
    people = Cast()
    for key, role, scoped in ROLE_KEYS:
        people[key] = make_user(org, key, role, area if scoped else None)
    return people


@pytest.fixture
def outsider(other_org) -> User:
    """An administrator of the other organisation."""
    return make_user(other_org, "outsider", Role.ADMINISTRATOR)


@pytest.fixture
def run_jobs():
    """Run every queued job with the database worker's own code, then return.

    In-process, so it sees the test's transaction; tuuma/jobs/tests/test_worker.py
    covers the worker as a separate process.
    """
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )

    def run() -> None:
        while (result := DBTaskResult.objects.ready().first()) is not None:
            result.claim(worker.worker_id)
            worker.run_task(result)

    return run


@pytest.fixture(scope="session")
def chromium():
    if not shutil.which(CHROMIUM):
        pytest.fail(
            f"Browser tests need Debian's chromium at {CHROMIUM}: make test installs it"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server, settings):
    # The live server serves static files through the finders, which do not know
    # the manifest's hashed names: plain names keep CSS and htmx on the page.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    context = chromium.new_context(base_url=live_server.url, locale="fi-FI")
    page = context.new_page()
    page.set_default_timeout(15_000)
    csp_errors: list[str] = []
    page.on(
        "console",
        lambda message: (
            csp_errors.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.csp_errors = csp_errors
    yield page
    context.close()


def axe_violations(page) -> list[dict]:
    """axe-core (WCAG 2.0/2.1 A and AA rules) violations on the current page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={
            "runOnly": {
                "type": "tag",
                "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
            }
        },
    )
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]]}
        for v in results.response["violations"]
    ]
