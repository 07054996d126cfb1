"""Text snapshots of whole screens.

We compare the screen as plain text (what a person reads at 80x24), not
as SVG: SVG snapshots change with every colour tweak and produce
unreadable diffs, while a text snapshot fails only when what the
candidate reads changes. pytest-textual-snapshot was the alternative; it
needs syrupy 4.8, which holds pytest below 9. Run with
UPDATE_SNAPSHOTS=1 to rewrite the files after an intended change, then
read the diff.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.app import App

FOLDER = Path(__file__).parent / "snapshots"


def screen_text(app: App[object]) -> str:
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system=None,
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    render = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    console.print(render)
    lines = console.export_text(styles=False).splitlines()
    return "\n".join(line.rstrip() for line in lines).rstrip() + "\n"


def _unsettled(app: App[object]) -> bool:
    """A footer not yet composed: the frame is from before the screen finished."""
    from textual.widgets import Footer

    return any(not footer.children for footer in app.screen.query(Footer))


async def settled(pilot: Any) -> None:
    """Wait (up to 3 s) until the screen has composed its footer and two frames in a
    row read the same. On a loaded machine the first frames after a key can come
    before the footer, or before a label that follows the highlighted row (home's
    Enter says what the row does), and a snapshot of one is not what the candidate
    reads."""
    last = None
    for _ in range(60):
        if not _unsettled(pilot.app):
            text = screen_text(pilot.app)
            if text == last:
                return
            last = text
        await pilot.pause(0.05)


def assert_snapshot(app: App[object], name: str) -> None:
    """Compare the screen with tests/snapshots/NAME.txt; await ``settled`` first."""
    if _unsettled(app):
        raise AssertionError(f"screen {name!r} not settled: its footer is still empty")
    text = screen_text(app)
    path = FOLDER / f"{name}.txt"
    if os.environ.get("UPDATE_SNAPSHOTS") or not path.exists():
        FOLDER.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not os.environ.get("UPDATE_SNAPSHOTS"):
            raise AssertionError(f"new snapshot written to {path}; check it and run again")
        return
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"screen {name!r} changed:\n{text}"
