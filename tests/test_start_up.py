"""What a command loads at start-up: only what it uses, and nothing that outlives the process."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from compactscore import __version__
from compactscore.cli import COMMANDS

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "riverton"

# Runs the console script's entry point in a fresh interpreter, then reports on that process.
PROBE = """
import json, os, sys
sys.argv = ["compactscore", *sys.argv[1:]]
from compactscore.launch import main
try:
    main()
except SystemExit as done:
    status = done.code
else:
    status = 0
print(json.dumps({
    "status": status,
    "typer": "typer" in sys.modules,
    "metadata": "importlib.metadata" in sys.modules,
    "environment": "PYDANTIC_DISABLE_PLUGINS" in os.environ,
}), file=sys.stderr)
"""


def _probe(*args: str, cwd: Path) -> tuple[str, dict[str, object]]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], cwd=cwd, capture_output=True, text=True, check=True
    )
    return done.stdout, json.loads(done.stderr.splitlines()[-1])


def test_version_is_answered_without_loading_the_command_line(tmp_path: Path) -> None:
    out, seen = _probe("--version", cwd=tmp_path)
    assert out == f"compactscore {__version__}\n"
    assert seen == {"status": 0, "typer": False, "metadata": False, "environment": False}


def test_score_neither_looks_for_pydantic_plugins_nor_leaves_a_setting_for_children() -> None:
    out, seen = _probe("score", "--format", "json", "scores/2013-14.csv", cwd=EXAMPLE)
    assert json.loads(out)["period"] == "2013-14"
    assert seen == {"status": 0, "typer": True, "metadata": False, "environment": False}


# What a --help loaded, beyond the standard library and typer: files only (cli.main puts
# a stand-in for pydantic's plugin finder in sys.modules, which loads nothing).
HELP_PROBE = """
import json, sys
sys.argv = ["compactscore", *sys.argv[1:]]
from compactscore.launch import main
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(
    name for name, module in sys.modules.items()
    if name.startswith(("pydantic", "rich", "yaml", "compactscore."))
    and getattr(module, "__file__", None)
)), file=sys.stderr)
"""


def test_help_loads_no_pydantic_no_rich_and_no_command_s_work(tmp_path: Path) -> None:
    commands = {module for module, _ in COMMANDS.values()}
    assert len(commands) == 14
    light = {"compactscore.cli", "compactscore.exits", "compactscore.launch"}
    light |= {"compactscore.options", "compactscore.commands"}
    # The app's own --help lists every command; a command's --help loads that command only.
    for args, loaded in (
        (["--help"], commands),
        (["score", "--help"], {"compactscore.commands.score"}),
        (["report", "--help"], {"compactscore.commands.report"}),
    ):
        done = subprocess.run(
            [sys.executable, "-c", HELP_PROBE, *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=True,
        )
        assert done.stdout.startswith("Usage: compactscore")
        assert set(json.loads(done.stderr.splitlines()[-1])) == light | loaded


GC_PROBE = """
import gc, sys
import compactscore.analysis.score as scoring
sys.argv = ["compactscore", *sys.argv[1:]]
seen = []
score_sheet = scoring.score_sheet
def watched(*args, **kwargs):
    seen.append((gc.isenabled(), gc.get_threshold()[0]))
    return score_sheet(*args, **kwargs)
scoring.score_sheet = watched
from compactscore.launch import main
try:
    main()
except SystemExit:
    pass
print(seen, file=sys.stderr)
"""


def test_the_collector_is_on_again_for_a_command_s_work() -> None:
    # Off while starting up (nothing to free then), never for the work itself, where it
    # looks at the youngest objects every 20,000 allocations rather than every 700.
    done = subprocess.run(
        [sys.executable, "-c", GC_PROBE, "score", "scores/2013-14.csv"],
        cwd=EXAMPLE,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.startswith("Riverton 2013-14: 23 out of 51")
    seen = ast.literal_eval(done.stderr.splitlines()[-1])
    assert seen == [(True, 20_000), (True, 20_000)]  # this period's sheet and the one before
