"""Synthetic scorecard repositories for the benchmark: areas x years of realistic sheets.

Each area is a folder with its own ``compactscore.yaml`` (the bundled definition)
and a ``scores/`` folder of financial-year sheets, 2008-09 onwards. The text is
made from a fixed seed, so the same sizes always give the same files.

Run on its own: python benchmarks/generate.py OUT_DIR --areas 40 --years 25
"""

from __future__ import annotations

import argparse
import csv
import io
import random
from pathlib import Path

FIRST_YEAR = 2008
INDICATORS = 17
YEARS_OF_HISTORY = 16  # the history sheet is 2024-25
TITLES = (
    "Shared vision",
    "Resourced, unified plan",
    "Compact as the measure",
    "Whole sector involved",
    "Influential representation",
    "Capacity to deliver and engage",
    "Volunteering",
    "Community engagement",
    "Civil participation",
    "Working with public bodies",
    "Relationship",
    "Compact proofing",
    "Sustainable funding",
    "Networks and collaboration",
    "Independence",
    "Leadership and infrastructure",
    "Value and impact",
)
_WHO = (
    "The council",
    "The CVS",
    "The Primary Care Trust",
    "The Sector Forum",
    "The Volunteer Centre",
    "The police commander's panel",
    "The Compact Group",
    "The Health and Wellbeing Board",
)
_DID = (
    "endorsed the Thriving Sector statement",
    "reported the State of the Sector survey to the partnership board",
    "ran two consultations under the Compact's twelve-week guideline",
    "agreed three-year funding for infrastructure support",
    "held evening and village meetings of the Sector Forum",
    "trained 40 groups in tendering and the public law duties",
    "published the relationship poll with an action plan",
    "met the commissioners at a September event attended by 60 groups",
)
_BUT = (
    "but resources for year three are not agreed",
    "though small groups say the briefing comes too late to respond",
    "and the sector side scored it lower than the public bodies",
    "while attendance costs of representatives are still not met",
    "and the review of welfare advice followed from it",
    "but two partners have not yet signed up",
)
_ACTIONS = (
    "Take the statement to the partnership board.",
    "Agree resources for the next budget round.",
    "Run training on the national Compact for new groups.",
    "Add Healthwatch findings to the basket of research.",
    "Publish the consultation calendar for the year.",
    "",
)
_OWNERS = (
    "Compact Group chair",
    "Council Policy Officer",
    "CVS Chief Officer",
    "Volunteer Centre manager",
    "",
)
HEADER = (
    "indicator",
    "title",
    "score",
    "evidence",
    "action",
    "owner",
    "target",
    "sector_score",
    "public_score",
)


def period_name(start: int) -> str:
    """A financial year as written in file names: ``2008-09``."""
    return f"{start}-{(start + 1) % 100:02d}"


def evidence(chance: random.Random) -> str:
    """Two or three sentences of plausible evidence, about 150 to 350 characters."""
    sentences = [
        f"{chance.choice(_WHO)} {chance.choice(_DID)} in {chance.randint(2008, 2030)}, "
        f"{chance.choice(_BUT)}."
        for _ in range(chance.randint(2, 3))
    ]
    return " ".join(sentences)


def sheet_text(chance: random.Random, scores: list[int]) -> str:
    """One sheet: every indicator with its score, evidence, action and the two sides' scores."""
    rows = [
        row_of(chance, number, title, score)
        for number, (title, score) in enumerate(zip(TITLES, scores, strict=True), start=1)
    ]
    return text_of(rows)


def row_of(chance: random.Random, number: int, title: str, score: int) -> tuple[object, ...]:
    """One indicator's row, with made-up evidence, action, owner, target and sides' scores."""
    sector = max(0, min(3, score + chance.choice((-1, 0, 0, 1))))
    public = max(0, min(3, score + chance.choice((-1, 0, 0, 1))))
    target = str(min(3, score + 1)) if chance.random() < 0.3 else ""
    # A few indicators wait for the adjourned meeting, or do not apply here.
    draw = chance.random()
    written = "" if draw < 0.02 else "n/a" if draw < 0.03 else str(score)
    return (
        number,
        title,
        written,
        evidence(chance),
        chance.choice(_ACTIONS),
        chance.choice(_OWNERS),
        target,
        sector,
        public,
    )


def text_of(rows: list[tuple[object, ...]]) -> str:
    """A sheet's CSV text: the header, then the rows."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue()


def generate_area(folder: Path, name: str, years: int, chance: random.Random) -> list[Path]:
    """One area's repository: its config and a sheet per year; the sheets' paths."""
    scores_dir = folder / "scores"
    scores_dir.mkdir(parents=True, exist_ok=True)
    (folder / "compactscore.yaml").write_text(
        f"area: {name}\ndefinition: thriving-sector\nscores: scores\n", encoding="utf-8"
    )
    scores = [chance.randint(0, 3) for _ in range(INDICATORS)]
    paths = []
    for offset in range(years):
        # Scores drift a point at a time, as real areas' do from year to year.
        scores = [max(0, min(3, s + chance.choice((-1, 0, 0, 0, 1)))) for s in scores]
        path = scores_dir / f"{period_name(FIRST_YEAR + offset)}.csv"
        path.write_text(sheet_text(chance, scores), encoding="utf-8")
        paths.append(path)
    return paths


def generate(root: Path, areas: int, years: int, seed: int = 7) -> list[Path]:
    """Areas x years of sheets under root (one folder per area); the area folders."""
    chance = random.Random(seed)
    folders = []
    for number in range(1, areas + 1):
        folder = root / f"area-{number:04d}"
        generate_area(folder, f"Area {number}", years, chance)
        folders.append(folder)
    return folders


def main() -> None:
    """Write a synthetic collection of scorecard repositories."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--areas", type=int, default=40)
    parser.add_argument("--years", type=int, default=25)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    folders = generate(args.out, args.areas, args.years, args.seed)
    print(f"Wrote {len(folders) * args.years} sheets in {len(folders)} areas under {args.out}")


if __name__ == "__main__":
    main()


def generate_history(folder: Path, commits: int, seed: int = 7) -> Path:
    """A git repository of one area whose newest sheet was changed in ``commits`` commits.

    Each commit after the first moves one indicator's score a point and rewrites
    that row's evidence, as a coordinator's corrections do; authors and dates
    vary. The commits are written by one ``git fast-import``, so 10,000 take
    seconds. Returns the sheet's path.
    """
    import subprocess

    chance = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    config = b"area: History\ndefinition: thriving-sector\nscores: scores\n"
    name = f"scores/{period_name(FIRST_YEAR + YEARS_OF_HISTORY)}.csv"
    scores = [chance.randint(0, 3) for _ in range(INDICATORS)]
    rows = [row_of(chance, n + 1, TITLES[n], score) for n, score in enumerate(scores)]
    stream = io.BytesIO()
    when = 1_400_000_000
    for number in range(1, commits + 1):
        if number > 1:
            moved = chance.randrange(INDICATORS)
            step = chance.choice((-1, 1)) if 0 < scores[moved] < 3 else 1 - scores[moved] // 3 * 2
            scores[moved] += step
            rows[moved] = row_of(chance, moved + 1, TITLES[moved], scores[moved])
        text = text_of(rows).encode("utf-8")
        author = chance.choice(_OWNERS) or "Compact Group secretary"
        message = f"Correction {number}: {chance.choice(_ACTIONS) or 'Scores agreed'}".encode()
        when += chance.randint(600, 86_400)
        stream.write(b"commit refs/heads/main\n")
        stream.write(f"committer {author} <scores@example.org> {when} +0000\n".encode())
        stream.write(b"data %d\n%s\n" % (len(message), message))
        if number == 1:  # later commits continue the branch, and keep its files
            stream.write(b"M 644 inline compactscore.yaml\ndata %d\n%s\n" % (len(config), config))
        stream.write(b"M 644 inline %s\ndata %d\n%s\n" % (name.encode(), len(text), text))
    subprocess.run(
        ["git", "fast-import", "--quiet"], cwd=folder, input=stream.getvalue(), check=True
    )
    subprocess.run(["git", "symbolic-ref", "HEAD", "refs/heads/main"], cwd=folder, check=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=folder, check=True)
    return folder / name
