"""Debrief and history benchmark: the work behind the two screens, in this process.

Run from the repository root: ``python tests/benchmarks/bench_debrief.py``
(with the venv's Python; ``--runs N`` changes the number of debrief runs, 9
by default; ``--loops N`` the number of saved loops, 200 by default).
Targets (issue): the debrief of a 6-round loop with follow-ups opens in
under 200 ms; the history of 200 saved loops in under 500 ms. This times
the data the screens show, not the screens (the lead measures those). A
benchmark reports; it does not assert.

What is measured:

* Debrief: ``loops.review.debrief.debrief_data`` on a finished 6-round SDE II
  loop, every main answer a 150-300 word answer from the labelled set and
  every interviewer's follow-ups answered (2 per question, 3 in the Bar
  Raiser round) with a shorter labelled answer. Each run starts with the
  engine's caches emptied (as bench_scoring does) and a fresh copy of the
  texts, so no run reuses another's work. Median, min and max.
* History, cold: ``loops.review.history.load_history`` over N saved loops (4 to 6
  rounds, answered like the debrief loop, each answer made unique so the
  engine's caches cannot help) with no history cache: every file parsed and
  every loop scored, and the cache written.
* History, warm: the same call again with the cache in place (what the
  history screen pays every time after the first), median of 5 runs; then
  with one loop changed since (one file re-read and re-scored).
* For comparison: ``loops.store.load_sessions`` alone over the same folder
  (parsing every file, which the warm path avoids).
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
for p in (ROOT, HERE):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from bench_scoring import _forget  # noqa: E402

from loops.bank import load_bank  # noqa: E402
from loops.planner import plan_loop  # noqa: E402
from loops.session import LoopSettings, Session  # noqa: E402
from loops.store import load_sessions, save_session  # noqa: E402

LABELLED = ROOT / "tests" / "labelled" / "answers.toml"


def _texts() -> tuple[list[str], list[str]]:
    with LABELLED.open("rb") as fh:
        texts = [str(a["text"]) for a in tomllib.load(fh)["answers"]]
    mains = [t for t in texts if 150 <= len(t.split()) <= 300]
    shorts = [t for t in texts if 30 <= len(t.split()) < 150] or mains
    return mains, shorts


def build_loop(seed: int, rounds: int, tag: str = "") -> Session:
    """A finished loop; ``tag`` makes every answer's text unique to this loop."""
    mains, shorts = _texts()
    bank = load_bank()
    plan = plan_loop(bank, "sde2", rounds, seed)
    session = Session(
        id=f"20260101-{seed:06d}-{rounds}", settings=LoopSettings("sde2", rounds, "relaxed", seed),
        plan=plan,
    )  # fmt: skip
    session.created_at = f"2026-{1 + seed % 12:02d}-{1 + seed % 28:02d}T10:00:00+00:00"
    n = seed
    while (step := session.current_step()) is not None:
        n += 1
        if step.kind == "main":
            text = mains[n % len(mains)]
            asked = 3 if step.round.is_bar_raiser else 2
            fus = list(step.question.follow_ups[:asked])
        else:
            text, fus = shorts[n % len(shorts)], None
        if tag:
            text += f" That was the {tag}-{n} release."
        session.record(step, text, 60.0 + n % 90, follow_ups=fus)
    session.updated_at = session.created_at
    return session


def _ms(runs: list[float]) -> str:
    return (
        f"median {statistics.median(runs) * 1000:.1f} ms (min {min(runs) * 1000:.1f}, "
        f"max {max(runs) * 1000:.1f}, {len(runs)} runs)"
    )


def bench_debrief(runs: int) -> None:
    from loops.review.debrief import debrief_data

    times: list[float] = []
    session = build_loop(6, 6)
    words = sum(a.words for a in session.answers)
    for n in range(runs + 1):
        loop = build_loop(6, 6, tag=f"run{n}")
        _forget()
        gc.collect()
        start = time.perf_counter()
        debrief_data(loop)
        if n:  # the first run also reads the question bank's background once: discarded
            times.append(time.perf_counter() - start)
    print(
        f"debrief_data, 6-round loop, {len(session.answers)} answers "
        f"({sum(a.kind == 'main' for a in session.answers)} main), {words} words: {_ms(times)}"
    )


def bench_history(count: int) -> None:
    from loops.review.history import HistoryCache, load_history

    with tempfile.TemporaryDirectory() as home:
        os.environ["MOCKLOOP_HOME"] = home
        from loops import paths

        folder = paths.sessions_dir()
        for i in range(count):
            save_session(build_loop(i, 4 + i % 3, tag=f"loop{i}"), folder)
        size = sum(p.stat().st_size for p in folder.glob("*.toml"))
        print(f"\n{count} saved loops, {size / 1e6:.1f} MB of session files")

        gc.collect()
        start = time.perf_counter()
        sessions = load_sessions(folder)
        print(
            f"load_sessions alone (parse every file): {(time.perf_counter() - start) * 1000:.0f} ms"
        )
        del sessions

        _forget()
        gc.collect()
        start = time.perf_counter()
        history = load_history(folder, HistoryCache.load())
        cold = time.perf_counter() - start
        print(f"load_history, cold (no cache: parse and score all): {cold * 1000:.0f} ms")
        assert len(history.rows) == count

        warm: list[float] = []
        for _ in range(5):
            gc.collect()
            start = time.perf_counter()
            history = load_history(folder, HistoryCache.load())
            _ = history.trends
            warm.append(time.perf_counter() - start)
        print(f"load_history + trends, warm (cache in place): {_ms(warm)}")

        changed = build_loop(0, 4, tag="changed")
        changed.updated_at = "2026-12-01T10:00:00+00:00"
        save_session(changed, folder)
        gc.collect()
        start = time.perf_counter()
        load_history(folder, HistoryCache.load())
        print(
            "load_history, warm with one loop changed: "
            f"{(time.perf_counter() - start) * 1000:.0f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--loops", type=int, default=200)
    args = parser.parse_args()
    print(f"Python {platform.python_version()}, {platform.machine()}, in-process")
    bench_debrief(args.runs)
    bench_history(args.loops)


if __name__ == "__main__":
    main()
