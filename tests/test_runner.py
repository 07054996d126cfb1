"""A whole loop played through the runner, with no UI: the interview's rules live in
plain Python (loops/runner.py), and the app only drives them."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PLAY = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from loops.bank import load_bank
    from loops.planner import plan_loop
    from loops.session import LoopSettings, Session
    from loops.store import save_session, session_from_toml, session_path
    from loops.runner import LoopRunner

    folder = Path(sys.argv[1])
    bank = load_bank()
    session = Session("20261130-120000-run", LoopSettings("sde2", 4, "relaxed", 11),
                      plan_loop(bank, "sde2", 4, 11))
    saves = []
    def save(s):
        saves.append(len(s.answers))
        save_session(s, folder)
    runner = LoopRunner(session, bank, save=save)
    FIGURE = ("I noticed checkout p99 latency had crept up to 1.4 seconds and nobody owned "
              "it. I profiled it myself, found an N+1 query and shipped one batched call "
              "behind a flag. p99 fell from 1.4 seconds to 300 ms. I now put a latency "
              "budget in every design doc.")
    VAGUE = "We worked on it together and it went well for everyone."
    asked = []
    while (step := runner.begin()) is not None:
        asked.append([step.round.index, step.question_index, step.follow_up_index,
                      step.round.is_bar_raiser, step.prompt])
        if step.kind == "main":
            text = FIGURE if len(asked) == 1 else VAGUE
        else:
            text = "The dashboards showed p99 going from 2.6 seconds to 300 ms."
        if step.kind == "main" and len(asked) == 3:
            runner.keep_draft("half an answ", 12.0)
            assert session_from_toml(session_path(session.id, folder)).draft.text == "half an answ"
        runner.answer(text, 75.0, marks=[("situation", 0.0), ("action", 20.0)])
    back = session_from_toml(session_path(session.id, folder))
    print(json.dumps({
        "asked": asked,
        "finished": back.finished,
        "answers": len(back.answers),
        "saves": saves,
        "probe": [[a.follow_up_kind, a.round] for a in back.answers if a.follow_up_kind],
        "br_principles": list(back.plan.rounds[-1].principles),
        "beats": back.answers[0].beats,
        "ui_loaded": sorted(m for m in ("textual", "rich") if m in sys.modules),
    }))
    """
)


def test_a_whole_loop_plays_through_the_runner_without_textual(tmp_path):
    out = subprocess.run(
        [sys.executable, "-c", PLAY, str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(out.stdout)
    assert result["ui_loaded"] == []
    assert result["finished"] is True
    assert result["answers"] == len(result["asked"])
    # Saved after every answer (and the draft, and any Bar Raiser briefing).
    assert result["saves"][-1] == result["answers"]
    assert len(result["saves"]) >= result["answers"]
    # Follow-ups were chosen and asked between main questions.
    assert any(step[2] is not None for step in result["asked"])
    # The Bar Raiser's first question drew a consistency probe quoting round 1's figure.
    kinds = {kind for kind, _ in result["probe"]}
    assert "consistency" in kinds
    probe_prompt = next(
        s[4] for s in result["asked"] if s[3] and s[2] == 0 and "Earlier you told" in s[4]
    )
    assert "1.4 seconds" in probe_prompt or "300 ms" in probe_prompt
    # Spoken beat marks became seconds per beat on the saved answer.
    assert result["beats"] == {"situation": 20.0, "action": 55.0}


async def test_the_app_asks_the_follow_ups_the_runner_chooses(clock):
    """The interview screen drives the runner: the follow-ups saved with a typed
    answer are the ones the runner's rules choose for that text."""
    from test_interview import first_question
    from textual.widgets import TextArea

    from loops.bank import load_bank
    from loops.runner import LoopRunner
    from loops.store import load_sessions
    from tui.app import MockloopApp

    text = "We did it and it went fine."
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_question(pilot, "relaxed")
        before = copy.deepcopy(screen.session)
        step = before.current_step()
        assert step is not None
        screen.query_one("#answer", TextArea).insert(text)
        await pilot.press("ctrl+s")
        await pilot.pause()
    [session] = load_sessions().sessions
    chosen = LoopRunner(before, load_bank()).listen(before, step, text)
    assert chosen and session.answers[0].follow_ups == chosen
