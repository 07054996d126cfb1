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


FIELDS = (
    Field("round", int),
    Field("principle", read=_principle),
    Field("text", read=within_limit),
    Field("question", default=None),
    Field("kind", default="main", choices=KINDS),
    Field("seconds", (int, float), default=None, read=_not_negative),
    Field("failure", bool, default=False),
)
"""One ``[[answers]]`` table: the fields of ``AnswerInput``."""


def load_answers_file(path: str | Path) -> tuple[list[AnswerInput], int | None]:
    """The answers in ``path`` and the Bar Raiser's round if the file names one.

    Raises FileProblemError naming the file, line and field of the first fault.
    """
    path = Path(path)
    data, text = read_toml(path)
    r = Reader(path, text)
    br = r.get(data, "bar_raiser_round", int, "", default=None)
    if "answers" not in data:
        raise r.fail("answers", "missing; add [[answers]] tables")
    raw = r.get(data, "answers", list, "")
    return [_answer(r, i, item) for i, item in enumerate(raw)], br


def _answer(r: Reader, i: int, item: Any) -> AnswerInput:
    where, line = f"answers[{i}]", At("answers", i)
    if isinstance(item, dict):
        unknown = unknown_fields(r, item, FIELDS, where, line)
        if unknown:
            raise FileProblemError(unknown[:1])
    return AnswerInput(**load_fields(r, item, FIELDS, where, line))
