"""The story bank around a loop: the schedule warns of gaps, the debrief matches stories."""

from __future__ import annotations

from debrief_fixture import finished_loop, open_stories_tab
from textual.widgets import Input, OptionList, Select

from loops.stories import Story, load_stories, save_stories
from tui.app import MockloopApp
from tui.screens.schedule import ScheduleScreen

CHECKOUT = Story(
    id="checkout-latency",
    title="Checkout latency at Northwind",
    summary=(
        "During the holiday sale the checkout p99 latency crept up to 1.4 seconds and nobody "
        "owned it. I pulled a week of traces, found an N+1 query in the coupon service and "
        "batched it behind a flag. p99 went from 1.4 seconds to 300 ms; abandonment fell 3%."
    ),
    principles=("customer-obsession", "ownership", "dive-deep", "bias-for-action"),
    company="Northwind",
    team="checkout",
    figures=("p99 from 1.4 seconds to 300 ms",),
)


async def test_schedule_warns_when_the_bank_cannot_cover_the_loop(clock):
    save_stories([CHECKOUT])
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#seed", Input).value = "3"
        app.screen.query_one("#rounds", Select).value = 4
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ScheduleScreen)
        note = str(app.screen.query_one("#schedule-note").content)
        assert "STORY GAP" in note and "press p to see which" in note
        await pilot.press("p")
        await pilot.pause()
        note = str(app.screen.query_one("#schedule-note").content)
        assert "STORY GAP" in note and "press p" not in note


async def test_debrief_matches_answers_to_banked_stories_and_banks_a_new_one(clock):
    save_stories([CHECKOUT])
    finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_stories_tab(app, pilot)
        listing = app.screen.query_one("#story-list", OptionList)
        labels = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        matched = [label for label in labels if 'banked story "Checkout latency' in label]
        assert len(matched) == 2, labels  # round 1 and its retelling in round 3
        conflicts = [label for label in labels if "CONTRADICTS YOUR BANK" in label]
        assert conflicts and "2.6" in conflicts[0], labels
        new = next(n for n, label in enumerate(labels) if "NEW STORY" in label)
        listing.highlighted = new
        before = len(load_stories()[0])
        await pilot.press("a")  # the story form opens on the draft
        await pilot.pause()
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        stories, problems = load_stories()
        assert not problems and len(stories) == before + 1
        labels = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert stories[-1].title[:20] in " ".join(labels)
