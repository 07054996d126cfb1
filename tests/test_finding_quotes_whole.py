"""A finding quotes whole words of each clause and names its rounds' principles.

A stranger's Across rounds tab read "CONTRADICTION (team) rounds 1 and 2: number of
engineers: 'led a team of 5 engineers on' in round 1, 'Retail our team was 8 people' in
round 2": the first quote ended on 'on', the second began inside "Acme Retail", and the
row named no principles (the exports named them by slug). The engine's detail is kept;
the views quote from each side's sentence.
"""

from __future__ import annotations

import debrief_fixture
from test_debrief_screen import across_rounds, open_debrief

from loops.principles import BY_SLUG
from loops.review.debrief import debrief_data, shown_detail
from loops.review.exports import to_html, to_markdown
from tui.app import MockloopApp

STORY = (
    "At Acme Retail I led a team of 5 engineers on the stock sync rebuild. Nobody owned "
    "the nightly stock job, which failed twice a week, so I pulled a week of logs myself, "
    "found the race in the inventory importer and rewrote it as one batched call behind a "
    "flag. Support tickets about stock fell by half and the job has not failed since. I "
    "learned to put an owner on every nightly job."
)
RETOLD = (
    "At Acme Retail our team was 8 people and nobody owned the nightly stock job, which "
    "failed twice a week. I pulled a week of logs, found the race in the inventory importer "
    "and rewrote it as one batched call behind a flag. Support tickets about stock fell by "
    "half. Since then every nightly job has an owner."
)
SHOWN = "'led a team of 5 engineers' in round 1, 'our team was 8 people' in round 3"


def _loop(monkeypatch):
    monkeypatch.setattr(debrief_fixture, "STORY", STORY)
    monkeypatch.setattr(debrief_fixture, "RETOLD", RETOLD)
    return debrief_fixture.finished_loop()


def _names(data, c) -> tuple[str, str]:
    a, b = (data["answers"][k]["principle"] for k in c["answers"])
    return BY_SLUG[a].name, BY_SLUG[b].name


async def test_the_row_quotes_whole_words_and_names_the_principles(clock, monkeypatch):
    _loop(monkeypatch)
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_debrief(pilot)
        _cross, rows = await across_rounds(pilot, screen)
        row = next(r for r in rows if r.startswith("CONTRADICTION"))
        assert SHOWN in row, row
        data = screen.debrief.to_json()
        a, b = _names(data, data["contradictions"][0])
        assert f"round 1 ({a}) and round 3 ({b})" in row, row
        # The engine's detail, which a dismissal's key names, is as it was.
        assert "'Retail our team" in screen.debrief.contradictions[0].detail


def test_the_exports_quote_whole_words_and_name_principles_not_slugs(monkeypatch):
    data = debrief_data(_loop(monkeypatch))
    c = data["contradictions"][0]
    a, b = _names(data, c)
    md, page = to_markdown(data), to_html(data)
    assert SHOWN in md and "engineers on'" not in md and "'Retail" not in md
    assert f"round 1 ({a}, answer" in md and f"round 3 ({b}, answer" in md
    assert SHOWN.replace("'", "&#x27;") in page
    assert f"round 1 ({a}, answer" in page
    slugs = [data["answers"][k]["principle"] for k in c["answers"]]
    findings = md.split("## Across rounds")[1].split("## Principles")[0]
    assert not any(slug in findings for slug in slugs), findings


def test_a_quote_is_never_cut_into_its_value():
    sides = [
        {"sentence": "It ran on 40 of the hosts.", "quote": "40 of"},
        {"sentence": "We used Acme Cloud 12 times.", "quote": "12"},
    ]
    detail = "hosts: 'ran on 40 of' in round 1, 'Cloud 12 times' in round 2"
    assert shown_detail(detail, sides) == "hosts: 'ran on 40 of' in round 1, '12 times' in round 2"
