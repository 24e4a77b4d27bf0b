"""Find the optional hook modules (``home``, ``api_urls``, ``demo``) of Tuuma's apps."""

from collections.abc import Iterator
from importlib import import_module
from importlib.util import find_spec
from types import ModuleType

from django.apps import apps


def app_modules(name: str, *, exclude: tuple[str, ...] = ()) -> Iterator[ModuleType]:
    """Each Tuuma app's ``<app>.<name>`` module that exists, in INSTALLED_APPS order."""
    for config in apps.get_app_configs():
        if not config.name.startswith("tuuma.") or config.name in exclude:
            continue
        module_name = f"{config.name}.{name}"
        try:
            found = find_spec(module_name)
        except ModuleNotFoundError:  # a dotted name whose package the app lacks
            found = None
        if found is not None:
            yield import_module(module_name)
