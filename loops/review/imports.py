"""A real interview, debriefed: a file of answers read into a session.

A candidate who has just had a real loop (or has a transcript of one) wants
the same debrief a mock loop gets: votes, flags, the stories told twice and
the facts that changed, and which of their banked stories and past loops
tell the same story. So the file becomes a ``Session`` with origin kind
"import" (source = the file's name), saved like a loop and judged by the
same review layer; nothing here judges an answer itself.

Two formats:

- ``.toml``: the file ``mockloop analyze`` takes (``answers.load_answers_file``).
- anything else, plain text, one answer under each question heading::

      # Round 1                      (optional; "Bar Raiser" on it marks that round)
      Q [ownership]: Tell me about a time...
      the answer, on as many lines as it takes
      F: How did you measure that?
      the answer to the follow-up

  ``mockloop import --help`` (tui/cli.py ``IMPORT_FORMAT``) says it for users.

Nothing in the file is read as markup: it is kept as text and rendered as text.

A bad file raises ``ImportInputError`` whose message names the file, the
line and the field (one line per fault). The file is named as the user gave
its path, as ``mockloop analyze`` names it, so the name in a message is one
the shell can open; the session keeps only the file's name (``source``), which
is what home and history list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loops.bank import FollowUp
from loops.levels import LEVELS
from loops.planner import MAX_ROUNDS, MIN_ROUNDS, LoopPlan, PlannedQuestion, RoundPlan
from loops.principles import BY_SLUG, PRINCIPLES
from loops.problems import FileProblemError, read_text, table_line, too_long
from loops.review.answers import load_answers_file
from loops.review.debrief import similarity_value
from loops.review.matching import PROBE_KIND, StoryMatch, tellings_of
from loops.session import (
    DEFAULT_FOLLOW_UP_SECONDS,
    DEFAULT_MAIN_SECONDS,
    AnswerRecord,
    LoopSettings,
    Origin,
    Session,
    new_session_id,
)
from loops.stories import Story
from scoring.facts import Facts, extract_facts, judge_facts
from scoring.flags import WORDS_PER_MINUTE
from scoring.model import AnswerInput, LoopAnalysis
from scoring.similarity import Corpus, candidate_pairs, declares_distinct, same_story
from scoring.wording import word_count

_QUESTION = re.compile(r"^\s*Q\s*(?:\[([^\]]*)\])?\s*:\s*(.*)$", re.IGNORECASE)
_FOLLOW_UP = re.compile(r"^\s*F\s*:\s*(.*)$", re.IGNORECASE)
_ROUND = re.compile(r"^\s*#+\s*round\s+(\d+)\b(.*)$", re.IGNORECASE)
_BAR_RAISER = re.compile(r"\bbar[\s-]*raiser\b", re.IGNORECASE)
_PRINCIPLE_NAMES = {
    **{p.slug: p.slug for p in PRINCIPLES},
    **{p.name.lower(): p.slug for p in PRINCIPLES},
}


class ImportInputError(ValueError):
    """A file that cannot be imported; the message names file, line and field."""


@dataclass(frozen=True)
class ImportedFile:
    """The answers a file holds, in the order told, as the engine's plain input."""

    answers: tuple[AnswerInput, ...]
    bar_raiser_round: int | None
    format: str
    """"toml" (the analyze format) or "text"."""


def read_import(path: str | Path) -> ImportedFile:
    """The answers in ``path``: TOML when it ends in .toml, plain text otherwise."""
    path = Path(path)
    if path.suffix.lower() == ".toml":
        try:
            answers, br = load_answers_file(path)
        except FileProblemError as exc:
            raise ImportInputError(str(exc)) from None
        if not answers:
            raise ImportInputError(f"{path}: answers: the file has no [[answers]]")
        _check_follow_ups(path, answers)
        return ImportedFile(tuple(answers), br, "toml")
    return parse_text(path)


def _check_follow_ups(path: Path, answers: Sequence[AnswerInput]) -> None:
    """Each follow-up needs a main answer before it in its round and principle: a session
    files a follow-up under the question it followed."""
    seen: set[tuple[int, str]] = set()
    for k, a in enumerate(answers):
        if a.kind == "main":
            seen.add((a.round, a.principle))
        elif (a.round, a.principle) not in seen:
            line = table_line(path.read_text(encoding="utf-8"), "answers", k)
            raise ImportInputError(
                f"{path}:{line}: answers[{k}].kind: a follow-up with no main answer "
                f"before it in round {a.round} for {a.principle}"
            )


def _fail(name: str, line: int, field: str, message: str) -> ImportInputError:
    return ImportInputError(f"{name}:{line}: {field}: {message}")


@dataclass
class _Asked:
    """One heading met while reading plain text, and the answer lines under it."""

    line: int
    round: int
    principle: str
    question: str
    kind: str
    body: list[str]


def parse_text(path: Path) -> ImportedFile:
    """Plain text in the ``TEXT_FORMAT`` shape, refused with file, line and field."""
    name = str(path)
    try:
        raw = read_text(path)
    except FileProblemError as exc:
        raise ImportInputError(str(exc)) from None
    asked: list[_Asked] = []
    rounds_given = False
    current_round = 1
    bar_raiser: int | None = None
    for n, line in enumerate(raw.splitlines(), start=1):
        heading = _ROUND.match(line)
        if heading:
            rounds_given = True
            current_round = int(heading.group(1))
            if not 1 <= current_round <= 99:
                raise _fail(name, n, "round", f"{current_round} is out of range (1 to 99)")
            if _BAR_RAISER.search(heading.group(2)):
                bar_raiser = current_round
            continue
        question = _QUESTION.match(line)
        if question:
            label = (question.group(1) or "").strip()
            if not label:
                raise _fail(
                    name,
                    n,
                    "principle",
                    "missing: name it in brackets, e.g. 'Q [ownership]: Tell me about...'",
                )
            slug = _PRINCIPLE_NAMES.get(label.lower())
            if slug is None:
                message = f"{label!r} is not a principle slug or name; slugs: {', '.join(BY_SLUG)}"
                raise _fail(name, n, "principle", message)
            asked.append(_Asked(n, current_round, slug, question.group(2).strip(), "main", []))
            continue
        follow_up = _FOLLOW_UP.match(line)
        if follow_up:
            main = next((a for a in reversed(asked) if a.kind == "main"), None)
            if main is None:
                raise _fail(name, n, "F", "a follow-up before any question ('Q [...]:')")
            asked.append(
                _Asked(n, main.round, main.principle, follow_up.group(1).strip(), "follow-up", [])
            )
            continue
        if asked:
            asked[-1].body.append(line)
    if not asked:
        raise ImportInputError(
            f"{name}: Q: no question headings found; start each question with "
            "'Q [principle]: ...' (see mockloop import --help)"
        )
    answers: list[AnswerInput] = []
    mains = 0
    for a in asked:
        text = _paragraphs(a.body)
        if not text:
            raise _fail(name, a.line, "answer", "empty: write the answer under the question")
        problem = too_long(text)
        if problem:
            raise _fail(name, a.line, "answer", problem)
        if a.kind == "main":
            mains += 1
        # No round headings: each main question is its own round (and its follow-ups with it).
        rnd = a.round if rounds_given else mains
        answers.append(AnswerInput(rnd, a.principle, text, a.question or None, a.kind))
    return ImportedFile(tuple(answers), bar_raiser, "text")


def _paragraphs(lines: Sequence[str]) -> str:
    """An answer's lines as told: lines wrapped in the file are joined into one
    sentence flow (a figure split over two lines is still one quote), blank lines
    keep paragraphs apart."""
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return "\n\n".join(" ".join(p) for p in paragraphs if p)


# --- the session -------------------------------------------------------------------


def estimated_seconds(text: str) -> float:
    """How long an answer takes to say, at the pace the engine assumes for a typed one."""
    return round(word_count(text) * 60.0 / WORDS_PER_MINUTE, 2)


def import_session(
    imported: ImportedFile, source: str, level: str = "sde2", session_id: str | None = None
) -> Session:
    """The file's answers as a finished session with origin "import".

    Each main answer is a planned question of its round; its follow-ups are
    the follow-ups that question asked. Rounds are numbered 1 to N in the
    order of the file's round numbers (a session's plan has no gaps). A
    follow-up with no main answer before it in its round and principle is
    refused, naming it.
    """
    if level not in LEVELS:
        raise ImportInputError(f"level: {level!r} is not one of {', '.join(LEVELS)}")
    numbers = sorted({a.round for a in imported.answers})
    renumber = {old: new for new, old in enumerate(numbers, start=1)}
    br = renumber.get(imported.bar_raiser_round) if imported.bar_raiser_round else None
    questions: dict[int, list[PlannedQuestion]] = {r: [] for r in renumber.values()}
    follow_ups: dict[tuple[int, int], list[FollowUp]] = {}
    placed: list[tuple[AnswerInput, int, int, int | None]] = []
    open_: dict[tuple[int, str], int] = {}
    for k, a in enumerate(imported.answers):
        rnd = renumber[a.round]
        if a.kind == "main":
            qi = len(questions[rnd])
            questions[rnd].append(
                PlannedQuestion(
                    id=f"import-r{rnd}-q{qi + 1}",
                    principle=a.principle,
                    prompt=a.question or f"({BY_SLUG[a.principle].name})",
                    follow_ups=(),
                    failure=a.failure,
                )
            )
            open_[(rnd, a.principle)] = qi
            follow_ups[(rnd, qi)] = []
            placed.append((a, rnd, qi, None))
            continue
        qi_open = open_.get((rnd, a.principle))
        if qi_open is None:
            raise ImportInputError(
                f"{source}: answers[{k}].kind: a follow-up with no main answer before it "
                f"in round {a.round} for {a.principle}"
            )
        asked = follow_ups[(rnd, qi_open)]
        asked.append(FollowUp("outcome", a.question or "(follow-up)"))
        placed.append((a, rnd, qi_open, len(asked) - 1))
    plan = LoopPlan(
        level=level,
        seed=0,
        rounds=tuple(
            RoundPlan(
                index=rnd,
                kind="bar-raiser" if rnd == br else "behavioral",
                interviewer=f"Interviewer {rnd}",
                title=f"from {source}",
                principles=tuple(dict.fromkeys(q.principle for q in qs)),
                questions=tuple(qs),
            )
            for rnd, qs in questions.items()
        ),
    )
    answers = []
    for a, rnd, qi, fi in placed:
        main = a.kind == "main"
        answers.append(
            AnswerRecord(
                round=rnd,
                question_index=qi,
                question_id=plan.rounds[rnd - 1].questions[qi].id,
                principle=a.principle,
                kind=a.kind,
                prompt=a.question or plan.rounds[rnd - 1].questions[qi].prompt,
                text=a.text,
                seconds=a.seconds if a.seconds is not None else estimated_seconds(a.text),
                target_seconds=DEFAULT_MAIN_SECONDS if main else DEFAULT_FOLLOW_UP_SECONDS,
                follow_up_index=fi,
                follow_up_kind=None if main else "outcome",
                follow_ups=list(follow_ups[(rnd, qi)]) if main else [],
            )
        )
    settings = LoopSettings(
        level=level,
        rounds=min(max(len(plan.rounds), MIN_ROUNDS), MAX_ROUNDS),
        timing="untimed",
    )
    return Session(
        id=session_id or new_session_id(),
        settings=settings,
        plan=plan,
        answers=answers,
        origin=Origin("import", source=source),
    )


# --- against past loops ---------------------------------------------------------------


def _told(session: Session) -> tuple[tuple[int, str, str, str], ...]:
    """What a session's answers say, in order: two imports that say the same are one
    interview, whatever the file was called."""
    return tuple((a.round, a.principle, a.kind, a.text) for a in session.answers)


def _is_copy(old: Session, told: tuple[tuple[int, str, str, str], ...]) -> bool:
    return old.origin.kind == "import" and _told(old) == told


def earlier_import(session: Session, past: Sequence[Session]) -> Session | None:
    """The saved import whose answers are exactly ``session``'s, the first made if the
    file was imported more than once, or None.

    Importing a file twice used to save a second session, which the debrief then
    matched against the first ("ALSO TOLD ... 1.00"); ``mockloop import`` opens the
    saved one instead.
    """
    told = _told(session)
    copies = [old for old in past if old.id != session.id and _is_copy(old, told)]
    return min(copies, key=lambda old: (old.created_at or old.updated_at, old.id), default=None)


@dataclass(frozen=True)
class PastTelling:
    """An imported answer that tells the same story as an answer of an earlier session."""

    answer: int
    """Index of the imported main answer."""
    session_id: str
    date: str
    """When the earlier session was made (YYYY-MM-DD)."""
    kind: str
    """The earlier session's origin kind: loop, retry, drill or import."""
    round: int
    principle: str
    similarity: float
    contradictions: tuple[tuple[str, str], ...]
    """(kind, detail) of each fact the two tellings state differently."""
    checks: tuple[tuple[str, str], ...] = ()
    """Facts that may differ: worth a look, not held against anyone."""


def past_tellings(session: Session, past: Sequence[Session]) -> list[PastTelling]:
    """Which earlier sessions' answers tell the same story as each imported answer.

    The engine's own rules, as the debrief uses them across rounds: candidate
    pairs through rare shared terms, ``same_story`` for the verdict (precision
    first: shared specifics of one event, not shared vocabulary), then
    ``judge_facts`` for what the two tellings state differently. The import is
    compared with one past session at a time, in one corpus of the two, as the
    engine reads one loop: in a corpus of every past loop, a story told in most
    of them counted as the candidate's everyday vocabulary and was never found
    (30 saved loops telling one story: 0 found; one at a time: all 30).
    """
    mine = tellings_of(session)
    told = _told(session)
    out: list[PastTelling] = []
    for old in past:
        # An earlier copy of this same file is not a past loop: every answer of it
        # "tells the same story" at 1.00, which says nothing.
        if old.id != session.id and mine and not _is_copy(old, told):
            out += _same_stories(session, mine, old)
    out.sort(key=lambda p: (p.answer, -p.similarity))
    return out


def _same_stories(
    session: Session, mine: Sequence[tuple[int, str]], old: Session
) -> list[PastTelling]:
    """The imported tellings that tell a story of ``old``, with what they state differently."""
    others = tellings_of(old)
    if not others:
        return []
    texts = [t for _, t in mine] + [t for _, t in others]
    corpus = Corpus(texts)
    docs = [corpus.document(i, t) for i, t in enumerate(texts)]
    # Group 0 for the import, 1 for the past session: only pairs across the two.
    groups = [0] * len(mine) + [1] * len(others)
    out: list[PastTelling] = []
    for i, j in sorted(candidate_pairs(docs, groups)):
        a, b = (i, j) if i < len(mine) else (j, i)
        same, score, _shared = same_story(docs[a], docs[b], corpus.common)
        if not same or declares_distinct(texts[a]) or declares_distinct(texts[b]):
            continue
        index, old_index = mine[a][0], others[b - len(mine)][0]
        found, maybe = judge_facts(_telling_facts(session, index), _telling_facts(old, old_index))
        old_answer = old.answers[old_index]
        here, there = "this interview", f"the {old.origin.kind} of {_date(old)}"
        out.append(
            PastTelling(
                answer=index,
                session_id=old.id,
                date=_date(old),
                kind=old.origin.kind,
                round=old_answer.round,
                principle=old_answer.principle,
                similarity=score,
                contradictions=tuple((c.kind, c.detail(here, there)) for c in found),
                checks=tuple((c.kind, c.detail(here, there)) for c in maybe),
            )
        )
    return out


def _date(session: Session) -> str:
    return (session.created_at or session.updated_at)[:10]


def _telling_facts(session: Session, main: int) -> Facts:
    """The facts of a main answer's telling (with its follow-ups, not the probe)."""
    a = session.answers[main]
    facts = Facts()
    for k, b in enumerate(session.answers):
        if (
            b.round == a.round
            and b.question_index == a.question_index
            and b.follow_up_kind != PROBE_KIND
        ):
            facts = facts.merged(extract_facts(b.text, k))
    return facts


def past_json(found: Sequence[PastTelling]) -> list[dict[str, Any]]:
    return [
        {
            "answer": p.answer,
            "session": p.session_id,
            "date": p.date,
            "kind": p.kind,
            "round": p.round,
            "principle": p.principle,
            "similarity": similarity_value(p.similarity),
            "contradictions": [{"kind": k, "detail": d} for k, d in p.contradictions],
            "checks": [{"kind": k, "detail": d} for k, d in p.checks],
        }
        for p in found
    ]


def import_report(
    session: Session,
    analysis: LoopAnalysis,
    matches: Sequence[StoryMatch],
    stories: Sequence[Story],
    past: Sequence[PastTelling],
) -> dict[str, Any]:
    """What ``mockloop import`` says of an imported interview, as plain data (its --json)."""
    titles = {s.id: s.title for s in stories}
    out = analysis.outcome
    return {
        "session": session.id,
        "source": session.origin.source,
        "answers": len(session.answers),
        "rounds": len(session.plan.rounds),
        "outcome": {"decision": out.decision, "reason": out.reason},
        "reused": [
            {
                "answers": list(r.answers),
                "rounds": list(r.rounds),
                "similarity": similarity_value(r.similarity),
            }
            for r in analysis.reused
        ],
        "contradictions": [
            {"answers": list(c.answers), "kind": c.kind, "detail": c.detail}
            for c in analysis.contradictions
        ],
        "stories": [
            {
                "answer": m.answer,
                "round": m.round,
                "principle": m.principle,
                "story": m.story_id,
                "title": titles.get(m.story_id) if m.story_id else None,
                "similarity": similarity_value(m.similarity),
                "conflicts": [{"kind": c.kind, "detail": c.detail} for c in m.conflicts],
            }
            for m in matches
        ],
        "past": past_json(past),
    }
