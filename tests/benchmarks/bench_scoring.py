"""Scoring benchmark: accuracy on the labelled set, then speed.

Run from the repository root: ``python tests/benchmarks/bench_scoring.py``.
Prints per-flag precision/recall/support, vote agreement, reuse P/R/F1,
contradiction recall and false alarms on consistent retellings, then the
wall time of ``analyze_loop`` in this process: the median (and range) of 20
runs on a 30-answer loop of about 9,000 words built from the labelled answers,
timed side by side with one regex tokenisation pass over the same texts (issue
11: the analysis should cost within 10 times that pass), and of 5 runs on 500
synthetic answers, each run with the engine's caches emptied first so that no
run reuses another's work; then how the cost grows from 30 to 500 synthetic
answers, with no retellings and with every other answer a retelling.
``--speed`` prints only the speed figures.
The same measurements back tests/test_scoring_labelled.py.
"""

from __future__ import annotations

import gc
import math
import platform
import random
import re
import statistics
import sys
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scoring import (  # noqa: E402
    FLAG_NAMES,
    AnswerInput,
    analyze_answer,
    analyze_loop,
)

LABELLED = ROOT / "tests" / "labelled"


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn


@dataclass
class FlagReport:
    per_flag: dict[str, Counts] = field(default_factory=dict)
    votes_exact: int = 0
    votes_side: int = 0
    total: int = 0
    errors: list[str] = field(default_factory=list)


def load_labelled_answers(name: str = "answers.toml") -> list[dict[str, object]]:
    with (LABELLED / name).open("rb") as fh:
        return list(tomllib.load(fh)["answers"])


def load_labelled_pairs(name: str = "pairs.toml") -> list[dict[str, object]]:
    with (LABELLED / name).open("rb") as fh:
        return list(tomllib.load(fh)["pairs"])


def _answer(item: dict[str, object]) -> AnswerInput:
    seconds = item.get("seconds")
    return AnswerInput(
        round=1,
        principle=str(item["principle"]),
        text=str(item["text"]),
        question=str(item["question"]) if item.get("question") else None,
        seconds=float(seconds) if isinstance(seconds, int | float) else None,
        failure=bool(item.get("failure", False)),
    )


def flag_report(name: str = "answers.toml") -> FlagReport:
    report = FlagReport(per_flag={name: Counts() for name in FLAG_NAMES})
    for item in load_labelled_answers(name):
        got = set(analyze_answer(_answer(item)).flag_names)
        want = set(item.get("flags", []))  # type: ignore[call-overload]
        for name in FLAG_NAMES:
            c = report.per_flag[name]
            if name in got and name in want:
                c.tp += 1
            elif name in got:
                c.fp += 1
                report.errors.append(f"{item['id']}: false {name}")
            elif name in want:
                c.fn += 1
                report.errors.append(f"{item['id']}: missed {name}")
        vote = analyze_answer(_answer(item)).vote
        report.total += 1
        if "vote" in item:
            report.votes_exact += vote == item["vote"]
            report.votes_side += ("not" in vote) == ("not" in str(item["vote"]))
            if ("not" in vote) != ("not" in str(item["vote"])):
                report.errors.append(f"{item['id']}: vote {vote}, labelled {item['vote']}")
    return report


@dataclass
class PairReport:
    reuse: Counts = field(default_factory=Counts)
    conflict: Counts = field(default_factory=Counts)
    false_alarms_consistent: int = 0
    consistent: int = 0
    kind_hits: int = 0
    kind_total: int = 0
    errors: list[str] = field(default_factory=list)


def pair_report(name: str = "pairs.toml") -> PairReport:
    report = PairReport()
    for item in load_labelled_pairs(name):
        a = AnswerInput(
            round=int(item["a_round"]),  # type: ignore[call-overload]
            principle=str(item["a_principle"]),
            text=str(item["a_text"]),
        )
        b = AnswerInput(
            round=int(item["b_round"]),  # type: ignore[call-overload]
            principle=str(item["b_principle"]),
            text=str(item["b_text"]),
        )
        if a.round == b.round:
            b = AnswerInput(b.round + 1, b.principle, b.text)
        loop = analyze_loop([a, b])
        relation = str(item["relation"])
        same = relation in ("same-story", "same-story-conflict")
        conflict = relation == "same-story-conflict"
        got_same = bool(loop.reused)
        got_conflict = bool(loop.contradictions)
        sim = loop.reused[0].similarity if loop.reused else 0.0
        if same and got_same:
            report.reuse.tp += 1
        elif got_same:
            report.reuse.fp += 1
            report.errors.append(f"{item['id']}: false reuse ({relation}, sim {sim:.2f})")
        elif same:
            report.reuse.fn += 1
            report.errors.append(f"{item['id']}: missed reuse ({relation})")
        if conflict and got_conflict:
            report.conflict.tp += 1
        elif got_conflict:
            report.conflict.fp += 1
            kinds = ", ".join(f"{c.kind}: {c.detail}" for c in loop.contradictions)
            report.errors.append(f"{item['id']}: false contradiction ({relation}): {kinds}")
        elif conflict:
            report.conflict.fn += 1
            report.errors.append(f"{item['id']}: missed contradiction {item.get('conflict_kinds')}")
        if relation == "same-story":
            report.consistent += 1
            report.false_alarms_consistent += got_conflict
        if conflict:
            want = set(item.get("conflict_kinds", []))  # type: ignore[call-overload]
            got = {c.kind for c in loop.contradictions}
            report.kind_total += len(want)
            report.kind_hits += len(want & got)
    return report


# --- speed ------------------------------------------------------------------------

_SYLLABLES = tuple(c + v for c in "bdfgklmnprstvz" for v in "aeiou")
"""70 syllables: made-up names that rarely collide, as real system names rarely do."""
_TEMPLATES = (
    "At {company} I was on the {a} team, and the {b} {c} was mine.",
    "I noticed the {b} p99 latency had climbed to {n1} ms during the {d} peak.",
    "Nobody asked me to {v1} the {e} {f}, but I {v2} a month of {g} records.",
    "I {v3} it to the {h} {v4} the {i} in a loop, and I wrote a {j} to {v5} it.",
    "After the rollout the {d} errors fell {n2}% and {k} costs dropped by ${n3}k.",
    "My manager {v6} the {l} numbers, so I {v7} him the {m} {n}.",
    "I {v8} the {o} against a {p} of {q} {r} before {v9} it on for the {s}.",
    "The {t} team {v10} the same {u} {v} the following month.",
    "I learned to {v11} the {w} before the {x}, and I now do that for every {y}.",
    "The {z} owners {v12} about the {a}, and I agreed to {v13} the {b} in one {c} first.",
    "We spent a week on the {d} and the {e} before I {v14} the {f} {g} behind it.",
)


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(3, 4)))


def synthetic_answer(rng: random.Random, words: int) -> str:
    """A realistic-shaped answer about made-up systems, so stories share little vocabulary."""
    company = rng.choice(("Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay"))
    keys = [*"abcdefghijklmnopqrstuvwxyz", *(f"v{i}" for i in range(1, 15))]
    cast = {k: _word(rng) for k in keys}
    order = list(_TEMPLATES)
    rng.shuffle(order)
    out: list[str] = []
    i = 0
    while sum(len(s.split()) for s in out) < words:
        if i and i % len(order) == 0:
            cast = {k: _word(rng) for k in keys}
        out.append(
            order[i % len(order)].format(
                company=company,
                n1=rng.randint(300, 3000),
                n2=rng.randint(10, 90),
                n3=rng.randint(5, 90),
                **cast,
            )
        )
        i += 1
    return " ".join(out)


def synthetic_loop(
    n: int, seed: int = 7, words: int = 300, retell: str = "fifth"
) -> list[AnswerInput]:
    """``n`` answers over six rounds, some of them retellings of an earlier answer.

    ``retell``: "fifth" (every fifth answer from the tenth on repeats the answer
    nine before, word for word: the figure measured since the start), "none", or
    "half" (every other answer retells one from the round before in other words:
    its sentences reordered, a third of them left out, so that it is found by
    its words and figures rather than as the same answer said again).
    """
    from loops.principles import SLUGS

    rng = random.Random(seed)
    per_round = math.ceil(n / 6)
    texts: list[str] = []
    for i in range(n):
        if retell == "fifth" and i % 5 == 4 and i >= 9:
            texts.append(texts[i - 9])
        elif retell == "half" and i % 2 == 1 and i >= per_round:
            source = i - per_round - (i - per_round) % 2  # even: told first there
            texts.append(_retold(rng, texts[source]))
        else:
            texts.append(synthetic_answer(rng, words))
    return [
        AnswerInput(round=1 + i * 6 // n, principle=SLUGS[i % len(SLUGS)], text=texts[i])
        for i in range(n)
    ]


def _retold(rng: random.Random, text: str) -> str:
    """The same story told again: its sentences in another order, a third left out."""
    sentences = [s if s.endswith(".") else s + "." for s in text.split(". ")]
    rng.shuffle(sentences)
    return " ".join(sentences[: max(1, len(sentences) * 2 // 3)])


def labelled_loop(words: int = 9000, answers: int = 30) -> list[AnswerInput]:
    """A loop of real-sounding answers, built only from the labelled set.

    Six rounds of five answers. Three labelled same-story pairs are told in an
    early round and retold three rounds later (so reuse and fact comparison run
    as they would on a real loop); every other answer is labelled answers of
    one principle told back to back until it reaches its share of ``words``
    (the labelled answers average 165 words, a loop's answers nearer 300).
    """
    per_round = answers // 6
    pairs = [p for p in load_labelled_pairs() if str(p["relation"]).startswith("same-story")][:3]
    pool = load_labelled_answers()
    slots: dict[int, AnswerInput] = {}
    for k, p in enumerate(pairs):
        first = k * per_round  # rounds 1-3, first slot
        slots[first] = AnswerInput(1 + k, str(p["a_principle"]), str(p["a_text"]))
        slots[first + 3 * per_round] = AnswerInput(4 + k, str(p["b_principle"]), str(p["b_text"]))
    fixed = sum(len(a.text.split()) for a in slots.values())
    share = (words - fixed) / (answers - len(slots))
    out: list[AnswerInput] = []
    taken = 0
    for i in range(answers):
        if i in slots:
            out.append(slots[i])
            continue
        parts: list[str] = []
        principle = str(pool[taken % len(pool)]["principle"])
        question = pool[taken % len(pool)].get("question")
        while sum(len(t.split()) for t in parts) < share * 0.8:
            parts.append(str(pool[taken % len(pool)]["text"]))
            taken += 1
        out.append(
            AnswerInput(
                round=1 + i // per_round,
                principle=principle,
                text=" ".join(parts),
                question=str(question) if question else None,
            )
        )
    return out


def _forget() -> None:
    """Empty the engine's caches, so each timed run starts cold.

    The engine reads each answer once into a document that lives as long as
    the analysis, so what remains are caches by word (stems); without
    emptying them a repeated run would time less than a new loop costs. The
    question bank (read once per process, the background for word weights)
    is kept: it is timed separately.
    """
    from scoring import similarity

    for name, module in list(sys.modules.items()):
        if not name.startswith("scoring"):
            continue
        for obj in list(vars(module).values()):
            if obj is similarity._background:
                continue
            if not isinstance(obj, type) and callable(getattr(obj, "cache_clear", None)):
                obj.cache_clear()


@dataclass
class Timing:
    runs: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    def spread(self, scale: float, unit: str, digits: int) -> str:
        return (
            f"median {self.median * scale:.{digits}f} {unit} "
            f"(min {min(self.runs) * scale:.{digits}f}, max {max(self.runs) * scale:.{digits}f}, "
            f"{len(self.runs)} runs)"
        )


def timing(loops: list[list[AnswerInput]]) -> Timing:
    """Wall time of ``analyze_loop`` on each loop, every run from cold caches."""
    runs: list[float] = []
    for answers in loops:
        _forget()
        gc.collect()
        start = time.perf_counter()
        analyze_loop(answers)
        runs.append(time.perf_counter() - start)
    return Timing(runs)


_WORD = re.compile(r"\w+(?:[.,']\w+)*|[^\w\s]")
"""A plain word tokeniser: the floor any reading of the texts costs (issue 11)."""


def tokenise(texts: list[str]) -> int:
    """One regex tokenisation pass over ``texts``; the number of tokens."""
    return sum(len(_WORD.findall(t)) for t in texts)


def side_by_side(answers: list[AnswerInput], runs: int) -> tuple[Timing, Timing]:
    """Tokenising the texts and analysing the loop, alternated run by run.

    Timed in the same minutes so that a shared box's load falls on both alike;
    the ratio of their medians is the figure issue 11 sets (within 10).
    """
    texts = [a.text for a in answers]
    tok: list[float] = []
    full: list[float] = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        tokenise(texts)
        tok.append(time.perf_counter() - start)
        _forget()
        gc.collect()
        start = time.perf_counter()
        analyze_loop(answers)
        full.append(time.perf_counter() - start)
    return Timing(tok), Timing(full)


GROWTH_SIZES = (30, 100, 250, 500)


def growth_report(runs: int = 3) -> None:
    """Cost at 30 to 500 synthetic answers, with no retellings and with many.

    The per-answer cost and the fitted exponent say how it grows: an exponent
    near 1 is linear (each answer costs the same however many there are), near 2
    quadratic (every pair of answers costs something). Retold answers are two
    thirds as long, so a loop with many has fewer words: words are shown.
    """
    print(
        f"growth (synthetic answers of about 300 words, median of {runs} runs from cold "
        "caches; 'half': every other answer retells one from the round before in other words)"
    )
    print(f"{'answers':>8}{'retellings':>12}{'words':>8}{'total':>10}{'per answer':>12}")
    for retell in ("none", "half"):
        medians: list[float] = []
        for n in GROWTH_SIZES:
            loops = [synthetic_loop(n, seed=200 + s, retell=retell) for s in range(runs)]
            words = sum(len(a.text.split()) for a in loops[0])
            medians.append(timing(loops).median)
            print(
                f"{n:>8}{retell:>12}{words:>8}{medians[-1] * 1000:>8.0f}ms"
                f"{medians[-1] / n * 1000:>10.2f}ms"
            )
        exponent = math.log(medians[-1] / medians[0]) / math.log(GROWTH_SIZES[-1] / GROWTH_SIZES[0])
        shape = "about linear" if exponent < 1.3 else "quadratic" if exponent > 1.7 else "between"
        print(
            f"  {retell}: {GROWTH_SIZES[0]} -> {GROWTH_SIZES[-1]} answers costs "
            f"{medians[-1] / medians[0]:.0f}x, as n^{exponent:.2f}: {shape}"
        )


def speed_report(runs30: int = 20, runs500: int = 5) -> None:
    print(f"\nspeed (Python {platform.python_version()}, {platform.machine()}, in-process)")
    from scoring.similarity import _background

    _background.cache_clear()
    start = time.perf_counter()
    _background()
    print(f"question bank read once per process: {(time.perf_counter() - start) * 1000:.1f} ms")
    loop30 = labelled_loop()
    words = sum(len(a.text.split()) for a in loop30)
    tok, t30 = side_by_side(loop30, runs30)
    print(
        f"30 answers from the labelled set ({words} words, 3 retold stories): "
        + t30.spread(1000, "ms", 1)
    )
    print(
        f"one regex tokenisation pass over the same texts ({tokenise([a.text for a in loop30])} "
        "tokens), alternated with it: " + tok.spread(1000, "ms", 2)
    )
    print(f"analysis / tokenisation, ratio of medians: {t30.median / tok.median:.1f}x (target 10x)")
    loops500 = [synthetic_loop(500, seed=100 + s) for s in range(runs500)]
    words500 = sum(len(a.text.split()) for a in loops500[0])
    t500 = timing(loops500)
    print(
        f"500 synthetic answers (about {words500} words, made-up systems, every fifth "
        "a retelling; a new seed each run): " + t500.spread(1, "s", 2)
    )
    growth_report()


def accuracy_report(title: str, answers: str, pairs_file: str) -> list[str]:
    """Print per-flag and pair figures for one labelled set; return its misses."""
    flags = flag_report(answers)
    print(f"{title}: flags on {flags.total} answers ({answers})")
    print(f"{'flag':<18}{'precision':>10}{'recall':>8}{'support':>9}{'fp':>5}{'fn':>5}")
    for name, c in flags.per_flag.items():
        print(f"{name:<18}{c.precision:>10.2f}{c.recall:>8.2f}{c.support:>9}{c.fp:>5}{c.fn:>5}")
    if flags.total:
        print(
            f"votes: exact {flags.votes_exact}/{flags.total}, "
            f"right side (inclined or not) {flags.votes_side}/{flags.total}"
        )
    pairs = pair_report(pairs_file)
    r, c = pairs.reuse, pairs.conflict
    print(f"reuse ({pairs_file}): precision {r.precision:.2f} recall {r.recall:.2f} F1 {r.f1:.2f}")
    print(
        f"contradictions: precision {c.precision:.2f} recall {c.recall:.2f} (support {c.support})"
    )
    print(
        f"false alarms on consistent retellings: {pairs.false_alarms_consistent}/{pairs.consistent}"
    )
    print(f"conflict kinds found: {pairs.kind_hits}/{pairs.kind_total}\n")
    return [f"[{title}] {e}" for e in flags.errors + pairs.errors]


def main() -> None:
    if "--speed" in sys.argv:
        speed_report()
        return
    # The development set was used to build the rules; the held-out set was
    # written blind to them and is the honest estimate of how they generalise.
    errors = accuracy_report("development set", "answers.toml", "pairs.toml")
    if (LABELLED / "holdout_answers.toml").exists():
        errors += accuracy_report("held-out set", "holdout_answers.toml", "holdout_pairs.toml")
    if "-v" in sys.argv:
        print("\n".join(["", *errors]))
    speed_report()


if __name__ == "__main__":
    main()
