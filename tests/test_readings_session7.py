"""Results of one change, and rates said in words: each rule both ways.

Every sentence here is ours, written for the rule it tests. A pair is two tellings of
one story; the question is whether the engine reports a contradiction of the kind.
"""

from __future__ import annotations

import pytest

from scoring import AnswerInput, analyze_loop
from scoring.facts import extract_facts

MOULD = (
    " I pulled eight weeks of reject tickets from the moulding cell and lined them up "
    "against shift, tool number and resin lot. The rejects clustered on the night shift, "
    "whenever tool 4 ran first after the weekend shutdown, because it started cold. I "
    "wrote a warm-up step into the start-of-shift checklist and walked the night lead "
    "through it myself. "
)


def number_findings(first: str, second: str) -> tuple[list[str], list[str]]:
    """(contradiction kinds, check kinds) between two tellings of the moulding story."""
    a = AnswerInput(1, "ownership", MOULD + first, None, "main", None)
    b = AnswerInput(2, "dive-deep", MOULD + second, None, "main", None)
    result = analyze_loop([a, b], None)
    assert result.reused, "the two tellings should be judged one story"
    return [c.kind for c in result.contradictions], [c.kind for c in result.checks]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # The start agrees, so the two ends are the one result, though neither says of what.
        (
            "The reject rate came down from 6.2% to 1.9% the next month.",
            "Within a month it went from about six percent to three and a half percent.",
        ),
        # A start with no 'from': the nearest earlier figure of the kind.
        (
            "Each changeover took about four hours. After the fix it was down to 35 minutes.",
            "A changeover took a bit over four hours and came down to about an hour and a half.",
        ),
        # A rate said once, its second end left in the first one's period.
        (
            "Complaints from the assembly line went from around ninety a month to 22.",
            "Complaints from assembly went from, like, ninety a month to about fifty.",
        ),
    ],
)
def test_two_results_of_one_change_from_one_start_conflict(first: str, second: str) -> None:
    contradictions, _ = number_findings(first, second)
    assert contradictions == ["number"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # The same result in other words.
        (
            "The reject rate came down from 6.2% to 1.9% the next month.",
            "It went from about six percent to just under two percent.",
        ),
        # Two different starts: two different changes, not one result told twice.
        (
            "Each changeover took about four hours. After the fix it was down to 35 minutes.",
            "Our weekly review took about two hours, and with the new sheet it came down to "
            "an hour and a half.",
        ),
        # A later reading beside the first result.
        (
            "The reject rate came down from 6.2% to 1.9% the next month.",
            "It went from 6.2% to 3.5% in the first week, and a month later it was 1.9%.",
        ),
    ],
)
def test_results_that_agree_or_belong_to_other_changes_do_not_conflict(
    first: str, second: str
) -> None:
    contradictions, _ = number_findings(first, second)
    assert contradictions == []


def roles_of(text: str) -> list[tuple[float, str | None]]:
    return [(round(f.value, 3), f.role) for f in extract_facts(text).figures]


def test_a_figure_that_grew_to_a_value_is_not_told_as_the_result() -> None:
    # What had grown is the problem before the fix, or a result that rose: the words
    # alone do not say which end of the story it is.
    assert roles_of("By March the queue had grown to 300 tickets.") == [(300.0, None)]
    assert roles_of("By March the queue was down to 300 tickets.") == [(300.0, "after")]


def test_a_counted_rate_keeps_its_period_at_both_ends() -> None:
    said = extract_facts("Complaints went from about ninety a month to about fifty.").figures
    assert [(f.family, f.unit, f.per) for f in said] == [("count", "ticket", "year")] * 2
    assert [round(f.value) for f in said] == [1080, 600]


def values_of(text: str) -> list[tuple[float, str, str | None]]:
    return [(round(f.value, 1), f.family, f.per) for f in extract_facts(text).figures]


@pytest.mark.parametrize(
    ("said", "values"),
    [
        # Hundreds said short, as people do aloud.
        ("Pages went from about three-forty to roughly a hundred and twenty.", [340, 120]),
        # A ratio with any number after it.
        ("Late deliveries fell from one in five to one in twenty-five.", [20, 4]),
        # A number said in words keeps the period said after it.
        ("We were at something like three hundred and forty pages a week.", [340 * 52]),
    ],
)
def test_numbers_said_aloud(said: str, values: list[float]) -> None:
    assert [v for v, _, _ in values_of(said)] == pytest.approx(values)


def test_a_clock_time_is_not_hundreds_said_short() -> None:
    assert 340 not in [v for v, _, _ in values_of("I was paged at three-forty in the morning.")]


@pytest.mark.parametrize(
    "said",
    [
        "Alerts went from 60 to 18 a week.",
        "Alerts went from sixty pages to eighteen a week.",
        "Weekly pages dropped from about sixty to roughly eighteen.",
    ],
)
def test_both_ends_of_a_change_share_the_period_said_once(said: str) -> None:
    ends = values_of(said)
    assert [per for _, _, per in ends] == ["year", "year"]
    assert [v for v, _, _ in ends] == pytest.approx([60 * 52, 18 * 52])


def test_how_things_stood_is_not_where_they_ended() -> None:
    said = roles_of("Trial-to-paid conversion had been flat at around 9% for a year.")
    assert said[0] == (9.0, "before")
    said = roles_of("Trial-to-paid went from 9 to about 13 percent.")
    assert said == [(9.0, "before"), (13.0, "after")]


ROTA = (
    "Our ward's paper rota meant nurses learned their shifts a day late and swaps got lost. "
    "I mapped every swap for a month and found most went through one shared notebook. "
    "I set up a shared electronic rota with the ward clerk and trained the band five nurses. "
)


def outcome_kinds(first: str, second: str) -> list[str]:
    """Contradiction kinds between two tellings of the rota story, each with its ending."""
    a = AnswerInput(1, "ownership", ROTA + first, None, "main", None)
    b = AnswerInput(2, "dive-deep", ROTA + second, None, "main", None)
    result = analyze_loop([a, b], None)
    assert result.reused, "the two tellings should be judged one story"
    return [c.kind for c in result.contradictions]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Going live was a milestone; going back to the old way after it is the ending.
        ("The electronic rota went live in March and it's still how the ward runs shifts.",
         "Once we switched over, the clerk found gaps in the night cover, and after a month "
         "matron had us go back to the paper rota."),
        # Rolled out to a number of places is the work spreading, not being pulled.
        ("It was rolled out across four other wards that spring.",
         "When it went to the divisional review it was quietly shelved."),
        # On time against late, however each says it.
        ("We went live on the first of May, a week inside the deadline.",
         "In the end we slipped, and went live in June, about four weeks late."),
    ],
)  # fmt: skip
def test_endings_said_in_other_shapes_conflict(first: str, second: str) -> None:
    assert "outcome" in outcome_kinds(first, second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # A part of the work running late is the problem, not how the work went out.
        ("Training ran two weeks late because of sickness. We still went live on the agreed "
         "date.",
         "We went live on the agreed date."),
        ("It was rolled out across four other wards that spring.",
         "The other wards adopted it that spring too."),
    ],
)  # fmt: skip
def test_endings_that_agree_in_other_shapes_do_not_conflict(first: str, second: str) -> None:
    assert "outcome" not in outcome_kinds(first, second)


REFUNDS = (
    "In March 2021 I was running the returns desk at a garden centre chain, and our refund "
    "backlog had reached about 1,300 cases, some of them six weeks old. I split the backlog "
    "into cases we could refund from the till receipt alone and cases needing a photo from the "
    "customer, put two part-timers on a 'receipt only' queue, and ran three Sunday catch-up "
    "sessions. By the end of April the backlog was under 200 and the oldest case was four days "
    "old."
)
REFUNDS_RETOLD = (
    "In spring 2022 refunds at the garden centre had piled up to roughly thirteen hundred, some "
    "six weeks old, and head office kept promising temps who never came. I had the team triage "
    "everything: anything provable from a receipt went to a receipt-only queue, the rest waited "
    "on customer evidence. Three Sunday catch-up sessions later we were below two hundred."
)


def test_a_retelling_that_slips_the_year_is_one_story_with_a_date_contradiction() -> None:
    # The same backlog, figures and fix, told in other words: the year is the slip.
    a = AnswerInput(1, "ownership", REFUNDS, None, "main", None)
    b = AnswerInput(2, "bias-for-action", REFUNDS_RETOLD, None, "main", None)
    result = analyze_loop([a, b], None)
    assert result.reused
    assert [c.kind for c in result.contradictions] == ["date"]


@pytest.mark.parametrize(
    ("said", "year"),
    [
        ("In 2022 refunds piled up at the desk.", 2022),
        ("In spring 2022 refunds piled up at the desk.", 2022),
        ("Since 2019 tickets have come through one inbox.", 2019),
    ],
)
def test_a_year_is_read_though_a_plural_noun_follows_it(said: str, year: int) -> None:
    from scoring.similarity import specifics

    assert specifics(said).years == {year}


def test_a_count_after_of_is_not_a_year() -> None:
    from scoring.similarity import specifics

    assert specifics("We grew to a base of 2000 users.").years == frozenset()


def companies(text: str) -> list[str]:
    return [f.value for f in extract_facts(text).facts if f.kind == "company"]


@pytest.mark.parametrize(
    ("said", "company"),
    [
        ("I ran IT support for a chain of dental practices, Brightsmile, across the north.",
         "brightsmile"),
        ("At the Travelodge in central Manchester I was duty manager.", "travelodge"),
        ("I was night manager at the Harbourview near Brighton for two years.", "harbourview"),
    ],
)  # fmt: skip
def test_an_employer_named_after_what_it_is_made_of_or_by_where_it_stands(
    said: str, company: str
) -> None:
    assert companies(said) == [company]


def test_a_capitalised_place_noun_is_not_an_employer() -> None:
    assert companies("We met at the Depot in Leeds every Monday.") == []


def teams(text: str) -> list[str]:
    return [f.value for f in extract_facts(text).facts if f.kind == "team"]


@pytest.mark.parametrize(
    ("said", "team"),
    [
        # The article dropped, as often in English learned later in life.
        ("I was QA lead in payments team of a travel company in Berlin.", ["payments"]),
        ("As tester in mobile squad I saw the crash first.", ["mobile"]),
        # Not a team: what the team was doing, or being in charge of something.
        ("It was not my task, my team was working on other things.", []),
        ("I was in charge of hiring team members that spring.", []),
        ("My team at Brightwater was Catalog Quality.", ["catalog quality"]),
    ],
)
def test_the_candidates_team_said_without_an_article(said: str, team: list[str]) -> None:
    assert teams(said) == team


@pytest.mark.parametrize(
    ("said", "who"),
    [
        ("My manager, Tom, was the one who said we should try a smaller model.", "manager"),
        ("I said we should try a smaller model first.", "candidate"),
    ],
)
def test_advice_to_try_something_is_a_proposal(said: str, who: str) -> None:
    from scoring.agency import STARTED, claims

    assert [(kind, whose) for kind, whose, *_ in claims(said)] == [(STARTED, who)]


def test_advice_denied_claims_nothing() -> None:
    from scoring.agency import claims

    assert claims("I never said we should cut it.") == []


@pytest.mark.parametrize(
    ("said", "low", "high"),
    [
        ("We checked it against several million invoices.", 3e6, 9e6),
        ("It affected a few hundred users.", 200, 500),
    ],
)
def test_some_number_of_a_scale_is_a_span_not_the_scale(said: str, low: float, high: float) -> None:
    (figure,) = extract_facts(said).figures
    assert (figure.low, figure.high) == (low, high)


def test_a_count_inside_a_vague_span_is_not_a_number_conflict() -> None:
    first = "We replayed the new rounding code over several million invoices before release."
    second = "We replayed the new rounding code over nine million invoices before release."
    contradictions, _ = number_findings(first, second)
    assert contradictions == []


def test_failed_as_an_adjective_is_not_the_ending() -> None:
    said = (
        "Crashes were rising. I matched the crash data to failed delivery scans, which cost "
        "us redeliveries, and we spent six weeks on stability."
    )
    assert extract_facts(said).outcome is None


def test_a_failure_told_as_a_condition_is_not_the_ending() -> None:
    said = "I told the team it was a trial and that I'd own it if it flopped."
    assert extract_facts(said).outcome is None


def test_what_follows_a_but_is_where_the_story_ended() -> None:
    said = (
        "We piloted the rota on two wards. On those wards it worked. But the other wards "
        "would not sign up, and after the pilot the committee shelved it."
    )
    outcome = extract_facts(said).outcome
    assert outcome is not None and outcome.value == "failure"
    turned = (
        "At first the rota was shelved by the committee, but in the end we rolled it out "
        "to all wards."
    )
    outcome = extract_facts(turned).outcome
    assert outcome is not None and outcome.value == "success"


def test_a_short_summary_that_shares_most_of_its_words_needs_two_specifics() -> None:
    summary = (
        "Our refund backlog on the returns desk had grown, so I split the backlog by receipt, "
        "gave the receipt cases to part-timers and we cleared the backlog in Sunday sessions."
    )
    a = AnswerInput(1, "ownership", REFUNDS, None, "main", None)
    b = AnswerInput(2, "frugality", summary, None, "main", None)
    assert analyze_loop([a, b], None).reused


@pytest.mark.parametrize(
    ("title", "tier"),
    [
        ("charge nurse", "manager of people"),
        ("head nurse", "manager of people"),
        ("staff nurse", "individual contributor"),
        ("staff engineer", "individual contributor"),
        ("principal engineer", None),
        ("chief engineer", None),
    ],
)
def test_what_a_word_before_the_head_says_of_the_tier(title: str, tier: str | None) -> None:
    from scoring.position import tier_of

    assert tier_of(title) == tier


@pytest.mark.parametrize(
    ("said", "tier"),
    [
        ("SOC, Tier 1 analyst, night shift. Saw a DNS spike at 3 a.m.", "individual contributor"),
        ("I was leading the night shift in the SOC that week.", "manager of people"),
    ],
)
def test_a_job_said_on_a_terse_first_line_or_as_leading_a_shift(said: str, tier: str) -> None:
    from scoring.position import positions

    assert [t for t, _, _ in positions(said)] == [tier]


def test_a_terse_first_line_without_a_job_says_no_tier() -> None:
    from scoring.position import positions

    assert positions("Payments team, big migration, tight deadline. We shipped.") == []


def date_findings(first: str, second: str) -> tuple[list[str], list[str]]:
    a = AnswerInput(1, "ownership", first + ROTA, None, "main", None)
    b = AnswerInput(2, "dive-deep", second + ROTA, None, "main", None)
    result = analyze_loop([a, b], None)
    assert result.reused
    return [c.kind for c in result.contradictions], [c.kind for c in result.checks]


def test_a_quarter_and_the_fall_that_share_no_month_conflict() -> None:
    found, _ = date_findings(
        "We launched the electronic rota in Q2 2023. ",
        "We launched the electronic rota in the fall of 2023. ",
    )
    assert found == ["date"]


def test_a_quarter_and_another_season_apart_are_only_a_check_in_the_south() -> None:
    # South of the equator autumn falls in the second quarter; north of it (as read when
    # no southern place is named, since session 13) the two are apart.
    found, checks = date_findings(
        "We launched the electronic rota in Auckland in Q2 2023. ",
        "We launched the electronic rota in the autumn of 2023. ",
    )
    assert (found, checks) == ([], ["date"])
    found, _ = date_findings(
        "We launched the electronic rota in Q2 2023. ",
        "We launched the electronic rota in the autumn of 2023. ",
    )
    assert found == ["date"]


def test_a_quarter_and_a_season_that_overlap_agree() -> None:
    found, checks = date_findings(
        "We launched the electronic rota in Q3 2023. ",
        "We launched the electronic rota in the summer of 2023. ",
    )
    assert (found, checks) == ([], [])


@pytest.mark.parametrize(
    ("said", "team"),
    [
        ("Before Kargo I worked at Telvia, the telecom company, in billing data team.",
         ["billing data"]),
        ("Two years ago I was supervising the baggage hall team on the inbound belts.",
         ["baggage hall"]),
        # Describing a team is not naming it; working with a team is not being on it.
        ("I was running a small reconciliation team.", []),
        ("I worked with product team on it.", []),
        ("I was running the night shift.", []),
    ],
)  # fmt: skip
def test_the_team_a_candidate_runs_or_works_in(said: str, team: list[str]) -> None:
    assert teams(said) == team


def test_late_is_not_failed() -> None:
    # A slip is when the work went out; the result can still have held.
    said = (
        "We moved repairs to the new system. When we slipped by a month because of a "
        "supplier problem, I told the tenants first. The share fixed on the first visit went "
        "from about 25% to more than 50%."
    )
    facts = extract_facts(said)
    assert facts.outcome is None or facts.outcome.value == "success"
    assert [f.value for f in facts.of("schedule")] == ["late"]


def test_a_failure_said_as_a_condition_in_the_result_is_not_the_ending() -> None:
    said = (
        "The connection pool had been shrunk by a config push. One director preferred "
        "failover; I agreed that if the rollback didn't work we'd fail over immediately. "
        "Ten minutes later the errors had stopped."
    )
    outcome = extract_facts(said).outcome
    assert outcome is None or outcome.value != "failure"


@pytest.mark.parametrize(
    ("said", "value", "per"),
    [
        ("We now have just over two thousand one hundred monthly donors.", 2100, None),
        ("We closed about 300 tickets monthly.", 3600, "year"),
    ],
)
def test_hundreds_after_thousands_and_monthly_before_a_noun(
    said: str, value: float, per: str | None
) -> None:
    (figure,) = extract_facts(said).figures
    assert (figure.value, figure.per) == (value, per)


@pytest.mark.parametrize(
    ("first", "second", "found"),
    [
        # A pilot's wards against all of them: a part and the whole.
        ("We piloted the rota on two wards. ", "It later ran across all 22 wards. ", []),
        # The remaining ones are a part too.
        ("The remaining four wards moved over later. ", "We had seven wards on paper. ", []),
        # The whole told twice with different sizes.
        ("It ran across the 14 wards. ", "It ran across all 6 of our wards. ", ["number"]),
    ],
)
def test_a_part_and_the_whole_against_the_whole_told_twice(
    first: str, second: str, found: list[str]
) -> None:
    contradictions, _ = date_findings(first, second)
    assert contradictions == found


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("We kept the electronic rota for the whole winter.",
         "Honestly it did not work: after ten days we stopped and went back to paper."),
        ("The trust copied the idea for two other wards.",
         "In the end matron didn't sign off on it and the ward kept paper."),
        ("The rota passed the trust's information governance audit first time.",
         "It failed the information governance audit and was never used."),
        ("The board decided to keep the rota running every month.",
         "The board went with a competitor's rostering product instead."),
    ],
)  # fmt: skip
def test_results_kept_copied_passed_against_ones_that_were_not(first: str, second: str) -> None:
    assert "outcome" in outcome_kinds(first, second)


@pytest.mark.parametrize(
    ("title", "tier"),
    [
        ("associate PM", "individual contributor"),
        ("support executive", "individual contributor"),
        ("associate director", "manager of people"),
    ],
)
def test_associate_and_support_titles(title: str, tier: str) -> None:
    from scoring.position import tier_of

    assert tier_of(title) == tier


@pytest.mark.parametrize(
    "said",
    [
        "At Brightmoor Foods I was leading the demand planning team, five analysts.",
        "I was managing two associate PMs directly.",
    ],
)
def test_leading_a_named_team_or_managing_pms_manages_people(said: str) -> None:
    from scoring.position import positions

    assert [t for t, _, _ in positions(said)] == ["manager of people"]


@pytest.mark.parametrize(
    ("said", "company"),
    [
        ("So at the Globe and Mail, I was on the night desk.", ["globe mail"]),
        ("Back when I was dispatching for Alamo Carriers in San Antonio, we moved.",
         ["alamo carriers"]),
        ("I was project manager at the state Department of Revenue.",
         ["department of revenue"]),
        ("I was waiting for Tom at the Reno site.", []),
    ],
)  # fmt: skip
def test_employers_named_with_and_or_of_or_by_the_work_done_for_them(
    said: str, company: list[str]
) -> None:
    assert companies(said) == company


@pytest.mark.parametrize(
    ("said", "team"),
    [
        ("My team was the corporate events team, six agents.", ["corporate events"]),
        ("When I lead the leisure groups team at the agency, we had a client.",
         ["leisure groups"]),
    ],
)  # fmt: skip
def test_a_team_said_as_what_my_team_was_or_in_the_present(said: str, team: list[str]) -> None:
    assert teams(said) == team


def test_a_timing_limit_does_not_say_the_result_again() -> None:
    # "Within two months" bounds when; it does not state 15 days as a result.
    first = "The average wait came down from 24 days to 15 days."
    second = "Within two months the wait went from 24 days to about 19 days."
    contradictions, _ = number_findings(first, second)
    assert contradictions == ["number"]


def test_work_that_was_dropped_failed_but_a_figure_dropped_to_a_value_did_not() -> None:
    from scoring.document import Document
    from scoring.ending import ending

    said = "We ran the huddle for a while. Then the huddle was quietly dropped in March."
    assert ending(said, Document(said).sentences)[0] == "failure"
    said = "We ran the huddle for a while. Then the wait was dropped to nine days."
    assert ending(said, Document(said).sentences) is None


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # A small rate said with its period, at either end of the change.
        ("Failed runs fell from 9 a month to 1 over three months.",
         "Failed runs fell from 14 a month to 1 over three months."),
        ("Failed runs fell from 9 a month to 1 over three months.",
         "Failed runs fell from 9 a month to 4 over three months."),
    ],
)  # fmt: skip
def test_a_small_rate_and_its_result_are_compared(first: str, second: str) -> None:
    contradictions, _ = number_findings(first, second)
    assert contradictions == ["number"]


def test_a_number_before_over_counts_nothing_it_names() -> None:
    said = extract_facts("Failed runs fell from 9 a month to 1 over three months.").figures
    assert [(f.family, f.per) for f in said] == [("rate", "year"), ("rate", "year"), ("time", None)]
