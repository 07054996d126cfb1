"""The Bar Raiser goes back to the weakest principle and probes an earlier detail of the
question just asked: its principle, or the story just told again."""

from __future__ import annotations

from collections import Counter
from typing import Any

from textual.widgets import TextArea

from loops.bank import FollowUp, load_bank
from loops.planner import brief_bar_raiser, plan_loop
from loops.review.analysis import PROBE_KIND, analyze_session
from loops.runner import LoopRunner
from loops.session import LoopSettings, Session, Step
from loops.store import load_sessions, save_session
from tui.app import MockloopApp
from tui.screens.interview import InterviewScreen

BANK = load_bank()

STRONG = (
    "I noticed our checkout p99 latency had climbed from 300 ms to 1.4 seconds over a quarter "
    "and nobody owned it. I profiled the service myself, found an N+1 query in the coupon "
    "lookup, and rewrote it as one batched call. I shipped it behind a flag to 5% of traffic "
    "first. p99 went from 1.4 seconds back to 300 ms and cart abandonment fell 3%. I learned "
    "to put a latency budget in every design doc, and I still do that on every project."
)
WEAK = "We helped a lot and things got much better for everyone in the end, I think."


def test_the_weakest_earlier_principle_joins_the_bar_raiser_round():
    for seed in range(60):
        plan = plan_loop(BANK, "sde2", 5, seed)
        br = plan.rounds[-1]
        graded = Counter(p for r in plan.rounds for p in r.principles)
        earlier = [
            p
            for r in plan.rounds[:-1]
            for p in r.principles
            if graded[p] == 1 and p not in br.principles
        ]
        if not earlier:
            continue
        weakest = earlier[-1]
        strength = {p: 1.0 for r in plan.rounds[:-1] for p in r.principles}
        strength[weakest] = -1.0
        new, revisited = brief_bar_raiser(plan, BANK, strength)
        assert revisited == weakest
        new_br = new.rounds[-1]
        assert new_br.principles[0] == weakest and 2 <= len(new_br.principles) <= 3
        after = Counter(p for r in new.rounds for p in r.principles)
        assert max(after.values()) <= 2
        ids = [q.id for r in new.rounds for q in r.questions]
        assert len(ids) == len(set(ids))
        assert new.rounds[:-1] == plan.rounds[:-1]
        # Asked again, nothing more changes.
        assert brief_bar_raiser(new, BANK, strength) == (new, None)


def session_before_bar_raiser(first_answer: str = STRONG) -> Session:
    """A 4-round loop with rounds 1-3 answered: round 1's first answer (``first_answer``)
    states figures, every later one is weak."""
    plan = plan_loop(BANK, "sde2", 4, 8)
    session = Session(id="20261122-br", settings=LoopSettings("sde2", 4, "relaxed", 8), plan=plan)
    first = True
    while (step := session.current_step()) is not None and not step.round.is_bar_raiser:
        text = first_answer if first else WEAK
        first = False
        fus = list(step.question.follow_ups[:1]) if step.kind == "main" else None
        session.record(step, text, 60.0, follow_ups=fus)
    save_session(session)
    return session


async def _resume_bar_raiser(pilot: Any, app: MockloopApp) -> InterviewScreen:
    """Resume the saved loop from home: its next round is the Bar Raiser's."""
    await pilot.press("r")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, InterviewScreen) and screen.step.round.is_bar_raiser
    return screen


async def test_the_bar_raiser_quotes_an_earlier_detail_and_the_answer_is_checked(clock):
    before = session_before_bar_raiser()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _resume_bar_raiser(pilot, app)
        assert "not on the team" in str(screen.query_one("#intro-text").render())
        await pilot.press("enter")
        await pilot.pause()
        screen.query_one("#answer", TextArea).insert(STRONG.replace("I noticed", "I saw"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        probe = screen.step
        assert probe.kind == "follow-up"
        assert probe.prompt.startswith("Earlier you told " + before.plan.rounds[0].interviewer)
        assert "1.4 seconds" in probe.prompt or "300 ms" in probe.prompt
        # The candidate's new telling changes the figure.
        screen.query_one("#answer", TextArea).insert(
            "I measured it from the dashboards: p99 went from 2.6 seconds to 300 ms, "
            "and the on-call lead checked it with me."
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
    session = load_sessions().sessions[0]
    br = session.plan.rounds[-1]
    main = next(a for a in session.answers if a.round == br.index and a.kind == "main")
    assert main.follow_ups[0].kind == "consistency" and main.follow_ups[0].ref == 0
    analysis = analyze_session(session)
    probe_index = next(
        i for i, a in enumerate(session.answers) if a.follow_up_kind == "consistency"
    )
    found = [c for c in analysis.contradictions if c.answers == (0, probe_index)]
    assert found and found[0].kind == "number"
    assert "2.6" in found[0].detail and "Bar Raiser probe" in found[0].detail
    # The weakest earlier principle was revisited: the Bar Raiser's first principle
    # was graded earlier in the loop.
    earlier = {p for r in session.plan.rounds[:-1] for p in r.principles}
    assert br.principles[0] in earlier


# Another story, for a question on another principle: it shares nothing with STRONG.
OTHER_STORY = (
    "At a print shop I ran, our render farm bill had doubled in a year. I moved the "
    "overnight batch jobs to spot instances, wrote a retry for the ones that were "
    "reclaimed, and the monthly bill fell from $18,000 to $11,000 by June 2022."
)


def bar_raiser_listening() -> tuple[Session, LoopRunner, Step]:
    """The loop of ``session_before_bar_raiser`` at the Bar Raiser's first question,
    after the briefing (which goes back to a weak principle, not round 1's first)."""
    session = session_before_bar_raiser()
    runner = LoopRunner(session, BANK)
    step = runner.begin()
    assert step is not None and step.round.is_bar_raiser and step.question_index == 0
    assert step.question.principle != session.answers[0].principle
    return session, runner, step


def probes(chosen: list[FollowUp]) -> list[FollowUp]:
    return [f for f in chosen if f.kind == PROBE_KIND]


def test_no_probe_quotes_a_story_unrelated_to_the_question_just_asked():
    """Round 1's figure (another principle, another story) was quoted after any Bar
    Raiser question, whatever it asked and whatever the candidate told."""
    session, runner, step = bar_raiser_listening()
    chosen = runner.listen(session, step, OTHER_STORY)
    assert probes(chosen) == []
    assert not any("Earlier you told" in f.text for f in chosen)
    assert len(chosen) >= 2  # the Bar Raiser still digs, with follow-ups for this story


def test_the_probe_quotes_what_was_told_earlier_for_the_same_principle():
    session, runner, step = bar_raiser_listening()
    k = next(
        i
        for i, a in enumerate(session.answers)
        if a.principle == step.question.principle and a.kind == "main"
    )
    session.answers[k].text = (
        "I owned the on-call rota nobody wanted: pages fell from 70 pages a week to 12 "
        "pages a week after I rewrote the alerts myself."
    )
    [probe] = probes(runner.listen(session, step, OTHER_STORY))
    assert probe.ref == k
    assert "70 pages a week" in probe.text or "12 pages a week" in probe.text
    assert "1.4 seconds" not in probe.text and "300 ms" not in probe.text


def test_the_probe_quotes_the_story_the_candidate_just_told_again():
    session, runner, step = bar_raiser_listening()
    [probe] = probes(runner.listen(session, step, STRONG.replace("I noticed", "I saw")))
    assert probe.ref == 0
    assert "1.4 seconds" in probe.text or "300 ms" in probe.text


async def test_in_the_app_another_story_draws_no_probe_of_round_one(clock):
    session_before_bar_raiser()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _resume_bar_raiser(pilot, app)
        await pilot.press("enter")
        await pilot.pause()
        screen.query_one("#answer", TextArea).insert(OTHER_STORY)
        await pilot.press("ctrl+s")
        await pilot.pause()
        follow_up = screen.step
        assert follow_up.kind == "follow-up"
        assert "Earlier you told" not in follow_up.prompt
        assert "1.4 seconds" not in follow_up.prompt
