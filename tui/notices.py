"""Notices that stop applying: taken off the screen before their time is up.

A notice stays for its timeout (5 s by default) whatever happens meanwhile, so
"Press Ctrl+S again to skip this question" still covered the next question's
clock line and word count after the skip. Textual has no public call to remove
one notice (``clear_notifications`` removes all, errors included), so this uses
the app's notification list the way a clicked toast does.
"""

from __future__ import annotations

from textual.app import App


def withdraw(app: App[object], message: str) -> None:
    """Take every notice saying ``message`` off the screen.

    Queued on the app (``call_later``), so it runs after a notice posted just
    before it (two quick presses of Ctrl+S) has been shown, and removes that too.
    """

    def now() -> None:
        shown = [n for n in app._notifications if n.message == message]
        for notification in shown:
            app._unnotify(notification, refresh=False)
        if shown:
            app._refresh_notifications()

    app.call_later(now)
