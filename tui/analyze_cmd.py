"""`mockloop analyze FILE [--json]`: score a loop's answers from a TOML file.

The engine (scoring/) does the work; this module only loads, prints and
chooses the exit code: 0 on success, 2 when the file cannot be used (the
message names the file, the answer's index and the field).

The report is read by a person: principles by name ("Customer Obsession"),
votes in the meeting's words ("NOT INCLINED"), and answers numbered from 1 in
the order of the file ("#1" is its first ``[[answers]]``). ``--json`` is read
by programs and keeps the engine's contract: slugs, vote values, and each
answer's ``index`` into its ``answers`` array, from 0.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from loops.principles import BY_SLUG
from loops.problems import FileProblemError
from loops.review.analysis import labelled_lengths, spoken_length
from loops.review.answers import load_answers_file
from loops.review.debrief import decision_words, similarity_text
from scoring import Contradiction, LoopAnalysis, analyze_loop
from scoring.wording import plural
from tui.votes import clip, vote_text

_QUOTE_LIMIT = 160


def _name(slug: str) -> str:
    """A principle as a person names it ("Customer Obsession"), not its slug."""
    p = BY_SLUG.get(slug)
    return p.name if p else slug


def number(index: int) -> str:
    """An answer as the report names it: counted from 1, in the order of the file."""
    return f"#{index + 1}"


def _pair(answers: tuple[int, int]) -> str:
    return f"{number(answers[0])} & {number(answers[1])}"


def format_hint(path: str) -> str:
    """What a file for analyze must look like, said after its faults: a first-time user
    told only "answers[0].text: missing" does not know what the rest should be."""
    path = str(Path(path))  # as the faults above name it ("./a.toml" is "a.toml")
    return (
        f"{path} must be TOML: one [[answers]] table per answer, each with round, "
        'principle and text (round = 1, principle = "ownership", text = "..."); '
        "mockloop analyze --help shows a whole example"
    )


def run(path: str, as_json: bool) -> int:
    """Analyse ``path`` and print the result; return the process exit code.

    Files are named in messages as ``path`` was typed (as import names them)."""
    try:
        answers, bar_raiser_round = load_answers_file(path)
    except FileProblemError as exc:
        for problem in exc.problems:
            print(f"mockloop analyze: {problem}", file=sys.stderr)
        if Path(path).is_file():  # a missing file needs no format
            print(f"mockloop analyze: {format_hint(path)}", file=sys.stderr)
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
        head.append_text(vote_text(out.bar_raiser_vote))
    console.print(Panel(head, title="mockloop debrief", expand=False))

    if out.principles:
        votes = Table(title="Principles probed", expand=False)
        votes.add_column("Principle")
        votes.add_column("Vote")
        for slug, vote in out.principles.items():
            votes.add_row(_name(slug), vote_text(vote))
        console.print(votes)

    for a in (labelled_lengths(r, clock=False) for r in result.answers):
        title = f"{number(a.index)}  round {a.round}  {_name(a.principle)}" + (
            "  (follow-up)" if a.kind == "follow-up" else ""
        )
        s = a.signals
        lines: list[Text] = [
            _vote_line(a.vote, out.counted.get(a.index, a.vote)),
            Text(
                f"I {s.i_count} / we {s.we_count} · {plural(s.word_count, 'word')} · "
                f"{spoken_length(s, clock=False, brief=True)} · "
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
                _pair(r.answers),
                f"{r.rounds[0]} & {r.rounds[1]}",
                similarity_text(r.similarity),
                Text(clip("; ".join(r.evidence), 200)),  # quoted from answers: never markup
            )
        console.print(table)
    _findings(console, "Facts that disagree across rounds", result.contradictions)
    _findings(console, "Facts to check across rounds (not counted against votes)", result.checks)
    if not result.reused and not result.contradictions:
        console.print(Text("No story was told twice and no facts disagree.", "green"))


def _vote_line(vote: str, counted: str) -> Text:
    """The telling's vote, and the one the meeting counts when a contradiction lowered it
    (what the principles table shows)."""
    line = Text.assemble(("Vote: ", "bold"), vote_text(vote))
    if counted != vote:
        line.append(", counted as ")
        line.append_text(vote_text(counted))
        line.append(" (lowered by a contradiction)")
    return line


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
        table.add_row(_pair(c.answers), c.kind, Text(clip(c.detail, 240)))
    console.print(table)
