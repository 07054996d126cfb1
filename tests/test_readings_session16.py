"""Readings added in session 16, each in our own sentences, both ways.

What became of a change, said in more of the ways people say it ('rolled it out to
everyone', 'they're still using it', 'never went to everyone', 'nobody opened it
again', 'back in a drawer'); two stories from one workplace that share its names and
places but no figure of one event, shown as a check rather than as one story; and a
share ('61%' against 'about 65 percent') or the size of the place ('a 400-bed
hospital') that agrees within rounding but names no event, not listed as evidence."""

from __future__ import annotations

import pytest
from two_tellings import reported, told_twice, what_became

from scoring.ending import KEPT, REVERTED

TILLS = (
    "At Harlow & Finch, a chain of nine bakeries, I ran store systems. The old tills froze "
    "most Saturday mornings and queues went out the door. I picked a tablet till, set it up in "
    "the Dalston shop as a six-week pilot and trained the two morning staff on it. Queue times "
    "on Saturdays dropped from about eleven minutes to four. {end}"
)


def became(end: str) -> str | None:
    return what_became(TILLS.format(end=end))


@pytest.mark.parametrize(
    ("end", "reading"),
    [
        ("After that we rolled it out to everyone.", KEPT),
        ("In spring we rolled it out to 100% of the shops.", KEPT),
        ("The staff are still using it today.", KEPT),
        ("The shops have been using it to this day.", KEPT),
        ("Since the go-live it has been the only till we use.", KEPT),
        ("But the new till never went to everyone.", REVERTED),
        ("Nobody opened it again after the pilot.", REVERTED),
        ("The tablets ended up back in a cupboard.", REVERTED),
        ("The tablets are now gathering dust in the office.", REVERTED),
        ("Head office scrapped the feature in May.", REVERTED),
        # A share of a hundred is not a rollout, and a happy team is not a change kept.
        ("The scales now read 100% of weights correctly.", None),
        ("Everyone was happy with the result.", None),
    ],
)
def test_what_became_of_the_change(end: str, reading: str | None) -> None:
    assert became(end) == reading


SPREAD = (
    "At Harlow & Finch I ran store systems. The old tills froze most Saturday mornings, so I "
    "set up a tablet till in the Dalston shop as a six-week pilot with the morning staff. "
    "Saturday queues dropped from about eleven minutes to four, so after that we rolled it out "
    "to everyone."
)
SHELVED = (
    "The tablet till pilot at Harlow & Finch is one I think about a lot. The old tills froze on "
    "Saturday mornings, so I trialled a tablet till in our Dalston shop for six weeks with the "
    "morning staff. Queues went from eleven minutes to four. But the finance director would not "
    "fund the other eight shops, the new till never went to everyone, and nobody opened it "
    "again after the pilot."
)
SPREAD_AGAIN = (
    "The tablet till at Harlow & Finch started as a six-week pilot in the Dalston shop, because "
    "the old tills froze on Saturday mornings. Queues went from eleven minutes to four, and the "
    "staff in every shop are still using it today."
)


def test_rolled_out_to_everyone_against_never_went_to_everyone_is_an_outcome_conflict() -> None:
    reported("outcome", SPREAD, SHELVED, True)


def test_everyone_and_still_using_it_agree() -> None:
    reported("outcome", SPREAD, SPREAD_AGAIN, False)


BUNCHING = (
    "At Northgate bus depot I was the duty manager. In March the number 14 route kept running "
    "in bunches, three buses together and then nothing for half an hour. I rode the route for "
    "two mornings and saw the drivers were all held at the same lights by the hospital, so I "
    "staggered the departures from the depot by four minutes and asked the control room to hold "
    "buses at the library stop when they caught up. Complaints about bunching fell by about "
    "half in six weeks."
)
FLU = (
    "At Northgate bus depot, during the flu wave that winter, I was short of drivers almost "
    "every morning. Rather than cancel whole routes, I sat down with the union rep and the "
    "control room and built a rota where the quieter routes ran every twenty minutes instead of "
    "every ten, so the busy ones kept their timetable through the library stop. I phoned the "
    "drivers on rest days myself and found eleven willing to pick up overtime. We did not "
    "cancel a single journey that fortnight."
)
BUNCHING_BRIEF = (
    "Northgate depot, March: the 14 was bunching, three buses then a half-hour gap. I rode it "
    "two mornings, saw the lights by the hospital held them, staggered departures by four "
    "minutes and had the control room hold buses at the library stop. Bunching complaints "
    "halved in six weeks."
)


def test_two_stories_from_one_depot_are_a_check_not_one_story() -> None:
    result = told_twice(BUNCHING, FLU)
    assert not result.reused
    assert not result.contradictions
    (check,) = result.checks
    assert check.kind == "story"
    assert "control room" in check.detail and "workplace" in check.detail


def test_a_brief_retelling_from_the_same_depot_is_still_one_story() -> None:
    result = told_twice(BUNCHING, BUNCHING_BRIEF)
    assert result.reused
    assert not result.checks


SCANS = (
    "At St Aldhelm's, a 400-bed hospital, I was the pharmacy systems lead. Nurses were skipping "
    "the barcode scan on the Keats ward because the handheld scanners kept dropping off the "
    "wifi, and only 61% of doses were scanned. I mapped the dead spots with the estates team, "
    "had two access points moved, and swapped the scanners' roaming setting. Within a month "
    "Keats was scanning 97% of doses, and we copied the fix to the other wards."
)
SCANS_AGAIN = (
    "The scanning problem on Keats ward at St Aldhelm's, a hospital of 400 beds, was really a "
    "wifi problem. About 65 percent of doses got scanned, because the handhelds lost their "
    "connection in the corridor. With the estates team I found the dead spots, we moved two "
    "access points and changed the roaming setting, and in a month scanning was at 97%."
)


def test_a_share_close_only_within_rounding_and_the_hospital_size_are_not_evidence() -> None:
    result = told_twice(SCANS, SCANS_AGAIN)
    (reuse,) = result.reused
    said = " ".join(reuse.evidence)
    assert "97%" in said and "Keats" in said
    assert "61%" not in said and "400" not in said
    assert not result.contradictions
