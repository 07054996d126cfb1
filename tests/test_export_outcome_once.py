"""The exports' outcome says each fact once, as the debrief screen does.

A stranger's Markdown export read "- 6 of 9 votes inclined and no Bar Raiser veto."
and, on the next line, "- 6 of 9 votes inclined." (and, on a veto, the Bar Raiser's
vote twice): the screen leaves out what the engine's reason already says, the exports
did not.
"""

from __future__ import annotations

import re

import pytest
from test_exports import finished_session
from test_one_debrief import generated_loop

from loops.review.debrief import debrief_data
from loops.review.exports import to_html, to_markdown
from scoring.model import VOTE_WORDS


def _outcome_section(md: str) -> str:
    return md.split("## Outcome:", 1)[1].split("\n## ", 1)[0]


@pytest.mark.parametrize(
    ("session", "reason"),
    [
        (finished_session(7), "6 of 9 votes inclined and no Bar Raiser veto."),
        (finished_session(5), "Only 4 of 9 votes are inclined."),
        (generated_loop(5), "voted STRONGLY NOT INCLINED: a veto."),
    ],
    ids=["hire", "too-few", "veto"],
)
def test_the_outcome_says_the_count_and_the_bar_raiser_once(session, reason):
    data = debrief_data(session)
    o = data["outcome"]
    assert reason in o["reason"]
    vote = VOTE_WORDS[o["bar_raiser_vote"]]
    md = _outcome_section(to_markdown(data))
    page = to_html(data).split("<h2>Outcome:", 1)[1].split("<h2>", 1)[0]
    for said in (md, page):
        assert said.count(f"{o['inclined']} of {o['total']} votes") == 1, said
        assert len(re.findall(rf"(?<!NOT )(?<!STRONGLY )\b{vote}\b", said)) == 1, said
