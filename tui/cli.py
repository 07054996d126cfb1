"""The `mockloop` command.

With no arguments it starts the app. Subcommands print plans, check a
question file, or analyse answers. Heavy imports (Textual) happen only on
the path that needs them, so `mockloop plan` stays quick.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from loops import paths
from loops.bank import load_bank, parse_bank_file
from loops.levels import LEVELS, level_name
from loops.planner import DEFAULT_ROUNDS, MAX_ROUNDS, MIN_ROUNDS, PlanError, minutes, plan_loop
from loops.principles import SLUGS
from loops.problems import FileProblemError
from loops.settings import load_settings
from loops.timing import fmt_seconds
from scoring.wording import plural


def _cmd_plan(args: argparse.Namespace) -> int:
    import json

    bank = load_bank(paths.user_questions_dir())
    for problem in bank.problems:
        print(f"skipped: {problem}", file=sys.stderr)
    try:
        plan = plan_loop(bank, args.level, args.rounds, args.seed)
    except PlanError as exc:
        print(f"mockloop plan: {exc}", file=sys.stderr)
        return 2
    # At the time limits a loop started now would have (the settings file's, or the
    # defaults): the minutes the schedule shows and the round's clock counts down from.
    loaded = load_settings()
    for problem in loaded.problems:
        print(f"settings: {problem}; its default is used", file=sys.stderr)
    main, follow_up = loaded.settings.main_seconds, loaded.settings.follow_up_seconds
    if args.json:
        print(json.dumps(plan.to_json(main, follow_up), indent=2, ensure_ascii=False))
    else:
        total = sum(r.seconds_at(main, follow_up) for r in plan.rounds)
        print(
            f"Level {level_name(plan.level)}, seed {plan.seed}: ~{minutes(total)} min at the "
            f"time limits ({fmt_seconds(main)} a main answer, {fmt_seconds(follow_up)} a follow-up)"
        )
        for r in plan.rounds:
            took = minutes(r.seconds_at(main, follow_up))
            print(f"\nRound {r.index}: {r.kind}, {r.interviewer} ({r.title}), ~{took} min")
            for q in r.questions:
                print(f"  [{q.principle}] {q.prompt}")
    return 2 if bank.problems or loaded.problems else 0  # bad input, as everywhere


def _cmd_check_bank(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        questions, generic = parse_bank_file(path)
    except FileProblemError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(
            f"{path}: {plural(len(exc.problems), 'problem')}; this file would be skipped.",
            file=sys.stderr,
        )
        return 2  # bad input, as every other command says it
    taken = {q.id for q in load_bank(None).questions}
    clashes = [q.id for q in questions if q.id in taken]
    if clashes:
        # One line, not one per id: checking a copy of the built-in bank printed ~90.
        shown = ", ".join(clashes[:5]) + (
            f" and {len(clashes) - 5} more" if len(clashes) > 5 else ""
        )
        print(
            f"{path}: {len(clashes)} of your {plural(len(questions), 'question id')} "
            f"{'is' if len(clashes) == 1 else 'are'} already in the built-in bank ({shown}); "
            "give your questions ids of their own",
            file=sys.stderr,
        )
        return 2
    print(
        f"{path}: OK, {plural(len(questions), 'question')}, "
        f"{plural(len(generic), 'generic follow-up')}"
    )
    return 0


_SLUG_LINES = textwrap.fill(", ".join(SLUGS), 76, initial_indent="  ", subsequent_indent="  ",
                            break_on_hyphens=False)  # fmt: skip
ANALYZE_FORMAT = f"""\
FILE is TOML: one [[answers]] table per answer, in the order told.

  bar_raiser_round = 1          # optional: the round whose vote can veto

  [[answers]]
  round = 1                     # required: the round number
  principle = "ownership"       # required: a principle slug (below)
  text = \"\"\"I owned the fix...\"\"\"  # required: the answer as told
  question = "Tell me about..." # optional: the question asked
  kind = "main"                 # optional: main (default) or follow-up
  seconds = 140                 # optional: its length; else from its words
  failure = false               # optional: true if it asked for a failure

Principle slugs:
{_SLUG_LINES}

Exit codes: 0 scored, 2 the file cannot be used (the message names the file,
line and field)."""


# Said here, not in loops/review/imports.py, so building the parser loads no scoring.
TEXT_FORMAT = """\
  # Round 1                optional: starts a round; "# Round 4 Bar Raiser"
                           marks the round whose vote can veto
  Q [ownership]: Tell me about a time you owned a problem nobody else would.
  The answer, as told, on as many lines as it takes.
  F: How did you measure that?
  The answer to the follow-up.

A line starting "Q" with a principle in brackets (its slug or its name) and a
colon starts a main question; "F:" starts a follow-up to the question above it.
Every other line is the answer to the last question; lines before the first
"Q" (a title, notes) are ignored. Without any "# Round" line, each main
question is its own round, so every two answers are compared as the debrief
compares rounds."""

IMPORT_FORMAT = f"""\
A FILE ending in .toml is in the format of mockloop analyze (mockloop analyze
--help lists every field and the principle slugs), for example:

    [[answers]]
    round = 1
    principle = "ownership"
    question = "Tell me about a time you owned a problem nobody else would."
    text = \"\"\"I owned the fix...\"\"\"

Any other FILE is read as plain text, one answer under each question:

{TEXT_FORMAT}

Exit codes: 0 imported, 2 the file cannot be used (the message names the file,
line and field)."""


def _cmd_analyze(args: argparse.Namespace) -> int:
    from tui import analyze_cmd

    return analyze_cmd.run(args.file, args.json)


def _cmd_import(args: argparse.Namespace) -> int:
    from tui import import_cmd

    return import_cmd.run(args.file, args.level, not args.no_open, args.json, args.vote)


def _cmd_debrief(args: argparse.Namespace) -> int:
    from tui import debrief_cmd

    return debrief_cmd.run_debrief(args.session, args.format, args.output)


def _cmd_history(args: argparse.Namespace) -> int:
    from tui import debrief_cmd

    return debrief_cmd.run_history(args.json)


def _cmd_drill(args: argparse.Namespace) -> int:
    from tui import drill_cmd

    return drill_cmd.run(args.story, args.mode)


def _cmd_retry(args: argparse.Namespace) -> int:
    from tui import retry_cmd

    given = [x for x in (args.session, args.round, args.question) if x is not None]
    if not given:
        return retry_cmd.run_list(args.json)
    if len(given) < 3:
        print(f"mockloop retry: give all three: {retry_cmd.USAGE} (or none to list them)",
              file=sys.stderr)  # fmt: skip
        return 2
    if args.json:
        print("mockloop retry: --json lists questions; it starts no retry", file=sys.stderr)
        return 2
    return retry_cmd.run_retry(args.session, args.round, args.question)


def _cmd_stories(args: argparse.Namespace) -> int:
    from tui import stories_cmd

    return stories_cmd.main(args.args)


def _run_app() -> int:
    from tui.app import MockloopApp

    app = MockloopApp()
    app.run()
    # Textual sets 1 after an unhandled exception (it prints the traceback itself):
    # a crash must not look like a clean quit to a script or a shell's `&&`.
    return app.return_code or 0


EXIT_CODES = """\
Exit codes: 0 done; 2 a file or an argument could not be used, each named on
stderr with its file, line and field. A command that skipped a bad file (a
question file, a saved session, the story bank) still does the rest of its
work, then exits 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mockloop",
        description="Rehearse an Amazon-style behavioral interview loop. "
        "With no command, starts the app.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("plan", help="plan a loop and print it")
    p.add_argument("--level", choices=list(LEVELS), default="sde2")
    p.add_argument(
        "--rounds",
        type=int,
        default=DEFAULT_ROUNDS,
        help=f"{MIN_ROUNDS} to {MAX_ROUNDS}, Bar Raiser included",
    )
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--json", action="store_true", help="print the plan as JSON")
    p.set_defaults(func=_cmd_plan)

    c = sub.add_parser("check-bank", help="validate a question file")
    c.add_argument("file")
    c.set_defaults(func=_cmd_check_bank)

    a = sub.add_parser(
        "analyze",
        help="score a file of answers",
        description="Score a loop's answers from a TOML file, as the debrief would.",
        epilog=ANALYZE_FORMAT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    a.add_argument("file", metavar="FILE", help="a TOML file of answers (format below)")
    a.add_argument("--json", action="store_true", help="print the analysis as JSON")
    a.set_defaults(func=_cmd_analyze)

    i = sub.add_parser(
        "import",
        help="a real interview's answers, debriefed",
        description=textwrap.fill(
            "Import the answers of a real interview (or a transcript), save them as a session "
            "and open its debrief: votes, flags, stories told twice, facts that disagree, and "
            "the banked stories and past loops that tell the same story.",
            79,
        ),
        epilog=IMPORT_FORMAT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    i.add_argument(
        "file",
        metavar="FILE",
        help="a .toml file in analyze's format, or any other file as plain text (formats below)",
    )
    i.add_argument(
        "--level", choices=list(LEVELS), default="sde2", help="the level interviewed for"
    )
    i.add_argument("--no-open", action="store_true", help="save and report; do not open the app")
    i.add_argument(
        "--vote", action="store_true", help="vote each principle yourself before the debrief"
    )
    i.add_argument(
        "--json", action="store_true", help="print the report as JSON (implies --no-open)"
    )
    i.set_defaults(func=_cmd_import)

    d = sub.add_parser("debrief", help="export a saved loop's debrief")
    d.add_argument("session", metavar="SESSION", help="a session file or a session id")
    d.add_argument("--format", choices=["md", "html", "json"], default="md")
    d.add_argument("-o", "--output", metavar="FILE", help="write here (owner-only), not stdout")
    d.set_defaults(func=_cmd_debrief)

    h = sub.add_parser("history", help="every saved loop and the trends across them")
    h.add_argument("--json", action="store_true")
    h.set_defaults(func=_cmd_history)

    dr = sub.add_parser(
        "drill",
        help="tell one banked story at 30 s, 60 s, 90 s and 2 min",
        description="Start the app on a drill of one banked story: told at 30 s, 60 s, "
        "90 s and 2 minutes under a strict clock, each telling judged for what it kept "
        "and dropped, ending with the shortest telling that keeps the result and the figure.",
        epilog="Exit codes: 0 done, 2 no such story or several (listed by title and slug), "
        "or the story bank cannot be read.",
    )
    dr.add_argument(
        "story",
        metavar="STORY",
        help="the story's title (any case) or slug, or the start of either if only one "
        "story begins so (mockloop stories list)",
    )
    dr.add_argument(
        "--mode", choices=["typed", "spoken"], help="default: the mode in your settings"
    )
    dr.set_defaults(func=_cmd_drill)

    rt = sub.add_parser(
        "retry",
        help="list the questions you can retry, or retry one",
        description=textwrap.fill(
            "With no argument, list every answered question of your saved loops with its "
            "attempts (and, once retried, the vote of each attempt). With SESSION ROUND "
            "QUESTION, start the app on a retry of that question: asked again under the "
            "loop's clock and follow-ups, then compared side by side with the attempt before "
            "it (flags gained and lost, the vote, time, I/we, figures, and any fact that now "
            "disagrees).",
            76,
        ),
        epilog="Example: mockloop retry 20261120-100000-demo 3 1   (round 3, its first "
        "question)\n\n"
        + textwrap.fill(
            "Exit codes: 0 done; 2 no such session, a session that cannot be read, a round "
            "or question that was not answered (the message says which exist), or a saved "
            "session skipped while listing.",
            76,
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    rt.add_argument(
        "session",
        metavar="SESSION",
        nargs="?",
        help="a loop's (or imported interview's, or retry's) session id or file",
    )
    rt.add_argument("round", metavar="ROUND", nargs="?", type=int, help="the round, from 1")
    rt.add_argument(
        "question",
        metavar="QUESTION",
        nargs="?",
        type=int,
        help="the question in the round, from 1",
    )
    rt.add_argument("--json", action="store_true", help="list the questions as JSON")
    rt.set_defaults(func=_cmd_retry)

    s = sub.add_parser(
        "stories",
        help="the story bank: list | add | export FILE | import FILE | wear",
        add_help=False,
        prefix_chars="+",
    )
    s.add_argument("args", nargs=argparse.REMAINDER)
    s.set_defaults(func=_cmd_stories)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        return _run_app()  # the app says it on its home screen
    for warning in paths.exposed_folder_warnings():
        print(f"mockloop: warning: {warning}", file=sys.stderr)
    was_devnull = _stdout_is_devnull()
    try:
        code: int = args.func(args)
        sys.stdout.flush()  # here, where a closed pipe can still be caught
    except BrokenPipeError:
        return _reader_went_away()
    except SystemExit as exc:
        # Rich meets a closed pipe by pointing stdout at /dev/null and exiting 1;
        # that is the same event, so it gets the same quiet status.
        if exc.code == 1 and not was_devnull and _stdout_is_devnull():
            return SIGPIPE_EXIT
        raise
    return code


SIGPIPE_EXIT = 141
"""128 + SIGPIPE: what a shell reports for a command whose reader closed the pipe."""


def _stdout_is_devnull() -> bool:
    import os

    try:
        return os.path.samestat(os.fstat(sys.stdout.fileno()), os.stat(os.devnull))
    except (OSError, ValueError):  # no real stdout (a test's capture): not a pipe either
        return False


def _reader_went_away() -> int:
    """stdout's reader closed it (``mockloop history --json | head``): stop quietly.

    Python ignores SIGPIPE, so the write raised instead of ending the process.
    stdout is pointed at /dev/null so the flush at exit cannot raise again and print
    a traceback; the exit status is the one a shell gives for a closed pipe.
    """
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return SIGPIPE_EXIT


if __name__ == "__main__":
    sys.exit(main())
