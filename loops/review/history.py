"""Every saved loop in one list, and how the candidate is trending across them.

``history_rows(sessions)`` gives one row per loop, newest first::

    {"id", "date", "created_at", "kind", "source", "level", "rounds", "finished",
     "answers",                                           (given: skipped questions not counted)
     "outcome": "hire" | "no-hire" | None (unfinished),
     "inclined_share", "we_heavy_share", "avg_seconds",   (float, None when no answers)
     "contradictions", "reused",                          (int)
     "self_votes", "self_agree", "self_over", "self_harsh"} (int)

``inclined_share`` is inclined votes over all votes counted by the debrief
(one per telling, after contradictions lowered theirs); ``we_heavy_share``
the share of answers, follow-ups included, that raised the we-heavy flag;
``avg_seconds`` the mean speaking time per answer. An unfinished loop is
measured on the answers given so far, but has no outcome and is left out
of ``trends(rows)``, which lists each measure for finished loops in date
order (oldest first), ready for a sparkline. ``kind`` is the session's origin
(loop, retry, drill, import): practice is listed but is no loop, so trends
leave it out (a cached row from before kinds were kept has none: a loop).
``source`` is an import's file name ("" for anything else), so its row can say
which interview it is. A skipped question is no answer: the shares and the mean
time are over the answers given.

Speed and the cache: scoring a loop takes tens of milliseconds and parsing
a saved loop a few more, so 200 loops would take seconds. Each loop's row is
therefore cached in ``<data dir>/history-cache.json``, a
``loops.stamps.StampCache`` (the file cache home's session index uses
too): by session file name, under the file's size and modification
time, with the session's ``updated_at``. ``load_history()`` uses a cached
row without even reading the session file when the file's size and time are
unchanged; when they changed but the id and ``updated_at`` did not, it
parses but does not re-score. An unfinished loop is cached too: each answer
rewrites its file, which is then read again. ``remember(session, analysis)``
caches a loop as soon as its debrief has scored it, so the history screen
normally never scores anything itself; with no cache at all (first run, or
after an engine upgrade) the first load scores every loop once, about 0.1 s
per 6-round loop: ``HistoryLoad`` does that one loop at a time, newest first,
so a screen can show progress and each row as it is ready. The cache is also
dropped whole when the scoring engine's source files change (by content), so
an upgraded engine re-scores every loop once. Deleting the cache file is
always safe.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import scoring
from loops import paths
from loops.problems import FileProblem, FileProblemError
from loops.review.analysis import analyze_session
from loops.review.debrief import SelfCheck, session_self_check
from loops.session import Session
from loops.stamps import StampCache, stamp_of
from loops.store import session_from_toml, session_path
from scoring.model import LoopAnalysis

CACHE_VERSION = 6
"""2: kept by loops.stamps, in JSON, by file name. 3: rows hold the session's kind (loop
or practice). 4: ``answers`` counts answers given, not questions skipped. 5: a skip is
not in the we-heavy share or the mean time. 6: rows hold an import's file name."""
CACHE_NAME = "history-cache.json"
_OLD_CACHE_NAME = "history-cache.toml"
MEASURES = ("inclined_share", "we_heavy_share", "avg_seconds", "contradictions", "reused")
"""The measures ``trends`` follows, in display order."""

_INCLINED = ("strongly-inclined", "inclined")
SELF_KEYS = ("self_votes", "self_agree", "self_over", "self_harsh")
"""Per row: the candidate's own votes, and how many agreed with the meeting's, were
better than it (over-confident) or worse (too harsh)."""


def cache_path() -> Path:
    return paths.data_dir() / CACHE_NAME


def _engine_folders() -> list[Path]:
    """The code a history row depends on: the text engine and this review layer."""
    return [Path(scoring.__file__).resolve().parent, Path(__file__).resolve().parent]


def _engine_fingerprint() -> str:
    """Changes when any scoring source file changes, so cached rows follow the engine.

    Made from the files' contents (about 1 ms to hash), not their modification times:
    a reinstall or a checkout that rewrites identical files must not re-score every
    loop, which takes seconds per hundred loops.
    """
    h = hashlib.sha256()
    for folder in _engine_folders():
        for path in sorted(folder.glob("*.py")):
            h.update(f"{folder.name}/{path.name}:".encode() + path.read_bytes() + b";")
    return h.hexdigest()[:16]


def summarize(session: Session, analysis: LoopAnalysis | None = None) -> dict[str, Any]:
    """One history row for ``session``; scores it (about 0.1 s) unless given ``analysis``."""
    finished = session.finished
    given = [a for a in session.answers if not a.skipped]
    n = len(given)  # a skipped question is no answer: not in the shares or the mean
    if analysis is None and session.answers:
        analysis = analyze_session(session)
    inclined_share = we_heavy_share = avg_seconds = None
    contradictions = reused = 0
    outcome = None
    mine = SelfCheck()
    if analysis is not None:
        out = analysis.outcome
        inclined_share = round(out.inclined / out.total, 4) if out.total else None
        if n:
            we_heavy = sum(1 for a in analysis.answers if "we-heavy" in a.flag_names)
            we_heavy_share = round(we_heavy / n, 4)
            avg_seconds = round(sum(a.seconds for a in given) / n, 2)
        contradictions, reused = len(analysis.contradictions), len(analysis.reused)
        mine = session_self_check(session, analysis)
        if finished:
            outcome = out.decision
    stamp = session.created_at or session.updated_at
    return {
        "id": session.id,
        "date": stamp[:10],
        "created_at": stamp,
        "kind": session.origin.kind,
        "source": session.origin.source if session.origin.kind == "import" else "",
        "level": session.settings.level,
        "rounds": len(session.plan.rounds),
        "finished": finished,
        "answers": n,
        "outcome": outcome,
        "inclined_share": inclined_share,
        "we_heavy_share": we_heavy_share,
        "avg_seconds": avg_seconds,
        "contradictions": contradictions,
        "reused": reused,
        "self_votes": mine.votes,
        "self_agree": mine.agree,
        "self_over": mine.over,
        "self_harsh": mine.harsh,
    }


_ROW_KEYS = (
    "id",
    "date",
    "created_at",
    "kind",
    "source",
    "level",
    "rounds",
    "finished",
    "answers",
    "outcome",
    *MEASURES,
    *SELF_KEYS,
)


class HistoryCache:
    """Loops' rows by session file, under each file's stamp; see the module docstring.

    A ``loops.stamps.StampCache`` whose version is the engine's fingerprint, so an
    upgraded engine re-scores every loop once. Each value is the row and the
    session's ``updated_at``: a file whose stamp changed but whose session did not
    (copied, touched) is parsed but not scored again.
    """

    def __init__(self, stamps: StampCache) -> None:
        self.stamps = stamps

    @classmethod
    def load(cls, path: Path | None = None) -> HistoryCache:
        """The cache at ``path``; empty when missing, unreadable or from another engine."""
        return cls(
            StampCache.load(path or cache_path(), f"{CACHE_VERSION}-{_engine_fingerprint()}")
        )

    @property
    def entries(self) -> dict[str, dict[str, Any]]:
        """File name -> {"stamp", "value"}: what the cache holds."""
        return self.stamps.entries

    def row(self, session: Session, name: str | None = None) -> dict[str, Any] | None:
        """The cached row of ``session`` (read from file ``name``) if it has not changed."""
        value = self.stamps.value(name or session_path(session.id).name)
        if not isinstance(value, dict) or value.get("updated_at") != session.updated_at:
            return None
        return _row_from_cache(value)

    def row_for_file(self, path: Path, st: os.stat_result) -> dict[str, Any] | None:
        """The cached row for an unchanged session file, without reading it."""
        return _row_from_cache(self.stamps.get(path.name, stamp_of(st)))

    def put(
        self, session: Session, row: dict[str, Any], path: Path | None, st: os.stat_result | None
    ) -> None:
        name = (path or session_path(session.id)).name
        value = {"updated_at": session.updated_at, "row": dict(row)}
        self.stamps.put(name, None if st is None else stamp_of(st), value)

    def keep_only(self, names: set[str]) -> None:
        self.stamps.keep_only(names)

    def save(self) -> None:
        self.stamps.save()
        # Before the one stamp cache, rows were kept in TOML; that file is not read now.
        with contextlib.suppress(OSError):
            cache_path().with_name(_OLD_CACHE_NAME).unlink(missing_ok=True)


def _row_from_cache(value: Any) -> dict[str, Any] | None:
    if not isinstance(value, dict) or not isinstance(value.get("row"), dict):
        return None
    raw = value["row"]
    return {k: raw.get(k) for k in _ROW_KEYS}


def _newest_first(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda r: (r["created_at"], r["id"]), reverse=True)


def history_rows(
    sessions: Iterable[Session], cache: HistoryCache | None = None
) -> list[dict[str, Any]]:
    """One row per loop, newest first.

    With ``cache``, finished loops whose id and ``updated_at`` are cached are
    not scored again, and newly scored ones are added (the caller saves it).
    """
    rows = []
    for s in sessions:
        row = cache.row(s) if cache is not None else None
        if row is None:
            row = summarize(s)
            if cache is not None and row["finished"]:
                cache.put(s, row, None, None)
        rows.append(row)
    return _newest_first(rows)


@dataclass
class History:
    rows: list[dict[str, Any]]
    problems: list[FileProblem]
    """Session files that could not be read (file, line, field), left as they are."""

    @property
    def trends(self) -> dict[str, list[float]]:
        return trends(self.rows)

    @property
    def self_check(self) -> SelfCheck:
        return self_check_of(self.rows)


def self_check_of(rows: Iterable[dict[str, Any]]) -> SelfCheck:
    """The candidate's own votes against the meeting's, over every loop they voted in."""
    total = SelfCheck()
    for r in rows:
        total += SelfCheck(
            r.get("self_votes") or 0,
            r.get("self_agree") or 0,
            r.get("self_over") or 0,
            r.get("self_harsh") or 0,
        )
    return total


class HistoryLoad:
    """``load_history`` in steps, for a screen that shows progress and rows as they come.

    Opening it reads the folder and takes every row the cache holds for an
    unchanged file (milliseconds); ``pending`` lists the files still to read and
    score, newest first, so the loops a candidate looks at first come first.
    ``next_row`` does one (a parse and about 0.1 s of scoring); ``finish`` saves
    the cache and gives the History. A load stopped half-way (the screen closed)
    still ``save``s what it scored, so the next one starts from there.
    """

    SAVE_EVERY = 20
    """Save the cache after this many newly scored loops, so little is lost if stopped."""

    def __init__(self, folder: Path | None = None, cache: HistoryCache | None = None) -> None:
        self.folder = folder or paths.sessions_dir()
        self.cache = cache if cache is not None else HistoryCache.load()
        self.rows: list[dict[str, Any]] = []
        self.problems: list[FileProblem] = []
        self.pending: list[tuple[Path, os.stat_result]] = []
        self._seen: set[str] = set()
        self._scored = 0
        files = sorted(self.folder.glob("*.toml")) if self.folder.is_dir() else []
        for path in files:
            try:
                st = path.stat()
            except OSError:
                continue  # removed while we looked
            row = self.cache.row_for_file(path, st)
            if row is None:
                self.pending.append((path, st))
            else:
                self._add(path, row)
        self.pending.sort(key=lambda item: item[1].st_mtime_ns, reverse=True)
        self.total = len(self.rows) + len(self.pending)
        """Every session file, readable or not."""
        self.done = len(self.rows)

    def _add(self, path: Path, row: dict[str, Any]) -> None:
        self._seen.add(path.name)
        self.rows.append(row)

    def next_row(self) -> dict[str, Any] | None:
        """Read (and if need be score) the next pending file; None if it is unreadable."""
        path, st = self.pending.pop(0)
        self.done += 1
        try:
            session = session_from_toml(path)
        except FileProblemError as exc:
            self.problems.extend(exc.problems)
            return None
        row = self.cache.row(session, path.name)
        if row is None:
            row = summarize(session)
            self._scored += 1
        self.cache.put(session, row, path, st)
        self._add(path, row)
        if self._scored and self._scored % self.SAVE_EVERY == 0:
            self.save()
        return row

    def save(self) -> None:
        # A read-only data folder: the history is still right, only slower next time.
        with contextlib.suppress(OSError):
            self.cache.save()

    def finish(self) -> History:
        while self.pending:
            self.next_row()
        self.cache.keep_only(self._seen)
        self.save()
        return History(_newest_first(self.rows), self.problems)


def load_history(folder: Path | None = None, cache: HistoryCache | None = None) -> History:
    """Every saved loop's row, using and refreshing the history cache (the fast path)."""
    return HistoryLoad(folder, cache).finish()


def remember(session: Session, analysis: LoopAnalysis | None = None) -> None:
    """Cache a finished, saved loop's row now, e.g. when its debrief is opened.

    The debrief has already scored the loop, so passing its ``analysis``
    makes this cheap, and the history never has to score that loop itself.
    Call it after the session is saved; an unfinished loop is ignored.
    """
    if not session.finished:
        return
    path = session_path(session.id)
    try:
        st = path.stat()
    except OSError:
        return
    cache = HistoryCache.load()
    cache.put(session, summarize(session, analysis), path, st)
    with contextlib.suppress(OSError):
        cache.save()


def trends(rows: Iterable[dict[str, Any]]) -> dict[str, list[float]]:
    """Each measure across finished loops, oldest first (a missing value counts as 0);
    practice (a retried question, a drill) is not a loop and is left out, and so is a
    loop whose every question was skipped: it has nothing to measure, and its zeros
    read as a loop answered in 0 s with no vote inclined."""
    done = sorted(
        (
            r
            for r in rows
            if r["finished"] and r.get("kind") in (None, "loop") and r.get("answers") != 0
        ),
        key=lambda r: (r["created_at"], r["id"]),
    )
    return {m: [float(r[m] or 0.0) for r in done] for m in MEASURES}
