"""Saving and loading sessions: atomic, owner-only, and never lossy.

Every save goes through ``loops.private_files.atomic_write`` (temp file,
fsync, rename, 0600 in a 0700 folder), so a crash leaves either the old
session or the new one, never half of one. A session file that cannot be
read is reported (file, line, field) and left exactly as it is.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loops import paths
from loops.bank import FOLLOW_UP_KINDS, FollowUp
from loops.levels import LEVELS
from loops.planner import (
    MAX_ROUNDS,
    MIN_ROUNDS,
    ROUND_KINDS,
    LoopPlan,
    PlannedQuestion,
    RoundPlan,
    follow_up_data,
)
from loops.principles import BY_SLUG
from loops.private_files import atomic_write
from loops.problems import (
    At,
    Field,
    FileProblem,
    FileProblemError,
    Key,
    Line,
    Reader,
    Spot,
    as_float,
    dump_fields,
    load_fields,
    read_toml,
    within_limit,
)
from loops.session import (
    MODES,
    ORIGINS,
    TIMINGS,
    AnswerRecord,
    Draft,
    LoopSettings,
    Origin,
    Session,
    count_answers,
)
from loops.settings import TARGET_SECONDS
from loops.stamps import StampCache, stamp_of
from loops.timing import BEATS
from scoring.model import VOTES

SESSION_VERSION = 1
MAX_ANSWER_SECONDS = 24 * 60 * 60
"""Longest an answer (or a draft) can have run: an untimed answer left open for a day
is already absurd; beyond it the number is a hand edit, not a clock."""


# --- the fields of a session file --------------------------------------------------
#
# Each saved record lists its fields once, below; ``session_to_dict`` writes them
# and ``session_from_toml`` reads and checks them from the same list. To add a
# field to a saved record: add it to the dataclass (loops/session.py) and one
# ``Field`` to its list here, giving a ``default`` so files saved before it still
# read. tests/test_store.py checks that every dataclass field has its ``Field``.


def _slug(r: Reader, value: str, at: Spot) -> str:
    """A principle's slug."""
    if value not in BY_SLUG:
        raise r.bad(at.where, at.key, f"{value!r} is not a principle slug", at.line)
    return value


def _beats(r: Reader, raw: dict[str, Any], where: str, line: Line) -> dict[str, float]:
    out: dict[str, float] = {}
    for beat in raw:
        if beat not in BEATS:
            raise r.fail(f"{where}.beats.{beat}", f"not one of {', '.join(BEATS)}", line)
        out[beat] = float(
            r.number(raw, beat, (int, float), 0, MAX_ANSWER_SECONDS, f"{where}.beats", line)
        )
    return out


def _marks(r: Reader, raw: list[Any]) -> list[tuple[str, float]]:
    """The draft's beat marks: [{beat = "situation", at = 12.5}, ...]."""
    out: list[tuple[str, float]] = []
    line = Key("marks")
    for n, m in enumerate(raw):
        where = f"draft.marks[{n}]"
        beat = r.get(m, "beat", str, where, line)
        if beat not in BEATS:
            raise r.fail(f"{where}.beat", f"not one of {', '.join(BEATS)}", line)
        at = float(r.get(m, "at", (int, float), where, line))
        if not 0 <= at <= MAX_ANSWER_SECONDS:
            raise r.fail(
                f"{where}.at", f"must be 0 to {MAX_ANSWER_SECONDS} seconds, found {at!r}", line
            )
        out.append((beat, at))
    return out


def _read_follow_ups(r: Reader, raw: Any, where: str, line: Line) -> list[FollowUp]:
    if not isinstance(raw, list):
        raise r.fail(where, "must be a list of {kind, text} tables", line)
    return [
        FollowUp(
            r.choice(f, "kind", tuple(FOLLOW_UP_KINDS), f"{where}[{n}]", line),
            r.get(f, "text", str, f"{where}[{n}]", line),
            r.number(f, "ref", int, 0, 10_000, f"{where}[{n}]", line, default=None),
        )
        for n, f in enumerate(raw)
    ]


def _slugs(r: Reader, raw: list[Any], at: Spot) -> tuple[str, ...]:
    """A list of principle slugs."""
    for slug in raw:
        if not isinstance(slug, str) or slug not in BY_SLUG:
            raise r.bad(at.where, at.key, f"{slug!r} is not a principle slug", at.line)
    return tuple(raw)


def _held(r: Reader, value: str, at: Spot) -> str:
    """The Bar Raiser's principle held for a revisit: one the round grades."""
    if value not in at.got["principles"]:
        raise r.bad(at.where, at.key, f"{value!r} is not one of the round's principles", at.line)
    return value


def _follow_ups(items: list[FollowUp] | tuple[FollowUp, ...]) -> list[dict[str, Any]]:
    return [follow_up_data(f) for f in items]


def _or_none(value: Any) -> Any:
    """An empty value is left out of the file, as if it were None."""
    return value or None


_SECONDS = (TARGET_SECONDS.start, TARGET_SECONDS.stop - 1)
_ANSWER_SECONDS = (0, MAX_ANSWER_SECONDS)

SETTINGS_FIELDS = (
    Field("level", choices=tuple(LEVELS)),
    Field("rounds", int, span=(MIN_ROUNDS, MAX_ROUNDS)),
    Field("timing", choices=TIMINGS),
    Field("seed", int, default=None),
    Field("main_seconds", int, span=_SECONDS),
    Field("follow_up_seconds", int, span=_SECONDS),
    Field("coach", bool, default=False),
    Field("mode", choices=MODES, default="typed"),
    Field("self_vote", bool, default=False, write=_or_none),
)

ANSWER_FIELDS = (
    Field("round", int),  # round and question_index: checked against the plan in _answers
    Field("question_index", int),
    Field("question_id"),
    Field("principle", read=_slug),
    Field("kind", choices=("main", "follow-up")),
    Field("follow_up_index", int, default=None, span=(0, 100)),
    Field("follow_up_kind", default=None, choices=tuple(FOLLOW_UP_KINDS)),
    Field("prompt"),
    Field("text", read=within_limit),
    Field("seconds", (int, float), span=_ANSWER_SECONDS, read=as_float),
    Field("target_seconds", int, span=_SECONDS),
    Field("started_at", default=""),
    Field("submitted_at", default=""),
    Field("auto_submitted", bool, default=False),
    Field(
        "follow_ups",
        list,
        default=[],
        read=lambda r, v, at: _read_follow_ups(r, v, f"{at.where}.follow_ups", at.line),
        write=_follow_ups,
    ),
    Field(
        "beats",
        dict,
        default={},
        read=lambda r, v, at: _beats(r, v, at.where, at.line),
        write=lambda b: dict(b) or None,  # a copy: the writer thread reads it
    ),
    Field("self_vote", default=None, choices=VOTES),
)

DRAFT_FIELDS = (
    Field("round", int),  # round and question_index: checked against the plan in _draft
    Field("question_index", int),
    Field("follow_up_index", int, default=None, span=(0, 100)),
    Field("text", read=within_limit),
    Field("elapsed", (int, float), span=_ANSWER_SECONDS, read=as_float),
    Field("saved_at", default=""),
    Field(
        "marks",
        list,
        default=[],
        read=lambda r, v, at: _marks(r, v),
        write=lambda marks: [{"beat": beat, "at": at} for beat, at in marks] or None,
    ),
)

ORIGIN_FIELDS = (
    Field("kind", choices=ORIGINS),
    Field("source", default="", write=_or_none),
    Field("round", int, default=None, span=(1, 99)),
    Field("question_index", int, default=None, span=(0, 100)),
    Field("story", default="", write=_or_none),
)


QUESTION_FIELDS = (
    Field("id"),
    Field("principle", read=_slug),
    Field("prompt"),
    Field("failure", bool, default=False),
    Field("seconds", int, default=None, span=_SECONDS),
    Field(
        "follow_ups",
        list,
        read=lambda r, v, at: tuple(_read_follow_ups(r, v, f"{at.where}.follow_ups", at.line)),
        write=_follow_ups,
    ),
)

ROUND_FIELDS = (
    Field("index", int),  # checked against the number of rounds in _plan
    Field("kind", choices=ROUND_KINDS),
    Field("interviewer"),
    Field("title"),
    # A round's "minutes" (a real onsite's 60-minute slot), in files saved before, is
    # read no more: its length is its time limits added up (RoundPlan.seconds_at).
    Field(
        "principles",
        list,
        read=_slugs,
        write=list,
    ),
    Field("held", default=None, read=lambda r, v, at: _held(r, v, at)),
    Field(
        "questions",  # read in _plan, which knows where each question's table is
        list,
        write=lambda questions: [dump_fields(QUESTION_FIELDS, q) for q in questions],
    ),
)

PLAN_FIELDS = (
    Field("level", choices=tuple(LEVELS)),
    Field("seed", int),
    Field(
        "rounds",  # read in _plan
        list,
        write=lambda rounds: [dump_fields(ROUND_FIELDS, x) for x in rounds],
    ),
)


def _plan(r: Reader, pl: dict[str, Any], at: Spot) -> LoopPlan:
    plan = load_fields(r, pl, PLAN_FIELDS, "plan", At("plan"))
    raw_rounds = plan["rounds"]
    if not raw_rounds:
        raise r.bad("plan", "rounds", "the plan has no rounds", At("plan"))
    rounds: list[RoundPlan] = []
    asked = 0  # questions in the rounds before: [[plan.rounds.questions]] counts them all
    for i, raw in enumerate(raw_rounds):
        where, line = f"plan.rounds[{i}]", At("plan.rounds", i)
        got = load_fields(r, raw, ROUND_FIELDS, where, line)
        if not got["questions"]:
            raise r.bad(where, "questions", "a round needs at least one question", line)
        got["questions"] = tuple(
            PlannedQuestion(
                **load_fields(
                    r,
                    q,
                    QUESTION_FIELDS,
                    f"{where}.questions[{j}]",
                    At("plan.rounds.questions", asked + j),
                )
            )
            for j, q in enumerate(got["questions"])
        )
        asked += len(got["questions"])
        index = r.number(raw, "index", int, 1, len(raw_rounds), where, line)
        if any(x.index == index for x in rounds):
            raise r.bad(where, "index", f"round {index} is in the plan twice", line)
        rounds.append(RoundPlan(**got))
    return LoopPlan(**{**plan, "rounds": tuple(rounds)})


def _place(r: Reader, plan: LoopPlan, d: dict[str, Any], where: str, line: Line) -> tuple[int, int]:
    """(round, question_index) of an answer or the draft: a round and question the plan has."""
    rnd = r.get(d, "round", int, where, line)
    found = next((x for x in plan.rounds if x.index == rnd), None)
    if found is None:
        rounds = ", ".join(str(x.index) for x in plan.rounds)
        raise r.bad(where, "round", f"round {rnd} is not in the plan (rounds {rounds})", line)
    qi = r.number(d, "question_index", int, 0, len(found.questions) - 1, where, line)
    return rnd, qi


def _answers(r: Reader, raw: list[Any], at: Spot) -> list[AnswerRecord]:
    plan: LoopPlan = at.got["plan"]
    answers: list[AnswerRecord] = []
    for i, a in enumerate(raw):
        where, line = f"answers[{i}]", At("answers", i)
        rnd, qi = _place(r, plan, a, where, line)
        got = load_fields(r, a, ANSWER_FIELDS, where, line)
        fi = got["follow_up_index"]
        if (got["kind"] == "follow-up") != (fi is not None):
            message = "a follow-up needs one" if fi is None else "a main answer has none"
            raise r.bad(where, "follow_up_index", message, line)
        if fi is not None:
            main = next(
                (x for x in answers if (x.round, x.question_index, x.kind) == (rnd, qi, "main")),
                None,
            )
            if main is None or fi >= len(main.follow_ups):
                raise r.bad(
                    where, "follow_up_index", f"no follow-up {fi} was asked of this question", line
                )
        answers.append(AnswerRecord(**got))
    return answers


def _draft(r: Reader, d: dict[str, Any], at: Spot) -> Draft:
    where, line = "draft", At("draft")
    _place(r, at.got["plan"], d, where, line)
    return Draft(**load_fields(r, d, DRAFT_FIELDS, where, line))


SESSION_FIELDS = (
    Field("id"),
    Field("created_at", default=""),
    Field("updated_at", default=""),
    Field(
        "settings",
        dict,
        read=lambda r, v, at: LoopSettings(
            **load_fields(r, v, SETTINGS_FIELDS, "settings", At("settings"))
        ),
        write=lambda settings: dump_fields(SETTINGS_FIELDS, settings),
    ),
    Field("plan", dict, read=_plan, write=lambda plan: dump_fields(PLAN_FIELDS, plan)),
    Field(
        "answers",
        list,
        default=[],
        read=_answers,
        write=lambda answers: [dump_fields(ANSWER_FIELDS, a) for a in answers],
    ),
    Field(
        "dismissed",
        list,
        default=[],
        read=lambda r, v, at: r.strings(v, "dismissed"),
        write=lambda keys: list(keys) or None,  # a copy: the writer thread reads it
    ),
    Field("voting", bool, default=False, write=_or_none),
    Field(
        "origin",
        dict,
        default=Origin(),
        read=lambda r, v, at: Origin(**load_fields(r, v, ORIGIN_FIELDS, "origin", At("origin"))),
        write=lambda origin: dump_fields(ORIGIN_FIELDS, origin) if origin.practice else None,
    ),
    Field(
        "draft",
        dict,
        default=None,
        read=_draft,
        write=lambda draft: None if draft is None else dump_fields(DRAFT_FIELDS, draft),
    ),
)
"""The top of a session file; ``version`` is written and checked apart from these."""


def session_to_dict(s: Session) -> dict[str, Any]:
    """The session as TOML data, built of fresh containers (the writer thread reads it
    while the session changes)."""
    return {"version": SESSION_VERSION, **dump_fields(SESSION_FIELDS, s)}


def session_from_toml(path: Path) -> Session:
    """Read a session file, refusing any value the app could not play or score.

    Hand edits happen, and tomllib accepts nan, inf and any integer: every
    field is checked here (type, range, a level, mode or principle that exists,
    a round and question the plan has), so a bad file is named with its line
    and field and skipped, instead of crashing resume, the debrief or history.
    """
    data, text = read_toml(path)
    r = Reader(path, text)
    version = data.get("version")
    if version != SESSION_VERSION or isinstance(version, bool):  # true == 1 in Python
        raise r.fail(
            "version",
            f"unknown session version {version!r}; this mockloop reads version {SESSION_VERSION}",
        )
    return Session(**load_fields(r, data, SESSION_FIELDS, "", None))


# --- the session folder ------------------------------------------------------------


def session_path(session_id: str, folder: Path | None = None) -> Path:
    return (folder or paths.sessions_dir()) / f"{session_id}.toml"


def session_toml(session: Session) -> str:
    """The text of a session file: what is saved, or written elsewhere when saving fails."""
    import tomli_w  # only writing needs it; start-up only reads

    return tomli_w.dumps(session_to_dict(session), multiline_strings=True)


def save_session(session: Session, folder: Path | None = None) -> Path:
    path = session_path(session.id, folder)
    atomic_write(path, session_toml(session))
    return path


SaveDone = Callable[[str, "OSError | None"], None]
"""(session id, None or why the write failed), called on the writer's thread."""


class SessionWriter:
    """Writes session files on one background thread, so a slow disk never stalls typing.

    A save with its two fsyncs can take a second on a busy or network disk;
    on the UI thread that froze every key typed meanwhile. Here the caller
    takes a snapshot (``session_to_dict`` builds fresh containers, so the
    session may change at once) and returns; one thread writes the snapshots
    in the order they were asked for, each through ``atomic_write``. Snapshots
    of a file still waiting are replaced by the newest, which is all the file
    would end up holding. ``flush`` waits for everything asked so far, which
    quitting does so the last save is on disk first.
    """

    def __init__(self, on_done: SaveDone | None = None) -> None:
        self._on_done = on_done
        self._cond = threading.Condition()
        self._waiting: dict[Path, tuple[str, dict[str, Any]]] = {}
        """Snapshots not yet written, oldest first, one per file."""
        self._writing = False
        self._thread: threading.Thread | None = None
        self._errors: dict[str, OSError] = {}

    def save(self, session: Session, folder: Path | None = None) -> None:
        """Queue a snapshot of ``session`` for writing and return at once."""
        path = session_path(session.id, folder)
        snapshot = session_to_dict(session)
        with self._cond:
            self._waiting.pop(path, None)  # the newer snapshot goes last, in order
            self._waiting[path] = (session.id, snapshot)
            if self._thread is None:
                # A daemon, so a crash never hangs at exit; quitting flushes first.
                self._thread = threading.Thread(
                    target=self._run, name="mockloop-session-writer", daemon=True
                )
                self._thread.start()
            self._cond.notify_all()

    def error(self, session_id: str) -> OSError | None:
        """Why the last write of this session failed, or None if it succeeded."""
        with self._cond:
            return self._errors.get(session_id)

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every snapshot asked for so far is written (or failed)."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._waiting and not self._writing, timeout)

    def _run(self) -> None:
        import tomli_w

        while True:
            with self._cond:
                self._cond.wait_for(lambda: bool(self._waiting))
                path = next(iter(self._waiting))
                session_id, snapshot = self._waiting.pop(path)
                self._writing = True
            error: OSError | None = None
            try:
                atomic_write(path, tomli_w.dumps(snapshot, multiline_strings=True))
            except OSError as exc:
                error = exc
            except Exception as exc:  # a bug, not the disk: still never a dead writer
                error = OSError(f"could not write the session file: {exc!r}")
            with self._cond:
                if error is None:
                    self._errors.pop(session_id, None)
                else:
                    self._errors[session_id] = error
                self._writing = False
                self._cond.notify_all()
            if self._on_done is not None:
                self._on_done(session_id, error)


@dataclass
class SessionList:
    sessions: list[Session] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)


def load_sessions(folder: Path | None = None) -> SessionList:
    """Every readable session, newest first; unreadable ones become problems."""
    folder = folder or paths.sessions_dir()
    out = SessionList()
    if not folder.is_dir():
        return out
    for path in sorted(folder.glob("*.toml")):
        try:
            out.sessions.append(session_from_toml(path))
        except FileProblemError as exc:
            out.problems.extend(exc.problems)
    out.sessions.sort(key=lambda s: s.updated_at, reverse=True)
    return out


@dataclass(frozen=True)
class SessionSummary:
    """What the home list shows of a saved loop, without reading the whole file."""

    id: str
    path: Path
    updated_at: str
    level: str
    rounds: int
    answers: int
    """Answers given: a skipped question is not counted (``loops.session.said_nothing``)."""
    finished: bool
    """Nothing left to do in it: every question answered and, when the candidate votes
    their own (``voting``), those votes given or skipped."""
    current_round: int | None
    """The round the next question is in; None when the loop is over."""
    draft_saved: bool
    """Something is in the editor, saved, for the next question."""
    timing: str = "relaxed"
    mode: str = "typed"
    """Timing and mode tell apart loops that are otherwise alike on home."""
    kind: str = "loop"
    """The session's origin: practice (a retry, a drill) is not a loop to home."""
    source: str = ""
    """The origin's source (an import's file name, shown on home)."""
    voting: bool = False
    """Answered, with the candidate's own votes still to give (``Session.voting``)."""
    votes_given: int = 0
    votes_asked: int = 0
    """While ``voting``: own votes given, of the questions answered (skips have none)."""


def summarize(session: Session, path: Path) -> SessionSummary:
    step = session.current_step()
    asked = [a for a in session.answers if a.kind == "main" and not a.skipped]
    return SessionSummary(
        id=session.id,
        path=path,
        updated_at=session.updated_at,
        level=session.settings.level,
        rounds=len(session.plan.rounds),
        answers=count_answers(session.answers)[0],
        finished=step is None and not session.voting,
        current_round=None if step is None else step.round.index,
        draft_saved=bool(session.draft and session.draft.text.strip()),
        timing=session.settings.timing,
        mode=session.settings.mode,
        kind=session.origin.kind,
        source=session.origin.source,
        voting=session.voting,
        votes_given=sum(a.self_vote is not None for a in asked),
        votes_asked=len(asked),
    )


@dataclass
class SummaryList:
    summaries: list[SessionSummary] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)

    @property
    def unfinished(self) -> list[SessionSummary]:
        """Unfinished loops, practice left out (it is listed apart on home)."""
        return [s for s in self.summaries if not s.finished and s.kind == "loop"]

    @property
    def practice_unfinished(self) -> list[SessionSummary]:
        """A retry or a drill left half-way (a crash, a quit): home offers to resume it."""
        return [s for s in self.summaries if not s.finished and s.kind != "loop"]


_INDEX_VERSION = "index-8"
"""2: session files are checked more strictly; entries read by 1 are read again.
3: summaries hold timing and mode. 4: kept by loops.stamps, as the history is.
5: summaries hold the session's kind (loop or practice).
6: and the origin's source (an import's file name).
7: ``answers`` counts answers given, not questions skipped.
8: a loop waiting for the candidate's own votes is unfinished, with how many given."""


def _index_value(path: Path) -> dict[str, Any]:
    """One file's index value: its summary, or the problems that make it unreadable."""
    try:
        summary = summarize(session_from_toml(path), path)
    except FileProblemError as exc:
        return {"problems": [[p.line, p.field, p.message] for p in exc.problems]}
    return {"summary": {k: v for k, v in dataclasses.asdict(summary).items() if k != "path"}}


def _take(out: SummaryList, path: Path, value: Any) -> bool:
    """Add an index value's summary (or problems) to ``out``; False if it is malformed."""
    try:
        if "summary" in value:
            out.summaries.append(SessionSummary(path=path, **value["summary"]))
        else:
            out.problems += [FileProblem(path, *p) for p in value["problems"]]
    except (TypeError, KeyError):
        return False
    return True


def load_summaries(folder: Path | None = None) -> SummaryList:
    """A summary of every session in ``folder``, newest first, as home lists them.

    Parsing a session file takes milliseconds (tomllib is pure Python) and a
    candidate keeps every loop they play, so the summaries are kept in an index
    beside the files (a ``loops.stamps.StampCache``), each under the file's
    modification time and size; only new or changed files are read. Unreadable
    files are indexed too, with their problems, and reported every time, as
    ``load_sessions`` does.
    """
    folder = folder or paths.sessions_dir()
    out = SummaryList()
    if not folder.is_dir():
        return out
    index = StampCache.load(paths.session_index_file(folder), _INDEX_VERSION)
    names: set[str] = set()
    for path in sorted(folder.glob("*.toml")):
        try:
            stamp = stamp_of(path.stat())
        except OSError:
            continue  # removed while we looked
        names.add(path.name)
        value = index.get(path.name, stamp)
        if value is None or not _take(out, path, value):
            # New, changed, or a value this version cannot read: parse the file itself.
            value = _index_value(path)
            _take(out, path, value)
            index.put(path.name, stamp, value)
    index.keep_only(names)
    index.save()
    out.summaries.sort(key=lambda s: s.updated_at, reverse=True)
    return out


def new_session_path_is_free(session_id: str, folder: Path | None = None) -> bool:
    """A new session never takes the name of an existing (maybe unreadable) file."""
    return not session_path(session_id, folder).exists()
