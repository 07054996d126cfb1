"""A finished loop where one story is told twice with a changed figure."""

from __future__ import annotations

from loops.bank import load_bank
from loops.planner import plan_loop
from loops.session import LoopSettings, Session
from loops.store import save_session

STORY = (
    "In my second year on the checkout team at Northwind, I noticed our p99 latency had "
    "crept up to 1.4 seconds during the holiday sale and nobody owned it. I pulled a week "
    "of traces myself, found an N+1 query in the coupon service, and rewrote it as one "
    "batched call. I shipped it behind a flag to 5% of traffic, then to everyone. p99 went "
    "from 1.4 seconds to 300 ms and cart abandonment fell 3%. I learned to put a latency "
    "budget in every design doc, and I still do."
)
RETOLD = (
    "At Northwind on the checkout team, during the holiday sale our p99 latency was 2.6 "
    "seconds and customers were abandoning carts. Nobody owned it, so I dug into a week of "
    "traces, found the N+1 query in the coupon service and replaced it with one batched "
    "call behind a flag at 5% of traffic. p99 dropped from 2.6 seconds to 300 ms and "
    "abandonment fell 3%. Since then I write a latency budget into each design doc."
)
OTHERS = [
    "We planned the warehouse scanner rollout together and our team moved every depot "
    "over. We were happy with how it went and it helped a lot.",
    "My manager asked me to look at the flaky Android tests, so I did. I fixed a few of "
    "them over a couple of weekends and stayed late most nights.",
    "I disagreed with my lead about the billing queue design. I showed data from 3 "
    "incidents, we argued, and in the end I committed to his design and made it work; it "
    "has run for a year with no lost invoices. I learned to bring data before the meeting.",
    "Honestly I would normally just ask the on-call person and wait for them.",
    "The onboarding guide was rewritten and the wiki was reorganised by the new hires.",
    "I mentored Priya through her first launch; she now leads the search relevance work.",
    "I cut our render farm bill by 30% by moving batch jobs to spot instances.",
    "I paged the database team about the replication lag and waited for their fix.",
    "Our printer fleet dashboard got a lot better after the redesign, everyone said so.",
    "I found that the fraud model drifted after a holiday and retrained it within a day.",
    "I asked the designers to test the kiosk with three real pharmacists before launch.",
    "I turned a weekly manual export into a cron job and gave back 4 hours a week.",
    "Our payroll integration slipped by two sprints because I underestimated the vendor.",
    "I pushed to keep the old SDK for one more release; the team disagreed and shipped.",
    "The game matchmaker was tuned with help from the analytics folks and players liked it.",
    "I wrote the incident review for the DNS outage and added two alarms myself.",
    "I taught our interns to read flame graphs with a one-hour workshop every Friday.",
    "We negotiated with the ad partner and our team kept the contract at the same price.",
    "I replaced the hand-rolled CSV parser in the tax tool with the standard library one.",
    "I stayed every weekend in March to finish the kiosk firmware before the deadline.",
]


def finished_loop(seed: int = 4) -> Session:
    bank = load_bank()
    s = Session(
        "20261120-100000-demo",
        LoopSettings("sde2", 4, "relaxed", seed),
        plan_loop(bank, "sde2", 4, seed),
    )
    n = 0
    while (step := s.current_step()) is not None:
        if step.kind == "main" and step.question_index == 0 and step.round.index == 1:
            text = STORY
        elif step.kind == "main" and step.question_index == 0 and step.round.index == 3:
            text = RETOLD
        else:
            text = OTHERS[n]
            n += 1
        fus = list(step.question.follow_ups[:1]) if step.kind == "main" else None
        s.record(step, text, 70.0 + n, follow_ups=fus)
    # Fixed dates, so screens that show them stay the same in snapshots.
    s.created_at = s.updated_at = "2026-11-20T10:00:00+00:00"
    save_session(s)
    return s


async def open_stories_tab(app, pilot) -> None:
    """From home: open the first finished loop's debrief and show its Stories tab (5),
    waiting for the scoring and the story matching the tab starts when first shown."""
    await pilot.pause()
    await pilot.press("down", "enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("5")
    await app.workers.wait_for_complete()
    await pilot.pause()
