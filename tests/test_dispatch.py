"""The first-letter rewrite of scoring's patterns finds exactly what the patterns as
written find: same matches, same spans, same groups, wherever the search starts.

A wrong rewrite would silently change flags, votes and contradictions, so every
rewritten pattern is checked against ``re.compile`` of its source on the
labelled answers and on text generated from the pattern's own words.
"""

from __future__ import annotations

import importlib
import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoring.dispatch import REWRITTEN, compile_dispatched
from scoring.text import fold, lower

for _module in ("scoring.engine", "loops.review.analysis", "loops.review.matching"):
    importlib.import_module(_module)  # every module whose patterns are rewritten

LABELLED = Path(__file__).parent / "labelled"


def _texts() -> list[str]:
    out: list[str] = []
    for name in ("answers.toml", "holdout_answers.toml"):
        data = tomllib.loads((LABELLED / name).read_text("utf-8"))
        out += [str(a["text"]) for a in data["answers"]]
    for name in ("pairs.toml", "holdout_pairs.toml"):
        data = tomllib.loads((LABELLED / name).read_text("utf-8"))
        out += [str(p[k]) for p in data["pairs"] for k in ("a_text", "b_text")]
    return out


TEXTS = _texts()
PATTERNS = sorted({source: compiled for source, compiled in REWRITTEN}.items())


def _found(rx: re.Pattern[str], text: str, pos: int = 0) -> list[tuple[object, ...]]:
    return [(m.span(), m.groups(), m.regs) for m in rx.finditer(text, pos)]


def _same(source: str, rewritten: re.Pattern[str], text: str) -> None:
    plain = re.compile(source)
    assert _found(rewritten, text) == _found(plain, text), source[:60]
    # Searches that start part-way, as the engine makes from a sentence's start.
    for pos in range(0, len(text), max(1, len(text) // 4)):
        assert _found(rewritten, text, pos) == _found(plain, text, pos), (source[:60], pos)
        a, b = rewritten.match(text, pos), plain.match(text, pos)
        assert (a and a.regs) == (b and b.regs), (source[:60], pos)


def test_most_patterns_are_rewritten() -> None:
    """The speed-up reaches the engine: if this Python's ``re`` internals changed,
    the rewrite falls back silently, and this says so."""
    assert len(PATTERNS) >= 40


@pytest.mark.parametrize(("source", "rewritten"), PATTERNS, ids=lambda v: str(v)[:30])
def test_rewrite_matches_exactly_on_labelled_answers(
    source: str, rewritten: re.Pattern[str]
) -> None:
    for text in TEXTS:
        folded = fold(text)
        _same(source, rewritten, folded)
        _same(source, rewritten, lower(folded))


def _vocabulary(source: str) -> list[str]:
    """The words and fragments a pattern is made of: text most likely to trip it."""
    return sorted(set(re.findall(r"[A-Za-z0-9']+", source.replace("\\b", " "))))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_rewrite_matches_exactly_on_generated_text(data: st.DataObject) -> None:
    source, rewritten = data.draw(st.sampled_from(PATTERNS))
    words = _vocabulary(source) or ["a"]
    pieces = st.one_of(
        st.sampled_from(words),
        st.sampled_from([" ", "  ", ". ", ", ", "\n", "-", "'", "by ", "the ", "x", "I "]),
        st.text(alphabet="abcdeiosty .I'", max_size=4),
    )
    text = "".join(data.draw(st.lists(pieces, max_size=40)))
    _same(source, rewritten, text)


@pytest.mark.parametrize(
    "source",
    [
        r"\b(?:cat|car)s?\b",
        r"\b(?:(?:the )?big|a) dog",
        r"\b(?:x|y)??z",
        r"\b(?:ab)?a",
        r"\b(?:ab)??a\w*",
        r"\b(?:ab|a)(?:c|bc)",
        r"(?<=\bby )(?:a|one) third|\bhalf\b",
        r"\b(?:[Aa]t|[Ww]ith)\s+(?P<name>[A-Z]\w*)",
        r"\b(?:in|is|it)\b",
    ],
)
def test_rewrite_of_small_patterns(source: str) -> None:
    """Shapes the rewrite handles: optional prefixes (greedy and lazy), sets of
    letters, look-behinds and named groups after the first letter."""
    rewritten = compile_dispatched(source)
    assert rewritten is not None
    texts = (
        "the big dog, a dog; cats car cars",
        "by a third, half, halve",
        "xz yz z",
        "at Acme with Bob at home",
        "in is it, it's tin",
        "aba ab a abc abbc",
    )
    for text in texts:
        _same(source, rewritten, text)


@pytest.mark.parametrize("source", [r"\w+ed", r"^foo|bar", r"\b(?P<g>ab|cd)", r"\b(?:ab|)"])
def test_shapes_it_cannot_rewrite_are_left_alone(source: str) -> None:
    """A leading class, an anchor, a capture group around the first letter, or an
    alternative that may be empty: compiled as written."""
    assert compile_dispatched(source) is None
