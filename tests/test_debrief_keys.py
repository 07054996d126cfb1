"""Every debrief key is shown: in the footer when it fits, always in help and the palette.

The footer showed only m, h and Esc, so j, Enter, x, a and the tab numbers were
found by reading the README. At 80 columns the footer now keeps Quit and Help
(tests/test_debrief_footer_80.py): the tab numbers are on the tabs, and x, a and
r on the footer of the tab each acts on.
"""

from __future__ import annotations

import re
from importlib import resources

from debrief_fixture import finished_loop
from snapshot import screen_text
from textual.actions import parse

from tui.app import MockloopApp
from tui.commands import BY_SCREEN
from tui.screens.answer_view import AnswerScreen
from tui.screens.debrief import DebriefScreen


async def test_at_80_columns_the_rounds_footer_shows_its_keys(clock):
    finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        footer = screen_text(app).splitlines()[-1]
        for shown in ("Open", "Back", "mhj Export", "r Retry", "^q Quit", "f1 Help"):
            assert shown in footer, footer
        assert "1 Rounds  2 Across rounds" in screen_text(app)  # the tab keys, on the tabs
        await pilot.press("enter")  # the footer's Enter: the answer behind the vote
        await pilot.pause()
        assert isinstance(app.screen, AnswerScreen)


def test_help_and_the_palette_list_every_debrief_key():
    help_md = (resources.files("tui") / "help.md").read_text(encoding="utf-8")
    rows = [line for line in help_md.splitlines() if line.startswith("| Debrief |")]
    keys = " ".join(row.split("|")[2] for row in rows)
    for binding in DebriefScreen.BINDINGS:
        key = binding.key if isinstance(binding, type(DebriefScreen.BINDINGS[0])) else binding[0]
        named = {"escape": "Esc", "enter": "Enter"}.get(key, key)
        assert re.search(rf"(^|\W){re.escape(named)}(\W|$)", keys) or (
            key.isdigit() and "1 to 5" in keys
        ), f"help has no Debrief row for {key}"
    actions = {c.action for c in BY_SCREEN["DebriefScreen"]}
    for binding in DebriefScreen.BINDINGS:
        action = binding.action if hasattr(binding, "action") else binding[1]
        _, name, params = parse(action)
        if name == "on_tab":  # a key shown on one tab: the palette runs its action
            action = str(params[1])
        assert action in actions or action == "open", f"the palette lacks {action}"
