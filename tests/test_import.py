"""`mockloop import FILE`: a real interview's answers, saved and read as a debrief."""

from __future__ import annotations

import dataclasses
import json

from debrief_fixture import RETOLD, STORY, finished_loop
from textual.widgets import OptionList, Static

from loops import paths
from loops.review.imports import import_session, past_tellings, read_import
from loops.store import load_sessions, save_session, session_from_toml, session_path
from tui.app import MockloopApp
from tui.cli import main
from tui.screens.debrief import DebriefScreen
from tui.screens.self_vote import SelfVoteScreen

TRANSCRIPT = f"""\
My Amazon loop, 3 December (this line is before the first question: ignored)

Q [ownership]: Tell me about a time you owned something nobody else would.
{STORY}
F: How did you measure that?
We compared cart abandonment for two weeks before and after, on the same traffic.

Q [Dive Deep]: Tell me about a time you dug into the data.
{RETOLD}

Q [earn-trust]: Tell me about a time you earned trust.
I mentored Priya through her first launch; she now leads the search relevance work.
"""

ANSWERS_TOML = f'''\
bar_raiser_round = 2

[[answers]]
round = 1
principle = "ownership"
question = "Tell me about a time you owned something."
text = """{STORY}"""

[[answers]]
round = 1
principle = "ownership"
kind = "follow-up"
text = "We compared cart abandonment for two weeks before and after."

[[answers]]
round = 2
principle = "dive-deep"
text = """{RETOLD}"""
'''


def _import_json(capsys, path) -> dict:
    capsys.readouterr()
    assert main(["import", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_both_formats_import_as_a_saved_session_with_the_retelling_caught(tmp_path, capsys):
    text = tmp_path / "interview.txt"
    text.write_text(TRANSCRIPT)
    toml = tmp_path / "answers.toml"
    toml.write_text(ANSWERS_TOML)

    from_text = _import_json(capsys, text)
    from_toml = _import_json(capsys, toml)

    saved = {s.id: s for s in load_sessions().sessions}
    a, b = saved[from_text["session"]], saved[from_toml["session"]]
    assert (a.origin.kind, a.origin.source) == ("import", "interview.txt")
    assert (b.origin.kind, b.origin.source) == ("import", "answers.toml")
    assert a.finished and b.finished
    # Plain text: no round headings, so each main question is its own round; the
    # follow-up is filed under the question it followed.
    assert [(x.round, x.principle, x.kind) for x in a.answers] == [
        (1, "ownership", "main"),
        (1, "ownership", "follow-up"),
        (2, "dive-deep", "main"),
        (3, "earn-trust", "main"),
    ]
    assert a.answers[0].prompt.startswith("Tell me about a time you owned")
    # The same story told in rounds 1 and 2, with p99 at 1.4 s in one and 2.6 s in the other.
    for report in (from_text, from_toml):
        assert [r["rounds"] for r in report["reused"]] == [[1, 2]]
        assert any(c["kind"] == "number" and "p99" in c["detail"] for c in report["contradictions"])
    # The TOML import is judged as `mockloop analyze` judges the same file.
    assert main(["analyze", str(toml), "--json"]) == 0
    analyzed = json.loads(capsys.readouterr().out)
    assert analyzed["outcome"]["decision"] == from_toml["outcome"]["decision"]
    assert analyzed["outcome"]["reason"] == from_toml["outcome"]["reason"]
    assert b.plan.rounds[1].is_bar_raiser


def test_an_import_names_the_past_loop_that_told_the_same_story(tmp_path, capsys):
    loop = finished_loop()
    retold = tmp_path / "onsite.txt"
    retold.write_text(
        "Q [customer-obsession]: Tell me about a time you put a customer first.\n"
        "During the holiday sale at Northwind our checkout p99 latency reached 1.9 seconds\n"
        "and customers abandoned their carts. Nobody owned it, so I went through a week of\n"
        "traces, found an N+1 query in the coupon service and made it one batched call,\n"
        "shipped behind a flag at 5% of traffic. p99 fell from 1.9 seconds to 300 ms.\n"
        "\n"
        "Q [frugality]: Tell me about doing more with less.\n"
        "Our team lunch order moved to a cheaper caterer after I compared three menus.\n"
    )
    report = _import_json(capsys, retold)
    past = report["past"]
    assert {(p["answer"], p["session"]) for p in past} == {(0, loop.id)}
    assert {p["round"] for p in past} == {1, 3}  # STORY and RETOLD in the loop
    assert all(
        any(c["kind"] == "number" and "1.9 seconds" in c["detail"] for c in p["contradictions"])
        for p in past
    )


def test_a_bad_file_exits_2_naming_file_line_and_field(tmp_path, capsys):
    bad = tmp_path / "notes.txt"
    bad.write_text("Title\n\nQ [ownership]: Tell me.\nI owned it.\n\nQ [Leadership]: And?\nYes.\n")
    assert main(["import", str(bad), "--no-open"]) == 2
    err = capsys.readouterr().err
    assert "notes.txt:6: principle:" in err and "'Leadership'" in err

    empty = tmp_path / "empty.txt"
    empty.write_text("Q [ownership]: Tell me.\n\nQ [dive-deep]: And?\nYes.\n")
    assert main(["import", str(empty), "--no-open"]) == 2
    assert "empty.txt:1: answer: empty" in capsys.readouterr().err

    no_heading = tmp_path / "plain.txt"
    no_heading.write_text("Q: Tell me about a time.\nI did it.\n")
    assert main(["import", str(no_heading), "--no-open"]) == 2
    assert "plain.txt:1: principle: missing" in capsys.readouterr().err

    orphan = tmp_path / "orphan.toml"
    orphan.write_text(
        '[[answers]]\nround = 1\nprinciple = "ownership"\ntext = "I did."\n\n'
        '[[answers]]\nround = 2\nprinciple = "ownership"\nkind = "follow-up"\ntext = "Then."\n'
    )
    assert main(["import", str(orphan), "--no-open"]) == 2
    assert "orphan.toml:6: answers[1].kind: a follow-up with no main answer" in (
        capsys.readouterr().err
    )

    wrong = tmp_path / "wrong.toml"
    wrong.write_text('[[answers]]\nround = 1\nprinciple = "owner"\ntext = "I did."\n')
    assert main(["import", str(wrong), "--no-open"]) == 2
    assert "wrong.toml:3: answers[0].principle" in capsys.readouterr().err  # its own line
    assert not paths.sessions_dir().exists() or not list(paths.sessions_dir().glob("*.toml"))


def test_import_help_says_the_heading_rule(capsys):
    try:
        main(["import", "--help"])
    except SystemExit as exc:
        assert exc.code == 0
    out = capsys.readouterr().out
    assert "Q [ownership]:" in out and "F:" in out and "# Round" in out and ".toml" in out


async def test_an_imported_file_opens_as_a_debrief(tmp_path, clock):
    finished_loop()  # a past loop telling the same story
    path = tmp_path / "interview[bold].txt"  # a name that would be markup
    path.write_text(TRANSCRIPT)
    session = import_session(read_import(path), path.name)
    save_session(session)
    app = MockloopApp(clock=clock, debrief=session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DebriefScreen) and screen.session is session
        heading = str(screen.query_one(".heading", Static).render())
        assert heading.startswith("Debrief: interview[bold].txt (imported), 3 rounds")
        await pilot.press("2")
        await pilot.pause()
        cross = screen.query_one("#cross-list", OptionList)
        lines = [str(cross.get_option_at_index(i).prompt) for i in range(cross.option_count)]
        assert any(line.startswith("REUSED round 1") for line in lines)
        assert any(line.startswith("CONTRADICTION (number) round 1 (") for line in lines)
        await pilot.press("5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        stories = screen.query_one("#story-list", OptionList)
        lines = [str(stories.get_option_at_index(i).prompt) for i in range(stories.option_count)]
        assert any("ALSO TOLD in the loop of 2026-11-20" in line for line in lines)
        assert any("CONTRADICTS THAT TELLING" in line for line in lines)
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        # Home names it by its file, not as a loop played here at a level and timing.
        menu = app.screen.query_one(OptionList)
        lines = [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]
        assert any(
            line.startswith("Debrief: interview[bold].txt (imported), 4 answers;") for line in lines
        )


async def test_an_import_can_be_voted_before_its_debrief(tmp_path, clock):
    path = tmp_path / "interview.txt"
    path.write_text(TRANSCRIPT)
    session = import_session(read_import(path), path.name)
    save_session(session)
    app = MockloopApp(clock=clock, debrief=session, vote_first=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SelfVoteScreen)
        await pilot.press("3", "3", "3")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DebriefScreen)
        lines = [
            str(screen.query_one("#evidence", OptionList).get_option_at_index(i).prompt)
            for i in range(screen.query_one("#evidence", OptionList).option_count)
        ]
        assert sum(line.startswith("    your vote: INCLINED") for line in lines) == 3
    saved = session_from_toml(session_path(session.id))
    assert [a.self_vote for a in saved.answers if a.kind == "main"] == ["inclined"] * 3


def test_a_story_told_in_every_past_loop_is_found_in_each(tmp_path, capsys):
    """A favourite story retold in loop after loop is the one most worth naming; read
    all at once, its words looked like the candidate's everyday vocabulary."""
    loop = finished_loop()
    ids = [f"20261120-10000{n}-demo" for n in range(1, 6)]
    for sid in ids:
        save_session(dataclasses.replace(loop, id=sid))
    path = tmp_path / "onsite.txt"
    path.write_text(
        "Q [customer-obsession]: Tell me about a time you put a customer first.\n"
        "During the holiday sale at Northwind our checkout p99 latency reached 1.9 seconds\n"
        "and customers abandoned their carts. Nobody owned it, so I went through a week of\n"
        "traces, found an N+1 query in the coupon service and made it one batched call,\n"
        "shipped behind a flag at 5% of traffic. p99 fell from 1.9 seconds to 300 ms.\n"
    )
    past = _import_json(capsys, path)["past"]
    assert {p["session"] for p in past} == {loop.id, *ids}


def test_importing_the_same_answers_twice_opens_the_saved_one(tmp_path, capsys):
    first = tmp_path / "interview.txt"
    first.write_text(TRANSCRIPT)
    again = tmp_path / "interview copy.txt"  # the same answers under another name
    again.write_text(TRANSCRIPT)

    one = _import_json(capsys, first)
    two = _import_json(capsys, again)

    assert two["session"] == one["session"] and two["already_imported"]
    assert not one["already_imported"]
    assert [s.id for s in load_sessions().sessions] == [one["session"]]
    # Its debrief lists no past loop: it has only itself.
    assert two["past"] == []
    capsys.readouterr()
    assert main(["import", str(first), "--no-open"]) == 0
    out = capsys.readouterr().out
    assert "Already imported" in out and f"{one['session']}.toml" in out
    assert "no copy made" in out


def test_an_earlier_copy_of_an_import_is_not_a_past_loop_telling_the_same_story(tmp_path):
    # Two copies saved before imports were checked for repeats.
    path = tmp_path / "interview.txt"
    path.write_text(TRANSCRIPT)
    first = import_session(read_import(path), path.name)
    save_session(first)
    second = dataclasses.replace(import_session(read_import(path), path.name), id=first.id + "b")
    save_session(second)
    loop = finished_loop()  # a real past loop telling STORY
    found = past_tellings(second, load_sessions().sessions)
    assert found and {p.session_id for p in found} == {loop.id}
