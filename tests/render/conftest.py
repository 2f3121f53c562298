"""A long history to lay out: 18 periods of one area in git, with long words and long text."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from tests.conftest import git

FIRST_YEAR = 2008
PERIODS = [f"{year}-{(year + 1) % 100:02d}" for year in range(FIRST_YEAR, FIRST_YEAR + 18)]
# A web address longer than any width: the one thing that may be broken, never cut.
LONG_WORD = "https://www.example.org/compact/evidence/" + "relationship-survey-" * 3 + "2013.pdf"
PHRASES = [
    "The Partnership board discussed the Thriving Sector statement twice",
    "small groups in the outlying villages still find the meetings hard to reach",
    "the council's commissioning team agreed a three-year timetable",
    "Healthwatch findings were added to the basket of research",
    "representatives reported back by e-mail after every meeting",
    "the Volunteer Centre placed more volunteers than the year before",
]
OWNERS = [
    "Compact Group chair",
    "Council for Voluntary Service chief executive and the Partnership's policy officer",
    "Volunteer Centre manager",
]


def sheet(period_index: int) -> str:
    """The sheet of one period: scores changing year to year, words of every length.

    Both sides' own scores are there too, so that agree has prompts to show.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    header = ["indicator", "score", "evidence", "action", "owner", "target"]
    writer.writerow([*header, "sector_score", "public_score"])
    for number in range(1, 18):
        score = min(3, (number + period_index) % 4)
        words = [PHRASES[(number + k + period_index) % len(PHRASES)] for k in range(1 + number % 3)]
        evidence = f"In {PERIODS[period_index]}, " + "; ".join(words) + "."
        if number == 12:
            evidence += f" See {LONG_WORD} for the survey."
        action = "" if score == 3 else f"Ask how {PHRASES[number % len(PHRASES)].lower()}."
        owner = "" if score == 3 else OWNERS[number % len(OWNERS)]
        public = max(0, score - number % 3)
        writer.writerow([number, score, evidence, action, owner, "", score, public])
    return out.getvalue()


def make_long_history(repo: Path) -> Path:
    """Longham: 18 periods, one commit each, then a correction with a long message."""
    (repo / "scores").mkdir(parents=True)
    (repo / "compactscore.yaml").write_text(
        "area: Longham\ndefinition: thriving-sector\nscores: scores\n", encoding="utf-8"
    )
    git(repo, "init", "-q", when="2009-05-01T10:00:00+01:00")
    for index, period in enumerate(PERIODS):
        (repo / "scores" / f"{period}.csv").write_text(sheet(index), encoding="utf-8")
        when = f"{FIRST_YEAR + index + 1}-05-01T10:00:00+01:00"
        git(repo, "add", "--all", when=when)
        git(repo, "commit", "-q", "-m", f"Scores {period} agreed at the annual review", when=when)
    latest = repo / "scores" / f"{PERIODS[-1]}.csv"
    latest.write_text(latest.read_text(encoding="utf-8").replace("\n4,1,", "\n4,2,"), "utf-8")
    when = f"{FIRST_YEAR + 19}-06-01T10:00:00+01:00"
    git(repo, "add", "--all", when=when)
    message = (
        "Correct indicator 4 after the adjourned meeting, where the public bodies' "
        f"representatives accepted the sector's evidence from {LONG_WORD}"
    )
    git(repo, "commit", "-q", "-m", message, when=when)
    return repo


@pytest.fixture(scope="session")
def long_history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 18-period repository, made once for every test that reads it."""
    return make_long_history(tmp_path_factory.mktemp("longham"))
