"""A principle whose every question was skipped was not probed, in the exports' grid.

A stranger read the Markdown export of a loop where they skipped the Ownership
question: its grid row said "Probed: yes" beside "skipped", as if the interviewer
had heard something for it.
"""

from __future__ import annotations

from test_skip_not_scored import SKIPS, _loop

from loops.review.debrief import debrief_data
from loops.review.exports import to_html, to_markdown


def test_the_grid_says_a_skipped_principle_was_not_probed():
    data = debrief_data(_loop(SKIPS))
    skipped = {q["principle_name"] for r in data["rounds"] for q in r["questions"] if q["skipped"]}
    answered = {
        q["principle_name"] for r in data["rounds"] for q in r["questions"] if q["answered"]
    }
    assert skipped and answered and not skipped & answered
    md = to_markdown(data)
    rows = {line.split(" | ")[0].lstrip("| "): line for line in md.splitlines() if " | " in line}
    for name in skipped:
        assert "| no (skipped) |" in rows[name] and "| skipped |" in rows[name], rows[name]
        assert "| yes |" not in rows[name]
    for name in answered:
        assert "| yes |" in rows[name], rows[name]
    html = to_html(data)
    assert html.count("no (skipped)") == len(skipped)
