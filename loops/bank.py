"""The question bank: main questions, their scripted follow-ups, and the loader.

The bank ships inside the package as TOML (``loops/data/questions.toml``)
and users may add their own files under ``<config dir>/questions/``. A bad
user file is skipped whole and reported with its file, line and field; it
never stops the app and is never rewritten.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loops.levels import LEVELS
from loops.paths import exposed_questions_folder
from loops.principles import BY_SLUG
from loops.problems import (
    At,
    FileProblem,
    FileProblemError,
    Key,
    Line,
    Reader,
    header_problems,
    key_line,
    read_toml,
    too_long,
)

BANK_VERSION = 1

FOLLOW_UP_KINDS: dict[str, str] = {
    "measurement": "how the result was measured, and against what baseline",
    "individual": "what the candidate personally did, apart from the team",
    "specific": "a specific time it happened, when the answer was hypothetical",
    "outcome": "what happened in the end",
    "reflection": "what they would do differently, or do now",
    "resistance": "who pushed back and how that was resolved",
    "judgement": "the risks and trade-offs weighed",
    "durability": "how it was kept from recurring",
    "counterfactual": "whether it would have happened without them",
    "commit": "what they did once the decision went against them",
    "depth": "names, exact figures, what almost went wrong",
    "consistency": "the Bar Raiser re-asks an earlier detail from another angle",
}

MIN_FOLLOW_UPS = 3

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_HYPOTHETICAL = re.compile(r"\b(what|how) would you\b|\bwhat if\b|\bimagine\b|\bsuppose\b", re.I)
_PAST = re.compile(
    r"\b(a time|an example|the last time|the most recent|a situation|an occasion|"
    r"a decision you|a project (where|that)|a mistake|a failure)\b",
    re.I,
)


def asks_about_past(prompt: str) -> bool:
    """True when ``prompt`` asks for a real past event, not a hypothetical."""
    return bool(_PAST.search(prompt)) and not _HYPOTHETICAL.search(prompt)


@dataclass(frozen=True)
class FollowUp:
    kind: str
    text: str
    ref: int | None = None
    """For a consistency probe: the index (in the session's answers) of the
    earlier answer it quotes, so the two can be checked against each other."""


@dataclass(frozen=True)
class Question:
    id: str
    principle: str
    prompt: str
    follow_ups: tuple[FollowUp, ...]
    levels: tuple[str, ...] = tuple(LEVELS)
    failure: bool = False
    """A failure question: a story spun into a success is a red flag here."""
    source: str = "built-in"

    def suits(self, level: str) -> bool:
        return level in self.levels


@dataclass
class Bank:
    questions: list[Question] = field(default_factory=list)
    generic: list[FollowUp] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    """Problems in user files that were skipped; shown to the user at start."""

    def for_principle(self, slug: str, level: str | None = None) -> list[Question]:
        return [
            q for q in self.questions if q.principle == slug and (level is None or q.suits(level))
        ]

    def by_id(self, question_id: str) -> Question | None:
        for q in self.questions:
            if q.id == question_id:
                return q
        return None


_QUESTION_KEYS = {"id", "principle", "prompt", "follow_ups", "levels", "failure"}
_FOLLOW_UP_KEYS = {"kind", "text"}


def _is(value: Any, choices: Any) -> bool:
    """``value in choices`` for any value a TOML file holds: a list or a table is in
    none (``in`` on a dict raised TypeError for them, crashing check-bank)."""
    return isinstance(value, str) and value in choices


def _parse_follow_up(
    raw: Any, r: Reader, line: Line, where: str, problems: list[FileProblem]
) -> FollowUp | None:
    """One follow-up; its problems are named at ``line`` (found only if there is one)."""
    if not isinstance(raw, dict):
        problems.append(r.problem(where, None, "must be a table with kind and text", line))
        return None
    for key in sorted(set(raw) - _FOLLOW_UP_KEYS):
        problems.append(r.problem(f"{where}.{key}", None, "unknown field", line))
    kind, text = raw.get("kind"), raw.get("text")
    ok = True
    if not _is(kind, FOLLOW_UP_KINDS):
        known = ", ".join(FOLLOW_UP_KINDS)
        problems.append(r.problem(f"{where}.kind", None, f"{kind!r} is not one of {known}", line))
        ok = False
    if not isinstance(text, str) or not text.strip():
        problems.append(r.problem(f"{where}.text", None, "missing or empty", line))
        ok = False
    return FollowUp(kind=str(kind), text=str(text).strip()) if ok else None


def _parse_question(
    raw: Any, index: int, r: Reader, source: str, problems: list[FileProblem]
) -> Question | None:
    where, at = f"questions[{index}]", At("questions", index)
    if not isinstance(raw, dict):
        problems.append(r.problem(where, None, "must be a table", at))
        return None
    before = len(problems)

    def bad(key: str, message: str) -> None:
        problems.append(r.problem(where, key, message, at))

    for key in sorted(set(raw) - _QUESTION_KEYS):
        bad(key, "unknown field")
    qid = raw.get("id")
    if not isinstance(qid, str) or not _ID.match(qid):
        bad("id", "missing, or not lower-case-with-dashes")
    slug = raw.get("principle")
    if not _is(slug, BY_SLUG):
        # Point at a file every install has: the built-in bank uses every slug.
        close = difflib.get_close_matches(str(slug), list(BY_SLUG), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        bad(
            "principle",
            f"{slug!r} is not a principle slug{hint}; the built-in bank uses all "
            f"{len(BY_SLUG)}: {builtin_bank_path()}",
        )
    prompt = raw.get("prompt")
    if not isinstance(prompt, str) or not prompt.strip():
        bad("prompt", "missing or empty")
    elif too_long(prompt):
        bad("prompt", str(too_long(prompt)))
    elif not asks_about_past(prompt):
        bad(
            "prompt",
            "must ask about a real past event ('Tell me about a time ...'), not a hypothetical",
        )
    levels = raw.get("levels", list(LEVELS))
    if not isinstance(levels, list) or not levels or any(not _is(lv, LEVELS) for lv in levels):
        bad("levels", f"must be a non-empty list of {', '.join(LEVELS)}")
    failure = raw.get("failure", False)
    if not isinstance(failure, bool):
        bad("failure", "must be true or false")
    raw_fus = raw.get("follow_ups")
    follow_ups: list[FollowUp] = []
    if not isinstance(raw_fus, list) or len(raw_fus) < MIN_FOLLOW_UPS:
        bad("follow_ups", f"needs at least {MIN_FOLLOW_UPS} follow-ups")
    else:
        for n, raw_fu in enumerate(raw_fus):
            fu = _parse_follow_up(
                raw_fu, r, Key("follow_ups", at), f"{where}.follow_ups[{n}]", problems
            )
            if fu:
                follow_ups.append(fu)
    if len(problems) > before:
        return None
    assert isinstance(qid, str) and isinstance(slug, str) and isinstance(prompt, str)
    return Question(
        id=qid,
        principle=slug,
        prompt=prompt.strip(),
        follow_ups=tuple(follow_ups),
        levels=tuple(levels),
        failure=bool(failure),
        source=source,
    )


def parse_bank_file(path: Path, source: str | None = None) -> tuple[list[Question], list[FollowUp]]:
    """Read one bank file; raise FileProblemError listing every problem in it.

    Read through ``loops.problems.Reader`` as every file is, but every problem is
    listed (not only the first), for ``mockloop check-bank``.
    """
    data, text = read_toml(path)
    r = Reader(path, text)
    source = source or str(path)
    problems = header_problems(
        path, data, text, ("questions", "generic"), BANK_VERSION, "question bank"
    )
    if any(p.field == "version" for p in problems):
        raise FileProblemError(problems)  # a bank of another version is not read further
    raw_questions = data.get("questions", [])
    if not isinstance(raw_questions, list):
        problems.append(
            r.problem("", "questions", "must be an array of [[questions]] tables", None)
        )
        raw_questions = []
    questions: list[Question] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_questions):
        q = _parse_question(raw, index, r, source, problems)
        if q is None:
            continue
        if q.id in seen:
            message = f"duplicate id {q.id!r} (also questions[{seen[q.id]}])"
            problems.append(
                r.problem(f"questions[{index}].id", None, message, At("questions", index))
            )
            continue
        seen[q.id] = index
        questions.append(q)
    generic: list[FollowUp] = []
    raw_generic = data.get("generic", [])
    if not isinstance(raw_generic, list):
        line = Key("generic") if key_line(text, "generic") else At("generic")
        problems.append(r.problem("generic", None, "must be an array of [[generic]] tables", line))
        raw_generic = []
    for index, raw in enumerate(raw_generic):
        fu = _parse_follow_up(raw, r, At("generic", index), f"generic[{index}]", problems)
        if fu:
            generic.append(fu)
    if not questions and not generic and not problems:
        problems.append(FileProblem(path, None, "questions", "no questions in this file"))
    if problems:
        raise FileProblemError(problems)
    return questions, generic


def builtin_bank_path() -> Path:
    from importlib import resources

    return Path(str(resources.files("loops") / "data" / "questions.toml"))


def load_bank(user_dir: Path | None = None) -> Bank:
    """The shipped bank merged with every ``*.toml`` in ``user_dir``.

    A user file with any problem is skipped whole (a half-read file would
    surprise more than a missing one) and its problems kept in ``problems``.
    A user question whose id is already taken is reported and skipped.
    """
    questions, generic = parse_bank_file(builtin_bank_path(), source="built-in")
    bank = Bank(questions=list(questions), generic=list(generic))
    if user_dir is None or not user_dir.is_dir():
        return bank
    exposed = exposed_questions_folder(user_dir)
    if exposed is not None:
        # Anyone could have planted these questions: read none of them, and say why.
        bank.problems.append(
            FileProblem(
                exposed,
                None,
                None,
                "every user can write in this folder, so its question files were not "
                f"read; chmod 700 {exposed} to use them",
            )
        )
        return bank
    for path in sorted(user_dir.glob("*.toml")):
        try:
            extra, extra_generic = parse_bank_file(path)
        except FileProblemError as exc:
            bank.problems.extend(exc.problems)
            continue
        taken = {q.id for q in bank.questions}
        clashes = [q for q in extra if q.id in taken]
        if clashes:
            bank.problems.extend(
                FileProblem(path, None, "id", f"id {q.id!r} is already in the bank; file skipped")
                for q in clashes
            )
            continue
        bank.questions.extend(extra)
        bank.generic.extend(extra_generic)
    return bank
