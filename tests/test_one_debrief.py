"""One debrief: the screen, the exports and the outcome read one value and agree.

Sessions are generated with follow-ups, a Bar Raiser probe whose answer changes
an earlier figure, a story told twice with a changed figure, and findings the
candidate dismissed; for each, the votes, grid and outcome on the screen must
equal those in the JSON and the Markdown export.
"""

from __future__ import annotations

import io
import random

import pytest
from debrief_fixture import OTHERS, RETOLD, STORY
from rich.console import Console
from textual.widgets import OptionList, Static

from loops.bank import FollowUp, load_bank
from loops.planner import plan_loop
from loops.review.analysis import analyze_session
from loops.review.debrief import build_debrief
from loops.review.exports import to_markdown
from loops.session import LoopSettings, Session
from loops.store import save_session, session_from_toml, session_path
from scoring.model import VOTE_WORDS, VOTES
from tui.app import MockloopApp
from tui.screens.debrief import DebriefScreen

BANK = load_bank()
INCLINED = ("strongly-inclined", "inclined")
PROBED = "I checked the dashboards again: p99 went from 2.6 seconds to 300 ms that quarter."


def generated_loop(
    seed: int,
    *,
    probe: bool = True,
    dismiss: float = 0.0,
    told: tuple[str, str] = (STORY, RETOLD),
) -> Session:
    """A finished 4-round loop; round 1 and round 3 tell one story (``told``), by
    default with a changed figure."""
    rng = random.Random(seed)
    plan = plan_loop(BANK, "sde2", 4, seed)
    s = Session(f"20261120-1000{seed:02d}-gen", LoopSettings("sde2", 4, "relaxed", seed), plan)
    while (step := s.current_step()) is not None:
        if step.kind == "main":
            if (step.round.index, step.question_index) == (1, 0):
                text = told[0]
            elif (step.round.index, step.question_index) == (3, 0):
                text = told[1]
            else:
                text = rng.choice(OTHERS)
            fus = list(step.question.follow_ups[: rng.randint(0, 2)])
            if probe and step.round.is_bar_raiser and step.question_index == 0:
                fus = [FollowUp("consistency", 'Earlier you told me "p99 1.4 s".', ref=0), *fus]
            s.record(step, text, 60.0 + rng.random() * 60, follow_ups=fus)
        else:
            main = next(
                a
                for a in s.answers
                if a.round == step.round.index
                and a.question_index == step.question_index
                and a.kind == "main"
            )
            kind = main.follow_ups[step.follow_up_index or 0].kind
            text = PROBED if kind == "consistency" else rng.choice(OTHERS)
            s.record(step, text, 30.0)
    if dismiss:
        full = analyze_session(s)
        for finding in (*full.reused, *full.contradictions):
            if rng.random() < dismiss:
                s.toggle_dismissed(finding.key)
    return s


def test_a_probe_contradiction_lowers_the_votes_the_outcome_counts():
    """The Bar Raiser's probe that changes a figure lowers round 1's counted vote, in the
    outcome as in the rounds (it used to lower it in the export only)."""
    session = generated_loop(3)
    d = build_debrief(session)
    probe = next(i for i, a in enumerate(session.answers) if a.follow_up_kind == "consistency")
    assert any(c.answers == (0, probe) for c in d.contradictions)
    first = next(q for q in d.questions if q.main == 0)
    assert first.lowered_by and first.vote is not None
    assert first.counted == VOTES[min(VOTES.index(first.vote) + 1, len(VOTES) - 1)]
    assert d.outcome.counted[0] == first.counted
    inclined = sum(1 for q in d.questions if q.counted in INCLINED)
    assert d.outcome.inclined == inclined


@pytest.mark.parametrize("seed", range(8))
def test_votes_grid_and_outcome_agree_in_json_and_markdown(seed):
    session = generated_loop(seed, probe=seed % 2 == 0, dismiss=0.5 if seed % 3 else 0.0)
    data = build_debrief(session).to_json()
    md = to_markdown(data)
    questions = [q for r in data["rounds"] for q in r["questions"] if q["answered"]]
    counted = [q["final_vote"] for q in questions]
    assert data["outcome"]["total"] == len(counted)
    assert data["outcome"]["inclined"] == sum(v in INCLINED for v in counted)
    for q in questions:
        assert (q["final_vote"] != q["vote"]) == bool(q["lowered_by"]) or q["vote"] == (
            "strongly-not-inclined"
        )
        assert f"### {q['principle_name']}: {VOTE_WORDS[q['final_vote']]}" in md
    for p in data["principles"]:
        mine = [q["final_vote"] for q in questions if q["principle"] == p["slug"]]
        assert [v["vote"] for v in p["votes"]] == mine
        if mine:  # the grid's vote is the worse of the counted votes
            worst = max(mine, key=VOTES.index)
            assert p["vote"] == worst
    dismissed = set(session.dismissed)
    shown = {c["key"] for c in data["contradictions"]} | {r["key"] for r in data["reused"]}
    assert not dismissed & shown


def screen_votes(screen: DebriefScreen) -> list[str]:
    """The counted vote of each answered question, as the rounds tab shows it."""
    evidence = screen.query_one("#evidence", OptionList)
    out = []
    for n in range(evidence.option_count):
        option = evidence.get_option_at_index(n)
        if (option.id or "").endswith(":vote"):
            said = str(option.prompt).split(": ", 1)[1]
            out.append(next(w for w in sorted(VOTE_WORDS.values(), key=len, reverse=True)
                            if said.startswith(w)))  # fmt: skip
    return out


@pytest.mark.parametrize("seed", [0, 4])
async def test_the_screen_shows_what_the_exports_say(clock, seed):
    session = generated_loop(seed, dismiss=0.3)
    data = build_debrief(session).to_json()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(DebriefScreen(session))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DebriefScreen)
        words = [
            VOTE_WORDS[q["final_vote"]]
            for r in data["rounds"]
            for q in r["questions"]
            if q["answered"]
        ]
        assert screen_votes(screen) == words
        outcome = str(screen.query_one("#outcome", Static).render())
        o = data["outcome"]
        assert f"({o['inclined']} of {o['total']} votes inclined)" in outcome
        assert ("NO HIRE" in outcome) == (o["decision"] == "no-hire")
        await pilot.press("3")
        await pilot.pause()
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(screen.query_one("#principle-grid", Static).content)
        grid = console.export_text()
        for p in data["principles"]:
            if p["votes"]:
                said = " / ".join(VOTE_WORDS[v["vote"]].lower() for v in p["votes"])
                assert said in " ".join(grid.split())


async def test_dismissing_a_contradiction_gives_the_vote_back_and_is_saved(clock):
    """x on each contradiction: not counted, so the vote and the outcome go back; saved
    in the session file; x on a dismissed one counts it again."""
    session = generated_loop(5, probe=False)
    save_session(session)
    before = build_debrief(session)
    lowered = next(q for q in before.questions if q.lowered_by)
    keys = [before.contradictions[n].key for n in lowered.lowered_by]
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(DebriefScreen(session))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DebriefScreen)
        await pilot.press("2")
        await pilot.pause()
        cross = screen.query_one("#cross-list", OptionList)

        async def press_x_on(option_id: str) -> None:
            ids = [cross.get_option_at_index(n).id for n in range(cross.option_count)]
            cross.highlighted = ids.index(option_id)
            await pilot.press("x")
            await app.workers.wait_for_complete()
            await pilot.pause()

        for _ in keys:
            await press_x_on("contra:0")
        after = screen.debrief
        assert set(keys) <= {c.key for c in after.dismissed_contradictions}
        back = next(q for q in after.questions if q.main == lowered.main)
        assert back.counted == back.vote != lowered.counted and not back.lowered_by
        outcome = str(screen.query_one("#outcome", Static).render())
        assert f"({after.outcome.inclined} of {after.outcome.total} votes inclined)" in outcome
        assert after.outcome.inclined >= before.outcome.inclined
        labels = [str(cross.get_option_at_index(n).prompt) for n in range(cross.option_count)]
        assert sum(label.startswith("NOT A CONFLICT") for label in labels) == len(keys)
        assert sorted(session_from_toml(session_path(session.id)).dismissed) == sorted(keys)
        # Taken back, one by one: counted again, and the verdict is the first one.
        for _ in keys:
            await press_x_on("dcontra:0")
        assert screen.debrief.outcome == before.outcome
    assert session_from_toml(session_path(session.id)).dismissed == []


def test_not_the_same_story_takes_its_contradictions_with_it():
    session = generated_loop(5, probe=False)
    full = build_debrief(session)
    reuse = next(r for r in full.reused if {0} & set(r.answers))
    bred = [c for c in full.contradictions if 0 in c.answers]
    assert bred
    session.toggle_dismissed(reuse.key)
    d = build_debrief(session)
    assert reuse.key not in {r.key for r in d.reused}
    assert not [c for c in d.contradictions if 0 in c.answers]
    assert {c.key for c in bred} <= {c.key for c in d.dismissed_contradictions}


def test_checks_survive_judging_again_and_reach_the_exports():
    """A figure worth checking (not a contradiction) stays listed when the loop is
    judged again for the Bar Raiser's probe, counts against no vote, and the
    exports list it as the screen does."""
    from test_fact_slots import RETELLING, TELLING

    session = generated_loop(2, probe=True, told=(TELLING, RETELLING))
    d = build_debrief(session)
    assert d.checks and all(c.kind == "number" for c in d.checks)
    check_answers = {i for c in d.checks for i in c.answers}
    for q in d.questions:
        if set(q.answers) & check_answers and not q.lowered_by:
            assert q.counted == q.vote
    data = d.to_json()
    assert [c["detail"] for c in data["checks"]] == [c.detail for c in d.checks]
    assert all(c["statements"] for c in data["checks"])
    md = to_markdown(data)
    assert all(c.detail.split(":")[0] in md for c in d.checks)
    assert "not counted" in md
    # Saying the two are different stories takes the check with it.
    reuse = next(r for r in d.reused if {i for c in d.checks for i in c.answers} & set(r.answers))
    session.toggle_dismissed(reuse.key)
    assert not build_debrief(session).checks


async def test_a_loop_with_dismissals_is_scored_ahead_in_full(clock, scored):
    """Highlighting a loop scores everything its debrief needs in the background, the
    loop judged without its dismissals too; opening the debrief scores nothing more."""
    import loops.review.analysis as sessions
    from tui.messages import ScoreAhead

    session = generated_loop(5, probe=False, dismiss=1.0)
    assert session.dismissed
    sessions._memo.cache_clear()  # what choosing the dismissals scored, forgotten
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        scored.clear()
        app.post_message(ScoreAhead(session))
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert len(scored) == 2  # with and without the dismissals
        app.push_screen(DebriefScreen(session))
        await pilot.pause()
        assert len(scored) == 2
