"""Fact comparison on pasted logs: time and work for two answers of numeric text.

Run from the repository root: ``python tests/benchmarks/bench_facts.py``.
For each size, two answers of that many characters of log lines (figures with
units and measures, as pasted from a dashboard) are read into facts, compared,
and analysed as a loop; the figure comparisons made are counted. Before the
cap and the buckets (scoring.facts.MAX_FIGURES), comparing two such answers
grew with the square of their figures: 24k characters took 1.4 s, 71k 12 s.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for path in (ROOT, ROOT / "tests"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from test_fact_slots import _log  # noqa: E402

from scoring import AnswerInput, analyze_loop  # noqa: E402
from scoring.facts import extract_facts, judge_facts  # noqa: E402


def main() -> None:
    print("size      extract  compare  comparisons  analyze_loop")
    for size in (24_000, 71_000, 300_000):
        a, b = _log(size, 1), _log(size, 2)
        start = time.perf_counter()
        fa, fb = extract_facts(a), extract_facts(b)
        read = time.perf_counter()
        work = [0]
        judge_facts(fa, fb, work)
        compared = time.perf_counter()
        analyze_loop([AnswerInput(1, "dive-deep", a), AnswerInput(2, "dive-deep", b)])
        done = time.perf_counter()
        print(
            f"{size:>7,}  {read - start:6.2f} s  {compared - read:6.3f} s  {work[0]:>11,}"
            f"  {done - compared:8.2f} s"
        )


if __name__ == "__main__":
    main()
