"""Help: the keys, and how the loop works; text lives in tui/help.md."""

from __future__ import annotations

from importlib import resources

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Markdown


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("q", "dismiss", "Close", show=False),
        Binding("f1", "dismiss", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        text = (resources.files("tui") / "help.md").read_text(encoding="utf-8")
        with VerticalScroll(id="help"):
            yield Markdown(text)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help").focus()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
