"""Redraw the app graph in docs/architecture.md from the code's real imports.

    .venv/bin/python docs/architecture_graph.py          # rewrite the section
    .venv/bin/python docs/architecture_graph.py --check  # exit 1 if it is stale

The section between the ``imports`` markers lists, floor by floor as
pyproject.toml's import contract orders them, each app and the apps it imports
from (tests left out). The suite runs ``--check``, so the map cannot drift.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "architecture.md"
START, END = "<!-- imports:start -->", "<!-- imports:end -->"


def floors() -> list[list[str]]:
    """The layers of the import contract, top floor first, optional ones unwrapped."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    contract = config["tool"]["importlinter"]["contracts"][0]
    return [
        [name.strip().strip("()") for name in layer.split("|")]
        for layer in contract["layers"]
    ]


def app_of(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2])


def app_imports() -> dict[str, set[str]]:
    graph = grimp.build_graph("tuuma")
    edges: dict[str, set[str]] = {}
    for module in graph.modules:
        if ".tests" in module or ".migrations" in module:
            continue
        source = app_of(module)
        for imported in graph.find_modules_directly_imported_by(module):
            target = app_of(imported)
            if target != source and ".tests" not in imported:
                edges.setdefault(source, set()).add(target)
    return edges


def section() -> str:
    edges = app_imports()
    lines = [
        START,
        "| floor | app | imports from |",
        "|---:|---|---|",
    ]
    present = {app_of(m) for m in grimp.build_graph("tuuma").modules}
    layers = floors()
    for number, layer in enumerate(layers):
        for app in layer:
            if app not in present:
                continue
            uses = ", ".join(
                f"`{name.removeprefix('tuuma.')}`"
                for name in sorted(edges.get(app, ()))
            )
            floor = len(layers) - number
            lines.append(
                f"| {floor} | `{app.removeprefix('tuuma.')}` | {uses or '—'} |"
            )
    lines.append(END)
    return "\n".join(lines)


def main() -> int:
    text = DOC.read_text()
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    updated = before + section() + after
    if "--check" in sys.argv:
        if updated != text:
            sys.stderr.write("docs/architecture.md is stale: run the script\n")
            return 1
        return 0
    DOC.write_text(updated)
    return 0


if __name__ == "__main__":
    sys.exit(main())
