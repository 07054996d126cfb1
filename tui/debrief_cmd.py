"""`mockloop debrief SESSION` and `mockloop history`: the debrief and the record, off screen.

``run_debrief`` exports one loop's debrief (Markdown, HTML or JSON) to
stdout or a file; ``run_history`` prints every saved loop and the trends
across them. Both return the process exit code: 0 on success, 2 when the
session cannot be found or read (the message names the file, line and
field) or the export cannot be written.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from loops import paths
from loops.levels import level_name
from loops.problems import FileProblemError
from loops.review.debrief import debrief_data, decision_words
from loops.review.exports import ExportError, render, write_export
from loops.review.history import load_history
from loops.session import Session
from loops.store import session_from_toml
from tui.history_text import practice_label, trends_text
from tui.plain import plain


def _err(message: str) -> None:
    print(f"mockloop debrief: {message}", file=sys.stderr)


def find_session(arg: str) -> Session:
    """A session file's path, or an id looked up in the sessions folder.

    Raises FileNotFoundError with a message for the user, or FileProblemError.
    """
    path = Path(arg).expanduser()
    if path.is_file():
        return session_from_toml(path)
    if "/" in arg or "\\" in arg:
        raise FileNotFoundError(f"{arg}: no such session file")
    # An id, or an id with .toml (a file's name): both name a file in the sessions folder.
    sid = arg.removesuffix(".toml")
    by_id = paths.sessions_dir() / f"{sid}.toml"
    if not by_id.is_file():
        raise FileNotFoundError(f"no session with id {sid!r} (looked in {paths.sessions_dir()})")
    return session_from_toml(by_id)


def open_session(arg: str) -> Session | None:
    """``find_session``, or None once why not is printed (the command then exits 2)."""
    try:
        return find_session(arg)
    except FileNotFoundError as exc:
        _err(str(exc))
    except FileProblemError as exc:
        for problem in exc.problems:
            _err(str(problem))
        _err("this session file cannot be read; it was left as it is")
    return None


def run_debrief(session_arg: str, fmt: str, out: str | None) -> int:
    session = open_session(session_arg)
    if session is None:
        return 2
    data = debrief_data(session)
    try:
        if out is None:
            sys.stdout.write(render(data, fmt))
            return 0
        written = write_export(data, fmt, out)
    except (ExportError, OSError) as exc:
        _err(f"cannot write the export: {exc}")
        return 2
    print(f"wrote {written} ({fmt}, owner-only)")
    return 0


# --- history -----------------------------------------------------------------------


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _other_cells(r: dict[str, Any]) -> tuple[Text | str, ...]:
    """A row's cells but its outcome, in column order."""
    return (
        plain(r["date"]),
        plain(level_name(r["level"])),
        str(r["rounds"]),
        _share(r["inclined_share"]),
        _share(r["we_heavy_share"]),
        "-" if r["avg_seconds"] is None else f"{r['avg_seconds']:.0f}",
        str(r["contradictions"]),
        str(r["reused"]),
    )


_OTHER_HEADERS = ("Date", "Level", "Rds", "Incl.", "We", "s/ans", "Contr.", "Reused")


def outcome_room(rows: list[dict[str, Any]], width: int) -> int:
    """How wide the Outcome column may be in a table ``width`` columns wide: what the
    other columns take at their widest cell, and one space between columns. An import's
    file name is cut in its middle to it (``practice_label``), so Rich never wraps or
    cuts it at its end, where file names differ ("...-v1.txt", "...-v2.txt")."""
    shown = [_OTHER_HEADERS, *(_other_cells(r) for r in rows)]
    other = sum(
        max(Text(c).cell_len if isinstance(c, str) else c.cell_len for c in column)
        for column in zip(*shown, strict=True)
    )
    return max(width - other - len(_OTHER_HEADERS), len("Outcome"))


def history_table(rows: list[dict[str, Any]], width: int = 80) -> Table:
    """One line a saved loop; fits 80 columns with every header and figure whole.

    Boxed, with a cell padding each side, nine columns took 28 columns of rules and
    spaces, and at 80 a Senior or unfinished row cut "Incl." to "In…" and "100%" to
    "10…". Now one space parts the columns (a rule only under the headers), figures
    never wrap nor shrink below their header, and a long level or "unfinished (n)"
    wraps instead.
    """
    table = Table(
        title="Saved loops, newest first",
        header_style="bold",
        expand=False,
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, 0),
    )
    table.add_column("Date", no_wrap=True)
    table.add_column("Level", min_width=6)
    table.add_column("Rds", justify="right", no_wrap=True, min_width=3)
    table.add_column("Outcome", min_width=10)
    for header in ("Incl.", "We", "s/ans", "Contr.", "Reused"):
        table.add_column(header, justify="right", no_wrap=True, min_width=len(header))
    room = outcome_room(rows, width)
    for r in rows:
        practice = practice_label(r, room)
        if practice is not None:
            outcome = Text(practice, style="dim")
        elif r["outcome"] is None:
            outcome = Text(f"unfinished ({r['answers']})", style="dim")
        else:
            hire = r["outcome"] == "hire"
            outcome = Text(decision_words(r["outcome"]), style="green" if hire else "red")
        date, level, rounds, *figures = _other_cells(r)
        table.add_row(date, level, rounds, outcome, *figures)
    return table


def run_history(as_json: bool, console: Console | None = None) -> int:
    history = load_history()
    for problem in history.problems:
        print(f"mockloop history: skipped {problem}", file=sys.stderr)
    trend = history.trends
    done = 2 if history.problems else 0  # a skipped file is bad input, as everywhere
    if as_json:
        mine = history.self_check
        own = {"votes": mine.votes, "agree": mine.agree, "over_confident": mine.over,
               "too_harsh": mine.harsh}  # fmt: skip
        rows = [{**r, "kind": r.get("kind") or "loop"} for r in history.rows]
        data = {"loops": rows, "trends": trend, "self_votes": own}
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return done
    console = console or Console()
    if not history.rows:
        console.print(plain(f"No saved loops yet (looked in {paths.sessions_dir()})."))
        return done
    console.print(history_table(history.rows, console.width))
    console.print(trends_text(trend, history.self_check))
    return done
