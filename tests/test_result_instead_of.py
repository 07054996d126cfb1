"""A result told against the value it replaced is a result, with its figure.

A helper found that "Releases took 20 minutes instead of half a day, and we had no
rollbacks for six months" drew 'no-result' and 'no-metric' (so the follow-up asked "How
did it turn out?"): 'took 20 minutes' reads as the effort of the work, and nothing else
in the sentence was a word of result. The value it replaced says it is a change.
"""

from __future__ import annotations

import pytest

from scoring import AnswerInput
from scoring.document import Document
from scoring.engine import analyze_answer

OPENING = (
    "I looked after the month-end close at a logistics firm. Closing the books was manual "
    "and slow, so I wrote reconciliation scripts for the three biggest accounts and walked "
    "the team through them. "
)
CLOSE = " I learned to automate the dull risky parts first."


def _flags(result: str) -> set[str]:
    text = OPENING + result + CLOSE
    found = analyze_answer(AnswerInput(1, "invent-and-simplify", text), 0, Document(text))
    return {f.name for f in found.flags}


@pytest.mark.parametrize(
    "result",
    [
        "The close took two days instead of six.",
        "The close now runs in 4 hours rather than 3 days.",
    ],
)
def test_a_value_against_the_one_it_replaced_is_a_result_with_a_figure(result: str) -> None:
    flags = _flags(result)
    assert "no-result" not in flags and "no-metric" not in flags


def test_the_effort_of_the_work_alone_is_still_no_result() -> None:
    flags = _flags("The scripts took two days to write.")
    assert {"no-result", "no-metric"} <= flags
