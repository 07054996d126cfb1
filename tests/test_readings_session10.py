"""Readings added in session 10, each in our own sentences and both ways where it is a
comparison: 'down 22%' is a change; a programme that did not continue, or was stopped and
'never came back', ended in failure; 'at this time' is when, not a second time; a number
said bare beside a group ('the worst 400 of our 9,000 parts') is one of the other
telling's counts; a title said without an article sets the scene; a holiday or a term
('Black Friday', 'the spring term') is when, weak evidence of one event."""

from __future__ import annotations

import pytest
from two_tellings import told_twice

from scoring.document import Document
from scoring.ending import FAILURE, SUCCESS, ending
from scoring.facts import extract_facts, same_amounts
from scoring.position import positions
from scoring.similarity import Corpus, same_story, setting, specifics, two_events

INDIVIDUAL = "individual contributor"


def _ending(text: str) -> str | None:
    found = ending(text, Document(text).sentences)
    return found[0] if found else None


SHELVES = (
    "I ran the night crew at a garden centre warehouse, and pallets were put away in the "
    "wrong aisles every week. I walked the racks with the crew, colour-coded the aisle ends "
    "and made a one-page map for the forklift drivers. {result} I learned that a map beats "
    "a memo."
)


@pytest.mark.parametrize("swap", [False, True])
def test_down_by_a_share_is_the_change_and_two_changes_conflict(swap: bool) -> None:
    first = SHELVES.format(result="Over the season mis-put pallets fell 45%, from 40 to 22.")
    second = SHELVES.format(result="By the end of the season mis-put pallets were down 20%.")
    figure = next(f for f in extract_facts(second).figures if f.family == "percent")
    assert figure.role == "delta"
    result = told_twice(*((second, first) if swap else (first, second)))
    assert result.reused and [c.kind for c in result.contradictions] == ["number"]


def test_down_to_a_share_is_still_where_it_ended() -> None:
    figure = next(
        f for f in extract_facts("Returns were down to 22% by June.").figures if f.value == 22
    )
    assert figure.role == "after"


CLUB = (
    "I coach the under-twelves at a rugby club and I set up a Saturday breakfast club so the "
    "kids from the estate would turn up fed. Parents took turns cooking and attendance went "
    "up over the first term. {ending}"
)


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        (
            "But the breakfast club didn't continue after the spring, the volunteers drifted.",
            FAILURE,
        ),
        ("Then the committee stopped it over insurance, and it never came back.", FAILURE),
        ("The club took it over and every age group does it now.", SUCCESS),
        # A problem that was stopped and never came back is the work holding.
        ("That stopped the late arrivals for good, and they never came back.", SUCCESS),
    ],
)
def test_work_that_did_not_go_on_ended_in_failure(said: str, expected: str) -> None:
    assert _ending(CLUB.format(ending=said)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I was at this time on the supply desk at a builders' merchant.",
        "By this time the backlog was three weeks long.",
    ],
)
def test_at_this_time_is_when_not_a_second_time(text: str) -> None:
    assert not specifics(text).again


def test_this_time_still_points_back_at_an_earlier_event() -> None:
    assert specifics("This time the outage was in the billing cluster.").again


PARTS = (
    "At a kitchen fitter with about 40 showrooms we had let the range grow to very many parts, "
    "around 9,000, and most sold almost nothing. The bottom 400 parts made under 1% of sales "
    "but tied up about 600 thousand pounds. I "
    "sold them through trade clearance over one quarter and freed the 600 thousand."
)
PARTS_AGAIN = (
    "On the buying desk I argued with a category manager: my analysis showed the bottom 400 "
    "of our 9,000 parts made under 1% of sales. We cleared them through trade clearance over "
    "one quarter, and stock fell by the 600 thousand pounds I had worked out."
)


@pytest.mark.parametrize("swap", [False, True])
def test_a_part_and_its_whole_said_in_both_tellings_agree(swap: bool) -> None:
    result = told_twice(*((PARTS_AGAIN, PARTS) if swap else (PARTS, PARTS_AGAIN)))
    assert result.reused
    assert [c.kind for c in result.contradictions if c.kind == "number"] == []


@pytest.mark.parametrize(
    ("opening", "scene"),
    [
        ("I was night manager at a seaside hotel, and the lifts kept failing.", "night manager"),
        ("I was head of science at a comprehensive school.", "head of"),
    ],
)
def test_a_title_without_an_article_sets_the_scene(opening: str, scene: str) -> None:
    assert scene in setting(opening)


@pytest.mark.parametrize(
    "opening",
    ["I was paged at three in the morning by the on-call phone.", "I was not owner of it."],
)
def test_a_doing_or_a_denial_is_not_the_scene(opening: str) -> None:
    assert setting(opening) == ""


TILLS = (
    "I was store manager at a toy shop in Derby. Black Friday 2023 was my first there as "
    "manager; the year before the queue at the tills reached forty minutes. I pre-boxed the "
    "top ten toys, opened a collection desk and put two colleagues on handhelds. The longest "
    "queue was nine minutes and sales were up 12%."
)
SHRINK = (
    "I was store manager of the toy shop in Derby. In the same quarter as Black Friday 2023 "
    "our stock count showed a loss on drones of about 8,000 pounds. The area manager wanted a "
    "guard. I checked deliveries and found split lorries booked in twice, so the stock never "
    "existed; head office fixed the booking-in and the next count was normal."
)


def test_two_stories_at_one_shop_in_one_season_are_not_one_story() -> None:
    corpus = Corpus([TILLS, SHRINK])
    a, b = corpus.document(0, TILLS), corpus.document(1, SHRINK)
    verdict, _, shared = same_story(a, b, corpus.common)
    assert not verdict, shared
    said = specifics(TILLS)
    assert "black friday" in said.spans and "black friday" not in said.phrases
    assert two_events(specifics(TILLS), specifics(SHRINK)) is None  # nothing parts them but this


@pytest.mark.parametrize(
    ("said", "share"),
    [
        ("We cleared the old stock over one quarter.", None),
        ("Over a quarter of the calls were repeats.", 25.0),
        ("We cut the repeats by a quarter.", 25.0),
    ],
)
def test_over_one_quarter_is_time_not_a_share(said: str, share: float | None) -> None:
    shares = [f.value for f in extract_facts(said).figures if f.family == "percent"]
    assert shares == ([share] if share else [])


def test_how_things_had_been_running_is_where_a_change_starts() -> None:
    figure = next(
        f
        for f in extract_facts("Late deliveries had been running at about 90 a week.").figures
        if f.family in ("rate", "count")
    )
    assert figure.role == "before"


@pytest.mark.parametrize(
    ("said", "family"),
    [
        ("The year before, the fair had cost nearly 45,000.", "money"),
        ("In the end we spent twenty-eight thousand, which was under budget.", "money"),
        ("We raised a hundred and twelve thousand, our best night.", "money"),
        ("We paid 300 stewards for the day.", "count"),  # something counted: not money
    ],
)
def test_a_verb_of_money_makes_a_bare_number_an_amount(said: str, family: str) -> None:
    figure = max(extract_facts(said).figures, key=lambda f: f.value)
    assert figure.family == family


def test_one_amount_said_as_digits_and_in_words_is_evidence_of_one_story() -> None:
    first = (
        "I ran the spring fair for a school charity. The year before it had cost nearly "
        "45,000, so I moved the raffle online and asked the caterers to donate."
    )
    second = "Our spring fair had cost almost forty-five grand the year before I took it on."
    assert [
        (a.value, b.value) for a, b in same_amounts(extract_facts(first), extract_facts(second))
    ] == [(45000.0, 45000.0)]


@pytest.mark.parametrize(
    "said",
    [
        "I was working as receptionist on the night shift at a seafront hotel.",
        "I was employed as porter at the county hospital.",
    ],
)
def test_working_as_a_title_says_where_the_candidate_stood(said: str) -> None:
    assert [tier for tier, _, _ in positions(said)] == [INDIVIDUAL]


def test_a_receptionist_and_the_manager_of_receptionists_is_a_role_contradiction() -> None:
    first = (
        "I was working as receptionist on the night shift at a seafront hotel of 140 rooms. At "
        "two in the morning a couple arrived with a sick baby and the hotel was overbooked. I "
        "rang our sister hotel, held their last family room, booked a taxi and rode with them."
    )
    second = (
        "I was front office manager at the seafront hotel, with six receptionists in my team. "
        "At two in the morning a couple arrived with a sick baby and we were overbooked. I rang "
        "our sister hotel, took their last family room and rode with them in the taxi."
    )
    result = told_twice(first, second)
    assert result.reused and "role" in [c.kind for c in result.contradictions]


ROTA = (
    "I was a ward clerk on a busy surgical ward. The discharge paperwork {before}. I made a "
    "checklist the doctors could tick at the bedside and trained the night team on it over "
    "two weeks. {after} The matron later took it to two other wards."
)


@pytest.mark.parametrize("swap", [False, True])
def test_a_saving_against_a_change_told_by_its_ends(swap: bool) -> None:
    first = ROTA.format(
        before="took about fifty minutes a patient",
        after="It went from about fifty minutes down to ten.",
    )
    second = ROTA.format(
        before="used to take about fifty minutes a patient",
        after="The checklist saved us, I think, twenty minutes a patient.",
    )
    result = told_twice(*((second, first) if swap else (first, second)))
    assert result.reused and [c.kind for c in result.contradictions] == ["number"]


def test_a_saving_that_matches_the_change_is_no_conflict() -> None:
    first = ROTA.format(
        before="took about fifty minutes a patient",
        after="It went from about fifty minutes down to twenty.",
    )
    second = ROTA.format(
        before="used to take about fifty minutes a patient",
        after="The checklist saved us about thirty minutes a patient.",
    )
    result = told_twice(first, second)
    assert result.reused and result.contradictions == ()


@pytest.mark.parametrize(
    "said",
    [
        "The roof trusses were lifted on the original date and nothing behind them moved.",
        "We lost a day to wind, but the programme held.",
    ],
)
def test_work_done_on_its_date_is_on_time(said: str) -> None:
    text = "I ran the site for a small housing job and the crane broke down. " + said
    assert extract_facts(text).of("schedule")[0].value == "on time"


def test_people_the_candidate_was_supervising_are_their_reports() -> None:
    said = "I had the two analysts I was supervising split the billing data between them."
    assert [tier for tier, _, _ in positions(said)] == ["manager of people"]


PANTRY = (
    "I coordinate a community pantry that serves about 180 households a week. People queued "
    "in the cold from eight for a ten o'clock opening. {who} We kept one walk-in hour for "
    "people without phones, started in March, and after six weeks the queue had gone."
)


@pytest.mark.parametrize("swap", [False, True])
def test_whose_idea_said_in_other_words_and_pointed_back_to(swap: bool) -> None:
    mine = PANTRY.format(who="I came with the idea to give fifteen-minute booked slots.")
    theirs = PANTRY.format(
        who="One of our volunteers had seen booked slots at another pantry and she pushed for "
        "it at the volunteers' meeting; my part was the booking line."
    )
    result = told_twice(*((theirs, mine) if swap else (mine, theirs)))
    assert result.reused and [c.kind for c in result.contradictions] == ["agency"]


LOCKERS = (
    "I was deputy manager at a garden centre and click-and-collect customers queued at the "
    "returns desk for ten minutes at weekends. I ran a six-week trial of parcel lockers by "
    "the door, wrote the loading steps and stood by them on the first two Saturdays. Waits "
    "fell to under two minutes. {ending}"
)


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("Head office then rolled the lockers out to the other nine centres.", SUCCESS),
        ("Head office decided not to take the lockers any further, on cost.", FAILURE),
        ("It stayed a one-site thing, which still annoys me.", FAILURE),
    ],
)
def test_work_taken_further_or_not(said: str, expected: str) -> None:
    assert _ending(LOCKERS.format(ending=said)) == expected


TERM = (
    "It was my first year at a secondary school, {when}. My Year 9 set had had three supply "
    "teachers and did no homework. Every Friday I gave the last ten minutes to any question "
    "they liked and always answered by Monday. Homework handed in went from about 35% to 70%."
)


@pytest.mark.parametrize(
    ("first", "second", "kinds"),
    [
        ("in the autumn term", "in the spring term", ["date"]),
        ("in the summer term", "in the winter", ["date"]),
        ("in the autumn term", "in the autumn term", []),
    ],
)
def test_one_story_in_opposite_seasons_contradicts(
    first: str, second: str, kinds: list[str]
) -> None:
    result = told_twice(TERM.format(when=first), TERM.format(when=second))
    assert result.reused and [c.kind for c in result.contradictions] == kinds


def test_neighbouring_seasons_are_only_worth_a_check() -> None:
    result = told_twice(TERM.format(when="in the autumn term"), TERM.format(when="in the winter"))
    assert result.contradictions == () and [c.kind for c in result.checks] == ["date"]


@pytest.mark.parametrize(
    "opening",
    ["Area manager, Brightlift Gyms, eight clubs.", "Maths teacher, Hollins High, spring term."],
)
def test_a_terse_headline_opening_is_the_setting(opening: str) -> None:
    assert setting(opening + " I read every cancellation note myself.") == opening


def test_a_headline_with_a_clause_is_not_only_the_setting() -> None:
    said = "Area manager at Brightlift, and churn was up."
    assert setting(said + " I read every cancellation note myself.") != said


GYM_PRICE = (
    "Area manager, Brightlift Gyms, eight clubs. After a five-pound price rise in March, "
    "monthly churn went from 2.9% to 5.1%. I read every cancellation note: members of many "
    "years felt punished. I proposed freezing the price for anyone with four years or more. "
    "Churn was back to 3.0% within two months."
)
GYM_JOINERS = (
    "Brightlift Gyms, area manager, eight clubs. New joiners were leaving fast: 41% gone "
    "inside ninety days. I built a four-week welcome plan with two free coached sessions and "
    "a call after ten days without a visit, across all eight clubs. Ninety-day drop-out fell "
    "to 24%, and monthly churn eased by about half a point."
)


def test_two_terse_stories_from_one_job_are_two_stories() -> None:
    assert not told_twice(GYM_PRICE, GYM_JOINERS).reused
