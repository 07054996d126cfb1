"""The loop as a whole: tellings, cross-round findings, outcome, JSON, file input, CLI."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loops.problems import FileProblemError
from loops.review.answers import load_answers_file
from scoring import (
    AnswerInput,
    analyze_answer,
    analyze_loop,
    tellings,
)
from scoring.model import FLAG_NAMES, VOTES
from tui.analyze_cmd import run

ROOT = Path(__file__).resolve().parents[1]

CACHE_A = (
    "At Ridgeway I was an SDE II on the checkout team. Our p99 latency was 1.4 seconds during "
    "the spring sale. I pulled the traces myself and found a retry storm in the payment client: "
    "every timeout retried three times with no backoff. I wrote a fix with jittered backoff, "
    "tested it against a replay of the sale traffic and shipped it behind a flag. p99 dropped "
    "to 300 ms and checkout errors fell 40%. I learned to look at retries before capacity; I "
    "now check retry settings in every design review."
)
CACHE_B = (
    "Nobody asked me to own the checkout retry storm at Ridgeway, but I took it on. Our p99 "
    "was 2.6 seconds at the spring sale. I traced it to the payment client retrying with no "
    "backoff, wrote the jittered backoff fix and shipped it behind a flag. p99 fell to 300 ms. "
    "Since then I always check retry settings in design reviews."
)
MENTOR = (
    "I mentored a new engineer on the payments team at Ridgeway. She was strong but silent in "
    "design reviews, so I had her own a small design and we rehearsed it twice. She presented "
    "it herself, it went through with minor changes, and over the next six months she led "
    "three more reviews on her own. I learned that confidence comes from practice in a safe "
    "setting."
)


def loop() -> list[AnswerInput]:
    return [
        AnswerInput(1, "dive-deep", CACHE_A),
        AnswerInput(1, "dive-deep", "We measured it on the dashboard.", kind="follow-up"),
        AnswerInput(2, "hire-and-develop-the-best", MENTOR),
        AnswerInput(3, "ownership", CACHE_B),
    ]


def test_follow_ups_join_the_telling_of_their_main_answer() -> None:
    groups = tellings(loop())
    assert [t.indexes for t in groups] == [(0, 1), (2,), (3,)]


def test_follow_up_can_supply_the_missing_metric_for_the_vote() -> None:
    main = AnswerInput(
        1,
        "deliver-results",
        "I rebuilt the invoice export myself and shipped it before the audit. The auditors "
        "signed off. I learned to ask for the column list in writing before I start.",
        seconds=70,
    )
    follow = AnswerInput(
        1,
        "deliver-results",
        "I measured it: the export went from four hours to 9 minutes, and manual fixes "
        "dropped from 30 a month to 2.",
        kind="follow-up",
    )
    alone = analyze_loop([main])
    joined = analyze_loop([main, follow])
    assert "no-metric" in alone.answers[0].flag_names
    # A beat the follow-up told is told: the main answer's note for it goes.
    assert "no-metric" not in joined.answers[0].flag_names
    assert VOTES.index(joined.answers[0].vote) <= VOTES.index(alone.answers[0].vote)
    assert joined.answers[0].vote == joined.answers[1].vote


def test_reuse_and_contradiction_across_rounds() -> None:
    result = analyze_loop(loop())
    pairs = {r.answers for r in result.reused}
    assert pairs == {(0, 3)}
    assert result.reused[0].rounds == (1, 3)
    assert result.reused[0].evidence
    assert [c.kind for c in result.contradictions] == ["number"]
    c = result.contradictions[0]
    assert c.answers == (0, 3) and c.rounds == (1, 3)
    assert "1.4" in c.detail and "2.6" in c.detail


def test_same_round_pairs_are_not_compared() -> None:
    answers = [AnswerInput(1, "dive-deep", CACHE_A), AnswerInput(1, "ownership", CACHE_B)]
    result = analyze_loop(answers)
    assert result.reused == () and result.contradictions == ()


def test_a_faithful_retelling_is_reused_but_consistent() -> None:
    faithful = CACHE_B.replace("2.6 seconds", "1.4 seconds")
    result = analyze_loop(
        [AnswerInput(1, "dive-deep", CACHE_A), AnswerInput(2, "ownership", faithful)]
    )
    assert len(result.reused) == 1
    assert result.contradictions == ()


def test_the_bar_raiser_vetoes() -> None:
    weak = (
        "Usually I would listen to the customer first and I'd try to fix things quickly. "
        "I'd keep them updated."
    )
    answers = [
        AnswerInput(1, "dive-deep", CACHE_A, seconds=100),
        AnswerInput(2, "hire-and-develop-the-best", MENTOR, seconds=90),
        AnswerInput(3, "customer-obsession", weak),
    ]
    out = analyze_loop(answers).outcome
    assert out.bar_raiser_round == 3
    assert out.bar_raiser_vote in ("not-inclined", "strongly-not-inclined")
    assert out.decision == "no-hire"
    assert "Bar Raiser" in out.reason
    explicit = analyze_loop(answers, bar_raiser_round=1).outcome
    assert explicit.bar_raiser_round == 1
    assert explicit.bar_raiser_vote in ("inclined", "strongly-inclined")
    assert explicit.decision == "hire", explicit.reason  # two of three inclined, no veto


def test_hire_needs_mostly_inclined_votes() -> None:
    answers = [
        AnswerInput(1, "dive-deep", CACHE_A, seconds=100),
        AnswerInput(2, "hire-and-develop-the-best", MENTOR, seconds=90),
    ]
    out = analyze_loop(answers).outcome
    assert out.decision == "hire", out.reason
    assert set(out.principles) == {"dive-deep", "hire-and-develop-the-best"}


def test_empty_loop() -> None:
    result = analyze_loop([])
    assert result.outcome.decision == "no-hire"
    assert result.to_json()["answers"] == []


def test_json_contract_shape() -> None:
    data = analyze_loop(loop()).to_json()
    assert set(data) == {"answers", "reused", "contradictions", "outcome", "checks"}
    json.dumps(data)  # serialisable
    for i, a in enumerate(data["answers"]):
        assert a["index"] == i
        assert {"index", "round", "principle", "flags", "evidence", "vote", "signals"} <= set(a)
        assert a["vote"] in VOTES
        assert set(a["flags"]) <= set(FLAG_NAMES)
        assert set(a["evidence"]) == set(a["flags"])
        for ev in a["evidence"].values():
            assert "message" in ev
            if "start" in ev:
                assert {"start", "end", "quote"} <= set(ev)
        assert {"i_count", "we_count", "numbers", "word_count", "estimated_seconds", "star"} <= set(
            a["signals"]
        )
    for r in data["reused"]:
        assert set(r) == {"answers", "rounds", "similarity", "evidence"}
        assert len(r["answers"]) == 2 and r["rounds"][0] != r["rounds"][1]
    for c in data["contradictions"] + data["checks"]:
        assert set(c) == {"answers", "rounds", "kind", "detail", "statements"}
        assert c["kind"] in {"number", "role", "team", "company", "date", "outcome", "agency"}
        for side, answer in zip(c["statements"], c["answers"], strict=True):
            assert side["answer"] == answer
            assert {"round", "sentence", "start", "end", "quote"} <= set(side)
    out = data["outcome"]
    assert out["decision"] in ("hire", "no-hire")
    assert {"reason", "bar_raiser_vote", "principles"} <= set(out)


# --- robustness ------------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000), st.sampled_from(["ownership", "have-backbone", "dive-deep"]))
def test_any_text_never_crashes(text: str, principle: str) -> None:
    answer = AnswerInput(1, principle, text, failure=True)
    result = analyze_answer(answer)
    for flag in result.flags:
        if flag.start is not None and flag.end is not None:
            assert flag.quote == text[flag.start : flag.end]
    analyze_loop([answer, AnswerInput(2, "ownership", text)]).to_json()


def test_empty_text_and_unicode() -> None:
    for text in ["", " ", "\n\n", "İstanbul ﬁx ﷽ 𝕴 ½ ٣ 💥", "I\u200bwe", "Ⅻ% $"]:
        result = analyze_loop(
            [AnswerInput(1, "ownership", text), AnswerInput(2, "ownership", text)]
        )
        assert result.answers[0].vote in VOTES


def test_a_100000_word_answer() -> None:
    sentence = (
        "I traced the queue lag to a retry storm and cut it from 40 minutes to 2 at Ridgeway. "
    )
    text = sentence * (100_000 // len(sentence.split()) + 1)
    assert len(text.split()) >= 100_000
    start = time.perf_counter()
    result = analyze_loop([AnswerInput(1, "ownership", text), AnswerInput(2, "dive-deep", CACHE_A)])
    assert "too-long" in result.answers[0].flag_names
    assert time.perf_counter() - start < 20


def test_scoring_imports_no_ui() -> None:
    code = "import scoring, sys; print('textual' in sys.modules or 'rich' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


# --- the answers file ----------------------------------------------------------------


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "answers.toml"
    path.write_text(body, encoding="utf-8")
    return path


GOOD = f'''
bar_raiser_round = 2

[[answers]]
round = 1
principle = "dive-deep"
question = "Tell me about a time you found a root cause."
text = """{CACHE_A}"""
seconds = 95

[[answers]]
round = 1
principle = "dive-deep"
kind = "follow-up"
text = "We measured it on the dashboard."

[[answers]]
round = 2
principle = "ownership"
failure = false
text = """{CACHE_B}"""
'''


def test_load_answers_file(tmp_path: Path) -> None:
    answers, br = load_answers_file(write(tmp_path, GOOD))
    assert br == 2
    assert [a.kind for a in answers] == ["main", "follow-up", "main"]
    assert answers[0].seconds == 95.0
    assert answers[0].question is not None


def test_toml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, '[[answers]]\nround = 1\nprinciple = "ownership\ntext = "x"\n')
    with pytest.raises(FileProblemError) as err:
        load_answers_file(path)
    assert "answers.toml:3" in str(err.value)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            '[[answers]]\nround = 1\nprinciple = "ownership"\ntext = "a"\n'
            '[[answers]]\nround = 2\nprinciple = "custmer-obsession"\ntext = "b"\n',
            "answers[1].principle: 'custmer-obsession' is not a principle slug",
        ),
        ('[[answers]]\nprinciple = "ownership"\ntext = "a"\n', "answers[0].round: missing"),
        ('[[answers]]\nround = 1\nprinciple = "ownership"\n', "answers[0].text: missing"),
        ('[[answers]]\nround = "one"\nprinciple = "ownership"\ntext = "a"\n', "answers[0].round"),
        (
            '[[answers]]\nround = 1\nprinciple = "ownership"\ntext = "a"\nkind = "aside"\n',
            "answers[0].kind",
        ),
        (
            '[[answers]]\nround = 1\nprinciple = "ownership"\ntext = "a"\nseconds = -3\n',
            "answers[0].seconds",
        ),
        (
            '[[answers]]\nround = 1\nprinciple = "ownership"\ntext = "a"\nmood = 1\n',
            "answers[0].mood",
        ),
        ('title = "no answers"\n', "answers: missing"),
    ],
)
def test_bad_fields_name_the_file_index_and_field(tmp_path: Path, body: str, expected: str) -> None:
    with pytest.raises(FileProblemError) as err:
        load_answers_file(write(tmp_path, body))
    assert "answers.toml" in str(err.value)
    assert expected in str(err.value)


# --- the command -----------------------------------------------------------------------


def test_run_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(write(tmp_path, GOOD)), as_json=True) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["outcome"]["bar_raiser_vote"] in VOTES
    assert data["reused"][0]["answers"] == [0, 2]
    assert data["contradictions"][0]["kind"] == "number"


def test_run_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(write(tmp_path, GOOD)), as_json=False) == 0
    out = capsys.readouterr().out
    assert "Outcome" in out and "Stories told twice" in out and "round 1" in out


def test_run_bad_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, '[[answers]]\nround = 1\nprinciple = "nope"\ntext = "a"\n')
    assert run(str(path), as_json=True) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "answers[0].principle" in captured.err


def test_run_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(tmp_path / "absent.toml"), as_json=False) == 2
    assert "absent.toml" in capsys.readouterr().err


def test_a_contradiction_said_in_a_follow_up_names_that_answer() -> None:
    answers = [
        AnswerInput(1, "dive-deep", CACHE_A),
        AnswerInput(
            3, "ownership", CACHE_B.replace("Our p99 was 2.6 seconds at the spring sale. ", "")
        ),
        AnswerInput(
            3,
            "ownership",
            "We measured it on the checkout dashboard: p99 was 2.6 seconds before the fix.",
            kind="follow-up",
        ),
    ]
    result = analyze_loop(answers)
    assert [r.answers for r in result.reused] == [(0, 1)]
    numbers = [c for c in result.contradictions if c.kind == "number"]
    assert numbers and numbers[0].answers == (0, 2)
    assert numbers[0].rounds == (1, 3)
