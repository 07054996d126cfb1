"""The story drill as plain data: four lengths saved and read back, each telling judged
against the bank and the others, and the drills listed for the story wear. No Textual."""

from __future__ import annotations

import pytest
from story_fixture import STORIES
from test_store import make_session

from loops.bank import load_bank
from loops.problems import FileProblemError
from loops.review.drill import DRILL_SECONDS, drill_session, drills, review_drill
from loops.runner import LoopRunner
from loops.session import LoopSettings
from loops.store import save_session, session_from_toml

STORY = STORIES[0]  # checkout p99 from 1.4 s to 300 ms, abandoned carts down 8%

NO_RESULT = (
    "At Northwind checkout was slow at peak. I traced the p99 to one fraud-check call per "
    "cart item and batched them into a single request."
)
KEEPS_ALL = (
    "Checkout was slow at peak. I traced the p99 to one fraud-check call per cart item and "
    "batched them into one request behind a flag. Checkout p99 fell from 1.4 s to 300 ms."
)
CHANGED_FIGURE = (
    "Checkout was slow at peak. I traced the p99 to one fraud-check call per cart item and "
    "batched them into one request behind a flag. Checkout p99 fell from 1.4 s to 500 ms, "
    "and abandoned carts dropped 8%."
)
LONG = (
    "Checkout was slow at peak on the Payments team at Northwind in 2023. I owned it. I "
    "traced the p99 to one fraud-check call per cart item, batched them into a single "
    "request behind a feature flag, and rolled it out. Checkout p99 fell from 1.4 s to "
    "300 ms; abandoned carts dropped 8%. I now profile before I guess."
)


def drilled(*texts: str, mode: str = "typed", sid: str = "20261130-100000-d1d1"):
    session = drill_session(STORY, LoopSettings("sde2", 4, mode=mode), sid)
    runner = LoopRunner(session, load_bank())
    for text in texts:
        runner.answer(text, 20.0)
    return session


def test_a_drill_asks_the_story_four_times_each_at_its_own_length_with_no_follow_ups():
    session = drilled(NO_RESULT, KEEPS_ALL)
    steps = session.steps()
    assert [s.target_seconds for s in steps] == list(DRILL_SECONDS)[: len(steps)]
    assert all(s.kind == "main" for s in steps)  # an answer is followed by the next length
    assert STORY.title in steps[0].prompt and "30 s" in steps[0].prompt
    assert "2 min" in session.plan.rounds[0].questions[-1].prompt
    assert session.settings.timing == "strict"  # the clock enforces each length
    assert session.round_budget_seconds(session.plan.rounds[0]) == sum(DRILL_SECONDS)


def test_a_drill_reads_back_with_its_lengths_and_old_files_still_read(tmp_path):
    session = drilled(NO_RESULT)
    back = session_from_toml(save_session(session, tmp_path))
    assert back.origin.kind == "drill" and back.origin.story == STORY.id
    assert back.current_step().target_seconds == 60
    assert [q.seconds for q in back.plan.rounds[0].questions] == list(DRILL_SECONDS)
    # A loop's file has no per-question seconds: it reads as before, at the loop's time.
    loop = make_session()
    path = save_session(loop, tmp_path)
    assert not any(line.startswith("seconds = ") for line in path.read_text().splitlines())
    assert session_from_toml(path).current_step().target_seconds == loop.settings.main_seconds
    # A bad length is named with its field.
    drill_path = tmp_path / f"{session.id}.toml"
    drill_path.write_text(drill_path.read_text().replace("\nseconds = 90\n", "\nseconds = 9\n"))
    with pytest.raises(FileProblemError) as caught:
        session_from_toml(drill_path)
    assert "questions[2]" in str(caught.value) and "seconds" in str(caught.value)


def test_the_short_telling_that_drops_the_result_and_the_figure_is_told_so():
    review = review_drill(drilled(NO_RESULT), STORY)
    [short] = review.tellings
    assert short.label == "30 s"
    assert "own action" in short.keeps
    dropped = {d.what: d.where for d in short.dropped}
    assert dropped == {"result": "the bank", "figure": "the bank"}
    assert review.shortest is None and not review.finished


def test_the_drill_ends_with_the_shortest_telling_that_keeps_result_and_figure():
    review = review_drill(drilled(NO_RESULT, KEEPS_ALL, CHANGED_FIGURE, LONG), STORY)
    assert review.finished
    assert [t.label for t in review.tellings] == ["30 s", "60 s", "90 s", "2 min"]
    short, sixty, _, two = review.tellings
    # Once longer tellings exist, the shorter one is measured against them too.
    assert {d.what: d.where for d in short.dropped}["result"] == (
        "the bank and the 60 s, 90 s and 2 min tellings"
    )
    assert review.shortest is sixty
    assert sixty.dropped == ()
    assert {"situation", "task", "action", "result", "reflection"} == set(two.beats)


def test_a_changed_figure_disagrees_with_the_bank_and_the_shorter_telling():
    review = review_drill(drilled(NO_RESULT, KEEPS_ALL, CHANGED_FIGURE), STORY)
    ninety = review.tellings[2]
    assert any("500 ms" in c and "story bank" in c for c in ninety.conflicts)
    assert any("500 ms" in c and "the 60 s telling" in c for c in ninety.conflicts)
    assert review.tellings[1].conflicts == ()  # 60 s agrees with the bank and the 30 s


def test_action_share_typed_by_the_sentences_of_own_action_spoken_by_marked_time():
    typed = review_drill(drilled(KEEPS_ALL), STORY).tellings[0]
    # Three sentences; the engine finds the candidate acting in the middle one only.
    assert typed.action_share is not None and 0.4 < typed.action_share < 0.8
    spoken = drilled(mode="spoken")
    runner = LoopRunner(spoken, load_bank())
    runner.answer("note", 30.0, marks=[("situation", 0.0), ("action", 6.0), ("result", 27.0)])
    told = review_drill(spoken, STORY).tellings[0]
    assert told.action_share == pytest.approx(0.7)
    assert "result" in told.keeps  # marked aloud, so told, whatever the note says


def test_a_story_gone_from_the_bank_is_still_judged_against_its_own_tellings():
    review = review_drill(drilled(NO_RESULT, KEEPS_ALL), None)
    assert not review.banked
    assert review.tellings[0].dropped[0].where == "the 60 s telling"


def test_drills_lists_each_drill_with_its_story_and_when_last_told_and_no_loop():
    first = drilled(NO_RESULT, sid="20261130-090000-aaaa")
    first.answers[0].submitted_at = "2026-11-30T09:00:40+00:00"
    second = drilled(*[KEEPS_ALL] * 3, "", sid="20261130-100000-bbbb")
    for k, a in enumerate(second.answers):
        a.submitted_at = f"2026-11-30T10:0{k}:00+00:00"
    untold = drilled(sid="20261130-110000-cccc")
    untold.created_at = "2026-11-30T11:00:00+00:00"
    found = drills([second, make_session(), untold, first])
    assert [(d.story, d.when, d.tellings, d.finished) for d in found] == [
        (STORY.id, "2026-11-30T09:00:40+00:00", 1, False),
        # The 2 min telling was passed over empty: three told, the drill is over.
        (STORY.id, "2026-11-30T10:02:00+00:00", 3, True),
        (STORY.id, "2026-11-30T11:00:00+00:00", 0, False),
    ]


def test_the_story_wear_counts_a_spoken_drill_told_aloud_with_no_note():
    from loops.review.wear import story_wear

    spoken = drilled(mode="spoken")
    LoopRunner(spoken, load_bank()).answer("", 28.0, marks=[("situation", 0.0), ("result", 20.0)])
    typed = drilled(KEEPS_ALL, sid="20261130-100000-eeee")
    wear = story_wear([spoken, typed], STORIES).of(STORY.id)
    assert wear is not None and wear.drills == 2


WRONG_FIGURE = KEEPS_ALL.replace("300 ms", "350 ms")


def test_a_telling_whose_figure_disagrees_with_the_bank_is_never_the_one_recommended():
    # The 60 s telling keeps the result and a figure, but 350 ms against the bank's 300.
    review = review_drill(drilled(NO_RESULT, WRONG_FIGURE, KEEPS_ALL, LONG), STORY)
    sixty, ninety = review.tellings[1], review.tellings[2]
    assert sixty.keeps_result_and_figure and sixty.disagrees_with_bank
    assert review.shortest is ninety
    assert review.passed_over == (sixty,)


def test_a_short_telling_contradicted_by_a_longer_one_is_not_recommended():
    # No bank to judge by: the 30 s says 300 ms, the 60 s and 90 s say 350 ms.
    review = review_drill(drilled(KEEPS_ALL, WRONG_FIGURE, WRONG_FIGURE), None)
    short = review.tellings[0]
    assert short.disagrees_with == (60, 90)
    assert review.shortest is review.tellings[1]
    # Against the bank, the 30 s telling is the right one and the longer ones are not.
    banked = review_drill(drilled(KEEPS_ALL, WRONG_FIGURE, WRONG_FIGURE), STORY)
    assert banked.shortest is banked.tellings[0]
