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
from collections.abc import Sequence

from loops.bank import FollowUp
from scoring.engine import analyze_answer
from scoring.model import AnswerInput

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


def _pick(options: Sequence[FollowUp], salt: str) -> FollowUp:
    digest = hashlib.sha256(salt.encode("utf-8")).digest()
    return options[int.from_bytes(digest[:4], "big") % len(options)]


def gaps(text: str, principle: str, failure: bool = False) -> list[str]:
    """The follow-up kinds this answer calls for, most important first."""
    flags = set(
        analyze_answer(
            AnswerInput(round=1, principle=principle, text=text, failure=failure)
        ).flag_names
    )
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
    kinds = gaps(text, principle, failure)[:limit]
    if bar_raiser:
        # The Bar Raiser always digs: names, exact figures, what almost went wrong.
        kinds = [*kinds[: limit - 1], "depth"]
        while len(kinds) < MIN_BAR_RAISER:
            kinds.append("depth" if "judgement" in kinds else "judgement")
    elif not kinds:
        kinds = ["depth"]
    chosen: list[FollowUp] = []
    for n, kind in enumerate(kinds):
        own = [f for f in scripted if f.kind == kind and f not in chosen]
        pool = own or [f for f in generic if f.kind == kind and f not in chosen]
        if pool:
            chosen.append(_pick(pool, f"{salt}:{n}:{kind}"))
    if not chosen:  # a script with none of the kinds asked for: ask its first line
        chosen = list(scripted[:1])
    return chosen
