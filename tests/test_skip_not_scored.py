"""A skipped question is not scored: no flags, no vote, not counted in the outcome.

The stranger's report: after Ctrl+S twice on an empty answer, the debrief still
flagged the skip ("no-result: no result is told", "too-short") and counted a
STRONGLY NOT INCLINED vote from it, as if the candidate had answered badly.
The engine is now given only the answers given (``loops.review.analysis``); the
findings it returns are put back in the session's numbering, so answer #n is the
same answer on every screen and export, skip or not.
"""

from __future__ import annotations

from debrief_fixture import RETOLD, STORY
from textual.widgets import OptionList

from loops.bank import load_bank
from loops.planner import plan_loop
from loops.principles import BY_SLUG
from loops.review.analysis import analyze_session
from loops.review.debrief import build_debrief
from loops.review.exports import render
from loops.session import LoopSettings, Session
from loops.store import save_session
from tui.app import MockloopApp
from tui.screens.debrief import DebriefScreen

OTHER = (
    "I cut our render farm bill by 30% by moving batch jobs to spot instances myself, "
    "after I measured a month of idle nodes. It saved $40k a quarter and I learned to "
    "check utilisation before any budget request."
)


def _loop(skip: set[tuple[int, int]]) -> Session:
    """A finished 4-round loop: STORY in round 1, RETOLD (a changed figure) in round 3,
    the questions in ``skip`` (round, question index) skipped, the rest ``OTHER``."""
    bank = load_bank()
    settings = LoopSettings("sde2", 4, "relaxed", 4)
    s = Session("20261120-100000-skip", settings, plan_loop(bank, "sde2", 4, 4))
    while (step := s.current_step()) is not None:
        where = (step.round.index, step.question_index)
        if step.kind == "main" and where in skip:
            s.record(step, "", 2.0)  # what Ctrl+S twice on an empty editor saves
            continue
        if step.kind == "main" and where == (1, 0):
            text = STORY
        elif step.kind == "main" and where == (3, 0):
            text = RETOLD
        else:
            text = OTHER.replace("30%", f"{20 + len(s.answers)}%")
        fus = list(step.question.follow_ups[:1]) if step.kind == "main" else None
        s.record(step, text, 70.0, follow_ups=fus)
    s.created_at = s.updated_at = "2026-11-20T10:00:00+00:00"
    return s


SKIPS = {(1, 1), (2, 0)}


def test_a_skipped_answer_gets_no_flag_and_no_vote_and_is_not_counted():
    session = _loop(SKIPS)
    data = build_debrief(session).to_json()
    skipped = [a for a in data["answers"] if not a["text"]]
    assert len(skipped) == len(SKIPS)
    for a in skipped:
        assert a["skipped"] and a["flags"] == [] and a["vote"] is None, a
    questions = [q for r in data["rounds"] for q in r["questions"]]
    for q in questions:
        if q["skipped"]:
            assert (q["final_vote"], q["vote"], q["flags"], q["vote_evidence"]) == (
                None,
                None,
                [],
                [],
            )
    assert sum(q["skipped"] for q in questions) == len(SKIPS)
    given = sum(1 for q in questions if q["answered"])
    assert given == len(questions) - len(SKIPS)
    assert data["outcome"]["total"] == given  # a skip is not a vote in the meeting
    md = render(data, "md")
    assert md.count("skipped (nothing said, not scored)") == 2 * len(SKIPS)
    # The skipped answer 2 (from 0) is "#3": the Markdown counts from #1.
    assert "No result is told" not in md.split("## Round 2")[0].split("#### #3")[1]


def test_answer_numbers_and_findings_stay_those_of_the_saved_answers():
    """The skips come before both tellings of the story: the contradiction the engine
    finds (1.4 s then 2.6 s) still names and quotes the saved answers, and the
    candidate's "not a conflict" still takes it out of the votes."""
    session = _loop(SKIPS)
    analysis = analyze_session(session)
    assert [r.index for r in analysis.answers] == list(range(len(session.answers)))
    told = {i: a.text for i, a in enumerate(session.answers)}
    conflict = next(c for c in analysis.contradictions if "1.4" in c.detail)
    i, j = conflict.answers
    assert (told[i], told[j]) == (STORY, RETOLD)
    for st in conflict.statements:
        assert told[st.answer][st.start : st.end] == st.quote
    assert any(set(r.answers) == {i, j} for r in analysis.reused)
    assert set(analysis.outcome.counted) == {
        k for k, a in enumerate(session.answers) if a.kind == "main" and not a.skipped
    }
    session.toggle_dismissed(conflict.key)
    after = analyze_session(session)
    assert conflict.key not in {c.key for c in after.contradictions}
    assert [r.index for r in after.answers] == list(range(len(session.answers)))


async def test_the_debrief_lists_no_flag_under_a_skipped_question(clock):
    session = _loop({(1, 1)})
    save_session(session)
    principle = session.plan.rounds[0].questions[1].principle
    name = BY_SLUG[principle].name
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DebriefScreen)
        evidence = screen.query_one("#evidence", OptionList)
        lines = [str(evidence.get_option_at_index(k).prompt) for k in range(evidence.option_count)]
    at = next(k for k, line in enumerate(lines) if line.strip().startswith(f"{name}:"))
    assert "INCLINED" not in lines[at], lines[at]
    following = lines[at + 1]
    assert not following.strip().startswith(("flag", "+", "-")), lines[at : at + 3]


def test_history_measures_only_the_answers_given():
    """The row's mean time and we-heavy share are over answers given: a skip's two
    seconds on the clock are not an answer's length."""
    from loops.review.history import summarize

    session = _loop(SKIPS)
    row = summarize(session)
    given = [a for a in session.answers if not a.skipped]
    assert row["answers"] == len(given)
    assert row["avg_seconds"] == round(sum(a.seconds for a in given) / len(given), 2) == 70.0
