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


TRIM = (
    "I was production supervisor on the pastry line of a bakery. Trim waste, the dough cut off "
    "during sheeting, ran at about 9% of input. I weighed the trim bins every shift for three "
    "weeks and found the sheeter set wider than the cutter, a leftover from an old product. I "
    "reset the width and fed clean trim back into the next batch. Trim waste fell to 4%, which "
    "was worth roughly £180,000 a year in flour and butter."
)

TRIM_AGAIN = (
    "So the pastry line, yeah. We were basically binning butter, because the sheeter was "
    "running wider than the cutter and the trim went for pig feed. I weighed the bins for a few "
    "weeks, we fixed the width and started feeding clean trim back into the next batch. And it "
    "came to, um, around {saved} pounds a year saved."
)


@pytest.mark.parametrize(
    ("saved", "conflict"), [("eighty thousand", True), ("a hundred and eighty thousand", False)]
)
def test_what_a_change_was_worth_and_a_sum_a_year_saved(saved: str, conflict: bool) -> None:
    reported("number", TRIM, TRIM_AGAIN.format(saved=saved), conflict)


SPLICE = (
    "In February a storm brought down aerial fibre serving about 3,000 homes and the backup link "
    "for the local hospital. I was the senior splicer on an eight-person crew. Our lead got sign "
    "off for a temporary overlay, he gave me the hospital link, and it was back up in nine hours."
)

SPLICE_AGAIN = (
    "Um, the storm one, when the aerial fibre came down, about 3,000 homes and the hospital's "
    "backup link. So I was, like, {said} then, and there were eight of us on the crew. Our lead "
    "got sign off for a temporary overlay, he gave me the hospital link, and I had it back up "
    "in nine hours."
)


@pytest.mark.parametrize(
    ("said", "conflict"),
    [("still a trainee", True), ("the senior splicer", False)],
)
def test_a_filler_after_i_was_and_a_trade_title(said: str, conflict: bool) -> None:
    reported("role", SPLICE, SPLICE_AGAIN.format(said=said), conflict)


GLASS = (
    "I was the process engineer on a recycling line. Paper bales were rejected by the mill for "
    "glass contamination, about 6% against a limit of 3%. I proposed moving the glass-breaker "
    "screen ahead of the paper screen, ran a one-shift trial and measured contamination at 2.5%."
)

GLASS_AGAIN = (
    "Yeah so, the glass in the paper bales. The mill kept rejecting our loads. {who} the one "
    "who said the glass is breaking after the screen, not before, and that we should swap the "
    "screens round. My job was to prove it, so I sampled the paper line every hour for a week. "
    "Once I had the data we ran a trial and glass in the bales came down to under three percent "
    "against the mill's 3% limit."
)


@pytest.mark.parametrize(
    ("who", "conflict"),
    [("My shift manager, Kwame, he was", True), ("Honestly I was", False)],
)
def test_one_who_said_what_was_wrong_and_what_we_should_do(who: str, conflict: bool) -> None:
    reported("agency", GLASS, GLASS_AGAIN.format(who=who), conflict)


FRACTURE = (
    "I was an operations analyst for a hospital's orthopaedic service. We built a virtual "
    "fracture clinic where a consultant reviews the X-ray next morning and simple injuries get "
    "a phone call instead of a visit. There were four of us on the project, and my part was the "
    "referral form an A&E doctor could fill in under a minute. Within six months about 40% of "
    "referrals were managed without a visit."
)

FRACTURE_AGAIN = (
    "So the virtual fracture clinic. Um, it was a big team, actually, like {n} of us, "
    "consultants, physios, admin, and the hard bit was keeping everybody moving the same way. I "
    "built the referral form an A&E doctor could fill in under a minute. After six months about "
    "forty percent of referrals didn't need to come in."
)


@pytest.mark.parametrize(("n", "conflict"), [("twelve", True), ("four", False)])
def test_a_team_counted_after_fillers(n: str, conflict: bool) -> None:
    reported("team", FRACTURE, FRACTURE_AGAIN.format(n=n), conflict)


FLOUR = (
    "Buyer, {employer}, 2022. Wheat price spike after bad harvest news. Flour contract was "
    "floating. Locked 60% of annual volume at a fixed price with our main mill, kept 40% "
    "floating. Bigger pallets cut deliveries from 5 to 3 a week. Avoided roughly £210k vs spot."
)

FLOUR_AGAIN = (
    "Yeah, so at Oakbridge Baking, I was the buyer for flour and fats. In 2022 wheat prices "
    "spiked on the harvest news and our flour contract was floating. I locked about sixty "
    "percent of annual volume at a fixed price with our main mill and left forty floating, and "
    "that avoided something like £210k against spot. I also moved us to bigger pallets, so the "
    "mill did three deliveries a week instead of five."
)


@pytest.mark.parametrize(
    ("employer", "conflict"), [("Hartwell Bakeries", True), ("Oakbridge Baking", False)]
)
def test_a_note_that_names_the_job_then_the_employer(employer: str, conflict: bool) -> None:
    reported("company", FLOUR.format(employer=employer), FLOUR_AGAIN, conflict)


@pytest.mark.parametrize(
    ("said", "conflict"),
    [("I got much better at Power Query that year.", False), ("I was at Brightmill Foods.", True)],
)
def test_a_skill_one_got_better_at_is_no_employer(said: str, conflict: bool) -> None:
    second = FLOUR_AGAIN.replace("at Oakbridge Baking, ", "") + " " + said
    reported("company", FLOUR_AGAIN, second, conflict)


TURNAROUND = (
    "I'm a theatre nurse in a day-surgery unit. Turnaround between knee scopes averaged 32 "
    "minutes. I timed twenty turnarounds and found trays were laid up only after the room was "
    "clean. I proposed that a second scrub nurse lay up the next tray in the prep room during "
    "the case. Average turnaround came down to 23 minutes, a 28% reduction, and we added one "
    "case to the Thursday list."
)

TURNAROUND_AGAIN = (
    "Um, so we laid the trays up in the prep room. I stood there with a stopwatch for twenty "
    "changeovers. Now the second scrub nurse sets the next tray up while the case is still "
    "going. Turnaround dropped by about thirty percent, {said} every changeover, and the "
    "Thursday list got an extra patient."
)


@pytest.mark.parametrize(
    ("said", "conflict"),
    [("so, like, nine or ten minutes", False), ("down to, like, fifteen minutes", True)],
)
def test_a_change_said_again_in_minutes_is_the_change(said: str, conflict: bool) -> None:
    reported("number", TURNAROUND, TURNAROUND_AGAIN.format(said=said), conflict)


CHECKER = (
    "I was a tax analyst at Hollis & Grant, reviewing quarterly VAT returns against a forty-item "
    "checklist, about two hours a return. I built a Power Query tool that flagged the twenty-six "
    "mechanical checks automatically, and on my own clients review time went from two hours to "
    "about forty minutes. {after}"
)


@pytest.mark.parametrize(
    ("after", "conflict"),
    [
        ("But the compliance partner worried about the audit trail, and it was shelved after the "
         "pilot.", True),
        ("The partners rolled it out as the standard review process across all three offices.",
         False),
    ],
)  # fmt: skip
def test_rolled_out_as_the_standard_against_shelved_after_the_pilot(
    after: str, conflict: bool
) -> None:
    kept = "The partners rolled it out as the standard review process across all three offices."
    reported("outcome", CHECKER.format(after=kept), CHECKER.format(after=after), conflict)


GATE = (
    "In 2018 at a container terminal, as a yard planner, I kept hearing from hauliers that truck "
    "turnaround was terrible. I followed three months of gate transactions and found one in "
    "five import pickups rejected at the in-gate for customs holds that had already been "
    "released, because release messages arrived in a batch every thirty minutes. I worked with "
    "IT to switch to real-time release messages, and average turnaround went down from "
    "forty-eight to thirty-one minutes."
)

GATE_AGAIN = (
    "So, at the terminal in 2018 I was a yard planner, and everyone complained about truck "
    "turnaround. The cause was customs release messages reaching our system in a batch every "
    "thirty minutes, so about a fifth of import trucks were turned away for boxes already "
    "released. I proposed real-time release messages. Our average turnaround went from "
    "forty-eight minutes to about {after}."
)


@pytest.mark.parametrize(("after", "conflict"), [("thirty-eight", True), ("thirty", False)])
def test_two_changes_from_one_start_that_differ_by_more_than_a_third(
    after: str, conflict: bool
) -> None:
    reported("number", GATE, GATE_AGAIN.format(after=after), conflict)


KIOSKS = (
    "I'm an interpretation officer at a natural history museum. Families spent about eight "
    "minutes in the fossil gallery because the labels were written for specialists. I pitched "
    "layered text on touch-screen kiosks we could update ourselves, found £40,000 from a "
    "heritage grant and wrote 120 layered texts with two curators. Family dwell time went to "
    "about 22 minutes. {after}"
)


@pytest.mark.parametrize(
    ("after", "conflict"),
    [
        ("We took the kiosks out the next spring when the maintenance contract ran out.", True),
        ("The kiosks are still in that gallery, and the Egyptian rooms are next.", False),
    ],
)
def test_still_in_that_gallery_against_taken_out_the_next_spring(
    after: str, conflict: bool
) -> None:
    kept = KIOSKS.format(
        after="The kiosks are still in that gallery, and the Egyptian rooms are next."
    )
    reported("outcome", kept, KIOSKS.format(after=after), conflict)


CHECK_IN = (
    "I run events for an esports organiser. Check-in at our LANs took over an hour because staff "
    "ticked players off printed lists at one desk. I built a QR check-in: a code in every "
    "confirmation email, scanned at the door with two phones, marking players present in the "
    "bracket tool. At the autumn LAN, check-in for all 256 players took under twenty minutes. "
    "{after}"
)


@pytest.mark.parametrize(
    ("after", "conflict"),
    [
        ("By the winter LAN we were back to the desk with the printed lists.", True),
        ("It has been our standard check-in at every LAN since then.", False),
    ],
)
def test_back_to_the_desk_with_the_printed_lists(after: str, conflict: bool) -> None:
    kept = CHECK_IN.format(after="It has been our standard check-in at every LAN since then.")
    reported("outcome", kept, CHECK_IN.format(after=after), conflict)


STACKING = (
    "Yard planner at a container terminal. Too many rehandles at vessel loading: export boxes "
    "for one ship stacked mixed by discharge port. I came up with a simple rule: stack exports "
    "by vessel and discharge port, four high at most. Tested it on two blocks for a month. "
    "Rehandles per 100 moves: 18 to 7. Rolled out to all export blocks."
)

STACKING_AGAIN = (
    "At the terminal I was a yard planner, and the straddle drivers didn't trust planners. When "
    "the new stacking rule came in from {who}, export boxes grouped by vessel and discharge "
    "port, my part was making it work on the ground. I rode in the cabs on night shifts and "
    "posted the rehandle figures weekly. Rehandles went from 18 per 100 moves to 7."
)


@pytest.mark.parametrize(
    ("who", "conflict"),
    [("Diane, our operations manager", True), ("me, after a month of trials", False)],
)
def test_a_rule_that_came_in_from_someone_else(who: str, conflict: bool) -> None:
    reported("agency", STACKING, STACKING_AGAIN.format(who=who), conflict)


REVIEWS = (
    "I'm a senior staff nurse in an orthopaedic clinic. Almost one in five patients were not "
    "coming to their six-week review after fracture surgery. I rewrote the appointment letter "
    "in plain English, called each patient two days ahead and linked those without transport "
    "to the volunteer drivers. By the end of that year it came down to one in ten."
)

REVIEWS_AGAIN = (
    "Nobody owned the follow-up reminders at our orthopaedic clinic, so post-fracture patients "
    "missed their six-week review. I rewrote the appointment letter in plain language, set up a "
    "reminder call two days ahead and arranged volunteer transport. Over that year we cut "
    "missed reviews by {cut}."
)


@pytest.mark.parametrize(("cut", "conflict"), [("about a third", True), ("about half", False)])
def test_a_cut_said_as_a_fraction_against_the_change_told_by_its_ends(
    cut: str, conflict: bool
) -> None:
    reported("number", REVIEWS, REVIEWS_AGAIN.format(cut=cut), conflict)


TUTORS = (
    "I was the tutor community manager on a tutoring marketplace. Many new tutors left in their "
    "first three months, and when I called them two reasons kept coming up: payouts were "
    "monthly, and they felt alone. I proposed weekly payouts and started a monthly cohort of new "
    "tutors with an experienced mentor. After half a year, early churn was cut by 40 percent."
)

TUTORS_AGAIN = (
    "The tutors didn't trust us; they thought the platform just took its commission. When I "
    "became community manager I called the ones who had left, maybe sixty calls, and listened: "
    "monthly pay and nobody to ask. Once weekly payouts were approved we set up monthly cohorts "
    "with a mentor tutor. After six months early churn was down to about 60 percent of what it "
    "was before. {after}"
)


@pytest.mark.parametrize(
    ("after", "conflict"),
    [
        ("And some of the ones I called, they came back to teach with us.", False),
        ("But within a year the payout complaints came back, as bad as before.", True),
    ],
)
def test_people_who_came_back_to_teach_are_no_relapse(after: str, conflict: bool) -> None:
    reported("outcome", TUTORS, TUTORS_AGAIN.format(after=after), conflict)
