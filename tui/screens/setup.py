"""Setup: level, number of rounds, timing and an optional seed."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, Select, Static

from loops.levels import LEVELS
from loops.planner import MAX_ROUNDS, MIN_ROUNDS
from loops.session import TIMINGS, LoopSettings
from loops.settings import load_settings, remember_choices
from tui.messages import LoopRequested

_TIMING_HELP = {
    "strict": "the clock moves you on 10 s after time is up",
    "relaxed": "overtime is shown and recorded; you finish",
    "untimed": "a stopwatch only",
}


class SetupScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+s", "start", "Plan the loop"),
        Binding("escape", "app.pop_screen", "Back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        # A bad setting is reported on home, in full, before a loop is set up; a toast
        # here was cut at 80 columns and still showing at the first question.
        self.defaults = load_settings().settings

    def compose(self) -> ComposeResult:
        d = self.defaults
        with Vertical(id="setup"):
            yield Static("New loop", classes="heading")
            choices: list[tuple[str, str, list[tuple[str, object]], object]] = [
                ("Level", "level", [(name, slug) for slug, name in LEVELS.items()], d.level),
                ("Rounds", "rounds",
                 [(f"{n} (Bar Raiser included)", n) for n in range(MIN_ROUNDS, MAX_ROUNDS + 1)],
                 d.rounds),
                ("Timing", "timing", [(f"{t}: {_TIMING_HELP[t]}", t) for t in TIMINGS],
                 d.timing),
                ("Coach", "coach",
                 [("off: no feedback until the debrief, as in a real loop", "off"),
                  ("on: flags and a vote after every answer", "on")],
                 "on" if d.coach else "off"),
                ("Answers", "mode",
                 [("typed: write each answer in the editor", "typed"),
                  ("spoken: say it aloud, mark STAR beats with keys", "spoken")],
                 d.mode),
                ("Your vote", "self-vote",
                 [("off: straight to the debrief", "off"),
                  ("on: vote each principle yourself before the debrief", "on")],
                 "on" if d.self_vote else "off"),
            ]  # fmt: skip
            for label, wid, options, value in choices:
                with Horizontal(classes="field"):
                    yield Label(label)
                    yield Select(options, value=value, allow_blank=False, id=wid, compact=True)
            with Horizontal(classes="field"):
                yield Label("Seed")
                yield Input(
                    placeholder="random (the same seed gives the same loop)",
                    id="seed",
                    type="integer",
                    compact=True,
                )
            yield Button("Plan the loop", id="start", variant="primary", compact=True)
            yield Static(
                "Tab moves between fields, Enter opens a list, Ctrl+S plans the loop.",
                classes="hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#level", Select).focus()

    def settings(self) -> LoopSettings | None:
        seed_text = self.query_one("#seed", Input).value.strip()
        try:
            seed = int(seed_text) if seed_text else None
        except ValueError:
            self.notify("The seed must be a whole number.", severity="error")
            return None
        return LoopSettings(
            level=str(self.query_one("#level", Select).value),
            rounds=int(self.query_one("#rounds", Select).value),  # type: ignore[arg-type]
            timing=str(self.query_one("#timing", Select).value),
            seed=seed,
            coach=self.query_one("#coach", Select).value == "on",
            mode=str(self.query_one("#mode", Select).value),
            self_vote=self.query_one("#self-vote", Select).value == "on",
            main_seconds=self.defaults.main_seconds,
            follow_up_seconds=self.defaults.follow_up_seconds,
        )

    @on(Button.Pressed, "#start")
    @on(Input.Submitted, "#seed")
    def action_start(self) -> None:
        settings = self.settings()
        if settings is not None:
            self._remember(settings)
            self.post_message(LoopRequested(settings))

    def _remember(self, s: LoopSettings) -> None:
        """The next setup opens on these choices; a failed write only costs that."""
        choices = {
            "level": s.level,
            "rounds": s.rounds,
            "timing": s.timing,
            "coach": s.coach,
            "mode": s.mode,
            "self_vote": s.self_vote,
        }
        try:
            remember_choices(choices)
        except OSError as exc:
            self.notify(f"Could not remember these choices: {exc}", severity="warning")
