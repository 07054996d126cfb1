"""The words a pattern cannot match without: a pre-check derived from the pattern.

Most of the engine's patterns are long lists of phrases, and most answers
hold none of the phrases of most patterns. Checking that a text contains one
of a few literal strings is a hundred times cheaper than running the
pattern over it, so ``Rx`` asks first. The strings used to be listed by hand
beside each pattern (``needs=``), which went wrong silently: a phrase added to
a pattern but not to its list could never match. Here they are read off the
pattern itself, with a small reader of regular-expression syntax (public
syntax only; nothing of ``re``'s private modules).

:func:`required_literals` returns strings such that every match of the
pattern, anywhere in a text, means the text contains at least one of them;
or ``()`` when it cannot say (then the pattern always runs). It is
conservative: anything it does not understand counts as "could be anything".
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_LENGTH = 3
"""A pre-check on strings shorter than this rules out too little to be worth making."""
MAX_STRINGS = 60
"""Past this many strings the check costs about what running the pattern does."""


@dataclass(frozen=True)
class _Node:
    """What the reader knows about a piece of pattern.

    ``literal``: the one string it matches, when it matches exactly one.
    ``required``: strings one of which every match holds (None: unknown).
    ``width``: False for zero-width pieces (assertions), which keep the
    literals either side adjacent.
    """

    literal: str | None
    required: frozenset[str] | None
    width: bool = True


_ANY = _Node(None, None)
_ZERO = _Node("", None, width=False)


class _Unreadable(Exception):
    """A construct the reader does not handle: no pre-check for this pattern."""


_CLASS_ESCAPES = frozenset("dDwWsS")
_ZERO_ESCAPES = frozenset("bBAZ")
_CHAR_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}


class _Reader:
    def __init__(self, pattern: str) -> None:
        self.p = pattern
        self.i = 0

    def peek(self) -> str:
        return self.p[self.i] if self.i < len(self.p) else ""

    def alternation(self) -> _Node:
        branches = [self.sequence()]
        while self.peek() == "|":
            self.i += 1
            branches.append(self.sequence())
        if len(branches) == 1:
            return branches[0]
        literals = {b.literal for b in branches}
        if len(literals) == 1 and None not in literals and all(b.width for b in branches):
            return branches[0]  # the same exact string every way
        required: set[str] = set()
        for b in branches:
            if b.required is None:
                return _ANY
            required |= b.required
        return _Node(None, frozenset(required))

    def sequence(self) -> _Node:
        run = ""  # the literal characters read since the last piece of unknown text
        exact = True  # every piece so far was literal (or zero-width)
        candidates: list[frozenset[str]] = []
        while self.i < len(self.p) and self.peek() not in "|)":
            node = self.quantified(self.atom())
            if node.literal is not None:
                run += node.literal  # zero-width pieces keep the characters adjacent
                if node.required is not None and not node.width:
                    candidates.append(node.required)  # a positive look-around's own words
                continue
            exact = False
            if run:
                candidates.append(frozenset((run,)))
            run = ""
            if node.required is not None:
                candidates.append(node.required)
        if run:
            candidates.append(frozenset((run,)))
        if exact and run:
            return _Node(run, frozenset((run,)))
        if exact:  # only zero-width pieces: zero-width itself
            return _Node("", max(candidates, key=_strength) if candidates else None, width=False)
        if not candidates:
            return _ANY
        return _Node(None, max(candidates, key=_strength))

    def quantified(self, node: _Node) -> _Node:
        c = self.peek()
        low: int | None = None
        if c in ("?", "*"):
            low = 0
            self.i += 1
        elif c == "+":
            low = 1
            self.i += 1
        elif c == "{":
            end = self.p.find("}", self.i)
            body = self.p[self.i + 1 : end] if end > 0 else ""
            bounds = body.split(",")
            if end > 0 and 1 <= len(bounds) <= 2 and all(b.isdigit() or b == "" for b in bounds):
                low = int(bounds[0] or "0")
                self.i = end + 1
            # else a literal '{', read as an atom next time
        if low is None:
            return node
        if self.peek() in ("?", "+"):
            self.i += 1  # lazy or possessive: the same strings
        if not node.width:
            return node if low else _Node("", None, width=False)
        if low == 0:
            return _ANY
        return _Node(None, node.required)

    def atom(self) -> _Node:
        c = self.p[self.i]
        self.i += 1
        if c == "\\":
            return self.escape()
        if c == "(":
            return self.group()
        if c == "[":
            self.char_class()
            return _ANY
        if c == ".":
            return _ANY
        if c in "^$":
            return _ZERO
        if c in "*+?{":
            if c == "{":
                return _Node(c, frozenset(c))
            raise _Unreadable(c)
        return _Node(c, frozenset(c))

    def escape(self) -> _Node:
        if self.i >= len(self.p):
            raise _Unreadable("trailing backslash")
        c = self.p[self.i]
        self.i += 1
        if c in _ZERO_ESCAPES:
            return _ZERO
        if c in _CLASS_ESCAPES or c.isdigit() or c in "xuUNg":
            return _ANY  # classes, back-references, numbered characters
        if c in _CHAR_ESCAPES:
            return _Node(_CHAR_ESCAPES[c], frozenset(_CHAR_ESCAPES[c]))
        if c.isalnum():
            raise _Unreadable("\\" + c)
        return _Node(c, frozenset(c))

    def char_class(self) -> None:
        if self.peek() == "^":
            self.i += 1
        if self.peek() == "]":
            self.i += 1  # a leading ']' is a member
        while self.i < len(self.p) and self.p[self.i] != "]":
            self.i += 2 if self.p[self.i] == "\\" else 1
        if self.i >= len(self.p):
            raise _Unreadable("open class")
        self.i += 1

    def group(self) -> _Node:
        positive_look = negative_look = False
        if self.p.startswith("?:", self.i):
            self.i += 2
        elif self.p.startswith("?P<", self.i):
            self.i = self.p.index(">", self.i) + 1
        elif self.p.startswith(("?=", "?!"), self.i):
            positive_look = self.p[self.i + 1] == "="
            negative_look = not positive_look
            self.i += 2
        elif self.p.startswith(("?<=", "?<!"), self.i):
            positive_look = self.p[self.i + 2] == "="
            negative_look = not positive_look
            self.i += 3
        elif self.p.startswith("?P=", self.i):
            self.i = self.p.index(")", self.i) + 1
            return _ANY
        elif self.p.startswith("?", self.i):
            # Inline flags ('(?i:' lets 'k' match the Kelvin sign), comments, conditionals.
            raise _Unreadable(self.p[self.i : self.i + 3])
        inner = self.alternation()
        if self.peek() != ")":
            raise _Unreadable("open group")
        self.i += 1
        if negative_look:
            return _ZERO
        if positive_look:
            # What a look-around sees is in the text, though not in the match.
            return _Node("", inner.required, width=False)
        return inner


def _strength(strings: frozenset[str]) -> tuple[int, int]:
    """Longer strings rule out more texts; fewer of them cost less to look for."""
    return (min(len(s) for s in strings), -len(strings))


def required_literals(pattern: str) -> tuple[str, ...]:
    """Strings one of which any text matching ``pattern`` holds, or () when unknown.

    Strings that contain another of the strings are dropped: the shorter one is
    in the text whenever the longer one is.
    """
    if pattern.startswith("(?") and pattern[2:3].isalpha() and pattern[2:3] != "P":
        return ()  # global inline flags
    try:
        reader = _Reader(pattern)
        node = reader.alternation()
        if reader.i != len(pattern):
            return ()  # an unbalanced ')'
    except (_Unreadable, ValueError, IndexError):
        return ()
    strings = node.required
    if not strings or min(len(s) for s in strings) < MIN_LENGTH:
        return ()
    kept = sorted(strings, key=len)
    out: list[str] = []
    for s in kept:
        if not any(k in s for k in out):
            out.append(s)
    if len(out) > MAX_STRINGS:
        return ()
    return tuple(sorted(out))
