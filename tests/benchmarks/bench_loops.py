"""Consistency on whole loops and on short published-style answers, against labels.

Run from the repository root::

    python tests/benchmarks/bench_loops.py

Whole loops: every ``tests/labelled/blind*_loops/*.toml`` is analysed as
``mockloop analyze`` would, and its reused pairs and contradicting pairs are
compared with the ``.truth.json`` beside it (indexes of the main answers).
Short answers (``tests/labelled/short_answers.json``): 48 different stories by
different people, read as one loop and pair by pair, count false "same story";
its retold pairs count how many are found. It reports; it does not assert.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from loops.review.answers import load_answers_file  # noqa: E402
from scoring import AnswerInput, analyze_loop, tellings  # noqa: E402

LABELLED = ROOT / "tests" / "labelled"


def loops() -> None:
    total = dict.fromkeys(("rtp", "rfp", "rfn", "ctp", "cfp", "cfn"), 0)
    for path in sorted(LABELLED.glob("blind*_loops/*.toml")):
        answers, bar_raiser = load_answers_file(path)
        truth = json.loads(path.with_suffix(".truth.json").read_text(encoding="utf-8"))
        result = analyze_loop(answers, bar_raiser)
        main_of = {i: t.main for t in tellings(answers) for i in t.indexes}
        got_r = {frozenset(r.answers) for r in result.reused}
        want_r = {frozenset(p) for p in truth["reused"]}
        got_c = {frozenset(main_of[i] for i in c.answers) for c in result.contradictions}
        want_c = {frozenset(c["answers"]) for c in truth["contradictions"]}
        row = {
            "rtp": len(got_r & want_r), "rfp": len(got_r - want_r), "rfn": len(want_r - got_r),
            "ctp": len(got_c & want_c), "cfp": len(got_c - want_c), "cfn": len(want_c - got_c),
        }  # fmt: skip
        for k in total:
            total[k] += row[k]
        print(
            f"{path.parent.name}/{path.name}: same story {row['rtp']} right, {row['rfp']} false,"
            f" {row['rfn']} missed; contradicting pairs {row['ctp']} right, {row['cfp']} false,"
            f" {row['cfn']} missed"
        )
    print(
        f"all loops: same story {total['rtp']} right, {total['rfp']} false, {total['rfn']} missed;"
        f" contradicting pairs {total['ctp']} right, {total['cfp']} false, {total['cfn']} missed"
    )


def short_answers() -> None:
    data = json.loads((LABELLED / "short_answers.json").read_text(encoding="utf-8"))
    ans = data["answers"]
    inputs = [
        AnswerInput(i + 1, a["principle"], a["text"], a.get("question")) for i, a in enumerate(ans)
    ]
    as_loop = len(analyze_loop(inputs, None).reused)
    as_pairs = sum(
        bool(
            analyze_loop(
                [inputs[x], AnswerInput(2, ans[y]["principle"], ans[y]["text"])], None
            ).reused
        )
        for x, y in itertools.combinations(range(len(ans)), 2)
    )
    found = sum(
        bool(
            analyze_loop(
                [
                    AnswerInput(1, p["first"]["principle"], p["first"]["text"]),
                    AnswerInput(2, p["second"]["principle"], p["second"]["text"]),
                ],
                None,
            ).reused
        )
        for p in data["pairs"]
    )
    n = len(ans) * (len(ans) - 1) // 2
    print(
        f"short answers: false same story {as_loop} of {n} pairs in one loop, {as_pairs} of {n}"
        f" as two-answer loops; retold pairs found {found} of {len(data['pairs'])}"
    )


if __name__ == "__main__":
    loops()
    short_answers()
