"""The Bar Raiser quotes an earlier answer as it was said, never cut mid-clause.

A stranger's Bar Raiser said: Earlier you told Ngozi Raman "In March 2023 at Lumora
Logistics the on-time shipping number on the ops dashboard jumped from 91% to 99%
overnight, and I did not". The sentence went on "... I did not believe it": cut at 24
words, the quote put words in the candidate's mouth. A long sentence is now cut at its
last clause break after the detail, or marked with an ellipsis.
"""

from __future__ import annotations

from test_bar_raiser import _resume_bar_raiser, session_before_bar_raiser
from textual.widgets import TextArea

from loops.review.analysis import _sentence
from tui.app import MockloopApp

LONG = (
    "In March 2023 at Lumora Logistics the on-time shipping number on the ops dashboard "
    "jumped from 91% to 99% overnight, and I did not believe it. I pulled the raw shipment "
    "events and found that a new carrier integration was writing the promised date as the "
    "ship date. I fixed the mapping, reran the last 30 days, and the true number was 90%."
)


async def test_the_bar_raiser_does_not_quote_half_a_clause(clock):
    before = session_before_bar_raiser(LONG)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _resume_bar_raiser(pilot, app)
        await pilot.press("enter")
        await pilot.pause()
        screen.query_one("#answer", TextArea).insert(LONG.replace("I pulled", "I dug into"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        probe = screen.step.prompt
    who = before.plan.rounds[0].interviewer
    assert probe.startswith(f'Earlier you told {who} "In March 2023 at Lumora Logistics')
    quote = probe.split('"')[1]
    assert not quote.endswith("I did not")
    assert quote.endswith("from 91% to 99% overnight")


def test_a_sentence_with_no_clause_break_is_marked_where_it_is_cut():
    text = " ".join(f"w{k}" for k in range(40)) + " reached 12 ms in the end."
    start = text.index("12 ms")
    quote = _sentence(text, start, start + 5)
    assert quote.startswith("…") and "12 ms" in quote
    text = "It reached 12 ms " + " ".join(f"w{k}" for k in range(40)) + "."
    quote = _sentence(text, 11, 16)
    assert quote.startswith("It reached 12 ms") and quote.endswith("…")
