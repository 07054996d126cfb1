"""Home's footer fits 80 columns on every kind of line, each key whole.

A stranger in tmux at 80x24 read "... d Delete  ^q Quit  f1 H▏^p palette" on a
Resume line and "f1 ▏" on a finished loop's Debrief line: with Enter's word, n New
loop and d Delete all shown, the footer ran past the palette's corner. On a loop's
line n is no longer shown (it still starts a loop; New loop heads the menu).
"""

from __future__ import annotations

import dataclasses

from debrief_fixture import finished_loop
from test_enter_in_footer import footer
from test_store import answer_some, make_session
from textual.widgets import OptionList

from loops.session import Origin
from loops.store import save_session
from tui.app import MockloopApp
from tui.screens.home import HomeScreen
from tui.screens.setup import SetupScreen


def every_kind_of_line() -> None:
    """A finished loop (Debrief), an unfinished one (Resume), an unfinished retry and
    drill (Resume retry / Resume drill), besides New loop and Quit."""
    finished_loop()
    loop = make_session("20261202-000000-half")
    answer_some(loop, 3)
    save_session(loop)
    for sid, origin in (
        ("20261202-010000-retr", Origin("retry", source=loop.id, round=1, question_index=0)),
        ("20261202-020000-dril", Origin("drill", story="checkout")),
    ):
        save_session(dataclasses.replace(loop, id=sid, origin=origin))


async def test_every_home_line_keeps_quit_and_help_whole_at_80_columns(clock):
    every_kind_of_line()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        menu = app.screen.query_one("#menu", OptionList)
        menu.highlighted = 0
        seen = []
        for index in range(menu.option_count):
            menu.highlighted = index
            shown = await footer(pilot)
            line = str(menu.get_option_at_index(index).prompt)
            seen.append(line.split(":")[0])
            keys = shown.split("▏")[0].rstrip()
            assert len(shown) <= 80 and shown.endswith("▏^p palette"), (line, shown)
            # On the Quit line "⏎ Quit" says it; ^q is left out (test_home_footer_new_once).
            ending = "f1 Help" if line == "Quit" else "^q Quit  f1 Help"
            assert keys.endswith(ending) and keys.count("Quit") == 1, (line, shown)
            assert "⏎ " in keys and "h History" in keys, (line, shown)
            if line.startswith(("Resume", "Debrief")):
                assert "d Delete" in keys, (line, shown)
    assert seen == [
        "New loop",
        "Resume",
        "Resume retry",
        "Resume drill",
        "Debrief",
        "Quit",
    ], seen


async def test_n_starts_a_loop_from_a_loop_line_though_not_shown_there(clock):
    every_kind_of_line()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        shown = await footer(pilot)  # arrival: the unfinished loop is highlighted
        assert "⏎ Resume" in shown and "n New loop" not in shown, shown
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
