"""Follow-ups that listen: choose what to ask next from what the answer lacks.

A real interviewer does not read the next line of a script; they probe the
gap they just heard. Each gap the engine flags maps to a follow-up kind in
the question bank; the question's own scripted follow-ups are preferred,
the bank's generic ones fill in when the script has none of that kind.
The choice is deterministic for a given seed and answer, so a replayed
loop asks the same things.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from loops.bank import FollowUp
from scoring.ending import FAILURE, SUCCESS
from scoring.engine import analyze_answer
from scoring.facts import extract_facts
from scoring.model import AnswerInput
from scoring.text import fold, quantities

# What the answer lacks -> the follow-up kind that probes it, most important first.
GAP_TO_KIND: tuple[tuple[str, str], ...] = (
    ("hypothetical", "specific"),
    ("we-heavy", "individual"),
    ("no-result", "outcome"),
    ("no-metric", "measurement"),
    ("no-commit", "commit"),
    ("no-reflection", "reflection"),
)
MAX_FOLLOW_UPS, MAX_BAR_RAISER = 3, 4
MIN_BAR_RAISER = 2


ASKS: dict[str, re.Pattern[str]] = {
    "figure": re.compile(
        r"\bhow many\b|\bhow much\b|\bexact figure\b|\bwhat did it cost\b|\baffected\b|"
        # The result in figures: "What changed, in numbers?", "What number moved?".
        r"\bin (?:numbers|figures)\b|\bwhat number\b|\bnumber moved\b|\bmeasurabl[ey]\b",
        re.I,
    ),
    "outcome": re.compile(
        r"\bturn(?:ed)? out\b|\bhow did (?:it|that|this) end\b|\bfinal result\b|"
        r"\bwhere does (?:it|that|this) stand\b|\bwhat changed for\b",
        re.I,
    ),
}
"""What a follow-up asks for, read from its wording: a count or figure, or how it ended.
Kinds do not say it: "How many customers did it affect?" is a measurement follow-up,
yet an answer that says "41 tickets" has already told it; and "What changed, in
numbers?" asked of "releases took 20 minutes instead of half a day" asks for what was
just said (a measurement line of the bank's that asks for no figure is asked instead)."""


def asks_for(follow_up: FollowUp) -> set[str]:
    return {what for what, pattern in ASKS.items() if pattern.search(follow_up.text)}


_THAT_FIGURE = re.compile(r"\bthat (?:number|figure)\b", re.I)
"""A follow-up that points back at a figure ("Where would I find that number?"): asked
only of an answer that gave one."""


PRESUMES: dict[str, re.Pattern[str]] = {
    SUCCESS: re.compile(
        r"\b(?:save[ds]?|savings|helped|improved(?! version)|improves?|improvement|"
        r"got better|it worked|change worked|keep working|held up|achieve[ds]?|"
        r"did it deliver|easier|proud(?:est)?|succe(?:ss|eded|ssful))\b",
        re.I,
    ),
    FAILURE: re.compile(
        r"\b(?:(?:it|that|this) (?:had )?failed|(?<!almost )went wrong|gone wrong|"
        r"the mistake|recover|put right|cleaned up|delay cost|being wrong|came back to bite|"
        r"fell short|the miss)\b",
        re.I,
    ),
}
"""How a follow-up takes the story to have ended, read from its wording: "How much time
did it save?" and "How has it held up?" take it to have worked; "How did you recover?"
takes it to have gone wrong. A question that asks ("Did the savings hold?" is read as
worked: there were savings; "Did it land?" is not) leaves the ending open."""


def presumes(follow_up: FollowUp) -> set[str]:
    return {ending for ending, pattern in PRESUMES.items() if pattern.search(follow_up.text)}


def ending_told(text: str) -> str | None:
    """How the answer says its story ended, success or failure, as the engine reads it
    (``scoring.extract_facts``: the outcome two tellings of a story are compared on);
    None when it says neither, or both without a turn."""
    outcome = extract_facts(text).outcome
    return outcome.value if outcome else None


def unfit(ending: str | None, failure_question: bool) -> set[str]:
    """The endings a follow-up must not take for granted after an answer that ended so.

    A story that failed is not asked what it saved; one that worked is not asked how it
    was put right. A failure question is the exception for the second: it asked for
    something that went wrong, so "How did you recover?" fits a story that ends well
    after the fall (and one spun into a success is what the interviewer probes)."""
    if ending == FAILURE:
        return {SUCCESS}
    if ending == SUCCESS and not failure_question:
        return {FAILURE}
    return set()


def told_ending(flags: set[str], ending: str | None) -> set[str]:
    """``flags`` without no-result when the answer says its story failed: "it did not
    work, and we rolled it back" is how it ended, so it is not asked how it turned out.
    Only a failure counts: the engine reads a success from figures that moved, which
    may be the problem's own ("precision dropped from 0.91 to 0.84"), not its result."""
    return flags - {"no-result"} if ending == FAILURE else flags


def holds(text: str, flags: set[str]) -> set[str]:
    """What the answer already tells, of the things a follow-up may ask for."""
    held = set()
    if quantities(fold(text)):
        held.add("figure")
    if "no-result" not in flags and text.strip():
        held.add("outcome")
    return held


def _pick(options: Sequence[FollowUp], salt: str) -> FollowUp:
    digest = hashlib.sha256(salt.encode("utf-8")).digest()
    return options[int.from_bytes(digest[:4], "big") % len(options)]


def _flags(text: str, principle: str, failure: bool) -> set[str]:
    answer = AnswerInput(round=1, principle=principle, text=text, failure=failure)
    return set(analyze_answer(answer).flag_names)


def gaps(text: str, principle: str, failure: bool = False) -> list[str]:
    """The follow-up kinds this answer calls for, most important first."""
    flags = _flags(text, principle, failure)
    return [kind for flag, kind in GAP_TO_KIND if flag in flags]


def choose_follow_ups(
    scripted: Sequence[FollowUp],
    generic: Sequence[FollowUp],
    text: str,
    principle: str,
    *,
    failure: bool = False,
    bar_raiser: bool = False,
    seed: int = 0,
) -> list[FollowUp]:
    """1 to 3 follow-ups (2 to 4, and deeper, for the Bar Raiser), by what ``text`` lacks."""
    salt = f"{seed}:{hashlib.sha256(text.encode('utf-8')).hexdigest()}"
    limit = MAX_BAR_RAISER if bar_raiser else MAX_FOLLOW_UPS
    ending = ending_told(text)
    flags = told_ending(_flags(text, principle, failure), ending)
    kinds = [kind for flag, kind in GAP_TO_KIND if flag in flags][:limit]
    # Never ask for what the answer holds, nor twice for the same thing.
    held = covered = holds(text, flags)
    # Nor take the story to have ended the other way from how the answer told it.
    wrong = unfit(ending, failure)

    def fresh(f: FollowUp) -> bool:
        return (
            f not in chosen
            and not asks_for(f) & covered
            and not presumes(f) & wrong
            and ("figure" in held or not _THAT_FIGURE.search(f.text))
        )

    if bar_raiser:
        # The Bar Raiser always digs: names, exact figures, what almost went wrong.
        kinds = [*kinds[: limit - 1], "depth"]
        while len(kinds) < MIN_BAR_RAISER:
            kinds.append("depth" if "judgement" in kinds else "judgement")
    elif not kinds:
        kinds = ["depth"]
    chosen: list[FollowUp] = []
    for n, kind in enumerate(kinds):
        own = [f for f in scripted if f.kind == kind and fresh(f)]
        pool = own or [f for f in generic if f.kind == kind and fresh(f)]
        if pool:
            pick = _pick(pool, f"{salt}:{n}:{kind}")
            chosen.append(pick)
            covered |= asks_for(pick)
    if not chosen:  # none of the kinds asked for could be asked: the script's first fit
        chosen = [f for f in scripted if fresh(f)][:1] or list(scripted[:1])
    return chosen
