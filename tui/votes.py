"""How a vote and a quote look in the terminal: one place for the screens and the CLI.

The words are the engine's (``scoring.model.VOTE_WORDS``); this module adds the
colours, always beside the words so that NO_COLOR still reads, and the one
rule for shortening a quote to a line.
"""

from __future__ import annotations

import re

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from scoring.model import VOTE_WORDS

VOTE_STYLE = {
    "strongly-inclined": "bold green",
    "inclined": "green",
    "not-inclined": "yellow",
    "strongly-not-inclined": "bold red",
}


def vote_text(vote: str | None, *, lower: bool = False) -> Text:
    """The vote in words and colour; "not answered" for none."""
    if vote is None:
        return Text("not answered")
    words = VOTE_WORDS.get(vote, vote)
    return Text(words.lower() if lower else words, style=VOTE_STYLE.get(vote, ""))


def attempts_votes(votes: list[str | None], *, lower: bool = False) -> Text:
    """The votes of one question's attempts, oldest first, read as a sequence: "NOT
    INCLINED, then INCLINED". Joined by ">" they read as a comparison ("NOT INCLINED >
    INCLINED", as if not inclined were the better vote)."""
    out = Text()
    for k, vote in enumerate(votes):
        if k:
            out.append(", then ")
        out.append_text(vote_text(vote, lower=lower))
    return out


def clip(text: str, limit: int = 140, *, at_word: bool = False) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis.

    ``at_word``: cut at the last space before the limit, so a quote never ends
    mid-figure ("broke checkout for 1…" read as a different number).
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if at_word and " " in cut:
        cut = cut[: cut.rindex(" ")].rstrip(",;:")
    return cut + "…"


def fit_quote(text: str, focus: tuple[int, int], room: int) -> str:
    """``text`` (a sentence quoted as evidence) on one line of at most ``room``
    characters, keeping ``focus``: the words the judgement rests on, as offsets in
    ``text``.

    Cut at the end while that still shows the focus and a few words after it; else
    (a long sentence whose credited clause comes late) the quote starts later, at a
    word, with an ellipsis where words are left out, the focus amid its own clause:
    "…and cart abandonment fell 3%.", "…at Northwind, I noticed our p99 latency…".
    """
    words = [m.span() for m in re.finditer(r"\S+", text)]
    flat = " ".join(text[s:e] for s, e in words)
    if len(flat) <= room:
        return flat
    if room < 2:
        return flat[:room]

    def at(offset: int) -> int:
        """An offset in ``text`` as one in ``flat`` (white space between words is one)."""
        here = 0
        for s, e in words:
            if offset <= e:
                return here + max(offset - s, 0)
            here += e - s + 1
        return len(flat)

    a, b = at(focus[0]), at(focus[1])
    spare = room - (b - a) - 2  # beside the focus and two ellipses
    if spare < 0:  # the focus alone is longer than the line: its opening
        return "…" + _cut_end(flat[a:], room - 1, keep=0) if a else _cut_end(flat, room, keep=0)
    # Words after the focus: to the sentence's end if that leaves a third of the room
    # before it, else at most half.
    after = len(flat) - b if len(flat) - b <= spare * 2 // 3 else spare // 2
    if b + min(after, spare // 3) <= room - 1:  # cut at the end: the focus still shows
        return _cut_end(flat, room, keep=b)
    if b + after >= len(flat):
        end, tail = len(flat), ""
    else:
        space = flat.rfind(" ", b, b + after + 1)  # after a whole word
        end, tail = (space if space >= b else b), "…"
    start = end + len(tail) + 1 - room  # the rest of the line before the focus
    if start <= 0:  # the sentence's opening fits too: cut at its end
        return _cut_end(flat, room, keep=b)
    if flat[start - 1] != " ":  # from a word's start
        space = flat.find(" ", start)
        start = space + 1 if 0 <= space < a else a
    body = flat[start:end]
    return "…" + (body.rstrip(" ,;:") + tail if tail else body)


def _cut_end(flat: str, room: int, keep: int) -> str:
    """``flat`` in ``room`` characters, cut at its end, at a word when the word does not
    end before ``keep``."""
    if len(flat) <= room:
        return flat
    cut = flat[: room - 1]
    space = cut.rfind(" ")
    if space >= max(keep, 1):
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


class QuoteLine:
    """One line of a list that quotes evidence (``head``, then the quote in quotation
    marks), fitted to the width it is drawn at by ``fit_quote``: a wide terminal shows
    the whole sentence, a narrow one the words the judgement rests on (``focus``,
    offsets in ``quote``) with those around them. A list's own cut (no wrap, an
    ellipsis) kept the sentence's opening and lost a credited clause that ended it.

    ``str()`` is the whole line, as a row's text is read."""

    def __init__(self, head: str, quote: str, focus: tuple[int, int], style: str = "") -> None:
        self.head, self.quote, self.focus, self.style = head, quote, focus, style

    def __str__(self) -> str:
        return f'{self.head}"{" ".join(self.quote.split())}"'

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        room = options.max_width - len(self.head) - 2
        said = fit_quote(self.quote, self.focus, room) if room >= 12 else self.quote
        yield Text(f'{self.head}"{said}"', style=self.style, no_wrap=True, overflow="ellipsis")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(len(self.head) + 14, len(str(self)))
