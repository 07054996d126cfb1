"""A yes/no question before anything a key press could regret (deleting a loop).

Dismissed with True only on `y`; Esc and `n` answer no, so a stray Enter or
a key meant for the screen below never confirms. The question is plain text:
it may quote a file name or a loop the user made.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static


class ConfirmScreen(ModalScreen[bool]):
    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    #confirm-panel {
        width: 90%; height: auto; max-height: 80%;
        border: round $warning; background: $surface; padding: 0 1;
    }
    """
    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n", "answer(False)", "No"),
        Binding("escape", "answer(False)", "No", show=False),
    ]

    def __init__(self, question: str, yes: str = "yes", no: str = "no") -> None:
        super().__init__()
        self.question = question
        self.yes, self.no = yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-panel"):
            yield Static(
                Text(f"{self.question}\n\ny  {self.yes}\nn or Esc  {self.no}"), id="confirm-text"
            )
        yield Footer()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


def ask_to_delete(
    screen: Screen[Any], session_id: str, described: str, done: Callable[[], None]
) -> None:
    """Ask before moving a loop to the trash (loops/trash.py); ``done`` runs after a move.

    Home and history both delete this way, so both say the same thing and
    both refuse a loop another mockloop is playing.
    """
    from loops.lock import LoopLocked
    from loops.trash import trash_dir, trash_session

    folder = getattr(screen.app, "sessions_dir", None)

    def answered(yes: bool | None) -> None:
        if not yes:
            return
        try:
            moved = trash_session(session_id, folder)
        except LoopLocked as exc:
            screen.notify(f"Not deleted: {exc}", severity="warning", timeout=10)
            return
        except OSError as exc:
            screen.notify(f"Could not delete the loop: {exc}", severity="error", timeout=10)
            return
        screen.notify(
            f"Moved to {moved}. Move it back to {moved.parent.parent} to restore it.", timeout=8
        )
        done()

    question = (
        f"Delete this loop?\n  {described}\n\n"
        f"Its file moves to {trash_dir(folder)}, from where you can move it back."
    )
    screen.app.push_screen(ConfirmScreen(question, yes="delete it", no="keep it"), answered)
