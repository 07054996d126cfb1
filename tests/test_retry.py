"""Retrying one question of a past loop, judged with no UI (loops/review/retry.py)."""

from __future__ import annotations

import dataclasses

import pytest
from debrief_fixture import STORY, finished_loop

from loops.bank import load_bank
from loops.review.retry import (
    Attempt,
    RetryError,
    attempts_of,
    compare,
    compare_with_earlier,
    retryable,
    start_retry,
)
from loops.runner import LoopRunner
from loops.session import Session
from loops.store import save_session, session_from_toml

MEASURED = "I checked it on the latency dashboard myself every morning."


def play(session: Session, main: str, seconds: float = 95.0) -> Session:
    """Answer the retry's one question and the follow-ups the runner asks."""
    runner = LoopRunner(session, load_bank())
    runner.answer(main, seconds)
    while runner.step is not None:
        runner.answer(MEASURED, 20.0)
    return session


def test_a_retry_asks_the_same_question_under_the_same_clock_and_script():
    loop = finished_loop()
    retry = start_retry(loop, 3, 1, "20261121-090000-retr")
    asked = loop.plan.rounds[2].questions[1]
    [[question]] = [r.questions for r in retry.plan.rounds]
    assert (question.id, question.prompt, question.principle) == (
        asked.id,
        asked.prompt,
        asked.principle,
    )
    assert retry.plan.rounds[0].index == 1 and retry.settings == loop.settings
    assert (retry.origin.kind, retry.origin.source) == ("retry", loop.id)
    assert (retry.origin.round, retry.origin.question_index) == (3, 1)
    step = retry.current_step()
    assert step is not None and step.prompt == asked.prompt
    assert step.target_seconds == loop.settings.main_seconds
    # Saved and read back like any session; a retry of the retry points at the loop.
    back = session_from_toml(save_session(retry))
    assert back.origin == retry.origin and back.plan == retry.plan
    again = start_retry(play(back, STORY), 1, 0, "20261122-090000-retr")
    assert (again.origin.source, again.origin.round, again.origin.question_index) == (
        loop.id,
        3,
        1,
    )


def test_a_question_that_is_not_there_or_never_answered_is_refused_by_name():
    loop = finished_loop()
    with pytest.raises(
        RetryError, match="loop 20261120-100000-demo has rounds 1 to 4; there is no round 9"
    ):
        start_retry(loop, 9, 0, "x")
    with pytest.raises(RetryError, match="has questions 1 to 2, not 8"):
        start_retry(loop, 1, 7, "x")
    unanswered = dataclasses.replace(loop, answers=[a for a in loop.answers if a.round != 2])
    with pytest.raises(RetryError, match="never answered"):
        start_retry(unanswered, 2, 0, "x")


def test_a_changed_figure_is_a_contradiction_with_the_first_attempt():
    loop = finished_loop()
    retry = play(
        start_retry(loop, 1, 0, "20261121-090000-retr"),
        STORY.replace("1.4 seconds", "2.6 seconds"),
    )
    c = compare_with_earlier([loop], retry)
    assert c is not None and c.same_story
    assert (c.before.session_id, c.after.session_id) == (loop.id, retry.id)
    assert [s.quote for s in c.contradictions[0].statements] == ["1.4 seconds", "2.6 seconds"]
    first, then = c.contradictions[0].statements
    assert c.answer_at(first.answer) is c.before.answers[0]
    assert c.answer_at(then.answer).text.startswith(STORY[:40])
    assert c.figures_new == ("2.6 seconds",) and c.figures_dropped == ("1.4 seconds",)
    assert (c.before.seconds, c.after.seconds) == (70.0, 95.0)


def test_the_same_figures_retold_contradict_nothing_and_a_new_story_is_not_compared():
    loop = finished_loop()
    same = play(start_retry(loop, 1, 0, "20261121-090000-same"), STORY)
    c = compare_with_earlier([loop], same)
    assert c is not None and c.same_story and not c.contradictions
    assert not c.figures_new and not c.figures_dropped
    other = play(
        start_retry(loop, 1, 0, "20261121-090000-othr"),
        "At a bakery chain I rebuilt the ordering tablet app; I rewrote the sync myself and "
        "orders lost fell from 40 a week to 2.",
    )
    c = compare(Attempt(loop, 1, 0), Attempt.of_retry(other))
    assert not c.same_story and not c.contradictions


def test_flags_gained_and_lost_and_the_vote_follow_the_engine():
    loop = finished_loop()
    vague = "We worked on it together as a team and we were happy with how it went."
    retry = play(start_retry(loop, 1, 0, "20261121-090000-vagu"), vague, 20.0)
    c = compare_with_earlier([loop], retry)
    assert c is not None
    assert "no-metric" in c.flags_gained and "no-metric" not in c.before.flags
    assert "no-result" in c.flags_gained and "no-result" in c.after.flags
    assert c.vote_change < 0 and c.after.we_count == 2  # "We worked... we were"
    assert set(c.flags_lost) == set(c.before.flags) - set(c.after.flags)


def test_every_attempt_is_kept_in_order_with_its_vote_as_a_trend():
    loop = finished_loop()
    vague = "We worked on it together as a team and we were happy with how it went."
    first = play(start_retry(loop, 1, 0, "20261121-090000-aaaa"), vague, 20.0)
    first.answers[0].submitted_at = "2026-11-21T09:00:00+00:00"
    second = play(start_retry(first, 1, 0, "20261122-090000-bbbb"), STORY)
    second.answers[0].submitted_at = "2026-11-22T09:00:00+00:00"
    unfinished = start_retry(loop, 1, 0, "20261123-090000-cccc")  # nothing told yet
    sessions = [second, unfinished, loop, first]
    ref = Attempt.of_retry(first).ref
    assert [a.session.id for a in attempts_of(sessions, ref)] == [loop.id, first.id, second.id]
    # The second retry is compared with the first retry, the attempt just before it.
    c = compare_with_earlier(sessions, second)
    assert c is not None and c.before.session_id == first.id and c.vote_change > 0

    listed = retryable(sessions)
    assert {r.ref.session_id for r in listed} == {loop.id}  # retries are not loops
    mine = next(r for r in listed if r.ref == ref)
    assert [a.session_id for a in mine.attempts] == [loop.id, first.id, second.id]
    votes = [a.vote for a in mine.attempts]
    assert votes[1] != votes[2] and None not in votes
    assert votes == [c.before.vote if k == 1 else v for k, v in enumerate(votes)]
    # A question never retried has one attempt and no trend to score.
    lone = next(r for r in listed if r.ref != ref)
    assert len(lone.attempts) == 1 and lone.attempts[0].vote is None
    assert len(listed) == sum(
        1 for a in loop.answers if a.kind == "main"
    )  # every answered question of the loop


def test_an_imported_interview_can_be_retried_and_a_drill_cannot():
    from loops.session import LoopSettings, Origin

    loop = finished_loop()
    imported = dataclasses.replace(loop, id="20261119-000000-impo", origin=Origin("import"))
    assert {r.ref.session_id for r in retryable([imported])} == {imported.id}
    retry = start_retry(imported, 1, 0, "20261121-090000-impr")
    assert retry.origin.source == imported.id
    drill = dataclasses.replace(loop, id="20261119-000000-dril", origin=Origin("drill", story="s"))
    assert retryable([drill]) == []
    with pytest.raises(RetryError, match="is a drill"):
        start_retry(drill, 1, 0, "x")
    # Your own vote first is asked of loops; a retry's comparison does not show it.
    voting = dataclasses.replace(loop, settings=LoopSettings("sde2", 4, self_vote=True))
    assert not start_retry(voting, 1, 0, "x").settings.self_vote


DEPLOY = (
    "Last year a deploy broke checkout for 12% of users on a Friday night. I was on call, so "
    "I rolled back within 10 minutes and watched the dashboards myself. Errors fell to zero. "
    "Afterwards I added a canary stage so that bad deploys are caught early."
)
DEPLOY_RETOLD = (
    "A deploy broke checkout for 15% of users on a Friday. I rolled back in 10 minutes and "
    "errors fell to zero."
)


def deploy_loop() -> Session:
    """The finished loop with round 1's first answer the deploy story, saved."""
    loop = finished_loop()
    loop.answers[0].text = DEPLOY
    save_session(loop)
    return loop


def test_a_short_retry_sharing_specifics_is_the_same_story_and_its_changed_figure_shows():
    # The engine alone asks a short answer for strong evidence (in a loop, short answers on
    # one theme are often two stories); in a retry both answer one question.
    loop = deploy_loop()
    retry = play(start_retry(loop, 1, 0, "20261121-090000-retr"), DEPLOY_RETOLD)
    c = compare_with_earlier([loop], retry)
    assert c is not None and c.same_story
    assert [[s.quote for s in x.statements] for x in c.contradictions] == [["12%", "15%"]]


def test_a_short_retry_sharing_nothing_or_dated_apart_stays_a_different_story():
    loop = deploy_loop()
    other = play(
        start_retry(loop, 1, 0, "20261121-090000-othr"),
        "A vendor sent us malformed invoices, so I wrote a validator and the finance team "
        "stopped losing a day a month.",
    )
    c = compare_with_earlier([loop], other)
    assert c is not None and not c.same_story and not c.contradictions
    dated = play(
        start_retry(loop, 1, 0, "20261121-090000-date"),
        "Back in 2019 a deploy broke checkout for 15% of users. I rolled back in 10 minutes.",
    )
    loop.answers[0].text = "In 2023 " + DEPLOY[0].lower() + DEPLOY[1:]
    c = compare_with_earlier([loop], dated)
    assert c is not None and not c.same_story and not c.contradictions


def test_a_retry_asks_the_follow_ups_asked_of_the_earlier_answer_whatever_it_says_now():
    loop = finished_loop()
    [then] = [a for a in loop.answers if (a.round, a.question_index, a.kind) == (3, 1, "main")]
    assert then.follow_ups  # the script chose them by what that answer lacked
    vague = "We worked on it together as a team and we were happy with how it went."
    retry = play(start_retry(loop, 3, 1, "20261121-090000-retr"), vague, 20.0)
    asked = [a.prompt for a in retry.answers if a.kind == "follow-up"]
    assert asked == [f.text for f in then.follow_ups]
    # A retry of the retry asks them again.
    again = play(start_retry(retry, 1, 0, "20261122-090000-agan"), STORY)
    assert [a.prompt for a in again.answers if a.kind == "follow-up"] == asked
