"""Readings added in session 21, each in our own sentences, both ways.

How people say a title of their own in passing ('I was, um, pretty green, a staff nurse'),
a count by the verb that did it ('it kept jamming, thirty times a shift'), a time as a part
of an hour, a later reading that is the only result, 'later that year' (no year of its own),
a story declared another one in a note's sentence ('Different problem.') and a principle's
name heading a terse answer."""

from __future__ import annotations

import pytest
from two_tellings import reported, told_twice

WARD_LEAD = (
    "I was the charge nurse on a 24-bed surgical ward when the trust brought in a new sepsis "
    "screening tool. I ran the rollout for the ward: taught the nurses in small groups on "
    "nights, made pocket cards with the escalation steps and audited ten charts a week. Screening "
    "compliance went from 60% to 94% in three months."
)

WARD_JUNIOR = (
    "So I was, um, pretty green at the time, {title}, not in charge of anything. The ward was "
    "rolling out a sepsis screening tool and I noticed it fired on nearly every patient back "
    "from theatre. I read the paper behind it and asked our {other} if I could help with the "
    "chart audits. We found people scored post-op shivering as rigors. Screening compliance "
    "went from sixty to ninety-four percent over those three months."
)


@pytest.mark.parametrize(
    ("title", "other", "conflict"),
    [
        ("a staff nurse", "ward manager", True),  # a charge nurse, then a staff nurse
        ("a charge nurse", "ward manager", False),  # the same title twice
        ("new to the ward", "charge nurse", True),  # asking leave of the title one held
    ],
)
def test_a_title_said_in_passing_and_leave_asked_of_a_title(
    title: str, other: str, conflict: bool
) -> None:
    reported("role", WARD_LEAD, WARD_JUNIOR.format(title=title, other=other), conflict)


PRINTER = (
    "I ran the night shift at a parcel depot. The label printer on the main belt was failing "
    "us, roughly thirty jams a day, and each one stopped the belt for a couple of minutes. I "
    "logged every jam for a week, found most came from one batch of labels with a curled edge, "
    "got the supplier to swap the roll stock and added a cleaning step at each break. We went "
    "from thirty jams a day to four."
)

PRINTER_AGAIN = (
    "Yeah, the printer one. The label printer on our main belt just kept jamming, like, thirty "
    "times a day, and every time the belt stopped. I kept a log for a week and it was nearly "
    "all one batch of curled labels. Supplier swapped the stock, we added cleaning at breaks, and "
    "we got it from thirty a day down to {after}."
)


@pytest.mark.parametrize(("after", "conflict"), [("nine", True), ("four", False)])
def test_times_a_day_counts_what_the_verb_before_it_did(after: str, conflict: bool) -> None:
    reported("number", PRINTER, PRINTER_AGAIN.format(after=after), conflict)


HELPLINE = (
    "I supervised the tenants' repairs helpline at a housing association. Callers were waiting "
    "45 minutes on average before anyone picked up, and complaints to councillors were rising. "
    "I pulled a month of call logs and saw most calls were people chasing jobs already booked, "
    "so I set up a text with the booked date and a callback slot. After two months the average "
    "wait was down to 20 minutes."
)

HELPLINE_AGAIN = (
    "Tenants phoning our repairs line were waiting three quarters of an hour on average, which "
    "is awful when your boiler's out. Most of them were just chasing a job we'd already booked. "
    "So I had the system text them the booked date with a callback slot, and that took about "
    "{saved} minutes off the average wait."
)


@pytest.mark.parametrize(("saved", "conflict"), [("ten", True), ("twenty-five", False)])
def test_three_quarters_of_an_hour_and_a_result_read_later(saved: str, conflict: bool) -> None:
    reported("number", HELPLINE, HELPLINE_AGAIN.format(saved=saved), conflict)


MENTORED = (
    "At the branch there was a stores clerk, Ade, who I noticed was tidying bin locations in the "
    "system on his own time. So in early 2019 I gave him a real project: re-setting the reorder "
    "points for our top two hundred parts from usage history. I paired him with our planner for "
    "two hours a week and sent him on a forecasting course. About eight months later a junior "
    "planner job opened, he applied and got it."
)

MENTORED_AGAIN = (
    "When I was developing Ade, the stores clerk who became one of our planners, his first pass "
    "at reorder points for our top parts used a plain average of usage, so seasonal parts would "
    "have run short in exactly the wrong months. I told him it wasn't ready and had him redo it "
    "with seasonality. The second version is what we still use, and it's a big part of why he "
    "got the planner job later that year."
)


@pytest.mark.parametrize(
    ("when", "conflict"), [("later that year", False), ("early in 2023", True)]
)
def test_later_that_year_names_no_year_of_its_own(when: str, conflict: bool) -> None:
    second = MENTORED_AGAIN.replace("later that year", when)
    reported("date", MENTORED, second, conflict)


WARM_POOL = (
    "Platform engineer, Nimbus Hosting. CI runners on autoscaled VMs. Monday mornings the build "
    "queue hit 25 minutes because new VMs took eight minutes to boot. Same day I designed a warm "
    "pool of twenty runners booted 8 to 11 on weekdays, costed under 300 dollars a month, and "
    "shipped it behind a flag. Next Monday the peak queue was under three minutes."
)

WARM_POOL_OTHER = (
    "Nimbus Hosting again, platform team.{declared} The login service ran on serverless "
    "functions and cold starts pushed p99 to 2.4 seconds in the morning ramp. The proposal was "
    "provisioned capacity around the clock at 9,000 dollars a month. The ramp lasts ninety "
    "minutes on weekdays, so I put in a scheduled warm pool for weekday mornings instead, sized "
    "from last month's peak. p99 in the ramp fell to 400 ms, for about 1,100 a month."
)


def test_a_note_that_says_different_problem_is_another_story() -> None:
    declared = told_twice(WARM_POOL, WARM_POOL_OTHER.format(declared=" Different problem."))
    assert not declared.reused and not declared.checks
    # The same two notes without the words are close enough for the debrief to ask whether
    # they are one story: the words, not the figures, are what keeps them apart.
    unsaid = told_twice(WARM_POOL, WARM_POOL_OTHER.format(declared=""))
    assert unsaid.reused or unsaid.checks


HEADED = (
    "{heading}, team lead. Our courier partner missed two collection windows in a week, and "
    "parcels for a hospital sat on our dock overnight. I rang their depot manager, agreed a "
    "fixed 4pm slot with a named driver, and sent the hospital a daily collection photo until "
    "they trusted us again. No missed collection in the next six months."
)

HEADED_AGAIN = (
    "At Corran Logistics I was a team lead on the outbound dock. Our courier partner missed two "
    "collection windows in one week and the hospital's parcels sat with us overnight. I called "
    "their depot manager, got a fixed 4pm slot with one named driver, and sent the hospital a "
    "photo of every collection until they trusted us again."
)


@pytest.mark.parametrize(("heading", "conflict"), [("Earn Trust", False), ("Pennine Trust", True)])
def test_a_principle_heading_is_no_employer(heading: str, conflict: bool) -> None:
    reported("company", HEADED.format(heading=heading), HEADED_AGAIN, conflict)


ROUTES = (
    "I was transport planner at a dairy cooperative. Our nine tankers ran collection routes "
    "nobody had changed in twenty years. I took the trucks' GPS data and each farm's volumes and "
    "I rebuilt all the routes over one weekend in a spreadsheet solver. We needed eight tankers "
    "instead of nine and drove about 600 km less a week."
)

ROUTES_AGAIN = (
    "The hard part was the drivers, not the maths. When {maker} the new routes, my job was to "
    "explain to the drivers why theirs was changing; some had driven the same farms for fifteen "
    "years. I rode with each driver for a full day, and we swapped the order of two farms "
    "because of a weight-limited bridge. After two months they trusted the new routes; we ran "
    "eight tankers instead of nine collection tankers and drove about 600 km less a week."
)


@pytest.mark.parametrize(("maker", "conflict"), [("Tomasz finished", True), ("I finished", False)])
def test_who_made_the_thing_the_story_is_about(maker: str, conflict: bool) -> None:
    reported("agency", ROUTES, ROUTES_AGAIN.format(maker=maker), conflict)


COUNTER = (
    "This was my first job out of college, I was on the parts counter at a tractor dealer, "
    "basically the newest guy there. I kept seeing the same fuel pump come back under warranty, "
    "so I wrote the serial numbers in a notebook under the counter. After six weeks I had nine "
    "of them from one narrow serial range. I took it to the parts manager and the maker recalled "
    "forty pumps."
)

COUNTER_AGAIN = (
    "We had fuel pumps failing on one tractor model, and farmers were losing machines mid-harvest. "
    "{who} pulled every return tag from the last six months, and once we lined up the serial "
    "numbers nine failures sat in one narrow range. I took that to the parts manager, he rang "
    "the maker that afternoon and they recalled forty pumps."
)


@pytest.mark.parametrize(
    ("who", "conflict"),
    [("I had my two counter guys", True), ("I", False)],
)
def test_the_newest_guy_there_manages_no_one(who: str, conflict: bool) -> None:
    reported("role", COUNTER, COUNTER_AGAIN.format(who=who), conflict)


STOP = (
    "In my first year at the bus company I was still a trainee driver, about three months in. A "
    "stop outside a primary school had been moved for roadworks and passengers stepped off "
    "straight into a cycle lane. I photographed near misses, filed the hazard report and went to "
    "the planning office myself, and the stop was moved forty metres within a fortnight."
)

STOP_AGAIN = (
    "The school stop on the 17. People were stepping off into a cycle lane. {said} when I asked "
    "drivers on that route to log every near miss for a week they did it properly, with times. I "
    "took the log to planning, and the stop was moved about forty metres within two weeks."
)


@pytest.mark.parametrize(
    ("said", "conflict"),
    [
        ("As the depot's driver trainer I'd trained most of them, so", True),
        ("I was new, but the other drivers liked me, so", False),
    ],
)
def test_a_trainer_is_no_trainee(said: str, conflict: bool) -> None:
    reported("role", STOP, STOP_AGAIN.format(said=said), conflict)


CARRIER = (
    "I coordinated deliveries for a wine merchant. Every summer restaurants sent back cooked "
    "wine. I put temperature loggers in twenty cases on our carrier's vans for a week in July "
    "and the cargo area sat above 35 degrees for hours. I got a six-week trial with a "
    "refrigerated carrier for the premium range, and heat returns fell from 2.4% to 0.3%. "
    "{after}"
)


@pytest.mark.parametrize(
    ("first_after", "second_after", "conflict"),
    [
        (
            "So we moved the premium range to the refrigerated carrier permanently.",
            "When the trial finished we went back to our normal carrier because of the price.",
            True,
        ),
        (
            "So we moved the premium range to the refrigerated carrier permanently.",
            "It is still on the refrigerated carrier today.",
            False,
        ),
    ],
)
def test_a_change_made_permanent_against_going_back_to_the_normal_one(
    first_after: str, second_after: str, conflict: bool
) -> None:
    first = CARRIER.format(after=first_after)
    reported("outcome", first, CARRIER.format(after=second_after), conflict)


TUTORIAL = (
    "Our puzzle game lost most new players inside a four-minute tutorial. I grabbed a designer "
    "and an engineer between features and we built a shorter, skippable one in two weeks. We "
    "tested it on ten percent of new installs and day-one retention in the test cell rose four "
    "points. {after}"
)


@pytest.mark.parametrize(
    ("after", "conflict"),
    [
        ("But day seven was worse, so the test never went past the ten percent.", True),
        ("The next sprint we rolled it out to all new players.", False),
    ],
)
def test_a_test_that_never_went_past_its_share_was_not_rolled_out(
    after: str, conflict: bool
) -> None:
    first = TUTORIAL.format(after="The next sprint we rolled it out to all new players.")
    reported("outcome", first, TUTORIAL.format(after=after), conflict)
