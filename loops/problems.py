"""A single shape for 'this file is wrong here', shared by every loader.

Users hand-edit question banks, sessions and story banks. When one is bad
they need to know which file, which line and which field, so every loader
reports a :class:`FileProblem` rather than a bare exception.
"""

from __future__ import annotations

import copy
import math
import re
import tomllib
from collections.abc import Callable
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


def read_text(path: Path) -> str:
    """The text of ``path`` (UTF-8, within MAX_FILE_BYTES); else FileProblemError saying
    why, named as ``path`` was given. One reader, so every command says it one way."""
    check_size(path)
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise FileProblemError(
            [FileProblem(path, None, None, f"not UTF-8 text ({exc.reason})")]
        ) from None
    except OSError as exc:
        raise FileProblemError(
            [FileProblem(path, None, None, f"cannot read: {exc.strerror or exc}")]
        ) from None


def read_toml(path: Path) -> tuple[dict[str, Any], str]:
    """Parse ``path`` and return (data, text); raise FileProblemError with the line."""
    text = read_text(path)
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
    if found != version or isinstance(found, bool):  # true == 1 in Python, not in TOML
        problems.append(
            FileProblem(
                path,
                key_line(text, "version"),
                "version",
                f"unknown version {found!r} of the {what}; this mockloop reads version {version}",
            )
        )
    return problems


# --- one way to read a record ------------------------------------------------------
#
# Every loader (sessions, question banks, story banks, settings, the analyze file)
# reads its tables through a ``Reader``: typed access that names file, line and
# field, with lines found only when there is an error. A record's fields are
# declared once as ``Field``s, which ``load_fields`` reads and checks and
# ``dump_fields`` writes back.


@dataclass(frozen=True)
class At:
    """Where an array-of-tables entry (or, with no index, a ``[header]`` table) starts,
    found only when an error needs it.

    Locating lines means rescanning the file; a good file never pays for it.
    """

    header: str
    index: int | None = None


@dataclass(frozen=True)
class Key:
    """The first line that assigns ``key`` (inside the table ``within``, if given),
    likewise found only for an error."""

    key: str
    within: At | None = None


Line = int | At | Key | None


class Reader:
    """Typed access to parsed TOML that reports file, line and field."""

    def __init__(self, path: Path, text: str) -> None:
        self.path, self.text = path, text

    def resolve(self, line: Line) -> int | None:
        if isinstance(line, Key):
            start = self.resolve(line.within)
            return key_line(self.text, line.key, start) or start
        if isinstance(line, At):
            if line.index is None:
                return section_line(self.text, line.header)
            return table_line(self.text, line.header, line.index)
        return line

    def problem(self, where: str, key: str | None, message: str, line: Line = None) -> FileProblem:
        """What ``bad`` raises, as a value, for the loaders that list every problem in a
        file. With ``key`` None, ``where`` itself is wrong, named at ``line``."""
        start = self.resolve(line)
        if key is None:
            return FileProblem(self.path, start, where, message)
        at = key_line(self.text, key, start) if start or line is None else None
        return FileProblem(self.path, at or start, f"{where}.{key}" if where else key, message)

    def bad(self, where: str, key: str, message: str, line: Line = None) -> FileProblemError:
        """``where.key`` is wrong: named at the key's own line inside its table."""
        start = self.resolve(line)
        at = key_line(self.text, key, start) if start else None
        return self.fail(f"{where}.{key}" if where else key, message, at or start)

    def choice(
        self, d: Any, key: str, choices: tuple[str, ...], where: str, line: Line = None, **kw: Any
    ) -> Any:
        """A string field that must be one of ``choices``."""
        value = self.get(d, key, str, where, line, **kw)
        if value is not None and value not in choices:
            raise self.bad(where, key, f"{value!r} is not one of {', '.join(choices)}", line)
        return value

    def number(
        self,
        d: Any,
        key: str,
        kind: type | tuple[type, ...],
        lo: float,
        hi: float,
        where: str,
        line: Line = None,
        **kw: Any,
    ) -> Any:
        """A number field that must lie in [lo, hi] (``get`` has already refused nan and inf)."""
        value = self.get(d, key, kind, where, line, **kw)
        if value is not None and not lo <= value <= hi:
            raise self.bad(where, key, f"{value!r} is out of range ({lo:g} to {hi:g})", line)
        return value

    def fail(self, where: str, message: str, at: Line = None) -> FileProblemError:
        line = self.resolve(at)
        if line is None:
            leaf = where.rsplit(".", 1)[-1].split("[")[0]
            line = key_line(self.text, leaf)
        return FileProblemError([FileProblem(self.path, line, where, message)])

    def get(
        self,
        d: Any,
        key: str,
        kind: type | tuple[type, ...],
        where: str,
        line: Line = None,
        default: Any = ...,
        allowed: str | None = None,
    ) -> Any:
        """``d[key]`` as ``kind``; ``allowed`` (say "4 to 6") is added to a type error."""
        if not isinstance(d, dict):
            raise self.fail(where, "must be a table", line)
        if key not in d:
            if default is not ...:
                return default
            raise self.fail(f"{where}.{key}" if where else key, "missing", line)
        value = d[key]
        # bool is an int in Python; an int field must not accept true/false.
        bad_bool = isinstance(value, bool) and bool not in (
            kind if isinstance(kind, tuple) else (kind,)
        )
        if not isinstance(value, kind) or bad_bool:
            name = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
            message = f"expected {name}, found {type(value).__name__}"
            if allowed:
                message += f"; allowed: {allowed}"
            raise self.bad(where, key, message, line)
        # TOML has nan and inf; no field of a session means either, and they crash
        # every place that rounds or formats a number.
        if isinstance(value, float) and not math.isfinite(value):
            raise self.bad(where, key, f"expected a finite number, found {value!r}", line)
        return value

    def strings(self, raw: list[Any], where: str) -> list[str]:
        """A list of strings, e.g. ``dismissed = ["reuse:0:5", ...]``."""
        for n, item in enumerate(raw):
            if not isinstance(item, str):
                raise self.fail(
                    f"{where}[{n}]",
                    f"expected str, found {type(item).__name__}",
                    key_line(self.text, where),
                )
        return list(raw)


REQUIRED: Any = ...
"""A ``Field`` with no default: a file without the key is refused ("missing")."""
OPTIONAL: Any = object()
"""A ``Field`` whose missing key is left out, so the dataclass's own default applies."""


@dataclass(frozen=True)
class Spot:
    """Where a field is read: its table (``where``, ``line``), its key, and the fields
    of that table read before it (the answers need the plan)."""

    where: str
    line: Line
    key: str
    got: dict[str, Any]


@dataclass(frozen=True)
class Field:
    """One saved field, declared once: the writer and the reader both walk these.

    Reading takes the key as ``kind`` (a missing key is ``default``, or an error
    without one), refuses a value outside ``choices`` or ``span``, then hands it
    to ``read`` for anything more (a table, a list, a principle slug). Writing
    hands the attribute to ``write``; None (TOML has no null) leaves the key out.
    """

    name: str
    kind: type | tuple[type, ...] = str
    default: Any = REQUIRED
    choices: tuple[str, ...] = ()
    span: tuple[float, float] | None = None
    read: Callable[[Reader, Any, Spot], Any] | None = None
    write: Callable[[Any], Any] | None = None

    @property
    def allowed(self) -> str | None:
        """What the field may hold, as an error says it."""
        if self.choices:
            return "one of " + ", ".join(self.choices)
        if self.span is not None:
            return f"{self.span[0]:g} to {self.span[1]:g}"
        return "true or false" if self.kind is bool else None


def dump_fields(fields: tuple[Field, ...], obj: Any) -> dict[str, Any]:
    """``obj``'s fields as TOML data, in the order listed."""
    out: dict[str, Any] = {}
    for f in fields:
        value = getattr(obj, f.name)
        if f.write is not None:
            value = f.write(value)
        if value is not None:
            out[f.name] = value
    return out


def load_fields(
    r: Reader,
    d: Any,
    fields: tuple[Field, ...],
    where: str,
    line: Line,
    problems: list[FileProblem] | None = None,
) -> dict[str, Any]:
    """The fields of table ``d``, each checked as its ``Field`` says, in the order listed.

    The first bad field raises FileProblemError; with ``problems``, every bad field is
    added there instead and left out (settings use their defaults for those).
    """
    got: dict[str, Any] = {}
    for f in fields:
        if f.default is OPTIONAL and isinstance(d, dict) and f.name not in d:
            continue
        try:
            got[f.name] = _load_field(r, d, f, where, line, got)
        except FileProblemError as exc:
            if problems is None:
                raise
            problems += exc.problems
    return got


def _load_field(r: Reader, d: Any, f: Field, where: str, line: Line, got: dict[str, Any]) -> Any:
    kw = {"default": f.default, "allowed": f.allowed}
    if f.choices:
        value = r.choice(d, f.name, f.choices, where, line, **kw)
    elif f.span is not None:
        value = r.number(d, f.name, f.kind, *f.span, where, line, **kw)
    else:
        value = r.get(d, f.name, f.kind, where, line, **kw)
    if f.name not in d:
        return copy.copy(value)  # a fresh [] or {} for each record
    return value if f.read is None else f.read(r, value, Spot(where, line, f.name, got))


def unknown_fields(
    r: Reader, d: dict[str, Any], fields: tuple[Field, ...], where: str, line: Line
) -> list[FileProblem]:
    """A problem for each key of ``d`` that no Field declares."""
    known = [f.name for f in fields]
    return [
        p
        for key in d
        if key not in known
        for p in r.bad(
            where, key, f"unknown field (expected one of {', '.join(known)})", line
        ).problems
    ]


def as_float(r: Reader, value: Any, at: Spot) -> float:
    return float(value)


def within_limit(r: Reader, value: str, at: Spot) -> str:
    """An answer's or the draft's text, refused past MAX_TEXT_CHARS (a 50 MB draft
    took minutes to resume)."""
    problem = too_long(value)
    if problem:
        raise r.bad(at.where, at.key, problem, at.line)
    return value
