"""Two tellings read beat by beat (scoring/aligned.py): a figure that differs inside two
sentences telling one beat is a contradiction, even when neither names what it measures in
words the slot readers know. Our own sentences; each case both ways."""

from __future__ import annotations

import pytest

from scoring import AnswerInput, analyze_loop
from scoring.aligned import aligned_conflicts
from scoring.document import Document
from scoring.facts import extract_facts

SURVEYOR = (
    "I was the site quantity surveyor on a hospital extension for Brackwell Construction. "
    "Checking the steel invoices against the drawings, I saw we were paying for far more rebar "
    "than the design needed. The supplier had been charging the offcuts twice, once in the unit "
    "rate and again in the tonnage. I put the reconciliation together floor by floor and we "
    "clawed back about $48,000 at the final account. Now every package gets that check before "
    "we pay."
)
RETOLD = (
    "On the Brackwell hospital extension I noticed the rebar invoices did not match the "
    "drawings. The supplier was billing offcuts twice, in the rate and in the tonnage. I did "
    "the reconciliation floor by floor, and at the final account we got back roughly {amount}. "
    "It is a standard check for us now."
)


def _loop(first: str, second: str):  # type: ignore[no-untyped-def]
    return analyze_loop([AnswerInput(1, "dive-deep", first), AnswerInput(2, "frugality", second)])


@pytest.mark.parametrize("swap", [False, True])
def test_an_amount_that_differs_inside_one_beat_is_a_contradiction(swap: bool) -> None:
    first, second = SURVEYOR, RETOLD.format(amount="$95,000")
    result = _loop(*((second, first) if swap else (first, second)))
    assert result.reused
    numbers = [c for c in result.contradictions if c.kind == "number"]
    assert len(numbers) == 1
    said = [s.sentence for s in numbers[0].statements]
    assert any("$48,000" in q for q in said) and any("$95,000" in q for q in said)


@pytest.mark.parametrize("amount", ["$50,000", "forty-eight thousand dollars"])
def test_the_same_amount_rounded_or_in_words_is_not(amount: str) -> None:
    first, second = SURVEYOR, RETOLD.format(amount=amount)
    assert _loop(first, second).reused
    assert not _loop(first, second).contradictions
    assert not _loop(second, first).contradictions


BEFORE = (
    "I ran the night pick team at a parcel hub for Ostwick Logistics. Mis-sorts were around 40 "
    "a night, and each one meant a van going back out. I walked the sort line for a week with "
    "the shift leads and found the labels on two chutes were swapped after a re-layout. We "
    "fixed the labels and added a scan check at the chute."
)
AFTER = (
    "At Ostwick Logistics my night pick team kept sending parcels down the wrong chute. "
    "I walked the sort line with the shift leads and found two chute labels swapped after a "
    "re-layout. We fixed them and added a scan check. Mis-sorts went down to about 6 a night."
)


@pytest.mark.parametrize("swap", [False, True])
def test_a_baseline_is_not_compared_with_a_result_in_a_like_sentence(swap: bool) -> None:
    result = _loop(*((AFTER, BEFORE) if swap else (BEFORE, AFTER)))
    assert result.reused
    assert not [c for c in result.contradictions if c.kind == "number"]


KIOSK = (
    "I was a backend developer at Pellora Cinemas, on the {first} team. Our ticket kiosks "
    "froze every Friday evening when the queues were longest. I traced the freezes to a "
    "receipt printer driver that leaked memory, patched it, and added a nightly restart. "
    "Friday complaints stopped within a month."
)
KIOSK_AGAIN = (
    "At Pellora Cinemas, back when I sat on the {second} team, our ticket kiosks kept "
    "freezing on Friday evenings. I found a leaking receipt printer driver, patched it and "
    "set up a nightly restart, and the Friday complaints stopped."
)


BILL = (
    "As the finance partner for engineering at Quillon, I owned the cloud budget. The biggest "
    "bill by far belonged to the {first} team, about 90k a month on storage, and they did not "
    "love finance telling them what to do. I found 400 TB of intermediate files that nothing "
    "ever deleted, proposed lifecycle rules, and let their lead pick the retention period. "
    "Storage spend fell by half within a quarter."
)
BILL_AGAIN = (
    "At Quillon I looked after the cloud budget for engineering. Storage was the problem: the "
    "{second} team had the biggest bill, about 90k a month. There were 400 TB of intermediate "
    "files with no lifecycle rules. I proposed rules and let their lead choose the retention "
    "period, and storage spend halved within a quarter."
)


@pytest.mark.parametrize("swap", [False, True])
def test_one_beat_naming_two_teams_is_a_team_contradiction(swap: bool) -> None:
    first, second = BILL.format(first="analytics"), BILL_AGAIN.format(second="forecasting")
    result = _loop(*((second, first) if swap else (first, second)))
    assert result.reused
    teams = [c for c in result.contradictions if c.kind == "team"]
    assert len(teams) == 1
    said = " ".join(s.sentence for s in teams[0].statements)
    assert "analytics" in said and "forecasting" in said


@pytest.mark.parametrize(
    ("first", "second"),
    [("loyalty", "loyalty"), ("ops", "operations"), ("infra", "infrastructure")],
)
def test_one_team_named_the_same_or_shortened_is_not(first: str, second: str) -> None:
    a, b = KIOSK.format(first=first), KIOSK_AGAIN.format(second=second)
    assert _loop(a, b).reused
    assert not [c for c in _loop(a, b).contradictions if c.kind == "team"]
    assert not [c for c in _loop(b, a).contradictions if c.kind == "team"]


FREEZER = (
    "I was the warehouse coordinator at {first}, and two days before a big holiday drive our "
    "walk-in freezer failed with about three tonnes of donated chicken inside. The repair firm "
    "could not come until Monday. I phoned our grocery partners, one lent us a refrigerated "
    "trailer, and I got nine volunteers to move everything that night. We lost a few boxes "
    "that had already thawed and fed about five hundred families that weekend."
)
FREEZER_AGAIN = (
    "Two days before the holiday drive, when I was with {second} in our town, coordinating the "
    "warehouse, our walk-in freezer died with about three tonnes of chicken in it. The repair "
    "firm said Monday. I rang our grocery partners, one lent a refrigerated trailer, and nine "
    "volunteers moved it all overnight. About five hundred families got their food that weekend."
)


@pytest.mark.parametrize("swap", [False, True])
def test_one_beat_naming_two_employers_is_a_company_contradiction(swap: bool) -> None:
    first = FREEZER.format(first="the Harbourside Food Pantry")
    second = FREEZER_AGAIN.format(second="the Salvation Army chapter")
    result = _loop(*((second, first) if swap else (first, second)))
    assert result.reused
    companies = [c for c in result.contradictions if c.kind == "company"]
    assert len(companies) == 1
    said = " ".join(s.sentence for s in companies[0].statements)
    assert "Harbourside" in said and "Salvation Army" in said


def test_one_employer_named_twice_is_not() -> None:
    first = FREEZER.format(first="the Harbourside Food Pantry")
    second = FREEZER_AGAIN.format(second="the Harbourside pantry")
    for a, b in ((first, second), (second, first)):
        assert _loop(a, b).reused
        assert not [c for c in _loop(a, b).contradictions if c.kind == "company"]


LANGUAGES = (
    "I ran parent communications at Fairhill Academy. Many families did not read English, so "
    "I set up a phone tree with volunteer parents who spoke {n} languages, and a short recorded "
    "message for every closure. Attendance on snow days held up, and parents said they felt "
    "included for the first time."
)
LANGUAGES_AGAIN = (
    "At Fairhill Academy a lot of our families did not read English. I built a phone tree of "
    "volunteer parents who spoke {n} languages and recorded a short message for each closure. "
    "Parents told us they finally felt included."
)


def test_the_beat_reader_leaves_small_counts_to_the_slot_readers() -> None:
    # Four languages against five may be two groups of speakers; the beat reader says
    # nothing on a small count alone (what the slot readers say stands on its own).
    a, b = LANGUAGES.format(n="four"), LANGUAGES_AGAIN.format(n="five")
    da, db = Document(a), Document(b)
    found = aligned_conflicts(extract_facts(da, 0), extract_facts(db, 1), [(0, da)], [(1, db)])
    assert not [c for c in found if c.kind == "number"]
    bigger = LANGUAGES.format(n="fourteen"), LANGUAGES_AGAIN.format(n="twenty-five")
    da, db = Document(bigger[0]), Document(bigger[1])
    found = aligned_conflicts(extract_facts(da, 0), extract_facts(db, 1), [(0, da)], [(1, db)])
    assert [c for c in found if c.kind == "number"]
