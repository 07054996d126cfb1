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

from collections.abc import Iterator
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


# --- first letters -------------------------------------------------------------------
#
# Python's ``re`` skips quickly through a text only to places where a match can
# start with a known character: when a pattern begins with a literal or with a
# choice of literals. Most of the engine's patterns begin ``\b(?:alpha|beta ...)``,
# and the ``\b`` hides the letters, so the engine tries the pattern at every
# character. ``first_letter_form`` writes the same pattern with its alternatives
# grouped by first letter, each letter followed by a look-behind that keeps the
# checks made before it: ``a(?<=\ba)(?:lpha)|b(?<=\bb)(?:eta ...)``. Alternatives
# keep their order within a letter, and two alternatives with different first
# letters never match at one place, so every match, span and group is the same
# (``tests/test_literals.py`` compares the two forms). It reads the pattern's
# text with the reader above's rules, public syntax only.

_MAX_ALTERNATIVES = 800
"""Distributing nested groups multiplies alternatives; past this, keep the pattern."""


@dataclass(frozen=True)
class _Piece:
    """One item of a sequence, with the text it was written as (quantifier included)."""

    kind: str
    """'char', 'bound' (\\b), 'behind' (a look-behind), 'group' (non-capturing, its
    branches read), 'class' (a set of plain characters) or 'other'."""
    src: str
    char: str = ""
    branches: tuple[tuple[_Piece, ...], ...] = ()
    chars: str = ""
    optional: str = ""
    """'?' (greedy) or '??' (lazy) for an optional group, character or class."""
    captures: bool = False
    """The piece holds a capturing group: it cannot be written twice."""


def _structure(p: str, i: int) -> Iterator[tuple[int, str]]:
    """Each '(', ')' and '|' of ``p`` from ``i`` on, with its index: escapes and character
    classes skipped, since their brackets and bars are literal."""
    while i < len(p):
        c = p[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(p, i + 1)
            continue
        if c in "()|":
            yield i, c
        i += 1


def _closing(p: str, i: int) -> int:
    """Index of the ')' closing the group whose body starts at ``i``."""
    depth = 1
    for at, c in _structure(p, i):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return at
    raise _Unreadable("open group")


def _class_end(p: str, i: int) -> int:
    """Index just past the ']' closing a class whose body starts at ``i``."""
    if p[i : i + 1] == "^":
        i += 1
    if p[i : i + 1] == "]":
        i += 1
    while i < len(p) and p[i] != "]":
        i += 2 if p[i] == "\\" else 1
    if i >= len(p):
        raise _Unreadable("open class")
    return i + 1


def _split_branches(p: str) -> list[str]:
    """``p`` split at its top-level '|'."""
    out: list[str] = []
    depth = start = 0
    for at, c in _structure(p, 0):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif depth == 0:
            out.append(p[start:at])
            start = at + 1
    out.append(p[start:])
    return out


def top_level_branches(pattern: str) -> list[str] | None:
    """``pattern``'s top-level alternatives as written, or None when it cannot be split
    (global inline flags, which belong to the whole, or a shape the reader does not know)."""
    if pattern.startswith("(?") and pattern[2:3].isalpha() and pattern[2:3] != "P":
        return None
    try:
        return _split_branches(pattern)
    except (_Unreadable, ValueError, IndexError):
        return None


def without_captures(pattern: str) -> str | None:
    """``pattern`` with every capturing group made non-capturing: the same matches and
    spans, with no groups. None when a group is referred to (a back-reference or a
    conditional), since then the captures decide what matches."""
    numbered = any(after[:1].isdigit() for after in pattern.split("\\")[1:])  # '\\1'
    if numbered or "(?P=" in pattern or "(?(" in pattern:
        return None
    out: list[str] = []
    last = 0
    try:
        for at, c in _structure(pattern, 0):
            if c != "(":
                continue
            if pattern.startswith("?P<", at + 1):
                out.append(pattern[last:at] + "(?:")
                last = pattern.index(">", at) + 1
            elif pattern[at + 1 : at + 2] != "?":
                out.append(pattern[last:at] + "(?:")
                last = at + 1
    except (_Unreadable, ValueError):
        return None
    out.append(pattern[last:])
    return "".join(out)


def _pieces(p: str) -> tuple[_Piece, ...]:
    """The items of a sequence (a branch with no top-level '|')."""
    out: list[_Piece] = []
    i = 0
    while i < len(p):
        start = i
        c = p[i]
        kind, char, chars, captures = "other", "", "", False
        branches: tuple[tuple[_Piece, ...], ...] = ()
        if c == "\\":
            if i + 1 >= len(p):
                raise _Unreadable("trailing backslash")
            e = p[i + 1]
            i += 2
            if e == "b":
                kind = "bound"
            elif not e.isalnum():
                kind, char = "char", e
        elif c == "(":
            end = _closing(p, i + 1)
            body = p[i + 1 : end]
            i = end + 1
            if body.startswith("?:"):
                kind = "group"
                inner = body[2:]
                branches = tuple(_pieces(b) for b in _split_branches(inner))
                captures = any(x.captures for branch in branches for x in branch)
            elif body.startswith(("?<=", "?<!")):
                kind = "behind"
                captures = "(?P<" in body or "(" in body.replace("(?", "")
            elif body.startswith(("?=", "?!")):
                kind = "other"
                captures = "(?P<" in body or "(" in body.replace("(?", "")
            elif body.startswith("?P="):
                kind = "other"
            elif body.startswith("?") and not body.startswith("?P<"):
                raise _Unreadable(body[:3])
            else:
                kind, captures = "capture", True
                inner = body[body.index(">") + 1 :] if body.startswith("?P<") else body
                branches = tuple(_pieces(b) for b in _split_branches(inner))
        elif c == "[":
            i = _class_end(p, i + 1)
            body = p[start + 1 : i - 1]
            plain = body and "\\" not in body and not body.startswith("^")
            if plain and "-" not in body.strip("-"):
                kind, chars = "class", "".join(dict.fromkeys(body))
        elif c == "^":
            kind = "start"
            i += 1
        elif c in ".$":
            i += 1
        elif c in "*+?{)|":
            raise _Unreadable(c)
        else:
            kind, char = "char", c
            i += 1
        optional = ""
        q = p[i : i + 1]
        if q in ("*", "+", "?") or (q == "{" and re_quantifier(p, i)):
            if q == "?":
                optional = "?"
                i += 1
            elif q == "{":
                i = p.index("}", i) + 1
                kind = "other"
            else:
                i += 1
                kind = "other"
            if p[i : i + 1] == "?":
                optional = "??" if optional else ""
                i += 1
            elif p[i : i + 1] == "+":
                raise _Unreadable("possessive")
        if optional and kind not in ("char", "group", "class", "capture"):
            kind = "other"
        out.append(_Piece(kind, p[start:i], char, branches, chars, optional, captures))
    return tuple(out)


def re_quantifier(p: str, i: int) -> bool:
    """``p[i]`` is '{' opening a repeat count ('{2}', '{0,3}'), not a literal brace."""
    end = p.find("}", i)
    if end < 0:
        return False
    bounds = p[i + 1 : end].split(",")
    return 1 <= len(bounds) <= 2 and all(b.isdigit() or b == "" for b in bounds) and bool(bounds[0])


_Alt = tuple[str, bool, tuple[str, ...], str]
"""(first character, word boundary before it?, look-behinds before it, the rest as written)."""


def _plain(piece: _Piece) -> str:
    """A piece written without its '?' (the optional case taken)."""
    return piece.src[: len(piece.src) - len(piece.optional)]


def _alternatives(
    items: tuple[_Piece, ...], boundary: bool = False, behind: tuple[str, ...] = ()
) -> list[_Alt]:
    """The sequence as alternatives that each start with a known character, in the order
    the engine tries them (see ``re``'s own docs on alternation and '?')."""
    while items:
        head, rest = items[0], items[1:]
        if head.kind == "bound" and not head.optional:
            boundary, items = True, rest
            continue
        if (head.kind == "behind" and not head.captures) or head.kind == "start":
            behind, items = (*behind, head.src), rest
            continue
        doubled = any(x.captures for x in rest)
        if head.optional:
            if doubled:
                raise _Unreadable("a capture written twice")
            taken = _Piece(head.kind, _plain(head), head.char, head.branches, head.chars)
            yes = _alternatives((taken, *rest), boundary, behind)
            no = _alternatives(rest, boundary, behind)
            return yes + no if head.optional == "?" else no + yes
        if head.kind == "group":
            if len(head.branches) > 1 and doubled:
                raise _Unreadable("a capture written twice")
            out: list[_Alt] = []
            for branch in head.branches:
                out += _alternatives((*branch, *rest), boundary, behind)
                if len(out) > _MAX_ALTERNATIVES:
                    raise _Unreadable("too many alternatives")
            return out
        if head.kind == "class":
            if len(head.chars) > 1 and doubled:
                raise _Unreadable("a capture written twice")
            return [
                alt
                for c in head.chars
                for alt in _alternatives((_Piece("char", _escape(c), c), *rest), boundary, behind)
            ]
        if head.kind == "char":
            return [(head.char, boundary, behind, "".join(x.src for x in rest))]
        raise _Unreadable(head.src)
    raise _Unreadable("an alternative that may match nothing")


def _escape(c: str) -> str:
    return "\\" + c if not c.isalnum() and c not in " '\"" else c


def _after(check: str, c: str) -> str:
    """A check made before ``c``, made just after it: '(?<=by )' becomes '(?<=(?:by )c)'."""
    if check == "^":  # the text's start: no character before ``c``
        return f"(?<![\\s\\S]{_escape(c)})"
    sign = check[:4]  # '(?<=' or '(?<!'
    return f"{sign}(?:{check[4:-1]}){_escape(c)})"


def first_letter_form(pattern: str) -> str | None:
    """``pattern`` written to start with its first letters, or None when it cannot be
    (a shape the rewrite does not handle) or need not be (it starts with a letter)."""
    if pattern.startswith("^"):
        return None  # anchored: the engine tries it at the start only
    try:
        branches = _split_branches(pattern)
        alts: list[_Alt] = []
        for branch in branches:
            alts += _alternatives(_pieces(branch))
            if len(alts) > _MAX_ALTERNATIVES:
                return None
    except _Unreadable:
        # A capture after a leading group cannot be written once per alternative:
        # regroup the leading group alone, and keep what follows it as written.
        return _hoisted(branches[0]) if len(branches) == 1 else None
    except (ValueError, IndexError):
        return None
    return _grouped(alts)


def _hoisted(pattern: str) -> str | None:
    """``\\b(?:alpha|beta)REST`` as ``(?:a(?<=\\ba)lpha|b(?<=\\bb)eta)REST``."""
    try:
        items = _pieces(pattern)
        k = 0
        while k < len(items) and items[k].kind in ("bound", "behind", "start"):
            k += 1
        if k == len(items) or items[k].kind != "group" or items[k].optional:
            return None
        checks, rest = items[:k], items[k + 1 :]
        alts: list[_Alt] = []
        for branch in items[k].branches:
            alts += _alternatives((*checks, *branch))
            if len(alts) > _MAX_ALTERNATIVES:
                return None
    except (_Unreadable, ValueError, IndexError):
        return None
    return "(?:" + _grouped(alts) + ")" + "".join(x.src for x in rest)


def _grouped(alts: list[_Alt]) -> str:
    """Alternatives grouped by first character, order kept within a character."""
    by_char: dict[str, list[_Alt]] = {}
    for alt in alts:
        by_char.setdefault(alt[0], []).append(alt)
    parts: list[str] = []
    for c, group in by_char.items():
        shared = all(a[1] for a in group)
        head = _escape(c) + (f"(?<=\\b{_escape(c)})" if shared else "")
        tails = []
        for _, boundary, behind, rest in group:
            checks = ([f"(?<=\\b{_escape(c)})"] if boundary and not shared else []) + [
                _after(b, c) for b in behind
            ]
            tails.append("".join(checks) + rest)
        if len(tails) == 1:
            parts.append(head + tails[0])
        else:
            parts.append(head + "(?:" + "|".join(tails) + ")")
    return "|".join(parts)


_DIGITS = "0123456789"
_WORD = "\x00"
"""Stands for '\\w' (any word character) among first characters."""


def _first_chars(items: tuple[_Piece, ...]) -> str | None:
    """Every character a match of the sequence can start with, or None when unknown."""
    for k, head in enumerate(items):
        if head.kind in ("bound", "behind", "start") and not head.optional:
            continue
        rest = items[k + 1 :]
        if head.kind == "char":
            first: str | None = head.char
        elif head.kind == "class":
            first = head.chars
        elif head.kind in ("group", "capture") and head.branches:
            found = [_first_chars((*b, *rest)) for b in head.branches]
            first = None if any(f is None for f in found) else "".join(f or "" for f in found)
            return first  # the branches already went on into ``rest``
        elif head.src[:2] in ("\\d", "\\w") and head.src[2:3] in ("", "+", "{"):
            # '\\w' stands for itself in the check: any word character.
            first = (_DIGITS if head.src[1] == "d" else _WORD) if head.src[2:4] != "{0" else None
        else:
            return None
        if first is None:
            return None
        if head.optional:
            after = _first_chars(rest)
            return None if after is None else first + after
        return first
    return None


def first_char_check(pattern: str) -> str | None:
    """A look-ahead naming the characters every match starts with ('(?=[abc])'), which
    lets the engine pass over other characters at once; None when they are not known."""
    if pattern.startswith("^"):
        return None  # anchored: a check in front would hide the anchor from the engine
    try:
        found = ""
        for branch in _split_branches(pattern):
            chars = _first_chars(_pieces(branch))
            if not chars:
                return None
            found += chars
    except (_Unreadable, ValueError, IndexError):
        return None
    word = _WORD in found
    members = sorted(set(found.replace(_WORD, "")))
    if word:  # letters and digits are word characters already
        members = [c for c in members if not (c.isascii() and c.isalnum())]
    body = "".join("\\" + c if c in "\\]^-[" else c for c in members)
    return "(?=[" + ("\\w" if word else "") + body + "])"
