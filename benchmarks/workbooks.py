"""check of 1,000 .xlsx sheets against a bare python-calamine loop over the same files.

The sheets are benchmarks/generate.py's synthetic ones (40 areas x 25 years), each
saved once as an .xlsx workbook with XlsxWriter (numbers as numbers) into
benchmarks/out/workbooks/. Then, in turn, round after round (medians reported):

- the floor: a bare Python process that imports python_calamine, finds the same
  files and reads every cell of each workbook's first sheet (``to_python``);
- ``compactscore check`` of the folder: the same files found, each worksheet
  chosen, read and checked against the definition, every problem worded.

The target is check within 3x the floor. ``run.py`` measures the same two
commands (wall-clock medians) with every other target in its one run; this
script gives their CPU time as well. Run from the project root:

    .venv/bin/python benchmarks/workbooks.py --runs 5
"""

from __future__ import annotations

import argparse
import csv
import io
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

FLOOR = """
import os, sys
from python_calamine import CalamineWorkbook
cells = 0
for folder, _, names in os.walk(sys.argv[1]):
    for name in names:
        if name.endswith(".xlsx"):
            with CalamineWorkbook.from_path(os.path.join(folder, name)) as book:
                cells += sum(len(row) for row in book.get_sheet_by_index(0).to_python())
print(cells)
"""


def as_workbooks(source: Path, target: Path) -> int:
    """Save every CSV sheet below ``source`` as an .xlsx under ``target``; the count."""
    import xlsxwriter

    count = 0
    for sheet in sorted(source.rglob("*.csv")):
        out = target / sheet.relative_to(source).with_suffix(".xlsx")
        out.parent.mkdir(parents=True, exist_ok=True)
        config = sheet.parent.parent / "compactscore.yaml"
        if config.is_file():
            shutil.copy(config, out.parent.parent / "compactscore.yaml")
        book = xlsxwriter.Workbook(str(out))
        scores = book.add_worksheet("Scores")
        with sheet.open(encoding="utf-8-sig", newline="") as handle:
            for line, record in enumerate(csv.reader(io.StringIO(handle.read()))):
                for at, cell in enumerate(record):
                    if cell.isdigit():
                        scores.write_number(line, at, int(cell))
                    else:
                        scores.write_string(line, at, cell)
        book.close()
        count += 1
    return count


def timed(command: list[str]) -> tuple[float, float]:
    """Wall-clock seconds and CPU seconds (user and system) of one run of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return elapsed, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--areas", type=int, default=40)
    parser.add_argument("--years", type=int, default=25)
    arguments = parser.parse_args()
    out = HERE / "out"
    csv_root = out / f"workbook-sources-{arguments.areas}x{arguments.years}"
    root = out / f"workbooks-{arguments.areas}x{arguments.years}"
    if not root.is_dir():
        generate(csv_root, arguments.areas, arguments.years)
        count = as_workbooks(csv_root, root)
    else:
        count = len(list(root.rglob("*.xlsx")))
    python = sys.executable
    compactscore = str(Path(python).with_name("compactscore"))
    commands = {
        "bare python-calamine loop": [python, "-c", FLOOR, str(root)],
        "compactscore check": [compactscore, "check", str(root)],
    }
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(arguments.runs):
        for name, command in commands.items():
            times[name].append(timed(command))

    def medians(name: str) -> tuple[float, float, float]:
        walls, cpus = zip(*times[name], strict=True)
        return statistics.median(walls), min(walls), statistics.median(cpus)

    floor = medians("bare python-calamine loop")
    print(f"{count} .xlsx sheets, {arguments.runs} runs each, medians:")
    print("| command | median s | fastest s | CPU s | x floor (median) | x floor (CPU) |")
    print("|---|---|---|---|---|---|")
    for name in times:
        wall, fastest, cpu = medians(name)
        print(
            f"| {name} | {wall:.2f} | {fastest:.2f} | {cpu:.2f} | {wall / floor[0]:.2f} "
            f"| {cpu / floor[2]:.2f} |"
        )
    ratio = medians("compactscore check")[2] / floor[2]
    return 0 if ratio <= 3 else 1


if __name__ == "__main__":
    raise SystemExit(main())
