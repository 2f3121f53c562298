"""The benchmark runner's verdicts and tables (its timings are never asserted)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _runner() -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec = importlib.util.spec_from_file_location("bench_run", BENCHMARKS / "run.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["bench_run"] = module  # dataclasses look their module up by name
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCHMARKS))


run = _runner()


def test_a_target_passes_or_fails_against_its_limit() -> None:
    assert run.Target("score", 1.2, 1.25).verdict == "pass"
    assert run.Target("score", 1.3, 1.25).verdict == "FAIL"
    assert run.Target("faster than", 2.6, 2.5, at_least=True).verdict == "pass"
    assert run.Target("faster than", 2.4, 2.5, at_least=True).verdict == "FAIL"
    assert run.Target("compare", None, 150, unit=" MB").verdict == "not available"
    assert run.Target("script", 1.1, 1.0, reference=True).verdict == "slower"


def test_a_target_row_shows_the_measure_the_limit_and_the_verdict() -> None:
    row = run.Target("peak memory", 72.214, 150, unit=" MB").row()
    assert row == ["peak memory", "72.21 MB", "<= 150 MB", "pass"]


def test_run_once_gives_the_exit_status_and_the_childs_own_peak_memory() -> None:
    seconds, peak_kb, status = run.run_once([sys.executable, "-c", "raise SystemExit(3)"])
    assert status == 3
    assert seconds > 0
    assert peak_kb > 1000  # a Python process holds more than a megabyte


def test_measure_runs_each_command_the_number_of_times_asked() -> None:
    group = [run.Measured("pass", [sys.executable, "-c", "pass"])]
    run.measure(group, 2)
    assert len(group[0].times) == 2
    assert group[0].statuses == {0}


def test_the_figures_table_is_markdown_with_ratios_to_the_floor() -> None:
    measured = run.Measured("score", ["x"], sheets=None, times=[0.2, 0.3, 0.25], peak_kb=2048)
    lines = run.figures_table([measured], floor=0.1).splitlines()
    assert lines[0].startswith("| command | sheets | median s |")
    assert lines[2] == "| score |  | 0.250 | 0.200 | 2 | 2.50 |  |"


def test_at_the_smoke_size_no_target_is_judged() -> None:
    assert run.Target("score", 9.0, 1.25, judged=False).verdict == "not judged"


def test_check_of_workbooks_is_judged_against_the_bare_calamine_loop() -> None:
    def measured(name: str, times: list[float], sheets: int | None = None) -> object:
        return run.Measured(name, ["x"], sheets=sheets, times=times)

    quick = {
        name: measured(name, [0.2])
        for name in (
            "start-up floor (import typer, yaml, rich.table, pydantic)",
            "compactscore score FILE",
            "reference: straightforward typer + pydantic + rich script",
            "compactscore --help",
            "compactscore --version",
            run.TYPER_ALONE,
            run.PYDANTIC_ALONE,
        )
    }
    workbooks = {
        run.CALAMINE_FLOOR_NAME: measured(run.CALAMINE_FLOOR_NAME, [0.3, 0.25, 0.2], 1000),
        run.CHECK_WORKBOOKS: measured(run.CHECK_WORKBOOKS, [0.8, 0.7, 0.9], 1000),
    }
    targets = run.targets_of(quick, [], [], workbooks)
    assert targets[-1].row() == [
        "check 1,000 .xlsx sheets / bare python-calamine loop",
        "3.20x",
        "<= 3x",
        "FAIL",
    ]
