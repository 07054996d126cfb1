"""Plan a loop: who interviews, what kind of round, which principles, which questions.

The rules mirror how a recruiter builds a real loop (domain.md):
- N rounds, exactly one of them the Bar Raiser, scheduled last and shown
  to the candidate as a cross-team interview;
- every round grades 2 or 3 principles;
- together they cover as many distinct principles as the slots allow, up
  to 10; a principle is graded twice only when there are more than 10
  slots, and never by more than two rounds;
- principles are drawn by how often they are probed, adjusted by level;
- no question appears twice; the same seed gives the same loop;
- one of the Bar Raiser's principles is held, first in their round: when
  their round begins they may go back to the weakest principle heard so far
  in its place (``brief_bar_raiser``), and only there, so the schedule can
  say before the loop exactly what they may ask.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from loops.bank import Bank, FollowUp, Question
from loops.levels import LEVELS
from loops.principles import BY_SLUG, PRINCIPLES

MIN_ROUNDS, MAX_ROUNDS, DEFAULT_ROUNDS = 4, 6, 5
MAX_DISTINCT = 10

ROUND_KINDS = ("behavioral", "coding", "system-design", "bar-raiser")
KIND_NAMES = {
    "behavioral": "Behavioral",
    "coding": "Coding",
    "system-design": "System design",
    "cross-team": "Cross-team",
    "bar-raiser": "Bar Raiser",
}
"""How a round's kind reads to the candidate, wherever it is shown (schedule, break,
debrief, exports): one spelling each. The slugs stay in JSON."""


def kind_name(kind: str) -> str:
    return KIND_NAMES.get(kind, kind)


# The order the non-Bar-Raiser rounds are taken in, by level: an SDE I loop
# has no system design round (domain.md).
_KINDS_BY_LEVEL: dict[str, tuple[str, ...]] = {
    "sde1": ("coding", "behavioral", "coding", "behavioral", "behavioral"),
    "sde2": ("coding", "behavioral", "system-design", "coding", "behavioral"),
    "senior": ("coding", "behavioral", "system-design", "coding", "behavioral"),
    "staff": ("system-design", "behavioral", "coding", "system-design", "behavioral"),
}

# Level changes what is probed: Think Big and Highest Standards come up
# more for Staff, less for SDE I; mentoring more from Senior up.
_LEVEL_BOOST: dict[str, dict[str, float]] = {
    "sde1": {
        "think-big": 0.4,
        "hire-and-develop-the-best": 0.5,
        "insist-on-the-highest-standards": 0.7,
    },
    "sde2": {},
    "senior": {
        "think-big": 1.5,
        "hire-and-develop-the-best": 1.5,
        "insist-on-the-highest-standards": 1.3,
    },
    "staff": {
        "think-big": 3.5,
        "insist-on-the-highest-standards": 2.2,
        "hire-and-develop-the-best": 2.0,
    },
}

_FIRST = (
    "Priya",
    "Marcus",
    "Aiko",
    "Tomás",
    "Fatima",
    "Daniel",
    "Ngozi",
    "Elena",
    "Wei",
    "Jonah",
    "Ines",
    "Ravi",
    "Sofia",
    "Kwame",
    "Hannah",
    "Mateo",
    "Yusuf",
    "Lena",
    "Arjun",
    "Chloe",
)
_LAST = (
    "Raman",
    "Okafor",
    "Lindqvist",
    "Haddad",
    "Moreno",
    "Tanaka",
    "Brennan",
    "Kowalski",
    "Achebe",
    "Ferreira",
    "Novak",
    "Iyer",
    "Castillo",
    "Whitfield",
    "Osei",
    "Bauer",
)
_TITLES: dict[str, tuple[str, ...]] = {
    "behavioral": ("Software Development Manager", "Senior Software Engineer", "Senior Manager"),
    "coding": ("Software Engineer II", "Senior Software Engineer"),
    "system-design": ("Principal Engineer", "Senior Software Engineer"),
    "bar-raiser": ("Senior Manager, another organisation", "Principal Engineer, another team"),
}
FOLLOW_UPS_ASKED = 2
"""How many follow-ups an interviewer asks after a main answer, as a round's length
counts them (they ask one to three, by what the answer lacks)."""
FOLLOW_UPS_ASKED_BAR_RAISER = 3
"""The Bar Raiser digs deeper: two to four."""


def minutes(seconds: float) -> int:
    """A length as the schedule and the plan say it: whole minutes, rounded up."""
    return math.ceil(seconds / 60)


class PlanError(ValueError):
    """A loop cannot be planned with these settings or this bank."""


@dataclass(frozen=True)
class PlannedQuestion:
    id: str
    principle: str
    prompt: str
    follow_ups: tuple[FollowUp, ...]
    failure: bool = False
    seconds: int | None = None
    """The time for this question's answer, when it is not the loop's main time: a story
    drill asks for one story at 30 s, 60 s, 90 s and 2 minutes. None in a loop."""


@dataclass(frozen=True)
class RoundPlan:
    index: int
    """1-based, as the candidate reads it on the schedule."""
    kind: str
    interviewer: str
    title: str
    principles: tuple[str, ...]
    questions: tuple[PlannedQuestion, ...]
    held: str | None = None
    """The Bar Raiser's principle held for a revisit, first in the round: when the
    round begins, the weakest principle so far may take its place (and its question's).
    None in other rounds and once the Bar Raiser is briefed."""

    @property
    def is_bar_raiser(self) -> bool:
        return self.kind == "bar-raiser"

    def seconds_at(self, main_seconds: int, follow_up_seconds: int, follow_ups: bool = True) -> int:
        """How long the round takes at its time limits: each question's answer time,
        then the follow-ups asked after it (``FOLLOW_UPS_ASKED``) at theirs.

        The one owner of a round's length: its clock counts down from it
        (``Session.round_budget_seconds``), and the schedule and ``mockloop plan`` say
        it in minutes (``minutes``). A 60-minute slot of a real onsite is not it: only
        the behavioral part is played here.
        """
        asked = FOLLOW_UPS_ASKED_BAR_RAISER if self.is_bar_raiser else FOLLOW_UPS_ASKED
        after = asked * follow_up_seconds if follow_ups else 0
        return sum((q.seconds or main_seconds) + after for q in self.questions)

    @property
    def shown_kind(self) -> str:
        """What the candidate's schedule says: the Bar Raiser is disguised."""
        return "cross-team" if self.is_bar_raiser else self.kind


@dataclass(frozen=True)
class LoopPlan:
    level: str
    seed: int
    rounds: tuple[RoundPlan, ...] = field(default_factory=tuple)

    def to_json(self, main_seconds: int, follow_up_seconds: int) -> dict[str, Any]:
        """The plan as plain data: the `mockloop plan --json` contract, each round's
        ``minutes`` at these time limits. A session file holds more (follow-up kinds,
        probe references, failure questions): its fields are declared in loops/store.py."""

        def question(q: PlannedQuestion) -> dict[str, Any]:
            return {
                "id": q.id,
                "principle": q.principle,
                "prompt": q.prompt,
                "follow_ups": [f.text for f in q.follow_ups],
            }

        return {
            "level": self.level,
            "seed": self.seed,
            "rounds": [
                {
                    "index": r.index,
                    "kind": r.kind,
                    "interviewer": r.interviewer,
                    "title": r.title,
                    "minutes": minutes(r.seconds_at(main_seconds, follow_up_seconds)),
                    "principles": list(r.principles),
                    "held": r.held,
                    "questions": [question(q) for q in r.questions],
                }
                for r in self.rounds
            ],
        }


def follow_up_data(f: FollowUp) -> dict[str, Any]:
    """A follow-up as plain data (TOML has no null: ``ref`` only when set)."""
    out: dict[str, Any] = {"kind": f.kind, "text": f.text}
    if f.ref is not None:
        out["ref"] = f.ref
    return out


def principle_weights(level: str) -> dict[str, float]:
    boost = _LEVEL_BOOST.get(level, {})
    return {p.slug: p.weight * boost.get(p.slug, 1.0) for p in PRINCIPLES}


def _weighted_sample(rng: random.Random, weights: dict[str, float], k: int) -> list[str]:
    """k distinct keys drawn without replacement, each pick by weight."""
    pool = dict(weights)
    chosen: list[str] = []
    for _ in range(k):
        keys = sorted(pool)
        pick = rng.choices(keys, weights=[pool[key] for key in keys])[0]
        chosen.append(pick)
        del pool[pick]
    return chosen


def _assign(
    rng: random.Random, counts: list[int], distinct: list[str], repeats: list[str]
) -> list[list[str]]:
    """Place principles into rounds: each round gets ``counts[i]`` distinct ones.

    Repeated principles go first, each to the two rounds with the most room,
    so a round never holds one principle twice; the rest fill what is left.
    """
    rounds: list[list[str]] = [[] for _ in counts]

    def room(i: int) -> int:
        return counts[i] - len(rounds[i])

    order = list(range(len(counts)))
    for slug in repeats:
        rng.shuffle(order)
        best = sorted(order, key=room, reverse=True)[:2]
        for i in best:
            rounds[i].append(slug)
    singles = [s for s in distinct if s not in repeats]
    rng.shuffle(singles)
    for slug in singles:
        rng.shuffle(order)
        i = max(order, key=room)
        rounds[i].append(slug)
    return rounds


def _held_for_revisit(slugs: list[str], graded: Counter[str]) -> str:
    """Which of the Bar Raiser's principles a revisit would replace: one the loop
    grades twice (the revisit costs it no coverage), else the least probed."""
    repeated = [s for s in slugs if graded[s] > 1]
    return repeated[0] if repeated else max(slugs, key=lambda s: BY_SLUG[s].rank)


def plan_loop(
    bank: Bank, level: str, rounds: int = DEFAULT_ROUNDS, seed: int | None = None
) -> LoopPlan:
    if level not in LEVELS:
        raise PlanError(f"unknown level {level!r}; choose one of {', '.join(LEVELS)}")
    if not MIN_ROUNDS <= rounds <= MAX_ROUNDS:
        raise PlanError(f"a loop has {MIN_ROUNDS} to {MAX_ROUNDS} rounds, not {rounds}")
    if seed is None:
        seed = random.SystemRandom().randrange(1, 1_000_000)
    rng = random.Random(f"mockloop:{level}:{rounds}:{seed}")

    kinds = [*_KINDS_BY_LEVEL[level][: rounds - 1], "bar-raiser"]
    counts = [rng.choice((2, 3)) for _ in kinds]
    slots = sum(counts)
    n_distinct = min(slots, MAX_DISTINCT)
    # Only principles the bank can ask at this level twice are eligible.
    weights = {
        slug: w
        for slug, w in principle_weights(level).items()
        if len(bank.for_principle(slug, level)) >= 2
    }
    if len(weights) < n_distinct:
        raise PlanError(f"the question bank covers only {len(weights)} principles at {level}")
    distinct = _weighted_sample(rng, weights, n_distinct)
    repeats = _weighted_sample(rng, {s: weights[s] for s in distinct}, slots - n_distinct)
    assigned = _assign(rng, counts, distinct, repeats)

    graded = Counter(p for slugs in assigned for p in slugs)

    used: set[str] = set()
    names = [
        f"{first} {last}"
        for first, last in zip(
            rng.sample(_FIRST, len(kinds)), rng.sample(_LAST, len(kinds)), strict=True
        )
    ]
    plans: list[RoundPlan] = []
    for i, (kind, slugs) in enumerate(zip(kinds, assigned, strict=True)):
        ordered = sorted(slugs, key=lambda s: BY_SLUG[s].rank)
        held = _held_for_revisit(ordered, graded) if kind == "bar-raiser" else None
        if held is not None:  # first: the revisit is the Bar Raiser's first question
            ordered = [held, *(s for s in ordered if s != held)]
        questions: list[PlannedQuestion] = []
        for slug in ordered:
            options = [q for q in bank.for_principle(slug, level) if q.id not in used]
            q: Question = rng.choice(sorted(options, key=lambda q: q.id))
            used.add(q.id)
            questions.append(PlannedQuestion(q.id, q.principle, q.prompt, q.follow_ups, q.failure))
        plans.append(
            RoundPlan(
                index=i + 1,
                kind=kind,
                interviewer=names[i],
                title=rng.choice(_TITLES[kind]),
                principles=tuple(ordered),
                questions=tuple(questions),
                held=held,
            )
        )
    return LoopPlan(level=level, seed=seed, rounds=tuple(plans))


def brief_bar_raiser(
    plan: LoopPlan, bank: Bank, strength: dict[str, float]
) -> tuple[LoopPlan, str | None]:
    """Let the Bar Raiser go back to the weakest principle heard so far.

    ``strength`` maps each principle probed in earlier rounds to how well it
    went (lower is weaker). The weakest one that only one round has graded
    takes the place of the principle the planner held for it (``RoundPlan.held``,
    first in the round), with a question of its own; with none to go back to (it
    is already theirs, or was graded twice, or no question is left for it) the
    held principle is asked as planned. Either way the round is settled: ``held``
    is cleared. Nothing else changes: the round asks as many questions as the
    schedule said, the other principles it listed, and a principle is never
    graded by more than two rounds. Returns the new plan and the principle
    revisited (None when none); a plan already settled (or saved before
    principles were held) is returned as it is.
    """
    br = next((r for r in plan.rounds if r.is_bar_raiser), None)
    if br is None or br.held is None:
        return plan, None
    held = br.held

    def settled(questions: tuple[PlannedQuestion, ...]) -> LoopPlan:
        new = replace(
            br, principles=tuple(q.principle for q in questions), questions=questions, held=None
        )
        return replace(plan, rounds=tuple(new if r.index == br.index else r for r in plan.rounds))

    graded = Counter(p for r in plan.rounds for p in r.principles)
    earlier = {p for r in plan.rounds if not r.is_bar_raiser for p in r.principles}
    weakest = None
    for slug in sorted(strength, key=lambda p: (strength[p], BY_SLUG[p].rank)):
        if slug not in earlier:
            continue
        if slug in br.principles:
            return settled(br.questions), None  # already going back to the weakest it can
        if graded[slug] == 1:
            weakest = slug
            break
    if weakest is None:
        return settled(br.questions), None
    used = {q.id for r in plan.rounds for q in r.questions}
    options = sorted(
        (q for q in bank.for_principle(weakest, plan.level) if q.id not in used),
        key=lambda q: q.id,
    )
    if not options:
        return settled(br.questions), None
    rng = random.Random(f"mockloop:bar-raiser:{plan.seed}:{weakest}")
    chosen = rng.choice(options)
    question = PlannedQuestion(
        chosen.id, chosen.principle, chosen.prompt, chosen.follow_ups, chosen.failure
    )
    keep = tuple(q for q in br.questions if q.principle != held)
    return settled((question, *keep)), weakest
