"""`mockloop analyze FILE [--json]`: score a loop's answers from a TOML file.

The engine (scoring/) does the work; this module only loads, prints and
chooses the exit code: 0 on success, 2 when the file cannot be used (the
message names the file, the answer's index and the field).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from loops.problems import FileProblemError
from loops.review.answers import load_answers_file
from loops.review.debrief import decision_words
from scoring import Contradiction, LoopAnalysis, analyze_loop
from tui.votes import VOTE_STYLE, clip

_QUOTE_LIMIT = 160


def run(path: str, as_json: bool) -> int:
    """Analyse ``path`` and print the result; return the process exit code."""
    try:
        answers, bar_raiser_round = load_answers_file(path)
    except FileProblemError as exc:
        for problem in exc.problems:
            print(f"mockloop analyze: {problem}", file=sys.stderr)
        return 2
    result = analyze_loop(answers, bar_raiser_round)
    if as_json:
        print(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
    else:
        render(result, Console())
    return 0


def render(result: LoopAnalysis, console: Console) -> None:
    """The readable report: outcome, each answer's notes, then the cross-round findings."""
    out = result.outcome
    style = "bold green" if out.decision == "hire" else "bold red"
    head = Text.assemble(
        ("Outcome: ", "bold"),
        (decision_words(out.decision), style),
        "\n",
        out.reason,
    )
    if out.bar_raiser_vote is not None:
        head.append("\nBar Raiser (round " + str(out.bar_raiser_round) + "): ")
        head.append(out.bar_raiser_vote, VOTE_STYLE[out.bar_raiser_vote])
    console.print(Panel(head, title="mockloop debrief", expand=False))

    if out.principles:
        votes = Table(title="Principles probed", expand=False)
        votes.add_column("Principle")
        votes.add_column("Vote")
        for slug, vote in out.principles.items():
            votes.add_row(slug, Text(vote, VOTE_STYLE[vote]))
        console.print(votes)

    for a in result.answers:
        title = f"#{a.index}  round {a.round}  {a.principle}" + (
            "  (follow-up)" if a.kind == "follow-up" else ""
        )
        s = a.signals
        lines: list[Text] = [
            Text.assemble(("Vote: ", "bold"), (a.vote, VOTE_STYLE[a.vote])),
            Text(
                f"I {s.i_count} / we {s.we_count} · {s.word_count} words · "
                f"~{s.seconds:.0f}s{' (measured)' if s.seconds_measured else ''} · "
                f"STAR: {', '.join(s.star) or 'none'}"
            ),
        ]
        for flag in a.flags:
            line = Text("• ", "red")
            line.append(flag.name, "bold red")
            line.append(": " + flag.message)
            if flag.quote:
                line.append("\n    “" + clip(flag.quote, _QUOTE_LIMIT) + "”", "italic")
            lines.append(line)
        if not a.flags:
            lines.append(Text("No red flags.", "green"))
        console.print(Panel(Group(*lines), title=title, title_align="left"))

    if result.reused:
        table = Table(title="Stories told twice", expand=True)
        table.add_column("Answers")
        table.add_column("Rounds")
        table.add_column("Similarity", justify="right")
        table.add_column("Shared details", overflow="fold")
        for r in result.reused:
            table.add_row(
                f"#{r.answers[0]} & #{r.answers[1]}",
                f"{r.rounds[0]} & {r.rounds[1]}",
                f"{r.similarity:.2f}",
                Text(clip("; ".join(r.evidence), 200)),  # quoted from answers: never markup
            )
        console.print(table)
    _findings(console, "Facts that disagree across rounds", result.contradictions)
    _findings(console, "Facts to check across rounds (not counted against votes)", result.checks)
    if not result.reused and not result.contradictions:
        console.print(Text("No story was told twice and no facts disagree.", "green"))


def _findings(console: Console, title: str, found: Sequence[Contradiction]) -> None:
    """Contradictions or checks as one table; nothing when there are none."""
    if not found:
        return
    table = Table(title=title, expand=True)
    table.add_column("Answers")
    table.add_column("Kind")
    table.add_column("Detail", overflow="fold")
    for c in found:
        # Text, not str: a detail quotes the answers, which are never markup.
        table.add_row(f"#{c.answers[0]} & #{c.answers[1]}", c.kind, Text(clip(c.detail, 240)))
    console.print(table)
