"""`mockloop drill STORY`: start the app on a drill of one banked story.

The story is named by its slug (`mockloop stories list` shows them). An
unknown slug, or a bank file that cannot be read, exits 2 before the app
starts, naming the known slugs or the file's problems.
"""

from __future__ import annotations

import sys

from loops.settings import load_settings
from loops.stories import load_stories

KNOWN_SHOWN = 12
"""How many known slugs an unknown one is answered with: enough to spot a typo."""


def run(slug: str, mode: str | None) -> int:
    stories, problems = load_stories()
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 2
    story = next((s for s in stories if s.id == slug), None)
    if story is None:
        if not stories:
            print(
                f"mockloop drill: no story {slug!r}: the story bank is empty "
                "(add one with `mockloop stories add` or b in the app)",
                file=sys.stderr,
            )
            return 2
        known = [s.id for s in stories]
        more = f" and {len(known) - KNOWN_SHOWN} more" if len(known) > KNOWN_SHOWN else ""
        print(
            f"mockloop drill: no story {slug!r} in the bank; known: "
            f"{', '.join(known[:KNOWN_SHOWN])}{more}",
            file=sys.stderr,
        )
        return 2
    from tui.app import MockloopApp

    app = MockloopApp(drill=(story, mode or load_settings().settings.mode))
    app.run()
    return app.return_code or 0
