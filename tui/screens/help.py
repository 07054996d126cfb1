"""Help: the keys, and how the loop works; text lives in tui/help.md.

The text is drawn by Rich in one Static, not by Textual's ``Markdown`` widget:
that widget made a widget of every block and every table cell (about 190 for
help.md, 160 of them the keys table), and laying them out made F1 take 0.5 to
0.9 s to show help in tmux at 80x24. One Static of Rich renderables, drawn once
per width (``Drawn``), shows the same text in the time any modal screen takes
(tests/benchmarks/bench_help.py). The keys table is a Rich ``Table`` built here,
so its first two columns keep their short words and the third takes the rest of
the width (Rich's own Markdown gives every column the same width).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.markdown import Markdown
from rich.measure import Measurement
from rich.segment import Segment
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static


def cells(line: str) -> list[str]:
    """The cells of one Markdown table row: ``| a | b |`` is ["a", "b"]."""
    return [c.strip() for c in line.strip().strip("|").split("|")]


def inline(cell: str) -> Text:
    """A table cell's text, its `code` spans in the Markdown code style (never markup)."""
    text = Text()
    for n, part in enumerate(cell.split("`")):
        text.append(part, style="markdown.code" if n % 2 else "")
    return text


def table(lines: list[str]) -> Table:
    """A Markdown pipe table (header, rule, rows) as a Rich table with a line per row."""
    head, *rows = [cells(line) for line in lines if not set(line) <= set("|-: ")]
    grid = Table(box=box.SQUARE, show_lines=True, expand=True, header_style="bold")
    for n, name in enumerate(head):
        # Where and which key are a few words; what it does takes most of the width.
        grid.add_column(name, ratio=8 if n == len(head) - 1 else 3)
    for row in rows:
        grid.add_row(*(inline(c) for c in row))
    return grid


def blocks(text: str) -> Iterator[RenderableType]:
    """help.md as Rich renderables: each run of table lines a table, the rest Markdown."""
    prose: list[str] = []
    rows: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            if prose:
                yield Markdown("\n".join(prose))
                prose = []
            rows.append(line)
            continue
        if rows:
            yield table(rows)
            rows = []
        prose.append(line)
    if any(p.strip() for p in prose):
        yield Markdown("\n".join(prose))


class Drawn:
    """A renderable drawn once per width and then replayed.

    Textual asks a Static for its lines at each layout pass (its height, then its
    lines, again after the scrollbar appears): about a dozen times as help opens.
    The text never changes, so each width's lines are kept.
    """

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable
        self._lines: dict[int, list[list[Segment]]] = {}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        lines = self._lines.get(width)
        if lines is None:
            if len(self._lines) >= 8:  # a terminal resized many times: keep a few widths
                self._lines.clear()
            lines = console.render_lines(self.renderable, options.update(height=None), pad=False)
            self._lines[width] = lines
        new_line = Segment.line()
        for line in lines:
            yield from line
            yield new_line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(options.max_width, options.max_width)


@cache
def help_text() -> Drawn:
    """The whole help, read and parsed once, drawn once per width."""
    text = (resources.files("tui") / "help.md").read_text(encoding="utf-8")
    return Drawn(Group(*blocks(text)))


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen #help-text { padding: 0 0 0 1; }
    """
    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("q", "dismiss", "Close", show=False),
        Binding("f1", "dismiss", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(help_text(), id="help-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help").focus()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
