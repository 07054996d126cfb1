"""`mockloop stories list|add|export FILE|import FILE|wear`: the story bank from the shell.

A bad bank or import file changes nothing and exits 2, naming the line and
field at fault.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from loops import paths
from loops.principles import BY_SLUG, SLUGS
from loops.problems import FileProblem, FileProblemError
from loops.stories import (
    Story,
    bank_add,
    coverage_rows,
    export_stories,
    gaps,
    import_stories,
    load_stories,
    split_list,
    unknown_principles,
)
from scoring.wording import plural


def _problems(problems: list[FileProblem]) -> int:
    for p in problems:
        print(p, file=sys.stderr)
    print("Nothing was changed.", file=sys.stderr)
    return 2


def _list(_args: argparse.Namespace) -> int:
    stories, problems = load_stories()
    if problems:
        return _problems(problems)
    if not stories:
        print(f"No stories banked yet ({paths.stories_file()}).")
    for s in stories:
        setting = ", ".join(x for x in (s.role, s.team, s.company, s.when) if x)
        print(f"{s.id}: {s.title}" + (f"  ({setting})" if setting else ""))
        print(f"    serves: {', '.join(s.principles) or 'no principle yet'}")
    print("\nCoverage (stories per principle, most probed first):")
    rows = coverage_rows(stories)
    # As wide as the longest name (44 characters: "Success and Scale Bring Broad
    # Responsibility"), so none is cut; the widest line is 2 + 44 + 5 + 13 = 64.
    width = max(len(name) for _, name, _, _ in rows)
    for _slug, name, count, mark in rows:
        print(f"  {name:<{width}} {count:>2}  {mark}".rstrip())
    lacking, none = gaps(stories)
    # Wrapped at 80 between slugs: a terminal would break them mid-word.
    if lacking:
        print()
        print(textwrap.fill(f"Most-probed principles lacking two stories: {', '.join(lacking)}",
                            80, subsequent_indent="  ", break_on_hyphens=False))  # fmt: skip
    if none:
        print(textwrap.fill(f"Principles with no story: {', '.join(none)}", 80,
                            subsequent_indent="  ", break_on_hyphens=False))  # fmt: skip
    return 0


def _add(args: argparse.Namespace) -> int:
    principles = split_list(args.principles or "")
    unknown = unknown_principles(principles)
    if unknown:
        print(
            f"mockloop stories add: unknown principle {', '.join(unknown)}; "
            f"use one of: {', '.join(SLUGS)}",
            file=sys.stderr,
        )
        return 2
    story = Story(
        id="",
        title=args.title.strip(),
        summary=(args.summary or "").strip(),
        principles=tuple(principles),
        company=args.company or "",
        role=args.role or "",
        team=args.team or "",
        when=args.when or "",
        figures=tuple(f.strip() for f in args.figure or [] if f.strip()),
    )
    if not story.title:
        print("mockloop stories add: --title must not be empty", file=sys.stderr)
        return 2
    banked, problems = load_stories()
    if problems:
        return _problems(problems)
    same = next((s for s in banked if s.title.casefold() == story.title.casefold()), None)
    if same is not None:
        # Two stories of one title cannot be told apart in the list, the debrief or a loop.
        print(
            f"mockloop stories add: a story titled {same.title!r} is already banked "
            f"({same.id}); give this one another title, or edit that one in the app (b on home)",
            file=sys.stderr,
        )
        return 2
    try:
        _stories, added = bank_add(story)
    except FileProblemError as exc:
        return _problems(exc.problems)
    names = ", ".join(BY_SLUG[p].name for p in added.principles) or "no principle yet"
    print(f"Added {added.id}: {added.title} (serves {names})")
    return 0


_FORMATS = {".toml": "toml", ".md": "md", ".markdown": "md"}


def _format(path: Path, chosen: str | None, command: str) -> str | None:
    """The file's format: --format, else its extension; None (after saying why) if neither.

    `export bank.txt` used to write TOML without a word."""
    fmt = chosen or _FORMATS.get(path.suffix.lower())
    if fmt is None:
        print(
            f"mockloop stories {command}: cannot tell the format of {path.name!r} from its "
            "extension; name it .toml or .md, or pass --format toml|md",
            file=sys.stderr,
        )
    return fmt


def _export(args: argparse.Namespace) -> int:
    path = Path(args.file).expanduser()
    fmt = _format(path, args.format, "export")
    if fmt is None:
        return 2
    stories, problems = load_stories()
    if problems:
        return _problems(problems)
    try:
        export_stories(stories, path, fmt)
    except OSError as exc:
        reason = exc.strerror or exc
        print(f"mockloop stories export: cannot write {path}: {reason}", file=sys.stderr)
        return 2
    print(f"Wrote {len(stories)} stor{'y' if len(stories) == 1 else 'ies'} to {path}")
    return 0


def _import(args: argparse.Namespace) -> int:
    fmt = _format(Path(args.file), args.format, "import")
    if fmt is None:
        return 2
    try:
        added, replaced = import_stories(Path(args.file), fmt)
    except FileProblemError as exc:
        return _problems(exc.problems)
    print(f"Imported {args.file}: {added} added, {replaced} replaced.")
    return 0


def _wear(args: argparse.Namespace) -> int:
    """How worn each banked story is, across every saved loop, retry and drill."""
    import json

    from rich.console import Console
    from rich.table import Table

    from loops.review.wear import fallback_text, load_wear, principles_text, wear_text
    from tui.plain import plain

    stories, problems = load_stories()
    if problems:
        return _problems(problems)
    wear, skipped = load_wear()
    for p in skipped:
        print(f"mockloop stories wear: skipped {p}", file=sys.stderr)
    done = 2 if skipped else 0  # a skipped session is bad input, as everywhere
    if args.json:
        print(json.dumps(wear.to_json(), indent=2, ensure_ascii=False))
        return done
    console = Console()
    if not stories:
        console.print(plain(f"No stories banked yet ({paths.stories_file()})."))
        return done
    table = Table(header_style="bold")
    table.add_column("Story")
    table.add_column("Wear")
    table.add_column("Told for")
    for w in wear.stories:
        mark = "  WORN" if w.story.id in wear.worn else ""
        table.add_row(plain(w.story.title), plain(wear_text(w, wear.loops) + mark),
                      plain(principles_text(w) or "-"))  # fmt: skip
    console.print(table)
    if wear.worn:
        console.print("WORN: told in more than half of your loops; rehearse another story.")
    titles = {s.id: s.title for s in stories}
    for f in wear.fallbacks:
        console.print(plain(fallback_text(f, titles.get(f.story_id, f.story_id))))
    if wear.unbanked:
        told = plural(wear.unbanked, "answer")
        console.print(plain(f"{told} told a story that is not in the bank."))
    return done


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mockloop stories", description="The story bank: the stories you bring to a loop."
    )
    sub = parser.add_subparsers(dest="action", required=True)
    sub.add_parser("list", help="the banked stories and the coverage gaps").set_defaults(func=_list)
    a = sub.add_parser("add", help="bank a story")
    a.add_argument("--title", required=True)
    a.add_argument("--summary", help="a short STAR summary")
    a.add_argument("--principles", help="comma-separated slugs, e.g. ownership,dive-deep")
    a.add_argument("--company")
    a.add_argument("--role")
    a.add_argument("--team")
    a.add_argument("--when")
    a.add_argument("--figure", action="append", help="a key figure; repeat for more")
    a.set_defaults(func=_add)
    e = sub.add_parser("export", help="write the bank to FILE (.md or .toml)")
    e.add_argument("file", metavar="FILE")
    e.add_argument("--format", choices=["md", "toml"], help="default: by the extension")
    e.set_defaults(func=_export)
    i = sub.add_parser("import", help="merge FILE (.md or .toml) into the bank, all or nothing")
    i.add_argument("file", metavar="FILE")
    i.add_argument("--format", choices=["md", "toml"], help="default: by the extension")
    i.set_defaults(func=_import)
    w = sub.add_parser(
        "wear", help="how often each story was told, for which principles, and when last"
    )
    w.add_argument("--json", action="store_true", help="print the wear as JSON")
    w.set_defaults(func=_wear)
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    code: int = args.func(args)
    return code
