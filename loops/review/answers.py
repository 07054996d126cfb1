"""Reading a loop's answers from the TOML file ``mockloop analyze`` takes.

Read as every other file is (``loops.problems``: a ``Reader`` over ``Field``s),
so an error is a FileProblemError naming the file, the line of the field itself
and the field (``answers[3].principle``): the person reading it has the file
open in an editor and wants to jump straight there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from loops.principles import BY_SLUG
from loops.problems import (
    At,
    Field,
    FileProblem,
    FileProblemError,
    Reader,
    Spot,
    load_fields,
    read_toml,
    unknown_fields,
    within_limit,
)
from scoring.model import KINDS, AnswerInput


def _principle(r: Reader, value: str, at: Spot) -> str:
    """A principle slug; the error lists them all, since this file is written by hand."""
    if value not in BY_SLUG:
        message = f"{value!r} is not a principle slug: {', '.join(BY_SLUG)}"
        raise r.bad(at.where, at.key, message, at.line)
    return value


def _not_negative(r: Reader, value: float, at: Spot) -> float:
    if value < 0:
        raise r.bad(at.where, at.key, f"must be a non-negative number, got {value!r}", at.line)
    return float(value)


def _said(r: Reader, value: str, at: Spot) -> str:
    """An answer's text: something said (an empty answer would be scored as a weak one),
    and not past the length every text is held to."""
    if not value.strip():
        raise r.bad(at.where, at.key, "is empty: write the answer, or leave the table out", at.line)
    return within_limit(r, value, at)


FIELDS = (
    Field("round", int, span=(1, 99)),
    Field("principle", read=_principle),
    Field("text", read=_said),
    Field("question", default=None),
    Field("kind", default="main", choices=KINDS),
    Field("seconds", (int, float), default=None, read=_not_negative),
    Field("failure", bool, default=False),
)
"""One ``[[answers]]`` table: the fields of ``AnswerInput``."""


def load_answers_file(path: str | Path) -> tuple[list[AnswerInput], int | None]:
    """The answers in ``path`` and the Bar Raiser's round if the file names one.

    Raises FileProblemError naming the file, line and field of every fault found, so
    a hand-written file is mended in one pass rather than one error at a time.
    """
    path = Path(path)
    data, text = read_toml(path)
    r = Reader(path, text)
    br = r.get(data, "bar_raiser_round", int, "", default=None)
    if "answers" not in data:
        raise r.fail("answers", "missing; add [[answers]] tables")
    raw = r.get(data, "answers", list, "")
    problems: list[FileProblem] = []
    answers = [a for i, item in enumerate(raw) if (a := _answer(r, i, item, problems))]
    rounds = sorted({a.round for a in answers})
    if br is not None and answers and br not in rounds:
        message = f"{br} is not a round of this file (its rounds: {', '.join(map(str, rounds))})"
        problems += r.bad("", "bar_raiser_round", message).problems
    if problems:
        raise FileProblemError(problems)
    return answers, br


def _answer(r: Reader, i: int, item: Any, problems: list[FileProblem]) -> AnswerInput | None:
    """One answer, or None with its faults added to ``problems``."""
    where, line = f"answers[{i}]", At("answers", i)
    found: list[FileProblem] = []
    if isinstance(item, dict):
        found += unknown_fields(r, item, FIELDS, where, line)
    try:
        fields = load_fields(r, item, FIELDS, where, line, found)
    except FileProblemError as exc:  # not a table at all
        found += exc.problems
    problems += found
    return None if found else AnswerInput(**fields)
