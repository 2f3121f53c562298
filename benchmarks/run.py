"""Measure compactscore against its floors: whole processes, several runs, medians, ratios.

Reproduce the published figures with one command (from the project root, in
the project's virtual environment):

    .venv/bin/python benchmarks/run.py

CI runs ``--smoke``: tiny sizes, one run each, proving the benchmark still works
(no targets are judged at that size: timings that small mean nothing).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate, generate_history  # noqa: E402
from workbooks import FLOOR as CALAMINE_FLOOR  # noqa: E402
from workbooks import as_workbooks  # noqa: E402

YEARS = 25
FULL_AREAS = (4, 40, 400)  # x 25 years: 100, 1,000 and 10,000 sheets
SMOKE_AREAS = (2, 4)  # x 5 years: 10 and 20 sheets; compare needs two areas
SMOKE_YEARS = 5
FULL_HISTORY = (1_000, 10_000)  # commits that changed the one sheet history reads
SMOKE_HISTORY = (10, 30)
FULL_WORKBOOK_AREAS = 40  # x 25 years: 1,000 .xlsx sheets
SMOKE_WORKBOOK_AREAS = 2
CALAMINE_FLOOR_NAME = "bare python-calamine loop (same .xlsx files)"
CHECK_WORKBOOKS = "compactscore check FOLDER (.xlsx sheets)"
START_UP_FLOOR = "import typer, yaml; from rich.table import Table; from pydantic import BaseModel"
# The floor, then one small pydantic model defined and one row validated: importing
# BaseModel loads little, and the first model pays for the rest of pydantic.
PYDANTIC_FIRST_USE = (
    START_UP_FLOOR
    + "\nclass Row(BaseModel):\n    indicator: int\n    score: int | None = None\n"
    + "Row.model_validate({'indicator': 1, 'score': 2})"
)
TYPER_ALONE = "reference: the floor + typer parsing score's options, nothing done"
PYDANTIC_ALONE = "reference: the floor + one pydantic model, one row validated"
# The history floor: the start-up floor, then one ``git log -p`` of the file, its output read.
HISTORY_FLOOR = (
    START_UP_FLOOR
    + "\nimport subprocess, sys\n"
    + "subprocess.run(['git', 'log', '-p', '--', sys.argv[1]], capture_output=True, check=True)"
)
TREND = "compactscore trend (one area)"
HISTORY_FLOOR_NAME = "history floor (start-up floor + one git log -p of the file)"
HISTORY = "compactscore history FILE"
HISTORY_CSV = "compactscore history --format csv FILE (no table drawn)"
BULK_FLOOR = """
import csv, sys
from pathlib import Path
rows = 0
for path in sorted(Path(sys.argv[1]).rglob("*.csv")):
    with open(path, newline="", encoding="utf-8") as handle:
        rows += sum(1 for _ in csv.reader(handle))
print(rows)
"""


@dataclass
class Measured:
    """Every run of one command: wall times, peak memory, exit statuses."""

    name: str
    command: list[str]
    cwd: Path | None = None
    sheets: int | None = None
    commits: int | None = None
    times: list[float] = field(default_factory=list)
    peak_kb: int = 0
    statuses: set[int] = field(default_factory=set)

    @property
    def median(self) -> float:
        """The median wall time in seconds."""
        return statistics.median(self.times)

    @property
    def peak_mb(self) -> float:
        """The largest resident set size of any run, in MB."""
        return self.peak_kb / 1024


def run_once(command: Sequence[str], cwd: Path | None = None) -> tuple[float, int, int]:
    """Run a whole process once: (seconds, peak resident KB, exit status)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    # wait4 gives this child's own peak memory, not the largest of all children so far.
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss, process.returncode


def measure(group: list[Measured], runs: int) -> None:
    """Each command run in turn, round after round, so machine noise falls on all alike."""
    for measured in group:
        run_once(measured.command, measured.cwd)  # warm the file and bytecode caches
    for _ in range(runs):
        for measured in group:
            seconds, peak_kb, status = run_once(measured.command, measured.cwd)
            measured.times.append(seconds)
            measured.peak_kb = max(measured.peak_kb, peak_kb)
            measured.statuses.add(status)


def find_compactscore() -> list[str]:
    """The installed command beside this Python, as a user runs it."""
    script = Path(sys.executable).parent / "compactscore"
    return [str(script)] if script.exists() else [sys.executable, "-m", "compactscore"]


def find_frictionless(given: str | None) -> str | None:
    """frictionless, if installed: named, on PATH, beside this Python, or in .venv-frictionless."""
    candidates = [
        given,
        shutil.which("frictionless"),
        str(Path(sys.executable).parent / "frictionless"),
        str(HERE.parent / ".venv-frictionless" / "bin" / "frictionless"),
    ]
    return next((c for c in candidates if c and Path(c).exists()), None)


def byte_compile_compactscore(python: str) -> None:
    """Compile the package's modules once, as pip does on install.

    An editable install run with PYTHONDONTWRITEBYTECODE set would otherwise
    compile every module from source on every run, which no installed copy does.
    """
    code = (
        "import compileall, importlib.util, sys; "
        "spec = importlib.util.find_spec('compactscore'); "
        "sys.exit(0 if all(compileall.compile_dir(p, quiet=1) "
        "for p in spec.submodule_search_locations) else 1)"
    )
    subprocess.run([python, "-c", code], check=True)


def has_command(compactscore: list[str], name: str) -> bool:
    """Whether the installed compactscore has a command (trend and compare came later)."""
    _, _, status = run_once([*compactscore, name, "--help"])
    return status == 0


def collection(out: Path, areas: int, years: int) -> tuple[Path, list[Path]]:
    """A synthetic collection of areas x years, generated once and reused."""
    root = out / "data" / f"{areas}x{years}"
    done = root / ".complete"
    if not done.exists():
        if root.exists():
            shutil.rmtree(root)
        generate(root, areas, years)
        done.write_text("generated\n", encoding="utf-8")
    return root, sorted(path for path in root.iterdir() if path.is_dir())


def history_repository(out: Path, commits: int) -> Path:
    """A repository whose one sheet was changed in that many commits, generated once; the sheet."""
    root = out / "data" / f"history-{commits}"
    done = root / ".complete"
    if not done.exists():
        if root.exists():
            shutil.rmtree(root)
        generate_history(root / "area", commits)
        done.write_text("generated\n", encoding="utf-8")
    return next((root / "area" / "scores").glob("*.csv"))


def workbook_collection(out: Path, areas: int, years: int) -> tuple[Path, int]:
    """The collection's sheets saved as .xlsx workbooks (numbers as numbers), once; their count."""
    source, _ = collection(out, areas, years)
    root = out / "data" / f"workbooks-{areas}x{years}"
    done = root / ".complete"
    if not done.exists():
        if root.exists():
            shutil.rmtree(root)
        as_workbooks(source, root)
        done.write_text("generated\n", encoding="utf-8")
    return root, len(list(root.rglob("*.xlsx")))


def workbook_group(python: str, compactscore: list[str], root: Path, sheets: int) -> list[Measured]:
    """check of a folder of .xlsx sheets, beside a bare python-calamine loop over the same files."""
    group = [
        Measured(CALAMINE_FLOOR_NAME, [python, "-c", CALAMINE_FLOOR, str(root)]),
        Measured(CHECK_WORKBOOKS, [*compactscore, "check", str(root)]),
    ]
    for measured in group:
        measured.sheets = sheets
    return group


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "cpu": cpu,
        "cpus": str(os.cpu_count()),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
    }


@dataclass
class Target:
    """One target of the issue: a measured ratio (or MB) against its limit."""

    what: str
    value: float | None
    limit: float
    at_least: bool = False
    unit: str = "x"
    reference: bool = False  # shown for comparison, not one of the targets
    judged: bool = True  # False at the smoke size, where timings mean nothing

    @property
    def verdict(self) -> str:
        """pass, FAIL, or why it could not be judged."""
        if self.value is None:
            return "not available"
        if not self.judged:
            return "not judged"
        met = self.value >= self.limit if self.at_least else self.value <= self.limit
        if self.reference:
            return "faster" if met else "slower"
        return "pass" if met else "FAIL"

    def row(self) -> list[str]:
        """The target as a table row."""
        sign = ">=" if self.at_least else "<="
        shown = "-" if self.value is None else f"{self.value:.2f}{self.unit}"
        return [self.what, shown, f"{sign} {self.limit:g}{self.unit}", self.verdict]


def quick_group(
    python: str,
    compactscore: list[str],
    sheet: Path,
    frictionless: str | None,
    available: frozenset[str] | set[str] = frozenset(),
) -> list[Measured]:
    """The start-up commands and their floors, measured together."""
    group = [
        Measured("python -c pass", [python, "-c", "pass"]),
        Measured(
            "start-up floor (import typer, yaml, rich.table, pydantic)",
            [python, "-c", START_UP_FLOOR],
        ),
        Measured("compactscore score FILE", [*compactscore, "score", str(sheet)]),
        Measured(
            "reference: straightforward typer + pydantic + rich script",
            [python, str(HERE / "straightforward.py"), str(sheet)],
        ),
        Measured(TYPER_ALONE, [python, str(HERE / "typer_alone.py"), str(sheet)]),
        Measured(PYDANTIC_ALONE, [python, "-c", PYDANTIC_FIRST_USE]),
        Measured("compactscore --help", [*compactscore, "--help"]),
        Measured("compactscore --version", [*compactscore, "--version"]),
    ]
    if "trend" in available:
        # trend reads one repository: a start-up-sized command, timed beside its floor.
        area = sheet.parent.parent
        group.append(
            Measured(
                TREND,
                [*compactscore, "trend"],
                cwd=area,
                sheets=len(list((area / "scores").glob("*.csv"))),
            )
        )
    if frictionless:
        # frictionless refuses absolute paths as unsafe: it is given the name, in the folder.
        group.append(
            Measured(
                "frictionless validate FILE",
                [frictionless, "validate", sheet.name],
                cwd=sheet.parent,
            )
        )
    return group


def bulk_group(
    python: str, compactscore: list[str], root: Path, areas: list[Path], available: set[str]
) -> list[Measured]:
    """The commands over a whole collection, and the bare csv-read floor of the same files."""
    sheets = len(areas) * len(list((areas[0] / "scores").glob("*.csv")))
    group = [
        Measured("csv-read floor (csv module, same files)", [python, "-c", BULK_FLOOR, str(root)]),
        Measured("compactscore check FOLDER", [*compactscore, "check", str(root)]),
        Measured(
            "national trend in one process (load_sheet + trend_of)",
            [python, str(HERE / "national_trend.py"), str(root)],
        ),
    ]
    if "compare" in available:
        group.append(
            Measured(
                "compactscore compare AREA_DIRS...", [*compactscore, "compare", *map(str, areas)]
            )
        )
    for measured in group:
        measured.sheets = sheets
    return group


def history_group(
    python: str, compactscore: list[str], sheet: Path, commits: int
) -> list[Measured]:
    """history over one sheet's commits, beside its floor, run in the repository as a user does."""
    name = f"{sheet.parent.name}/{sheet.name}"
    repository = sheet.parent.parent
    return [
        Measured(
            HISTORY_FLOOR_NAME, [python, "-c", HISTORY_FLOOR, name], repository, None, commits
        ),
        Measured(HISTORY, [*compactscore, "history", name], repository, None, commits),
        Measured(
            HISTORY_CSV,
            [*compactscore, "history", "--format", "csv", name],
            repository,
            None,
            commits,
        ),
    ]


def markdown(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table, as pasted into the README."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def figures_table(measured: list[Measured], floor: float) -> str:
    """Every command's median, fastest run, peak memory and ratio to the start-up floor."""
    rows = [
        [
            m.name,
            f"{m.commits:,} commits" if m.commits else "" if m.sheets is None else f"{m.sheets:,}",
            f"{m.median:.3f}",
            f"{min(m.times):.3f}",
            f"{m.peak_mb:.0f}",
            f"{m.median / floor:.2f}",
            ",".join(map(str, sorted(m.statuses))),
        ]
        for m in measured
    ]
    header = ["command", "sheets", "median s", "fastest s", "peak MB", "x start-up floor", "exit"]
    return markdown(header, rows)


def targets_of(
    quick: dict[str, Measured],
    bulk: list[dict[str, Measured]],
    history: list[dict[str, Measured]] | None = None,
    workbooks: dict[str, Measured] | None = None,
) -> list[Target]:
    """The issue's targets, judged from one run's medians."""
    floor = quick["start-up floor (import typer, yaml, rich.table, pydantic)"].median
    score = quick["compactscore score FILE"].median
    frictionless = quick.get("frictionless validate FILE")
    quick_targets = [
        Target(
            "score FILE / straightforward script",
            score / quick["reference: straightforward typer + pydantic + rich script"].median,
            1.0,
        ),
        Target(
            "frictionless validate / score FILE",
            frictionless.median / score if frictionless else None,
            2.5,
            at_least=True,
        ),
        Target("--help / start-up floor", quick["compactscore --help"].median / floor, 0.5),
        Target("--version / start-up floor", quick["compactscore --version"].median / floor, 0.5),
        # Today's ratio (28 November 2026: 2.13x to 2.39x) is the limit.
        Target(
            "trend (one area) / start-up floor",
            quick[TREND].median / floor if TREND in quick else None,
            2.5,
        ),
        # The earlier target against a floor that only imports the libraries, kept to compare.
        Target(
            "score FILE / start-up floor (a reference, not a target)",
            score / floor,
            1.25,
            reference=True,
        ),
        # What the score target's limit would make of typer, or of pydantic, on its own.
        Target(
            "typer alone / start-up floor (a reference, not a target)",
            quick[TYPER_ALONE].median / floor,
            1.25,
            reference=True,
        ),
        Target(
            "pydantic's first model alone / start-up floor (a reference, not a target)",
            quick[PYDANTIC_ALONE].median / floor,
            1.25,
            reference=True,
        ),
    ]
    history_targets = []
    if history and len(history) >= 2:
        small, large = history[-2], history[-1]
        few, many = f"{small[HISTORY].commits:,}", f"{large[HISTORY].commits:,}"
        history_targets = [
            Target(
                f"history over {few} commits / its floor",
                small[HISTORY].median / small[HISTORY_FLOOR_NAME].median,
                2.0,
            ),
            Target(
                f"history over {many} / over {few} commits",
                large[HISTORY].median / small[HISTORY].median,
                11.0,
            ),
            Target(
                f"history --format csv over {few} commits / its floor (a reference, not a target)",
                small[HISTORY_CSV].median / small[HISTORY_FLOOR_NAME].median,
                2.0,
                reference=True,
            ),
            Target(
                f"peak memory, history over {many} commits (a reference, not a target)",
                large[HISTORY].peak_mb,
                150,
                unit=" MB",
                reference=True,
            ),
        ]
    workbook_targets = []
    if workbooks:
        check, floor = workbooks[CHECK_WORKBOOKS], workbooks[CALAMINE_FLOOR_NAME]
        workbook_targets = [
            Target(
                f"check {check.sheets:,} .xlsx sheets / bare python-calamine loop",
                check.median / floor.median,
                3.0,
            )
        ]
    if len(bulk) < 2:
        return quick_targets + history_targets + workbook_targets
    largest, before = bulk[-1], bulk[-2]
    sheets = f"{largest['compactscore check FOLDER'].sheets:,}"
    check = largest["compactscore check FOLDER"].median
    csv_floor = largest["csv-read floor (csv module, same files)"].median
    compare = largest.get("compactscore compare AREA_DIRS...")
    return [
        *quick_targets,
        *history_targets,
        Target(f"check {sheets} sheets / csv-read floor", check / csv_floor, 3.0),
        Target(
            f"check {sheets} / check {before['compactscore check FOLDER'].sheets:,} sheets",
            check / before["compactscore check FOLDER"].median,
            11.0,
        ),
        # Today's ratio (28 November 2026: 2.94x) is the limit.
        Target(
            f"compare over {sheets} sheets / csv-read floor",
            compare.median / csv_floor if compare else None,
            3.0,
        ),
        Target(
            f"peak memory, national trend of {sheets} sheets",
            largest["national trend in one process (load_sheet + trend_of)"].peak_mb,
            150,
            unit=" MB",
        ),
        Target(
            f"peak memory, compare over {sheets} sheets",
            compare.peak_mb if compare else None,
            150,
            unit=" MB",
        ),
        *workbook_targets,
    ]


EXPECT_SUCCESS = (
    "reference: straightforward typer + pydantic + rich script",
    TYPER_ALONE,
    PYDANTIC_ALONE,
    "compactscore score FILE",
    "compactscore --help",
    "compactscore --version",
    "compactscore check FOLDER",
    "national trend in one process (load_sheet + trend_of)",
    "compactscore compare AREA_DIRS...",
    TREND,
    HISTORY_FLOOR_NAME,
    HISTORY,
    HISTORY_CSV,
    CALAMINE_FLOOR_NAME,
    CHECK_WORKBOOKS,
)


def parse_arguments() -> argparse.Namespace:
    """The command line of the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, one run: proves it works")
    parser.add_argument("--runs", type=int, default=15, help="runs of each start-up command")
    parser.add_argument("--bulk-runs", type=int, default=3, help="runs of each bulk command")
    parser.add_argument("--history-runs", type=int, default=9, help="runs of each history command")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="where data and results go")
    parser.add_argument(
        "--start-up-only", action="store_true", help="only score, --help and --version"
    )
    parser.add_argument("--frictionless", help="the frictionless command, if not found by itself")
    return parser.parse_args()


def report_of(
    everything: list[Measured], targets: list[Target], notes: list[str], floor: float
) -> str:
    """The figures and the targets as Markdown, with the machine and any notes."""
    about = machine()
    return "\n\n".join(
        [
            f"Machine: {about['cpu']}, {about['cpus']} CPUs, Python {about['python']}, "
            f"{about['system']}.",
            figures_table(everything, floor),
            markdown(["target", "measured", "limit", "verdict"], [t.row() for t in targets]),
            *notes,
        ]
    )


def save(out: Path, report: str, everything: list[Measured], targets: list[Target]) -> None:
    """The report as Markdown, and every run's figures as JSON, in the output folder."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.md").write_text(report + "\n", encoding="utf-8")
    data = {
        "machine": machine(),
        "commands": [
            {
                "name": m.name,
                "sheets": m.sheets,
                "median": m.median,
                "times": m.times,
                "peak_mb": m.peak_mb,
                "exit": sorted(m.statuses),
            }
            for m in everything
        ],
        "targets": [
            {"target": t.what, "value": t.value, "limit": t.limit, "verdict": t.verdict}
            for t in targets
        ],
    }
    (out / "results.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def main() -> int:
    """Generate the collections, measure everything, print and save the tables."""
    args = parse_arguments()
    areas_by_size = SMOKE_AREAS if args.smoke else FULL_AREAS
    years = SMOKE_YEARS if args.smoke else YEARS
    runs, bulk_runs = (1, 1) if args.smoke else (args.runs, args.bulk_runs)
    history_runs = 1 if args.smoke else args.history_runs
    python, compactscore = sys.executable, find_compactscore()
    byte_compile_compactscore(python)
    available = {name for name in ("trend", "compare") if has_command(compactscore, name)}

    collections = [collection(args.out, areas, years) for areas in areas_by_size]
    sheet = sorted((collections[0][1][0] / "scores").glob("*.csv"))[-1]
    quick = quick_group(
        python, compactscore, sheet, find_frictionless(args.frictionless), available
    )
    measure(quick, runs)
    bulk = []
    for root, areas in [] if args.start_up_only else collections:
        group = bulk_group(python, compactscore, root, areas, available)
        measure(group, bulk_runs)
        bulk.append({m.name: m for m in group})

    history = []
    for commits in [] if args.start_up_only else SMOKE_HISTORY if args.smoke else FULL_HISTORY:
        group = history_group(python, compactscore, history_repository(args.out, commits), commits)
        measure(group, history_runs)
        history.append({m.name: m for m in group})

    workbooks: dict[str, Measured] = {}
    if not args.start_up_only:
        areas = SMOKE_WORKBOOK_AREAS if args.smoke else FULL_WORKBOOK_AREAS
        root, count = workbook_collection(args.out, areas, years)
        group = workbook_group(python, compactscore, root, count)
        measure(group, bulk_runs)
        workbooks = {m.name: m for m in group}

    quick_by_name = {m.name: m for m in quick}
    floor = quick_by_name["start-up floor (import typer, yaml, rich.table, pydantic)"].median
    everything = quick + [m for group in [*history, *bulk, workbooks] for m in group.values()]
    targets = targets_of(quick_by_name, bulk, history, workbooks)
    for target in targets:
        target.judged = not args.smoke
    missing = sorted({"trend", "compare"} - available)
    notes = [
        f"Runs: {runs} of each start-up command, {history_runs} of each history command, "
        f"{bulk_runs} of each bulk command; medians."
    ]
    if missing:
        notes.append("Not available in this compactscore: " + ", ".join(missing) + ".")
    if args.smoke:
        notes.append("Smoke size: this proves the benchmark runs; its timings mean nothing.")
    report = report_of(everything, targets, notes, floor)
    print(report)
    save(args.out, report, everything, targets)

    broken = [m.name for m in everything if m.name in EXPECT_SUCCESS and m.statuses != {0}]
    if broken:
        print("These did not succeed: " + "; ".join(broken), file=sys.stderr)
        return 1
    if not args.smoke and any(t.verdict == "FAIL" for t in targets):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
