"""The story bank screen, driven by keys: add, see it covered, edit, delete."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Static

from loops.stories import load_stories
from tui.app import MockloopApp
from tui.screens.stories import ConfirmScreen, StoryBankScreen, StoryFormScreen


def _text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_add_edit_and_delete_a_story_by_keys(clock):
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        bank = app.screen
        assert isinstance(bank, StoryBankScreen)
        assert "NONE" in _text(bank, "#coverage")
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, StoryFormScreen)
        await pilot.press(*"Checkout latency", "tab", *"dive-deep, nonsense")
        await pilot.press("ctrl+s")
        await pilot.pause()
        # A bad slug is named, and what was typed stays.
        assert app.screen is form
        assert "nonsense" in _text(form, "#form-error")
        assert form.query_one("#f-title", Input).value == "Checkout latency"
        principles = form.query_one("#f-principles", Input)
        principles.value = "dive-deep, ownership"
        await pilot.press("tab", *"Northwind")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is bank
        [story] = load_stories()[0]
        assert story.title == "Checkout latency" and story.company == "Northwind"
        assert story.principles == ("dive-deep", "ownership")
        menu = bank.query_one("#story-list", OptionList)
        assert "Checkout latency" in str(menu.get_option_at_index(0).prompt)
        grid = _text(bank, "#coverage")
        assert any("Dive Deep" in line and " 1  NEEDS 2" in line for line in grid.splitlines())
        # Edit: Enter opens the highlighted story with its fields filled in.
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, StoryFormScreen)
        assert form.query_one("#f-company", Input).value == "Northwind"
        form.query_one("#f-title", Input).value = "Checkout p99"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [story] = load_stories()[0]
        assert story.title == "Checkout p99"
        # Delete asks first; n keeps it, y deletes.
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert len(load_stories()[0]) == 1
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert load_stories()[0] == []
        assert app.screen is bank


async def test_a_broken_bank_refuses_a_new_story_before_anything_is_typed(clock):
    from loops import paths

    paths.stories_file().parent.mkdir(parents=True, exist_ok=True)
    paths.stories_file().write_text("garbage = [\n")
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        bank = app.screen
        assert isinstance(bank, StoryBankScreen)
        assert "cannot be read" in _text(bank, "#wear")
        await pilot.press("a")
        await pilot.pause()
        # No form to type into: the notice names the file instead.
        assert app.screen is bank
        notices = [str(n.message) for n in app._notifications]
        assert any("read-only" in n and "stories.toml" in n for n in notices)
    assert paths.stories_file().read_text() == "garbage = [\n"
