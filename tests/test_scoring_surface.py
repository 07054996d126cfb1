"""Story evidence quotes a shared stem or phrase as the telling said it ('entries' for
'entry', 'odds-service rollout' for 'odds servic rollout'). ``surface`` finds those words
without compiling a pattern per term in ASCII text; what it finds must be what the
pattern finds, or the evidence shown under a retelling would change."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoring.similarity import surface


def _by_pattern(text: str, term: str) -> str | None:
    """``surface`` as the pattern says it (the way taken for any text)."""
    parts = [
        re.escape(p[:-1] if len(p) > 3 and p.endswith("y") else p) + r"[\w'\-]*"
        for p in term.split(" ")
    ]
    found = re.search(r"\b" + r"\W+".join(parts), text, re.IGNORECASE)
    return found.group() if found else None


@pytest.mark.parametrize(
    ("text", "term", "said"),
    [
        ("We cut the Entries by half.", "entry", "Entries"),
        ("the odds-service rollout went out", "odds servic", "odds-service"),
        ("rolled back the odds - service, then", "odds servic", "odds - service"),
        ("Dr Okafor's team; Okafor agreed", "okafor", "Okafor's"),
        ("ab-cd-ef gh", "ab ef", "ab-cd-ef"),  # a hyphen given back to the gap
        ("no such words here", "replica lag", None),
        ("xreplica lag, then replica lag", "replica lag", "replica lag"),  # a word's start
    ],
)
def test_surface_quotes_what_the_telling_said(text: str, term: str, said: str | None) -> None:
    assert surface(text, term) == said == _by_pattern(text, term)


WORDS = ["ab", "abc", "odds", "servic", "service", "entry", "entries", "rol", "roll", "x1"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pieces=st.lists(
        st.one_of(
            st.sampled_from(WORDS),
            st.sampled_from([" ", "  ", "-", "'", " - ", "'s", ".", ", ", "_", "\n"]),
            st.text(alphabet="abcdeorsvy-' .", max_size=5),
        ),
        max_size=30,
    ),
    term=st.lists(st.sampled_from([*WORDS, "o'br", "ab-c", "cd"]), min_size=1, max_size=3),
    upper=st.booleans(),
)
def test_surface_finds_what_its_pattern_finds(
    pieces: list[str], term: list[str], upper: bool
) -> None:
    text = "".join(pieces)
    text = text.upper() if upper else text
    assert surface(text, " ".join(term)) == _by_pattern(text, " ".join(term))
