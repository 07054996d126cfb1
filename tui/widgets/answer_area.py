"""The answer editor: a TextArea that stops at the longest answer a loop keeps.

A 50 MB paste made every autosave write 50 MB and the resume take minutes;
session files holding such a draft are now refused (loops/problems.py), so
the editor must never make one. Typing or pasting past MAX_TEXT_CHARS is
refused whole, with a notice, and what was there stays as it was.

Enter in an editor that holds nothing yet is not taken either: blank lines before
an answer's first word are never part of it. After the coach panel (Enter closes
it) the next question's editor opens at once, and the Enter pressed next, as on a
round's intro, put blank lines into that answer.

Keys that arrive in a burst are inserted as one edit. A terminal without
bracketed paste sends a paste as one key per character, and TextArea re-wraps the
whole paragraph at each edit (about 15 ms a key in a 6,000-character paragraph):
a 6,800-character paste froze the screen for 35 s. A typed key waits only for the
keys already queued behind it (none, when typing by hand), then all go in together
(tests/benchmarks/bench_long_answer_keys.py). ``text`` always includes them.
"""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea
from textual.widgets.text_area import EditResult, Location

from loops.problems import MAX_TEXT_CHARS


class AnswerArea(TextArea):
    _typed: list[str] | None = None
    """Characters typed and not yet in the document (a class default: TextArea's own
    __init__ reads ``text`` before ours could set it)."""

    @property
    def text(self) -> str:
        self.flush_typed()
        return self.document.text

    @text.setter
    def text(self, value: str) -> None:
        self._typed = None
        self.load_text(value)

    async def _on_key(self, event: events.Key) -> None:
        if not self.read_only and (event.is_printable or event.key == "enter"):
            self._restart_blink()
            event.stop()
            event.prevent_default()
            character = "\n" if event.key == "enter" else event.character or ""
            if self._typed:
                self._typed.append(character)
            else:
                self._typed = [character]
                # After the keys already queued: a burst is inserted once.
                self.call_later(self.flush_typed)
            return
        # Backspace, arrows...: after what was typed before them. Textual then calls
        # TextArea's own handler (it calls each class's handler in turn, ours first);
        # so for a click and a paste below.
        self.flush_typed()

    async def _on_mouse_down(self, event: events.MouseDown) -> None:
        self.flush_typed()

    async def _on_paste(self, event: events.Paste) -> None:
        self.flush_typed()

    def flush_typed(self) -> None:
        """Insert the characters typed since the last edit, as one edit."""
        typed, self._typed = self._typed, None
        if not typed:
            return
        insert = "".join(typed)
        if not self.document.text.strip():  # no blank lines before the first word
            body = insert.lstrip()
            insert = insert[: len(insert) - len(body)].replace("\n", "") + body
            if not insert:
                return
        self._replace_via_keyboard(insert, *self.selection)

    def _replace_via_keyboard(
        self, insert: str, start: Location, end: Location
    ) -> EditResult | None:
        # Every key and paste that inserts text comes through here (textual 8.2.8);
        # returning None is how TextArea itself refuses an edit (read-only).
        if insert and not insert.strip() and "\n" in insert and not self.document.text.strip():
            return None  # blank lines only, before the answer's first word
        if insert:
            removed = len(self.get_text_range(*sorted((start, end))))
            if len(self.document.text) - removed + len(insert) > MAX_TEXT_CHARS:
                what = "paste" if len(insert) > 1 else "key"
                self.notify(
                    f"An answer holds at most {MAX_TEXT_CHARS:,} characters (about 3,000 "
                    f"words): that {what} was not added.",
                    severity="warning",
                    markup=False,
                )
                return None
        return super()._replace_via_keyboard(insert, start, end)
