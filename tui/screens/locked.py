"""The loop is open in another mockloop: say who has it and offer to look, not to answer.

Answering here would have two processes saving the same file from two
memories, each overwriting the other. Looking is harmless: the schedule
opens read-only (beginning from it asks for the lock again).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from loops.lock import Holder


def locked_text(holder: Holder) -> Text:
    return Text(
        f"This loop is already open in {holder.describe()}.\n\n"
        "Only one window can answer a loop: two would each save their own copy and "
        "overwrite the other's answers. Finish or quit it there, then resume here.\n\n"
        "s  see its schedule here, read-only\n"
        "Esc  back"
    )


class LockedScreen(ModalScreen[str | None]):
    """Dismissed with "schedule" to view the loop read-only, or None to go back."""

    DEFAULT_CSS = """
    LockedScreen { align: center middle; }
    #locked-panel {
        width: 90%; height: auto; max-height: 80%;
        border: round $warning; background: $surface; padding: 0 1;
    }
    """
    BINDINGS = [
        Binding("s", "schedule", "Schedule (read-only)"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, holder: Holder) -> None:
        super().__init__()
        self.holder = holder

    def compose(self) -> ComposeResult:
        with Vertical(id="locked-panel"):
            yield Static(locked_text(self.holder), id="locked-text")
        yield Footer()

    def action_schedule(self) -> None:
        self.dismiss("schedule")

    def action_back(self) -> None:
        self.dismiss(None)
