"""The answer editor: a TextArea that stops at the longest answer a loop keeps.

A 50 MB paste made every autosave write 50 MB and the resume take minutes;
session files holding such a draft are now refused (loops/problems.py), so
the editor must never make one. Typing or pasting past MAX_TEXT_CHARS is
refused whole, with a notice, and what was there stays as it was.

Enter in an editor that holds nothing yet is not taken either: blank lines before
an answer's first word are never part of it. After the coach panel (Enter closes
it) the next question's editor opens at once, and the Enter pressed next, as on a
round's intro, put blank lines into that answer.
"""

from __future__ import annotations

from textual.widgets import TextArea
from textual.widgets.text_area import EditResult, Location

from loops.problems import MAX_TEXT_CHARS


class AnswerArea(TextArea):
    def _replace_via_keyboard(
        self, insert: str, start: Location, end: Location
    ) -> EditResult | None:
        # Every key and paste that inserts text comes through here (textual 8.2.8);
        # returning None is how TextArea itself refuses an edit (read-only).
        if insert and not insert.strip() and "\n" in insert and not self.text.strip():
            return None  # blank lines only, before the answer's first word
        if insert:
            removed = len(self.get_text_range(*sorted((start, end))))
            if len(self.text) - removed + len(insert) > MAX_TEXT_CHARS:
                what = "paste" if len(insert) > 1 else "key"
                self.notify(
                    f"An answer holds at most {MAX_TEXT_CHARS:,} characters (about 3,000 "
                    f"words): that {what} was not added.",
                    severity="warning",
                    markup=False,
                )
                return None
        return super()._replace_via_keyboard(insert, start, end)
