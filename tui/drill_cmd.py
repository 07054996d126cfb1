"""`mockloop drill STORY`: start the app on a drill of one banked story.

The story is named by its slug or its title (any case), or the start of either
if only one story begins so: the app shows titles, never slugs. A name that
matches no story or several, or a bank file that cannot be read, exits 2 before
the app starts, listing the stories (title and slug) or the file's problems.
"""

from __future__ import annotations

import sys

from loops.settings import load_settings
from loops.stories import Story, load_stories

KNOWN_SHOWN = 12
"""How many known stories an unknown name is answered with: enough to spot a typo."""


def find_story(stories: list[Story], name: str) -> list[Story]:
    """The stories ``name`` may mean: the one with that slug, or that title (any case);
    else every story whose title or slug starts with it. One story found is the one."""
    key = name.strip().casefold()
    exact = [s for s in stories if s.id == name or s.title.strip().casefold() == key]
    if exact or not key:
        return exact[:1]
    return [s for s in stories if s.title.casefold().startswith(key) or s.id.startswith(key)]


def _listed(stories: list[Story]) -> str:
    shown = "; ".join(f'"{s.title}" ({s.id})' for s in stories[:KNOWN_SHOWN])
    more = f"; and {len(stories) - KNOWN_SHOWN} more" if len(stories) > KNOWN_SHOWN else ""
    return shown + more


def run(slug: str, mode: str | None) -> int:
    stories, problems = load_stories()
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 2
    found = find_story(stories, slug)
    if len(found) > 1:
        print(
            f"mockloop drill: {slug!r} could be any of: {_listed(found)}; "
            "give more of the title, or the slug",
            file=sys.stderr,
        )
        return 2
    if not found:
        if not stories:
            print(
                f"mockloop drill: no story {slug!r}: the story bank is empty "
                "(add one with `mockloop stories add` or b in the app)",
                file=sys.stderr,
            )
            return 2
        print(
            f"mockloop drill: no story {slug!r} in the bank; known (title and slug): "
            f"{_listed(stories)}",
            file=sys.stderr,
        )
        return 2
    [story] = found
    from tui.app import MockloopApp

    app = MockloopApp(drill=(story, mode or load_settings().settings.mode))
    app.run()
    return app.return_code or 0
