"""The story bank: the 8 to 10 stories a candidate brings to a loop.

Kept in ``<data dir>/stories.toml`` (owner-only, written atomically, like
sessions). A bank file that cannot be read is reported (file, line, field)
and left exactly as it is. Everything here is plain data and pure functions;
loops/review/matching.py matches answers against these stories.

The bank file, and the TOML export::

    version = 1

    [[stories]]
    id = "checkout-latency"             # optional; made from the title
    title = "Checkout latency"          # required
    summary = "..."                     # a short STAR summary
    principles = ["dive-deep", "ownership"]
    company = "Acme"
    role = "SDE II"
    team = "Payments"
    when = "2023"
    figures = ["p99 from 1.4 s to 300 ms"]

The Markdown export and import: one ``## Title`` per story, then field
lines, then the summary (every other line up to the next ``##``)::

    # Story bank                        (optional; any "# " heading is skipped)

    ## Checkout latency
    - id: checkout-latency
    - principles: dive-deep, ownership
    - company: Acme
    - role: SDE II
    - team: Payments
    - when: 2023
    - figures: p99 from 1.4 s to 300 ms; 12 tickets a week

    The p99 of checkout was 1.4 s ...

Lists (principles, figures) are split at ";" and at commas that are not
inside a number ("1,200 orders" stays one figure). The export escapes every
field (loops/markdown.py: ``\\#``, ``\\<``, ``\\;``, a newline as ``\\n``) and
the import unescapes it, so a viewer runs no HTML and the same stories come back.
"""

from __future__ import annotations

import fcntl
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from loops import markdown as md
from loops import paths
from loops.principles import BY_SLUG, PRINCIPLES, SLUGS, TOP_TEN
from loops.private_files import atomic_write, ensure_private_dir
from loops.problems import (
    At,
    FileProblem,
    FileProblemError,
    Key,
    Line,
    Reader,
    check_size,
    header_problems,
    key_line,
    read_toml,
    too_long,
)

STORIES_VERSION = 1
TEXT_FIELDS = ("id", "title", "summary", "company", "role", "team", "when")
LIST_FIELDS = ("principles", "figures")
FIELDS = (*TEXT_FIELDS, *LIST_FIELDS)


@dataclass(frozen=True)
class Story:
    """One banked story: what happened, which principles it can serve, and its facts."""

    id: str
    title: str
    summary: str = ""
    principles: tuple[str, ...] = ()
    """Slugs of the principles the story can be told for."""
    company: str = ""
    role: str = ""
    team: str = ""
    when: str = ""
    figures: tuple[str, ...] = ()
    """Key figures as said: 'p99 from 1.4 s to 300 ms'."""


# --- small helpers ---------------------------------------------------------------

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
"""What ``slugify`` makes: a story id is a name on the command line and in exports."""
_LIST_SPLIT = re.compile(r"\s*;\s*|\s*,(?!\d{3}\b)\s*")


def split_list(text: str) -> list[str]:
    """'a, b; c' -> ['a', 'b', 'c']; '1,200 orders' stays one item."""
    return [p for p in (s.strip() for s in _LIST_SPLIT.split(text)) if p]


def slugify(title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return slug[:48].strip("-") or "story"


def unique_id(wanted: str, taken: Iterable[str]) -> str:
    taken = set(taken)
    base = slugify(wanted)
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def unknown_principles(slugs: Iterable[str]) -> list[str]:
    return [s for s in slugs if s not in BY_SLUG]


# --- pure bank operations -----------------------------------------------------------


def add_story(stories: Sequence[Story], story: Story) -> list[Story]:
    """The bank with ``story`` appended; it gets a fresh id if its own is empty or taken."""
    taken = {s.id for s in stories}
    if not story.id or story.id in taken:
        story = replace(story, id=unique_id(story.id or story.title, taken))
    return [*stories, story]


def replace_story(stories: Sequence[Story], story: Story) -> list[Story]:
    """The bank with the story of the same id replaced (appended if there is none)."""
    if all(s.id != story.id for s in stories):
        return add_story(stories, story)
    return [story if s.id == story.id else s for s in stories]


def delete_story(stories: Sequence[Story], story_id: str) -> list[Story]:
    return [s for s in stories if s.id != story_id]


def merge(existing: Sequence[Story], incoming: Sequence[Story]) -> tuple[list[Story], int, int]:
    """Import ``incoming``: same id (or, without one, same title) replaces; the rest is added.

    Returns (bank, added, replaced).
    """
    out = list(existing)
    added = replaced = 0
    for story in incoming:
        same = next((s for s in out if s.id == story.id), None)
        if same is None:
            same = next((s for s in out if s.title.casefold() == story.title.casefold()), None)
        if same is not None:
            out = [replace(story, id=same.id) if s.id == same.id else s for s in out]
            replaced += 1
        else:
            out = add_story(out, story)
            added += 1
    return out, added, replaced


# --- coverage ---------------------------------------------------------------------


def coverage(stories: Iterable[Story]) -> dict[str, int]:
    """For each of the 16 principles (most probed first), how many stories serve it."""
    counts = dict.fromkeys(SLUGS, 0)
    for s in stories:
        for slug in set(s.principles):
            if slug in counts:
                counts[slug] += 1
    return counts


def gaps(stories: Iterable[Story]) -> tuple[list[str], list[str]]:
    """(top-ten principles with fewer than two stories, principles with none)."""
    counts = coverage(stories)
    return [p for p in TOP_TEN if counts[p] < 2], [p for p in SLUGS if counts[p] == 0]


def coverage_mark(slug: str, count: int) -> str:
    """The grid's word for a cell, readable without colour: '', 'NEEDS 2', 'NONE'..."""
    top = slug in TOP_TEN
    if count == 0:
        return "NONE, NEEDS 2" if top else "NONE"
    return "NEEDS 2" if top and count < 2 else ""


def coverage_rows(stories: Iterable[Story]) -> list[tuple[str, str, int, str]]:
    """(slug, name, count, mark) for the 16 principles, most probed first."""
    counts = coverage(stories)
    return [
        (p.slug, p.name, counts[p.slug], coverage_mark(p.slug, counts[p.slug])) for p in PRINCIPLES
    ]


def assign_stories(
    stories: Sequence[Story], principles: Sequence[str], prefer: Sequence[int] | None = None
) -> list[int | None]:
    """For each principle slot of a loop, the index of a story of its own, or None.

    A maximum bipartite matching (augmenting paths) of slots to distinct
    stories that serve them; a principle listed twice needs two stories.
    ``prefer`` orders the stories each slot tries first (the least worn, for
    the schedule's suggestion); every order gives as many slots a story.
    """
    rank = {k: n for n, k in enumerate(prefer if prefer is not None else range(len(stories)))}
    serves = [
        sorted(
            (k for k, s in enumerate(stories) if p in s.principles),
            key=lambda k: rank.get(k, len(rank)),
        )
        for p in principles
    ]
    owner: dict[int, int] = {}  # story index -> slot index

    def assign(slot: int, seen: set[int]) -> bool:
        for k in serves[slot]:
            if k in seen:
                continue
            seen.add(k)
            if k not in owner or assign(owner[k], seen):
                owner[k] = slot
                return True
        return False

    for slot in range(len(principles)):
        assign(slot, set())
    story_of: list[int | None] = [None] * len(principles)
    for k, slot in owner.items():
        story_of[slot] = k
    return story_of


def can_cover(stories: Sequence[Story], principles: Sequence[str]) -> tuple[bool, list[str]]:
    """Can each principle slot of a loop get its own story? (ok, principles left over)."""
    story_of = assign_stories(stories, principles)
    uncovered = [p for p, k in zip(principles, story_of, strict=True) if k is None]
    return not uncovered, uncovered


# --- reading -----------------------------------------------------------------------


def _check_story(
    raw: dict[str, Any],
    r: Reader,
    where: str,
    line_of: Callable[[str | None], Line],
    taken: set[str],
) -> tuple[Story | None, list[FileProblem]]:
    """Validate one story's fields; ``line_of(key)`` says where a field is (resolved by
    the Reader only for a problem: a line number in Markdown, a lookup in TOML)."""
    problems: list[FileProblem] = []

    def bad(key: str | None, message: str) -> None:
        field = f"{where}.{key}" if key else where
        problems.append(r.problem(field, None, message, line_of(key)))

    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in FIELDS:
            bad(key, f"unknown field (expected one of {', '.join(FIELDS)})")
        elif key in TEXT_FIELDS:
            if not isinstance(value, str):
                bad(key, f"expected a string, found {type(value).__name__}")
            elif too_long(value):
                bad(key, str(too_long(value)))
            else:
                values[key] = value.strip()
        elif not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            bad(key, "expected a list of strings")
        else:
            values[key] = tuple(v.strip() for v in value if v.strip())
    if not values.get("title") and not any(p.field == f"{where}.title" for p in problems):
        bad("title", "missing: every story needs a title")
    unknown = unknown_principles(values.get("principles", ()))
    if unknown:
        bad("principles", f"unknown principle {', '.join(map(repr, unknown))}")
    if "id" in values and not _ID.match(values["id"]):
        bad("id", f"{values['id']!r} is not lower-case-with-dashes (leave it out to have one made)")
    elif "id" in values and values["id"] in taken:
        bad("id", f"{values['id']!r} is used by another story")
    if problems:
        return None, problems
    sid = values.pop("id", "") or unique_id(values["title"], taken)
    taken.add(sid)
    return Story(id=sid, **values), []


def parse_toml(path: Path) -> list[Story]:
    """Stories from a bank file or a TOML export; FileProblemError names every fault."""
    data, text = read_toml(path)
    problems = header_problems(path, data, text, ("stories",), STORIES_VERSION, "story bank")
    raw_stories = data.get("stories", [])
    if not isinstance(raw_stories, list):
        raw_stories = []
        problems.append(
            FileProblem(path, key_line(text, "stories"), "stories", "must be [[stories]] tables")
        )
    stories: list[Story] = []
    taken: set[str] = set()
    r = Reader(path, text)
    for i, raw in enumerate(raw_stories):
        at = At("stories", i)
        if not isinstance(raw, dict):
            problems.append(r.problem(f"stories[{i}]", None, "must be a table", at))
            continue

        def line_of(key: str | None, at: At = at) -> Line:
            return at if key is None else Key(key, at)

        story, found = _check_story(raw, r, f"stories[{i}]", line_of, taken)
        problems += found
        if story is not None:
            stories.append(story)
    if problems:
        raise FileProblemError(problems)
    return stories


_HEADING = re.compile(r"^##(?!#)\s*(.*?)(?:\s+#+)?\s*$")
"""'## Title', and '## Title ##' (a closing run of # needs a space before it, so an
escaped '\\#' ending a title stays in it)."""
_FIELD = re.compile(r"^[-*]\s+([A-Za-z][\w ]*?)\s*:\s*(.*)$")


def parse_markdown(path: Path) -> list[Story]:
    """Stories from the Markdown format in this module's docstring."""
    check_size(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise FileProblemError([FileProblem(path, None, None, f"cannot read: {reason}")]) from None
    problems: list[FileProblem] = []
    blocks: list[tuple[int, str, dict[str, tuple[int, str]], list[str]]] = []
    for n, line in enumerate(text.splitlines(), start=1):
        heading = _HEADING.match(line)
        if heading:
            blocks.append((n, heading.group(1), {}, []))
            continue
        if not blocks:
            if line.strip() and not line.startswith("# "):
                problems.append(
                    FileProblem(path, n, None, "text before the first '## Title' heading")
                )
            continue
        _, _, fields, summary = blocks[-1]
        field_line = _FIELD.match(line)
        if field_line and not any(s.strip() for s in summary):
            key = field_line.group(1).strip().lower()
            where = f"stories[{len(blocks) - 1}].{key}"
            if key not in FIELDS or key in ("title", "summary"):
                problems.append(FileProblem(path, n, where, "unknown field"))
            elif key in fields:
                problems.append(FileProblem(path, n, where, "given twice"))
            else:
                fields[key] = (n, field_line.group(2).strip())
            continue
        summary.append(line.rstrip())
    stories: list[Story] = []
    taken: set[str] = set()
    reader = Reader(path, text)
    for i, (start, title, fields, summary) in enumerate(blocks):
        raw: dict[str, Any] = {"title": md.unescape(title)} if title else {}
        for key, (_, value) in fields.items():
            raw[key] = md.split_escaped(value) if key in LIST_FIELDS else md.unescape(value)
        text = re.sub(r"\n{3,}", "\n\n", "\n".join(summary)).strip()
        raw["summary"] = "\n".join(md.unescape(line) for line in text.split("\n"))

        def line_of(key: str | None, start: int = start, fields: Any = fields) -> Line:
            return int(fields[key][0]) if key in fields else start

        story, found = _check_story(raw, reader, f"stories[{i}]", line_of, taken)
        problems += found
        if story is not None:
            stories.append(story)
    if problems:
        raise FileProblemError(problems)
    return stories


def read_stories_file(path: Path, fmt: str | None = None) -> list[Story]:
    """Stories from a .toml or .md file (or as ``fmt`` says): all of them, or an error."""
    fmt = fmt or file_format(path)
    return parse_markdown(path) if fmt == "md" else parse_toml(path)


def file_format(path: Path) -> str:
    return "md" if path.suffix.lower() in (".md", ".markdown") else "toml"


# --- writing -----------------------------------------------------------------------


def story_to_dict(s: Story) -> dict[str, Any]:
    out: dict[str, Any] = {"id": s.id, "title": s.title}
    for key in ("summary", "principles", "company", "role", "team", "when", "figures"):
        value = getattr(s, key)
        if value:
            out[key] = list(value) if isinstance(value, tuple) else value
    return out


def to_toml(stories: Sequence[Story]) -> str:
    import tomli_w  # only writing needs it

    data = {"version": STORIES_VERSION, "stories": [story_to_dict(s) for s in stories]}
    return tomli_w.dumps(data, multiline_strings=True)


def to_markdown(stories: Sequence[Story]) -> str:
    """The bank as Markdown; every field escaped (loops/markdown.py), so a viewer runs
    nothing and parse_markdown reads back the same stories."""
    parts = ["# Story bank\n"]
    for s in stories:
        lines = [f"## {md.escape(s.title)}", f"- id: {md.escape(s.id)}"]
        if s.principles:
            lines.append(f"- principles: {', '.join(map(md.escape_item, s.principles))}")
        for key in ("company", "role", "team", "when"):
            value = getattr(s, key)
            if value:
                lines.append(f"- {key}: {md.escape(value)}")
        if s.figures:
            lines.append(f"- figures: {'; '.join(map(md.escape_item, s.figures))}")
        if s.summary:
            lines += ["", *md.escape_block(s.summary)]
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def export_stories(stories: Sequence[Story], path: Path, fmt: str | None = None) -> Path:
    """Write the bank as Markdown or TOML (by ``fmt`` or the file's extension), owner-only.

    The file is 0600 but its folder is left as it is: it is the user's choice
    (a shared 1777 folder keeps its sticky bit), not a folder mockloop made, so
    it must exist already.
    """
    fmt = fmt or file_format(path)
    text = to_markdown(stories) if fmt == "md" else to_toml(stories)
    atomic_write(path, text, private_dir=False)
    return path


# --- the bank file -----------------------------------------------------------------
#
# Several processes write the bank: the app's story screen, the debrief's "bank this
# story", `mockloop stories add` and `import`. Each used to save the whole list it
# had read earlier, so whichever saved last dropped what the others had added. Every
# write now goes through ``update_stories``: under a short lock it reads the bank as
# it is on disk now and applies this process's one change (add, edit or delete, by
# story id) to it. An edit or a delete of a story that someone else has changed or
# deleted since this process read it is refused (StoryConflict), never overwritten.

LOCK_WAIT_SECONDS = 5.0
"""How long a writer waits for another to finish: writes take milliseconds."""


class StoryConflict(Exception):
    """The story this process meant to change was changed or deleted elsewhere."""


def lock_file(path: Path) -> Path:
    """Beside the bank, hidden; never removed, so every writer locks the same file."""
    return path.with_name(f".{path.name}.lock")


@contextmanager
def _bank_lock(path: Path) -> Iterator[None]:
    ensure_private_dir(path.parent)
    fd = os.open(lock_file(path), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise OSError(f"{path}: another mockloop is still writing it") from None
                time.sleep(0.01)
        yield
    finally:
        os.close(fd)  # closing drops the lock


def load_stories(path: Path | None = None) -> tuple[list[Story], list[FileProblem]]:
    """The banked stories, or ([], problems) when the file cannot be used (left untouched)."""
    path = path or paths.stories_file()
    if not path.exists():
        return [], []
    try:
        return parse_toml(path), []
    except FileProblemError as exc:
        return [], exc.problems


def update_stories(
    change: Callable[[list[Story]], list[Story]], path: Path | None = None
) -> list[Story]:
    """Apply ``change`` to the bank as it is on disk now, under the lock; write and return it.

    Raises FileProblemError when the bank file cannot be read (it is left as it
    is) and whatever ``change`` raises (StoryConflict), writing nothing then.
    """
    path = path or paths.stories_file()
    with _bank_lock(path):
        current, problems = load_stories(path)
        if problems:
            raise FileProblemError(problems)
        stories = change(current)
        if stories != current:
            atomic_write(path, to_toml(stories))
        return stories


def _unchanged(current: Sequence[Story], before: Story, doing: str) -> None:
    """Refuse ``doing`` when ``before`` (as this process read it) is not what is on disk."""
    now = next((s for s in current if s.id == before.id), None)
    if now is None:
        raise StoryConflict(
            f"The story {before.title!r} was deleted elsewhere (another mockloop or "
            f"`mockloop stories`) since you opened it; {doing} was not saved."
        )
    if now != before:
        raise StoryConflict(
            f"The story {before.title!r} was changed elsewhere (another mockloop or "
            f"`mockloop stories`) since you opened it; {doing} was not saved, so neither "
            "change is lost. Reopen the bank to see it as it is now."
        )


def bank_add(story: Story, path: Path | None = None) -> tuple[list[Story], Story]:
    """Add ``story`` to the bank on disk; returns (the bank, the story as added, with its id)."""
    stories = update_stories(lambda current: add_story(current, story), path)
    return stories, stories[-1]


def bank_edit(before: Story, after: Story, path: Path | None = None) -> list[Story]:
    """Replace ``before`` (as this process read it) with ``after``; StoryConflict if it moved."""

    def change(current: list[Story]) -> list[Story]:
        _unchanged(current, before, "your edit")
        return replace_story(current, replace(after, id=before.id))

    return update_stories(change, path)


def bank_delete(before: Story, path: Path | None = None) -> list[Story]:
    """Delete ``before``; StoryConflict if it was changed elsewhere since it was read."""

    def change(current: list[Story]) -> list[Story]:
        if any(s.id == before.id for s in current):
            _unchanged(current, before, "the delete")
        return delete_story(current, before.id)

    return update_stories(change, path)


def save_stories(stories: Sequence[Story], path: Path | None = None) -> Path:
    """Write the whole bank (a fresh bank, a test's fixture), under the writers' lock.

    Anything that changes a bank someone may be using goes through
    ``update_stories`` instead, so it cannot drop another process's stories.
    """
    path = path or paths.stories_file()
    update_stories(lambda _current: list(stories), path)
    return path


def import_stories(path: Path, fmt: str | None = None, bank: Path | None = None) -> tuple[int, int]:
    """Merge a file into the bank, all or nothing. Returns (added, replaced).

    Raises FileProblemError for a bad import file, or for a bank file that
    cannot be read (which is then not overwritten).
    """
    incoming = read_stories_file(path, fmt)
    counts: list[int] = []

    def change(current: list[Story]) -> list[Story]:
        merged, added, replaced = merge(current, incoming)
        counts[:] = [added, replaced]
        return merged

    update_stories(change, bank)
    return counts[0], counts[1]
