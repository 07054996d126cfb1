"""The retry screen counts words and I / we over one text: the whole telling.

A stranger compared a retry with its first attempt: "I / we" counted the follow-up
answers too, while "Words" was the main answer's alone, so the two rows measured
different things with nothing to say so.
"""

from __future__ import annotations

import io

from debrief_fixture import finished_loop
from rich.console import Console
from test_retry import play

from loops.review.retry import compare_with_earlier, start_retry
from loops.session import word_count
from tui.screens.retry import side_by_side

MAIN = "We rebuilt the release checks together and the team shipped them in a week."


def test_words_and_i_we_are_both_over_the_main_answer_and_its_follow_ups():
    loop = finished_loop()
    retry = play(start_retry(loop, 1, 0, "20261121-090000-retr"), MAIN)
    c = compare_with_earlier([loop], retry)
    assert c is not None
    told = c.after.answers
    assert len(told) > 1  # follow-ups were asked and answered ("I checked it ... myself")
    assert c.after.words == sum(word_count(a.text) for a in told)
    assert c.after.words > told[0].words
    # The main answer says no "I": every I form counted is a follow-up's, whose words
    # the words row now counts as well.
    assert c.after.i_count > 0
    assert c.before.words == sum(word_count(a.text) for a in c.before.answers)

    console = Console(width=78, file=io.StringIO(), record=True, color_system=None)
    console.print(side_by_side(c))
    rows = {line.split("  ")[0].strip(): line for line in console.export_text().splitlines()}
    assert "All words" in rows and "All I/we" in rows, rows
    assert "All told" in rows  # the time row that says "with follow-ups"
    assert str(c.after.words) in rows["All words"]
