"""The engine's fast text paths give exactly what the plain versions give."""

from __future__ import annotations

import random
import re

import pytest

from scoring.document import Document
from scoring.similarity import _SUFFIXES, stem
from scoring.text import _ASCII_LOWER, _FOLD, _PROPER, Rx, fold, lower, proper_names, quantities


def _texts(alphabet: str, count: int = 3000, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(count)]


def test_fold_and_lower_match_translate() -> None:
    for text in _texts("abXY İıéÉß’‘“”–—'\"-\U0001f600KkΣς"):
        assert fold(text) == text.translate(_FOLD)
        assert lower(text) == text.translate(_ASCII_LOWER)


def test_proper_names_match_the_pattern() -> None:
    texts = _texts("aBcDeXyZ _.!?\n\t\u00a0É1é-'McAPI", count=5000)
    texts.append("At Kestrel Freight I was an SDE II. Nobody asked. We used AWS and eBay's API.")
    for text in texts:
        assert proper_names(text) == [m.group(1) for m in _PROPER.finditer(text)]


def _stem_in_order(word: str) -> str:
    w = word
    if len(w) <= 4:
        return w
    for suffix, repl in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + repl
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


def test_stem_tries_suffixes_in_order() -> None:
    rng = random.Random(3)
    endings = [s for s, _ in _SUFFIXES] + ["e", ""]
    for _ in range(5000):
        word = "".join(rng.choice("abdeilnstyz") for _ in range(rng.randint(0, 6)))
        word += rng.choice(endings)
        assert stem(word) == _stem_in_order(word)


def test_rx_finds_what_the_lower_cased_pattern_finds() -> None:
    """Lower-casing the text and the pattern, and the pre-check of the words the
    pattern needs, change nothing about what is found, in a text or a document."""
    pattern = r"\bI (?:would|will)\b|\bwhat I do\b|\b(?:usually|typically),? I\b"
    rx = Rx(pattern)
    assert rx.needs  # the pre-check is made: every match holds one of these
    plain = re.compile(pattern.lower())
    text = "Usually I ask. What I do is simple: I would check, and I will ship. whatI do"
    want = [m.span() for m in plain.finditer(lower(text))]
    assert [m.span() for m in rx.finditer(text)] == want
    assert [m.span() for m in rx.finditer(Document(text))] == want
    assert rx.search(Document("Nothing here says it.")) is None


@pytest.mark.parametrize(
    "text",
    [
        "We fixed an N+1 query in the orders page.",
        "The JSON library now validated UTF-8 on every parse.",
        "Day-7 retention was the number the team watched.",
        "Seven of the last ten severity-2 incidents came from one service.",
    ],
)
def test_a_number_that_is_part_of_a_name_is_not_a_figure(text: str) -> None:
    """'N+1', 'UTF-8', 'day-7', 'severity-2' name a thing: no metric, no detail."""
    assert [q.text for q in quantities(text) if q.text[0].isdigit()] == []


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Drops on sub-1 Mbps connections fell by half.", "1 Mbps"),
        ("Conversion went +15% after the change.", "15%"),
        ("Our top-3 customers renewed.", "3 customers"),
        ("Latency fell from 900 ms to 120 ms.", "120 ms"),
    ],
)
def test_figures_next_to_a_sign_or_a_bound_are_still_figures(text: str, figure: str) -> None:
    assert figure in [q.text for q in quantities(text) if q.kind == "number"]
