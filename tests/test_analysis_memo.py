"""A loop scored ahead of time (while the candidate looks at it in a list) is not
scored again when its debrief opens, and an edited loop is never given a stale
analysis."""

from __future__ import annotations

import copy
import threading
import time

import pytest
from debrief_fixture import finished_loop

import loops.review.analysis as sessions
from loops.review.analysis import analysis_key, analyze_session


@pytest.fixture(autouse=True)
def empty_memo() -> None:
    sessions._memo.cache_clear()


def test_the_same_loop_is_scored_once() -> None:
    session = finished_loop()
    first = analyze_session(session)
    # A fresh copy, as the debrief gets when it reads the file again.
    assert analyze_session(copy.deepcopy(session)) is first


def test_an_edited_answer_is_scored_anew() -> None:
    session = finished_loop()
    before = analyze_session(session)
    edited = copy.deepcopy(session)
    edited.answers[0].text += " In the end we missed the date by two weeks."
    assert analysis_key(edited) != analysis_key(session)
    after = analyze_session(edited)
    assert after is not before
    assert after == sessions._analyze_session(edited)


def test_a_longer_loop_is_scored_anew() -> None:
    session = finished_loop()
    shorter = copy.deepcopy(session)
    shorter.answers.pop()
    assert analyze_session(shorter) is not analyze_session(session)


def test_opening_while_the_prefetch_runs_waits_instead_of_scoring_twice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = finished_loop()
    calls: list[str] = []
    real = sessions._analyze_session

    def slow(s: object) -> object:
        calls.append(threading.current_thread().name)
        time.sleep(0.2)
        return real(s)  # type: ignore[arg-type]

    monkeypatch.setattr(sessions, "_analyze_session", slow)
    results: list[object] = []
    prefetch = threading.Thread(
        target=lambda: results.append(analyze_session(session)), name="prefetch"
    )
    prefetch.start()
    while not calls:
        time.sleep(0.005)
    opened = analyze_session(copy.deepcopy(session))  # the debrief opening meanwhile
    prefetch.join()
    assert calls == ["prefetch"]
    assert results == [opened]
    assert results[0] is opened


def test_a_failed_prefetch_leaves_the_debrief_to_score_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = finished_loop()
    real = sessions._analyze_session
    attempts: list[int] = []

    def fails_once(s: object) -> object:
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("disk went away")
        return real(s)  # type: ignore[arg-type]

    monkeypatch.setattr(sessions, "_analyze_session", fails_once)
    with pytest.raises(RuntimeError):
        analyze_session(session)
    assert analyze_session(session) == real(session)
    assert len(attempts) == 2
