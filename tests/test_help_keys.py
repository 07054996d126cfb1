"""Help (F1) lists every key of every screen, read from the screens' own BINDINGS.

Help had fallen behind the app: the story bank listed a / e / d but not t (Drill),
and nothing said how to vote yourself, retry, or leave most screens. Every screen
class in tui/screens must be placed under a row label of help.md, and each of
its keys must be in a row with that label: a new screen or key fails here until
help says what it does.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from importlib import resources

from textual.binding import Binding
from textual.screen import Screen

import tui.screens
from tui.app import MockloopApp

WHERE = {
    "HomeScreen": ("Home", "Home, history"),
    "HistoryScreen": ("History", "Home, history"),
    "SetupScreen": ("Setup",),
    "ScheduleScreen": ("Schedule",),
    "InterviewScreen": ("Interview", "Spoken mode"),
    "CoachScreen": ("Coach panel",),
    "BreakScreen": ("Break",),
    "SelfVoteScreen": ("Your own votes",),
    "DebriefScreen": ("Debrief",),
    "AnswerScreen": ("Answer view",),
    "CompareScreen": ("Answer view",),
    "RetryScreen": ("Retry comparison",),
    "AttemptsScreen": ("Attempts",),
    "StoryBankScreen": ("Story bank",),
    "StoryFormScreen": ("Story form",),
    "DraftStoryForm": ("Story form",),
    "ConfirmScreen": ("Yes or no",),
    "DrillStartScreen": ("Drill start",),
    "TellingScreen": ("Drill",),
    "DrillScreen": ("Drill",),
    "LockedScreen": ("Loop open elsewhere",),
    "UnsavedScreen": ("Cannot save",),
    "HelpScreen": ("Help",),
    "MockloopApp": ("Anywhere",),
}
"""Each screen and the help rows ("Where") that describe its keys."""

NAMED = {"escape": "Esc", "enter": "Enter", "question_mark": "?"}


def said(key: str) -> str:
    """A key as help writes it: ctrl+s is Ctrl+S, escape is Esc, f1 is F1."""
    if key in NAMED:
        return NAMED[key]
    if "+" in key:
        mod, rest = key.split("+", 1)
        return f"{mod.capitalize()}+{said(rest) if len(rest) > 1 else rest.upper()}"
    return (
        key.upper() if len(key) > 1 and key[0] == "f" else key.capitalize() if len(key) > 1 else key
    )


def keys_in(cell: str) -> set[str]:
    """The keys a Key cell names: "n / r / q", "s t a r l", "F1 or ?", "1 to 5"."""
    out = set()
    for a, b in re.findall(r"(\d) to (\d)", cell):
        out |= {str(n) for n in range(int(a), int(b) + 1)}
    out |= {t for t in re.split(r"[\s/,]+", cell) if t and t != "or"}
    return out


def rows() -> dict[str, set[str]]:
    help_md = (resources.files("tui") / "help.md").read_text(encoding="utf-8")
    by_where: dict[str, set[str]] = {}
    for line in help_md.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0] not in ("Where", "---"):
            by_where.setdefault(cells[0], set()).update(keys_in(cells[1]))
    return by_where


def screens() -> list[type]:
    found = {MockloopApp}
    for info in pkgutil.iter_modules(tui.screens.__path__):
        module = importlib.import_module(f"tui.screens.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Screen) and cls.__module__ == module.__name__:
                found.add(cls)
    return sorted(found, key=lambda c: c.__name__)


def test_every_screen_key_is_in_help():
    by_where = rows()
    missing = []
    for cls in screens():
        assert cls.__name__ in WHERE, f"{cls.__name__}: which help rows describe it?"
        documented = set().union(*(by_where.get(w, set()) for w in WHERE[cls.__name__]))
        for binding in cls.BINDINGS:
            if not isinstance(binding, Binding):
                continue
            for key in binding.key.split(","):
                if said(key.strip()) not in documented:
                    missing.append(f"{cls.__name__}: {said(key.strip())} ({binding.action})")
    assert not missing, "help.md lacks: " + "; ".join(missing)


def test_help_says_what_the_newer_features_are():
    help_md = (resources.files("tui") / "help.md").read_text(encoding="utf-8")
    for words in ("Drill the highlighted story", "Your own votes", "wear", "Retry",
                  "mockloop import"):  # fmt: skip
        assert words in help_md, words
