"""The pre-check read off each pattern never hides a match, and the first-letter
form of each pattern finds exactly what the pattern as written finds.

``Rx`` skips a pattern when the text holds none of the strings the pattern
cannot match without (``scoring.literals``). A wrong string there would
silently drop flags, votes and facts, as the hand-kept lists it replaced did
(a phrase added to a pattern but not to its list never matched). So every
pattern of the engine is run as written on the labelled answers and on text
made of its own words, and each match must hold one of its strings.
"""

from __future__ import annotations

import gc
import importlib
import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoring import AnswerInput, analyze_answer, extract_facts
from scoring.facts import _COMPANY, _COMPANY_SOURCE, _LEVEL_RES, _LEVELS
from scoring.literals import first_letter_form, required_literals
from scoring.text import _PRONOUN, _PRONOUN_SOURCE, Rx, ScanRx, fold, lower

for _module in ("scoring.engine", "loops.review.analysis", "loops.review.matching"):
    importlib.import_module(_module)  # every module that defines patterns

LABELLED = Path(__file__).parent / "labelled"
PATTERNS = sorted(
    {o.source: o for o in gc.get_objects() if isinstance(o, Rx)}.items(), key=lambda kv: kv[0]
)


def _texts() -> list[str]:
    out: list[str] = []
    for name in ("answers.toml", "holdout_answers.toml"):
        data = tomllib.loads((LABELLED / name).read_text("utf-8"))
        out += [fold(str(a["text"])) for a in data["answers"]]
    for name in ("pairs.toml", "holdout_pairs.toml"):
        data = tomllib.loads((LABELLED / name).read_text("utf-8"))
        out += [fold(str(p[k])) for p in data["pairs"] for k in ("a_text", "b_text")]
    return out


FOLDED = _texts()
TEXTS = [lower(t) for t in FOLDED]


def _holds_a_need(rx: Rx, text: str) -> None:
    for m in re.compile(rx.source).finditer(text):
        assert any(n in text for n in rx.needs), (rx.source[:60], m.group())


def test_most_patterns_get_a_pre_check() -> None:
    assert len(PATTERNS) >= 60
    assert sum(1 for _, rx in PATTERNS if rx.needs) >= 50


@pytest.mark.parametrize(("source", "rx"), PATTERNS, ids=lambda v: str(v)[:30])
def test_every_match_on_labelled_answers_holds_a_needed_string(source: str, rx: Rx) -> None:
    if not rx.needs:
        return
    for text in TEXTS:
        _holds_a_need(rx, text)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_match_on_generated_text_holds_a_needed_string(data: st.DataObject) -> None:
    _, rx = data.draw(st.sampled_from([p for p in PATTERNS if p[1].needs]))
    words = sorted(set(re.findall(r"[a-z0-9']+", rx.source.replace("\\b", " ")))) or ["a"]
    pieces = st.one_of(
        st.sampled_from(words),
        st.sampled_from([" ", "  ", ". ", ", ", "\n", "-", "'", "by ", "the ", "i ", "1"]),
        st.text(alphabet="abcdeiosty .'", max_size=4),
    )
    _holds_a_need(rx, "".join(data.draw(st.lists(pieces, max_size=40))))


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"\b(?:late nights?|all-nighters?)\b", ("all-nighter", "late night")),
        (r"\bi\s+(?:had\s+)?(?:proposed|pitched)", ("pitched", "proposed")),
        (r"(?<=\bby )(?:a|one) third|\bhalf\b", (" third", "half")),
        (r"\bwe (?:missed|blew) (?:the|our) deadline", (" deadline",)),
        (r"\b(?:ab|)", ()),  # an empty alternative: anything matches
        (r"\w+ed", ()),  # no literal of three letters
        (r"(?i:kelvin)", ()),  # case folding inside: 'k' matches the Kelvin sign
        (r"\b(?:cut|cuts|cutting)\b", ("cut",)),  # 'cut' is in the others
    ],
)
def test_needed_strings_of_small_patterns(pattern: str, needs: tuple[str, ...]) -> None:
    assert required_literals(pattern) == needs


def test_a_phrase_missing_from_a_hand_kept_list_is_found_now() -> None:
    """'Saturdays' and 'Sundays' were in the effort pattern but not in its hand-kept
    list of needed words, so weekends of overtime named by the day went unflagged."""
    text = (
        "At a logistics company I owned the billing export. It broke before a customer "
        "audit. I worked through Saturdays for a month, and I spent my Sundays rewriting "
        "the export too. We shipped it and the audit passed. I learned to test the export "
        "with real data."
    )
    flags = analyze_answer(AnswerInput(1, "deliver-results", text)).flag_names
    assert "effort-only" in flags


def test_owning_a_mistake_is_not_claiming_the_idea() -> None:
    """'That was my fault' says who erred, not whose idea the work was. The hand-kept
    list hid this over-broad branch unless 'idea' or 'mine' appeared elsewhere."""
    facts = extract_facts("The rollout broke checkout. That was my fault: I skipped the test.")
    assert not facts.of("started")
    facts = extract_facts("The migration was my idea from the start.")
    assert [f.value for f in facts.of("started")] == ["candidate"]


# --- the first-letter form -----------------------------------------------------------

REWRITTEN = [(source, rx.rx) for source, rx in PATTERNS if rx.rx.pattern != source]


def _found(rx: re.Pattern[str], text: str, pos: int = 0) -> list[tuple[object, ...]]:
    return [(m.span(), m.regs) for m in rx.finditer(text, pos)]


def _same(source: str, rewritten: re.Pattern[str], text: str) -> None:
    plain = re.compile(source)
    assert _found(rewritten, text) == _found(plain, text), source[:60]
    # Searches that start part-way, as the engine makes from a sentence's start.
    for pos in range(0, len(text), max(1, len(text) // 4)):
        assert _found(rewritten, text, pos) == _found(plain, text, pos), (source[:60], pos)
        a, b = rewritten.match(text, pos), plain.match(text, pos)
        assert (a and a.regs) == (b and b.regs), (source[:60], pos)


def test_most_patterns_are_rewritten() -> None:
    assert len(REWRITTEN) >= 60
    assert _PRONOUN.pattern.startswith("I(?<=")  # a case-sensitive one too


@pytest.mark.parametrize(("source", "rewritten"), REWRITTEN, ids=lambda v: str(v)[:30])
def test_first_letter_form_matches_exactly_on_labelled_answers(
    source: str, rewritten: re.Pattern[str]
) -> None:
    for text in TEXTS:
        _same(source, rewritten, text)


@pytest.mark.parametrize(
    ("source", "compiled"),
    [
        (_PRONOUN_SOURCE, _PRONOUN),
        (_COMPANY_SOURCE, _COMPANY),
        *((source, rx) for (source, _), (rx, _) in zip(_LEVELS, _LEVEL_RES, strict=True)),
    ],
    ids=["pronouns", "company", *(f"level {value}" for _, value in _LEVELS)],
)
def test_case_sensitive_patterns_match_exactly_on_labelled_answers(
    source: str, compiled: re.Pattern[str]
) -> None:
    assert compiled.pattern != source
    for text in FOLDED:
        _same(source, compiled, text)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_first_letter_form_matches_exactly_on_generated_text(data: st.DataObject) -> None:
    source, rewritten = data.draw(st.sampled_from(REWRITTEN))
    words = sorted(set(re.findall(r"[a-z0-9']+", source.replace("\\b", " ")))) or ["a"]
    pieces = st.one_of(
        st.sampled_from(words),
        st.sampled_from([" ", "  ", ". ", ", ", "\n", "-", "'", "by ", "the ", "x", "i "]),
        st.text(alphabet="abcdeiosty .'", max_size=4),
    )
    _same(source, rewritten, "".join(data.draw(st.lists(pieces, max_size=40))))


@pytest.mark.parametrize(
    "source",
    [
        r"\b(?:cat|car)s?\b",
        r"\b(?:(?:the )?big|a) dog",
        r"\b(?:x|y)??z",
        r"\b(?:ab)?a",
        r"\b(?:ab|a)(?:c|bc)",
        r"(?<=\bby )(?:a|one) third|\bhalf\b",
        r"\b(?:[Aa]t|[Ww]ith)\s+(?P<name>[A-Z]\w*)",
        r"\b(?:in|is|it)\b",
        r"\bbig|^a big|(?<=[.!?] )a big",
    ],
)
def test_first_letter_form_of_small_patterns(source: str) -> None:
    """Shapes it handles: optional prefixes (greedy and lazy), sets of letters,
    look-behinds, a start anchor, and a capture after a leading group (the group
    regrouped alone)."""
    form = first_letter_form(source)
    assert form is not None
    rewritten = re.compile(form)
    texts = (
        "the big dog, a dog; cats car cars",
        "by a third, half, halve",
        "xz yz z",
        "at Acme With Bob at home",
        "in is it, it's tin",
        "aba ab a abc abbc",
        "a big one. a big two, big",
    )
    for text in texts:
        _same(source, rewritten, text)


@pytest.mark.parametrize("source", [r"\w+ed", r"^foo|bar", r"\b(?P<g>ab|cd)", r"\b(?:ab|)"])
def test_shapes_it_cannot_regroup_are_left_alone(source: str) -> None:
    """A leading class, an anchored pattern, a capture around the first letter, or an
    alternative that may be empty: not regrouped."""
    assert first_letter_form(source) is None


# --- patterns found through faster ones (ScanRx) ----------------------------------------

SCANNED = [(source, rx) for source, rx in PATTERNS if isinstance(rx, ScanRx)]


def _same_scan(rx: ScanRx, text: str) -> None:
    """``rx`` finds, from any start, the spans and groups its pattern as written finds."""
    plain = re.compile(rx.source)
    for pos in (0, *range(1, len(text), max(1, len(text) // 4))):
        got = [(m.span(), m.regs) for m in rx.finditer(text, pos)]
        assert got == _found(plain, text, pos), (rx.source[:60], pos)


def test_the_scanned_patterns_have_finders() -> None:
    """The own-team pattern through its alternatives apart, the measure names through
    the pattern without its named groups."""
    assert len(SCANNED) >= 2
    assert all(rx.finders for _, rx in SCANNED)
    assert {len(rx.finders) for _, rx in SCANNED} > {1}


@pytest.mark.parametrize(("source", "rx"), SCANNED, ids=lambda v: str(v)[:30])
def test_scanned_patterns_match_exactly_on_labelled_answers(source: str, rx: ScanRx) -> None:
    for text in TEXTS:
        _same_scan(rx, text)
        # Windows of a few words, as the measure names are looked for.
        for start in range(0, len(text), 53):
            _same_scan(rx, text[start : start + 70])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_scanned_patterns_match_exactly_on_generated_text(data: st.DataObject) -> None:
    _, rx = data.draw(st.sampled_from(SCANNED))
    words = sorted(set(re.findall(r"[a-z0-9']+", rx.source.replace("\\b", " ")))) or ["a"]
    pieces = st.one_of(
        st.sampled_from(words),
        st.sampled_from([" ", "  ", ". ", ", ", "\n", "- ", "'", "i was ", "my ", "the ", "x"]),
        st.text(alphabet="abcdeiosty .'\n9", max_size=4),
    )
    _same_scan(rx, "".join(data.draw(st.lists(pieces, max_size=40))))


@pytest.mark.parametrize(
    ("source", "finders"),
    [
        (r"\bteam\b|^my \w+|\nthe (?P<name>\w+) org", 3),  # alternatives apart
        (r"\b(?:(?P<a>ab|ac)|(?P<b>b\w+)|(?P<c>p\s?99))\b", 1),  # without its groups
        (r"x*|^a|\nb", 3),  # empty matches: finditer's own rules from the first one
        (r"(?P<a>x)|(?P=a)y", 0),  # a reference to a group: run as written
    ],
)
def test_scanned_small_patterns(source: str, finders: int) -> None:
    rx = ScanRx(source)
    assert len(rx.finders) == finders
    for text in ("my team, the team\nthe big org", "xxa\nb a\nbx", "xxy team x", "", "ab p 99 bcd"):
        _same_scan(rx, text)
