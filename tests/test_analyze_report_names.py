"""`mockloop analyze FILE` is read by a person: names, not slugs; answers from #1.

The stranger's report: the report listed "customer-obsession" and "not-inclined"
where the rest of mockloop says "Customer Obsession" and "NOT INCLINED", and
numbered the file's first answer #0. ``--json`` is for programs and keeps its
contract (slugs, vote values, ``index`` from 0 into ``answers``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main

STORY = (
    "In my second year on the checkout team at Northwind, I noticed our p99 latency had "
    "crept up to 1.4 seconds during the holiday sale and nobody owned it. I pulled a week "
    "of traces myself, found an N+1 query in the coupon service, and rewrote it as one "
    "batched call. p99 went from 1.4 seconds to 300 ms. I learned to put a latency budget "
    "in every design doc."
)
RETOLD = (
    "At Northwind on the checkout team, during the holiday sale our p99 latency was 2.6 "
    "seconds. Nobody owned it, so I dug into a week of traces, found the N+1 query in the "
    "coupon service and replaced it with one batched call. p99 dropped from 2.6 seconds to "
    "300 ms."
)
FILE = f'''\
[[answers]]
round = 1
principle = "customer-obsession"
text = """{STORY}"""

[[answers]]
round = 1
principle = "customer-obsession"
kind = "follow-up"
text = "We measured it with the checkout dashboards, before and after."

[[answers]]
round = 2
principle = "dive-deep"
text = """{RETOLD}"""
seconds = 95
'''


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "answers.toml"
    path.write_text(FILE, encoding="utf-8")
    return path


def test_the_report_names_principles_and_votes_and_counts_answers_from_one(answers, capsys):
    assert main(["analyze", str(answers)]) == 0
    out = capsys.readouterr().out
    assert "Customer Obsession" in out and "Dive Deep" in out
    assert "customer-obsession" not in out and "dive-deep" not in out
    assert "NOT INCLINED" in out
    heads = [line for line in out.splitlines() if "round " in line and "─" in line]
    assert [h.split("#")[1].split()[0] for h in heads] == ["1", "2", "3"], heads
    assert "#0" not in out
    # The story told in rounds 1 and 2 is answers #1 and #3 of the file.
    assert "#1 & #3" in out
    # The principles table counts the lowered vote; the answer says so beside its own.
    assert "(lowered by a contradiction)" in " ".join(out.split())


def test_the_json_keeps_its_contract(answers, capsys):
    assert main(["analyze", str(answers), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["index"] for a in data["answers"]] == [0, 1, 2]
    assert data["answers"][0]["principle"] == "customer-obsession"
    assert data["reused"][0]["answers"] == [0, 2]
    assert set(data["outcome"]["principles"]) == {"customer-obsession", "dive-deep"}
    assert set(data["outcome"]["principles"].values()) <= {
        "strongly-inclined",
        "inclined",
        "not-inclined",
        "strongly-not-inclined",
    }
