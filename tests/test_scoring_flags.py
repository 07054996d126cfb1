"""Each red flag on answers written for these tests: a clear case and hard negatives.

The sentences here are not from the labelled set; they exercise the rule as
the brief defines it, including the look-alikes that must not trigger it.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from scoring import AnswerInput, analyze_answer
from scoring.model import FLAG_NAMES


def flags(
    text: str,
    principle: str = "ownership",
    *,
    seconds: float | None = None,
    failure: bool = False,
    question: str | None = None,
    kind: str = "main",
) -> set[str]:
    answer = AnswerInput(
        round=1,
        principle=principle,
        text=text,
        question=question,
        kind=kind,
        seconds=seconds,
        failure=failure,
    )
    return set(analyze_answer(answer).flag_names)


STRONG = (
    "At a parcel-tracking company I was an SDE II on the notifications team. I noticed that "
    "delivery emails were going out twice for about 3% of parcels, which nobody had flagged. "
    "I pulled a week of send logs, traced the duplicates to a retry that ignored an idempotency "
    "key, and wrote a fix that checked the key before sending. I shipped it behind a flag to one "
    "region, then everywhere. Duplicate emails fell from 3% to 0.1% and complaint tickets about "
    "double emails dropped from 90 a week to 4. What I learned is to read the complaint queue "
    "myself; I now skim it every Monday before planning."
)


def test_a_strong_answer_has_no_flags() -> None:
    assert flags(STRONG, seconds=95) == set()


# --- we-heavy ------------------------------------------------------------------


def test_we_heavy_counts_plural_against_singular() -> None:
    text = (
        "We saw the queue backing up, so we split the consumers and we added a dead-letter "
        "queue. Our lag went from 40 minutes to 2. I reviewed the change. We learned to alarm "
        "on lag."
    )
    hit = analyze_answer(AnswerInput(1, "ownership", text)).flags
    we = next(f for f in hit if f.name == "we-heavy")
    assert we.start is not None and we.quote
    assert "'we' forms" in we.message


def test_we_heavy_negative_when_i_dominates_despite_many_we() -> None:
    text = (
        "We were five people and we shared the on-call. I took the database side. I found the "
        "lock, I wrote the patch and I measured it: our p99 fell from 900 ms to 200 ms. We "
        "celebrated; I now check locks first."
    )
    assert "we-heavy" not in flags(text)


def test_us_in_capitals_is_a_country_not_a_pronoun() -> None:
    text = "I launched it in the US first, then I rolled it to the EU, and I cut errors by 20%."
    assert "we-heavy" not in flags(text)


def test_sde_i_is_a_level_not_a_pronoun() -> None:
    text = "We hired an SDE I and we paired with him; we shipped two features with our team."
    assert "we-heavy" in flags(text)


# --- no-metric -----------------------------------------------------------------


def test_no_metric_when_only_dates_and_levels() -> None:
    text = (
        "In Q3 2022, as an L5, I rewrote the export job in March and everyone liked it. I "
        "learned to ask early."
    )
    assert "no-metric" in flags(text)


@pytest.mark.parametrize(
    "outcome",
    [
        "build time went from 40 minutes to 12",
        "we halved the error rate",
        "support costs dropped by $15,000 a month",
        "throughput tripled",
        "the page got 3x faster",
        "refund requests fell 25%",
        "the stuck count was zero after a week",
    ],
)
def test_quantified_outcomes_count(outcome: str) -> None:
    text = f"I rebuilt the pipeline myself, and {outcome}. I learned to measure first."
    assert "no-metric" not in flags(text)


@pytest.mark.parametrize(
    "context",
    [
        "I spent three weekends and about 60 hours on it",
        "there were four report formats and two teams involved",
        "I worked until two in the morning",
        "I wrote a roadmap for the next three years",
    ],
)
def test_effort_scope_and_plans_are_not_metrics(context: str) -> None:
    text = f"I took on the billing export; {context}. It shipped and people were pleased."
    assert "no-metric" in flags(text)


def test_numbers_in_a_hypothetical_are_not_measured_outcomes() -> None:
    text = "I would cut the release time by something like 30%, and I'd roll it out slowly."
    assert "no-metric" in flags(text)


# --- hypothetical --------------------------------------------------------------


def test_hypothetical_framing() -> None:
    text = (
        "Usually when a customer is unhappy I would first listen. I'd ask for the details and "
        "I'd try to reproduce it. Then I would give them a date. That is my approach."
    )
    assert "hypothetical" in flags(text)


def test_habitual_framing_is_hypothetical() -> None:
    text = (
        "What I tend to do is write the risky part first. I'll typically put it behind a flag, "
        "and I always share a short summary with the team each week."
    )
    assert "hypothetical" in flags(text)


def test_reflection_with_would_is_not_hypothetical() -> None:
    text = (
        STRONG + " What I would do differently is add the idempotency check to our template, "
        "and next time I would ask the support lead sooner."
    )
    assert "hypothetical" not in flags(text)


# --- passive-voice -------------------------------------------------------------


def test_passive_voice_without_actor() -> None:
    text = (
        "The outage was noticed on a Sunday. The logs were pulled and the cause was found in a "
        "config change. The change was reverted and a check was added to the pipeline. Errors "
        "were reduced by 90%."
    )
    assert "passive-voice" in flags(text)


def test_a_few_passives_among_active_clauses_are_fine() -> None:
    text = (
        "The bug had been logged two years earlier and was marked low priority. I called four "
        "customers, I reproduced it, I wrote the fix and I shipped it in two days. Tickets fell "
        "from 60 a month to 4. I learned to read raw comments."
    )
    assert "passive-voice" not in flags(text)


# --- manager-assigned ----------------------------------------------------------


@pytest.mark.parametrize(
    "opening",
    [
        "My manager asked me to speed up the nightly build.",
        "My director told me the export had to ship by Friday.",
        "I was assigned to clean up the alerting rules.",
        "At my manager's request I took over the migration.",
        "My tech lead suggested I look at the flaky tests.",
    ],
)
def test_manager_assigned(opening: str) -> None:
    text = opening + " I profiled it, fixed the slow step and cut the time by 40%."
    assert "manager-assigned" in flags(text)


@pytest.mark.parametrize(
    "opening",
    [
        "Nobody asked me to look at the nightly build.",
        "My manager had not flagged it, but I saw the build was slow.",
        "No one told me to, but I started on the flaky tests.",
        "It was not because my manager asked; I noticed it myself.",
    ],
)
def test_negated_manager_mentions_do_not_count(opening: str) -> None:
    text = opening + " I profiled it, fixed the slow step and cut the time by 40%."
    assert "manager-assigned" not in flags(text)


def test_manager_asking_late_in_the_story_is_not_how_it_began() -> None:
    text = STRONG + " Months later my manager asked me to present it to the wider org."
    assert "manager-assigned" not in flags(text)


# --- escalated-away ------------------------------------------------------------


def test_escalated_and_waited() -> None:
    text = (
        "Our search started timing out because of the shared cache. I escalated it to the "
        "platform team with the graphs and waited. They fixed the eviction setting a week later "
        "and timeouts fell 80%."
    )
    assert "escalated-away" in flags(text)


def test_escalation_with_a_fix_is_ownership() -> None:
    text = (
        "Our search started timing out because of the shared cache owned by the platform team. "
        "I wrote the config change as a pull request against their repo, tested it in staging "
        "and paged their on-call with the PR. She merged it that night and timeouts fell 80%."
    )
    assert "escalated-away" not in flags(text)


# --- effort-only ---------------------------------------------------------------


def test_effort_only() -> None:
    text = (
        "I stayed late every night for a month and worked through two weekends to get the "
        "report builder done. It was exhausting, but I got it over the line and my manager "
        "thanked me for the effort."
    )
    assert "effort-only" in flags(text)


def test_effort_with_impact_is_not_effort_only() -> None:
    text = (
        "I worked two weekends, but what mattered was the result: the payroll run dropped from "
        "six hours to 22 minutes and the customer renewed."
    )
    assert "effort-only" not in flags(text)


# --- vague ---------------------------------------------------------------------


def test_vague_impact() -> None:
    text = (
        "I rebuilt the onboarding flow and it helped a lot; things got much better for new "
        "users and the team was really happy."
    )
    assert "vague" in flags(text)


def test_vague_words_next_to_figures_are_not_vague() -> None:
    text = "I rebuilt onboarding and it helped a lot: activation rose from 41% to 58%."
    assert "vague" not in flags(text)


# --- no-result -----------------------------------------------------------------


def test_no_result_when_it_stops_at_a_proposal() -> None:
    text = (
        "I noticed every team built its own image resizing. I interviewed five leads, wrote a "
        "proposal for a shared service and presented it to our VP. It is being considered for "
        "next year's planning and I'm hoping it gets picked up."
    )
    assert "no-result" in flags(text)


def test_a_failed_outcome_is_still_a_result() -> None:
    text = (
        "I pushed a schema change on a Friday without a dry run. It locked the orders table, we "
        "lost about two hours of orders and had to roll back. I now run every migration against "
        "a copy first."
    )
    assert "no-result" not in flags(text, failure=True)


# --- no-reflection -------------------------------------------------------------


def test_no_reflection() -> None:
    text = "I rewrote the cache and p99 fell from 800 ms to 120 ms. The team adopted it."
    assert "no-reflection" in flags(text)


@pytest.mark.parametrize(
    "closing",
    [
        "What I learned is to measure before I touch anything.",
        "Since then, before any launch, I write down the rollback steps.",
        "Now when I estimate, I count the dependencies first.",
        "Looking back, I would have called the customer on day one.",
    ],
)
def test_reflections(closing: str) -> None:
    text = "I rewrote the cache and p99 fell from 800 ms to 120 ms. " + closing
    assert "no-reflection" not in flags(text)


def test_running_ever_since_is_not_a_lesson() -> None:
    text = "I rewrote the cache, p99 fell 80%, and it has run without trouble ever since."
    assert "no-reflection" in flags(text)


# --- length --------------------------------------------------------------------


def test_length_from_words_at_150_a_minute() -> None:
    assert "too-short" in flags("I fixed the cache and p99 fell 80%. I learned a lot.")
    long_text = " ".join([STRONG] * 5)  # about 560 words, well over 3 minutes
    assert "too-long" in flags(long_text)


def test_measured_seconds_take_precedence() -> None:
    short_text = "I fixed the cache and p99 fell 80%. I learned to measure first."
    assert "too-short" not in flags(short_text, seconds=60)
    assert "too-long" in flags(STRONG, seconds=200)


# --- no-commit -----------------------------------------------------------------


BACKBONE = (
    "My director wanted to move the service to a new database. I disagreed and showed her a "
    "benchmark: 40% of our reads were range queries that would cost twice as much. She pushed "
    "back on support cost, which was a fair point. She decided on a split."
)


def test_no_commit_when_the_story_ends_at_disagreement() -> None:
    assert "no-commit" in flags(BACKBONE, "have-backbone")


def test_commit_once_decided() -> None:
    text = BACKBONE + " Once she made the call I committed to it and wrote the migration plan."
    assert "no-commit" not in flags(text, "have-backbone")


def test_working_around_the_decision_is_not_a_commit() -> None:
    text = (
        BACKBONE + " I agreed to it in the meeting, but I kept building my own version on the "
        "side without telling the team."
    )
    assert "no-commit" in flags(text, "have-backbone")


def test_no_commit_only_for_have_backbone() -> None:
    assert "no-commit" not in flags(BACKBONE, "earn-trust")


# --- spun-failure --------------------------------------------------------------


def test_weakness_as_strength_is_spun() -> None:
    text = (
        "My biggest failure is that I take on too much myself. On the migration I did the work "
        "of three people, and it finished two weeks early and cut costs by 40%."
    )
    assert "spun-failure" in flags(text, "deliver-results", failure=True)


def test_blaming_others_is_spun() -> None:
    text = (
        "The launch slipped because the other team didn't deliver their API on time. We "
        "shipped a month later and it went fine."
    )
    assert "spun-failure" in flags(text, "deliver-results", failure=True)


def test_owned_failure_with_cost_is_not_spun() -> None:
    text = (
        "I promised our largest customer an export by March and underestimated the pagination "
        "work. That was my mistake. It shipped three weeks late and we gave them $9,000 in "
        "credit. I now size the ugliest part before I promise a date."
    )
    assert "spun-failure" not in flags(text, "customer-obsession", failure=True)


def test_spun_failure_needs_a_failure_question() -> None:
    text = "My biggest failure is that I care too much. I fixed the cache and p99 fell 80%."
    assert "spun-failure" not in flags(text, "deliver-results")
    question = "Tell me about a time you failed."
    assert "spun-failure" in flags(text, "deliver-results", question=question)


def test_a_question_about_a_system_failure_is_not_a_failure_question() -> None:
    question = "Tell me about a time you dug into an intermittent failure."
    text = "I traced the intermittent failure to a timeout and cut errors by 90%."
    assert "spun-failure" not in flags(text, "dive-deep", question=question)


# --- follow-ups and evidence ------------------------------------------------------


def test_follow_ups_only_get_flags_for_what_they_say() -> None:
    got = flags("I measured it on the dashboard.", "dive-deep", kind="follow-up")
    assert got.isdisjoint({"no-metric", "no-result", "no-reflection", "too-short"})


def test_every_flag_has_evidence() -> None:
    text = (
        "My manager asked us to fix the queue. We worked every weekend and stayed late every "
        "night. It was decided that things were much better."
    )
    result = analyze_answer(AnswerInput(1, "ownership", text))
    assert result.flags
    for flag in result.flags:
        assert flag.name in FLAG_NAMES
        assert flag.message
        if flag.start is not None:
            assert flag.end is not None and flag.quote == text[flag.start : flag.end]


# --- votes -----------------------------------------------------------------------


def vote(text: str, principle: str, **kwargs: object) -> str:
    answer = AnswerInput(1, principle, text, seconds=100, **kwargs)  # type: ignore[arg-type]
    return analyze_answer(answer).vote


def test_backbone_with_three_beats_is_strongly_inclined() -> None:
    text = (
        BACKBONE + " I had underweighted that, and I said so. Once she made the call I "
        "committed to it: I wrote the migration plan for the event data myself and moved it in "
        "six weeks with no downtime. Now when I disagree I first write down the other side's "
        "strongest cost."
    )
    assert vote(text, "have-backbone") == "strongly-inclined"


def test_disagreement_without_commit_is_not_inclined() -> None:
    text = (
        BACKBONE
        + " I kept pushing my version in every review after that, and I still think I was right."
    )
    assert vote(text, "have-backbone") in ("not-inclined", "strongly-not-inclined")


def test_a_failure_without_a_lesson_is_not_inclined() -> None:
    text = (
        "I promised our largest customer an export by March and underestimated the pagination "
        "work. That was my mistake. It shipped three weeks late and we gave them $9,000 in "
        "credit, and their renewal was harder than it should have been."
    )
    assert vote(text, "customer-obsession", failure=True) in (
        "not-inclined",
        "strongly-not-inclined",
    )


def test_a_hypothetical_answer_is_voted_down() -> None:
    text = (
        "I would always start by listening to the customer. I'd ask them what went wrong and "
        "I'd try to reproduce it. Then I would give them a date and keep them updated."
    )
    assert vote(text, "customer-obsession") == "strongly-not-inclined"


# --- blame put on others, in a failure story (issue 13) ----------------------------


def _failure(sentence: str) -> set[str]:
    text = (
        "Last year I shipped a schema change that broke checkout for 40 minutes and cost us "
        f"about $8,000 in lost orders. {sentence} I rolled it back myself within the hour and "
        "wrote the incident review. Since then I run every migration against a copy of "
        "production first, and I ask for a second reviewer on anything touching payments."
    )
    answer = AnswerInput(1, "learn-and-be-curious", text, "Tell me about a time you failed.")
    return set(analyze_answer(replace(answer, failure=True, seconds=100)).flag_names)


@pytest.mark.parametrize(
    "sentence",
    [
        "It was not entirely my fault: QA should have caught it.",
        "It wasn't my fault; the other team changed the API without telling anyone.",
        "It only happened because they didn't run the migration in staging.",
        "Honestly, that was the vendor's fault more than anyone's.",
        "The platform team should have flagged the lock in review.",
    ],
)
def test_shifting_blame_in_a_failure_story_is_flagged(sentence):
    assert "spun-failure" in _failure(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "It was my fault: I should have caught it in review.",
        "I'm not saying QA should have caught it; I should have.",
        "It wasn't QA's fault; I skipped the checklist.",
        "We should have caught it earlier, and I should have insisted on a dry run.",
        "Nobody else should have caught it; that was on me.",
        "It was my fault, not QA's.",
    ],
)
def test_owning_it_or_denying_blame_is_not_flagged(sentence):
    assert "spun-failure" not in _failure(sentence)


def test_present_habits_answering_a_now_question_are_not_hypothetical():
    habits = (
        "I draw it at customer data. I always ask for a second review when a change touches "
        "billing, and I write the rollback plan before I start."
    )
    now = AnswerInput(1, "ownership", habits, "Where do you draw that line now?", "follow-up")
    assert "hypothetical" not in analyze_answer(now).flag_names
    # Asked about a past event, the same habits stand in for it.
    then = replace(now, question="Tell me about a time you had to draw that line.")
    assert "hypothetical" in analyze_answer(then).flag_names
    # Asked about now, a conditional is still a hypothetical.
    would = replace(now, text="I would probably ask someone senior and I'd wait for them.")
    assert "hypothetical" in analyze_answer(would).flag_names
