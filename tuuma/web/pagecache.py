"""Whole pages for people who are not signed in, kept until what they show changes.

A page is stored under its organisation, language, path with query string and the
current *versions* of the scopes it depends on (``org:<id>`` for lists and the
front page, ``site:<id>`` plus the object's own scope for an object's page).
Every save or delete of a watched row (``watched``: the ideas and the
organisation's own tables) replaces the versions of its scopes
(``scopes_of``), once at once and once more after its transaction commits, so a
reader who saw the old version while the write was uncommitted cannot leave an
old page under the new version. A version is a random token, never a counter:
two writers cannot both produce the value that a stale page was stored under.

Versions live in the shared cache (``default``: every process sees a bump at
once); the pages in the ``pages`` cache (per process in memory by default,
compressed; Redis with ``REDIS_URL``). Only anonymous GETs without a session or
pending messages are served or stored, and only answers without cookies and
without a CSRF token: a stored page never carries anything of one visitor.
``PAGE_CACHE_SECONDS`` bounds what no watched write changes (today's date,
"overdue", other apps' content on the front page).
"""

import functools
import hashlib
import uuid
import zlib
from collections.abc import Callable
from functools import wraps

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache, caches
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

VERSION_PREFIX = "page-version:"


def org_scope(organisation_id: int) -> str:
    """Everything of the organisation: lists and the front page depend on it."""
    return f"org:{organisation_id}"


def site_scope(organisation_id: int) -> str:
    """What every page of the organisation shows beyond its own object: the
    layout, settings, figures and other apps' panels (not another object's rows)."""
    return f"site:{organisation_id}"


def object_scope(model: type[models.Model], pk: int | None) -> str | None:
    return f"{model._meta.label_lower}:{pk}" if pk is not None else None


def scopes_of(instance: models.Model) -> set[str]:
    """The scopes a change of ``instance`` makes stale.

    A model narrows them with ``page_scopes()`` (an object whose change shows on
    its own page and in lists only) or ``page_scope_field`` (a row that shows on
    its parent's page, e.g. a comment: the parent's scope and the lists).
    Anything else of the organisation changes every page of it.
    """
    organisation_id = getattr(instance, "organisation_id", None)
    if instance._meta.label_lower == "organisation.organisation":
        organisation_id = instance.pk
    if organisation_id is None:
        return set()
    if hasattr(instance, "page_scopes"):
        scopes = set(instance.page_scopes())
    elif field_name := getattr(instance, "page_scope_field", None):
        field = instance._meta.get_field(field_name)
        scopes = {object_scope(field.related_model, getattr(instance, field.attname))}
    else:
        scopes = {site_scope(organisation_id)}
    return {org_scope(organisation_id), *scopes} - {None}


def bump(scopes: set[str]) -> None:
    """New versions for ``scopes``: now, and again once the transaction commits."""
    if not scopes:
        return
    _write_versions(scopes)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _write_versions(scopes))


def _write_versions(scopes: set[str]) -> None:
    token = uuid.uuid4().hex[:16]
    cache.set_many({VERSION_PREFIX + scope: token for scope in scopes}, None)


def _versions(scopes: list[str], organisation_id: int) -> list[str]:
    """The current version of each scope, in one lookup.

    An object's scope that has no version yet (its object unchanged since the
    versions began, or its version culled) stands on the organisation's version:
    every change of the object also replaces that one, so no page stored before
    the change can be reached after it, and nothing is written for the millions
    of objects that never change. The organisation's own scopes are created
    when missing; add() keeps a version that a writer set meanwhile.
    """
    own = [org_scope(organisation_id), site_scope(organisation_id)]
    keys = [VERSION_PREFIX + scope for scope in [*own, *scopes]]
    found = cache.get_many(keys)
    for key in keys[: len(own)]:
        if key not in found:
            token = uuid.uuid4().hex[:16]
            found[key] = token if cache.add(key, token, None) else cache.get(key, token)
    fallback = "org-" + found[keys[0]]
    return [found.get(VERSION_PREFIX + scope, fallback) for scope in scopes]


def _changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw:  # fixtures being loaded
        return
    action = kwargs.get("action")
    if action is not None and not action.startswith("post_"):
        return
    bump(scopes_of(instance))


# The apps whose rows the cached pages draw: the ideas themselves, and the
# organisation's name, face, areas and settings in every page's layout. Other
# apps' content on the front page waits for PAGE_CACHE_SECONDS instead, so that
# their writes (audit rows, jobs, case logs, votes) pay nothing and keep
# Django's fast delete.
WATCHED_APPS = ("ideas", "organisation")


def watched(model: type[models.Model]) -> bool:
    """Whether a change of ``model`` rows must reach the cached pages at once."""
    if model._meta.label_lower == "organisation.organisation":
        return True
    names = {field.name for field in model._meta.get_fields()}
    return "organisation" in names and (
        model._meta.app_label in WATCHED_APPS
        or hasattr(model, "page_scopes")
        or hasattr(model, "page_scope_field")
    )


def connect_signals() -> None:
    for model in filter(watched, apps.get_models()):
        uid = f"tuuma.web.pagecache:{model._meta.label_lower}"
        post_save.connect(_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_changed, sender=model, dispatch_uid=uid)
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                _changed, sender=field.remote_field.through, dispatch_uid=uid
            )


def _may_use(request: HttpRequest) -> bool:
    return (
        request.method == "GET"
        and settings.PAGE_CACHE_SECONDS > 0
        and getattr(request, "organisation", None) is not None
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and "Authorization" not in request.headers
        and not request.user.is_authenticated
    )


def _may_store(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        # A page that asked for a CSRF token would hand it to the next visitor.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


@functools.cache
def _release_tag() -> str:
    """The static files' manifest: a new release never serves an older page
    (its hashed file names may be gone)."""
    from django.contrib.staticfiles.storage import staticfiles_storage

    return str(getattr(staticfiles_storage, "manifest_hash", ""))


def _key(request: HttpRequest, versions: list[str]) -> str:
    parts = [
        _release_tag(),
        str(request.organisation.pk),
        translation.get_language(),
        "htmx" if getattr(request, "htmx", False) else "page",
        request.get_full_path(),
        *versions,
    ]
    return "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def cached_page(scopes: Callable[..., list[str]]) -> Callable:
    """Serve the view's anonymous answer from the page cache.

    ``scopes(request, *args, **kwargs)`` names the scopes the page depends on.
    Put it under the view's access decorator, which still decides every request.
    """

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not _may_use(request):
                return view(request, *args, **kwargs)
            versions = _versions(
                scopes(request, *args, **kwargs), request.organisation.pk
            )
            key = _key(request, versions)
            pages = caches["pages"]
            stored = pages.get(key)
            if stored is not None:
                headers, body = stored
                response = HttpResponse(zlib.decompress(body), headers=headers)
            else:
                response = view(request, *args, **kwargs)
                if _may_store(request, response):
                    body = zlib.compress(response.content, 1)
                    headers = dict(response.headers.items())
                    pages.set(key, (headers, body), settings.PAGE_CACHE_SECONDS)
            # What a signed-in person gets at this address differs.
            patch_vary_headers(response, ("Cookie",))
            return response

        return wrapper

    return decorator


def organisation_scopes(request: HttpRequest, *args, **kwargs) -> list[str]:
    return [org_scope(request.organisation.pk)]


def object_scopes(request: HttpRequest, obj: models.Model, *a, **kw) -> list[str]:
    """An object's page (its view loads it with ``@requires(..., load=Model)``)."""
    return [site_scope(request.organisation.pk), object_scope(type(obj), obj.pk)]
