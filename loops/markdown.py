"""Text a user wrote, put into Markdown so a viewer shows it and reads nothing into it.

Exports (the debrief, the story bank) quote answers, titles and names. Raw,
``<script>`` or ``<img onerror=...>`` would run in a viewer that passes HTML
through, ``[x](javascript:...)`` would become a link, and a title with a
newline or a leading ``#`` would start a heading (two stories exported came
back as three). Every ASCII character Markdown or HTML gives a meaning is
backslash-escaped (CommonMark shows ``\\<`` as ``<``), and a newline inside a
one-line field is written ``\\n``. :func:`unescape` reverses both exactly, so
the story bank's Markdown import reads back what was exported.
"""

from __future__ import annotations

import re

SPECIAL = set("\\`*_[]<>#|~&")
"""Escaped wherever they appear: code, emphasis, links, HTML tags and entities,
headings, tables. Other marks only matter at the start of a line (see _LINE_START)."""

_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])")
"""A list item, a setext underline or a numbered item, when a line starts with it."""

_NUMBER_COMMA = re.compile(r"\d{3}\b")


def escape(text: str) -> str:
    """``text`` as literal Markdown on one line: specials escaped, newlines as ``\\n``."""
    out = []
    for ch in text:
        if ch in SPECIAL:
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch != "\r":
            out.append(ch)
    escaped = "".join(out)
    # Wherever the text lands, it may start a line: '- x', '1. x', '===' lose their meaning.
    return _LINE_START.sub(_escape_mark, escaped, count=1)


def _escape_mark(m: re.Match[str]) -> str:
    mark = m.group(2)
    return m.group(1) + mark[:-1] + "\\" + mark[-1]


def escape_item(text: str) -> str:
    """One item of a list field: escaped, and its ';' and splitting ',' too."""
    escaped = escape(text).replace(";", "\\;")
    return re.sub(r",(?!\d{3}\b)", r"\\,", escaped)


def escape_block(text: str) -> list[str]:
    """``text`` as literal Markdown lines (a summary, an answer): each line escaped, so
    none can start a heading, a list, a quote, a rule or a field line."""
    return [escape(line) for line in text.splitlines()]


def unescape(text: str) -> str:
    """The text :func:`escape` was given: ``\\x`` for a special x is x, ``\\n`` a newline."""
    out = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            if nxt.isascii() and not nxt.isalnum() and not nxt.isspace():
                out.append(nxt)
                i += 2
                continue
            if nxt == "n":
                out.append("\n")
                i += 2
                continue
        out.append(ch)
        i += 1
    return "".join(out)


def split_escaped(text: str) -> list[str]:
    """Split a list field at unescaped ';' and ',' (a comma inside a number such as
    '1,200' does not split), then unescape each item; empty items are dropped."""
    items: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            current.append(text[i : i + 2])
            i += 2
            continue
        if ch == ";" or (ch == "," and not _NUMBER_COMMA.match(text, i + 1)):
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    items.append("".join(current))
    return [item for item in (unescape(s.strip()) for s in items) if item]
