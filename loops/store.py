"""Saving and loading sessions: atomic, owner-only, and never lossy.

Every write goes to a temporary file in the same folder, is fsynced, then
renamed over the old file, so a crash leaves either the old session or the
new one, never half of one. Folders are 0700 and files 0600: on a shared
box nobody else can read a candidate's answers. A session file that cannot
be read is reported (file, line, field) and left exactly as it is.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import math
import os
import stat
import tempfile
import threading
import time
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
from loops.problems import (
    FileProblem,
    FileProblemError,
    key_line,
    read_toml,
    section_line,
    table_line,
    too_long,
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
)
from loops.settings import TARGET_SECONDS
from loops.timing import BEATS

SESSION_VERSION = 1
MAX_ANSWER_SECONDS = 24 * 60 * 60
"""Longest an answer (or a draft) can have run: an untimed answer left open for a day
is already absurd; beyond it the number is a hand edit, not a clock."""


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` and any missing parents owner-only (0700).

    mkdir's mode applies only to the last folder, so each missing one is
    made and chmodded in turn; the umask cannot loosen them either.
    """
    missing = []
    cur = path
    while not cur.exists():
        missing.append(cur)
        cur = cur.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)
    os.chmod(path, 0o700)
    return path


TEMP_SUFFIX = ".tmp"
STALE_TEMP_SECONDS = 60.0
"""A temp file this old is no live save's: a save writes and renames in well under a second."""


def atomic_write(path: Path, text: str, *, private_dir: bool = True) -> None:
    """Replace ``path`` with ``text``: temp file, fsync, rename, 0600.

    ``private_dir`` makes the folder owner-only first; exports pass False,
    since they go to the user's own folder (their Desktop, say), whose
    permissions are not ours to change.
    """
    if private_dir:
        ensure_private_dir(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def clean_stale_temp_files(
    folder: Path, *, older_than: float = STALE_TEMP_SECONDS, now: float | None = None
) -> list[Path]:
    """Remove the temp files of saves that were killed before their rename.

    A kill during a save leaves ``.<name>.XXXX.tmp`` beside the file, holding
    the candidate's answers, which nothing would ever remove. Only hidden temp
    files of ours are touched: regular files (not links) owned by this user and
    untouched for ``older_than`` seconds, so a save in progress in another
    mockloop keeps its file. Returns what was removed.
    """
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not (entry.name.startswith(".") and entry.name.endswith(TEMP_SUFFIX)):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if (
                stat.S_ISREG(st.st_mode)
                and st.st_uid == os.getuid()
                and now - st.st_mtime >= older_than
            ):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue  # gone already, or not ours to remove
    return removed


# --- to TOML ---------------------------------------------------------------------


def _clean(d: dict[str, Any]) -> dict[str, Any]:
    """TOML has no null: drop None values."""
    return {k: v for k, v in d.items() if v is not None}


def _follow_ups(items: list[FollowUp] | tuple[FollowUp, ...]) -> list[dict[str, Any]]:
    return [follow_up_data(f) for f in items]


def session_to_dict(s: Session) -> dict[str, Any]:
    st = s.settings
    data: dict[str, Any] = {
        "version": SESSION_VERSION,
        "id": s.id,
        "created_at": s.created_at,
        "updated_at": s.updated_at,
        "settings": _clean(
            {
                "level": st.level,
                "rounds": st.rounds,
                "timing": st.timing,
                "seed": st.seed,
                "main_seconds": st.main_seconds,
                "follow_up_seconds": st.follow_up_seconds,
                "coach": st.coach,
                "mode": st.mode,
            }
        ),
        "plan": s.plan.to_json(full=True),
        "answers": [
            _clean(
                {
                    "round": a.round,
                    "question_index": a.question_index,
                    "question_id": a.question_id,
                    "principle": a.principle,
                    "kind": a.kind,
                    "follow_up_index": a.follow_up_index,
                    "follow_up_kind": a.follow_up_kind,
                    "prompt": a.prompt,
                    "text": a.text,
                    "seconds": a.seconds,
                    "target_seconds": a.target_seconds,
                    "started_at": a.started_at,
                    "submitted_at": a.submitted_at,
                    "auto_submitted": a.auto_submitted,
                    "follow_ups": _follow_ups(a.follow_ups),
                    "beats": dict(a.beats) or None,  # a copy: the writer thread reads it
                }
            )
            for a in s.answers
        ],
    }
    if s.dismissed:
        data["dismissed"] = list(s.dismissed)
    if s.origin.practice:
        o = s.origin
        data["origin"] = _clean(
            {
                "kind": o.kind,
                "source": o.source or None,
                "round": o.round,
                "question_index": o.question_index,
                "story": o.story or None,
            }
        )
    if s.draft:
        d = s.draft
        data["draft"] = _clean(
            {
                "round": d.round,
                "question_index": d.question_index,
                "follow_up_index": d.follow_up_index,
                "text": d.text,
                "elapsed": d.elapsed,
                "saved_at": d.saved_at,
                "marks": [{"beat": beat, "at": at} for beat, at in d.marks] or None,
            }
        )
    return data


# --- from TOML -------------------------------------------------------------------


@dataclass(frozen=True)
class _At:
    """Where an array-of-tables entry (or, with no index, a ``[header]`` table) starts,
    found only when an error needs it.

    Locating lines means rescanning the file; a good file never pays for it.
    """

    header: str
    index: int | None = None


@dataclass(frozen=True)
class _Key:
    """The first line that assigns ``key``, likewise found only for an error."""

    key: str


Line = int | _At | _Key | None


class _Reader:
    """Typed access to parsed TOML that reports file, line and field."""

    def __init__(self, path: Path, text: str) -> None:
        self.path, self.text = path, text

    def resolve(self, line: Line) -> int | None:
        if isinstance(line, _Key):
            return key_line(self.text, line.key)
        if isinstance(line, _At):
            if line.index is None:
                return section_line(self.text, line.header)
            return table_line(self.text, line.header, line.index)
        return line

    def bad(self, where: str, key: str, message: str, line: Line = None) -> FileProblemError:
        """``where.key`` is wrong: named at the key's own line inside its table."""
        start = self.resolve(line)
        at = key_line(self.text, key, start) if start else None
        return self.fail(f"{where}.{key}" if where else key, message, at or start)

    def choice(
        self, d: Any, key: str, choices: tuple[str, ...], where: str, line: Line = None, **kw: Any
    ) -> Any:
        """A string field that must be one of ``choices``."""
        value = self.get(d, key, str, where, line, **kw)
        if value is not None and value not in choices:
            raise self.bad(where, key, f"{value!r} is not one of {', '.join(choices)}", line)
        return value

    def number(
        self,
        d: Any,
        key: str,
        kind: type | tuple[type, ...],
        lo: float,
        hi: float,
        where: str,
        line: Line = None,
        **kw: Any,
    ) -> Any:
        """A number field that must lie in [lo, hi] (``get`` has already refused nan and inf)."""
        value = self.get(d, key, kind, where, line, **kw)
        if value is not None and not lo <= value <= hi:
            raise self.bad(where, key, f"{value!r} is out of range ({lo:g} to {hi:g})", line)
        return value

    def fail(self, where: str, message: str, at: Line = None) -> FileProblemError:
        line = self.resolve(at)
        if line is None:
            leaf = where.rsplit(".", 1)[-1].split("[")[0]
            line = key_line(self.text, leaf)
        return FileProblemError([FileProblem(self.path, line, where, message)])

    def get(
        self,
        d: Any,
        key: str,
        kind: type | tuple[type, ...],
        where: str,
        line: Line = None,
        default: Any = ...,
    ) -> Any:
        if not isinstance(d, dict):
            raise self.fail(where, "must be a table", line)
        if key not in d:
            if default is not ...:
                return default
            raise self.fail(f"{where}.{key}" if where else key, "missing", line)
        value = d[key]
        # bool is an int in Python; an int field must not accept true/false.
        bad_bool = isinstance(value, bool) and bool not in (
            kind if isinstance(kind, tuple) else (kind,)
        )
        if not isinstance(value, kind) or bad_bool:
            name = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
            raise self.bad(where, key, f"expected {name}, found {type(value).__name__}", line)
        # TOML has nan and inf; no field of a session means either, and they crash
        # every place that rounds or formats a number.
        if isinstance(value, float) and not math.isfinite(value):
            raise self.bad(where, key, f"expected a finite number, found {value!r}", line)
        return value

    def beats(self, raw: dict[str, Any], where: str, line: Line) -> dict[str, float]:
        out: dict[str, float] = {}
        for beat in raw:
            if beat not in BEATS:
                raise self.fail(f"{where}.beats.{beat}", f"not one of {', '.join(BEATS)}", line)
            out[beat] = float(
                self.number(raw, beat, (int, float), 0, MAX_ANSWER_SECONDS, f"{where}.beats", line)
            )
        return out

    def marks(self, raw: list[Any]) -> list[tuple[str, float]]:
        """The draft's beat marks: [{beat = "situation", at = 12.5}, ...]."""
        out: list[tuple[str, float]] = []
        line = _Key("marks")
        for n, m in enumerate(raw):
            where = f"draft.marks[{n}]"
            beat = self.get(m, "beat", str, where, line)
            if beat not in BEATS:
                raise self.fail(f"{where}.beat", f"not one of {', '.join(BEATS)}", line)
            at = float(self.get(m, "at", (int, float), where, line))
            if not 0 <= at <= MAX_ANSWER_SECONDS:
                raise self.fail(
                    f"{where}.at", f"must be 0 to {MAX_ANSWER_SECONDS} seconds, found {at!r}", line
                )
            out.append((beat, at))
        return out

    def strings(self, raw: list[Any], where: str) -> list[str]:
        """A list of strings, e.g. ``dismissed = ["reuse:0:5", ...]``."""
        for n, item in enumerate(raw):
            if not isinstance(item, str):
                raise self.fail(
                    f"{where}[{n}]",
                    f"expected str, found {type(item).__name__}",
                    key_line(self.text, where),
                )
        return list(raw)

    def follow_ups(self, raw: Any, where: str, line: Line) -> list[FollowUp]:
        if not isinstance(raw, list):
            raise self.fail(where, "must be a list of {kind, text} tables", line)
        return [
            FollowUp(
                self.choice(f, "kind", tuple(FOLLOW_UP_KINDS), f"{where}[{n}]", line),
                self.get(f, "text", str, f"{where}[{n}]", line),
                self.number(f, "ref", int, 0, 10_000, f"{where}[{n}]", line, default=None),
            )
            for n, f in enumerate(raw)
        ]

    def body(self, d: Any, where: str, line: Line) -> str:
        """An answer's or the draft's text, refused past MAX_TEXT_CHARS (a 50 MB draft
        took minutes to resume)."""
        value: str = self.get(d, "text", str, where, line)
        problem = too_long(value)
        if problem:
            raise self.bad(where, "text", problem, line)
        return value

    def slug(self, d: Any, key: str, where: str, line: Line) -> str:
        """A principle's slug."""
        value: str = self.get(d, key, str, where, line)
        if value not in BY_SLUG:
            raise self.bad(where, key, f"{value!r} is not a principle slug", line)
        return value

    def slugs(self, d: Any, key: str, where: str, line: Line) -> tuple[str, ...]:
        """A list of principle slugs."""
        raw = self.get(d, key, list, where, line)
        for slug in raw:
            if slug not in BY_SLUG:
                raise self.bad(where, key, f"{slug!r} is not a principle slug", line)
        return tuple(raw)


_SECONDS = (TARGET_SECONDS.start, TARGET_SECONDS.stop - 1)


def _settings(r: _Reader, data: dict[str, Any]) -> LoopSettings:
    st = r.get(data, "settings", dict, "")
    at = _At("settings")
    return LoopSettings(
        level=r.choice(st, "level", tuple(LEVELS), "settings", at),
        rounds=r.number(st, "rounds", int, MIN_ROUNDS, MAX_ROUNDS, "settings", at),
        timing=r.choice(st, "timing", TIMINGS, "settings", at),
        seed=r.get(st, "seed", int, "settings", at, default=None),
        main_seconds=r.number(st, "main_seconds", int, *_SECONDS, "settings", at),
        follow_up_seconds=r.number(st, "follow_up_seconds", int, *_SECONDS, "settings", at),
        coach=r.get(st, "coach", bool, "settings", at, default=False),
        mode=r.choice(st, "mode", MODES, "settings", at, default="typed"),
    )


def _plan(r: _Reader, data: dict[str, Any]) -> LoopPlan:
    pl = r.get(data, "plan", dict, "")
    rounds: list[RoundPlan] = []
    raw_rounds = r.get(pl, "rounds", list, "plan", _At("plan"))
    if not raw_rounds:
        raise r.bad("plan", "rounds", "the plan has no rounds", _At("plan"))
    for i, raw in enumerate(raw_rounds):
        where, line = f"plan.rounds[{i}]", _At("plan.rounds", i)
        questions = []
        raw_questions = r.get(raw, "questions", list, where, line)
        if not raw_questions:
            raise r.bad(where, "questions", "a round needs at least one question", line)
        for j, q in enumerate(raw_questions):
            qw = f"{where}.questions[{j}]"
            qline = _At(
                "plan.rounds.questions",
                sum(len(x.get("questions", [])) for x in pl["rounds"][:i]) + j,
            )
            principle = r.slug(q, "principle", qw, qline)
            questions.append(
                PlannedQuestion(
                    id=r.get(q, "id", str, qw, qline),
                    principle=principle,
                    prompt=r.get(q, "prompt", str, qw, qline),
                    follow_ups=tuple(
                        r.follow_ups(
                            r.get(q, "follow_ups", list, qw, qline), f"{qw}.follow_ups", qline
                        )
                    ),
                    failure=r.get(q, "failure", bool, qw, qline, default=False),
                    seconds=r.number(q, "seconds", int, *_SECONDS, qw, qline, default=None),
                )
            )
        index = r.number(raw, "index", int, 1, len(raw_rounds), where, line)
        if any(x.index == index for x in rounds):
            raise r.bad(where, "index", f"round {index} is in the plan twice", line)
        rounds.append(
            RoundPlan(
                index=index,
                kind=r.choice(raw, "kind", ROUND_KINDS, where, line),
                interviewer=r.get(raw, "interviewer", str, where, line),
                title=r.get(raw, "title", str, where, line),
                minutes=r.number(raw, "minutes", int, 1, 600, where, line),
                principles=r.slugs(raw, "principles", where, line),
                questions=tuple(questions),
            )
        )
    return LoopPlan(
        level=r.choice(pl, "level", tuple(LEVELS), "plan", _At("plan")),
        seed=r.get(pl, "seed", int, "plan", _At("plan")),
        rounds=tuple(rounds),
    )


def _place(
    r: _Reader, plan: LoopPlan, d: dict[str, Any], where: str, line: Line
) -> tuple[int, int]:
    """(round, question_index) of an answer or the draft: a round and question the plan has."""
    rnd = r.get(d, "round", int, where, line)
    found = next((x for x in plan.rounds if x.index == rnd), None)
    if found is None:
        rounds = ", ".join(str(x.index) for x in plan.rounds)
        raise r.bad(where, "round", f"round {rnd} is not in the plan (rounds {rounds})", line)
    qi = r.number(d, "question_index", int, 0, len(found.questions) - 1, where, line)
    return rnd, qi


def _answers(r: _Reader, data: dict[str, Any], plan: LoopPlan) -> list[AnswerRecord]:
    answers: list[AnswerRecord] = []
    for i, a in enumerate(r.get(data, "answers", list, "", default=[])):
        where, line = f"answers[{i}]", _At("answers", i)
        kind = r.choice(a, "kind", ("main", "follow-up"), where, line)
        rnd, qi = _place(r, plan, a, where, line)
        fi = r.number(a, "follow_up_index", int, 0, 100, where, line, default=None)
        if (kind == "follow-up") != (fi is not None):
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
        answers.append(
            AnswerRecord(
                round=rnd,
                question_index=qi,
                question_id=r.get(a, "question_id", str, where, line),
                principle=r.slug(a, "principle", where, line),
                kind=kind,
                prompt=r.get(a, "prompt", str, where, line),
                text=r.body(a, where, line),
                seconds=float(
                    r.number(a, "seconds", (int, float), 0, MAX_ANSWER_SECONDS, where, line)
                ),
                target_seconds=r.number(a, "target_seconds", int, *_SECONDS, where, line),
                follow_up_index=fi,
                follow_up_kind=r.choice(
                    a, "follow_up_kind", tuple(FOLLOW_UP_KINDS), where, line, default=None
                ),
                started_at=r.get(a, "started_at", str, where, line, default=""),
                submitted_at=r.get(a, "submitted_at", str, where, line, default=""),
                auto_submitted=r.get(a, "auto_submitted", bool, where, line, default=False),
                follow_ups=r.follow_ups(
                    r.get(a, "follow_ups", list, where, line, default=[]),
                    f"{where}.follow_ups",
                    line,
                ),
                beats=r.beats(r.get(a, "beats", dict, where, line, default={}), where, line),
            )
        )
    return answers


def _draft(r: _Reader, data: dict[str, Any], plan: LoopPlan) -> Draft | None:
    if "draft" not in data:
        return None
    d = r.get(data, "draft", dict, "")
    at = _At("draft")
    rnd, qi = _place(r, plan, d, "draft", at)
    return Draft(
        round=rnd,
        question_index=qi,
        follow_up_index=r.number(d, "follow_up_index", int, 0, 100, "draft", at, default=None),
        text=r.body(d, "draft", at),
        elapsed=float(r.number(d, "elapsed", (int, float), 0, MAX_ANSWER_SECONDS, "draft", at)),
        saved_at=r.get(d, "saved_at", str, "draft", at, default=""),
        marks=r.marks(r.get(d, "marks", list, "draft", at, default=[])),
    )


def _origin(r: _Reader, data: dict[str, Any]) -> Origin:
    if "origin" not in data:
        return Origin()
    d = r.get(data, "origin", dict, "")
    at = _At("origin")
    return Origin(
        kind=r.choice(d, "kind", ORIGINS, "origin", at),
        source=r.get(d, "source", str, "origin", at, default=""),
        round=r.number(d, "round", int, 1, 99, "origin", at, default=None),
        question_index=r.number(d, "question_index", int, 0, 100, "origin", at, default=None),
        story=r.get(d, "story", str, "origin", at, default=""),
    )


def session_from_toml(path: Path) -> Session:
    """Read a session file, refusing any value the app could not play or score.

    Hand edits happen, and tomllib accepts nan, inf and any integer: every
    field is checked here (type, range, a level, mode or principle that exists,
    a round and question the plan has), so a bad file is named with its line
    and field and skipped, instead of crashing resume, the debrief or history.
    """
    data, text = read_toml(path)
    r = _Reader(path, text)
    version = data.get("version")
    if version != SESSION_VERSION:
        raise r.fail(
            "version",
            f"unknown session version {version!r}; this mockloop reads version {SESSION_VERSION}",
        )
    settings = _settings(r, data)
    plan = _plan(r, data)
    return Session(
        id=r.get(data, "id", str, ""),
        settings=settings,
        plan=plan,
        answers=_answers(r, data, plan),
        draft=_draft(r, data, plan),
        created_at=r.get(data, "created_at", str, "", default=""),
        updated_at=r.get(data, "updated_at", str, "", default=""),
        origin=_origin(r, data),
        dismissed=r.strings(r.get(data, "dismissed", list, "", default=[]), "dismissed"),
    )


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
    finished: bool
    current_round: int | None
    """The round the next question is in; None when the loop is over."""
    draft_saved: bool
    """Something is in the editor, saved, for the next question."""
    timing: str = "relaxed"
    mode: str = "typed"
    """Timing and mode tell apart loops that are otherwise alike on home."""


def summarize(session: Session, path: Path) -> SessionSummary:
    step = session.current_step()
    return SessionSummary(
        id=session.id,
        path=path,
        updated_at=session.updated_at,
        level=session.settings.level,
        rounds=len(session.plan.rounds),
        answers=len(session.answers),
        finished=step is None,
        current_round=None if step is None else step.round.index,
        draft_saved=bool(session.draft and session.draft.text.strip()),
        timing=session.settings.timing,
        mode=session.settings.mode,
    )


@dataclass
class SummaryList:
    summaries: list[SessionSummary] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)

    @property
    def unfinished(self) -> list[SessionSummary]:
        return [s for s in self.summaries if not s.finished]


_INDEX_VERSION = 3
"""2: session files are checked more strictly; entries read by 1 are read again.
3: summaries hold timing and mode."""


def _index_entry(path: Path, stamp: list[int]) -> dict[str, Any]:
    """One file's index entry: its summary, or the problems that make it unreadable."""
    try:
        summary = summarize(session_from_toml(path), path)
    except FileProblemError as exc:
        problems = [[p.line, p.field, p.message] for p in exc.problems]
        return {"stamp": stamp, "problems": problems}
    fields = {k: v for k, v in dataclasses.asdict(summary).items() if k != "path"}
    return {"stamp": stamp, "summary": fields}


def _read_index(path: Path) -> dict[str, Any]:
    """The saved index, or nothing: a missing, old or damaged index is rebuilt, never fatal."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != _INDEX_VERSION:
        return {}
    files = data.get("files")
    return files if isinstance(files, dict) else {}


def _take(out: SummaryList, path: Path, entry: dict[str, Any]) -> bool:
    """Add an index entry's summary (or problems) to ``out``; False if it is malformed."""
    try:
        if "summary" in entry:
            out.summaries.append(SessionSummary(path=path, **entry["summary"]))
        else:
            out.problems += [FileProblem(path, *p) for p in entry["problems"]]
    except (TypeError, KeyError):
        return False
    return True


def load_summaries(folder: Path | None = None) -> SummaryList:
    """A summary of every session in ``folder``, newest first, as home lists them.

    Parsing a session file takes milliseconds (tomllib is pure Python) and a
    candidate keeps every loop they play, so the summaries are kept in an index
    beside the files, each under the file's modification time and size; only
    new or changed files are read. Unreadable files are indexed too, with their
    problems, and reported every time, as ``load_sessions`` does.
    """
    folder = folder or paths.sessions_dir()
    out = SummaryList()
    if not folder.is_dir():
        return out
    index_path = paths.session_index_file(folder)
    old = _read_index(index_path)
    new: dict[str, Any] = {}
    for path in sorted(folder.glob("*.toml")):
        try:
            st = path.stat()
        except OSError:
            continue  # removed while we looked
        stamp = [st.st_mtime_ns, st.st_size]
        entry = old.get(path.name)
        if (
            not isinstance(entry, dict)
            or entry.get("stamp") != stamp
            or not _take(out, path, entry)
        ):
            # New, changed, or an entry this version cannot read: parse the file itself.
            entry = _index_entry(path, stamp)
            _take(out, path, entry)
        new[path.name] = entry
    if new != old:
        # The index only saves time: the list is complete without it, so a failed
        # write (a full disk) costs the next start its speed, nothing else.
        with contextlib.suppress(OSError):
            atomic_write(index_path, json.dumps({"version": _INDEX_VERSION, "files": new}))
    out.summaries.sort(key=lambda s: s.updated_at, reverse=True)
    return out


def new_session_path_is_free(session_id: str, folder: Path | None = None) -> bool:
    """A new session never takes the name of an existing (maybe unreadable) file."""
    return not session_path(session_id, folder).exists()
