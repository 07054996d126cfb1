"""A similarity reads the same on the screen, in the exports and in the JSON.

A stranger read "same story, similarity 0.54" on the Across rounds tab and
"(similarity 0.55)" in the Markdown export of the same loop: the JSON rounded the
engine's value to three places (0.5449 to 0.545) and the export rounded that again
to two. It is now rounded once, by ``similarity_value``, and said by
``similarity_text`` everywhere.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from debrief_fixture import finished_loop
from test_debrief_screen import across_rounds, open_debrief

import loops.review.debrief as debrief_module
from loops.review.debrief import debrief_data
from loops.review.exports import to_html, to_markdown
from tui.app import MockloopApp

ENGINE_SAYS = 0.5449


@pytest.fixture
def reuse_at(monkeypatch):
    """The demo loop's story told twice, at ENGINE_SAYS similarity."""
    real = debrief_module.analyze_session

    def analyzed(session):
        a = real(session)
        return replace(a, reused=tuple(replace(r, similarity=ENGINE_SAYS) for r in a.reused))

    monkeypatch.setattr(debrief_module, "analyze_session", analyzed)


async def test_the_tab_and_the_exports_say_one_similarity(clock, reuse_at):
    session = finished_loop()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_debrief(pilot)
        _, rows = await across_rounds(pilot, screen)
    [reused] = [row for row in rows if row.startswith("REUSED")]
    assert "similarity 0.54;" in reused, reused
    data = debrief_data(session)
    assert "(similarity 0.54)" in to_markdown(data) and "0.55" not in to_markdown(data)
    assert "(similarity 0.54)" in to_html(data)
    assert [r["similarity"] for r in data["reused"]] == [0.54]  # rounded once, kept so
