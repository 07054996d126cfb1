"""Layers: loops/ and scoring/ never import textual or rich, and imports point down.

    tui  ->  loops.review  ->  loops  ->  scoring

scoring/ is the text engine (pure functions over strings, no file I/O, nothing of loops/);
loops/ is the domain and saving (principles, bank, planner, session, store, runner);
loops/review/ judges saved loops (analysis, debrief, history, story matching, exports);
tui/ is the app and the command line."""

from __future__ import annotations

import subprocess
import sys

import pytest

CHECK = """
import importlib, pkgutil, sys
pkg = importlib.import_module({name!r})
for mod in pkgutil.walk_packages(pkg.__path__, {name!r} + "."):
    importlib.import_module(mod.name)
bad = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))
print(",".join(bad))
"""


@pytest.mark.parametrize("name", ["loops", "scoring"])
def test_engine_packages_do_not_load_the_ui(name):
    out = subprocess.run(
        [sys.executable, "-c", CHECK.format(name=name)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert out.stdout.strip() == "", f"{name} pulled in {out.stdout.strip()}"


DIRECTION = """
import importlib, pkgutil, sys
pkg = importlib.import_module({name!r})
for mod in pkgutil.walk_packages(pkg.__path__, {name!r} + "."):
    importlib.import_module(mod.name)
print(",".join(sorted({{m.split(".")[0] for m in sys.modules}} & {above!r})))
"""


@pytest.mark.parametrize(
    ("name", "above"),
    [("scoring", {"loops", "tui"}), ("loops", {"tui"})],
)
def test_imports_point_down(name, above):
    """No module of a lower layer loads a higher one."""
    out = subprocess.run(
        [sys.executable, "-c", DIRECTION.format(name=name, above=above)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert out.stdout.strip() == "", f"{name} pulled in {out.stdout.strip()}"


def test_the_check_would_notice():
    probe = "import sys, tui.app; print(','.join(m for m in sys.modules if m == 'textual'))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    # The same sys.modules probe sees textual when a UI module is imported.
    assert out.stdout.strip() == "textual"


DOMAIN = """
import importlib, pkgutil, sys
import loops
for mod in pkgutil.iter_modules(loops.__path__, "loops."):
    if not mod.ispkg:
        importlib.import_module(mod.name)
print(",".join(sorted(m for m in sys.modules if m.startswith("loops.review"))))
"""


def test_the_domain_does_not_load_the_review_layer():
    """loops/ modules outside loops/review/ never reach up into it."""
    out = subprocess.run(
        [sys.executable, "-c", DOMAIN], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "", f"loops pulled in {out.stdout.strip()}"


IO = """
import importlib, pkgutil, sys, builtins, io, pathlib
import scoring
for mod in pkgutil.walk_packages(scoring.__path__, "scoring."):
    importlib.import_module(mod.name)
def refuse(*a, **k):
    raise AssertionError("the engine opened a file")
builtins.open = io.open = pathlib.Path.open = refuse
from scoring import AnswerInput, analyze_loop
a = AnswerInput(1, "ownership", "I owned our billing migration and cut costs by 30%.")
b = AnswerInput(2, "dive-deep", "Migrating billing, I found the cost leak: 30% saved.")
print(len(analyze_loop([a, b], None).to_json()["answers"]))
"""


def test_the_engine_reads_no_file():
    """Scoring a loop opens nothing: the engine's data ships as Python."""
    out = subprocess.run(
        [sys.executable, "-c", IO], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "2"


SCREENS = """
import importlib, pkgutil, sys
import tui.screens, tui.widgets
for pkg in (tui.screens, tui.widgets):
    for mod in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        importlib.import_module(mod.name)
print(",".join(sorted(m for m in sys.modules if m.startswith("tui.") and m.endswith("_cmd"))))
"""


def test_screens_do_not_load_the_command_line():
    """Screens and widgets render through shared modules (tui/history_text.py ...), never
    through a command's module."""
    out = subprocess.run(
        [sys.executable, "-c", SCREENS], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "", f"screens pulled in {out.stdout.strip()}"
