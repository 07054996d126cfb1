"""How worn each banked story is: how often it was told, for which principles, when last.

Candidates are told to bank 8 to 10 stories, yet in practice they reach for
the same two or three, loop after loop, and the rest of the bank is never
rehearsed. Wear makes that visible: every saved session is read (loops,
retried questions, imports: each main answer matched to the bank by
loops/review/matching.py; a drill counts once for the story it drills, as
its origin names it), and for each banked story it says how often it was
told, in how many full loops, for which principles and when last. "Told"
counts answers to a question asked for a principle (loops, retries, imports);
drills are counted apart, so the told count is the sum of the principle counts.

Two warnings come out of it. A story told in more than half of the loops
(two at least) is *worn*. A principle that interviewers asked in two
sessions or more and that was answered with the same story every time
*falls back* on it. The schedule of a new loop uses the wear to suggest a
distinct story for each principle slot, least worn first.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loops import paths
from loops.principles import BY_SLUG
from loops.problems import FileProblem, FileProblemError
from loops.review.drill import drills
from loops.review.history import _engine_fingerprint
from loops.review.matching import match_answers
from loops.session import Session
from loops.stamps import StampCache, stamp_of
from loops.store import session_from_toml
from loops.stories import Story, assign_stories, load_stories, story_to_dict
from scoring.wording import plural

ASKED = ("loop", "import")
"""Sessions whose questions an interviewer chose. A retry re-asks a question the
candidate picked, and a drill asks for a story by name: neither says which
story the candidate reaches for when a principle comes up."""


@dataclass(frozen=True)
class Telling:
    """One main answer (or one drill) and the banked story it told, if any."""

    story_id: str | None
    """None: a story that is not in the bank."""
    session_id: str
    origin: str
    """The session's origin kind: loop, retry, drill or import."""
    principle: str
    """The principle asked; "" for a drill, which asks for a story, not a principle."""
    at: str
    """When it was told (ISO 8601): the answer's submission time."""


@dataclass(frozen=True)
class StoryWear:
    story: Story
    tellings: tuple[Telling, ...] = ()

    @property
    def told(self) -> int:
        """Main answers that told the story in loops, retries and imports; drills apart.

        A drill asks for the story by name, so it is counted in ``drills`` only: this
        way ``told`` is the sum of ``principles``, on the screen, the table and JSON.
        """
        return sum(1 for t in self.tellings if t.origin != "drill")

    @property
    def loops(self) -> int:
        """Full loops the story was told in, however many times in each."""
        return len({t.session_id for t in self.tellings if t.origin == "loop"})

    @property
    def drills(self) -> int:
        return sum(1 for t in self.tellings if t.origin == "drill")

    @property
    def principles(self) -> Counter[str]:
        """How often it was told for each principle (drills ask for none)."""
        return Counter(t.principle for t in self.tellings if t.principle)

    @property
    def last(self) -> str:
        return max((t.at for t in self.tellings), default="")


@dataclass(frozen=True)
class Fallback:
    """A principle answered with the same banked story every time it was asked."""

    principle: str
    story_id: str
    times: int
    sessions: int


@dataclass(frozen=True)
class Wear:
    stories: tuple[StoryWear, ...]
    """Every banked story, in bank order, told or not."""
    loops: int
    """Full loops with at least one main answer."""
    worn: tuple[str, ...]
    """Ids of the stories told in more than half of the loops (two at least), most worn first."""
    fallbacks: tuple[Fallback, ...]
    unbanked: int
    """Main answers that told a story not in the bank."""

    def of(self, story_id: str) -> StoryWear | None:
        return next((w for w in self.stories if w.story.id == story_id), None)

    def least_worn_first(self) -> list[int]:
        """Bank indexes, least worn first: fewest loops, tellings, drills; longest untold."""
        return sorted(
            range(len(self.stories)),
            key=lambda k: (
                self.stories[k].loops,
                self.stories[k].told,
                self.stories[k].drills,
                self.stories[k].last,
                k,
            ),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "loops": self.loops,
            "unbanked_tellings": self.unbanked,
            "worn": list(self.worn),
            "fallbacks": [
                {
                    "principle": f.principle,
                    "story": f.story_id,
                    "times": f.times,
                    "sessions": f.sessions,
                }
                for f in self.fallbacks
            ],
            "stories": [
                {
                    "id": w.story.id,
                    "title": w.story.title,
                    "told": w.told,
                    "loops": w.loops,
                    "drills": w.drills,
                    "principles": dict(sorted(w.principles.items())),
                    "last": w.last or None,
                    "worn": w.story.id in self.worn,
                }
                for w in self.stories
            ],
        }


def session_tellings(session: Session, stories: Sequence[Story]) -> list[Telling]:
    """What one saved session told: a drill its one story, any other session each main answer."""
    origin = session.origin.kind
    if origin == "drill":
        # What a drill told, and when, is the drill's own (loops/review/drill.py): a spoken
        # telling counts by its marked beats, its note may be empty.
        banked = {s.id for s in stories}  # a story since deleted from the bank tells none
        return [
            Telling(d.story, d.session_id, origin, "", d.when)
            for d in drills([session])
            if d.tellings and d.story in banked
        ]
    if not any(a.kind == "main" and not a.skipped for a in session.answers):
        return []
    out = []
    for m in match_answers(session, stories):  # a skipped question is no telling
        answer = session.answers[m.answer]
        at = answer.submitted_at or session.updated_at
        out.append(Telling(m.story_id, session.id, origin, m.principle, at))
    return out


def _fallbacks(tellings: Iterable[Telling]) -> list[Fallback]:
    by_principle: dict[str, list[Telling]] = {}
    for t in tellings:
        if t.origin in ASKED:
            by_principle.setdefault(t.principle, []).append(t)
    out = []
    for principle, told in by_principle.items():
        ids = {t.story_id for t in told}
        sessions = len({t.session_id for t in told})
        if len(ids) == 1 and None not in ids and sessions >= 2:
            out.append(Fallback(principle, told[0].story_id or "", len(told), sessions))
    return sorted(out, key=lambda f: (-f.sessions, f.principle))


def story_wear(sessions: Iterable[Session], stories: Sequence[Story]) -> Wear:
    """The wear of every banked story across ``sessions``."""
    return wear_of([t for s in sessions for t in session_tellings(s, stories)], stories)


def wear_of(tellings: Sequence[Telling], stories: Sequence[Story]) -> Wear:
    """The wear of every banked story from what the sessions told."""
    wears = tuple(StoryWear(s, tuple(t for t in tellings if t.story_id == s.id)) for s in stories)
    loops = len({t.session_id for t in tellings if t.origin == "loop"})
    worn = sorted(
        (w for w in wears if w.loops >= 2 and w.loops * 2 > loops),
        key=lambda w: -w.loops,
    )
    return Wear(
        stories=wears,
        loops=loops,
        worn=tuple(w.story.id for w in worn),
        fallbacks=tuple(_fallbacks(tellings)),
        unbanked=sum(1 for t in tellings if t.story_id is None),
    )


CACHE_NAME = "wear-cache.json"
CACHE_VERSION = 1


def cache_path() -> Path:
    return paths.data_dir() / CACHE_NAME


def _cache_version(stories: Sequence[Story]) -> str:
    """What a session's tellings depend on besides the session: the bank and the engine.

    Editing a story changes which answers match it, so the whole cache goes with it.
    """
    bank = json.dumps([story_to_dict(s) for s in stories], sort_keys=True)
    digest = hashlib.sha256(bank.encode()).hexdigest()[:16]
    return f"{CACHE_VERSION}-{_engine_fingerprint()}-{digest}"


def load_wear(
    folder: Path | None = None,
    bank: Path | None = None,
    *,
    exclude: str | None = None,
    cache: Path | None = None,
    stories: Sequence[Story] | None = None,
) -> tuple[Wear, list[FileProblem]]:
    """The wear of the bank across every readable saved session, and what could not be read.

    An unreadable bank gives no wear (there is nothing to match against); an
    unreadable session is left out and named. ``exclude``: a session id left out
    (the loop being planned). ``stories``: the bank as already read (else it is read
    from ``bank``). Matching is tens of milliseconds a loop, so each
    session's tellings are kept under its file's stamp (loops/stamps.py) and a
    session file that has not changed is neither read nor matched again.
    """
    problems: list[FileProblem] = []
    if stories is None:
        stories, problems = load_stories(bank)
        if problems:
            return wear_of([], []), problems
    folder = folder or paths.sessions_dir()
    stamps = StampCache.load(cache or cache_path(), _cache_version(stories))
    tellings: list[Telling] = []
    names: set[str] = set()
    for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
        try:
            stamp = stamp_of(path.stat())
        except OSError:
            continue  # removed while we looked
        names.add(path.name)
        kept = stamps.get(path.name, stamp)
        if kept is None:
            try:
                session = session_from_toml(path)
            except FileProblemError as exc:
                problems.extend(exc.problems)
                continue
            kept = [dataclasses.astuple(t) for t in session_tellings(session, stories)]
            stamps.put(path.name, stamp, kept)
        tellings += [Telling(*t) for t in kept]
    stamps.keep_only(names)
    stamps.save()
    if exclude is not None:
        tellings = [t for t in tellings if t.session_id != exclude]
    return wear_of(tellings, stories), problems


@dataclass(frozen=True)
class Suggestion:
    """The story suggested for one principle slot of a new loop."""

    round: int
    principle: str
    story_id: str | None
    """None: no banked story serves the principle."""
    shared_with: int | None = None
    """The round whose story this slot would have to tell again (no story of its own)."""


def suggest_stories(
    slots: Sequence[tuple[int, str]], stories: Sequence[Story], wear: Wear | None = None
) -> list[Suggestion]:
    """A distinct banked story for each (round, principle) slot, least worn first.

    When the bank cannot give a slot a story of its own, the least worn story
    that serves it is suggested anyway, with the round it would also serve.
    """
    order = (
        wear.least_worn_first() if wear is not None and len(wear.stories) == len(stories) else None
    )
    story_of = assign_stories(stories, [p for _, p in slots], order)
    rank = {k: n for n, k in enumerate(order or range(len(stories)))}
    round_of = {k: slots[i][0] for i, k in enumerate(story_of) if k is not None}
    out = []
    for (rnd, principle), k in zip(slots, story_of, strict=True):
        if k is not None:
            out.append(Suggestion(rnd, principle, stories[k].id))
            continue
        serving = sorted(
            (j for j, s in enumerate(stories) if principle in s.principles), key=rank.__getitem__
        )
        if not serving:
            out.append(Suggestion(rnd, principle, None))
        else:
            out.append(Suggestion(rnd, principle, stories[serving[0]].id, round_of.get(serving[0])))
    return out


# --- saying it ------------------------------------------------------------------------


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def wear_text(w: StoryWear, loops: int) -> str:
    """'told 4 times, in 3 of 5 loops, drilled once, last 2026-11-28', or 'never told'.

    "told" counts answers in loops, retries and imports only, so it adds up to the
    principles_text counts; drills are said apart ('never told, drilled once, ...').
    """
    if not w.tellings:
        return "never told"
    if not w.told:
        parts = ["never told"]
    else:
        parts = [f"told {_times(w.told)}"]
        if loops:
            parts.append(f"in {w.loops} of {plural(loops, 'loop')}")
    if w.drills:
        parts.append(f"drilled {_times(w.drills)}")
    parts.append(f"last {w.last[:10]}")
    return ", ".join(parts)


def principles_text(w: StoryWear) -> str:
    """'Dive Deep 2, Ownership 1', most told first; '' when only drilled."""
    return ", ".join(
        f"{BY_SLUG[p].name if p in BY_SLUG else p} {n}" for p, n in w.principles.most_common()
    )


def fallback_text(f: Fallback, title: str) -> str:
    """'Ownership always falls back on Pager noise (3 times in 3 sessions)'."""
    name = BY_SLUG[f.principle].name if f.principle in BY_SLUG else f.principle
    return (
        f"{name} always falls back on {title} "
        f"({_times(f.times)} in {plural(f.sessions, 'session')})"
    )
