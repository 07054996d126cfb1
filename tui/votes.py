"""How a vote and a quote look in the terminal: one place for the screens and the CLI.

The words are the engine's (``scoring.model.VOTE_WORDS``); this module adds the
colours, always beside the words so that NO_COLOR still reads, and the one
rule for shortening a quote to a line.
"""

from __future__ import annotations

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
