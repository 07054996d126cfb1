"""When in the year a date puts a story: the months each way of dating it allows.

Tellings date one story in different words: 'January 2020', 'the run-up to
Christmas', 'that heatwave summer', 'in Q2'. Each names a window of months, and
two tellings of one story whose windows lie apart (after a margin for words
whose edges are loose) cannot both be right. This module holds only the calendar
knowledge; ``scoring.facts`` decides which dates are the story's.

Seasons and weather turn over south of the equator, so a window read from them
is sure only when neither telling places the story in the southern hemisphere.
"""

from __future__ import annotations

import re

MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip

SEASON_MONTHS = {
    "spring": frozenset({3, 4, 5}),
    "summer": frozenset({6, 7, 8}),
    "autumn": frozenset({9, 10, 11}),
    "winter": frozenset({12, 1, 2}),
}
"""Northern meteorological seasons; loose at their edges ('late autumn' is December to some)."""

QUARTER_MONTHS = {
    "1": frozenset({1, 2, 3}), "2": frozenset({4, 5, 6}), "3": frozenset({7, 8, 9}),
    "4": frozenset({10, 11, 12}),
}  # fmt: skip

EVENT_MONTHS = {
    "easter": frozenset({3, 4}),
    "new year": frozenset({12, 1}),
    "holiday season": frozenset({11, 12}),
    "heatwave": frozenset({5, 6, 7, 8, 9}),
}
"""Dates said by an event with no fixed month: Easter moves between March and April; a
heatwave falls in the warm months (of the north)."""

WEATHER = frozenset({"heatwave"})
"""Events that date by climate, which turns over with the hemisphere, as seasons do."""

SOUTHERN = re.compile(
    r"\b(?:Australia|Australian|Sydney|Melbourne|Brisbane|Perth|Adelaide|Queensland|"
    r"Tasmania|Gippsland|New Zealand|Auckland|Wellington|Christchurch|South Africa|"
    r"Johannesburg|Cape Town|Durban|Pretoria|Brazil|Brazilian|S[aã]o Paulo|Rio de Janeiro|"
    r"Argentina|Buenos Aires|Chile|Santiago|Uruguay|Montevideo|Peru|Lima|Namibia|Botswana|"
    r"Zimbabwe|Mozambique|Madagascar|Paraguay|Bolivia)\b"
)
"""Places south of the equator, where December is summer."""


def month_number(name: str) -> int:
    """1 for 'january' ... 12 for 'december'."""
    return MONTHS.index(name) + 1


def arc(months: frozenset[int]) -> int:
    """How many months the shortest stretch of the year holding all of ``months`` covers
    (the year wraps: {12, 1} covers two)."""
    if not months:
        return 0
    best = 12
    for start in months:
        # The stretch that starts at ``start`` and runs forward to the last month it needs.
        reach = max((m - start) % 12 for m in months)
        best = min(best, reach + 1)
    return best


def gap(a: frozenset[int], b: frozenset[int]) -> int:
    """Months strictly between the nearest members of two windows (0 when they touch or
    overlap; the year wraps)."""
    if a & b:
        return 0
    return min(min((x - y) % 12, (y - x) % 12) for x in a for y in b) - 1
