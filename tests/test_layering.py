"""Layers: loops/ and scoring/ never import textual or rich, and imports point down
(tui -> scoring -> loops)."""

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
    [("loops", {"scoring", "tui"}), ("scoring", {"tui"})],
)
def test_imports_point_down(name, above):
    """tui -> scoring -> loops: no module of a lower layer loads a higher one."""
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
