"""A vote quotes, as evidence for its principle, only what the story tells as done or found.

A weak Dive Deep answer ('the logs were full of timeouts, but I didn't have time to
read them ... It turned out fine') was quoted as 'went through the data itself' and
'root cause found': a beat counted wherever its words first appeared, denied, guessed,
hypothetical or with nobody acting. Each answer here is ours."""

from __future__ import annotations

import pytest

from scoring import AnswerInput, analyze_loop

DIVE_DEEP = ("root cause found", "went through the data itself", "more than one layer")


def _positive(text: str, principle: str = "dive-deep") -> dict[str, str]:
    result = analyze_loop([AnswerInput(1, principle, text)])
    return {e.note: e.quote for e in result.answers[0].vote_evidence if e.positive}


WEAK = [
    # Data mentioned that nobody went through, an ending that is no cause, a reason
    # that is an opinion.
    "Our checkout errors spiked one Friday evening. The dashboards were all red and the "
    "logs were full of timeouts, but I didn't have time to read them. My manager said it "
    "was probably the cache, so I restarted it and the errors went away. It turned out "
    "fine in the end, and nobody complained on Monday. I think it was a good call to "
    "restart quickly because of the traffic.",
    # What the candidate would have done, not what they did.
    "A report our finance team used was wrong every month. I would normally look at the "
    "raw data first, but we had no access, so I asked the analyst to re-run it. She found "
    "a rounding setting and fixed it. The totals matched after that, and the finance "
    "lead was happy. I was glad it worked out well.",
    # Denied: the candidate never traced it.
    "The mobile app crashed for some users after a release. We never traced it properly "
    "and nobody looked at the crash logs, because the next release came out a week later "
    "and the crashes stopped. I moved on to the next feature and we shipped on time.",
]


@pytest.mark.parametrize("text", WEAK)
def test_a_weak_dive_deep_answer_is_not_quoted_as_diving_deep(text: str) -> None:
    shown = _positive(text)
    assert not set(DIVE_DEEP) & set(shown), shown


def test_a_real_dive_is_still_quoted() -> None:
    text = (
        "Our nightly invoice job started taking four hours instead of forty minutes. I pulled "
        "the job logs for the last month and compared the slow nights with the fast ones. "
        "It turned out the slow nights all ran after a large customer import, which meant "
        "the planner chose a full scan on the invoices table. I traced that to statistics "
        "that were never refreshed after the import, added an ANALYZE step to the import, "
        "and the job went back to 40 minutes. I now check table statistics first when a "
        "query slows down without a code change."
    )
    shown = _positive(text)
    assert set(DIVE_DEEP) <= set(shown), shown
    assert shown["went through the data itself"].startswith("I pulled the job logs")
    assert shown["root cause found"].startswith("It turned out the slow nights")


def test_a_backbone_story_told_with_a_negative_still_shows_the_disagreement() -> None:
    text = (
        "My product manager wanted to cut the accessibility fixes to make the launch date. "
        "I disagreed, because screen-reader users couldn't finish checkout, and I didn't "
        "think we should ship that. I showed her a recording of a screen reader getting "
        "stuck. She kept the worst fixes and moved the rest to the next release, and I "
        "committed to her plan and did those fixes myself."
    )
    assert _positive(text, "have-backbone")["disagreed"].startswith("I disagreed")
