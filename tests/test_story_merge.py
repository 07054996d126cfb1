"""Several writers on one story bank: nothing one of them saved is dropped by another.

The app's bank screen and the debrief used to save the whole list they had
read earlier, so a story added meanwhile (by `mockloop stories add`, say)
was lost. Every save now re-reads the bank under a lock and applies only its
own change; an edit of a story changed elsewhere is refused, not written over.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace

import pytest
from debrief_fixture import finished_loop, open_stories_tab
from test_story_integration import CHECKOUT
from textual.widgets import Input, OptionList

from loops.stories import (
    Story,
    StoryConflict,
    bank_add,
    bank_delete,
    bank_edit,
    load_stories,
    save_stories,
)
from tui.app import MockloopApp
from tui.screens.stories import StoryBankScreen, StoryFormScreen

PAGER = Story(id="pager-storm", title="Pager storm", principles=("ownership",))


def titles() -> list[str]:
    stories, problems = load_stories()
    assert not problems
    return [s.title for s in stories]


def cli_add(title: str) -> None:
    """`mockloop stories add` in its own process, as a second terminal would run it."""
    done = subprocess.run(
        [sys.executable, "-m", "tui", "stories", "add", "--title", title],
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr


def test_interleaved_writers_in_one_process_keep_every_story():
    save_stories([CHECKOUT])
    mine, _ = load_stories()  # this writer reads the bank...
    bank_add(PAGER)  # ...another adds a story...
    stories, added = bank_add(Story(id="", title="Migration"))  # ...and this one adds its own
    assert [s.title for s in stories] == [CHECKOUT.title, "Pager storm", "Migration"]
    assert added.id == "migration"
    # An edit of a story nobody else touched lands on the bank as it is now.
    bank_edit(mine[0], replace(mine[0], company="Contoso"))
    assert titles() == [CHECKOUT.title, "Pager storm", "Migration"]
    assert load_stories()[0][0].company == "Contoso"


def test_an_edit_or_delete_of_a_story_changed_elsewhere_is_refused():
    save_stories([CHECKOUT, PAGER])
    mine, _ = load_stories()
    bank_edit(mine[0], replace(mine[0], team="payments"))  # someone else's edit
    with pytest.raises(StoryConflict, match="changed elsewhere"):
        bank_edit(mine[0], replace(mine[0], title="Checkout p99"))
    with pytest.raises(StoryConflict, match="changed elsewhere"):
        bank_delete(mine[0])
    [checkout, _pager] = load_stories()[0]
    assert checkout.team == "payments" and checkout.title == CHECKOUT.title
    bank_delete(mine[1])  # someone else deletes the pager story
    with pytest.raises(StoryConflict, match="deleted elsewhere"):
        bank_edit(mine[1], replace(mine[1], title="Pager storms"))
    assert titles() == [CHECKOUT.title]
    bank_delete(mine[1])  # deleting what is already gone is no conflict
    assert titles() == [CHECKOUT.title]


def test_concurrent_processes_adding_lose_nothing():
    save_stories([CHECKOUT])
    code = (
        "import sys\nfrom tui.cli import main\n"
        "for i in range(6):\n"
        "    assert main(['stories', 'add', '--title', f'{sys.argv[1]} {i}']) == 0\n"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code, name], env=os.environ.copy())
        for name in ("Alpha", "Beta")
    ]
    for i in range(6):
        bank_add(Story(id="", title=f"Gamma {i}"))
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    got = set(titles())
    want = {f"{n} {i}" for n in ("Alpha", "Beta", "Gamma") for i in range(6)}
    assert want <= got and len(got) == 19


async def test_a_story_added_from_the_shell_survives_the_bank_screen_saving(clock):
    save_stories([CHECKOUT])
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        bank = app.screen
        assert isinstance(bank, StoryBankScreen)
        cli_add("Added from the shell")  # while the screen is open
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, StoryFormScreen)
        await pilot.press(*"Typed in the app", "ctrl+s")
        await pilot.pause()
        assert app.screen is bank
        assert titles() == [CHECKOUT.title, "Added from the shell", "Typed in the app"]
        menu = bank.query_one("#story-list", OptionList)
        shown = [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]
        assert any("Added from the shell" in label for label in shown)


async def test_the_bank_screen_refuses_an_edit_of_a_story_changed_elsewhere(clock):
    save_stories([CHECKOUT])
    app = MockloopApp(clock=clock)
    notes: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify = lambda message, **kw: notes.append(str(message))  # type: ignore[method-assign]
        await pilot.press("b")
        await pilot.pause()
        [read] = load_stories()[0]
        bank_edit(read, replace(read, team="payments"))  # another process edits it
        await pilot.press("down", "enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, StoryFormScreen)
        form.query_one("#f-title", Input).value = "Checkout p99"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [story] = load_stories()[0]
        assert story.title == CHECKOUT.title and story.team == "payments"
        assert any("changed elsewhere" in n and "not saved" in n for n in notes), notes


async def test_banking_from_the_debrief_keeps_a_story_added_meanwhile(clock):
    save_stories([CHECKOUT])
    finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stories_tab(app, pilot)
        listing = app.screen.query_one("#story-list", OptionList)
        labels = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        listing.highlighted = next(n for n, label in enumerate(labels) if "NEW STORY" in label)
        bank_add(PAGER)  # after the debrief read the bank
        await pilot.press("a")  # the story form opens on the draft
        await pilot.pause()
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        got = titles()
        assert got[:2] == [CHECKOUT.title, "Pager storm"] and len(got) == 3
