"""Facts as slots: a figure conflicts only with a figure of the same slot, after tolerance.

Each error kind seen on answer sets the team never saw is tested both ways: the
tolerated form is not reported, and a true conflict of the same shape still is.
The cases are written here, in several styles (terse, spoken, STAR), on purpose
unlike the labelled sets.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from scoring import AnswerInput, analyze_loop, extract_facts
from scoring.facts import MAX_FIGURES, judge_facts
from tui.analyze_cmd import run


def found(a: str, b: str) -> tuple[set[str], set[str]]:
    """(contradiction kinds, check kinds) between two tellings, both ways round."""
    conflicts, checks = judge_facts(extract_facts(a), extract_facts(b))
    back, back_checks = judge_facts(extract_facts(b), extract_facts(a))
    assert {c.kind for c in conflicts} == {c.kind for c in back}, "judging must be symmetric"
    return {c.kind for c in conflicts}, {c.kind for c in checks} | {c.kind for c in back_checks}


def conflicts(a: str, b: str) -> set[str]:
    return found(a, b)[0]


# --- slots: a figure's role ------------------------------------------------------------


def test_a_target_is_not_a_measured_result() -> None:
    measured = "Our p99 was running at about 900 ms, and after the index it dropped to 180 ms."
    with_slo = (
        "The API had a p99 SLO of 300 milliseconds and was running around 0.9 seconds. "
        "The index brought p99 to 0.18 seconds, well inside the SLO."
    )
    assert conflicts(measured, with_slo) == set()
    # Two different targets for one budget still disagree.
    assert "number" in conflicts(
        "We had a budget of $250,000 for the upgrade.",
        "Finance gave us a budget of $400,000 for the upgrade.",
    )


def test_a_limit_said_as_a_cap_or_under_agrees_with_a_value_inside_it() -> None:
    assert (
        conflicts(
            "SIM-swap fraud cases fell to under 10 cases a month.",
            "SIM-swap fraud cases fell to 8 cases a month.",
        )
        == set()
    )


def test_the_length_of_a_trial_is_not_a_measured_duration() -> None:
    a = "We ran a two-week pilot in two regions, and checkout latency fell to 200 ms."
    b = "Within three weeks of starting, checkout latency had fallen to 200 ms."
    assert conflicts(a, b) == set()
    # The same duration said twice with different values does conflict.
    assert "number" in conflicts(
        "In total, the outage lasted 45 minutes before the rollback landed.",
        "The outage lasted about three hours in total.",
    )


def test_a_later_result_is_not_the_first_result() -> None:
    first = "The model's accuracy went from 61% to 70% in the proof of concept."
    later = (
        "In the proof of concept accuracy rose from 61% to 70%. Within two months of "
        "going live, accuracy was at 78%."
    )
    assert conflicts(first, later) == set()
    assert "number" in conflicts(first, "In the proof of concept accuracy rose from 61% to 83%.")


def test_a_value_that_stayed_put_is_compared_with_the_result() -> None:
    assert "number" in conflicts(
        "Late deliveries fell from 12% to 5% after the change.",
        "A year on, late deliveries were still around 12%.",
    )


def test_a_count_of_people_is_not_a_count_of_services() -> None:
    a = "A team of six engineers moved fourteen services onto the new queue."
    b = "We were 6 engineers and we migrated 14 services in total."
    assert conflicts(a, b) == set()
    assert "number" in conflicts(a, "There were nine engineers moving fourteen services.")


def test_a_peak_is_not_the_typical_value() -> None:
    assert (
        conflicts(
            "p99 was around 900 milliseconds, with spikes above two seconds in the morning.",
            "p99 sat near 0.9 seconds before the fix.",
        )
        == set()
    )


# --- tolerance: one value said two ways ---------------------------------------------


def test_number_words_are_the_numbers_they_say() -> None:
    assert (
        conflicts(
            "we rolled it out to a hundred and fifty stores",
            "It went to 150 stores over the quarter.",
        )
        == set()
    )
    assert conflicts("I led twenty-five engineers on it.", "I led 25 engineers on it.") == set()
    assert (
        conflicts("We patched four hundred and twelve servers.", "We patched 412 servers.") == set()
    )
    # 25 against 35 of the candidate's own people: a conflict, of team size.
    assert "team" in conflicts("I led twenty-five engineers on it.", "I led 35 engineers on it.")


def test_units_are_converted_before_comparing() -> None:
    assert (
        conflicts(
            "Median auth time went from 1.4 s to 350 ms.",
            "Median auth time went from 1,400 ms to 0.35 seconds.",
        )
        == set()
    )
    assert "number" in conflicts(
        "Median auth time went from 1.4 s to 350 ms.",
        "Median auth time went from 1,400 ms to 0.6 seconds.",
    )


def test_a_hedged_value_covers_its_rounding() -> None:
    assert (
        conflicts("The migration saved about $200K a year.", "The migration saved $210K a year.")
        == set()
    )
    assert "number" in conflicts(
        "The migration saved about $200K a year.", "The migration saved $450K a year."
    )


def test_a_round_value_a_little_off_is_a_check_not_a_contradiction() -> None:
    kinds, checks = found(
        "Cloud spend dropped to $200K a year.", "Cloud spend dropped to $235K a year."
    )
    assert kinds == set()
    assert checks == {"number"}


def test_a_rate_and_its_complement_agree() -> None:
    assert (
        conflicts(
            "The crash rate fell to 0.5% of sessions.",
            "We got to 99.5% crash-free sessions.",
        )
        == set()
    )
    assert "number" in conflicts(
        "The crash rate fell to 0.5% of sessions.",
        "The crash rate fell to 2% of sessions.",
    )


def test_a_change_agrees_with_its_before_and_after() -> None:
    assert (
        conflicts("I cut p99 latency by 75%.", "p99 latency went from 400 ms to 100 ms.") == set()
    )
    assert (
        conflicts("It halved the alert count.", "Alerts went from 40 a week to 20 a week.") == set()
    )
    assert "number" in conflicts("I cut p99 latency by 75%.", "I cut p99 latency by 40%.")


def test_a_range_covers_the_values_inside_it() -> None:
    assert (
        conflicts(
            "The cutover took two or three weeks per warehouse.",
            "The cutover took three weeks per warehouse.",
        )
        == set()
    )


def test_the_same_phrase_in_both_tellings_is_not_a_conflict_of_itself() -> None:
    a = "Weekly active parents went from about 22 percent to 35 percent of installs."
    b = "Uh, so weekly active parents, that went from about 22 percent to 35 percent, roughly."
    assert conflicts(a, b) == set()


# --- non-numeric facts --------------------------------------------------------------


def test_months_of_different_events_are_not_a_date_conflict() -> None:
    kinds, _ = found(
        "In March we started the pilot at two depots.",
        "The full rollout went live in June across all depots.",
    )
    assert "date" not in kinds
    assert "date" in conflicts(
        "We launched the portal in March.", "We launched the portal in June."
    )


def test_a_recurrence_in_another_month_is_not_a_date_conflict() -> None:
    kinds, checks = found(
        "In January, first-pass yield at the test station dropped to 91 percent.",
        "In March, first-pass yield at the test station dropped again, this time to 94 percent.",
    )
    assert "date" not in kinds
    assert "date" in checks


def test_proposing_versus_being_asked_is_an_agency_flip() -> None:
    assert "agency" in conflicts(
        "I proposed that we sunset the legacy player within two quarters.",
        "When my VP asked me to sunset the legacy player, I planned it.",
    )
    assert "agency" in conflicts(
        "It was my idea to batch the uploads every fifteen minutes.",
        "My director decided we would batch uploads and assigned the project to me.",
    )
    assert "agency" in conflicts(
        "I made the call to halt the rollout.", "The director decided to halt the rollout."
    )


def test_agency_claims_about_different_work_or_negated_do_not_flip() -> None:
    # Being asked to look into a problem and proposing its fix are both true.
    assert "agency" not in conflicts(
        "My manager asked me to look into the checkout latency.",
        "I proposed a read-through cache in front of the pricing call.",
    )
    assert "agency" not in conflicts(
        "It wasn't my idea to migrate; I just did the work.",
        "My manager asked me to migrate the queue.",
    )


def test_shipped_versus_rolled_back_is_an_outcome_flip() -> None:
    assert "outcome" in conflicts(
        "The ramp went cleanly; we never had to pull it back and finished early.",
        "We did have to roll back on the second day of the ramp.",
    )
    assert "outcome" in conflicts(
        "We launched on July 1 as required, and filing never stopped.",
        "We missed July 1; the portal went live on July 22.",
    )
    assert "outcome" not in conflicts(
        "We launched on July 1 as required.", "The portal went live on July 1 as planned."
    )


def test_an_individual_contributor_title_versus_a_manager_is_a_role_flip() -> None:
    assert "role" in conflicts(
        "I was a data scientist on the pricing team, one of three who built the model.",
        "I was the manager of the pricing team, with four data scientists reporting to me.",
    )


def test_one_team_said_shorter_is_the_same_team() -> None:
    assert "team" not in conflicts(
        "I was on the clinical operations team when visits started failing.",
        "I was on the operations team when visits started failing.",
    )
    assert "team" in conflicts(
        "I was a QA engineer on the assessments team.",
        "I was a QA engineer on the mobile app team.",
    )


# --- the loop: checks apart, statements quotable ---------------------------------------

TELLING = (
    "I owned the search API. p99 latency was 1.2 seconds at peak traffic, so I added a "
    "cache and p99 went to 380 ms. Conversion rose 2%. I now load-test every cache."
)
RETELLING = (
    "On the search API I added a cache after p99 latency hit 1.2 seconds at peak traffic. "
    "Later I saw p99 near 600 ms on the dashboard. Conversion rose 2%."
)


def test_checks_are_listed_apart_and_never_lower_a_vote() -> None:
    answers = [
        AnswerInput(1, "dive-deep", TELLING),
        AnswerInput(2, "ownership", RETELLING),
    ]
    result = analyze_loop(answers)
    assert result.reused, "the two are one story"
    assert result.contradictions == ()
    assert [c.kind for c in result.checks] == ["number"]
    check = result.checks[0]
    assert "check these agree" in check.detail
    data = result.to_json()
    assert data["checks"][0]["detail"] == check.detail
    assert data["contradictions"] == []
    # A check costs nothing: the votes are those of the answers read alone.
    alone = [analyze_loop([a]).answers[0].vote for a in answers]
    assert [a.vote for a in result.answers] == alone
    assert "contradiction" not in result.outcome.reason


def test_each_side_of_a_contradiction_is_quotable_whole() -> None:
    a = (
        "At Corvid I was on the payments team when refunds to card holders took far too "
        "long. I traced the delay to a nightly batch in the ledger export, moved refunds to "
        "the real-time queue and added an alert for stuck refunds. Refund time went from 9 "
        "days to 2 days."
    )
    b = (
        "At Corvid, on the payments team, card holders waited too long for refunds because "
        "of the nightly ledger export batch. I moved refunds onto the real-time queue with an "
        "alert for stuck ones, and I got refund time down from 9 days to 4 days."
    )
    answers = [AnswerInput(1, "customer-obsession", a), AnswerInput(3, "deliver-results", b)]
    result = analyze_loop(answers)
    (c,) = result.contradictions
    first, second = c.statements
    assert (first.answer, first.round, second.answer, second.round) == (0, 1, 1, 3)
    assert a[first.start : first.end] == first.quote == "2 days"
    assert b[second.start : second.end] == second.quote == "4 days"
    assert first.sentence == "Refund time went from 9 days to 2 days."
    assert second.sentence == b[b.index("I moved") :]
    side = result.to_json()["contradictions"][0]["statements"][1]
    assert side == {
        "answer": 1,
        "round": 3,
        "sentence": second.sentence,
        "start": second.start,
        "end": second.end,
        "quote": "4 days",
    }


# --- bounded work on pasted logs ------------------------------------------------------


def _log(size: int, seed: int) -> str:
    rng = random.Random(seed)
    lines: list[str] = []
    total = 0
    while total < size:
        line = (
            f"req {rng.randint(1, 99999)} took {rng.randint(1, 900)} ms, p99 "
            f"{rng.random() * 3:.2f}s, errors {rng.randint(0, 50)}%, {rng.randint(1, 40)} "
            f"retries, cost ${rng.randint(1, 900)}K. "
        )
        lines.append(line)
        total += len(line)
    return "I pasted the log of the incident. " + "".join(lines)


def _comparisons(size: int) -> int:
    work = [0]
    judge_facts(extract_facts(_log(size, 1)), extract_facts(_log(size, 2)), work)
    return work[0]


def test_figure_comparison_work_is_bounded_on_pasted_logs() -> None:
    big = _comparisons(300_000)
    # Figures per answer are capped, and compared only within their slot's bucket.
    assert 0 < big <= 2 * MAX_FIGURES * MAX_FIGURES
    # Ten times the text costs no more comparisons than the same text at a tenth.
    assert big <= _comparisons(30_000) * 1.05
    assert len(extract_facts(_log(300_000, 3)).figures) == MAX_FIGURES


def test_the_analyze_report_lists_checks_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = "".join(
        f'[[answers]]\nround = {r}\nprinciple = "{p}"\ntext = """{t}"""\n\n'
        for r, p, t in ((1, "dive-deep", TELLING), (2, "ownership", RETELLING + " [bold]ok[/]"))
    )
    path = tmp_path / "answers.toml"
    path.write_text(body, encoding="utf-8")
    assert run(str(path), as_json=False) == 0
    out = capsys.readouterr().out
    assert "Facts to check across rounds" in out
    assert "check these agree" in " ".join(out.split())
    assert "Facts that disagree" not in out
    assert run(str(path), as_json=True) == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["kind"] for c in data["checks"]] == ["number"]
    assert data["contradictions"] == []


# --- more rules of English --------------------------------------------------------------


def test_an_idea_someone_else_suggested_is_not_the_candidates() -> None:
    assert "agency" in conflicts(
        "Our customer success lead, Ravi, suggested to us that exports should run nightly.",
        "So I came up with the idea myself that exports should run nightly, after a week "
        "with support.",
    )
    assert "agency" not in conflicts(
        "Ravi suggested that we track refunds weekly.",
        "I came up with the idea of a retry queue for exports.",
    )


def test_managing_the_team_versus_contributing_on_it_is_a_role_flip() -> None:
    assert "role" in conflicts(
        "So, um, at the studio I managed the audio team, five engineers, on a racing game.",
        "At the studio I was an individual contributor on the audio team; Mei ran it.",
    )


def test_a_team_named_after_the_verb_or_in_notes_is_the_candidates_team() -> None:
    assert "team" in conflicts(
        "When I was on the Billing team at Quillfeather I saw invoices go out twice.",
        "My team at Quillfeather was Ledger Platform, and we saw invoices go out twice.",
    )
    assert "team" in conflicts(
        "- Quillfeather, ledger team.\n- Invoices sent twice.",
        "I was in the billing group at Quillfeather when invoices went out twice.",
    )


def test_a_date_in_a_trailing_phrase_dates_the_sentence_event() -> None:
    assert "date" in conflicts(
        "The outage I remember best was at Pellham Bank, on a Friday in April 2021.",
        "During the August 2021 outage at Pellham Bank I was on call.",
    )


def test_a_company_size_is_compared_with_a_company_size() -> None:
    assert "company" in conflicts(
        "I joined a small robotics startup, around 40 people, as its first SRE.",
        "This was at the automation division of a large manufacturer, around 9,000 employees.",
    )
    assert (
        conflicts(
            "I joined a 40-person robotics startup; my team was six people.",
            "The robotics startup had about forty people when I joined.",
        )
        == set()
    )


def test_a_hedge_covers_the_rounding_of_the_number_said() -> None:
    assert "number" in conflicts(
        "Checkout p99 went from 900 ms to 300 ms before the sale.",
        "p99 came down from 900 ms to about 450 ms before the sale.",
    )
    assert (
        conflicts(
            "We moved about 3,000 merchants onto the new flow.",
            "We moved 3,150 merchants onto the new flow.",
        )
        == set()
    )


def test_rates_near_a_hundred_percent_are_told_apart_by_what_is_left() -> None:
    assert "number" in conflicts(
        "Over two quarters we got crash-free sessions to 99.8%.",
        "Our goal was 99.8% crash-free; we landed at 99.1% after two quarters.",
    )
    assert (
        conflicts(
            "Availability rose to 99.95% that quarter.", "Availability rose to 99.9% that quarter."
        )
        == set()
    )


def test_a_target_word_before_a_colon_does_not_make_the_reading_a_target() -> None:
    assert (
        conflicts(
            "Our API was breaching its SLA: p99 was around 1,400 ms, far over the 500 ms allowed.",
            "p99 latency was 1.4 s against a contractual limit of 500 ms.",
        )
        == set()
    )


def test_dividing_work_and_retiring_the_old_system_are_not_failures() -> None:
    on_time = (
        "I broke the migration into two halves. We completed both halves on time in June, "
        "and the old system was switched off at the end of that month."
    )
    assert extract_facts(on_time).outcome is not None
    assert extract_facts(on_time).outcome.value == "success"  # type: ignore[union-attr]
    assert "outcome" in conflicts(on_time, "We missed the June date and paid for an extension.")


def test_creeping_up_to_a_value_is_not_a_limit() -> None:
    # "Up to 1.4 s" would be a limit that 0.9 s sits under; "crept up to" is where it got.
    kinds, checks = found(
        "p99 latency had crept up to 1.4 seconds before the fix.",
        "p99 latency was 0.9 seconds before the fix.",
    )
    assert "number" in kinds | checks


def test_a_slot_filled_with_many_values_is_not_a_claim() -> None:
    # Two pasted logs give dozens of p99 readings each: none is a figure to hold anyone to.
    kinds, _ = found(_log(3_000, 1), _log(3_000, 2))
    assert "number" not in kinds
    # A story gives one p99 after the fix, and a retelling that changes it still conflicts.
    assert "number" in conflicts(
        "p99 was 2 s on Monday, 1.8 s on Tuesday; after the fix p99 went to 300 ms.",
        "After the fix p99 went to 700 ms.",
    )


def test_a_generic_company_noun_is_not_a_kind_of_company() -> None:
    assert found(
        "I was a solutions engineer at a company selling billing software.",
        "As a solutions engineer at a billing software vendor, I ran the pilot.",
    ) == (set(), set())


def test_values_twenty_times_apart_are_not_worth_a_check() -> None:
    _, checks = found(
        "I committed to p99 under 400 ms, which gave me five weeks.",
        "p99 came down to about 450 ms in the end.",
    )
    assert "number" not in checks


def test_tense_places_a_figure_at_either_end_of_the_story() -> None:
    # "Now takes" is the result and "was taking" the baseline: two slots, nothing to check.
    assert found(
        "The nightly reconciliation now takes 1 hour 45 minutes on a normal day.",
        "Before the rewrite, reconciliation was taking over six hours every night.",
    ) == (set(), set())
    assert "number" in conflicts(
        "The nightly reconciliation now takes 1 hour 45 minutes.",
        "The nightly reconciliation now takes 3 hours.",
    )


def test_a_check_on_a_value_does_not_hide_its_contradiction_said_later() -> None:
    # The retelling says 2.6 s first with no role (a check at most), then as the baseline
    # ("from 2.6 seconds"), which contradicts the other telling's baseline.
    conflicts_, _ = judge_facts(
        extract_facts(
            "Our p99 latency was 2.6 seconds at the sale. p99 dropped from 2.6 seconds to 300 ms."
        ),
        extract_facts("p99 went from 1.4 seconds to 300 ms after the coupon fix."),
    )
    assert [c.kind for c in conflicts_] == ["number"]
    assert "2.6" in conflicts_[0].a and "1.4" in conflicts_[0].b


def test_the_date_a_telling_opens_with_is_when_the_story_happened() -> None:
    assert "date" in conflicts(
        "In Q1 2022 at a garden retailer, I noticed shoppers leaving at the delivery step.",
        "The delivery picker is my clearest result. It was Q3 2022, and shoppers saw a vague "
        "range.",
    )


def test_a_value_that_stayed_is_where_the_story_ended() -> None:
    # The baseline said again without a role must not stand in for the ending.
    assert "number" in conflicts(
        "About 15% of appointments were missed. No-shows fell from 15% to 10%.",
        "About 15% of appointments were missed. After six months no-shows were still around 15%.",
    )
