"""A bad settings.toml is reported on home, in full, not as a toast cut off mid-loop."""

from __future__ import annotations

from textual.widgets import Static

from loops.settings import settings_path
from tui.app import MockloopApp
from tui.screens.setup import SetupScreen


async def test_a_bad_setting_is_named_in_full_on_home_and_not_toasted_in_setup(clock):
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('level = "senior"\nfollow_up_seconds = 10\n')
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        note = app.screen.query_one("#problems", Static)
        said = " ".join(str(note.render()).split())
        whole = f"{path}:2: follow_up_seconds: 10 is out of range (15 to 1200)"
        assert " ".join(whole.split()) in said
        assert note.region.height >= 2 and note.region.bottom <= 23  # on screen, above keys
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert not app._notifications  # nothing to be cut off or carried into the loop
        # Fixed, and back home: the note is gone.
        path.write_text('level = "senior"\nfollow_up_seconds = 60\n')
        await pilot.press("escape")
        await pilot.pause()
        assert str(app.screen.query_one("#problems", Static).render()).strip() == ""
