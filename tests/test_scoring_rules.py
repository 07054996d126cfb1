"""General rules added for held-out generalisation, each with invented examples.

None of these sentences comes from the labelled sets: each rule is tested with a
few ways a candidate could say the same thing, and with a near miss it must not
fire on.
"""

from __future__ import annotations

import pytest

from scoring import AnswerInput, analyze_answer, analyze_loop, compare_facts, extract_facts
from scoring.similarity import declares_distinct
from scoring.text import negated_before


def flags(text: str, principle: str = "ownership") -> set[str]:
    return set(analyze_answer(AnswerInput(1, principle, text)).flag_names)


def kinds(a: str, b: str) -> set[str]:
    return {c.kind for c in compare_facts(extract_facts(a), extract_facts(b))}


BODY = (
    "I was an SDE II on the billing team at a ticketing company. Refund requests were piling "
    "up because the export job timed out on large venues. I profiled the job, found it loaded "
    "every order into memory, and rewrote it to stream orders in pages of a thousand. I shipped "
    "it behind a flag to two venues first and then to everyone. Export failures fell from 8% "
    "to 0.2% and the refund backlog cleared within a week. "
)


# --- reflection --------------------------------------------------------------


@pytest.mark.parametrize(
    "lesson",
    [
        "I've learned that a slow job is usually doing work nobody asked for.",
        "Something I have come to believe is that streaming beats batching for exports.",
        "What I'd pass on to a new engineer is to profile before rewriting.",
        "What I would carry forward is to ship to two customers before everyone.",
        "The advice I'd give is to measure memory before blaming the database.",
    ],
)
def test_perfect_tense_and_advice_forms_are_reflection(lesson: str) -> None:
    assert "no-reflection" not in flags(BODY + lesson)


def test_no_lesson_is_still_no_reflection() -> None:
    assert "no-reflection" in flags(BODY + "The venue managers were pleased with it.")


# --- quantities --------------------------------------------------------------


@pytest.mark.parametrize(
    "result",
    [
        "That cut the monthly storage bill by roughly a third.",
        "Support contacts dropped by about a quarter over the next month.",
        "Build minutes came down by two thirds.",
    ],
)
def test_fractions_in_words_after_a_change_are_metrics(result: str) -> None:
    text = (
        "I was a platform engineer at a travel site. I went through the bill and found idle "
        "test clusters running all weekend, wrote a scheduler to stop them at night, and moved "
        f"old logs to cold storage. {result} I now read the bill every month."
    )
    assert "no-metric" not in flags(text)


def test_a_fraction_of_a_year_is_not_a_metric() -> None:
    text = (
        "I was a platform engineer at a travel site. I spent a quarter rewriting the deploy "
        "scripts and the team liked them. I now read the bill every month."
    )
    assert "no-metric" in flags(text)


@pytest.mark.parametrize("guess", ["hundreds of", "thousands of", "dozens of"])
def test_vague_counts_are_not_measured_results(guess: str) -> None:
    text = (
        "During the outage I answered customer emails every evening on top of my own work, "
        f"sometimes {guess} messages a day, and I stayed late all week to keep up. "
        "Eventually the queue was empty. It taught me how much an outage costs people."
    )
    got = flags(text)
    assert "no-metric" in got
    assert "effort-only" in got


def test_a_story_that_stops_before_the_outcome_has_no_quantified_outcome() -> None:
    text = (
        "I was an analyst on the pricing team. Our forecast error rose from 4% to 11% in a "
        "month and nobody knew why. I found that a supplier feed had switched currencies, "
        "wrote up a correction to the pipeline and presented it to the team. About then I "
        "transferred to the growth team, so I handed the write-up to a colleague to take "
        "forward."
    )
    got = flags(text)
    assert {"no-result", "no-metric"} <= got


def test_still_doing_it_when_i_left_is_no_result() -> None:
    text = (
        "As a staff engineer I believed our single database was our biggest risk. I wrote a "
        "sharding proposal, met every service owner and built a prototype of the router. The "
        "review board asked for a rollout plan, which I was still drafting when I moved to "
        "another company. I learned a lot about writing for executives."
    )
    assert "no-result" in flags(text)


# --- hyphenated 'no-' is not a negation -----------------------------------------


def test_hyphenated_no_compound_is_not_negation() -> None:
    text = "Across the clinics, no-shows fell from 15% to 10%."
    assert not negated_before(text, text.index("fell"), 20)
    text = "There was no drop at all."
    assert negated_before(text, text.index("drop"), 20)


# --- escalated-away ------------------------------------------------------------


@pytest.mark.parametrize(
    "handoff",
    [
        "so I wrote up a ticket for them and marked it high priority",
        "so I created a ticket for the storage team with my notes",
        "so I put in a request with their on-call and kept forwarding the customer's emails",
    ],
)
def test_making_a_ticket_for_another_team_and_waiting_is_escalation(handoff: str) -> None:
    text = (
        "A customer told me their exports were arriving empty. I looked and saw the storage "
        f"service was dropping writes, but that belonged to another team, {handoff}. I checked "
        "on it every few days. The storage team eventually fixed it and the customer was happy."
    )
    assert "escalated-away" in flags(text)


def test_handing_over_what_i_built_is_not_escalation() -> None:
    text = (
        "I noticed every team computed features twice. I built the first version of a shared "
        "feature library myself over a month, then handed it to a senior engineer in my group "
        "and moved on to persuading the other teams. Within a year nine of twelve teams used "
        "it and skew incidents fell from 30% to 4%. I now write a not-in-scope list first."
    )
    assert "escalated-away" not in flags(text)


# --- no-commit -----------------------------------------------------------------


@pytest.mark.parametrize(
    "refusal",
    [
        "I told her I wouldn't put my name on it",
        "I kept the old service running on a branch in case they changed their minds",
        "I refused to sign off on the design",
    ],
)
def test_refusing_to_own_the_decision_is_no_commit(refusal: str) -> None:
    text = (
        "Our director wanted to drop the integration tests to ship faster. I pushed back with "
        "data from the last three incidents and offered a compromise: keep only the payment "
        f"tests. She still dropped them all. {refusal}, and another engineer did the work. "
        "Looking back, I'd ask for a trial period next time."
    )
    assert "no-commit" in flags(text, "have-backbone")


# --- vague ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "claim",
    [
        "the partners found it incredibly easy to use",
        "the response from the sales team was overwhelmingly positive",
        "the feedback from customers was really glowing",
    ],
)
def test_intensified_praise_without_figures_is_vague(claim: str) -> None:
    text = (
        "I rebuilt the onboarding wizard for our partner portal, merging the steps into a "
        f"single screen of questions, and after launch {claim}. I learned to test with real "
        "partners early."
    )
    assert "vague" in flags(text)


# --- contradictions: figures -------------------------------------------------------


def test_a_saving_named_by_its_noun_is_a_delta_per_year() -> None:
    a = "I tuned the cluster and that saved about $2M a year in compute."
    b = "I tuned the cluster; the annual saving came to about $600K in compute."
    assert "number" in kinds(a, b)
    c = "I tuned the cluster; the yearly saving was roughly $2M in compute."
    assert "number" not in kinds(a, c)


def test_monthly_adjective_is_converted_to_a_yearly_rate() -> None:
    a = "Our monthly cloud bill was $50K before I started."
    b = "The cloud bill was $600K a year before I started."
    assert "number" not in kinds(a, b)


def test_a_figure_that_stayed_put_is_the_end_value() -> None:
    a = "After the rollout, late deliveries fell from 12% to 5%."
    b = "Six months after the rollout, late deliveries were still around 12%."
    assert "number" in kinds(a, b)


# --- contradictions: outcome ---------------------------------------------------------

SUCCESS = (
    "I led the move of our search service to the new cluster. I migrated the indexes one at a "
    "time with a shadow read for each, and p95 latency fell 40% once all of it was moved."
)


@pytest.mark.parametrize(
    "failure",
    [
        "Two weeks after cutover we rolled everything back and leadership shelved the migration.",
        "After the cutover corrupted results, my director cancelled the project.",
        "The results were wrong for a week and the migration was put on hold; it never resumed.",
    ],
)
def test_success_by_figures_against_a_cancelled_project_is_an_outcome_conflict(
    failure: str,
) -> None:
    b = (
        "I led the move of our search service to the new cluster and skipped the shadow reads "
        f"to save time. {failure}"
    )
    assert "outcome" in kinds(SUCCESS, b)


def test_a_bad_measure_falling_is_not_success() -> None:
    a = "After the redesign, checkout conversion dropped 6%."
    assert extract_facts(a).outcome is None


def test_improvement_beside_a_small_setback_is_mixed_not_failure() -> None:
    a = "Complaints dropped from 40 a week to 6 after the change."
    b = "The vendor slipped by a week, but complaints dropped from 40 a week to 6 after the change."
    assert "outcome" not in kinds(a, b)


def test_a_failure_as_a_noun_is_not_the_story_failing() -> None:
    a = "I added checkpoints so a failure didn't restart the import, and import time fell 70%."
    assert extract_facts(a).outcome is not None
    assert extract_facts(a).outcome.value == "success"  # type: ignore[union-attr]


def test_cancelled_without_an_object_is_not_a_failure() -> None:
    a = "Patients got a reminder call and could free the slot if they cancelled."
    assert extract_facts(a).outcome is None


# --- contradictions: role ----------------------------------------------------------


@pytest.mark.parametrize(
    "member",
    [
        "I was one of the backend engineers on the payouts rewrite.",
        "I was one of four mobile developers on the payouts rewrite.",
        "Our tech lead, Priya, drove the payouts rewrite and I built the ledger piece.",
    ],
)
def test_member_against_lead_is_a_role_conflict(member: str) -> None:
    lead = "I was the tech lead for the payouts rewrite and split the work across the team."
    assert "role" in kinds(lead, member)


def test_naming_a_former_lead_beside_my_own_lead_role_is_consistent() -> None:
    a = "I was the tech lead for the payouts rewrite after our tech lead, Priya, moved teams."
    b = "I was the tech lead on the payouts rewrite."
    assert "role" not in kinds(a, b)


# --- reuse: a telling that says it is another story ------------------------------------


@pytest.mark.parametrize(
    "opening",
    [
        "Another one from the same company, a different feature this time:",
        "A separate project on that same team, not the search work:",
        "This is a different incident from the one I mentioned earlier:",
    ],
)
def test_declared_distinct_opening(opening: str) -> None:
    assert declares_distinct(opening + " the calendar took six seconds to load.")


def test_a_plain_retelling_is_not_declared_distinct() -> None:
    assert not declares_distinct(
        "Going back to the calendar latency fix at the scheduling company: it took six seconds."
    )


def test_declared_distinct_story_is_not_reused() -> None:
    a = (
        "In 2022 I was an SDE II at a food-delivery company on the courier app. The courier "
        "map took about 5 seconds to load at p95, because it fetched every order in the city. "
        "I added a bounding-box query and a tile cache, and p95 went from 5 seconds to 400 ms."
    )
    b = (
        "Another one from the same food-delivery company in 2022, on the courier app: the "
        "earnings screen, not the map. It took about 4 seconds at p95 because it summed every "
        "delivery since sign-up. I added a daily rollup table and p95 went from 4 seconds to "
        "300 ms."
    )
    loop = analyze_loop([AnswerInput(1, "dive-deep", a), AnswerInput(2, "ownership", b)])
    assert not loop.reused
    assert not loop.contradictions


@pytest.mark.parametrize(
    "caused",
    [
        "I broke the login page for an hour with a config push.",
        "My config change took the login page down for an hour.",
        "The login outage I caused lasted an hour.",
    ],
)
def test_an_incident_the_candidate_caused_is_a_failure(caused: str) -> None:
    outcome = extract_facts(caused + " We reverted and I wrote the postmortem.").outcome
    assert outcome is not None
    assert outcome.value == "failure"


def test_a_figure_for_the_later_habit_is_not_how_the_story_ended() -> None:
    text = (
        "I shipped the schema change without a dry run and lost a day of orders. Since then I "
        "dry-run every migration, and migration incidents on my team fell 70%."
    )
    outcome = extract_facts(text).outcome
    assert outcome is None or outcome.value == "failure"


_NO_DISAGREEMENT = (
    "Our director decided to move billing onto a new queue, and I ran the move. I planned "
    "it in three phases, wrote the runbook and the rollback steps, and ran the first phase "
    "over a weekend. We moved 40 consumers with no lost messages, and billing pages fell "
    "from 12 a week to 3. What I took from it is to write the rollback steps first."
)


def test_backbone_with_no_disagreement_is_not_no_commit_but_is_not_inclined() -> None:
    """no-commit is a disagreement never committed to; with no disagreement at all the
    flag does not apply, and the vote says what is missing instead."""
    result = analyze_answer(AnswerInput(1, "have-backbone", _NO_DISAGREEMENT))
    assert "no-commit" not in {f.name for f in result.flags}
    assert result.vote in ("not-inclined", "strongly-not-inclined")
    first = result.vote_evidence[0]
    assert not first.positive and first.quote == "" and "no disagreement" in first.note


def test_a_disagreement_never_committed_to_is_still_no_commit() -> None:
    text = (
        "I disagreed with my manager's plan to outsource testing and told her so with data "
        "from the last project. She decided to go ahead. I still think it was a mistake."
    )
    assert "no-commit" in flags(text, "have-backbone")


def test_a_number_word_ending_in_x_is_not_a_multiplier() -> None:
    """'six' ends in x like '3x', but it is a count: scope, not a result, here."""
    from scoring.flags import outcome_metrics

    text = "We tested it in one office first. Then I rolled it out to all six offices."
    assert [m.text for m in outcome_metrics(text)] == []
    assert [m.text for m in outcome_metrics("The new index made search 3x faster.")] == ["3x"]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Someone used the switch to cut off a bad cache in under a minute.", "a minute"),
        ("We cut the time to restore service to within an hour.", "an hour"),
        ("Reviews dropped to less than a day from a week.", "a day"),
    ],
)
def test_a_bound_said_in_words_is_a_duration(text: str, said: str) -> None:
    """'in under a minute', 'within an hour': a time saved, told without a digit."""
    from scoring.flags import outcome_metrics

    assert said in [m.text for m in outcome_metrics(text)]
    assert "no-metric" not in flags(text)
