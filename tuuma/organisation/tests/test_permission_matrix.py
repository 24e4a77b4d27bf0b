"""Every page and endpoint against the rule table, for every role.

The matrix is generated from what each view declares (``@requires``,
``@api_requires``, ``@public``) and from the rules in the apps' ``rules.py``: a
view without a declaration fails the first test, and a view that lets in someone
its rule refuses (or refuses someone its rule lets in) fails the second. Objects
for views that load one come from each app's ``tests/matrix.py`` hook
(``objects(org, cast, area) -> list``: instances in the states worth checking).

For a view that loads its object the check is exact both ways: whoever the rule
allows for that object gets in, everyone else is refused. A view without an
object can only be checked one way: whoever holds the permission nowhere is
refused (the view may still refuse others once it has found its object). Views
with URL arguments besides their object's are checked for declarations only.
The behaviour is checked for every app that has a hook.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.shortcuts import resolve_url
from django.urls import URLPattern, URLResolver, get_resolver

from tuuma.lib.apps import app_modules
from tuuma.organisation.access import Access
from tuuma.organisation.permissions import can, can_somewhere

ROLES = [
    None,
    "resident",
    "employee",
    "moderator",
    "process_owner",
    "productivity_lead",
    "caselog_analyst",
    "manager",
    "administrator",
]
REFUSED = {401, 403, 404}


@dataclass(frozen=True)
class Endpoint:
    route: str
    name: str
    module: str
    access: Access | None
    arguments: tuple[str, ...]

    @property
    def is_api(self) -> bool:
        return self.route.startswith("api/")


def _access_of(callback) -> Access | None:
    access = getattr(callback, "access", None)
    if access is None and hasattr(callback, "cls"):
        for permission_class in getattr(callback.cls, "permission_classes", []):
            access = getattr(permission_class, "access", None) or access
    return access


def _walk(patterns, prefix: str = "", namespace: str = "") -> Iterator[Endpoint]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = (
                f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            )
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            callback = pattern.callback
            module = getattr(callback, "__module__", "")
            if hasattr(callback, "cls"):
                module = callback.cls.__module__
            if not module.startswith("tuuma."):
                continue  # the admin site, the schema views, Django's own
            route = prefix + str(pattern.pattern)
            yield Endpoint(
                route=route,
                name=f"{namespace}{pattern.name or route}",
                module=module,
                access=_access_of(callback),
                arguments=tuple(pattern.pattern.converters),
            )


def endpoints() -> list[Endpoint]:
    unique = {}
    for endpoint in _walk(get_resolver().url_patterns):
        unique.setdefault(endpoint.name, endpoint)
    return list(unique.values())


def test_every_view_declares_its_permission():
    undeclared = [f"{e.name} ({e.module})" for e in endpoints() if e.access is None]
    assert undeclared == [], "Views without @requires/@public: " + ", ".join(undeclared)


def _hooks():
    return list(app_modules("tests.matrix"))


def _objects(org, cast, area) -> dict[type, list]:
    found: dict[type, list] = {}
    for module in _hooks():
        for obj in module.objects(org, cast, area):
            found.setdefault(type(obj), []).append(obj)
    return found


def _checked_apps() -> set[str]:
    return {module.__name__.split(".tests.")[0] for module in _hooks()}


def _app_of(module: str) -> str:
    return ".".join(module.split(".")[:2])


def _path(endpoint: Endpoint, arguments: dict) -> str:
    path = "/" + endpoint.route
    for name in endpoint.arguments:
        # Any converter: <int:pk>, <uuid:pk>, <pk> ...
        path = re.sub(rf"<(\w+:)?{name}>", str(arguments[name]), path)
    return path


def _request(client, method: str, path: str, api: bool) -> tuple[int, str]:
    """One request inside a savepoint that is rolled back, so a POST that
    succeeds changes nothing for the next role."""
    with transaction.atomic():
        if method == "GET":
            response = client.get(path)
        elif api:
            response = client.generic(method, path, "{}", "application/json")
        else:
            response = client.generic(method, path, "")
        transaction.set_rollback(True)
    return response.status_code, response.get("Location", "")


def _methods(access: Access) -> list[str]:
    if isinstance(access.permission, dict):
        return [m for m in access.permission if m != "*"] or ["GET"]
    return ["GET", "POST"]


@dataclass(frozen=True)
class Case:
    path: str
    method: str
    is_api: bool
    permission: str
    obj: object


def _cases(objects: dict, missing: set) -> list[Case]:
    """Every (page or endpoint, object, method) of the apps with a hook."""
    checked = _checked_apps()
    cases = []
    for endpoint in endpoints():
        access = endpoint.access
        if access is None or access.permission is None:
            continue
        if _app_of(endpoint.module) not in checked:
            continue
        candidates = objects.get(access.load, []) if access.load else [None]
        if access.load and not candidates:
            missing.add(f"{access.load.__name__} (for {endpoint.name})")
            continue
        for obj in candidates:
            arguments = {access.kwarg: obj.pk} if obj is not None else {}
            if not set(endpoint.arguments) <= set(arguments):
                continue
            path = _path(endpoint, arguments)
            for method in _methods(access):
                permission = access.permission_for(method)
                cases.append(Case(path, method, endpoint.is_api, permission, obj))
    return cases


def _sign_in(client, user) -> str:
    if user is None:
        client.logout()
        return ""
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


# The roles in three groups, so that the matrix's thousands of requests spread
# over the test workers.
ROLE_GROUPS = [ROLES[0:3], ROLES[3:6], ROLES[6:9]]


@pytest.mark.django_db(transaction=False)
@pytest.mark.parametrize(
    "roles", ROLE_GROUPS, ids=["-".join(str(r) for r in g) for g in ROLE_GROUPS]
)
def test_every_view_lets_in_exactly_whom_its_rule_allows(
    roles, client, org, cast, area, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"  # hooks may store files (case logs)
    missing: set[str] = set()
    cases = _cases(_objects(org, cast, area), missing)
    login = resolve_url(settings.LOGIN_URL)
    problems = []
    for role in roles:
        user = cast[role] if role else None
        person = user or AnonymousUser()
        session = _sign_in(client, user)
        for case in cases:
            status, location = _request(client, case.method, case.path, case.is_api)
            # A rolled-back log-out or password change leaves the client a
            # cookie for no session: sign in again for the next request.
            if user is not None and (
                client.cookies[settings.SESSION_COOKIE_NAME].value != session
            ):
                session = _sign_in(client, user)
            obj = case.obj
            allowed = (
                can(person, case.permission, org, obj) and _visible(person, org, obj)
                if obj is not None
                else can_somewhere(person, case.permission, org)
            )
            refused = status in REFUSED or location.startswith(login)
            if status == 405:
                continue  # the view does not answer this method at all
            # Past the loaded object, a write may still answer 404 for
            # something its (empty) body names: that is not a refusal.
            if case.method != "GET" and status == 404:
                refused = not allowed
            where = f"{case.method} {case.path} ({status})"
            if allowed and refused and obj is not None:
                problems.append(f"{role} refused {where}")
            if not allowed and not refused:
                problems.append(f"{role} let in {where}")
    assert not missing, "No matrix objects for: " + ", ".join(sorted(missing))
    assert problems == [], "\n".join(problems)


def _visible(person, org, obj) -> bool:
    """What ``visible_to`` hides is a 404 whatever the rule says."""
    manager = type(obj)._default_manager
    if not hasattr(manager, "visible_to"):
        return obj.organisation_id == org.pk
    return manager.visible_to(person, org).filter(pk=obj.pk).exists()
