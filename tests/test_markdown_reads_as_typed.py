"""Markdown exports: plain text reads as typed, and markup a user typed never acts."""

from __future__ import annotations

import html
import re

import pytest
from markdown_it import MarkdownIt

from loops.markdown import escape, unescape

PLAIN = [
    "p99 fell from 1.4 seconds to 300 ms",
    "answer #1",
    "C# and F# services",
    "we were the #1 team",
    "-5 degrees in the warehouse",
    "~5 minutes, R&D budget, x > 3",
    "1.4 seconds",
    "2023 was the year",
]

HOSTILE = [
    "<script>alert(1)</script>",
    "[click me](javascript:alert(1))",
    "# starts with a hash",
    "## two",
    "title ending in #",
    "title ##",
    "> a quote",
    "- a list",
    "+ a list",
    "1. numbered",
    "12) numbered",
    "2023.",
    "---",
    "===",
    "*bold* _it_ __it__ `code` ~~gone~~ a~b~ ~~~",
    "a | b",
    "&lt; an entity &amp; &#60;",
    "\\# a backslash \\ and \\n",
]


def _text(markdown: str) -> tuple[str, str]:
    """The HTML a CommonMark viewer makes, and the text it shows."""
    page = MarkdownIt("commonmark").render(markdown)
    return page, html.unescape(re.sub(r"<[^>]+>", "", page)).strip()


@pytest.mark.parametrize("text", PLAIN)
def test_plain_text_is_written_as_typed(text):
    assert escape(text) == text  # no '1\.4', no '\#1' in the file
    _, shown = _text(escape(text))
    assert shown == text


@pytest.mark.parametrize("text", PLAIN + HOSTILE)
@pytest.mark.parametrize("where", ["{}", "## {}", "- {}", "> {}", "**{}**: x"])
def test_any_text_shows_as_typed_wherever_it_lands(text, where):
    page, shown = _text(where.format(escape(text)))
    wrapped, _ = _text(where.format("plain"))
    tags = lambda p: re.findall(r"<(\w+)", p)  # noqa: E731
    assert tags(page) == tags(wrapped)  # no link, heading, list, code or emphasis of its own
    assert text in shown
    assert unescape(escape(text)) == text  # and the import reads back what was written


def test_a_debrief_export_writes_numbers_and_hashes_as_typed():
    from loops.markdown import escape_block

    assert escape_block("It took 1.4 seconds.\n1.4 seconds, as answer #1 said") == [
        "It took 1.4 seconds.",
        "1.4 seconds, as answer #1 said",
    ]
