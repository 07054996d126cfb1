"""The schedule lists what the Bar Raiser really asks.

When their round begins the Bar Raiser may go back to the weakest principle so far.
That used to push out one of the principles the schedule had listed for them (a
stranger saw Invent and Simplify on the schedule and was never asked about it). The
planner now holds one of their principles for the revisit, the schedule says so
("or weakest so far"), and the revisit takes only that place.
"""

from __future__ import annotations

import random

import pytest
from test_bar_raiser import BANK, STRONG, WEAK
from test_snapshots import to_schedule
from textual.widgets import TextArea

from loops.planner import brief_bar_raiser, plan_loop
from loops.principles import BY_SLUG
from loops.problems import FileProblemError
from loops.session import LoopSettings, Session
from loops.store import save_session, session_from_toml
from tui.app import MockloopApp
from tui.screens.debrief import DebriefScreen
from tui.screens.interview import InterviewScreen
from tui.screens.schedule import HELD, ScheduleScreen, graded_line


def _listed(cell: str) -> tuple[list[str], str | None]:
    """The principle names a schedule's Grades cell lists, and the one marked as held."""
    names: list[str] = []
    held = None
    for line in cell.splitlines():
        if line == HELD:
            held = names[-1]
        else:
            names.append(line)
    return names, held


async def test_the_bar_raiser_asks_every_principle_the_schedule_lists(clock):
    # Seed 6: four rounds, the Bar Raiser grading three principles, all graded once.
    app = MockloopApp(clock=clock, pick_follow_ups=lambda *_: [])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await to_schedule(pilot, seed=6, rounds=4)
        screen = app.screen
        assert isinstance(screen, ScheduleScreen)
        await pilot.press("p")
        await pilot.pause()
        table = screen.query_one("#schedule").content
        grades = [str(cell) for cell in table.columns[-1].cells]
        listed, held = _listed(grades[-1])
        assert len(listed) == 3

        # Rounds 1 to 3 answered, one principle badly: the Bar Raiser goes back to it.
        session = screen.session
        weak = session.plan.rounds[0].principles[0]
        while (step := session.current_step()) is not None and not step.round.is_bar_raiser:
            session.record(step, WEAK if step.question.principle == weak else STRONG, 90.0)
        await pilot.press("enter")  # begin: the loop opens at the Bar Raiser's round
        await pilot.pause()
        asked: list[str] = []
        while isinstance(app.screen, InterviewScreen):
            interview = app.screen
            assert interview.step.round.is_bar_raiser
            if interview.phase == "intro":
                await pilot.press("enter")
                await pilot.pause()
            asked.append(BY_SLUG[interview.step.question.principle].name)
            interview.query_one("#answer", TextArea).insert(STRONG)
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)

    # Every principle the schedule listed is asked, but the one it said the revisit
    # may take; the revisit is asked first, and nothing else.
    never_asked = [name for name in listed if name != held and name not in asked]
    assert not never_asked
    assert held is not None and held not in asked
    assert asked == [BY_SLUG[weak].name, *(name for name in listed if name != held)]


def test_for_every_plan_the_revisit_takes_only_the_held_place():
    for seed in range(120):
        for level, rounds in (("sde1", 4), ("sde2", 5), ("senior", 6), ("staff", 5)):
            plan = plan_loop(BANK, level, rounds, seed)
            br = plan.rounds[-1]
            assert br.held == br.principles[0]
            rng = random.Random(seed)
            strength = {p: rng.random() for r in plan.rounds[:-1] for p in r.principles}
            new, revisited = brief_bar_raiser(plan, BANK, strength)
            after = new.rounds[-1]
            assert after.held is None and len(after.questions) == len(br.questions)
            assert [q.principle for q in after.questions] == list(after.principles)
            kept = [p for p in br.principles if p != br.held]
            assert list(after.principles[1:]) == kept
            assert after.principles[0] == (revisited or br.held)
            # What the schedule said of the round before covers what it asks after.
            said = [graded_line(br, p) for p in br.principles]
            assert said[0].endswith("\n" + HELD)
            assert said[1:] == [BY_SLUG[p].name for p in after.principles[1:]]


def test_the_held_principle_is_saved_and_a_bad_one_is_named(tmp_path):
    plan = plan_loop(BANK, "sde2", 4, 6)
    session = Session(id="20261201-held", settings=LoopSettings("sde2", 4), plan=plan)
    path = save_session(session, tmp_path)
    assert session_from_toml(path).plan == plan
    held = plan.rounds[-1].held
    assert held is not None
    text = path.read_text()
    path.write_text(text.replace(f'held = "{held}"', 'held = "frugality"'))
    with pytest.raises(FileProblemError) as caught:
        session_from_toml(path)
    problem = caught.value.problems[0]
    assert problem.field.endswith(".held") and "not one of the round's principles" in (
        problem.message
    )
