"""Counting words and saying counts: one rule for every screen, file and report.

``plural`` says a count in English ("1 word", "2 words"), so no screen or
message says "1 words" again. ``word_count`` is the one way words are counted:
the status bar under the editor, a saved answer's length and the engine's
estimate of speaking time all use it, so no two places show a different count
of one answer."""

from __future__ import annotations

import re
from collections.abc import Iterable


def plural(n: int, word: str, many: str | None = None) -> str:
    """``n`` and ``word``, plural unless ``n`` is 1 (``many`` for irregular plurals)."""
    return f"{n} {word}" if n == 1 else f"{n} {many or word + 's'}"


_BARE = re.compile(r"(?<!\S)(?:[^\w\s]|_)+(?!\S)")
"""A whitespace-separated piece with no letter or digit in it: a dash, an ellipsis."""


def word_count(text: str) -> int:
    """Words as a listener hears them: the whitespace-separated pieces that hold a
    letter or a digit ("0.1%", "list[int]" and "end-of-line" are one word each, a
    lone dash none). Counted as all pieces less the bare ones: the scoring engine
    calls this for every answer, and a per-character test cost it about 10 ms a loop."""
    return len(text.split()) - len(_BARE.findall(text))


def said_once(items: Iterable[str]) -> tuple[str, ...]:
    """Each item once, in the order first said: an answer's figures as listed beside it
    ("numbers: 1.4 seconds, 5%"), where the engine keeps every mention ("1.4 seconds,
    5%, 1.4 seconds") for its own counts."""
    return tuple(dict.fromkeys(items))
