"""Consistency across rounds on sets of answer pairs: same story, and contradictions.

Run from the repository root::

    python tests/benchmarks/bench_pairs.py [FILE.json ...] [--verbose]

With no file it reads every tests/labelled/blind*_pairs.json, in the order written,
and, when it is beside this checkout, ../shared/devset/pairs.json. Each pair is analysed as a
two-round loop through ``analyze_loop``, as ``mockloop analyze`` would, and
the script prints reuse precision and recall, contradiction recall per kind (a conflict
pair counts as found when any contradiction is reported; how many carry the labelled kind
is printed beside it),
and false contradictions on consistent and on different-story pairs. It
reports; it does not assert. A pair file holds ``{"pairs": [{"id",
"relation": "same-story" | "same-story-conflict" | "different-story",
"kinds": [...], "first": {"principle", "text"}, "second": {...}}]}``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scoring import AnswerInput, analyze_loop  # noqa: E402

KINDS = ("number", "outcome", "role", "team", "company", "date", "agency")


def _set_number(path: Path) -> int:
    digits = path.name.removeprefix("blind").split("_")[0]
    return int(digits) if digits.isdigit() else 1


DEFAULTS = (
    *sorted((ROOT / "tests" / "labelled").glob("blind*_pairs.json"), key=_set_number),
    ROOT.parent / "shared" / "devset" / "pairs.json",
)


def evaluate(path: Path, verbose: bool = False) -> None:
    pairs = json.loads(path.read_text(encoding="utf-8"))["pairs"]
    reuse: Counter[tuple[bool, bool]] = Counter()
    caught: defaultdict[str, list[int]] = defaultdict(lambda: [0, 0])
    right_kind = 0  # conflict pairs whose contradictions include the labelled kind
    alarms: Counter[str] = Counter()
    consistent: Counter[str] = Counter()
    checks = 0
    for p in pairs:
        first, second = p["first"], p["second"]
        result = analyze_loop(
            [AnswerInput(1, first["principle"], first["text"]),
             AnswerInput(2, second["principle"], second["text"])]
        )  # fmt: skip
        same, found = bool(result.reused), bool(result.contradictions)
        checks += len(result.checks)
        relation = p["relation"]
        reuse[(relation != "different-story", same)] += 1
        if relation == "same-story-conflict":
            for kind in [k for k in p["kinds"] if k in KINDS] or ["?"]:
                caught[kind][1] += 1
                caught[kind][0] += found
                right_kind += any(c.kind == kind for c in result.contradictions)
        else:
            consistent[relation] += 1
            alarms[relation] += found
        wrong = (relation != "different-story") != same or (
            relation == "same-story-conflict"
        ) != found
        if verbose and wrong:
            print(f"  {p['id']} {relation} {p['kinds']}: reused={same}, contradictions:")
            for c in result.contradictions:
                print(f"      {c.kind}: {c.detail[:150]}")
    tp, fp, fn = reuse[(True, True)], reuse[(False, True)], reuse[(True, False)]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    hit = sum(v[0] for v in caught.values())
    total = sum(v[1] for v in caught.values())
    print(f"{path.name}: {len(pairs)} pairs")
    print(
        f"  same story: precision {precision:.2f}, recall {recall:.2f} (tp {tp}, fp {fp}, fn {fn})"
    )
    per_kind = ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(caught.items()))
    print(f"  contradictions: recall {hit}/{total} = {hit / max(total, 1):.2f} ({per_kind})")
    print(f"  of which reported as the labelled kind: {right_kind}/{total}")
    for relation, n in sorted(consistent.items()):
        print(f"  false contradictions on {relation} pairs: {alarms[relation]}/{n}")
    print(f"  checks listed (never counted): {checks}")


def main(argv: list[str]) -> None:
    verbose = "--verbose" in argv
    files = [Path(a) for a in argv if not a.startswith("--")] or [p for p in DEFAULTS if p.exists()]
    for path in files:
        evaluate(path, verbose)


if __name__ == "__main__":
    main(sys.argv[1:])
