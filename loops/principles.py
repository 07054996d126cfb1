"""The 16 Leadership Principles, with the slugs used everywhere in mockloop.

The order is how often each is probed in engineering loops (most first);
``weight`` turns that into a drawing weight for the planner, and
``top_ten`` marks the principles a candidate must bank two stories for.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Principle:
    slug: str
    name: str
    meaning: str
    rank: int
    """1 is probed most often."""
    weight: float
    """Relative chance of being drawn for a loop, before level adjustments."""

    @property
    def top_ten(self) -> bool:
        return self.rank <= 10


def _p(rank: int, slug: str, name: str, weight: float, meaning: str) -> Principle:
    return Principle(slug=slug, name=name, meaning=meaning, rank=rank, weight=weight)


PRINCIPLES: tuple[Principle, ...] = (
    _p(
        1,
        "customer-obsession",
        "Customer Obsession",
        10.0,
        "Start from what the customer needs and work backwards, even when it costs you.",
    ),
    _p(
        2,
        "ownership",
        "Ownership",
        9.0,
        "Act for the whole, past your own remit, and never say 'not my job'.",
    ),
    _p(
        3,
        "bias-for-action",
        "Bias for Action",
        8.0,
        "Move quickly on reversible decisions; take calculated risks rather than wait.",
    ),
    _p(
        4,
        "dive-deep",
        "Dive Deep",
        7.5,
        "Stay close to the details, check the numbers, and find the root cause.",
    ),
    _p(
        5,
        "deliver-results",
        "Deliver Results",
        7.0,
        "Hit the outcomes that matter, on time, despite setbacks.",
    ),
    _p(
        6,
        "have-backbone",
        "Have Backbone; Disagree and Commit",
        6.5,
        "Challenge a decision with evidence, then commit fully once it is made.",
    ),
    _p(
        7,
        "earn-trust",
        "Earn Trust",
        6.0,
        "Listen, speak candidly, admit your mistakes, and treat others with respect.",
    ),
    _p(
        8,
        "insist-on-the-highest-standards",
        "Insist on the Highest Standards",
        5.0,
        "Raise the bar on quality and refuse to let defects travel downstream.",
    ),
    _p(
        9,
        "invent-and-simplify",
        "Invent and Simplify",
        5.0,
        "Look for new, simpler ways to solve a problem, wherever they come from.",
    ),
    _p(
        10,
        "learn-and-be-curious",
        "Learn and Be Curious",
        4.5,
        "Keep learning, own your failures, and change how you work because of them.",
    ),
    _p(
        11,
        "are-right-a-lot",
        "Are Right, A Lot",
        2.0,
        "Make sound calls with incomplete data, and seek views that could prove you wrong.",
    ),
    _p(
        12,
        "think-big",
        "Think Big",
        2.0,
        "Set a bold direction that others can rally around, beyond the next quarter.",
    ),
    _p(
        13,
        "frugality",
        "Frugality",
        1.5,
        "Get more done with less; constraints breed resourcefulness.",
    ),
    _p(
        14,
        "hire-and-develop-the-best",
        "Hire and Develop the Best",
        1.5,
        "Raise the bar with every hire and help the people around you grow.",
    ),
    _p(
        15,
        "best-employer",
        "Strive to be Earth's Best Employer",
        1.0,
        "Make the team a place where people are safe, supported and able to grow.",
    ),
    _p(
        16,
        "broad-responsibility",
        "Success and Scale Bring Broad Responsibility",
        1.0,
        "Weigh the wider effects of your work on users, colleagues and the world.",
    ),
)

BY_SLUG: dict[str, Principle] = {p.slug: p for p in PRINCIPLES}
SLUGS: tuple[str, ...] = tuple(p.slug for p in PRINCIPLES)
TOP_TEN: tuple[str, ...] = tuple(p.slug for p in PRINCIPLES if p.top_ten)


def principle(slug: str) -> Principle:
    """The principle for ``slug``; raises KeyError naming the bad slug."""
    try:
        return BY_SLUG[slug]
    except KeyError:
        raise KeyError(f"unknown principle {slug!r}") from None
