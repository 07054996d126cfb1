"""Counts said in English: "1 word", "2 words". One helper, so no screen or message
says "1 words" or "'we' forms 1 times" again."""

from __future__ import annotations


def plural(n: int, word: str, many: str | None = None) -> str:
    """``n`` and ``word``, plural unless ``n`` is 1 (``many`` for irregular plurals)."""
    return f"{n} {word}" if n == 1 else f"{n} {many or word + 's'}"
