"""Your own vote first: before the debrief, the candidate votes each principle asked.

A candidate who cannot tell a weak answer from a strong one keeps rehearsing
the wrong thing. Voting before seeing the interviewers' votes, then reading
them side by side (the debrief) and over time (history), shows whether they
are over-confident or too harsh. Each vote is saved on the question's main
answer as it is given; Escape skips the rest and goes to the debrief. A loop
quit here is resumed here (``Session.voting``), at the first question not voted.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from loops.principles import BY_SLUG
from loops.session import AnswerRecord, Session
from scoring.model import VOTES
from scoring.wording import plural
from tui.messages import SessionChanged
from tui.plain import plain
from tui.votes import vote_text

KEYS = {"1": VOTES[3], "2": VOTES[2], "3": VOTES[1], "4": VOTES[0]}
"""Keys 1 to 4, from strongly not inclined to strongly inclined."""


_VOTE_KEYS = Binding.Group("Vote, next", compact=True)


def _row(a: AnswerRecord) -> Text:
    line = Text(f"Round {a.round} {BY_SLUG[a.principle].name}: ")
    line.append_text(vote_text(a.self_vote) if a.self_vote else Text("-"))
    return line


class SelfVoteScreen(Screen[bool]):
    """Returns True when the candidate says they are done, False when they skip."""

    BINDINGS = [
        # A vote moves on to the next principle, and the footer says so: a stranger
        # pressed 4, then Down as anyone would, then 3, which landed a row too far and
        # left one principle unvoted.
        *(
            Binding(key, f"vote('{vote}')", "Vote, next", group=_VOTE_KEYS)
            for key, vote in KEYS.items()
        ),
        Binding("0", "vote('')", "Clear", show=False),
        # Priority: the focused list would otherwise take Enter with its own, unshown
        # binding, and the footer could not say that Enter moves on.
        Binding("enter", "next", "Next", priority=True),
        Binding("ctrl+s", "done", "Debrief"),
        Binding("escape", "skip", "Skip"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        mains = [a for a in session.answers if a.kind == "main"]
        self.asked = [a for a in mains if not a.skipped]
        """The main answers given, one per question answered, in the order told; a
        skipped question (nothing said) has nothing to vote on and is left out."""
        self.skipped = len(mains) - len(self.asked)

    def compose(self) -> ComposeResult:
        if not self.asked:
            # Every question skipped: no empty list to stare at, but why, and the way on.
            yield Static("Your own vote first", classes="heading")
            yield Static(
                f"Nothing to vote on: every question of this loop was skipped ({self.skipped}"
                f" of {self.skipped}), and a skipped question has no answer to judge.\n\n"
                "Press Enter (or Ctrl+S) for the debrief.",
                id="skipped",
            )
            yield Footer()
            return
        yield Static(
            "Your own vote first: how did each principle go? Then the debrief.",
            classes="heading",
        )
        yield Static(
            "1 strongly not inclined  2 not inclined  3 inclined  4 strongly inclined",
            classes="hint",
        )
        yield Static(
            "A vote moves you to the next principle; Up goes back, 0 clears a vote.",
            id="moves",
            classes="hint",
        )
        if self.skipped:
            yield Static(
                f"Not listed: {plural(self.skipped, 'skipped question')}, nothing said to vote on.",
                id="skipped",
                classes="hint",
            )
        yield OptionList(
            *(Option(_row(a), id=f"q:{n}") for n, a in enumerate(self.asked)), id="self-votes"
        )
        yield Static("", id="asked")
        yield Footer()

    def on_mount(self) -> None:
        if not self.asked:
            return
        listing = self.query_one("#self-votes", OptionList)
        # Resumed part-way: at the first question not yet voted.
        listing.highlighted = next((n for n, a in enumerate(self.asked) if a.self_vote is None), 0)
        listing.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No vote keys in the footer when there is nothing to vote on."""
        return bool(self.asked) or action != "vote"

    @on(OptionList.OptionHighlighted, "#self-votes")
    def _show_question(self, event: OptionList.OptionHighlighted) -> None:
        a = self.asked[event.option_index]
        self.query_one("#asked", Static).update(plain(f"Asked: {a.prompt}"))

    @on(OptionList.OptionSelected, "#self-votes")
    def action_next(self) -> None:
        """Enter on the last row finishes (or at once, with nothing to vote on); on any
        other it moves on."""
        if not self.asked:
            self.action_done()
            return
        listing = self.query_one("#self-votes", OptionList)
        if listing.highlighted == len(self.asked) - 1:
            self.action_done()
        else:
            listing.action_cursor_down()

    def action_vote(self, vote: str) -> None:
        listing = self.query_one("#self-votes", OptionList)
        n = listing.highlighted
        if n is None:
            return
        a = self.asked[n]
        self.session.vote_self(a.round, a.question_index, vote or None)
        listing.replace_option_prompt_at_index(n, _row(a))
        self.post_message(SessionChanged(self.session))  # saved as given
        if vote and n < len(self.asked) - 1:
            listing.highlighted = n + 1

    def action_done(self) -> None:
        self.dismiss(True)

    def action_skip(self) -> None:
        self.dismiss(False)
