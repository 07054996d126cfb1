"""User and file text on screen: shown exactly as written, never read as markup.

Textual and Rich read a plain ``str`` given to a Static, an Option, a
DataTable or a Rich Table cell as markup, so an answer quoting "x[/b]"
crashed the app and "[ok]" or "list[int]" vanished. Anything that holds an
answer, a prompt, a story, a name from a session or a file problem reaches
a widget through :func:`plain`, which builds a ``rich.text.Text`` (never
parsed). Notices are plain too: ``MockloopApp.notify`` turns markup off for
every one.
"""

from __future__ import annotations

from rich.text import Text


def plain(text: str, style: str = "") -> Text:
    """``text`` as literal characters, in ``style`` (a style, never markup)."""
    return Text(text, style=style)
