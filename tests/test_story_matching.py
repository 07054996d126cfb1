"""Answers matched to banked stories: retellings match, look-alikes do not, facts are checked."""

from __future__ import annotations

from story_fixture import CHANGED, CONSISTENT, DIFFERENT, RETELLINGS, STORIES

from loops.bank import load_bank
from loops.planner import plan_loop
from loops.review.matching import (
    STORY_MATCH_THRESHOLD,
    best_stories,
    match_answers,
    story_conflicts,
    story_from_answer,
)
from loops.session import AnswerRecord, LoopSettings, Session

BY_ID = {s.id: s for s in STORIES}


def matched(texts: list[str]) -> list[tuple[str | None, float]]:
    return [
        (STORIES[i].id if i is not None and score >= STORY_MATCH_THRESHOLD else None, score)
        for i, score in best_stories(texts, STORIES)
    ]


def test_reframed_retellings_match_their_story():
    found = matched([t for _, t in RETELLINGS])
    assert [sid for sid, _ in found] == [sid for sid, _ in RETELLINGS]
    # With margin: the weakest retelling is well above the threshold.
    assert min(score for _, score in found) >= STORY_MATCH_THRESHOLD + 0.1


def test_different_stories_on_the_same_themes_do_not_match():
    found = matched(DIFFERENT)
    assert [sid for sid, _ in found] == [None] * len(DIFFERENT)
    assert max(score for _, score in found) < STORY_MATCH_THRESHOLD - 0.05


def test_a_changed_figure_level_or_team_is_a_conflict_of_that_kind():
    for sid, kind, text in CHANGED:
        [(found, _)] = matched([text])
        assert found == sid
        conflicts = story_conflicts(text, BY_ID[sid])
        assert [c.kind for c in conflicts] == [kind], (kind, conflicts)
        assert "story bank" in conflicts[0].detail


def test_consistent_retellings_have_no_conflicts():
    sid, text = CONSISTENT
    assert story_conflicts(text, BY_ID[sid]) == []
    for sid, text in RETELLINGS:
        assert story_conflicts(text, BY_ID[sid]) == [], sid


def _session(texts: list[str]) -> Session:
    plan = plan_loop(load_bank(None), "sde2", 5, 3)
    answers: list[AnswerRecord] = []
    for n, text in enumerate(texts):
        r = plan.rounds[n % len(plan.rounds)]
        q = r.questions[0]
        answers.append(
            AnswerRecord(
                r.index,
                n // len(plan.rounds),
                q.id,
                q.principle,
                "main",
                q.prompt,
                text,
                100.0,
                150,
            )
        )
    return Session("t", LoopSettings("sde2", 5), plan, answers)


def test_match_answers_reads_each_telling_with_its_follow_ups():
    changed_sid, _, changed_text = CHANGED[0]
    session = _session([RETELLINGS[2][1], DIFFERENT[0]])
    main = session.answers[0]
    # A follow-up that states a different figure joins its main answer's telling.
    session.answers.append(
        AnswerRecord(
            main.round,
            main.question_index,
            main.question_id,
            main.principle,
            "follow-up",
            "How did you measure it?",
            "We measured page load from 6 s to 2 s with the browser timing API.",
            30.0,
            90,
            follow_up_index=0,
        )
    )
    first, second = match_answers(session, STORIES)
    assert first.answer == 0 and first.story_id == "refund-status-page"
    assert [c.kind for c in first.conflicts] == ["number"]
    assert first.conflicts[0].answer == 2  # said in the follow-up
    assert second.story_id is None and second.is_new
    assert changed_sid and changed_text  # fixture sanity


def test_an_empty_bank_makes_every_answer_new():
    [m] = match_answers(_session([RETELLINGS[0][1]]), [])
    assert m.story_id is None and m.similarity == 0.0


def test_story_from_answer_drafts_a_story_with_its_facts():
    story = story_from_answer(CHANGED[0][2], "dive-deep")
    assert story.principles == ("dive-deep",)
    assert story.title.startswith("At Northwind, as an SDE II")
    assert story.company == "Northwind" and story.team == "Payments"
    assert story.role == "SDE II"
    assert story.figures and len(story.summary.split()) <= 61
    assert story.id


def test_a_story_at_another_employer_sharing_one_figure_is_not_the_banked_story():
    """Found by a stranger in tmux: a Contoso search story sharing only 'p99 ... 1.4 s' with
    a banked Northwind checkout story was matched to it, then reported as contradicting it."""
    from loops.stories import Story

    banked = Story(
        id="northwind-checkout",
        title="Northwind checkout latency",
        summary=(
            "At Northwind Payments in 2023 I was the tech lead on checkout. p99 latency had "
            "crept to 1.4 s because the fraud check ran in series; I made it run in parallel "
            "with the basket pricing and p99 fell to 300 ms."
        ),
        principles=("dive-deep",),
        company="Northwind Payments",
        figures=("p99 from 1.4 s to 300 ms",),
    )
    answer = (
        "At Contoso I owned the search service. Our p99 was 1.4 s on product search, mostly "
        "an N+1 query in the facets code. I profiled it, batched the facet lookups, and "
        "search p99 came down to 450 ms within two sprints."
    )
    [(found, _)] = best_stories([answer], [banked])
    assert found is None
    retold = (
        "At Northwind Payments checkout p99 had crept to 1.4 s because the fraud check ran in "
        "series. As tech lead I made it run in parallel with basket pricing: p99 fell to 300 ms."
    )
    [(found, _)] = best_stories([retold], [banked])
    assert found == 0
