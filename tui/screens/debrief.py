"""The debrief: the hiring meeting after the loop.

Outcome first, then each round as its interviewer would write it up (vote
per principle, quoted evidence, flags, timing), then what the interviewers
notice when they read each other's notes: stories told twice, and facts
that disagree between rounds.
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from loops.levels import level_name
from loops.principles import BY_SLUG
from loops.session import Session
from loops.timing import (
    ACTION_SHARE_TARGET,
    SITUATION_TASK_TARGET,
    beat_split,
    fmt_seconds,
)
from scoring import LoopAnalysis
from scoring.sessions import analyze_session

VOTE_WORDS = {
    "strongly-inclined": "STRONGLY INCLINED",
    "inclined": "INCLINED",
    "not-inclined": "NOT INCLINED",
    "strongly-not-inclined": "STRONGLY NOT INCLINED",
}
_VOTE_STYLE = {
    "strongly-inclined": "bold green",
    "inclined": "green",
    "not-inclined": "yellow",
    "strongly-not-inclined": "bold red",
}


def clip(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def outcome_text(analysis: LoopAnalysis) -> Text:
    out = analysis.outcome
    hire = out.decision == "hire"
    text = Text.assemble(
        ("Outcome: ", "bold"),
        ("HIRE" if hire else "NO HIRE", "bold green" if hire else "bold red"),
        f"  ({out.inclined} of {out.total} votes inclined)\n",
        out.reason,
    )
    if out.bar_raiser_vote:
        text.append(f"\nBar Raiser: {VOTE_WORDS[out.bar_raiser_vote]}")
    return text


def round_section(session: Session, analysis: LoopAnalysis, round_index: int) -> Group:
    rnd = session.plan.rounds[round_index - 1]
    kind = "Bar Raiser" if rnd.is_bar_raiser else rnd.kind.replace("-", " ")
    parts: list[Text | Table] = [
        Text(f"Round {rnd.index}: {rnd.interviewer}, {rnd.title} ({kind})", style="bold")
    ]
    indexed = list(enumerate(session.answers))
    for qi, q in enumerate(rnd.questions):
        mine = [(i, a) for i, a in indexed if a.round == rnd.index and a.question_index == qi]
        main = next((i for i, a in mine if a.kind == "main"), None)
        name = BY_SLUG[q.principle].name
        if main is None:
            parts.append(Text(f"  {name}: not answered", style="dim"))
            continue
        result = analysis.answers[main]
        line = Text(f"  {name}: ")
        line.append(VOTE_WORDS[result.vote], style=_VOTE_STYLE[result.vote])
        parts.append(line)
        for ev in result.vote_evidence[:2]:
            mark = "+" if ev.positive else "-"
            parts.append(Text(f'    {mark} "{clip(ev.quote, 110)}" ({ev.note})'))
        flags = sorted({f.name for i, _a in mine for f in analysis.answers[i].flags})
        if flags:
            parts.append(Text("    flags: " + ", ".join(flags), style="italic"))
    parts.append(timing_table(session, rnd.index))
    return Group(*parts)


def timing_table(session: Session, round_index: int) -> Table:
    table = Table(expand=True, header_style="bold", show_lines=False, box=None, padding=(0, 1))
    table.add_column("Asked", ratio=5)
    table.add_column("Words", justify="right", width=5, no_wrap=True)
    table.add_column("Time / target", justify="right", width=15, no_wrap=True)
    for a in session.round_answers(round_index):
        asked = ("Q: " if a.kind == "main" else "  then: ") + clip(a.prompt, 90)
        time_text = f"{fmt_seconds(a.seconds)} / {fmt_seconds(a.target_seconds)}"
        if a.auto_submitted:
            time_text += " cut"
        elif a.overtime:
            time_text += " over"
        table.add_row(asked, str(a.words), Text(time_text, style="bold" if a.overtime else ""))
        if a.beats:
            split = beat_split(a.beats, a.seconds)
            table.add_row(
                Text(
                    f"     spoken: situation+task {fmt_seconds(split.situation_task)} "
                    f"(target under {fmt_seconds(SITUATION_TASK_TARGET)}"
                    f"{', too long' if split.setup_too_long else ''}), action "
                    f"{split.action_share:.0%} of the time (target about "
                    f"{ACTION_SHARE_TARGET:.0%})",
                    style="italic",
                ),
                "",
                "",
            )
    return table


def cross_round_text(session: Session, analysis: LoopAnalysis) -> Text:
    text = Text("Across rounds\n", style="bold")
    if not analysis.reused and not analysis.contradictions:
        text.append("No story was told twice and no facts disagree between rounds.\n")
        return text
    answers = session.answers
    for reuse in analysis.reused:
        i, j = reuse.answers
        text.append(
            f"REUSED: round {reuse.rounds[0]} ({answers[i].principle}) and round "
            f"{reuse.rounds[1]} ({answers[j].principle}) tell the same story "
            f"(similarity {reuse.similarity:.2f})\n",
            style="bold",
        )
        for item in reuse.evidence[:4]:
            text.append(f"    shared: {clip(item, 100)}\n")
    for c in analysis.contradictions:
        text.append(
            f"CONTRADICTION ({c.kind}): rounds {c.rounds[0]} and {c.rounds[1]}\n", style="bold"
        )
        text.append(f"    {clip(c.detail, 200)}\n")
    return text


class DebriefScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Home"),
        Binding("q", "app.pop_screen", "Home", show=False),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.analysis = analyze_session(session)

    def compose(self) -> ComposeResult:
        s = self.session
        total = sum(a.seconds for a in s.answers)
        yield Static(
            f"Debrief: {level_name(s.settings.level)} loop, {len(s.plan.rounds)} rounds, "
            f"{len(s.answers)} answers, {fmt_seconds(total)} speaking time",
            classes="heading",
        )
        with VerticalScroll(id="debrief-body"):
            yield Static(outcome_text(self.analysis), id="outcome")
            yield Static(cross_round_text(s, self.analysis), id="cross-round")
            for rnd in s.plan.rounds:
                yield Static(round_section(s, self.analysis, rnd.index), classes="round")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#debrief-body").focus()
