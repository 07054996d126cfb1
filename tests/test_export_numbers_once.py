"""The exports list each figure an answer gives once, in the order first said.

The Markdown and HTML exports read "numbers: 1.4 seconds, 5%, 1.4 seconds, ..." for
an answer that says 1.4 seconds twice: the engine keeps every mention, and the
export listed them all.
"""

from __future__ import annotations

import re

from debrief_fixture import finished_loop

from loops.review.debrief import debrief_data
from loops.review.exports import to_html, to_markdown


def test_an_answer_that_says_a_figure_twice_lists_it_once():
    data = debrief_data(finished_loop())
    first = data["answers"][0]
    md, page = to_markdown(data), to_html(data)
    said = ["1.4 seconds", "5%", "300 ms", "3%"]
    assert first["numbers"].count("1.4 seconds") == 2  # the engine's, kept
    for text in (md, page):
        lists = re.findall(r"numbers: ([^·<\n]*?)(?: · |</p>|\*|\n)", text)
        assert ", ".join(said) in [n.strip() for n in lists], lists
        assert all(len(set(n.split(", "))) == len(n.split(", ")) for n in lists), lists
