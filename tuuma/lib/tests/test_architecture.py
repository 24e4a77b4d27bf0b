"""The layering of the apps is a rule the suite enforces, not a drawing."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_every_import_runs_downward_and_the_engine_needs_no_django():
    """pyproject.toml's import-linter contracts hold (see CONTRIBUTING.md)."""
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(linter), "--no-cache"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_architecture_map_matches_the_imports():
    """docs/architecture.md's table is regenerated from the code, never edited."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "architecture_graph.py"), "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_modules_and_functions_stay_small():
    """No module over 400 lines, no function over 80 (tests and migrations aside)."""
    import ast

    too_big = []
    for path in sorted((ROOT / "tuuma").rglob("*.py")):
        if {"tests", "migrations"} & set(path.parts):
            continue
        text = path.read_text()
        if text.count("\n") > 400:
            too_big.append(f"{path.relative_to(ROOT)}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > 80:
                    too_big.append(f"{path.relative_to(ROOT)}:{node.name}: {length}")
    assert too_big == []
