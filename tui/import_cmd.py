"""`mockloop import FILE`: a real interview's answers, saved and opened as a debrief.

The review layer (loops/review/imports.py) reads the file into a session
with origin "import"; this module saves it like a loop, prints what the
debrief found (the stories told twice, facts that disagree, the banked
stories and past loops that tell the same story) and opens the app on the
debrief. Exit codes: 0 imported, 2 the file cannot be used (the message
names the file, line and field) or the session cannot be saved.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from loops import paths
from loops.principles import BY_SLUG
from loops.review.analysis import analyze_session
from loops.review.debrief import decision_words, similarity_text
from loops.review.imports import (
    ImportInputError,
    earlier_import,
    import_report,
    import_session,
    past_tellings,
)
from loops.review.imports import read_import as read_file
from loops.review.matching import match_answers
from loops.session import new_session_id
from loops.store import load_sessions, new_session_path_is_free, save_session, session_path
from loops.stories import load_stories
from scoring.wording import plural
from tui.votes import clip


def format_hint(path: str) -> str:
    """What ``path`` is read as and must look like, said after its faults."""
    path = str(Path(path))  # as the faults above name it ("./a.txt" is "a.txt")
    if Path(path).suffix.lower() == ".toml":
        return (
            f"{path} ends in .toml, so it is read in mockloop analyze's format: one "
            "[[answers]] table per answer, each with round, principle and text; "
            "mockloop import --help shows an example"
        )
    return (
        f"{path} is read as plain text: 'Q [principle]: the question' on a line, the "
        "answer on the lines under it, 'F: a follow-up' for a follow-up; "
        "mockloop import --help shows an example"
    )


def run(path: str, level: str, open_app: bool, as_json: bool, vote_first: bool = False) -> int:
    """Import ``path``, save it, report; open the debrief when ``open_app`` (with
    ``vote_first``, after the candidate has voted each principle).

    The file is named in every message as ``path`` was typed (as analyze names it);
    the session records only its file name, which home and history list."""
    try:
        imported = read_file(path)
    except ImportInputError as exc:
        for line in str(exc).splitlines():  # one line per fault, each named
            print(f"mockloop import: {line}", file=sys.stderr)
        if Path(path).is_file():  # a missing file needs no format
            print(f"mockloop import: {format_hint(path)}", file=sys.stderr)
        return 2
    try:
        sid = new_session_id()
        while not new_session_path_is_free(sid):
            sid = new_session_id() + "b"
        session = import_session(imported, Path(path).name, level, sid)
    except ImportInputError as exc:
        print(f"mockloop import: {exc}", file=sys.stderr)
        return 2
    # Read before saving, so the import is not its own past; unreadable sessions are
    # named by home and history, not here.
    past = load_sessions().sessions
    # The same answers imported before: open that session (with any vote or dismissal
    # made on it since) rather than save a copy that would match it at 1.00.
    existing = earlier_import(session, past)
    if existing is not None:
        session = existing
        saved = session_path(session.id)
    else:
        try:
            saved = save_session(session)
        except OSError as exc:
            print(f"mockloop import: cannot save the session: {exc}", file=sys.stderr)
            return 2
    analysis = analyze_session(session)
    stories, problems = load_stories()
    for problem in problems:
        print(f"mockloop import: story bank not read: {problem}", file=sys.stderr)
    report = import_report(
        session, analysis, match_answers(session, stories), stories, past_tellings(session, past)
    )
    done = 2 if problems else 0  # imported, but a bad story bank is bad input too
    if as_json:
        report = {**report, "path": str(saved), "already_imported": existing is not None}
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return done
    render(report, session.answers, saved, Console(highlight=False), existing is not None, path)
    if open_app and sys.stdin.isatty() and sys.stdout.isatty():
        from tui.app import MockloopApp

        app = MockloopApp(debrief=session, vote_first=vote_first)
        app.run()
        return app.return_code or done
    return done


def render(
    report: dict[str, Any],
    answers: list[Any],
    saved: Path,
    console: Console,
    already: bool = False,
    typed: str | None = None,
) -> None:
    """The report as text; every quote from the file is Text, never markup. The file
    is named as ``typed`` (the path given on the command line) when there is one."""
    out = report["outcome"]
    source = typed or report["source"]
    counts = f"{plural(report['answers'], 'answer')} in {plural(report['rounds'], 'round')}"
    if already:
        console.print(
            Text(
                f"Already imported: the same {counts} (from {source}) are "
                f"saved as {saved.name} in {paths.sessions_dir()}; opening that one, "
                "no copy made"
            )
        )
    else:
        console.print(
            Text(
                f"Imported {counts} from {source}, saved as {saved.name} in {paths.sessions_dir()}"
            )
        )
    console.print(Text(f"Outcome: {decision_words(out['decision'])}. {out['reason']}"))
    for r in report["reused"]:
        console.print(
            Text(
                f"Same story in rounds {r['rounds'][0]} and {r['rounds'][1]} "
                f"({similarity_text(r['similarity'])})"
            )
        )
    for c in report["contradictions"]:
        console.print(Text(f"Contradiction ({c['kind']}): {clip(c['detail'], 200)}"))
    for m in report["stories"]:
        name = BY_SLUG[m["principle"]].name
        if m["story"] is None:
            console.print(Text(f"Round {m['round']} {name}: a story not in your bank"))
            continue
        console.print(Text(f'Round {m["round"]} {name}: banked story "{m["title"]}"'))
        for c in m["conflicts"]:
            console.print(Text(f"  contradicts your bank ({c['kind']}): {clip(c['detail'], 200)}"))
    for p in report["past"]:
        told = answers[p["answer"]]
        console.print(
            Text(
                f"Round {told.round} {BY_SLUG[told.principle].name}: the same story as round "
                f"{p['round']} of the {p['kind']} of {p['date']} ({p['session']})"
            )
        )
        for c in p["contradictions"]:
            console.print(Text(f"  contradicts it ({c['kind']}): {clip(c['detail'], 200)}"))
    console.print(
        Text("Open it any time from home (mockloop), or: mockloop debrief " + report["session"])
    )
