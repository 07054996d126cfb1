"""Compile a word-list pattern so the regex engine can skip ahead by first letter.

Most of the engine's patterns read ``\\b(?:alpha|beta ...|gamma)...``: a word
boundary, then one of many phrases. Python's ``re`` can skip quickly through
a text only when a pattern starts with a literal or a set of literal
characters; a leading ``\\b`` hides that, so the engine tries the pattern at
every position, and a 9,000-word loop pays for it once per pattern.

:func:`compile_dispatched` rewrites the parsed pattern into the same
alternatives grouped by first letter, each letter followed by a one-character
look-behind that keeps the word boundary: ``a(?<=\\ba)(?:lpha)|b(?<=\\bb)(?:eta ...)``.
The engine then jumps from candidate letter to candidate letter. The rewrite
keeps every match, span and group exactly (alternatives keep their order
within a letter, and alternatives with different first letters can never
match at the same place); ``tests/test_dispatch.py`` compares both forms on
every pattern in scoring/ over the labelled answers and generated text.

It works on the parse tree of Python's own ``re`` (``re._parser``), which is
not a public interface: anything unexpected, on this Python or a later one,
makes it return None and the caller compiles the pattern as written.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_MAX_ALTERNATIVES = 800
"""Distributing nested groups multiplies alternatives; past this, keep the pattern."""

try:
    _parser: Any = importlib.import_module("re._parser")
    _compiler: Any = importlib.import_module("re._compiler")
    _c: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - a Python without these modules
    _parser = _compiler = _c = None


REWRITTEN: list[tuple[str, re.Pattern[str]]] = []
"""Every pattern rewritten so far, with its source: the tests compare the two forms."""


class _Unsupported(Exception):
    """The pattern has a shape the rewrite does not handle; compile it as written."""


def _is_word_lookahead(op: Any, av: Any) -> bool:
    """``(?=[a-z0-9])``: implied by a following lower-case letter or digit, so droppable."""
    if op is not _c.ASSERT or av[0] != 1:
        return False
    return list(av[1].data) == [(_c.IN, [(_c.RANGE, (97, 122)), (_c.RANGE, (48, 57))])]


_Alt = tuple[int, bool, tuple[Any, ...], list[Any]]
"""(first letter, word boundary before it?, look-behinds before it, the rest)."""


def _alternatives(
    items: list[Any], boundary: bool = False, word: bool = False, behind: tuple[Any, ...] = ()
) -> list[_Alt]:
    """The sequence ``items`` as alternatives that each start with a known letter.

    Leading non-capturing groups and alternations are distributed over what
    follows them ((A|B)C is AC|BC, tried in that order); optional prefixes are
    split into their two cases, in the order the engine tries them; a set of
    plain characters ([Aa]) becomes one alternative per character. Zero-width
    checks before the letter are kept to be made just after it: ``word``
    records a dropped ``(?=[a-z0-9])``, which the letter itself must satisfy,
    and ``behind`` the look-behinds.
    """
    while items:
        op, av = items[0]
        if op is _c.AT and av is _c.AT_BOUNDARY:
            boundary = True
            items = items[1:]
        elif _is_word_lookahead(op, av):
            word = True
            items = items[1:]
        elif op in (_c.ASSERT, _c.ASSERT_NOT) and av[0] == -1:
            behind = (*behind, items[0])
            items = items[1:]
        elif op is _c.SUBPATTERN and av[0] is None and not av[1] and not av[2]:
            items = list(av[3].data) + items[1:]
        elif op is _c.BRANCH:
            out: list[_Alt] = []
            for branch in av[1]:
                out += _alternatives(list(branch.data) + items[1:], boundary, word, behind)
                if len(out) > _MAX_ALTERNATIVES:
                    raise _Unsupported
            return out
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
            taken = _alternatives(list(av[2].data) + items[1:], boundary, word, behind)
            skipped = _alternatives(items[1:], boundary, word, behind)
            # Greedy "?" tries the optional part first; lazy "??" tries it last.
            return taken + skipped if op is _c.MAX_REPEAT else skipped + taken
        elif op is _c.IN and av and all(member[0] is _c.LITERAL for member in av):
            # One character from a small set: the members cannot match at the same place.
            return [
                alt
                for member in av
                for alt in _alternatives([member, *items[1:]], boundary, word, behind)
            ]
        elif op is _c.LITERAL and (chr(av) in _ASCII_WORD or not word):
            return [(av, boundary, behind, items[1:])]
        else:
            raise _Unsupported
    raise _Unsupported  # an alternative that can match the empty string


def _letter_branch(state: Any, letter: int, alts: list[_Alt]) -> Any:
    """``letter`` then its alternatives, each with its checks now made just after it.

    A check that was made before the letter becomes a look-behind that ends
    with the letter: ``\\b`` becomes ``(?<=\\bx)`` and ``(?<=by )`` becomes
    ``(?<=by x)``. The boundary check is made once when every alternative needs it.
    """

    def after_letter(check: Any) -> Any:
        op, (direction, sub) = check
        data = [*sub.data, (_c.LITERAL, letter)]
        return (op, (direction, _parser.SubPattern(state, data)))

    boundary_check = (_c.ASSERT, (-1, _parser.SubPattern(state, [(_c.AT, _c.AT_BOUNDARY)])))
    shared = all(alt[1] for alt in alts)
    head: list[Any] = [(_c.LITERAL, letter)]
    if shared:
        head.append(after_letter(boundary_check))
    rests = []
    for _, boundary, behind, rest in alts:
        checks = [*([boundary_check] if boundary and not shared else []), *behind]
        rests.append([after_letter(c) for c in checks] + rest)
    if len(rests) == 1:
        return _parser.SubPattern(state, head + rests[0])
    options = [_parser.SubPattern(state, rest) for rest in rests]
    return _parser.SubPattern(state, [*head, (_c.BRANCH, (None, options))])


def compile_dispatched(pattern: str) -> re.Pattern[str] | None:
    """``pattern`` compiled with first-letter dispatch, or None to compile it as written."""
    if _parser is None:
        return None
    try:
        tree = _parser.parse(pattern)
        if tree.state.flags & (re.IGNORECASE | re.VERBOSE):
            return None
        state = tree.state
        by_letter: dict[int, list[_Alt]] = {}
        for alt in _alternatives(list(tree.data)):
            by_letter.setdefault(alt[0], []).append(alt)
        branches = [_letter_branch(state, letter, alts) for letter, alts in by_letter.items()]
        # One letter needs no branch: the engine then scans for it as a literal prefix.
        if len(branches) == 1:
            tree.data = list(branches[0].data)
        else:
            tree.data = [(_c.BRANCH, (None, branches))]
        tree.width = None  # the parser may have cached the old tree's width
        compiled: re.Pattern[str] = _compiler.compile(tree)
    except Exception:  # any surprise in a private interface: not rewritten
        return None
    REWRITTEN.append((pattern, compiled))
    return compiled


def compile_fast(pattern: str) -> re.Pattern[str]:
    """``re.compile(pattern)``, with first-letter dispatch where the rewrite applies."""
    return compile_dispatched(pattern) or re.compile(pattern)
