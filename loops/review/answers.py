"""Reading a loop's answers from the TOML file ``mockloop analyze`` takes.

Errors name the file, the answer's index and the field, because the person
reading them has the file open in an editor and wants to jump straight there.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from loops.principles import BY_SLUG
from loops.problems import FileProblemError, read_toml, table_line, too_long
from scoring.model import KINDS, AnswerInput


class ScoringInputError(ValueError):
    """An answers file that cannot be analysed; the message says where and why."""


_FIELDS = {"round", "principle", "text", "question", "kind", "seconds", "failure"}


def load_answers_file(path: str | Path) -> tuple[list[AnswerInput], int | None]:
    """The answers in ``path`` and the Bar Raiser's round if the file names one."""
    path = Path(path)
    name = path.name
    try:
        data, text = read_toml(path)
    except FileProblemError as exc:
        problem = exc.problems[0]
        where = f"{name}:{problem.line}" if problem.line else name
        raise ScoringInputError(f"{where}: {problem.message}") from None
    br = data.get("bar_raiser_round")
    if br is not None and (not isinstance(br, int) or isinstance(br, bool)):
        raise ScoringInputError(f"{name}: bar_raiser_round: must be an integer, got {br!r}")
    raw = data.get("answers")
    if raw is None:
        raise ScoringInputError(f"{name}: answers: missing; add [[answers]] tables")
    if not isinstance(raw, list):
        raise ScoringInputError(f"{name}: answers: must be an array of tables ([[answers]])")
    answers = [_answer(name, text, i, item) for i, item in enumerate(raw)]
    return answers, br


def _answer(name: str, text: str, i: int, item: Any) -> AnswerInput:
    def at() -> str:
        """Where the answer starts. Found only for an error: finding it rescans the
        file, and doing that for every answer made a 500-answer file slow to read."""
        line = table_line(text, "answers", i)
        return f"{name}:{line}" if line else name

    def fail(field: str, message: str) -> ScoringInputError:
        return ScoringInputError(f"{at()}: answers[{i}].{field}: {message}")

    if not isinstance(item, dict):
        raise ScoringInputError(f"{at()}: answers[{i}]: must be a table")
    for key in item:
        if key not in _FIELDS:
            raise fail(key, f"unknown field (expected one of {', '.join(sorted(_FIELDS))})")
    for key in ("round", "principle", "text"):
        if key not in item:
            raise fail(key, "missing (required)")
    rnd = item["round"]
    if not isinstance(rnd, int) or isinstance(rnd, bool):
        raise fail("round", f"must be an integer, got {rnd!r}")
    principle = item["principle"]
    if not isinstance(principle, str):
        raise fail("principle", f"must be a string, got {principle!r}")
    if principle not in BY_SLUG:
        raise fail("principle", f"{principle!r} is not a principle slug: {', '.join(BY_SLUG)}")
    body = item["text"]
    if not isinstance(body, str):
        raise fail("text", f"must be a string, got {type(body).__name__}")
    if too_long(body):
        raise fail("text", str(too_long(body)))
    question = item.get("question")
    if question is not None and not isinstance(question, str):
        raise fail("question", "must be a string")
    kind = item.get("kind", "main")
    if kind not in KINDS:
        raise fail("kind", f"{kind!r} is not one of {', '.join(KINDS)}")
    seconds = item.get("seconds")
    if seconds is not None:
        if isinstance(seconds, bool) or not isinstance(seconds, int | float):
            raise fail("seconds", f"must be a number, got {seconds!r}")
        if seconds < 0 or math.isnan(seconds) or math.isinf(seconds):
            raise fail("seconds", f"must be a non-negative number, got {seconds!r}")
    failure = item.get("failure", False)
    if not isinstance(failure, bool):
        raise fail("failure", f"must be true or false, got {failure!r}")
    return AnswerInput(
        round=rnd,
        principle=principle,
        text=body,
        question=question,
        kind=kind,
        seconds=float(seconds) if seconds is not None else None,
        failure=failure,
    )
