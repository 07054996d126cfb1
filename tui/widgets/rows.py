"""A list of rows that stops at its ends.

Textual's OptionList wraps: Down on the last row went to the first one that can be
highlighted, and in the debrief's Rounds list, whose first row is a round's heading,
the view jumped to the top and the cursor landed on the second row. Here Down on
the last row and Up on the first stay put, as the history table does; they show
what lies past the cursor (a heading above the first row) instead.
"""

from __future__ import annotations

from textual.widgets import OptionList


class RowList(OptionList):
    """An OptionList whose cursor does not wrap around."""

    def _next_row(self, step: int) -> int | None:
        """The next row that can be highlighted from the cursor, ``step`` rows a move."""
        at = self.highlighted
        if at is None:
            return None
        k = at + step
        while 0 <= k < self.option_count:
            if not self.get_option_at_index(k).disabled:
                return k
            k += step
        return None

    def action_cursor_down(self) -> None:
        if self.highlighted is None:
            super().action_cursor_down()
            return
        row = self._next_row(1)
        if row is None:
            self.scroll_end(animate=False)
        else:
            self.highlighted = row

    def action_cursor_up(self) -> None:
        if self.highlighted is None:
            super().action_cursor_up()
            return
        row = self._next_row(-1)
        if row is None:
            self.scroll_home(animate=False)  # the heading above the first row
        else:
            self.highlighted = row
