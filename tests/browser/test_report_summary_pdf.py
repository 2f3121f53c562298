"""The board's first page prints on one A4 page, and the rest of the report starts on the next.

Printed with headless Chromium's print-to-PDF, as a coordinator saves the report as PDF.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from tests.browser.conftest import CHROMIUM, FLAGS
from typer.testing import CliRunner

from compactscore.cli import app

RIVERTON = Path(__file__).resolve().parents[2] / "examples" / "riverton"
END_OF_SUMMARY = "<!-- end of summary -->"
LONG = (
    " and report back to the Compact Group and the board at each quarterly meeting, with "
    "the evidence gathered from the sector's own surveys."
)


@pytest.fixture
def chromium() -> Path:
    if not CHROMIUM.exists():
        reason = "Chromium is not installed (/usr/bin/chromium): install the Debian package."
        if os.environ.get("CI"):
            pytest.fail(reason + " CI must run the browser tests.")
        pytest.skip(reason)
    return CHROMIUM


def _pages(pdf: bytes) -> int:
    """How many pages a PDF has: its page objects (Chromium writes them uncompressed)."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def _print(chromium: Path, page: Path, tmp_path: Path) -> int:
    pdf = tmp_path / (page.stem + ".pdf")
    subprocess.run(
        [
            str(chromium),
            *FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--print-to-pdf={pdf}",
            "--no-pdf-header-footer",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return _pages(pdf.read_bytes())


def _report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Riverton's report, its latest sheet given long actions, every one of them overdue."""
    folder = tmp_path / "riverton"
    shutil.copytree(RIVERTON, folder)
    sheet = folder / "scores" / "2013-14.csv"
    rows = list(csv.reader(sheet.read_text(encoding="utf-8").splitlines()))
    rows[0] += ["due", "status"]
    for row in rows[1:]:
        row[4] = (row[4] or "Agree what to do") + LONG
        row += ["2014-01-31", ""]
    with sheet.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(rows)
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(app, ["report", "-o", "board.html"])
    assert result.exit_code == 0, result.stderr
    return (folder / "board.html").read_text(encoding="utf-8")


def _page_of(html: str, after_summary: str, path: Path) -> Path:
    """The report cut after its summary, with some text put after it."""
    at = html.index(END_OF_SUMMARY)
    path.write_text(html[:at] + after_summary + "</main>\n</body>\n</html>\n", encoding="utf-8")
    return path


def test_the_summary_alone_prints_on_one_page(
    chromium: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    html = _report(tmp_path, monkeypatch)
    assert html.count("<tr>") > 10  # five gaps, three overdue actions, three disagreements
    summary = _page_of(html, "", tmp_path / "summary.html")
    assert _print(chromium, summary, tmp_path) == 1


def test_the_rest_of_the_report_starts_on_the_next_page(
    chromium: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    html = _report(tmp_path, monkeypatch)
    # One short line after the summary would fit on its page: it is printed on the next.
    followed = _page_of(html, "<p>Next page.</p>\n", tmp_path / "followed.html")
    assert _print(chromium, followed, tmp_path) == 2
    whole = tmp_path / "whole.html"
    whole.write_text(html, encoding="utf-8")
    assert _print(chromium, whole, tmp_path) > 2
