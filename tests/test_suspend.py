"""A suspended mockloop (SIGSTOP, a closed lid, a stalled SSH link) does not charge the
stopped time to the candidate: the clock's ticks stop, and a gap of more than five
seconds between two ticks is given back, with a notice saying so.

The app's clocks are injectable; passing the same fake clock as ``clock`` and as
``tick_clock`` makes a jump of it look exactly like a suspension.
"""

from __future__ import annotations

from conftest import FakeClock
from test_interview import clock_text, first_question

from loops.store import load_sessions
from loops.timing import SUSPEND_GAP_SECONDS, Stopwatch, SuspendWatch
from tui.app import MockloopApp


def test_a_long_gap_between_ticks_is_given_back_a_short_one_is_not(clock):
    watch, suspended = Stopwatch(clock), SuspendWatch(clock)
    watch.start()
    assert suspended.check(watch) == 0  # the first tick only starts the count
    clock.advance(0.25)
    assert suspended.check(watch) == 0
    clock.advance(SUSPEND_GAP_SECONDS - 1)  # a slow tick on a busy box: charged
    assert suspended.check(watch) == 0
    clock.advance(20)
    assert suspended.check(watch) == 20
    assert watch.elapsed == 0.25 + SUSPEND_GAP_SECONDS - 1


def test_a_paused_answer_is_not_credited_and_a_real_tick_never_credits_a_fake_clock(clock):
    watch, suspended = Stopwatch(clock), SuspendWatch(clock)
    watch.start()
    suspended.check(watch)
    watch.pause()
    clock.advance(30)
    assert suspended.check(watch) == 0  # nothing was running: nothing to give back
    ticks = FakeClock()
    watch, suspended = Stopwatch(clock), SuspendWatch(ticks)
    watch.start()
    suspended.check(watch)
    ticks.advance(10)  # the real ticks were slow, but the answer clock did not move
    assert suspended.check(watch) == 0


async def test_strict_timing_does_not_charge_a_suspension(clock):
    ticks = FakeClock()  # the gaps between ticks: moves only when the process stops
    app = MockloopApp(clock=clock, tick_clock=ticks)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_question(pilot, "strict")
        first = screen.step
        await pilot.press(*"I owned")
        clock.advance(140)  # answering: the ticks came as usual
        await pilot.pause(0.35)
        assert "0:10 left" in clock_text(screen)
        clock.advance(20)  # SIGSTOP for 20 s: no tick meanwhile
        ticks.advance(20)
        await pilot.pause(0.35)
        assert "0:10 left" in clock_text(screen)  # not TIME UP, not moved on
        assert screen.step == first
        notes = [str(n.message) for n in app._notifications]
        assert any("Clock paused for 20 s while mockloop was suspended" in n for n in notes)
        await pilot.press("ctrl+s")
        await pilot.pause()
    [answer] = load_sessions().sessions[0].answers
    assert answer.seconds == 140 and not answer.auto_submitted


async def test_a_gap_under_five_seconds_is_charged(clock):
    ticks = FakeClock()
    app = MockloopApp(clock=clock, tick_clock=ticks)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_question(pilot, "strict")
        clock.advance(140)
        await pilot.pause(0.35)
        clock.advance(4)  # a slow tick on a busy box, not a suspension
        ticks.advance(4)
        await pilot.pause(0.35)
        assert "0:06 left" in clock_text(screen)
        assert not any("suspended" in str(n.message) for n in app._notifications)


def test_a_gap_spent_working_is_not_a_suspension(clock):
    """Ticks stop while mockloop is busy too (keys typed one by one into a long
    answer once kept it busy for 35 s, and it said it had been suspended): a gap is
    given back only when the process used little CPU in it."""
    cpu = FakeClock(0.0)
    watch, suspended = Stopwatch(clock), SuspendWatch(clock, cpu=cpu)
    watch.start()
    suspended.check(watch)
    clock.advance(30)
    cpu.advance(25)  # working all along (another process had some of the CPU)
    assert suspended.check(watch) == 0 and watch.elapsed == 30
    clock.advance(30)
    cpu.advance(0.2)  # stopped: next to no CPU
    assert suspended.check(watch) == 30 and watch.elapsed == 30
