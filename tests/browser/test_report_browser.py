"""The report in a real browser: offline, no errors, both charts, every section, text escaped."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from compactscore.cli import app

RIVERTON = Path(__file__).resolve().parents[2] / "examples" / "riverton"
SECTIONS = (
    "headline",
    "star-chart",
    "total-over-time",
    "indicators",
    "themes",
    "gaps-to-act-on",
    "where-the-sector-and-the-public-bodies-disagreed",
    "sources",
)


@pytest.fixture
def report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The Riverton report, with hostile evidence and actions in its latest sheet."""
    folder = tmp_path / "riverton"
    shutil.copytree(RIVERTON, folder)
    sheet = folder / "scores" / "2013-14.csv"
    text = sheet.read_text(encoding="utf-8")
    text = text.replace("The Thriving Sector statement is endorsed", "<script>alert(1)</script>")
    text = text.replace("Compact Group chair,3", "<img src=x onerror=alert(1)>,3", 1)
    sheet.write_text(text, encoding="utf-8")
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(app, ["report", "-o", "board.html"])
    assert result.exit_code == 0, result.stderr
    return folder / "board.html"


INTERNAL = ("chrome://", "chrome-untrusted://", "about:")


def requested(driver: Any) -> list[str]:
    """Every URL asked for, from Chromium's network log, but for its own new-tab page.

    Chromium builds its start page from inside itself (chrome:// documents) while
    the report opens; that never touches the network. Anything else is counted.
    """
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            params = message["params"]
            if not params.get("documentURL", "").startswith(INTERNAL):
                urls.append(params["request"]["url"])
    return urls


def test_the_report_renders_offline_with_both_charts(
    browser: Any, report: Path, tmp_path: Path
) -> None:
    browser.get(report.as_uri())
    assert requested(browser) == [report.as_uri()]
    assert browser.get_log("browser") == []
    script = "return document.querySelectorAll(arguments[0]).length"
    assert browser.execute_script(script, "figure.radar svg") == 1
    assert browser.execute_script(script, "figure.trend svg") == 1
    # 2012-13 all 17 indicators, 2013-14 the 11 scored; the total in each of 6 periods.
    assert browser.execute_script(script, "figure.radar .series .dots") == 17 + 11
    assert browser.execute_script(script, "figure.trend .series .dots") == 6
    for section in SECTIONS:
        assert browser.execute_script(script, f"section#{section}") == 1, section
    body = browser.execute_script("return document.body.innerText")
    assert "<script>alert(1)</script>" in body
    assert "<img src=x onerror=alert(1)>" in body
    assert browser.execute_script(script, "script, img, iframe, object") == 0
    assert "23\nout of 51 (45.1%)" in body or "23 out of 51 (45.1%)" in body
    height = browser.execute_script("return document.documentElement.scrollHeight")
    for name, width in (("desktop", 1200), ("a4", 794)):
        browser.set_window_size(width, height + 200)
        assert browser.save_screenshot(str(tmp_path / f"report-{name}.png"))
        assert (tmp_path / f"report-{name}.png").stat().st_size > 10_000
