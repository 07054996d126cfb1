"""Text a user wrote, put into Markdown so a viewer shows it and reads nothing into it.

Exports (the debrief, the story bank) quote answers, titles and names. Raw,
``<script>`` or ``<img onerror=...>`` would run in a viewer that passes HTML
through, ``[x](javascript:...)`` would become a link, and a title with a
newline or a leading ``#`` would start a heading (two stories exported came
back as three). Every ASCII character Markdown or HTML gives a meaning is
backslash-escaped where Markdown would read it (CommonMark shows ``\\<`` as ``<``):
``<``, ``[``, ``*``, ``_``, backquotes and ``|`` anywhere; ``#``, ``>``, ``-``, ``1.`` only
where a line starts or a heading ends; an entity's ``&``; so '1.4 s' and 'answer #1'
read as typed. A newline inside a one-line field is written ``\\n``. :func:`unescape`
reverses both exactly, so the story bank's Markdown import reads back what was exported.
"""

from __future__ import annotations

import re

SPECIAL = set("\\`*_[]<|")
"""Escaped wherever they appear: code, emphasis, links, HTML tags, tables. Other marks
mean something only in some places, so they are escaped only there (see :func:`escape`):
'1.4 seconds' and 'answer #1' read as typed."""

_LINE_START = re.compile(r"^(\s*)(#|>|[-+=](?=[-=\s]|$)|\d{1,9}[.)](?=\s|$))")
"""A heading, a quote, a list item, a rule or setext underline, a numbered item:
only when a line starts with it ('-5' and '1.4' are left alone)."""

_CLOSING_HASHES = re.compile(r"(\s)(#+\s*)$")
"""A run of '#' after a space at the end, which a heading would drop as its closing."""

_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
"""'&amp;' or '&#60;' would show as the character it names; a lone '&' is only an '&'."""

_NUMBER_COMMA = re.compile(r"\d{3}\b")


def escape(text: str) -> str:
    """``text`` as literal Markdown on one line, newlines as ``\\n``; it may land at the
    start of a line or in a heading, a table cell or a list item and still read as typed."""
    out = []
    for i, ch in enumerate(text):
        if ch in SPECIAL:
            out.append("\\" + ch)
        elif ch == "~" and _strikes(text, i):
            out.append("\\~")
        elif ch == "\n":
            out.append("\\n")
        elif ch != "\r":
            out.append(ch)
    escaped = _ENTITY.sub(r"\\&", "".join(out))
    escaped = _CLOSING_HASHES.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped, count=1)
    return _LINE_START.sub(_escape_mark, escaped, count=1)


def _strikes(text: str, i: int) -> bool:
    """Whether the '~' at ``i`` could close a strikethrough or start a fence: one after
    a letter or mark, or one of a run. '~5 minutes' after a space can do neither."""
    after_text = i > 0 and not text[i - 1].isspace()
    in_run = text[i + 1 : i + 2] == "~" or (i > 0 and text[i - 1] == "~")
    return after_text or in_run


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
