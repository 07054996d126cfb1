"""The Stories tab and the bank agree with Across rounds on which stories were told twice.

A stranger's debrief said REUSED for the story told in rounds 1 and 3, but the
Stories tab listed it twice as a NEW STORY, so banking the loop's stories banked
it twice. And after x ("not the same story") on the reuse, both tellings still
matched the one story banked from round 1, so the bank counted it told twice.
"""

from __future__ import annotations

from debrief_fixture import STORY, finished_loop
from textual.widgets import OptionList

from loops.review.debrief import build_debrief
from loops.review.matching import match_answers, story_from_answer
from loops.review.wear import story_wear
from loops.stories import bank_add
from tui.app import MockloopApp
from tui.screens.debrief import DebriefScreen


def rows(app) -> list[str]:
    listing = app.screen.query_one("#story-list", OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def show(app, pilot, tab: str) -> None:
    await pilot.press(tab)
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_story_told_twice_is_one_new_story_until_you_say_it_is_two(clock):
    session = finished_loop()
    [reuse] = build_debrief(session).reused
    mains = [i for i, a in enumerate(session.answers) if a.kind == "main"]
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(DebriefScreen(session))
        await show(app, pilot, "5")
        seen = rows(app)
        new = [r for r in seen if "NEW STORY" in r]
        assert len(new) == len(mains) - 1, seen  # the story told twice is one
        [first] = [r for r in new if "told again" in r]
        assert first.startswith("Round 1 ") and "told again in round 3" in first
        assert STORY[:20] in first
        [again] = [r for r in seen if "the same story as round 1" in r]
        assert again.startswith("Round 3 ") and "NEW STORY" not in again
        # x on the reuse: two stories now, each its own NEW STORY.
        await show(app, pilot, "2")
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert session.dismissed == [reuse.key]
        await show(app, pilot, "5")
        seen = rows(app)
        assert len([r for r in seen if "NEW STORY" in r]) == len(mains), seen
        assert not any("told again" in r or "the same story as" in r for r in seen), seen


def test_a_dismissed_reuse_is_no_longer_one_banked_story_told_twice():
    session = finished_loop()
    [reuse] = build_debrief(session).reused
    _, story = bank_add(story_from_answer(STORY, "customer-obsession"))
    assert story_wear([session], [story]).of(story.id).told == 2
    session.toggle_dismissed(reuse.key)
    # The bank's count: round 3 is another story, as the candidate said.
    assert story_wear([session], [story]).of(story.id).told == 1
    told = [m for m in match_answers(session, [story]) if m.story_id == story.id]
    assert [m.round for m in told] == [1]
    # Taken back: one story told twice again, round 3 saying which round it retells.
    session.toggle_dismissed(reuse.key)
    same = [r.answers for r in build_debrief(session).reused]
    told = [m for m in match_answers(session, [story], same=same) if m.story_id == story.id]
    assert [m.round for m in told] == [1, 3]
    assert told[1].same_as == reuse.answers[0] and told[0].told_again == (3,)
