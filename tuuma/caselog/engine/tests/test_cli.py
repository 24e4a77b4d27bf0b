"""The ``tuuma caselog`` command, run as a separate process."""

from __future__ import annotations

import json
import subprocess
import sys

from tuuma.caselog.engine.tests.conftest import SMALL_CSV, write

RUN = [sys.executable, "-c", "import sys; from tuuma.cli import main; sys.exit(main())"]


def tuuma(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603
        [*RUN, "caselog", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_analyze_json(tmp_path):
    src = write(tmp_path, "small.csv", SMALL_CSV)
    result = tuuma("analyze", str(src), "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert set(figures) == {
        "cases",
        "events",
        "activities",
        "variants",
        "start_activities",
        "end_activities",
        "dfg",
        "throughput_seconds",
        "top_variants",
    }
    assert figures["cases"] == 3
    assert figures["top_variants"][0] == {"activities": ["A", "B"], "cases": 2}


def test_import_then_analyze_directory(tmp_path):
    src = write(tmp_path, "small.csv", SMALL_CSV)
    assert tuuma("import", str(src), str(tmp_path / "log")).returncode == 0
    from_dir = tuuma("analyze", str(tmp_path / "log"), "--json")
    assert json.loads(from_dir.stdout) == json.loads(
        tuuma("analyze", str(src), "--json").stdout
    )
    text = tuuma("analyze", str(tmp_path / "log"))
    assert "cases 3" in text.stdout


def test_bad_input_is_one_line_without_traceback(tmp_path):
    src = write(
        tmp_path, "bad.csv", "case:concept:name,concept:name,time:timestamp\nc,A,soon\n"
    )
    result = tuuma("analyze", str(src), "--json")
    assert result.returncode != 0
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "bad_timestamp" in result.stderr and "Traceback" not in result.stderr


def test_cli_does_not_import_django(tmp_path):
    src = write(tmp_path, "small.csv", SMALL_CSV)
    code = (
        "import sys; from tuuma.cli import main; rc = main(['caselog', 'analyze', "
        f"{str(src)!r}, '--json']); "
        "assert not [m for m in sys.modules if m.split('.')[0] == 'django'], 'django'; "
        "sys.exit(rc)"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_missing_path(tmp_path):
    result = tuuma("analyze", str(tmp_path / "nothing.xes"))
    assert result.returncode == 2
    assert "[not_found]" in result.stderr
