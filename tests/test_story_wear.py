"""Story wear: counts read back from saved sessions agree with what was told in them."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace

from story_fixture import DIFFERENT, RETELLINGS, STORIES

from loops.bank import load_bank
from loops.planner import plan_loop
from loops.review.drill import drill_session
from loops.review.retry import start_retry
from loops.review.wear import load_wear, story_wear, suggest_stories
from loops.session import LoopSettings, Session
from loops.store import save_session, session_path
from loops.stories import Story, save_stories
from tui.cli import main

TELLING = {story: text for story, text in reversed(RETELLINGS)}
"""The first retelling of each story (one per story is enough here)."""
CUSTOMER = RETELLINGS[1][1]
"""checkout-latency told from the customer's side."""


class Ledger:
    """What the test told, story by story: the truth wear must read back from the files."""

    def __init__(self) -> None:
        self.told: dict[str, list[tuple[str, str, str]]] = {}

    def add(self, story: str, session: Session, principle: str) -> None:
        self.told.setdefault(story, []).append((session.id, session.origin.kind, principle))


def _stamp(session: Session, day: str) -> None:
    for a in session.answers:
        a.submitted_at = f"2026-11-{day}T10:00:00+00:00"
    session.created_at = session.updated_at = f"2026-11-{day}T10:00:00+00:00"


def play_loop(seed: int, tell: dict[str, str], ledger: Ledger, day: str) -> Session:
    """A 4-round loop, main answers only: principle -> story id (or the text itself) to tell;
    every other principle gets a story that is not in the bank."""
    s = Session(f"2026{day}-loop{seed}", LoopSettings("sde2", 4, "relaxed", seed),
                plan_loop(load_bank(), "sde2", 4, seed))  # fmt: skip
    other = 0
    while (step := s.current_step()) is not None:
        principle = step.question.principle
        story = tell.get(principle)
        if story is None:
            text, other = DIFFERENT[other % len(DIFFERENT)], other + 1
        else:
            text = CUSTOMER if story == "checkout-customer" else TELLING[story]
            story = "checkout-latency" if story == "checkout-customer" else story
            ledger.add(story, s, principle)
        s.record(step, text, 80.0, follow_ups=[])
    _stamp(s, day)
    save_session(s)
    return s


def retry(loop: Session, principle: str, told: str, ledger: Ledger, day: str) -> Session:
    """The question of ``principle`` in ``loop`` asked again (loops/review/retry.py), told
    with the story ``told``."""
    rnd, qi = next(
        (r.index, i)
        for r in loop.plan.rounds
        for i, q in enumerate(r.questions)
        if q.principle == principle
    )
    s = start_retry(loop, rnd, qi, f"2026{day}-retry")
    step = s.current_step()
    assert step is not None
    s.record(step, TELLING[told], 60.0, follow_ups=[])
    ledger.add(told, s, principle)
    _stamp(s, day)
    save_session(s)
    return s


def drill(story: Story, ledger: Ledger, day: str, text: str = "") -> Session:
    """A story drilled at its four lengths (loops/review/drill.py): one drill of it."""
    s = drill_session(story, LoopSettings("sde2", 4), f"2026{day}-drill")
    while (step := s.current_step()) is not None:
        s.record(step, text or TELLING[story.id], 30.0)
    ledger.add(story.id, s, "")
    _stamp(s, day)
    save_session(s)
    return s


def saved_history() -> Ledger:
    """Three loops, a retry and a drill, saved through loops/store as the app saves them."""
    save_stories(STORIES)
    ledger = Ledger()
    # seeds 1, 2 and 3 all ask customer-obsession, ownership and have-backbone.
    first = play_loop(
        1,
        {"customer-obsession": "checkout-customer", "ownership": "pager-noise",
         "have-backbone": "settlement-rewrite"},
        ledger, "01",
    )  # fmt: skip
    play_loop(
        2,
        {"customer-obsession": "checkout-latency", "dive-deep": "checkout-customer",
         "have-backbone": "settlement-rewrite"},
        ledger, "05",
    )  # fmt: skip
    play_loop(
        3,
        {"customer-obsession": "refund-status-page", "have-backbone": "settlement-rewrite"},
        ledger, "09",
    )  # fmt: skip
    retry(first, "customer-obsession", "checkout-latency", ledger, "10")
    drill(STORIES[2], ledger, "12")  # pager noise, four tellings: one drill
    return ledger


def test_wear_counts_agree_with_the_saved_sessions():
    ledger = saved_history()
    wear, problems = load_wear()
    assert not problems
    assert wear.loops == 3
    for w in wear.stories:
        told = ledger.told.get(w.story.id, [])
        # "told": answers in loops, retries and imports; a drill is counted apart.
        assert w.told == sum(1 for _, kind, _ in told if kind != "drill"), w.story.id
        assert w.loops == len({sid for sid, kind, _ in told if kind == "loop"}), w.story.id
        assert w.drills == sum(1 for _, kind, _ in told if kind == "drill"), w.story.id
        assert w.principles == Counter(p for _, _, p in told if p), w.story.id
    checkout = wear.of("checkout-latency")
    assert checkout is not None
    # Twice in loop 2 (two principles), once in loop 1, once retried: 4 tellings, 2 loops.
    assert (checkout.told, checkout.loops) == (4, 2)
    assert checkout.last.startswith("2026-11-10")  # the retry
    pager = wear.of("pager-noise")
    assert pager is not None and pager.drills == 1 and pager.last.startswith("2026-11-12")
    never = wear.of("intern-reconciliation")
    assert never is not None and never.told == 0 and never.last == ""
    # Told in 3 of 3 loops and in 2 of 3: worn, most worn first; pager noise (1 of 3) is not.
    assert wear.worn == ("settlement-rewrite", "checkout-latency")
    # Have Backbone was answered with the settlement story every time; Customer Obsession
    # had three different stories, so it does not fall back on one.
    [fallback] = wear.fallbacks
    assert (fallback.principle, fallback.story_id, fallback.sessions) == (
        "have-backbone",
        "settlement-rewrite",
        3,
    )


def test_drills_of_unbanked_stories_and_empty_sessions_count_for_nothing():
    save_stories(STORIES)
    ledger = Ledger()
    drill(STORIES[2], ledger, "12")
    deleted = Story(id="deleted", title="A story since deleted")
    gone = drill(deleted, ledger, "13", TELLING["checkout-latency"])
    empty = Session("20261114-empty", LoopSettings("sde2", 4), plan_loop(load_bank(), "sde2", 4, 2))
    save_session(empty)
    wear, _ = load_wear()
    drilled = {w.story.id: w.drills for w in wear.stories}
    assert drilled["pager-noise"] == 1
    # The drill of a story no longer banked is not put on another story.
    assert drilled["checkout-latency"] == 0
    assert not any(w.tellings for w in wear.stories if w.story.id != "pager-noise")
    assert gone.origin.story == "deleted" and wear.loops == 0 and wear.worn == ()


def test_an_unreadable_session_is_named_and_the_rest_still_counted():
    saved_history()
    bad = session_path("20261115-broken")
    bad.write_text('version = 1\nid = "x"\n[settings]\nlevel = 7\n')
    wear, problems = load_wear()
    assert wear.loops == 3
    assert problems and problems[0].path == bad


def _bank(*stories: tuple[str, tuple[str, ...]]) -> list[Story]:
    return [Story(id=sid, title=sid.replace("-", " ").title(), principles=p) for sid, p in stories]


def test_the_schedule_suggestion_prefers_the_least_worn_story():
    ledger = saved_history()
    assert "checkout-latency" in ledger.told
    wear, _ = load_wear()
    slots = [(1, "customer-obsession"), (2, "ownership")]
    # Customer Obsession: checkout latency (2 of 3 loops) is worn, refund status page
    # was told in 1. Ownership: pager noise was told and drilled, the invoice failure never.
    got = suggest_stories(slots, STORIES, wear)
    assert [s.story_id for s in got] == ["refund-status-page", "invoice-migration-failure"]
    # Without wear, the bank's order decides.
    unworn = suggest_stories(slots, STORIES)
    assert [s.story_id for s in unworn] == ["checkout-latency", "pager-noise"]


def test_the_suggestion_says_when_one_story_must_serve_two_rounds():
    bank = _bank(("pager", ("ownership",)), ("launch", ("ownership", "think-big")))
    got = suggest_stories([(1, "ownership"), (2, "think-big"), (3, "ownership")], bank)
    assert [(s.round, s.story_id, s.shared_with) for s in got] == [
        (1, "pager", None),
        (2, "launch", None),
        (3, "pager", 1),  # ownership twice, two stories, one of them needed for think-big
    ]
    [none] = suggest_stories([(1, "frugality")], bank)
    assert none.story_id is None and none.shared_with is None
    assert story_wear([], bank).least_worn_first() == [0, 1]


def test_cli_wear_prints_a_table_and_json(capsys):
    saved_history()
    assert main(["stories", "wear"]) == 0
    out = capsys.readouterr().out
    assert "Cutting pager noise" in out and "WORN" in out
    assert "Have Backbone" in out and "always" in out
    assert main(["stories", "wear", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    by_id = {s["id"]: s for s in data["stories"]}
    assert by_id["checkout-latency"]["told"] == 4 and by_id["checkout-latency"]["loops"] == 2
    assert by_id["pager-noise"]["drills"] == 1
    assert data["worn"] == ["settlement-rewrite", "checkout-latency"]
    assert data["fallbacks"][0]["principle"] == "have-backbone"


def _told_on_screen(text: str) -> int:
    """The count in 'told once' / 'told twice' / 'told 3 times' / 'never told'."""
    import re

    m = re.search(r"(never told|told (once|twice|(\d+) times))", text)
    assert m is not None, text
    known = {"never told": 0, "told once": 1, "told twice": 2}
    return known[m[1]] if m[1] in known else int(m[3])


def _summed(told_for: str) -> int:
    """The sum of the counts in 'Customer Obsession 3, Dive Deep 1'; '-' is 0."""
    return sum(int(part.rsplit(" ", 1)[1]) for part in told_for.split(", ") if part != "-")


def test_told_adds_up_to_the_principles_in_the_table_and_json(capsys, monkeypatch):
    """A drill used to be counted in "told" but in no principle: "told twice ... Ownership 1"."""
    from loops.review.wear import principles_text, wear_text

    saved_history()
    assert main(["stories", "wear", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for s in data["stories"]:
        assert s["told"] == sum(s["principles"].values()), s["id"]
    pager = next(s for s in data["stories"] if s["id"] == "pager-noise")
    assert (pager["told"], pager["drills"], pager["principles"]) == (1, 1, {"ownership": 1})
    wear, _ = load_wear()
    by_id = {s["id"]: s for s in data["stories"]}
    for w in wear.stories:
        shown = wear_text(w, wear.loops)
        assert (
            _told_on_screen(shown)
            == by_id[w.story.id]["told"]
            == _summed(principles_text(w) or "-")
        ), shown
    # The table says the same, row by row (wide enough that no cell is cut).
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["stories", "wear"]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if "pager noise" in line)
    assert "told once" in row and "drilled once" in row and "Ownership 1" in row


def test_cli_wear_refuses_a_bad_bank_and_bad_arguments(mockloop_home, capsys):
    save_stories(STORIES)
    from loops import paths

    paths.stories_file().write_text("version = 1\n[[stories]]\ntitle = 3\n")
    assert main(["stories", "wear"]) == 2
    err = capsys.readouterr().err
    assert "stories.toml" in err and "title" in err
    try:
        code = main(["stories", "wear", "--format", "xml"])
    except SystemExit as exc:
        code = exc.code
    assert code == 2


async def test_the_story_bank_shows_each_storys_wear(clock):
    from textual.widgets import OptionList, Static

    from tui.app import MockloopApp
    from tui.screens.stories import StoryBankScreen

    saved_history()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        bank = app.screen
        assert isinstance(bank, StoryBankScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()

        def wear() -> str:
            return str(bank.query_one("#wear", Static).render())

        menu = bank.query_one("#story-list", OptionList)
        labels = [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]
        assert [label.endswith("WORN") for label in labels] == [
            True,  # checkout latency: 2 of 3 loops
            False,
            False,  # pager noise: 1 loop and a drill
            True,  # the settlement rewrite: 3 of 3
            False,
            False,
        ]
        text = wear()
        assert "told 4 times, in 2 of 3 loops, last 2026-11-10" in text
        assert "Customer Obsession 3, Dive Deep 1" in text
        assert "Have Backbone; Disagree and Commit always falls back on Pushing back" in text
        await pilot.press("down", "down")  # pager noise
        await pilot.pause()
        assert "told once, in 1 of 3 loops, drilled once, last 2026-11-12" in wear()
        assert "told for Ownership 1" in wear()
        await pilot.press("down", "down")  # the intern story, never told
        await pilot.pause()
        assert "Wear: never told" in wear()


async def test_the_schedule_suggests_a_story_per_principle_and_warns_of_one_told_twice(clock):
    from textual.widgets import Input, Select

    from tui.app import MockloopApp
    from tui.screens.schedule import ScheduleScreen

    saved_history()
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#seed", Input).value = "5"
        app.screen.query_one("#rounds", Select).value = 5
        await pilot.press("ctrl+s")
        await pilot.pause()
        schedule = app.screen
        assert isinstance(schedule, ScheduleScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()

        def note() -> str:
            return str(schedule.query_one("#schedule-note").content)

        # Hidden principles stay hidden; the story that would serve two rounds is named.
        hidden = note()
        assert "TWICE: Pushing back on the settlement job rewrite" in hidden
        assert "press p to see where" in hidden
        assert "Customer Obsession" not in hidden and "Stories for this loop" not in hidden
        await pilot.press("p")
        await pilot.pause()
        shown = note().splitlines()
        # Customer Obsession gets the refund story (1 loop), not worn checkout latency
        # (2 of 3 loops), which goes to Dive Deep, the one principle only it serves.
        assert " 1 Customer Obsession: Slow refund status page" in shown
        assert " 2 Dive Deep: Checkout latency from fraud-check calls (WORN)" in shown
        # Have Backbone takes the settlement story; Earn Trust has no other.
        assert " 4 Earn Trust: TWICE, also round 2: Pushing back on the settlement job rewrite" in (
            shown
        )
        assert " 4 Think Big: NO STORY in your bank serves it" in shown
        own = [line.split(": ", 1)[1] for line in shown if line.startswith(" ") and ": " in line]
        distinct = [t for t in own if not t.startswith(("TWICE", "NO STORY"))]
        assert len(distinct) == len(set(t.removesuffix(" (WORN)") for t in distinct))


def test_wear_is_kept_per_session_file_and_follows_every_change(monkeypatch):
    import loops.review.wear as wear_module
    from loops.store import session_from_toml

    ledger = saved_history()
    matched: list[str] = []
    real = wear_module.match_answers

    def counting(session, stories):
        matched.append(session.id)
        return real(session, stories)

    monkeypatch.setattr(wear_module, "match_answers", counting)
    first, _ = load_wear()
    assert len(matched) == 4  # three loops and a retry; a drill names its story
    assert oct(wear_module.cache_path().stat().st_mode & 0o777) == "0o600"
    matched.clear()
    again, _ = load_wear()
    assert matched == [] and again == first  # nothing changed: nothing read again
    # Loop 3 retold: its customer-obsession answer now tells checkout latency.
    path = session_path("202609-loop3")
    loop3 = session_from_toml(path)
    answer = next(a for a in loop3.answers if a.principle == "customer-obsession")
    answer.text = TELLING["checkout-latency"]
    save_session(loop3)
    changed, _ = load_wear()
    assert matched == ["202609-loop3"]
    assert [w.loops for w in changed.stories if w.story.id == "checkout-latency"] == [3]
    # A story edited in the bank can change every match: all are matched again.
    matched.clear()
    save_stories([replace(STORIES[0], title="Checkout p99"), *STORIES[1:]])
    load_wear()
    assert len(matched) == 4
    # A deleted loop no longer counts.
    path.unlink()
    gone, _ = load_wear()
    assert gone.loops == 2 and "checkout-latency" in ledger.told


async def test_story_titles_in_wear_are_never_read_as_markup(clock, capsys):
    from textual.widgets import Input, Select, Static

    from loops.principles import SLUGS
    from tui.app import MockloopApp

    title = "[bold]Pager[/bold] noise [x"
    save_stories([Story(id="pager", title=title, principles=tuple(SLUGS))])
    assert main(["stories", "wear"]) == 0
    assert title in capsys.readouterr().out.replace("\n", "")
    app = MockloopApp(clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#seed", Input).value = "5"
        app.screen.query_one("#rounds", Select).value = 4
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.press("p")
        await pilot.pause()
        note = str(app.screen.query_one("#schedule-note", Static).content)
        assert f"TWICE, also round 1: {title}" in note
