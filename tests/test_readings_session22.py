"""Readings added in session 22, each in our own sentences, both ways.

A rank said before any job noun ('a junior surveyor'), a title someone named held ('Imran
was the project lead'), an offer to customers taken back ('we pulled the discount'), a
group counted where its people were ('there were nine fitters on that crew'), a terse note
that opens on a bullet and a public body ('- Northgate Borough Council, ...'), and a client
whose several-word name is all that two stories share."""

from __future__ import annotations

import pytest
from two_tellings import reported, told_twice

SURVEY_LEAD = (
    "I was the lead geologist on the bypass scheme when the ground model came back wrong. The "
    "boreholes showed soft clay where the design assumed gravel, about two hundred metres of it "
    "under the embankment. I stopped the earthworks for a week, ordered six extra boreholes and "
    "took the results to the designer myself. They added wick drains and a surcharge, and the "
    "embankment settled within the limits by the autumn."
)

SURVEY_JUNIOR = (
    "So I was still {rank} geologist back then, on the bypass scheme, and the boreholes showed "
    "soft clay where the design said gravel, around two hundred metres under the embankment. "
    "I flagged it, the earthworks stopped for a week, we put down six more boreholes and the "
    "designer added wick drains and a surcharge. It settled within the limits by the autumn."
)


@pytest.mark.parametrize(("rank", "conflict"), [("a junior", True), ("the lead", False)])
def test_a_rank_said_before_any_job_noun(rank: str, conflict: bool) -> None:
    reported("role", SURVEY_LEAD, SURVEY_JUNIOR.format(rank=rank), conflict)


MIGRATION_LEAD = (
    "I was the project lead for moving our twelve clinics from paper referrals to the e-referral "
    "system. I set the plan, chaired the weekly call with the practice managers and chose to go "
    "live over a bank holiday weekend, when the clinics were shut. The hard part was about 1,500 "
    "referrals already in flight; we keyed those by hand before the switch. We went live on the "
    "Tuesday and no referral was lost."
)

MIGRATION_MEMBER = (
    "This was the move to e-referrals across the twelve clinics. {holder} was the project lead, "
    "and I was on the project team with the referrals already in flight as my piece, about "
    "fifteen hundred of them, which we keyed by hand before the switch. We went live after the "
    "bank holiday weekend, on the Tuesday, and no referral went missing."
)


@pytest.mark.parametrize(("holder", "conflict"), [("Imran", True), ("It", False)])
def test_a_title_a_named_person_held(holder: str, conflict: bool) -> None:
    text = MIGRATION_MEMBER.format(holder=holder)
    if holder == "It":
        text = text.replace("It was the project lead, and I was", "I was the project lead, and")
    reported("role", MIGRATION_LEAD, text, conflict)


DISCOUNT_KEPT = (
    "I managed the online shop for a garden centre. Customers kept abandoning baskets at the "
    "delivery charge, so I proposed free delivery on orders over forty pounds, paid for by a "
    "small rise on bulky items. Basket completion went from 48% to 61% in the first quarter, "
    "and the free delivery threshold is still on the site today."
)

DISCOUNT_ENDED = (
    "The one I'd pick is the free delivery offer at the garden centre's online shop. Baskets "
    "were being dropped at the delivery charge, so free delivery over forty pounds, covered by "
    "a rise on bulky items. Completion went up nicely at first. But the bulky items stopped "
    "selling, and after two months {ending}."
)


@pytest.mark.parametrize(
    ("ending", "conflict"),
    [
        ("we pulled the offer", True),
        ("we pulled the offer data for the board", False),  # figures fetched, not an ending
    ],
)
def test_an_offer_taken_back_is_an_ending(ending: str, conflict: bool) -> None:
    reported("outcome", DISCOUNT_KEPT, DISCOUNT_ENDED.format(ending=ending), conflict)


REFIT_SMALL = (
    "I supervised a plumbing crew of five on a hospital wing refit. The ward handover date was "
    "fixed because patients were being moved in, and the steelwork came in a fortnight late. I "
    "resequenced the risers floor by floor, put two of my people on an early shift so we weren't "
    "waiting on the ceiling fixers, and we handed the wing over on the original date."
)

REFIT_AGAIN = (
    "There were {size} fitters on that crew, and the steelwork landed two weeks late on the "
    "hospital wing refit, with a handover date that couldn't move because patients were coming "
    "in. I went floor by floor on the risers and moved two people to an early shift. We handed "
    "over on the original date."
)


@pytest.mark.parametrize(("size", "conflict"), [("eleven", True), ("five", False)])
def test_a_group_counted_where_its_people_were(size: str, conflict: bool) -> None:
    reported("team", REFIT_SMALL, REFIT_AGAIN.format(size=size), conflict)


def test_a_group_of_an_adjective_noun_counts_its_people() -> None:
    """'An electrical crew of six on a ferry build' is six people, not six builds."""
    a = REFIT_SMALL.replace("a plumbing crew of five", "an experienced plumbing crew of five")
    reported("team", a, REFIT_AGAIN.format(size="eleven"), True)


GRANTS = (
    "I was a grants officer at Eastmoor District Council. Small charities were giving up on our "
    "community fund because the form ran to fourteen pages. I cut it to four, added a phone "
    "line for help, and applications from first-time groups went from 9 to 31 the next round."
)

GRANTS_NOTE = (
    "- {employer}, grants officer\n"
    "- Small charities giving up on the community fund: 14-page form\n"
    "- Cut to 4 pages + phone help line\n"
    "- First-time groups applying: 9 -> 31 next round"
)


@pytest.mark.parametrize(
    ("employer", "conflict"),
    [("Northgate Borough Council", True), ("Eastmoor District Council", False)],
)
def test_a_bulleted_note_opening_on_a_public_body(employer: str, conflict: bool) -> None:
    reported("company", GRANTS, GRANTS_NOTE.format(employer=employer), conflict)


CLIENT_SURVEY = (
    "At Brightside Solar our largest install that spring was on the roof of Hollow Lane "
    "Primary School. On the survey I saw the roof drainage was blocked and pooling, which "
    "would have sat water around our mounting feet. It wasn't in our contract, but I told the "
    "head teacher before she signed, found her a roofer, and we moved our install three weeks "
    "later so the gutters were done first."
)

CLIENT_FAULT = (
    "With Hollow Lane Primary School, we'd put their panels in the year before, and the bursar "
    "rang because the monitoring page showed nothing for a fortnight. The school's IT firm had "
    "swapped their router, so the inverter had lost its link, and one string breaker had also "
    "tripped. I went that afternoon, reset it, worked out the lost generation and we credited "
    "them. Since then any site that reads zero for a day rings an alert on our side."
)


def test_a_client_named_in_several_words_is_not_one_story() -> None:
    """Two jobs for one client share only its name: not one story, at most a check."""
    result = told_twice(CLIENT_SURVEY, CLIENT_FAULT)
    assert not result.reused
    assert not result.contradictions


def test_a_client_named_and_the_event_retold_is_one_story() -> None:
    """The same client with the same fault told again is still one story."""
    again = (
        "Hollow Lane Primary School rang us because their monitoring showed zero for a "
        "fortnight. Their IT firm had swapped the router and the inverter lost its link, plus a "
        "string breaker had tripped. I went that afternoon, reset it, worked out the lost "
        "generation and we credited them, and now any site reading zero for a day alerts us."
    )
    assert told_twice(CLIENT_FAULT, again).reused


NIGHT_SORT = (
    "I ran the night sort at a parcel hub. We were mis-sorting about two percent of what went "
    "through, and on {volume} parcels a night that's hundreds on the wrong van every night. I "
    "colour-coded the cage labels by postcode area and put a scan-at-cage check on the "
    "handhelds. Mis-sorts fell to about half a percent within six weeks."
)

NIGHT_SORT_AGAIN = (
    "On nights at the hub we handled around 40,000 parcels a night and mis-sorted 1.8% of "
    "them. I brought in postcode colours on the cage labels and a scan-to-cage check on the "
    "handhelds, and six weeks later mis-sorts were at 0.5%."
)


@pytest.mark.parametrize(
    ("volume", "conflict"), [("forty-odd thousand", False), ("twenty-odd thousand", True)]
)
def test_a_round_number_hedged_before_its_scale_word(volume: str, conflict: bool) -> None:
    """'Forty-odd thousand' is about 40,000, not forty and a thousand."""
    reported("number", NIGHT_SORT.format(volume=volume), NIGHT_SORT_AGAIN, conflict)


TRIAGE = (
    "In admissions, international applications waited about six weeks for transcript checks. "
    "I proposed a green, amber and red triage and built the trusted list from {years} of past "
    "decisions, and compliance signed it off. Time to decision fell to ten days the next cycle."
)

TRIAGE_AGAIN = (
    "Applications from abroad sat around six weeks waiting on transcripts. I set up a "
    "traffic-light triage, and I built the trusted list from four years of past decisions, so "
    "compliance only saw the amber and red ones. The next cycle the wait was ten days."
)


@pytest.mark.parametrize(
    ("years", "conflict"),
    [
        ("five years, no wait, it was four years,", False),  # taken back at once
        ("six years", True),
    ],
)
def test_a_figure_taken_back_in_the_same_breath(years: str, conflict: bool) -> None:
    reported("number", TRIAGE.format(years=years), TRIAGE_AGAIN, conflict)


WAVES = (
    "Peak at our depot: I split the night into two sort waves, trunk trailers first with a "
    "hard midnight cut-off and a sweeper trailer at four, so the loading doors freed up. I "
    "trialled it on three nights in October and then ran it for the six weeks of peak. At the "
    "top we were doing about thirty-one thousand a night with no missed trunks."
)

WAVES_AGAIN = (
    "The two-wave night at the depot: trunks early with a midnight cut-off, local routes late, "
    "a sweeper trailer at four. We got to about {top} parcels a night at the top of peak with "
    "no missed trunks. Another depot copied it and struggled with the sweeper, so I spent two "
    "nights there helping them set up a standby driver rota."
)


def test_nights_are_a_stretch_of_time_and_a_night_a_rate() -> None:
    """'Trialled on three nights' and 'spent two nights there' are two steps' time, and
    'thirty-one thousand a night' counts parcels, not nights: no conflict of nights."""
    result = told_twice(WAVES, WAVES_AGAIN.format(top="31,000"))
    assert result.reused
    assert not result.contradictions, [c.detail for c in result.contradictions]


DAMAGE = (
    "Parcel damage at our depot was nearly one in a hundred against a contract target of half "
    "a percent. I set a simple loading standard, heavy at the bottom and nothing above shoulder "
    "height, retrained the loaders on the floor, and my team leaders checked cages at random "
    "every night and photographed any that failed. After six months damage was down to three "
    "in a thousand, and the standard is still in use."
)

DAMAGE_AGAIN = (
    "Damage was running at 0.9% against a 0.5% target. I brought in heavy-at-the-bottom and "
    "nothing above shoulder height, retrained about 120 loaders in small groups, and over six "
    "months damage came down to 0.3%. {ending}"
)


@pytest.mark.parametrize(
    ("ending", "conflict"),
    [
        ("It is still the standard there.", False),
        ("But a year later it failed and we went back to the old loading.", True),
    ],
)
def test_any_that_failed_is_not_the_work_failing(ending: str, conflict: bool) -> None:
    reported("outcome", DAMAGE, DAMAGE_AGAIN.format(ending=ending), conflict)


def test_a_telling_late_and_then_on_time_is_read() -> None:
    """A telling that says the work started late and still met its date is analysed (it
    once raised an error) and is one story with a telling that says only the date."""
    late = (
        "The steelwork arrived two weeks late on the hospital refit, so I resequenced the "
        "risers floor by floor and moved two fitters to an early shift. We handed the wing "
        "over on the original date, and the patients moved in that weekend."
    )
    plain = (
        "On the hospital refit the steelwork was a fortnight late. I resequenced the risers "
        "floor by floor, moved two fitters to an early shift, and we handed the wing over on "
        "the original date, with the patients moving in that weekend."
    )
    result = told_twice(late, plain)
    assert result.reused
    assert not [c for c in result.contradictions if c.kind == "outcome"]


SCRIPT_KEPT = (
    "I handled permits at a small roofing firm, about 25 applications a month, each taking "
    "close to two hours of retyping. Over two weeks of evenings I wrote a script that filled the "
    "council's forms from our job system, and each application dropped to twenty minutes. "
    "{kept}"
)

SCRIPT_ENDED = (
    "Permits at the roofing firm took nearly two hours each, all retyping. I wrote a script in "
    "my evenings, two weeks or so, that filled the council forms from the job system, and an "
    "application took about twenty minutes. Then the council changed its forms that spring, "
    "the script broke, and {ended}."
)


@pytest.mark.parametrize(
    ("kept", "ended", "conflict"),
    [
        (
            "When I left the firm they were still using it.",
            "by the summer the office was back to filling them in by hand",
            True,
        ),
        (
            "When I left the firm they were still using it.",
            "I fixed it in an afternoon and it ran fine",
            False,
        ),
    ],
)
def test_still_using_it_against_back_to_doing_it_by_hand(
    kept: str, ended: str, conflict: bool
) -> None:
    reported("outcome", SCRIPT_KEPT.format(kept=kept), SCRIPT_ENDED.format(ended=ended), conflict)


PILOT = (
    "I was a supervisor at a courier depot. Local shops wanted same-day delivery, so I proposed "
    "a pilot: twelve rented vans, a noon pickup round and delivery before eight in the evening. "
    "We ran it for two months with 30 shops and hit 94% on time. {after}"
)


@pytest.mark.parametrize(
    ("after", "conflict"),
    [
        (
            "After the pilot the vans went back to the hire firm and the shops continued with "
            "our normal next-day service.",
            True,
        ),
        ("After the pilot the regional manager made it a permanent service.", False),
    ],
)
def test_carrying_on_with_the_normal_service_is_a_trial_not_kept(
    after: str, conflict: bool
) -> None:
    kept = PILOT.format(after="Management agreed to make it permanent service across the city.")
    reported("outcome", kept, PILOT.format(after=after), conflict)


SLOTS_MINE = (
    "As regional operations manager for eight of our pharmacies, I was told by head office to "
    "cut prescription checks from ten minutes to six. I pulled two months of data: a third of "
    "checks for patients on five or more medicines already ran past ten minutes. I took a "
    "split model to the operations director and she agreed: six minutes for repeats, ten kept "
    "for complex cases. Throughput still rose about 7%."
)

SLOTS_BOSS = (
    "Head office wanted prescription checks cut from ten minutes to six across the eight "
    "pharmacies in my region. I pulled two months of data and a third of checks for patients "
    "on five or more medicines already ran past ten minutes. I went first to my boss, {boss}, "
    "and she told me to take a split model to the operations director myself: six minutes for "
    "repeats, ten for complex cases. Throughput still rose about 7%."
)


@pytest.mark.parametrize(
    ("boss", "conflict"),
    [("Priya, the regional operations manager", True), ("Priya", False)],
)
def test_a_named_person_given_a_title_in_apposition(boss: str, conflict: bool) -> None:
    reported("role", SLOTS_MINE, SLOTS_BOSS.format(boss=boss), conflict)


SUBS = (
    "I ran audience development at a city orchestra. Subscriptions had fallen to about 3,100. "
    "I phoned lapsed subscribers and heard the same thing: ten fixed Thursdays was too much, "
    "and many were {wish}. We launched a pick-any-five package with Saturday matinees and "
    "opened renewals in spring. By the close of renewals we were 22% up on the year before."
)

SUBS_AGAIN = (
    "The pick-any-five package at the orchestra: subscriptions were down to about 3,100, so we "
    "offered five concerts of your choice, Saturday matinees and free date swaps. We ran "
    "renewals through to the end of August and finished 22% up on the previous year."
)


@pytest.mark.parametrize(
    ("wish", "conflict"),
    [
        ("not wanting to drive home in the dark in January", False),
        ("asked to renew early, so we closed renewals in January", True),
    ],
)
def test_a_month_in_what_people_did_not_want_dates_nothing(wish: str, conflict: bool) -> None:
    reported("date", SUBS.format(wish=wish), SUBS_AGAIN, conflict)


GRADING = (
    "At the returns centre I proposed a camera station to grade returned clothes, tried on one "
    "line for three months. Grading took about 40 seconds an item instead of 90, with 94% "
    "agreement against 96% for people. {after}"
)


@pytest.mark.parametrize(
    ("after", "conflict"),
    [
        ("After the trial we introduced it to all three lines and now it is standard.", True),
        ("After the trial we stopped it and went back to manual grading on that line.", False),
    ],
)
def test_taken_up_everywhere_against_back_to_the_manual_way(after: str, conflict: bool) -> None:
    ended = GRADING.format(
        after="After the trial we stopped it and went back to manual grading on that line."
    )
    reported("outcome", GRADING.format(after=after), ended, conflict)


TEMPLATES = (
    "As art director at a weekly magazine I replaced about forty page templates with twelve on "
    "one grid, and laying out an issue went from four days to two and a half. {after}"
)


@pytest.mark.parametrize(
    ("after", "conflict"),
    [
        ("We kept it. Every issue since has been built on them.", True),
        ("We kept it simple for the ad team, and the publisher was happy.", False),
    ],
)
def test_we_kept_it_against_a_roll_back_to_the_old_templates(after: str, conflict: bool) -> None:
    rolled = TEMPLATES.format(
        after="But ads no longer fitted, and after three issues the publisher and I agreed to "
        "roll back to the old templates."
    )
    reported("outcome", TEMPLATES.format(after=after), rolled, conflict)


SCREENINGS_MINE = (
    "I was assistant manager at our cinema in Reading. A mother told me she had to leave a "
    "children's film because it was too loud for her autistic son. I read up on relaxed "
    "screenings, wrote a one-pager, and took it to my GM and said, look, let's try one Sunday "
    "morning a month. The first one had thirty people and by six months we had ninety."
)

SCREENINGS_AGAIN = (
    "At the Reading cinema, where I was assistant manager, {who} one Sunday morning a month "
    "for relaxed screenings, lights half up and sound down, and I ran them. The first had "
    "thirty people; six months later we had about ninety."
)


@pytest.mark.parametrize(
    ("who", "conflict"),
    [
        ("my GM, Martin, came up with the idea of trying", True),
        ("I came up with the idea of trying", False),
    ],
)
def test_taking_it_to_the_boss_and_saying_lets_try_is_proposing(who: str, conflict: bool) -> None:
    reported("agency", SCREENINGS_MINE, SCREENINGS_AGAIN.format(who=who), conflict)
