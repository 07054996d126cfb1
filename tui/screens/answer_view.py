"""Read an answer with the words that mattered highlighted; or two side by side.

Opened from the debrief: a flag or a quote shows the answer it came from,
with the span in reverse video (readable without colour); a reused story
or a contradiction shows both tellings next to each other.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from loops.principles import BY_SLUG
from loops.review.debrief import find_spans
from loops.session import AnswerRecord
from loops.timing import fmt_seconds
from scoring import AnswerAnalysis
from scoring.wording import plural, said_once

MARK = "reverse bold"


def marked(text: str, spans: list[tuple[int, int]]) -> Text:
    out = Text(text)
    for start, end in spans:
        if 0 <= start < end <= len(text):
            out.stylize(MARK, start, end)
    return out


def answer_header(answer: AnswerRecord, result: AnswerAnalysis) -> Text:
    s = result.signals
    numbers = ", ".join(said_once(s.numbers)[:8]) or "none"
    return Text.assemble(
        (f"Round {answer.round}, {answer.kind}: ", "bold"),
        answer.prompt,
        # The clock on a line of its own: after a list of numbers of any length it
        # wrapped anywhere, "clock 1:09" on one line and "of 2:30" on the next.
        f"\nI {s.i_count} / we {s.we_count}   numbers: {numbers}\n"
        f"{plural(s.word_count, 'word')}, clock {fmt_seconds(answer.seconds)} of "
        f"{fmt_seconds(answer.target_seconds)}\n",
    )


class AnswerScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "close", "Back"), Binding("q", "close", "Back", show=False)]

    def __init__(
        self, answer: AnswerRecord, result: AnswerAnalysis, spans: list[tuple[int, int]], why: str
    ) -> None:
        super().__init__()
        self.answer, self.result, self.spans, self.why = answer, result, spans, why

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="answer-view", classes="panel"):
            yield Static(answer_header(self.answer, self.result))
            yield Static(Text(self.why, style="italic"))
            yield Static(marked(self.answer.text or "(no answer)", self.spans), id="marked")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#answer-view").focus()

    def action_close(self) -> None:
        self.dismiss(None)


class CompareScreen(ModalScreen[None]):
    """Two answers from different rounds side by side, shared or clashing words marked."""

    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("q", "close", "Back", show=False),
        # Each side scrolls on its own; the footer says how while either is longer than
        # its box (at 80x24 most tellings are). Priority: the focused side's own arrow
        # keys, which do the same, are unshown and would hide these from the footer.
        Binding("down", "scroll_side('down')", "Scroll", key_display="↑↓", priority=True),
        Binding("up", "scroll_side('up')", "Scroll", show=False, priority=True),
        Binding("tab", "other_side", "Other side"),
    ]

    def __init__(
        self,
        title: str,
        left: AnswerRecord,
        right: AnswerRecord,
        left_marks: list[str],
        right_marks: list[str],
        labels: tuple[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.title_text, self.left, self.right = title, left, right
        self.left_marks, self.right_marks = left_marks, right_marks
        self.labels = labels
        """Each side's heading; by default its round and principle."""

    def compose(self) -> ComposeResult:
        yield Static(Text(self.title_text, style="bold"), id="compare-title")
        with Horizontal(id="compare"):
            for n, (a, marks) in enumerate(
                ((self.left, self.left_marks), (self.right, self.right_marks))
            ):
                with VerticalScroll(classes="side", id=f"side-{n}"):
                    name = BY_SLUG[a.principle].name
                    label = self.labels[n] if self.labels else f"Round {a.round} ({name})"
                    yield Static(Text(label, style="bold"))
                    yield Static(marked(a.text, find_spans(a.text, marks)), id=f"text-{n}")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#side-0").focus()
        self.call_after_refresh(self.refresh_bindings)  # laid out: does a side scroll?

    def on_resize(self) -> None:
        self.call_after_refresh(self.refresh_bindings)

    def _scrolls(self) -> bool:
        """Either side is longer than its box."""
        return any(side.max_scroll_y > 0 for side in self.query(".side").results(VerticalScroll))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("scroll_side", "other_side"):
            return self._scrolls()
        return True

    def action_scroll_side(self, way: str) -> None:
        """Up or Down: the focused side scrolls a line."""
        side = self.focused
        if isinstance(side, VerticalScroll):
            if way == "down":
                side.action_scroll_down()
            else:
                side.action_scroll_up()

    def action_other_side(self) -> None:
        self.focus_next()

    def action_close(self) -> None:
        self.dismiss(None)
