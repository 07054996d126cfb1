"""Contradiction and check quotes are shown without the loose word they were clipped on.

The debrief's Across rounds tab read "p99: 'had crept up to 1.4 seconds during' in
round 1, ...": the engine quotes a clause clipped after a few words, which can end
on "during", "to" or "of". Every view (the debrief, the retry, the exports) now shows
the quote without it; the engine's quote, which its rules and a dismissal read, is kept.
"""

from __future__ import annotations

from debrief_fixture import finished_loop
from test_debrief_screen import across_rounds, open_debrief

from loops.review.debrief import debrief_data, shown_detail
from loops.review.exports import to_html, to_markdown
from tui.app import MockloopApp

ENGINE = "'had crept up to 1.4 seconds during'"
SHOWN = "'had crept up to 1.4 seconds' in round 1"


async def test_the_across_rounds_tab_quotes_end_on_a_word_that_says_something(clock):
    finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_debrief(pilot)
        _cross, rows = await across_rounds(pilot, screen)
        found = [r for r in rows if r.startswith(("CONTRADICTION", "CHECK"))]
        assert any(SHOWN in r for r in found), found
        assert not any("during'" in r for r in found), found
        # The engine's own detail, which a dismissal's key names, is unchanged.
        assert any(ENGINE in c.detail for c in screen.debrief.contradictions)


def test_the_exports_quote_the_clause_without_its_loose_word():
    data = debrief_data(finished_loop())
    assert any(ENGINE in c["detail"] for c in data["contradictions"])  # the JSON: as found
    md, page = to_markdown(data), to_html(data)
    assert SHOWN in md and "during'" not in md
    assert SHOWN.replace("'", "&#x27;") in page and "during&#x27;" not in page


def test_only_the_closing_function_words_go():
    assert shown_detail("cost: 'rose to 40% of the' in round 1, 'to 3' in round 2") == (
        "cost: 'rose to 40%' in round 1, 'to 3' in round 2"
    )
    assert shown_detail("team: round 1 says \"we'd moved to\"; round 2 says 'a'") == (
        "team: round 1 says \"we'd moved\"; round 2 says 'a'"
    )
