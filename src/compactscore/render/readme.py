"""The README a new scorecard repository starts with: how the group uses it."""

from __future__ import annotations


def readme_text(area: str, title: str, period: str, count: int, ending: str = ".csv") -> str:
    """A short guide for the Compact group, in plain words; ``ending`` is the sheets' kind."""
    kind = "CSV file" if ending == ".csv" else "workbook"
    save = (
        'Save the sheet as CSV (Excel: "CSV UTF-8")'
        if ending == ".csv"
        else "Choose each score from its cell's list, save the workbook as it is"
    )
    return f"""# {area} Compact Scorecard

The {area} Compact group's scores against the {title}: {count} indicators,
each scored 0 to 3. One {kind} per period is kept in `scores/`, named for
the period (`{period}{ending}`); git keeps the record of what was agreed and when.

## How we score

1. Before the meeting, the sector representatives and the public bodies may
   each give their own score (add `sector_score` and `public_score` columns).
2. At the meeting, agree one `score` per indicator, with the `evidence`, the
   `action`, its `owner` and, if wanted, a `target` score.
3. Leave `score` empty until it is agreed. Write `n/a` only when an indicator
   cannot apply here, and say why in `evidence`.
4. {save}, then keep the record with
   `compactscore save -m "Scores agreed at the March meeting"`: it checks the
   sheets and commits them, the config and the definition, and nothing else.

## Commands

- `compactscore check` looks for mistakes in the sheets.
- `compactscore score` shows the latest period's totals by theme.
- `compactscore trend` shows every period and the direction of travel.
- `compactscore gaps` lists the indicators to act on, largest gap first.
- `compactscore new` starts next period's sheet from this one.
- `compactscore save -m "MESSAGE"` keeps the record of what was agreed.
- `compactscore actions` lists the open actions, overdue ones first.
- `compactscore history scores/{period}{ending}` shows when each score, evidence
  or action changed.
"""
