"""mockloop's own commands in the command palette (Ctrl+P).

Textual's palette offers only its own commands (theme, quit, screenshot);
a keyboard user who forgets a key looks there first. Each command here is
an action of the screen the palette was opened on, offered only on that
screen and only while the screen would run it (``check_action``): no
"Pause" in strict timing, no "Submit" before the round starts, no "Resume"
with nothing to resume. The palette also lists every key the footer has
no room for at 80 columns.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from textual.actions import parse
from textual.command import DiscoveryHit, Hit, Hits, Provider


@dataclass(frozen=True)
class Command:
    title: str
    help: str
    action: str
    """An action of the screen (or ``app.``-prefixed, of the app)."""
    when: Callable[[Any], bool] | None = None
    """Offered only while this holds of the screen, beyond its check_action."""


_HELP = Command("Help: keys and how a loop runs", "F1, or ? outside the editor", "app.help")

BY_SCREEN: dict[str, tuple[Command, ...]] = {
    "HomeScreen": (
        Command("New loop", "Choose the level, rounds and timing (n)", "new"),
        Command(
            "Resume the latest unfinished loop",
            "Where you left it (r)",
            "resume",
            when=lambda home: bool(home.sessions.unfinished),
        ),
        Command("History of every loop", "Outcomes and trends (h)", "history"),
        Command("Story bank", "Your stories and what they cover (b)", "stories"),
        Command("Delete the highlighted loop", "Asks first; moved to the trash (d)", "delete"),
    ),
    "HistoryScreen": (
        Command("Delete the highlighted loop", "Asks first; moved to the trash (d)", "delete"),
        Command("Retry a question", "The loop's questions and every attempt (r)", "attempts"),
        Command("Back home", "Esc", "app.pop_screen"),
    ),
    "DebriefScreen": (
        Command("Export Markdown", "To the exports folder (m)", "export('md')"),
        Command("Export HTML", "A self-contained page (h)", "export('html')"),
        Command("Export JSON", "Every vote, quote and flag (j)", "export('json')"),
        Command("Tab: rounds", "Each interviewer's votes and quotes (1)", "tab('rounds')"),
        Command("Tab: across rounds", "Stories told twice, facts that changed (2)", "tab('cross')"),
        Command("Tab: principles", "All 16 at a glance (3)", "tab('grid')"),
        Command("Tab: timing", "Time against targets (4)", "tab('timing')"),
        Command("Tab: stories", "Answers matched to your story bank (5)", "tab('stories')"),
        Command(
            "Dismiss or restore the highlighted finding",
            "Across rounds tab: not the same story / not a conflict (x)",
            "dismiss_finding",
        ),
        Command("Bank the highlighted new story", "Stories tab (a)", "bank_story"),
        Command("Retry the highlighted answer's question", "Rounds tab (r)", "retry"),
        Command("Back", "Esc", "app.pop_screen"),
    ),
    "InterviewScreen": (
        Command("Submit the answer", "Ctrl+S", "submit"),
        Command("Pause or resume the clock", "F2 (relaxed and untimed timing)", "pause"),
        Command("Cancel the retry", "Esc, before you answer: nothing is kept", "cancel_retry"),
    ),
}


class MockloopCommands(Provider):
    """The commands valid on the screen under the palette."""

    def available(self) -> Iterator[Command]:
        screen = self.screen
        for command in (*BY_SCREEN.get(type(screen).__name__, ()), _HELP):
            namespace, name, params = parse(command.action)
            runs_here = hasattr(screen, f"action_{name}") and screen.check_action(name, params)
            if (namespace == "app" or runs_here) and (command.when is None or command.when(screen)):
                yield command

    def _run(self, command: Command) -> Callable[[], Awaitable[None]]:
        # Run as a key press would: on the screen, with "app." going to the app.
        return partial(self.screen.run_action, command.action)

    async def discover(self) -> Hits:
        for command in self.available():
            yield DiscoveryHit(command.title, self._run(command), help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self.available():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.title),
                    self._run(command),
                    help=command.help,
                )
