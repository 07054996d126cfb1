"""The Bar Raiser goes back to the weakest principle and probes an earlier detail."""

from __future__ import annotations

from collections import Counter

from textual.widgets import TextArea

from loops.bank import load_bank
from loops.planner import brief_bar_raiser, plan_loop
from loops.review.analysis import analyze_session
from loops.session import LoopSettings, Session
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


async def test_the_bar_raiser_quotes_an_earlier_detail_and_the_answer_is_checked(clock):
    before = session_before_bar_raiser()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.step.round.is_bar_raiser
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
