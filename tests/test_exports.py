"""Exports and history: every format says what the debrief data says, and nothing leaks."""

from __future__ import annotations

import html
import json
import re
import stat

import pytest

from loops import paths
from loops.bank import load_bank
from loops.planner import plan_loop
from loops.review.debrief import debrief_data, shown_detail
from loops.review.exports import VOTE_WORDS, to_html, to_json, to_markdown, write_export
from loops.review.history import (
    MEASURES,
    HistoryCache,
    cache_path,
    history_rows,
    load_history,
    trends,
)
from loops.session import LoopSettings, Session
from loops.store import save_session
from tui.cli import main

BANK = load_bank()

STORY = (
    "I noticed our checkout p99 latency had climbed from 300 ms to 1.4 seconds over a quarter "
    "and nobody owned it. I profiled the service myself, found an N+1 query in the coupon "
    "lookup, and rewrote it as one batched call. I shipped it behind a flag to 5% of traffic "
    "first. p99 went from 1.4 seconds back to 300 ms and cart abandonment fell 3%. I learned "
    "to put a latency budget in every design doc, and I still do that on every project."
)
# The same story told again in a later round, with a different figure.
RETOLD = STORY.replace("1.4 seconds", "2.6 seconds").replace("I noticed", "I saw")
OTHERS = [
    "Our team of four was asked to cut the cost of the nightly reports. I read the billing "
    "export myself and saw that 70% of the spend was one job scanning a full table. I wrote "
    "an incremental version, ran both side by side for a week, and switched over. The bill "
    "fell from $9,000 to $2,500 a month. I now check the billing export every month.",
    "We helped a lot and things got much better for everyone in the end, I think.",
    "When a partner team wanted to skip load testing before a launch, I disagreed and showed "
    "them last year's incident numbers: 40 minutes of downtime and 1,200 failed orders. I "
    "agreed to a shorter test of two hours instead of two days, and once we decided I "
    "committed fully and ran it with them. The launch had no incident.",
    "I <script>alert('x')</script> fixed the build & the tests ran 30% faster.",
]


def finished_session(seed: int = 5, session_id: str = "20261101-090000-aaaa") -> Session:
    """A finished 4-round SDE II loop: round 1 and round 3 tell one story, one figure changed."""
    plan = plan_loop(BANK, "sde2", 4, seed)
    session = Session(id=session_id, settings=LoopSettings("sde2", 4, "relaxed", seed), plan=plan)
    session.created_at = session.updated_at = f"2026-11-{int(session_id[6:8]):02d}T09:00:00+00:00"
    n = 0
    while (step := session.current_step()) is not None:
        first_of_round = step.kind == "main" and step.question_index == 0
        if first_of_round and step.round.index == 1:
            text = STORY
        elif first_of_round and step.round.index == 3:
            text = RETOLD
        else:
            text = OTHERS[n % len(OTHERS)]
            n += 1
        fus = list(step.question.follow_ups[:1]) if step.kind == "main" else None
        beats = {"situation": 20.0, "task": 10.0, "action": 60.0} if n == 1 else None
        session.record(step, text, 80.0 + n, follow_ups=fus, beats=beats)
    stamp = session.created_at
    session.updated_at = stamp
    return session


@pytest.fixture(scope="module")
def session() -> Session:
    return finished_session()


@pytest.fixture(scope="module")
def data(session: Session) -> dict:
    return debrief_data(session)


def test_the_data_has_what_the_screen_shows(session, data):
    assert data["session"]["id"] == session.id and data["session"]["finished"]
    assert len(data["answers"]) == len(session.answers)
    assert [r["index"] for r in data["rounds"]] == [1, 2, 3, 4]
    assert data["reused"], "the retold story was not found"
    assert any(c["kind"] == "number" for c in data["contradictions"])
    assert len(data["principles"]) == 16
    probed = {p for r in session.plan.rounds for p in r.principles}
    assert {p["slug"] for p in data["principles"] if p["probed"]} == probed
    assert data["outcome"]["decision"] in ("hire", "no-hire")
    spoken = [a for a in data["answers"] if a["beats"]]
    assert spoken and spoken[0]["beat_split"]["situation_task"] == 30.0
    # Offsets point into the named answer's text.
    for rnd in data["rounds"]:
        for q in rnd["questions"]:
            for item in q["vote_evidence"] + q["flags"]:
                if item["start"] is not None:
                    text = data["answers"][item["answer"]]["text"]
                    assert text[item["start"] : item["end"]] == item["quote"]
    json.dumps(data)  # plain types only


def _votes(data: dict) -> list[str]:
    return [q["vote"] for r in data["rounds"] for q in r["questions"] if q["vote"]]


def test_markdown_says_what_the_data_says(data):
    from loops.markdown import escape  # what the candidate wrote, as a viewer shows it

    md = to_markdown(data)
    for a in data["answers"]:
        for line in a["text"].splitlines():
            assert f"> {escape(line)}" in md
    for vote in _votes(data):
        assert VOTE_WORDS[vote] in md
    for c in data["contradictions"]:
        assert escape(shown_detail(c["detail"])) in md  # as shown
    for r in data["reused"]:
        for item in r["shared"]:
            assert escape(" ".join(item.split())) in md
    assert ("HIRE" if data["outcome"]["decision"] == "hire" else "NO HIRE") in md
    assert escape(data["outcome"]["reason"]) in md
    for p in data["principles"]:
        assert escape(p["name"]) in md


def test_evidence_of_something_missing_is_said_without_an_empty_quote(data):
    """A backbone answer with no disagreement: the vote's evidence is an absence."""
    missing = [
        ev
        for r in data["rounds"]
        for q in r["questions"]
        for ev in q["vote_evidence"]
        if not ev["quote"]
    ]
    assert missing and "no disagreement" in missing[0]["note"]
    md, page = to_markdown(data), to_html(data)
    assert f"- - {missing[0]['note']} (answer #{missing[0]['answer'] + 1})" in md
    assert html.escape(missing[0]["note"]) in page
    assert '""' not in md and "“”" not in page


def test_html_says_what_the_data_says_and_stands_alone(data):
    page = to_html(data)
    for a in data["answers"]:
        assert html.escape(a["text"]) in page
    for vote in _votes(data):
        assert VOTE_WORDS[vote] in page
    for c in data["contradictions"]:
        assert html.escape(shown_detail(c["detail"])) in page  # as shown
    assert html.escape(data["outcome"]["reason"]) in page
    # Self-contained: no links, sources or imports from anywhere; nothing to run.
    assert not re.search(r"https?://|\bsrc\s*=|\bhref\s*=|@import|url\(", page, re.I)
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "@media print" in page


def test_json_round_trips_to_the_data(data):
    assert json.loads(to_json(data)) == data


def test_write_export_is_owner_only(data, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    folder.chmod(0o755)
    for fmt in ("md", "html", "json"):
        out = write_export(data, fmt, folder / f"debrief.{fmt}")
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert json.loads((folder / "debrief.json").read_text(encoding="utf-8")) == data
    assert (folder / "debrief.md").read_text(encoding="utf-8") == to_markdown(data)
    # The user's folder keeps its own permissions; no temp files are left behind.
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    assert sorted(p.name for p in folder.iterdir()) == [
        "debrief.html",
        "debrief.json",
        "debrief.md",
    ]


def test_debrief_command_by_id_path_and_output(session, tmp_path, capsys):
    path = save_session(session)
    assert main(["debrief", session.id, "--format", "json"]) == 0
    by_id = json.loads(capsys.readouterr().out)
    assert by_id == debrief_data(session)
    assert main(["debrief", str(path)]) == 0
    md = capsys.readouterr().out
    assert md.startswith("# Debrief: SDE II loop, 4 rounds")
    out = tmp_path / "notes" / "debrief.html"
    out.parent.mkdir()
    out.parent.chmod(0o755)
    assert main(["debrief", session.id, "--format", "html", "-o", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert stat.S_IMODE(out.parent.stat().st_mode) == 0o755
    assert out.read_text(encoding="utf-8") == to_html(by_id)


def test_debrief_command_rejects_a_bad_session(session, capsys):
    assert main(["debrief", "no-such-loop"]) == 2
    err = capsys.readouterr().err
    assert "no session with id 'no-such-loop'" in err
    assert main(["debrief", "/nowhere/at/all.toml"]) == 2
    assert "/nowhere/at/all.toml: no such session file" in capsys.readouterr().err
    path = save_session(session)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('timing = "relaxed"', "timing = 3"), encoding="utf-8")
    assert main(["debrief", session.id]) == 2
    err = capsys.readouterr().err
    assert str(path) in err and "settings.timing" in err and "expected str" in err
    line = text.splitlines().index('timing = "relaxed"') + 1
    assert f"{path}:{line}:" in err
    path.write_text("this is [not toml", encoding="utf-8")
    assert main(["debrief", str(path)]) == 2
    assert "not valid TOML" in capsys.readouterr().err


def three_loops_and_one_unfinished() -> list[Session]:
    loops = [finished_session(seed, f"20261{seed:03d}-090000-aaaa") for seed in (3, 5, 7)]
    plan = plan_loop(BANK, "senior", 5, 11)
    partial = Session(
        id="20261120-090000-bbbb", settings=LoopSettings("senior", 5, "strict", 11), plan=plan
    )
    partial.created_at = "2026-11-20T09:00:00+00:00"
    step = partial.current_step()
    assert step is not None
    partial.record(step, OTHERS[0], 95.0, follow_ups=list(step.question.follow_ups[:1]))
    for s in [*loops, partial]:
        save_session(s)
    return [*loops, partial]


def test_history_rows_and_trends(capsys):
    sessions = three_loops_and_one_unfinished()
    assert main(["history", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    rows = out["loops"]
    assert [r["id"] for r in rows] == sorted((s.id for s in sessions), reverse=True)
    unfinished = rows[0]
    assert unfinished["id"] == "20261120-090000-bbbb"
    assert unfinished["outcome"] is None and not unfinished["finished"]
    assert unfinished["answers"] == 1 and unfinished["level"] == "senior"
    for row, s in zip(
        rows[1:], sorted(sessions[:3], key=lambda s: s.id, reverse=True), strict=True
    ):
        data = debrief_data(s)
        assert row["outcome"] == data["outcome"]["decision"]
        assert row["rounds"] == 4 and row["answers"] == len(s.answers)
        assert row["contradictions"] == len(data["contradictions"]) >= 1
        assert row["reused"] == len(data["reused"]) >= 1
        o = data["outcome"]
        assert row["inclined_share"] == round(o["inclined"] / o["total"], 4)
        assert row["avg_seconds"] == round(sum(a.seconds for a in s.answers) / len(s.answers), 2)
        assert row["date"] == s.created_at[:10]
    trend = out["trends"]
    assert set(trend) == set(MEASURES)
    oldest_first = sorted(rows[1:], key=lambda r: r["created_at"])
    assert trend["avg_seconds"] == [r["avg_seconds"] for r in oldest_first]
    assert all(len(v) == 3 for v in trend.values())
    # The same rows from sessions in memory, without the cache.
    assert history_rows(sessions) == rows
    assert trends(rows) == trend


def test_history_cache_is_private_and_used(monkeypatch):
    sessions = three_loops_and_one_unfinished()
    first = load_history()
    assert stat.S_IMODE(cache_path().stat().st_mode) == 0o600
    cache = HistoryCache.load()
    assert set(cache.entries) == {f"{s.id}.toml" for s in sessions}  # unfinished loops too

    def boom(_session):
        raise AssertionError("a cached loop was scored again")

    import loops.review.history as history

    monkeypatch.setattr(history, "summarize", boom)
    monkeypatch.setattr(history, "session_from_toml", boom)
    # Only the unfinished loop would need reading; take it away.
    (paths.sessions_dir() / "20261120-090000-bbbb.toml").unlink()
    again = load_history()
    assert again.rows == [r for r in first.rows if r["finished"]]
    assert "20261120-090000-bbbb.toml" not in HistoryCache.load().entries


def test_history_table_fits_80_columns(capsys):
    from rich.console import Console

    from tui.debrief_cmd import run_history
    from tui.history_text import sparkline

    three_loops_and_one_unfinished()
    console = Console(width=80, record=True, color_system=None)
    assert run_history(False, console) == 0
    text = console.export_text()
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "unfinished" in text and "Trends over 3 finished loops" in text
    # Every header and figure whole: a Senior loop's row used to cut "Incl." to "In…".
    assert "…" not in text
    header = next(line for line in text.splitlines() if line.startswith("Date"))
    assert header.split() == ["Date", "Level", "Rds", "Outcome", "Incl.", "We", "s/ans",
                              "Contr.", "Reused"]  # fmt: skip
    assert sparkline([0.0, 0.5, 1.0]) == "▁▅█"
    assert set(sparkline([0.2, 0.9, 0.4, 0.1])) <= set("▁▂▃▄▅▆▇█")


def test_a_remembered_debrief_is_never_scored_again_by_the_history(monkeypatch):
    from loops.review import history
    from loops.review.analysis import analyze_session

    session = finished_session(9, "20261109-090000-cccc")
    save_session(session)
    history.remember(session, analyze_session(session))
    monkeypatch.setattr(history, "summarize", lambda *_: pytest.fail("scored again"))
    rows = load_history().rows
    assert [r["id"] for r in rows] == [session.id] and rows[0]["outcome"] is not None
