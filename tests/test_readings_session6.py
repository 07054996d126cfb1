"""Role tiers and agency read from grammar, not phrase lists: each rule both ways.

Every sentence here is ours, written for the rule it tests. A pair is two tellings of
one story; the question is whether the engine reports a contradiction of the kind.
"""

from __future__ import annotations

import pytest

from scoring import AnswerInput, analyze_loop
from scoring.agency import CANDIDATE, DECIDED, OTHER, STARTED, claims
from scoring.position import INDIVIDUAL, PEOPLE, STUDENT, positions, tier_of

STORY = (
    " The nightly export to the billing partner kept timing out, so invoices went out two "
    "days late. I traced it to a single query scanning the whole ledger, added an index and "
    "split the export into hourly batches. Late invoices went from about forty a month to "
    "none, and the partner stopped escalating."
)


def _contradictions(first: str, second: str) -> list[str]:
    """The contradiction kinds reported between two tellings judged one story."""
    a = AnswerInput(1, "ownership", first, None, "main", None)
    b = AnswerInput(2, "dive-deep", second, None, "main", None)
    result = analyze_loop([a, b], None)
    assert result.reused, "the two tellings should be judged one story"
    return [c.kind for c in result.contradictions]


def kinds(first: str, second: str) -> list[str]:
    """Between two tellings of the export story, each opening with its own sentence."""
    return _contradictions(first + STORY, second + STORY)


@pytest.mark.parametrize(
    ("title", "tier"),
    [
        ("assistant editor", INDIVIDUAL),
        ("post-production supervisor", PEOPLE),
        ("head of talent", PEOPLE),
        ("payroll manager", PEOPLE),
        ("assistant store manager", PEOPLE),
        ("shift lead", PEOPLE),
        ("summer intern", STUDENT),
        ("graduate trainee", STUDENT),
        ("QA engineer", INDIVIDUAL),
        ("front desk agent", INDIVIDUAL),
        # A title that does not say whether anyone reports to its holder is not tiered.
        ("tech lead", None),
        ("product manager", None),
        ("account manager", None),
        ("principal engineer", None),
        ("lead designer", None),
    ],
)
def test_a_titles_head_noun_says_its_tier(title: str, tier: str | None) -> None:
    assert tier_of(title) == tier


def test_only_the_candidates_own_title_is_read() -> None:
    said = [t for t, _, _ in positions("I was a data analyst. My manager was a director.")]
    assert said == [INDIVIDUAL]
    assert positions("I saw it as a manager would.") == []
    assert positions("I was a front desk agent then, not yet supervisor.")[0][0] == INDIVIDUAL
    # Before the promotion, with no reports: an individual contributor at the time.
    assert [t for t, _, _ in positions("Before I was a manager I had no reports.")] == [INDIVIDUAL]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("I was the assistant editor on the finance desk.", "I was finance desk supervisor."),
        ("I was an intern on the billing team.", "I was a billing engineer."),
        ("As a payroll specialist, I owned the export.", "I was the payroll manager then."),
        (
            "I was a billing analyst.",
            "I was head of billing operations, running a team of five analysts.",
        ),
    ],
)
def test_tiers_no_one_holds_at_once_are_a_role_conflict(first: str, second: str) -> None:
    assert "role" in kinds(first, second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # An engineer is often the tech lead of the same piece of work.
        ("I was a senior engineer on billing.", "I was the tech lead for billing."),
        # A promotion told inside one telling says two tiers: held against nothing.
        ("I was an analyst then; I am a manager now.", "I was the billing manager."),
        ("I was a billing analyst.", "I was one of four analysts on billing."),
    ],
)
def test_compatible_roles_are_not_a_conflict(first: str, second: str) -> None:
    assert "role" not in kinds(first, second)


@pytest.mark.parametrize(
    ("sentence", "slot", "who"),
    [
        ("I looked at the volumes, decided we only needed one batch.", DECIDED, CANDIDATE),
        ("Our CFO decided we needed an audit of the export.", DECIDED, OTHER),
        ("Our PM, Tomás, had the idea of hourly batches.", STARTED, OTHER),
        ("The final call was mine.", DECIDED, CANDIDATE),
        ("The batching change was our director's idea.", STARTED, OTHER),
        ("I was the one who decided to split the export.", DECIDED, CANDIDATE),
        (
            "Our director was worried; she came back from the review and asked me to fix the "
            "export.",
            STARTED,
            OTHER,
        ),
        ("Legal decided to hold the invoices.", DECIDED, OTHER),
    ],
)
def test_the_subject_of_a_deciding_or_proposing_verb_says_who(
    sentence: str, slot: str, who: str
) -> None:
    assert (slot, who) in [(s, w) for s, w, _, _, _ in claims(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "We decided to split the export.",  # nobody in particular
        "I should have suggested batching earlier.",  # never happened
        "It wasn't my idea.",  # says only what it was not
        "Nobody asked me to fix it.",
        # Work asked for by a customer is not a boss's idea.
        "A customer rang about the invoices. She asked me to fix the export.",
    ],
)
def test_no_claim_of_who_when_the_clause_names_nobody(sentence: str) -> None:
    assert claims(sentence) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Splitting the export into batches was my idea.",
         "Splitting the export into batches was our CTO's idea."),
        ("I decided to split the export.", "My director, Ana, decided to split the export."),
        ("I looked at the logs, decided to split the export.",
         "I showed the logs to our VP and she decided to split the export."),
    ],
)  # fmt: skip
def test_the_candidate_against_someone_else_is_an_agency_conflict(first: str, second: str) -> None:
    assert "agency" in kinds(first, second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("I decided to split the export.", "We decided to split the export."),
        # The idea was the manager's; a part of the plan was the candidate's: no conflict
        # with a telling that gives the idea to the manager too.
        ("My manager had the idea of batching, and I suggested hourly windows.",
         "Batching was my manager's idea."),
        # Two different decisions in one story.
        ("I decided to add an index.", "My manager decided to tell the partner."),
    ],
)  # fmt: skip
def test_agreeing_or_unrelated_claims_are_not_an_agency_conflict(first: str, second: str) -> None:
    assert "agency" not in kinds(first, second)


RESULT_STORY = (
    "Our depot's conveyor kept jamming at the evening peak and parcels missed the last van. "
    "I logged every stop for a fortnight and found the jams came from one worn diverter. "
    "We replaced the diverter and changed the belt speed at peak. "
)


def ending_kinds(first: str, second: str) -> list[str]:
    """Between two tellings of the conveyor story, each ending with its own sentence."""
    return _contradictions(RESULT_STORY + first, RESULT_STORY + second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("There were no more jams for the rest of the year.",
         "It jammed twice more that month and the conveyor had to be rebuilt."),
        ("The fix held through the Christmas peak.",
         "Sadly the jams came back within a week."),
        ("The automated sorter we proposed next was funded, and it shipped the next quarter.",
         "The automated sorter we proposed next was shelved and never got built."),
        ("Late parcels dropped and the site had its best quarter.",
         "Honestly the late parcels did not really move, and I learned a lot from that."),
    ],
)  # fmt: skip
def test_an_ending_that_held_against_one_that_failed_is_an_outcome_conflict(
    first: str, second: str
) -> None:
    assert "outcome" in ending_kinds(first, second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # A failure told as the problem, before the fix, is not the ending.
        ("There were no more jams for the rest of the year.",
         "There were no more jams after that, and the vans left full."),
        # A lesson is not a result: "next time I would" names no failure.
        ("The fix held through the Christmas peak.",
         "The fix held, and next time I would not wait a fortnight to look."),
        # The old way ended is the plan working.
        ("The fix held through the Christmas peak.",
         "The fix held, and the old manual workaround was scrapped."),
    ],
)  # fmt: skip
def test_endings_that_agree_are_not_an_outcome_conflict(first: str, second: str) -> None:
    assert "outcome" not in ending_kinds(first, second)


def test_on_time_against_pushed_back_is_an_outcome_conflict() -> None:
    on_time = "The new layout went live on time for the Black Friday weekend."
    late = "We ended up pushing the new layout back to the Monday after Black Friday."
    assert "outcome" in ending_kinds(on_time, late)


def test_a_launch_moved_then_made_is_not_a_conflict_with_launching() -> None:
    # A delay chosen and then met is a success told late, not against "we launched".
    moved = "The new layout was pushed back a week, and then it went live without a hitch."
    made = "We launched the new layout and the vans left full every night."
    assert "outcome" not in ending_kinds(moved, made)


def org_facts(text: str, kind: str) -> list[str]:
    from scoring.facts import extract_facts

    return [f.value for f in extract_facts(text).facts if f.kind == kind]


@pytest.mark.parametrize(
    ("said", "company"),
    [
        ("I was at the regional housing charity, Greenhaven, when rents rose.", "greenhaven"),
        ("At a payments startup, Tillwise, our certificate nearly expired.", "tillwise"),
        ("Logistics firm, Hartley Freight. Night shift, peak season.", "hartley freight"),
        ("I ran nights at a Hartley Freight sorting hub outside Leeds.", "hartley freight"),
    ],
)
def test_an_employer_named_in_apposition_or_by_its_site_is_the_company(
    said: str, company: str
) -> None:
    assert org_facts(said, "company") == [company]


@pytest.mark.parametrize(
    "said",
    [
        "I ran the Leeds sorting hub for a retailer.",  # a place, not a firm
    ],
)
def test_a_place_is_not_taken_for_a_company(said: str) -> None:
    assert org_facts(said, "company") == []


def test_on_a_terse_line_the_bank_is_the_name_and_what_follows_a_job() -> None:
    assert org_facts("Hartley Bank, SRE on the payments side.", "company") == ["hartley bank"]


@pytest.mark.parametrize(
    ("said", "team"),
    [
        ("I was on the packing line, in the QA group, checking seals.", "qa"),
        ("Analyst, credit risk team at a building society.", "credit risk"),
        ("I was on the fraud and disputes ops team.", "fraud disputes ops"),
    ],
)
def test_the_candidates_team_said_with_a_clause_between_or_tersely(said: str, team: str) -> None:
    assert org_facts(said, "team") == [team]


def test_a_sentence_opening_is_not_a_terse_team_line() -> None:
    assert org_facts("By the end, each product team owned its alerts.", "team") == []


def test_two_employers_named_in_apposition_conflict() -> None:
    first = "I was at the regional housing charity, Greenhaven, when our rent arrears grew."
    second = "I was at a housing association, Brookmoor, when our rent arrears grew."
    assert "company" in kinds(first, second)


def figures_of(text: str) -> list[tuple[float, str | None]]:
    from scoring.facts import extract_facts

    return [(round(f.value, 3), f.role) for f in extract_facts(text).figures]


def test_a_decimal_said_aloud_is_one_number() -> None:
    assert figures_of("Search p99 was sitting around one point four seconds.") == [(1.4, None)]
    assert figures_of("The fine was two point five million pounds.") == [(2_500_000.0, None)]


def test_a_capitalised_noun_before_a_number_names_it() -> None:
    # "Year 6" is which children, not six of them; "six children" is how many.
    assert figures_of("I paired them with the Year 6 children.") == [(6.0, "label")]
    assert figures_of("I paired them with six children.") == [(6, None)]


def test_still_before_the_subject_is_a_concession_not_where_it_ended() -> None:
    assert figures_of("We paid for a full count, and still accuracy was only 96%.") == [
        (96.0, None)
    ]
    assert figures_of("After the change, accuracy was still 96%.") == [(96.0, "after")]


def test_a_result_against_its_goal_is_not_the_goal() -> None:
    said = figures_of("Result was a p99 of 0.28 s against a goal of 0.3 s.")
    assert said == [(0.28, "versus"), (0.3, "target")]


def test_a_retelling_in_other_units_and_words_is_not_a_number_conflict() -> None:
    first = (
        "Our p99 for autocomplete was sitting around one point four seconds. I cached the "
        "top prefixes and it dropped to about two hundred and eighty milliseconds."
    )
    second = (
        "Our p99 for autocomplete was 1,400 ms. I cached the top prefixes; the result was a "
        "p99 of 0.28 s against a goal of 0.3 s."
    )
    a = AnswerInput(1, "dive-deep", first, None, "main", None)
    b = AnswerInput(2, "deliver-results", second, None, "main", None)
    result = analyze_loop([a, b], None)
    assert result.reused
    assert [c.kind for c in result.contradictions] == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Within two months the new belt speed was adopted across all four depots.",
         "In the end the trial was stopped after a month and it never went wider."),
        ("We went live across every depot in the spring.",
         "We pulled it back to the pilot depot and it never made it to the other sites."),
    ],
)  # fmt: skip
def test_a_trial_stopped_or_never_spread_is_a_failed_ending(first: str, second: str) -> None:
    assert "outcome" in ending_kinds(first, second)


def test_handed_over_on_the_agreed_date_against_weeks_after_it() -> None:
    on_time = "We handed over on the contracted date with no penalties."
    late = "We still came in about a fortnight after the contracted date, and paid penalties."
    assert "outcome" in ending_kinds(on_time, late)


@pytest.mark.parametrize(
    ("said", "tier"),
    [
        ("The shift was short, and as the team lead I covered the gap.", PEOPLE),
        ("I was the most junior of four technicians then.", INDIVIDUAL),
        ("I had four analysts working those files under me.", PEOPLE),
    ],
)
def test_more_ways_to_say_where_one_stood(said: str, tier: str) -> None:
    assert {t for t, _, _ in positions(said)} == {tier}


def test_a_firm_named_by_its_last_word_and_a_team_after_a_filler() -> None:
    assert org_facts("I was front office manager in Marlowe Hotels then.", "company") == [
        "marlowe hotels"
    ]
    assert org_facts("I was in New York then.", "company") == []
    assert org_facts("I was on the, uh, the ads and monetisation team.", "team") == [
        "ads monetisation"
    ]


def test_work_handed_down_as_a_whole_is_against_my_idea() -> None:
    mine = "Moving to two-second segments was my idea, after I timed the stream myself."
    theirs = "My director decided we needed lower latency and handed it to me to run."
    assert "agency" in kinds(mine, theirs)


@pytest.mark.parametrize(
    ("said", "value", "family"),
    [
        ("The run went down to about one and half hours.", 5400.0, "time"),
        ("It took an hour and a half.", 5400.0, "time"),
        ("About one third of them came from the vendor.", 33.33, "percent"),
        ("We cut errors by two thirds.", 66.67, "percent"),
        ("About half of the calls were repeats.", 50.0, "percent"),
    ],
)
def test_parts_said_in_words_are_amounts(said: str, value: float, family: str) -> None:
    from scoring.facts import extract_facts

    assert [(round(f.value, 2), f.family) for f in extract_facts(said).figures] == [(value, family)]


def test_half_an_hour_and_three_quarters_alone_are_not_shares() -> None:
    from scoring.facts import extract_facts

    # Half an hour is thirty minutes (read since session 21), never 50%.
    said = extract_facts("We met half an hour later.").figures
    assert [(f.value, f.family) for f in said] == [(1800.0, "time")]
    assert "percent" not in [f.family for f in extract_facts("It took three quarters.").figures]


def test_a_filler_does_not_hide_the_size_of_ones_own_team() -> None:
    from scoring.facts import extract_facts

    agents = extract_facts("I had, like, fourteen agents on the billing queue.").figures
    assert [f.measure for f in agents] == ["crew"]
    # Rehearsals are not people: "I ran two full rehearsals" is not a team's size.
    rehearsals = extract_facts("On Sunday I ran two full rehearsals.").figures
    assert [f.measure for f in rehearsals] != ["crew"]


@pytest.mark.parametrize(
    ("said", "value", "unit"),
    [
        # Of two nouns the second is the head: movements are counted, not forklifts.
        ("We had around forty forklift movements an hour.", 40, "movement"),
        ("We had 12 support agents.", 12, "agent"),
        ("We had thirty-four vans.", 34, "van"),
        ("About three dozen contracts were wrong.", 36, "contract"),
        ("I measured a couple of hundred rejected parts.", 200, "part"),
    ],
)
def test_what_a_number_counts(said: str, value: float, unit: str) -> None:
    from scoring.facts import extract_facts

    assert [(f.value, f.unit) for f in extract_facts(said).figures] == [(value, unit)]


def test_cutting_five_vans_is_a_change_not_the_fleet() -> None:
    assert figures_of("We were cutting five vans from the round.") == [(5, "delta")]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("We had thirty-four vans and it suggested twenty-nine vans.",
         "It meant we were cutting five vans."),
        ("Around forty forklift movements an hour crossed the walkway; all eleven trucks got "
         "sensors.", "The whole fleet of eleven forklifts got sensors."),
        ("I checked about thirty-four contracts by hand.",
         "I checked about three dozen contracts."),
        ("I measured two hundred scrapped parts.",
         "I measured a couple of hundred rejected parts."),
    ],
)  # fmt: skip
def test_faithful_figures_said_other_ways_are_not_number_conflicts(first: str, second: str) -> None:
    assert "number" not in kinds(first, second)


def test_a_possessive_name_is_the_same_company() -> None:
    assert "company" not in kinds("I was a nurse at Kingsmere.", "At Kingsmere's I was a nurse.")


@pytest.mark.parametrize(
    ("said", "tiers"),
    [
        ("I was the team leader of fourteen agents on nights.", {PEOPLE}),
        ("I was, um, just one of four editors.", {INDIVIDUAL}),
        ("I was one of the band six charge nurses then.", {INDIVIDUAL}),
        ("I was an account executive on the deal.", {INDIVIDUAL}),
        # "One of my reps" is someone the candidate managed, not the candidate; managing
        # the team is managing people.
        ("I was managing the sales team, and one of my reps had the deal.", {PEOPLE}),
    ],
)
def test_titles_read_to_their_head_and_not_past_of(said: str, tiers: set[str]) -> None:
    assert {t for t, _, _ in positions(said)} == tiers


def test_managing_a_team_against_a_seller_on_it_is_a_role_conflict() -> None:
    seller = "I was an account executive on the billing team."
    manager = "I was managing the billing team, and one of my reps had the account."
    assert "role" in kinds(seller, manager)


@pytest.mark.parametrize(
    ("said", "company"),
    [
        ("Financial analyst, Hartwell Bank, commercial lending.", ["hartwell bank"]),
        ("I was the audience editor at the Lakeside Courier.", ["lakeside courier"]),
        ("I worked at the Leeds Distribution Centre.", []),
        ("We met at the Annual Review.", []),
    ],
)
def test_a_firm_after_the_or_on_a_terse_line(said: str, company: list[str]) -> None:
    assert org_facts(said, "company") == company


def test_a_team_far_into_the_clause_or_called_a_directorate() -> None:
    said = "I was backend developer in an e-commerce company in Warsaw, in the checkout team."
    assert org_facts(said, "team") == ["checkout"]
    said = "I was a data analyst in the Student Services directorate."
    assert org_facts(said, "team") == ["student services"]


def test_before_the_deadline_against_not_making_the_date() -> None:
    made = "We went live in the last week of February, a few days before the deadline."
    missed = "We didn't make the March first date in the end; it went live in May."
    assert "outcome" in ending_kinds(made, missed)


def test_after_the_fix_a_figure_is_where_it_ended() -> None:
    assert figures_of("After the switch, p99 was about 350 milliseconds.") == [(0.35, "after")]
    # After an outage is not after a fix: the words do not say which end it is.
    assert figures_of("After the outage, p99 was 800 ms.") == [(0.8, None)]


def test_a_saving_just_under_a_sum_is_a_change() -> None:
    assert figures_of("We saved just under seventy thousand pounds.") == [(70_000.0, "delta")]
    assert figures_of("We got it under 3 seconds.") == [(3.0, "after")]


def test_a_fraction_after_a_hedge_or_with_a_hyphen() -> None:
    assert figures_of("Agency shifts dropped by around two-thirds.") == [(66.667, "delta")]


def test_an_ic_is_an_individual_contributor() -> None:
    assert {t for t, _, _ in positions("I was an IC on it; Priya led the project.")} == {INDIVIDUAL}


def test_n_and_a_half_of_any_unit() -> None:
    from scoring.facts import extract_facts

    said = extract_facts("Scrap dropped from about six percent to three and a half percent.")
    assert [(f.value, f.role) for f in said.figures] == [(6, "before"), (3.5, "after")]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Over the next quarter the new belt speed was adopted on both other lines.",
         "When we took it to the other lines the night shift objected, and after two months "
         "the site went back to the old procedure on all of them."),
        ("We switched depots over in one weekend, with a rollback plan we never had to use.",
         "After two days of firefighting we rolled back, and the programme was shelved."),
        ("It landed really well: late parcels fell by a third that summer.",
         "It didn't move the needle; late parcels stayed where they were."),
    ],
)  # fmt: skip
def test_more_endings_that_held_or_failed(first: str, second: str) -> None:
    assert "outcome" in ending_kinds(first, second)


def test_someone_else_was_the_one_who_insisted() -> None:
    said = "My manager, Priya, was the one who insisted we run a holdout on the export."
    assert [(s, w) for s, w, _, _, _ in claims(said)] == [(STARTED, OTHER)]
    assert "agency" in kinds("I proposed we run a holdout on the export.", said)


def test_a_count_in_total_against_a_count_without_is_only_a_check() -> None:
    # "100 villages in total" and "classes in 40 villages": the 40 may be a part of them.
    first = "We ran reading classes in 40 villages with the export money."
    second = "The donor gave money for 100 villages in total."
    assert "number" not in kinds(first, second)


def test_one_quarter_each_and_not_the_same_is_a_date_conflict() -> None:
    first = "The export work was in October, just before Black Friday."
    assert "date" in kinds(first, "It was a Q2 push on the export.")


def test_a_quarter_told_as_ahead_of_the_story_is_only_a_check() -> None:
    # "Would land in Q2" is when something was due, not when the story happened.
    ahead = "The pipeline would land in Q2, so I took on the export."
    assert "date" not in kinds("In October I took on the export.", ahead)


def test_a_measure_told_twice_in_story_order() -> None:
    said = (
        "Median wait was 34 minutes. I moved the key to the charge nurse. A month on, median "
        "wait was 19 minutes."
    )
    from scoring.facts import extract_facts

    assert [(f.value, f.role) for f in extract_facts(said).figures] == [
        (2040.0, "before"),
        (1140.0, "after"),
    ]


def test_a_filler_after_from_keeps_the_change() -> None:
    assert figures_of("Complaints went from like ninety a month to about fifty.")[0][1] == "before"


def test_a_later_result_told_in_story_order_conflicts_with_another() -> None:
    first = "Median wait was 34 minutes. After a month the median wait was down to 11 minutes."
    second = "Median wait was 34 minutes. A month on, median wait was 19 minutes."
    assert "number" in kinds(first, second)


def test_just_under_a_sum_is_about_it_not_a_limit() -> None:
    from scoring.facts import extract_facts

    said = extract_facts("We saved just under seventy thousand pounds.").figures
    assert [(f.value, f.bound) for f in said] == [(70_000.0, None)]
    limit = extract_facts("We kept the spend under seventy thousand pounds.").figures
    assert [f.bound for f in limit] == ["upper"]


def test_a_share_said_in_words_per_cent() -> None:
    from scoring.facts import extract_facts

    said = extract_facts("It had crept up to four per cent.").figures
    assert [(f.value, f.family) for f in said] == [(4, "percent")]


def test_saving_40k_against_just_under_70k_is_a_number_conflict() -> None:
    first = "Over the winter quarter we saved around £40,000 on agency shifts."
    second = "Over the winter quarter we saved just under seventy thousand pounds on agency shifts."
    assert "number" in kinds(first, second)


def test_failing_over_is_not_a_failure() -> None:
    from scoring.facts import extract_facts

    failover = "At 2 am we failed over the database and traffic recovered."
    assert extract_facts(failover).outcome is None
    said = extract_facts("The migration failed and we rolled back.").outcome
    assert said is not None and said.value == "failure"


def test_one_in_five_is_a_share() -> None:
    assert figures_of("Only about one in five of them showed up.") == [(20.0, None)]


def test_down_to_a_hundred_and_fifty_is_where_it_ended() -> None:
    assert figures_of("Licences went down to a hundred and fifty.") == [(150, "after")]


def test_an_intern_said_as_a_level_against_an_engineer_is_a_role_conflict() -> None:
    # Found playing the app in tmux: "as an intern on the QA team" was read as a level
    # and never met the position the other telling gave.
    engineer = "I was a QA engineer at Fernhill Health then."
    intern = "At Fernhill Health, as an intern on the QA team, just three months in, I began."
    assert "role" in kinds(engineer, intern)
