"""History as text, for the history screen and ``mockloop history`` alike: trends drawn as
sparklines, and what a row that is not a loop is. Rich text only, no Textual."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from loops.review.debrief import SelfCheck
from loops.review.history import MEASURES
from scoring.wording import plural

BLOCKS = "▁▂▃▄▅▆▇█"
SPARK_WIDTH = 40
"""At most this many loops in a sparkline: the latest ones, so it fits 80 columns."""

_MEASURE_LABELS = {
    "inclined_share": ("Inclined votes", "share"),
    "we_heavy_share": ("We-heavy answers", "share"),
    "avg_seconds": ("Seconds per answer", "seconds"),
    "contradictions": ("Contradictions", "count"),
    "reused": ("Stories reused", "count"),
}


def sparkline(values: list[float], width: int = SPARK_WIDTH) -> str:
    """The last ``width`` values drawn with block characters, low to high."""
    values = values[-width:]
    if not values:
        return ""
    lo, hi = min(values), max(values)
    if hi == lo:
        return BLOCKS[0 if hi == 0 else 3] * len(values)
    top = len(BLOCKS) - 1
    return "".join(BLOCKS[round((v - lo) / (hi - lo) * top)] for v in values)


def _measure(name: str, value: float) -> str:
    kind = _MEASURE_LABELS[name][1]
    if kind == "share":
        return f"{value:.0%}"
    if kind == "seconds":
        return f"{value:.0f}s"
    return f"{value:g}"


def practice_label(r: dict[str, Any], width: int | None = None) -> str | None:
    """What a history row that is not a loop is ("drill", "retry, unfinished", "import:
    onsite.txt"), or None for a loop: practice has no hiring meeting, so it never shows
    a loop's outcome. An import names the file it was read from (its name, never a
    path), cut in the middle to fit ``width`` when given."""
    kind = r.get("kind") or "loop"  # a row cached before kinds were kept is a loop
    if kind == "loop":
        return None
    tail = "" if r["finished"] else ", unfinished"
    source = r.get("source") or ""
    if kind != "import" or not source:
        return kind + tail
    label = f"{kind}: {source}{tail}"
    if width is None or len(label) <= width:
        return label
    room = width - len(f"{kind}: ") - len(tail)
    if room >= IMPORT_NAME_MIN:
        return f"{kind}: {clip_middle(source, room)}{tail}"
    # Too narrow for both (a Staff / Principal row widens the Level column): the file's
    # name, with its extension, says what the row is better than "import" would.
    return clip_middle(source, max(width - len(tail), IMPORT_NAME_MIN)) + tail


IMPORT_NAME_MIN = 8
"""An import's file name is never cut shorter than this: "phon…txt" still tells two
interviews apart where "p…" would not."""


def clip_middle(name: str, limit: int | None) -> str:
    """``name`` cut to ``limit`` characters by an ellipsis in its middle, so both its
    start and its end (a date, the extension) stay readable: "onsite-20…sde2.txt"."""
    if limit is None or len(name) <= limit:
        return name
    keep = limit - 1
    front = (keep + 1) // 2
    return name[:front] + "…" + name[len(name) - (keep - front) :]


def trends_text(trend: dict[str, list[float]], mine: SelfCheck | None = None) -> Text:
    """The trends as sparklines, then (``mine``) how the candidate's own votes agreed."""
    count = len(next(iter(trend.values()), []))
    text = Text(f"Trends over {plural(count, 'finished loop')}, oldest to newest\n", style="bold")
    if not count:
        text.append("Finish a loop to see trends.\n")
        return text
    for name in MEASURES:
        values = trend[name]
        label = _MEASURE_LABELS[name][0]
        text.append(f"{label:<19}")
        text.append(f"{sparkline(values):<{SPARK_WIDTH}}", style="cyan")
        text.append(f" {_measure(name, values[0])} → {_measure(name, values[-1])}\n")
    if mine is not None and mine.votes:
        text.append("Your own votes     ", style="bold")
        text.append(mine.sentence() + "\n")
    return text
