"""A single shape for 'this file is wrong here', shared by every loader.

Users hand-edit question banks, sessions and story banks. When one is bad
they need to know which file, which line and which field, so every loader
reports a :class:`FileProblem` rather than a bare exception.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class FileProblem:
    path: Path
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = str(self.path) + (f":{self.line}" if self.line else "")
        what = f"{self.field}: " if self.field else ""
        return f"{where}: {what}{self.message}"


class FileProblemError(Exception):
    """Raised when a file cannot be used at all; carries every problem found."""

    def __init__(self, problems: list[FileProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


# tomllib ends each message with its position in parentheses: "(at line 3,
# column 7)" or "(at end of document)". The whole parenthesis is cut out and
# restated, so no half of it is left behind in the message.
_POSITION = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$")


MAX_FILE_BYTES = 8 * 1024 * 1024
"""The largest session, story, question, settings or answers file read. A 6-round loop
with every answer at MAX_TEXT_CHARS stays under it; a 50 MB file took seconds to
parse at every start, so past it the file is refused (named, with its size)."""

MAX_TEXT_CHARS = 20_000
"""The longest answer, draft or story text: about 3,000 words, ten times a long spoken
answer. The editor stops there and a file holding more is refused."""


def check_size(path: Path) -> None:
    """Refuse a file too big to read in a moment: FileProblemError naming its size."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # reading it will say why
    if size > MAX_FILE_BYTES:
        raise FileProblemError(
            [
                FileProblem(
                    path,
                    None,
                    None,
                    f"the file is {size / 2**20:.1f} MB; mockloop reads files of up to "
                    f"{MAX_FILE_BYTES // 2**20} MB, so it was not read",
                )
            ]
        )


def too_long(text: str) -> str | None:
    """What is wrong with a text over MAX_TEXT_CHARS, for a loader's message; else None."""
    if len(text) <= MAX_TEXT_CHARS:
        return None
    return f"{len(text):,} characters long; at most {MAX_TEXT_CHARS:,} are allowed"


def read_toml(path: Path) -> tuple[dict[str, Any], str]:
    """Parse ``path`` and return (data, text); raise FileProblemError with the line."""
    check_size(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise FileProblemError(
            [FileProblem(path, None, None, f"not UTF-8 text ({exc.reason})")]
        ) from None
    except OSError as exc:
        raise FileProblemError(
            [FileProblem(path, None, None, f"cannot read: {exc.strerror}")]
        ) from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        reason = str(exc)
        match = _POSITION.search(reason)
        line: int | None = None
        if match:
            reason = reason[: match.start()]
            if match.group(1):
                line = int(match.group(1))
                reason += f" (column {match.group(2)})"
            else:
                line = len(text.splitlines()) or None
                reason += " (at the end of the file)"
        raise FileProblemError(
            [FileProblem(path, line, None, f"not valid TOML: {reason}")]
        ) from None


def table_line(text: str, header: str, index: int) -> int | None:
    """The 1-based line of the ``index``-th (0-based) ``[[header]]`` in ``text``.

    tomllib gives no positions for valid TOML, so a field error inside an
    array of tables is located by counting its headers.
    """
    # [ \t]*, not \s*: \s also eats newlines, so a blank line above the
    # header would start the match (and the reported line) one line early.
    pattern = re.compile(r"^[ \t]*\[\[\s*" + re.escape(header) + r"\s*\]\]", re.MULTILINE)
    for n, match in enumerate(pattern.finditer(text)):
        if n == index:
            return text.count("\n", 0, match.start()) + 1
    return None


def section_line(text: str, header: str) -> int | None:
    """The 1-based line of the ``[header]`` table in ``text`` (not ``[[header]]``)."""
    pattern = re.compile(r"^[ \t]*\[\s*" + re.escape(header) + r"\s*\]", re.MULTILINE)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def key_line(text: str, key: str, start_line: int | None = None) -> int | None:
    """The first line at or after ``start_line`` that assigns ``key``."""
    pattern = re.compile(r"^[ \t]*" + re.escape(key) + r"\s*=", re.MULTILINE)
    offset = 0
    if start_line:
        lines = text.splitlines(keepends=True)
        offset = sum(len(s) for s in lines[: start_line - 1])
    match = pattern.search(text, offset)
    return text.count("\n", 0, match.start()) + 1 if match else None


def header_problems(
    path: Path, data: dict[str, Any], text: str, tables: tuple[str, ...], version: int, what: str
) -> list[FileProblem]:
    """What is wrong at the top of a data file: unknown keys, or a version this mockloop
    does not read (a missing version means the current one). Shared by the loaders."""
    problems = [
        FileProblem(path, key_line(text, key), key, "unknown field")
        for key in sorted(set(data) - {"version", *tables})
    ]
    found = data.get("version", version)
    if found != version:
        problems.append(
            FileProblem(
                path,
                key_line(text, "version"),
                "version",
                f"unknown version {found!r} of the {what}; this mockloop reads version {version}",
            )
        )
    return problems
