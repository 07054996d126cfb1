"""Counts read as English wherever they are shown: "1 round", never "1 rounds".

A stranger at 80x24 opened the debrief of a one-round interview they had imported
and read "Debrief: onsite.txt (imported), 1 rounds, 1 answers"; the export said
"1 rounds" too, and a drill left after one telling was "1 length of 4 told" on
home. Every count now goes through scoring.wording.plural.
"""

from __future__ import annotations

from snapshot import screen_text, settled
from story_fixture import STORIES
from textual.widgets import OptionList

from loops.bank import load_bank
from loops.review.debrief import debrief_data
from loops.review.drill import drill_session
from loops.review.exports import render
from loops.review.imports import import_session, read_import
from loops.runner import LoopRunner
from loops.session import LoopSettings
from loops.store import save_session
from tui.app import MockloopApp

ONE_ROUND = """\
Q [ownership]: Tell me about a time you owned something nobody else would.
Shipped.
"""


def _one_round_import(tmp_path):
    path = tmp_path / "onsite.txt"
    path.write_text(ONE_ROUND, encoding="utf-8")
    session = import_session(read_import(path), path.name)
    save_session(session)
    return session


async def test_a_one_round_import_reads_1_round_1_answer_and_1_word(tmp_path, clock):
    session = _one_round_import(tmp_path)
    assert len(session.plan.rounds) == 1 and len(session.answers) == 1
    md = render(debrief_data(session), "md")
    assert "1 round" in md and "1 rounds" not in md
    assert "1 word" in md and "1 words" not in md

    app = MockloopApp(clock=clock, debrief=session)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await settled(pilot)
        said = " ".join(screen_text(app).split())
        assert "(imported), 1 round, 1 answer" in said, said
        assert "1 rounds" not in said and "1 answers" not in said


async def test_a_drill_left_after_one_telling_is_1_of_4_lengths_on_home(clock):
    settings = LoopSettings("sde2", 5, "strict", None)
    session = drill_session(STORIES[0], settings, "20261201-100000-dr")
    runner = LoopRunner(session, load_bank(None), save=lambda s: None)
    runner.begin()
    told = "I cut checkout latency from 900 ms to 300 ms."
    runner.answer(told, 20.0, auto_submitted=False, started_at="")
    save_session(session)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        menu = app.screen.query_one(OptionList)
        line = str(menu.get_option_at_index(1).prompt)
        assert line.startswith("Resume drill: 1 of 4 lengths told;"), line
