"""Text primitives shared by flags, votes, facts and similarity.

Offsets always refer to the caller's original string, so every quote the
engine shows can be located in the answer. Curly apostrophes are folded to
straight ones by a same-length substitution for that reason.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from scoring.literals import (
    first_char_check,
    first_letter_form,
    required_literals,
    top_level_branches,
    without_captures,
)
from scoring.wording import word_count as _word_count

if TYPE_CHECKING:
    from scoring.document import Document

_FOLD_PAIRS = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"))
_FOLD = str.maketrans(dict(_FOLD_PAIRS))


_WRAPPED = re.compile(r"(?m)^([^\n]{50,}[\w,;'%)\]])\n(?=[a-z0-9(\"'])")
"""A line broken inside a sentence: prose pasted from an editor that wraps at a width."""


def fold(text: str) -> str:
    """Normalise quotes and dashes without changing the length (offsets stay valid); a
    long line broken mid-sentence ("...walked me round the site and said,\nwhy can't we")
    is joined with a space, so a clause is read across the break."""
    if "\n" in text:
        text = _WRAPPED.sub(r"\1 ", text)
    if text.isascii():
        return text  # nothing to fold
    # One-character swaps, so six C-level replaces give what str.translate gives, faster.
    for curly, straight in _FOLD_PAIRS:
        text = text.replace(curly, straight)
    return text


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def lower(text: str) -> str:
    """ASCII lower-casing: same length as ``text``, so offsets carry over."""
    if text.isascii():
        return text.lower()  # the same result, several times faster
    # bytes.lower() touches only A-Z; UTF-8 bytes of other characters are all >= 0x80.
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


def compile_first_letters(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled in its first-letter form (``scoring.literals``): the same
    matches, found several times faster when the pattern starts with a word boundary.
    Case-sensitive patterns only: with IGNORECASE two first letters can match at once."""
    form = first_letter_form(pattern)
    if form is None:
        # No regrouping (a capture leads an alternative, a '\\d+'...): a check of the
        # first character still lets the engine pass over the rest at once.
        check = first_char_check(pattern)
        form = None if check is None else check + pattern
    if form is not None:
        try:
            return re.compile(form)
        except re.error:  # a shape the rewrite got wrong: keep the pattern as written
            pass
    return re.compile(pattern)


class Rx:
    """A case-insensitive pattern that runs on lower-cased text.

    Python's ``re`` with IGNORECASE is four to six times slower on long
    alternations; lower-casing the text once (a document keeps its lower-cased
    text) and the pattern at compile time gives the same matches at the speed
    the budget needs. Offsets are the caller's, since lower-casing keeps the
    length. Before running, it checks that the text holds one of the strings
    the pattern cannot match without (``needs``, read off the pattern by
    ``scoring.literals``): most patterns find nothing in most answers.
    """

    __slots__ = ("needs", "pattern", "rx", "source")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        low = pattern.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")
        self.source = low
        """The lower-case pattern, as written."""
        self.rx = compile_first_letters(low)
        """``source`` compiled, written to start with its first letters where it can be."""
        self.needs = tuple(sorted(required_literals(low), key=len))
        """Lower-case strings one of which every match contains: a cheap pre-check. The
        shortest first: a text more often holds a short one, and the check stops there."""

    def _lowered(self, text: str | Document) -> str | None:
        """``text`` lower-cased, or None when it holds none of ``needs`` (no match)."""
        if isinstance(text, str):
            # A clause or a question: running the pattern costs less than the check.
            return lower(text)
        low = text.lower
        if self.needs:
            present = text.holds.get(self)
            if present is None:
                present = text.holds[self] = any(map(low.__contains__, self.needs))
            if not present:
                return None
        return low

    def search(
        self, text: str | Document, pos: int = 0, endpos: int | None = None
    ) -> re.Match[str] | None:
        if pos == 0 and endpos is None and not isinstance(text, str):
            # The first match in a whole answer: flags, votes and signals all ask.
            first = text.first
            if self in first:
                return first[self]
            low = self._lowered(text)
            found = first[self] = None if low is None else self.rx.search(low)
            return found
        low = self._lowered(text)
        if low is None:
            return None
        return self.rx.search(low, pos, len(low) if endpos is None else endpos)

    def match(self, text: str | Document, pos: int = 0) -> re.Match[str] | None:
        low = self._lowered(text)
        return None if low is None else self.rx.match(low, pos)

    def finditer(
        self, text: str | Document, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        low = self._lowered(text)
        if low is None:
            return iter(())
        return self.rx.finditer(low, pos, len(low) if endpos is None else endpos)


class ScanRx(Rx):
    """An ``Rx`` found through faster patterns, then run whole where they say it matches.

    Some patterns cannot be written to start with their first letters, so the engine
    tries them at every character of a text: one with named groups inside its leading
    alternation (a capture cannot be written twice), or one with an alternative that
    starts a line ('(?:^|\\n)...'). Two kinds of finder can: the pattern without its
    captures (the same matches, no groups), or each top-level alternative alone. The
    nearest place a finder matches is where the whole pattern first matches (an
    alternation matches wherever one of its alternatives does), and the whole pattern
    is run there alone, so every match, span and group is the pattern's own. Only
    ``finditer`` scans this way; with no finder it runs as written.
    """

    __slots__ = ("finders",)

    def __init__(self, pattern: str) -> None:
        super().__init__(pattern)
        self.finders = _finders(self.source)
        """Patterns whose matches start where ``source``'s do, each quick to search."""

    def finditer(
        self, text: str | Document, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        low = self._lowered(text)
        if low is None:
            return iter(())
        end = len(low) if endpos is None else endpos
        if not self.finders:
            return self.rx.finditer(low, pos, end)
        return self._scan(low, pos, end)

    def _scan(self, low: str, pos: int, end: int) -> Iterator[re.Match[str]]:
        none = end + 1  # no match left

        def start(finder: re.Pattern[str], at: int) -> int:
            m = finder.search(low, at, end)
            return none if m is None else m.start()

        # Where each finder next matches: still right after a match that ends before
        # it, so only the ones it passed are searched again.
        starts = [start(f, pos) for f in self.finders]
        while (at := min(starts)) != none:
            m = self.rx.match(low, at, end)
            if m is None or m.end() == at:
                # An empty match (or a form that disagrees): from here, finditer's own
                # rules, which the scan does not repeat.
                yield from self.rx.finditer(low, at, end)
                return
            yield m
            pos = m.end()
            starts = [
                s if s >= pos else start(f, pos) for f, s in zip(self.finders, starts, strict=True)
            ]


class TriedAt:
    """A case-sensitive pattern tried only where one of its matches can start.

    A pattern whose alternatives start with a look-behind, a '^' or a character class
    ('[Aa]t') gets no first-character shortcut from ``re``, nor from the first-letter
    rewrite (``scoring.literals``): ``finditer`` tries every alternative at every
    character of the text. ``finder`` is a pattern of one character each match, found
    fast since it starts with a class, that matches wherever a match of ``rx`` can start
    (at its character, or just after it when that character is one of ``after``: a
    sentence mark before a line of nouns); ``rx`` is run there alone, and at offset 0
    ('^'). The finder may match where ``rx`` does not, never the other way round, so
    the matches, spans and groups are the ones ``rx.finditer`` gives, in order. ``rx``
    must not match an empty string: ``finditer``'s rule for empty matches is not
    repeated here.
    """

    __slots__ = ("after", "finder", "rx")

    def __init__(self, rx: re.Pattern[str], finder: str, after: str) -> None:
        self.rx = rx
        self.finder = re.compile(finder)
        self.after = after

    @property
    def pattern(self) -> str:
        return self.rx.pattern

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        match, after = self.rx.match, self.after
        pos = 0  # where the last match ended: the next starts there or later
        m = match(text, 0)
        if m is not None:
            yield m
            pos = m.end()
        tried = 0
        for f in self.finder.finditer(text):
            at = f.start()
            if text[at] in after:
                at += 1
            if at < pos or at <= tried:
                continue
            tried = at
            m = match(text, at)
            if m is not None:
                yield m
                pos = m.end()


def _finders(source: str) -> tuple[re.Pattern[str], ...]:
    """For ``ScanRx``: ``source`` without its captures in first-letter form, else each
    top-level alternative in its own; () when neither can be made."""
    twin = without_captures(source)
    form = first_letter_form(twin) if twin is not None and twin != source else None
    try:
        if form is not None:
            return (re.compile(form),)
        finders = tuple(compile_first_letters(p) for p in top_level_branches(source) or [])
    except re.error:  # a reference to a group of another alternative
        return ()
    return finders if len(finders) > 1 else ()


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


_SENTENCE_END = re.compile(r"[.!?][\"')]*\s+|\n+")
"""A sentence mark and the space after it, or a line break.

The mark is matched rather than looked behind for, so the engine can skip
straight to the next '.', '!', '?' or newline; the sentence ends after the mark.
"""


def sentences(text: str) -> list[Span]:
    """The sentences of ``text`` (a ``Document`` keeps its own: ``doc.sentences``)."""
    return list(split_sentences(text))


def split_sentences(text: str) -> tuple[Span, ...]:
    """Split into sentences with offsets; a decimal point or 'e.g.' does not end one."""
    out: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start()
        if text[end] != "\n":
            end += 1  # keep the mark in the sentence
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append(Span(start + lead, end, piece.strip()))
        start = match.end()
    piece = text[start:]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        out.append(Span(start + lead, start + lead + len(piece.strip()), piece.strip()))
    return tuple(out)


WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'_\-]*")


def word_count(text: str) -> int:
    """See ``scoring.wording.word_count``: the one rule for counting words."""
    return _word_count(text)


# --- first-person counts -------------------------------------------------

_SINGULAR_FORMS = frozenset(
    ("I", "me", "Me", "ME", "my", "My", "MY", "mine", "Mine", "myself", "Myself")
)
_PRONOUN_SOURCE = (
    r"\b(?:I|me|Me|ME|my|My|MY|mine|Mine|myself|Myself"
    r"|[Ww]e|WE|us|Us|our|Our|OUR|ours|Ours|ourselves|Ourselves)\b"
)
_PRONOUN = compile_first_letters(_PRONOUN_SOURCE)
"""First-person forms, singular and plural: one pass finds both kinds."""
_ROMAN_I = re.compile(r"(?:SDE|Engineer|Level|Phase|Tier|Type|Grade|Part|Step|Stage)\s+$")


def find_pronouns(text: str) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """(singular, plural) first-person forms, as a ``Document`` keeps them.

    Singular: 'I', 'me', 'my'... as pronouns ('SDE I', a level, is not the
    candidate). Plural: 'we', 'us', 'our'... ('US', the country, is written in
    capitals and skipped).
    """
    singular: list[Span] = []
    plural: list[Span] = []
    for m in _PRONOUN.finditer(text):
        said = m.group()
        if said not in _SINGULAR_FORMS:
            plural.append(Span(m.start(), m.end(), said))
            continue
        if said == "I" and _ROMAN_I.search(text, max(0, m.start() - 12), m.start()):
            continue
        if said == "I" and text[m.end() : m.end() + 1] in ("/", "-") and m.end() < len(text):
            # "I/O", "I-95": not a pronoun.
            nxt = text[m.end() + 1 : m.end() + 2]
            if nxt.isalpha():
                continue
        singular.append(Span(m.start(), m.end(), said))
    return tuple(singular), tuple(plural)


# --- names ---------------------------------------------------------------

_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+[A-Z]\w*|[A-Z]{2,}\w*|[A-Z][a-z]{2,})\b")
_CAPITALISED = re.compile(r"[A-Z](?:[a-z]+[A-Z]\w*|[A-Z]+\w*|[a-z]{2,})\b")
"""``_PROPER`` without its leading checks, so the engine jumps from capital to capital."""


def proper_names(text: str) -> list[str]:
    """What ``_PROPER.finditer`` finds (group 1), found several times faster.

    A match of either pattern runs to the end of its word, so no match can start
    inside a rejected one; the checks ``_PROPER`` makes before its first letter
    (a word start, not the text's start, not after a sentence end) are made here.
    """
    out: list[str] = []
    for m in _CAPITALISED.finditer(text):
        p = m.start()
        if p == 0:
            continue
        before = text[p - 1]
        if before.isalnum() or before == "_":
            continue  # not a word start
        if p >= 2 and before.isspace() and text[p - 2] in ".!?":
            continue  # a sentence's first word
        out.append(m.group())
    return out


# --- numbers ---------------------------------------------------------------

NUMBER_WORDS: dict[str, float] = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "hundreds": 100,
    "thousand": 1000,
    "thousands": 1000,
    "million": 1e6,
    "millions": 1e6,
    "billion": 1e9,
    "dozen": 12,
    "dozens": 12,
}

MULTIPLIER_WORDS: dict[str, float] = {
    "halved": 0.5,
    "doubled": 2,
    "tripled": 3,
    "quadrupled": 4,
    "tenfold": 10,
    "twofold": 2,
    "threefold": 3,
}

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)

NUMERAL = re.compile(
    # Not after "letter+" or "letter-": "N+1 queries", "UTF-8", "day-7 retention",
    # "severity-2" name a thing; the number is part of its name, not a figure. A
    # bound said with a prefix ("sub-1 Mbps", "top-3", "under-5s") is still a figure.
    r"(?=[$€£\d])(?<![\w.$€£])"
    r"(?:(?<![A-Za-z][+\-])|(?<=\b[Ss]ub-)|(?<=\b[Tt]op-)|(?<=\b[Uu]nder-)|(?<=\b[Oo]ver-))"
    r"(?P<cur>[$€£])?\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<suffix>(?:\s|-)?(?:%|percent\b|per\s?cent\b|x\b|×|k\b|K\b|M\b|m\b|bn\b|B\b|ms\b|s\b|"
    r"sec\b|secs\b|h\b|hrs?\b|min\b|mins\b|[a-zA-Z]+))?"
)
_WORD_QUANTITY = Rx(
    r"\b(?:"
    + "|".join(MULTIPLIER_WORDS)
    + r"|(?:twice|(?:two|three|four|five|ten)\s+times)(?=\s+(?:as|faster|more|less|slower|"
    r"cheaper|bigger|smaller|the|fewer|higher|lower))"
    r"|(?:by|in) half|half (?:as|the)(?!\s+(?:year|quarter|day|way|time|team))"
    r"|zero"
    # "cut the bill by roughly a third": a fraction said in words after a change.
    r"|(?<=\bby )(?:(?:about|roughly|around|nearly|almost|over|more than|close to) )?"
    r"(?:a|one|two|three) (?:thirds?|quarters?|fifths?|tenths?)"
    # "in under a minute", "within an hour", "less than a day": a bound said in words.
    r"|(?<=\bunder )an? (?:second|minute|hour|day|week)"
    r"|(?<=\bwithin )an? (?:second|minute|hour|day|week)"
    r"|(?<=\bthan )an? (?:second|minute|hour|day|week)"
    # "Dock-to-stock dropped to roughly a day": where a change arrived, said in words.
    r"|(?<=\bto )an? (?:minute|hour|day|week)\b"
    r"|(?<=\bto about )an? (?:minute|hour|day|week)\b"
    r"|(?<=\bto roughly )an? (?:minute|hour|day|week)\b"
    r"|(?<=\bto around )an? (?:minute|hour|day|week)\b"
    r"|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b"
)
"""Quantities said in words, in one pass: multipliers first, so 'two times' is not 'two'.

No capture groups: which kind of quantity matched is read off the words themselves
(see ``read_quantities``).
"""
_UNIT_AFTER = re.compile(r"\s+([A-Za-z]+)")
_FRACTIONS = {"third": 3.0, "quarter": 4.0, "fifth": 5.0, "tenth": 10.0}
_DIGIT = re.compile(r"\d")
_LEVEL_BEFORE = re.compile(r"(?:\b(?:L|E|IC|SDE|SDE\s|level\s|Level\s|L-|SDE-|Q|H|FY|v|V)\s?)$")
_DATE_BEFORE = re.compile(r"\b(?:" + _MONTHS + r")\.?\s+$", re.IGNORECASE)
_YEAR_BEFORE = re.compile(
    r"\b(?:in|since|during|until|till|early|late|mid|spring|summer|autumn|fall|winter|"
    r"q[1-4]|christmas|easter)[\s\-]+$",
    re.IGNORECASE,
)
_ORDINAL_SUFFIX = re.compile(r"^(?:st|nd|rd|th)$", re.IGNORECASE)
_TIME_OF_DAY = re.compile(r"^\s?(?:am|pm|a\.m|p\.m|o'clock)$", re.IGNORECASE)
CLOCK_AFTER = re.compile(
    r"(?:\s+or\s+\w+)?\s+(?:in the (?:morning|afternoon|evening)|at night|o'clock|am\b|pm\b|"
    r"a\.m|p\.m|on (?:\w+ )?(?:morning|afternoon|evening|night))",
    re.IGNORECASE,
)
_NAME_WORD_AFTER = re.compile(r"^(?:AM|PM)$")
HALF_CLOCK = re.compile(
    # "First vans went out about half nine instead of seven": in British speech "half nine"
    # is half past nine, a time of day, not half of nine. Not "half nine thousand", "half
    # two weeks", or "half of": a scale, a counted noun or 'of' after it makes it an amount.
    r"\bhalf\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?!-)"
    r"(?!\s+(?:thousand|hundred|million|billion|percent|per|of|"
    r"(?!(?:was|has|is|this|thus|plus|as)\b)[a-z]+s)\b)",
    re.IGNORECASE,
)
"""A British time of day, 'half nine': read as neither a share nor a number."""
_HALF_BEFORE = re.compile(r"\bhalf\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    """A number as said: its value, unit word (if any) and where it sits."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    kind: str
    """'number' for a quantity; 'date', 'level' or 'ordinal' for ones that are not metrics."""


def _to_float(raw: str) -> float:
    try:
        return float(raw.replace(",", ""))
    except ValueError:
        return 0.0


def quantities(text: str) -> list[Quantity]:
    """Every number in ``text`` with a kind; only kind 'number' is a metric."""
    return list(read_quantities(text))


def read_quantities(text: str) -> tuple[Quantity, ...]:
    """What ``quantities`` gives, as a tuple (a ``Document`` keeps it: ``doc.quantities``)."""
    out: list[Quantity] = []
    has_digit = _DIGIT.search(text) is not None
    for m in NUMERAL.finditer(text) if has_digit else ():
        num = m.group("num")
        cur = m.group("cur") or ""
        suffix = (m.group("suffix") or "").strip()
        value = _to_float(num)
        before = text[max(0, m.start() - 12) : m.start()]
        kind = "number"
        unit = suffix.lower()
        if cur:
            unit = "$" if cur == "$" else cur
            if suffix.lower() in ("k", "m", "bn", "b", "million", "billion", "thousand"):
                value *= {"k": 1e3, "m": 1e6, "bn": 1e9, "b": 1e9}.get(suffix.lower(), 1)
                value *= {"million": 1e6, "billion": 1e9, "thousand": 1e3}.get(suffix.lower(), 1)
        elif _LEVEL_BEFORE.search(before):
            kind = "level"
        elif _ORDINAL_SUFFIX.match(suffix):
            kind = "ordinal"
        elif (
            (
                _TIME_OF_DAY.match(suffix)
                or _NAME_WORD_AFTER.match(suffix)
                or CLOCK_AFTER.match(text, m.end("num"))
            )
            or (
                "." not in num
                and "," not in num
                and 1900 <= value <= 2099
                and len(num) == 4
                and unit not in ("%", "percent", "ms", "users", "customers", "requests")
                and not unit.endswith("s")
            )
            or _DATE_BEFORE.search(before)
            or (
                # "In 2022 refunds piled up": a year, though a plural noun follows it.
                "." not in num
                and "," not in num
                and 1950 <= value <= 2049
                and len(num) == 4
                and _YEAR_BEFORE.search(before)
            )
            or (text[m.end() : m.end() + 1] == ":" and text[m.end() + 1 : m.end() + 2].isdigit())
        ):
            kind = "date"
        if kind == "number" and unit and not cur:
            # A following plain word is a unit ('40 tickets'); keep it lower-case.
            unit = suffix.lower()
        end = m.end() if m.group("suffix") else m.end("num")
        out.append(Quantity(m.start(), end, text[m.start() : end], value, unit, kind))
    for m in _WORD_QUANTITY.finditer(text):
        said = text[m.start() : m.end()]
        word = said.lower()
        parts = word.split()
        if word in NUMBER_WORDS:
            after = _UNIT_AFTER.match(text[m.end() : m.end() + 30])
            unit = after.group(1).lower() if after else ""
            half = _HALF_BEFORE.search(text, max(0, m.start() - 8), m.start())
            clock = CLOCK_AFTER.match(text, m.end()) or (
                half is not None and HALF_CLOCK.match(text, half.start())
            )
            kind = "date" if clock else "number"
            out.append(Quantity(m.start(), m.end(), said, NUMBER_WORDS[word], unit, kind))
        elif len(parts) > 1 and parts[-1].rstrip("s") in _FRACTIONS:
            whole = {"a": 1.0, "one": 1.0, "two": 2.0, "three": 3.0}[parts[-2]]
            part = _FRACTIONS[parts[-1].rstrip("s")]
            out.append(
                Quantity(m.start(), m.end(), said, round(100 * whole / part, 1), "%", "number")
            )
        elif word == "zero":
            out.append(Quantity(m.start(), m.end(), said, 0.0, "", "number"))
        elif parts[0] in ("a", "an"):
            out.append(Quantity(m.start(), m.end(), said, 1.0, parts[-1], "number"))
        else:
            value = 0.5 if "half" in parts else MULTIPLIER_WORDS.get(parts[0], 2.0)
            out.append(Quantity(m.start(), m.end(), said, value, "x", "number"))
    out.sort(key=lambda q: q.start)
    return tuple(out)


def sentence_at(text: str, offset: int) -> Span:
    """The sentence holding ``offset`` (for quoting a whole sentence as evidence).

    Sentences are sorted and at least one character apart, so the only candidate
    is the last one starting at or before ``offset`` (a binary search).
    """
    spans = split_sentences(text)
    i = bisect_right([s.start for s in spans], offset) - 1
    if i >= 0 and offset < spans[i].end + 1:
        return spans[i]
    return Span(offset, offset, "")


def negated_before(text: str, start: int, window: int = 40) -> bool:
    """True when a negation sits in the same clause just before ``start``."""
    left = text[max(0, start - window) : start]
    clause = re.split(r"[.;!?]|\bbut\b|\bso\b|\band then\b", left)[-1].lower()
    return bool(
        re.search(
            # "no-shows", "no-op": a hyphenated compound is a noun, not a negation.
            r"\b(?:not|no|never|nobody|none|neither|nor|without|rather than|instead of)\b(?!-)"
            r"|n't\b",
            clause,
        )
    )


def abbreviates(a: str, b: str) -> bool:
    """One word may shorten the other: 'ops' and 'operations', 'infra' and
    'infrastructure', 'eng' and 'engineering'. Teams are named both ways in one story."""
    short, long = sorted((a, b), key=len)
    if len(short) < 2 or short == long:
        return short == long
    return long.startswith(short[:2]) and (len(short) <= 4 or long.startswith(short))


# --- figures as listed -------------------------------------------------------

_NOT_COUNTED = frozenset((
    "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "to", "of", "in", "on", "at", "by",
    "for", "from", "with", "into", "onto", "than", "as", "per", "over", "under", "after", "before",
    "since", "until", "about", "around", "across", "through", "off", "up", "down", "out", "is",
    "was", "were", "are", "be", "been", "being", "am", "has", "had", "have", "did", "do", "does",
    "it", "its", "this", "that", "these", "those", "i", "we", "you", "he", "she", "they", "me",
    "us", "him", "her", "them", "my", "our", "your", "their", "his", "who", "which", "what",
    "when", "where", "while", "if", "then", "there", "here", "more", "less", "fewer", "most",
    "each", "every", "all", "both", "some", "any", "only", "just", "also", "still", "even",
    "again", "too", "very", "later", "earlier", "ago", "now", "became", "become", "becomes",
    "went", "came", "rose", "fell", "dropped", "grew", "stayed", "remained", "got", "made", "took",
    "left", "needed", "said", "told", "can", "could", "would", "will", "should", "might", "must",
))  # fmt: skip
"""Words that never say what a number counts: after '6' in 'from 9 steps to 6 and' or
'42 became 51' they begin the next clause or are its verb, so the figure is '6' or '42'."""

_MEASURE_UNIT = re.compile(
    r"^(?:%|percent|per ?cent|x|×|k|m|bn|b|ms|s|secs?|h|hrs?|mins?|"
    r"(?:milli|micro|nano)?seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|"
    r"[kmgt]b|bytes?|(?:kilo|mega|giga|tera)bytes?|thousand|million|billion|"
    r"dollars|euros|pounds)$",
    re.IGNORECASE,
)
"""A unit that makes a number a measurement whatever precedes it: 'Sales 20%'."""

_PARTS = re.compile(r"^(?P<num>[$€£]?\s?[\d.,]*\d)(?P<rest>.*)$", re.DOTALL)
_RATE_AFTER = re.compile(
    r"\s+(?:a|an|per|each|every)\s+(?:second|minute|hour|day|night|week|month|quarter|"
    r"year|request|user|customer|order)\b",
    re.IGNORECASE,
)
_HYPHENATED = re.compile(r"[$€£]?[\w.,%]+(?:-[\w.,%]+)*")
"""A figure in a hyphenated compound, whole: '1-in-20-year', '40,000-can'."""
_RANGE_TO_MEASURE = re.compile(
    r"\s?(?:-|to)\s?[$€£]?\d[\d.,]*\s?(?:%|percent\b|x\b|k\b|ms\b|[smh]\b|"
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b)"
)
"""After a number, the other end of a range with its unit: '13-15%' is a measure."""
_HALF_AFTER = re.compile(r"\s+and a half(?:\s+(?P<unit>[A-Za-z]+)\b)?", re.IGNORECASE)
_LAST_WORD = re.compile(r"(?P<word>[A-Za-z][\w'&-]*)\s+$")
_LABEL_WORD = re.compile(
    r"^(?:version|release|build|model|gen|generation|series|sprint|phase|stage|tier|grade)$",
    re.IGNORECASE,
)
"""Nouns a number follows to name one of a series ('version 3', 'sprint 12'): a label
goes after its noun, a count before it ('3 versions', '12 sprints')."""
_SERIES_WORD = re.compile(
    r"^(?:iteration|step|round|wave|week|day|room|floor|gate|page|chapter|section|ticket|"
    r"issue|bug|incident|case|batch|cohort|number)$",
    re.IGNORECASE,
)
"""Nouns that name one of a series with a bare number ('day 3', 'incident 4512 was') but
also end a clause before a count ('that day 40 people came'): a label only when the
number counts nothing after it."""
_MEASURE_NAME = re.compile(
    r"^(?:I|january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|nps|csat|arr|mrr|qps|rps|sla|slo|kpi|p\d\d)$",
    re.IGNORECASE,
)
"""Capitalised words a number after them still measures: a month or a day of a date, a
measure said by its initials ('NPS 42'), and 'I'."""
_JOINED = re.compile(r"^\s*(?:to|and|or|through|then|->|-|/)\s*$")
_CODE_NOUN = re.compile(r"^(?:error|status|response|code|redirect)$", re.IGNORECASE)
_CODE_NOUNS = re.compile(r"^(?:errors|responses|codes|redirects|s)$", re.IGNORECASE)
_CODE_BEFORE = re.compile(r"\b(?:https?|status|error|response|return)(?: code)?\s+$", re.IGNORECASE)
_COMMON_CODES = frozenset({200, 201, 204, 301, 302, 304, 400, 401, 403, 404, 408, 409, 410})
_COMMON_CODES |= {422, 429, 500, 501, 502, 503, 504}


def _status_code(text: str, q: Quantity, bare: str, unit: str) -> bool:
    """'a 500 error', 'HTTP 503', 'we returned 404s': a status, not a count. A count above
    one takes a plural noun, so '500 error' with 'error' singular is a code; 'errors'
    plural is one only for a well-known code with no rate after it ('500 errors a minute'
    may count them)."""
    if not (bare.isdigit() and len(bare) == 3 and 100 <= int(bare) <= 599):
        return False
    if _CODE_BEFORE.search(text, max(0, q.start - 20), q.start) or _CODE_NOUN.match(unit):
        return True
    return (
        int(bare) in _COMMON_CODES
        and _CODE_NOUNS.match(unit) is not None
        and not _RATE_AFTER.match(text, q.end)
    )


def _after_a_name(text: str, q: Quantity, counted: str | None) -> bool:
    """The number follows a noun that names what it labels: a model or product ('iPhone
    12', 'Python 2.7', 'Windows 10 laptops'), or one of a series ('sprint 12', '#4512').
    An owner is not a name ('Acme's 40 stores'); ``counted`` is the noun the number
    counts, if any ('people' in 'that day 40 people came')."""
    if q.start and text[q.start - 1] == "#":
        return True
    last = _LAST_WORD.search(text, max(0, q.start - 40), q.start)
    if not last:
        return False
    word = last.group("word")
    if _LABEL_WORD.match(word) or (counted is None and _SERIES_WORD.match(word)):
        return True
    if (
        _MEASURE_NAME.match(word)
        or word.endswith(("'s", "ly"))
        or word.lower() in _NOT_COUNTED
        or word.isupper()
    ):
        # An owner ('Acme's 40 stores'), an adverb ('Roughly 95,000 a year'), initials
        # ('EUR 80,000', 'UPH 95 to 118': a currency or a measure; HTTP is a status).
        return False
    if any(c.isupper() for c in word[1:]):
        return True  # 'iPhone 12', 'macOS 14'
    opening = text[max(0, last.start() - 20) : last.start()].rstrip()
    # Only inside a sentence: a sentence's or a list item's first word is capitalised
    # anyway ('Missed 2 of 14 trailers', 'Between 8 and 9').
    return word[0].isupper() and bool(opening) and (opening[-1].isalnum() or opening[-1] == ",")


def _listed(text: str, q: Quantity, num: str, unit: str) -> str:
    """The figure as a reader says it: the number and what it counts, without a following
    word that counts nothing ('served 900 a day' lists '900 a day'; 'to 6 and' lists '6')."""
    end = q.start + len(num)
    if text[end : end + 1] == "-":
        return _HYPHENATED.match(text, q.start).group().rstrip(".,")  # type: ignore[union-attr]
    if unit and unit.lower() not in _NOT_COUNTED:
        return q.text
    rate = _RATE_AFTER.match(text, end)
    if rate:
        return num + rate.group()
    half = _HALF_AFTER.match(text, end)
    if half:
        said = half.group()
        if half.group("unit") and half.group("unit").lower() in _NOT_COUNTED:
            said = said[: half.start("unit") - half.start()].rstrip()
        return num + said
    return num


def shown_figures(text: str, metrics: tuple[Quantity, ...]) -> tuple[str, ...]:
    """An answer's figures as listed beside it ('numbers: 900 ms, 6, 80 thousand'), every
    mention in order: each said as a reader says it, a number that is part of a name (an
    HTTP status, a model, a version, one of a series) left out, and a number word already
    read as part of a figure ('thousand' in '80 thousand') not listed again."""
    out: list[str] = []
    label_end = -1
    read_to = -1
    for q in metrics:  # in the order said
        inside = q.start < read_to and q.value >= 100
        read_to = max(read_to, q.end)
        if inside:
            continue  # 'thousand', read again inside '80 thousand'
        parts = _PARTS.match(q.text)
        if parts is None:
            out.append(q.text)  # said in words: 'six', 'thousands', 'doubled'
            label_end = -1
            continue
        num = parts.group("num")
        unit = parts.group("rest").strip().lstrip("-").strip()
        measured = (
            num[:1] in "$€£"
            or _MEASURE_UNIT.match(unit) is not None
            or _RANGE_TO_MEASURE.match(text, q.start + len(num)) is not None
            or text[q.start + len(num) : q.start + len(num) + 1] == "-"  # 'a 45-lawyer firm'
        )
        if NUMBER_WORDS.get(unit.lower(), 100) < 100:
            unit = ""  # '~1,400 six months later': 'six' is a figure of its own
        counted = unit if unit and unit.lower() not in _NOT_COUNTED else None
        joined = (
            label_end >= 0
            and counted is None
            and _JOINED.match(text[label_end : q.start]) is not None
        )
        # 'we returned 404s': the engine reads seconds, but a well-known code it names
        code = _status_code(text, q, num, unit) and (not measured or q.text == num + "s")
        if code or (not measured and (joined or _after_a_name(text, q, counted))):
            label_end = q.start + len(num)
            continue
        label_end = -1
        out.append(_listed(text, q, num, unit))
    return tuple(out)
