"""Shared fixtures: every test gets its own MOCKLOOP_HOME and a fake clock."""

from __future__ import annotations

import pytest


class FakeClock:
    """A monotonic clock that moves only when a test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(autouse=True)
def mockloop_home(tmp_path, monkeypatch):
    """Keep the developer's own sessions and questions out of every test."""
    home = tmp_path / "mockloop-home"
    monkeypatch.setenv("MOCKLOOP_HOME", str(home))
    return home


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def scored(monkeypatch) -> list[str]:
    """The ids of the sessions scored in full from now on, in order (the analysis
    memo starts empty): what shows whether a debrief found its loop already scored."""
    import loops.review.analysis as sessions

    sessions._memo.cache_clear()
    ids: list[str] = []
    real = sessions._analyze_session

    def counting(session):
        ids.append(session.id)
        return real(session)

    monkeypatch.setattr(sessions, "_analyze_session", counting)
    return ids
