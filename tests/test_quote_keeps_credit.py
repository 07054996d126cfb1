"""A quote shortened to a line keeps the words the judgement rests on.

A stranger read '+ quantified result: "After the flag reached every region and we had
deleted the old…"' under a vote: the quote is the whole sentence, and the list cut it at
its width, before the figure that earned the credit. The engine now says which words
of the sentence it credited (``Evidence.focus``) and the debrief fits the quote to the
width around them.
"""

from __future__ import annotations

import debrief_fixture
from snapshot import screen_text
from textual.widgets import OptionList

from loops.review.debrief import build_debrief
from tui.app import MockloopApp
from tui.screens.debrief import DebriefScreen
from tui.votes import fit_quote

LONG = (
    "After the flag reached every region and we had deleted the old coupon path for good, "
    "cart abandonment during checkout fell by 3%."
)


def test_a_credited_clause_at_the_end_of_a_long_sentence_is_kept():
    focus = (LONG.index("3%"), LONG.index("3%") + 2)
    shown = fit_quote(LONG, focus, 50)
    assert shown == "…cart abandonment during checkout fell by 3%."
    assert len(shown) <= 50
    # The old cut, at the end, kept the opening and lost the figure.
    assert "3%" not in LONG[:49]


def test_a_quote_is_cut_at_its_end_while_that_keeps_the_credit():
    focus = (0, len("After the flag"))
    assert fit_quote(LONG, focus, 50) == "After the flag reached every region and we had…"
    assert fit_quote(LONG, focus, 200) == LONG  # room for it all: all of it


def test_credit_in_the_middle_keeps_words_on_both_sides():
    at = LONG.index("we had deleted")
    shown = fit_quote(LONG, (at, at + len("we had deleted")), 44)
    assert shown.startswith("…") and shown.endswith("…") and "we had deleted" in shown
    assert len(shown) <= 44


def test_white_space_is_one_space_and_the_credit_moves_with_it():
    text = "We  argued\nfor weeks   about it, and then   I   rewrote it alone."
    at = text.index("I   rewrote")
    shown = fit_quote(text, (at, at + len("I   rewrote")), 30)
    assert "I rewrote it alone." in shown and len(shown) <= 30


def test_a_credit_longer_than_the_line_shows_its_opening():
    assert fit_quote(LONG, (0, len(LONG)), 20) == "After the flag…"
    at = LONG.index("cart")
    assert fit_quote(LONG, (at, len(LONG)), 20) == "…cart abandonment…"


def test_the_engine_says_which_words_of_the_quote_it_credited(monkeypatch):
    story = debrief_fixture.STORY.replace(
        "p99 went from 1.4 seconds to 300 ms and cart abandonment fell 3%.", LONG
    )
    monkeypatch.setattr(debrief_fixture, "STORY", story)
    analysis = build_debrief(debrief_fixture.finished_loop()).analysis
    for result in analysis.answers:
        for ev in result.vote_evidence:
            if ev.quote:
                assert ev.focus is not None
                assert ev.start <= ev.focus[0] < ev.focus[1] <= ev.end
    found = next(
        ev for result in analysis.answers for ev in result.vote_evidence if ev.quote == LONG
    )
    assert found.note == "quantified result"
    assert LONG[found.focus[0] - found.start : found.focus[1] - found.start] == "3%"


async def test_the_debrief_at_80_columns_shows_the_credited_figure(clock, monkeypatch):
    story = debrief_fixture.STORY.replace(
        "p99 went from 1.4 seconds to 300 ms and cart abandonment fell 3%.", LONG
    )
    monkeypatch.setattr(debrief_fixture, "STORY", story)
    debrief_fixture.finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DebriefScreen)
        row = next(line for line in screen_text(app).splitlines() if "+ quantified result:" in line)
        assert 'abandonment during checkout fell by 3%."' in row
        assert '+ quantified result: "…' in row  # its opening left out, and said so
        # The row's text is the whole quote, as before; Enter opens the answer.
        evidence = screen.query_one("#evidence", OptionList)
        lines = [str(evidence.get_option_at_index(n).prompt) for n in range(20)]
        assert f'    + quantified result: "{LONG}"' in lines
