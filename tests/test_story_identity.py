"""Story identity: two tellings are one story when they share the specifics of one event.

Each case is a pair a careful interviewer would judge at a glance; the loop is
analysed as the debrief would (``analyze_loop``), and its reuse list is what the
user sees. Different roles and styles on purpose: a summary against a long
telling, one employer with two stories, short answers sharing a word, one story
framed for two principles.
"""

from __future__ import annotations

import re

import pytest

from scoring import AnswerInput, analyze_loop, story_similarity
from scoring.similarity import REUSE_THRESHOLD, shared_specifics, specifics, two_events

# A data engineer's story, long and short.
PIPELINE_LONG = (
    "I was a data engineer at a grocery delivery company, on the analytics platform team. "
    "Every morning the finance dashboards were late, sometimes until eleven, because the "
    "nightly load into the warehouse took about six hours. Nobody owned the whole pipeline; "
    "each team owned one stage. I traced the run stage by stage and found that the orders "
    "export rewrote the full orders table every night, 900 million rows, although fewer than "
    "2 percent changed in a day. I proposed an incremental export keyed on the updated-at "
    "column, wrote a comparison job that checked the new output against the full export for "
    "two weeks, and walked the finance analysts through the change before the cutover. After "
    "it shipped the nightly load took 50 minutes instead of six hours, the dashboards were "
    "ready by seven, and the warehouse bill for that job fell by 70 percent. I now ask what "
    "fraction of the data actually changes before I accept a full rewrite as the design."
)
PIPELINE_SUMMARY = (
    "At the grocery delivery company the nightly warehouse load took six hours because the "
    "orders export rewrote all 900 million rows every night. I made the export incremental "
    "on the updated-at column; the load dropped to 50 minutes and the job's cost fell 70 "
    "percent."
)
# Same employer, same team, same warehouse and dashboards: another event.
WAREHOUSE_ACCESS = (
    "I was a data engineer at a grocery delivery company, on the analytics platform team. "
    "In our warehouse, every analyst had read access to every table, including one holding "
    "customer phone numbers and addresses, and the security review flagged it. Revoking "
    "access outright would have broken dozens of dashboards that joined on that table. I "
    "catalogued which dashboards used personal columns, built masked views that hashed the "
    "phone and address fields, moved the dashboards onto the views over three sprints, and "
    "only then removed direct access. The audit closed with no findings, and only four "
    "people in customer support kept access to the raw table. I learned to migrate the "
    "readers before removing a door."
)

# One product, one metric, one role, two launches two years apart.
REMINDERS_2021 = (
    "I was the product manager for the patient app at a chain of dental clinics. In 2021 "
    "missed appointments were our biggest cost: the no-show rate was about 18 percent, and "
    "each empty chair cost a clinic roughly $150. I proposed text reminders two days and two "
    "hours before each visit, with a one-tap reschedule link, and ran a pilot in six clinics "
    "against six similar clinics without it. The no-show rate in the pilot clinics fell to "
    "11 percent, so we rolled reminders out to all 80 clinics that autumn. I learned to pilot "
    "against a comparison group, because seasonality alone moves no-shows a lot."
)
WAITLIST_2023 = (
    "As product manager for the patient app at the dental clinic chain, in 2023 I looked at "
    "why the no-show rate had crept back up to 14 percent. Most late cancellations left a "
    "chair empty because nobody could be called in time. I designed a waitlist: patients "
    "could opt in to be offered an earlier slot, and when someone cancelled, the app offered "
    "the slot to the waitlist by push notification, first to accept wins. Within a quarter, "
    "62 percent of late-cancelled slots were refilled and chair utilisation rose by 5 "
    "points. The lesson was that a cancellation is only a loss if nobody else can use it."
)

# Two people, two employers, one kind of work and one headline figure.
ONCALL_KESTREL = (
    "At Kestrel Freight I was on call for the shipment-tracking service, and pages had "
    "become constant: about 120 a week, most of them noise. I went through a month of "
    "pages, deleted alerts nobody acted on, and turned the rest into alerts on customer "
    "impact with a runbook link each. Pages fell to about 15 a week and mean time to "
    "acknowledge went down by 60 percent."
)
ONCALL_HARBOR = (
    "**Situation:** At Harbor Pay, the payouts on-call rotation was burning people out. "
    "**Action:** I sorted a month of pages by whether anyone did something about them, "
    "deleted alerts nobody acted on, and merged duplicates that fired for one "
    "fault. **Result:** Weekly pages dropped from about 90 to 20 and mean time to "
    "acknowledge went down by 60 percent; two engineers who had asked to leave the rotation "
    "stayed."
)

# One story, the second telling misdating it.
OVERBOOKING = (
    "In 2022 I was a support engineer at a hotel booking platform. Hotels complained that"
    " rooms sold on our site were sometimes already taken, because the availability sync "
    "from their property systems ran only every 30 minutes. Overbookings were running at "
    "about 40 a week, each one a guest turned away at the desk. I proposed pushing "
    "changes through webhooks instead of polling, built the webhook receiver for the "
    "three biggest property systems, and kept polling as a fallback. Overbookings fell to"
    " about 5 a week. I learned to measure a sync by how stale the data is when someone "
    "acts on it."
)
OVERBOOKING_MISDATED = (
    "Back in 2019, at the hotel booking platform, guests kept arriving to find their room"
    " sold twice, since availability from the hotels' property systems reached us only "
    "every 30 minutes. I owned fixing it even though integrations were another team's "
    "code. I wrote the case for webhooks, got the integrations lead to accept polling as "
    "a fallback, and built the receiver myself. Overbookings became rare, and the "
    "integrations team now runs the receiver."
)

# One candidate's loop: five stories from one bank and one team, and a retelling.
BANK_OTHERS = [
    "At the digital bank I was a backend engineer on the ledger team. Card transactions from "
    "the processor arrived in a nightly file, and when the file was late the whole "
    "reconciliation slipped and customers saw stale balances in the app each morning. I "
    "replaced the nightly file with the processor's event stream, posting each transaction "
    "to the ledger as it arrived, and kept the file as a check. Balances in the app went "
    "from up to a day stale to under a minute, and support tickets about wrong balances "
    "fell by half.",
    "I mentored a new engineer on the ledger team at the digital bank. She was strong on "
    "code but avoided the account-closure work because the rules were scary. I paired "
    "with her on the first two closures, then had her write the runbook for the rest. "
    "Within a quarter she owned account closures and reviewed my changes to them.",
    "At the digital bank, our card dispute process needed an engineer to pull transaction "
    "history by hand for every dispute, about 300 a week. I built a small tool that "
    "assembled the card transactions, ledger entries and account notes for a dispute in "
    "one page. Disputes were resolved in two days instead of six, and the operations team "
    "stopped asking engineers for exports.",
]
BANK_INTEREST = (
    "I was a backend engineer at a digital bank, on the ledger team. Savings customers "
    "started writing in that their monthly interest was a few cents off, and finance was "
    "correcting accounts by hand after every month-end reconciliation. I compared our "
    "interest job with the product terms and found we computed interest on the balance at "
    "midnight, while the terms promised the average daily balance, so accounts with card "
    "transactions late in the day were paid wrongly. I rewrote the job to accrue daily from "
    "ledger entries and ran it in parallel with the old one for two month-ends. Manual "
    "corrections went from about 150 accounts a month to none."
)
BANK_STATEMENTS = (
    "At the digital bank I was a backend engineer on the ledger team, and our monthly "
    "statements were generated by a batch that read every account's transactions straight "
    "from the ledger database. As customer numbers grew the batch ran for eleven hours and "
    "slowed card transactions for everyone while it ran. I moved statement generation onto "
    "a read replica, split the batch by account range so it ran in parallel, and added a "
    "reconciliation check that each statement's closing balance matched the ledger. The "
    "batch finished in under two hours and card authorisation latency stayed flat during "
    "statement runs."
)
BANK_INTEREST_AGAIN = (
    "The interest bug at the digital bank: we paid savings interest on the midnight balance "
    "instead of the average daily balance the terms promised, so finance hand-corrected about "
    "150 accounts a month. I rewrote the job to accrue daily from ledger entries, ran both "
    "for two month-ends, and the corrections stopped."
)

# One release story told twice; 'the first release' is part of it, not another event.
RELEASE_OWNERSHIP = (
    "At a fitness app startup I owned the Android release train. The first release after "
    "we moved to weekly releases crashed on launch for people upgrading from an old "
    "version, because a database migration assumed a column that older installs lacked. I"
    " halted the staged rollout at 5 percent, wrote the missing migration step, and added"
    " an upgrade test that installs each of the last six versions before the new one. The"
    " fixed build went out the next day, and upgrade crashes have stayed at zero since."
)
RELEASE_FAILURE = (
    "A failure of mine: when our fitness app went to weekly Android releases, I shipped a"
    " build whose database migration broke for people upgrading from old versions, and it"
    " crashed at launch for them. The staged rollout caught it at 5 percent. What I "
    "learned was that we had only ever tested fresh installs, so I built an upgrade test "
    "that walks through the last six versions. It has caught two more broken migrations "
    "since."
)

# One story told for two principles, in different words.
FIRMWARE_OWNERSHIP = (
    "At a company making smart thermostats I owned the over-the-air update service. After a "
    "release, 3 percent of devices in the field got stuck in a reboot loop because the "
    "update wrote the new image over the only copy of the bootloader config. Nobody had "
    "asked me to, but I paused the rollout, wrote a recovery image that restored the config "
    "from the backup partition, and pushed it to the 41,000 affected thermostats within two "
    "days. Then I changed the update service so every image is staged in the spare partition "
    "and only swapped after a health check. There has been no reboot loop since."
)
FIRMWARE_EARN_TRUST = (
    "The hardest conversation I had was with our support lead after the thermostat reboot "
    "loop. Her team had taken thousands of angry calls, and she did not trust engineering's "
    "promise that it was fixed. I sat with her agents for a morning, showed them the "
    "recovery image that reached all 41,000 affected devices, and explained the new staged "
    "update with a health check before any swap. I also gave her a weekly report of update "
    "failures, so she would hear about problems from us first. After a few weeks she "
    "started forwarding odd customer reports to me directly, which is when I knew the trust "
    "was back. The reboot loop had hit 3 percent of the fleet; it has not come back."
)

# Short generic answers by two different people.
SHORT_DEADLINE = (
    "In my last job we had a tight deadline for a client report. I split the work with a "
    "colleague, we checked in twice a day, and we delivered on time. The client was happy "
    "and I learned to plan early."
)
SHORT_CONFLICT = (
    "At my previous job two colleagues disagreed about a client deadline. I listened to "
    "both, found a compromise on the schedule, and we delivered on time. I learned that "
    "listening early avoids conflict later."
)

# Two incidents at one studio, the second pointing back at the first.
CRASH_FIRST = (
    "I was a mobile engineer at a studio making a puzzle game. After a content update, "
    "crash-free sessions on Android fell from 99.5 percent to 97 percent, mostly on phones "
    "with little memory. I reproduced it on a cheap phone, found the new levels loaded every "
    "sound file at start-up, and switched to loading sounds per level. Crash-free sessions "
    "went back to 99.5 percent within a week of the fix."
)
CRASH_SECOND = (
    "At the puzzle game studio, crash-free sessions on iOS fell to about 98 percent after we "
    "upgraded the analytics SDK, and this time the crash was in the SDK's start-up on older "
    "iPhones. I turned the SDK off with a remote flag on the affected devices and we shipped "
    "a fix with the older SDK version two days later. Crash-free sessions recovered to 99.6 "
    "percent."
)


def reused(a: str, b: str, pa: str = "ownership", pb: str = "dive-deep") -> list[dict[str, object]]:
    loop = [AnswerInput(1, pa, a), AnswerInput(2, pb, b)]
    result: list[dict[str, object]] = analyze_loop(loop).to_json()["reused"]
    return result


def test_a_summary_of_a_long_telling_is_the_same_story() -> None:
    found = reused(PIPELINE_LONG, PIPELINE_SUMMARY)
    assert len(found) == 1
    evidence = found[0]["evidence"]
    assert isinstance(evidence, list)
    # The shared specifics, with their units: the figures a reader would check.
    assert any("900 million" in e for e in evidence)
    assert any("50 minutes" in e for e in evidence)


def test_another_story_from_the_same_employer_and_team_is_not_reuse() -> None:
    assert reused(PIPELINE_LONG, WAREHOUSE_ACCESS) == []
    assert story_similarity(PIPELINE_LONG, WAREHOUSE_ACCESS) < REUSE_THRESHOLD


def test_two_launches_of_one_product_years_apart_are_two_stories() -> None:
    """Same app, role and metric (the no-show rate); different years, problem and fix."""
    assert reused(REMINDERS_2021, WAITLIST_2023, "invent-and-simplify", "customer-obsession") == []


def test_like_stories_at_differently_named_employers_are_two_stories() -> None:
    """A shared metric and figure ('60 percent') does not make Kestrel's story Harbor's."""
    assert reused(ONCALL_KESTREL, ONCALL_HARBOR) == []


def test_a_close_retelling_with_another_year_is_one_story_with_a_date_conflict() -> None:
    """A differing year parts only loosely similar tellings; here the problem (the
    30-minute sync), the fix (a webhook receiver, polling kept as fallback) match."""
    loop = [
        AnswerInput(1, "dive-deep", OVERBOOKING),
        AnswerInput(2, "ownership", OVERBOOKING_MISDATED),
    ]
    result = analyze_loop(loop)
    assert len(result.reused) == 1
    assert [c.kind for c in result.contradictions] == ["date"]


def test_one_story_framed_for_two_principles_is_reuse() -> None:
    found = reused(FIRMWARE_OWNERSHIP, FIRMWARE_EARN_TRUST, "ownership", "earn-trust")
    assert len(found) == 1
    evidence = " | ".join(str(e) for e in found[0]["evidence"])  # type: ignore[union-attr]
    assert "41,000" in evidence and "3 percent" in evidence


def test_short_answers_sharing_a_word_or_two_are_not_one_story() -> None:
    assert reused(SHORT_DEADLINE, SHORT_CONFLICT) == []
    assert story_similarity(SHORT_DEADLINE, SHORT_CONFLICT) < REUSE_THRESHOLD


def test_a_telling_that_points_back_at_an_earlier_incident_is_another_story() -> None:
    assert reused(CRASH_FIRST, CRASH_SECOND) == []


def test_evidence_names_specifics_never_common_words() -> None:
    """Evidence is what a reader can check in both answers: no 'shared words: job'."""
    found = reused(PIPELINE_LONG, PIPELINE_SUMMARY) + reused(
        FIRMWARE_OWNERSHIP, FIRMWARE_EARN_TRUST
    )
    evidence = [str(e) for r in found for e in r["evidence"]]  # type: ignore[union-attr]
    assert evidence
    assert not any(e.startswith("shared words") for e in evidence)
    common = {"job", "team", "company", "customer", "time", "data", "engineer"}
    assert not any(e.lower() in common for e in evidence)
    # A bare number word is not shown alone: 'two' says nothing without its unit.
    assert not any(re.fullmatch(r"(?i)one|two|three|four|five|six|seven", e) for e in evidence)


def test_story_similarity_is_symmetric_with_the_verdict() -> None:
    for a, b in ((PIPELINE_LONG, PIPELINE_SUMMARY), (PIPELINE_LONG, WAREHOUSE_ACCESS)):
        assert (story_similarity(a, b) >= REUSE_THRESHOLD) == (
            story_similarity(b, a) >= REUSE_THRESHOLD
        )


def test_number_words_and_bland_words_do_not_make_a_distinctive_phrase() -> None:
    """'moved two', 'became rare', 'nobody acted' are English, not an event's name."""
    a = specifics(
        "I moved two internal testers onto the release, nobody acted on the old alerts, and "
        "failures became rare once the billing reconciler ran nightly."
    )
    b = specifics(
        "We moved two internal people over; nobody acted on warnings; outages became rare "
        "after the billing reconciler was scheduled."
    )
    shared = shared_specifics(a, b)
    assert shared.phrases == ("bill reconciler",)


def test_in_a_loop_the_candidates_own_vocabulary_is_not_evidence() -> None:
    """Every story here is at the bank, on the ledger, about accounts and card
    transactions: read alone, two of them can look alike (the interest job and the
    statement batch); read with the candidate's other answers, those words say who is
    speaking. The real retelling is still found."""
    loop = [
        AnswerInput(1, "ownership", BANK_INTEREST),
        *(AnswerInput(2 + k, "earn-trust", t) for k, t in enumerate(BANK_OTHERS)),
        AnswerInput(5, "dive-deep", BANK_STATEMENTS),
    ]
    assert analyze_loop(loop).reused == ()
    retold = [*loop, AnswerInput(6, "deliver-results", BANK_INTEREST_AGAIN)]
    assert [r.answers for r in analyze_loop(retold).reused] == [(0, 5)]


def test_the_first_release_of_a_story_is_not_a_pointer_to_another_event() -> None:
    """Only 'this time', 'our earlier migration', 'as on other pilots' point back at
    another event; 'the first release after we moved to weekly releases' is this one."""
    assert two_events(specifics(RELEASE_OWNERSHIP), specifics(RELEASE_FAILURE)) is None
    assert two_events(specifics(CRASH_FIRST), specifics(CRASH_SECOND)) is not None


def test_the_same_short_answer_in_every_round_is_one_story_told_again():
    """Its words are in every telling, so they weigh nothing as the loop's own, and it is
    too short for the specifics a short retelling needs: said again word for word, it
    is still one story."""
    from scoring import AnswerInput, analyze_loop

    said = "I cut the cost by 10% in 2 weeks."
    slots = [(1, "ownership"), (2, "frugality"), (3, "dive-deep"), (4, "earn-trust")]
    result = analyze_loop([AnswerInput(r, p, said) for r, p in slots], None).to_json()
    assert len(result["reused"]) == 6
    different = [
        AnswerInput(1, "ownership", "I cut the cost by 10% in 2 weeks."),
        AnswerInput(2, "frugality", "I hired two people for the night shift in March."),
    ]
    assert analyze_loop(different, None).to_json()["reused"] == []


def test_a_repeated_answer_is_found_among_many_without_comparing_every_pair() -> None:
    """The repeated-answer pass finds exactly the pairs an all-pairs comparison finds.

    It only compares pairs that share a rare word early in their ordering (the exact
    prefix filter); were that filter wrong, a candidate who said one answer twice would
    not be told so. Texts are drawn from a small vocabulary, with words dropped, added
    and swapped, so many pairs sit near the threshold from both sides.
    """
    import random

    from scoring.similarity import NEAR_IDENTICAL, near_identical, word_overlap

    rng = random.Random(11)
    vocab = [f"word{i}" for i in range(30)]
    for _ in range(60):
        base = [rng.choice(vocab) for _ in range(rng.randint(4, 40))]
        texts = []
        for _ in range(10):
            words = list(base) if rng.random() < 0.6 else [rng.choice(vocab) for _ in base]
            for _ in range(rng.randint(0, 4)):
                spot = rng.randrange(len(words) + 1)
                if rng.random() < 0.5 and spot < len(words):
                    words.pop(spot)
                else:
                    words.insert(spot, rng.choice(vocab))
            texts.append(" ".join(words))
        every_pair = {
            (i, j): overlap
            for i in range(10)
            for j in range(i + 1, 10)
            if (overlap := word_overlap(texts[i], texts[j])) >= NEAR_IDENTICAL
        }
        assert near_identical(texts, lambda i, j: True) == every_pair


# A procurement analyst's story, told twice in under 60 words, each figure said another way.
SEATS_FIRST = (
    "At the university I matched single-sign-on logs against our software invoices. About a "
    "fifth of the paid seats had no login in ninety days. After warning each owner, we "
    "cancelled 1,140 seats and saved £210,000 a year."
)
SEATS_AGAIN = (
    "My licence clean-up: sign-in records joined to invoice lines showed one seat in five "
    "idle for three months. It came to a bit over eleven hundred seats and about two hundred "
    "thousand pounds a year."
)
# Same analyst, another short story: different amounts, one shared round span.
SEATS_OTHER = (
    "At the university I renegotiated our survey tool contract. Usage had doubled in three "
    "months, so I asked for a volume tier, and we signed 4,000 seats for £38,000 a year "
    "instead of £61,000."
)


def test_short_tellings_match_on_amounts_said_in_other_words():
    result = analyze_loop(
        [
            AnswerInput(1, "frugality", SEATS_FIRST, None, "main", None),
            AnswerInput(2, "dive-deep", SEATS_AGAIN, None, "main", None),
        ]
    )
    assert [r.answers for r in result.reused] == [(0, 1)]
    evidence = " ".join(result.reused[0].evidence)
    assert "1,140 seats" in evidence and "£210,000" in evidence
    assert not result.contradictions


def test_short_stories_with_different_amounts_are_not_matched():
    result = analyze_loop(
        [
            AnswerInput(1, "frugality", SEATS_FIRST, None, "main", None),
            AnswerInput(2, "deliver-results", SEATS_OTHER, None, "main", None),
        ]
    )
    assert not result.reused


def test_a_colleague_named_in_two_different_stories_does_not_make_them_one():
    first = (
        "On the renal ward, Dr Okafor and I looked at why nurses overrode so many dose "
        "alerts in the prescribing system. We pulled a month of overrides, found two "
        "duplicate checks firing on every order, and had them switched off."
    )
    second = (
        "Dr Okafor asked me to mentor a newly qualified nurse who was struggling with "
        "overrides of the pump alarms on nights. We met weekly, I shadowed two of her "
        "shifts, and by spring she was running the night shift herself."
    )
    result = analyze_loop(
        [
            AnswerInput(1, "dive-deep", first, None, "main", None),
            AnswerInput(2, "hire-and-develop-the-best", second, None, "main", None),
        ]
    )
    assert not result.reused


def test_the_same_short_answer_with_different_follow_ups_is_said_again():
    """Found by a stranger in tmux: one short answer in two rounds, each followed by other
    follow-up answers, was not reported as the same story."""
    same = "I led the fix myself at Tailspin and cut errors by 30 percent in 2 weeks."
    first_follow = "I measured errors in Datadog."
    second_follows = (
        "I read the logs line by line for a day.",
        "Next time I would add tracing first.",
    )
    result = analyze_loop(
        [
            AnswerInput(1, "ownership", same, None, "main", None),
            AnswerInput(1, "ownership", first_follow, None, "follow-up", None),
            AnswerInput(2, "dive-deep", same, None, "main", None),
            *(AnswerInput(2, "dive-deep", t, None, "follow-up", None) for t in second_follows),
        ]
    )
    assert [r.answers for r in result.reused] == [(0, 2)]


def _judged(path: str, pair_id: str) -> tuple[bool, float, int]:
    """``same_story`` on one labelled pair: (verdict, similarity, specifics matched)."""
    import json
    from pathlib import Path

    from scoring.similarity import Corpus, same_story

    pairs = json.loads((Path(__file__).parent / "labelled" / path).read_text())["pairs"]
    pair = next(p for p in pairs if p["id"] == pair_id)
    a, b = pair["first"]["text"], pair["second"]["text"]
    corpus = Corpus([a, b])
    same, score, shared = same_story(corpus.document(0, a), corpus.document(1, b), corpus.common)
    return same, score, shared.items


@pytest.mark.parametrize(
    ("path", "pair_id"),
    [
        # Two stories by one candidate at one employer, sharing one thing: "503s", "store
        # visits", "six months". At this faint a similarity one specific is not one event.
        ("blind8_pairs.json", "e24"),
        ("blind8_pairs.json", "f29"),
        ("blind8_pairs.json", "f28"),
        ("blind7_pairs.json", "c29"),
    ],
)
def test_one_shared_specific_at_a_faint_similarity_is_two_stories(path: str, pair_id: str) -> None:
    same, score, items = _judged(path, pair_id)
    assert score < 0.23 and items <= 1  # f29's one specific is in its headline setting now
    assert not same


def test_two_shared_specifics_at_a_faint_similarity_still_make_one_story() -> None:
    same, score, items = _judged("blind6_pairs.json", "D29")
    assert score < 0.23 and items >= 2
    assert same
