"""Banked stories and answers written for the story-matching tests.

Six stories from one candidate (mostly one company and one team, so that
different stories share setting words), and answers that retell them for
other principles, or tell different stories on the same themes.
"""

from __future__ import annotations

from loops.stories import Story

STORIES = [
    Story(
        id="checkout-latency",
        title="Checkout latency from fraud-check calls",
        summary=(
            "Checkout was slow at peak. I traced the p99 to one fraud-check call per cart "
            "item, batched them into a single request behind a feature flag, and checkout "
            "p99 fell from 1.4 s to 300 ms; abandoned carts dropped 8%."
        ),
        principles=("dive-deep", "customer-obsession", "deliver-results"),
        company="Northwind",
        role="SDE II",
        team="Payments",
        when="2023",
        figures=("checkout p99 from 1.4 s to 300 ms", "abandoned carts down 8%"),
    ),
    Story(
        id="refund-status-page",
        title="Slow refund status page",
        summary=(
            "Merchants kept opening tickets because the refund status page took 6 seconds "
            "to load. I found a full scan of the ledger table behind it, added a composite "
            "index and moved the reads to a replica. Load time fell to 900 ms and refund "
            "tickets fell by 30 a week."
        ),
        principles=("customer-obsession", "bias-for-action"),
        company="Northwind",
        role="SDE II",
        team="Payments",
        when="2023",
        figures=("page load from 6 s to 900 ms", "30 fewer refund tickets a week"),
    ),
    Story(
        id="pager-noise",
        title="Cutting pager noise on call",
        summary=(
            "Our on-call rotation was paged about 40 times a week, mostly for noise. I "
            "tagged a month of pages by cause, deleted or rewrote the alarms that never "
            "needed a human, and added a weekly review. We were paged 6 times a week after "
            "that, and nobody has quit the rotation since."
        ),
        principles=("ownership", "insist-on-the-highest-standards"),
        company="Northwind",
        role="SDE II",
        team="Payments",
        when="2022",
        figures=("pages fell from 40 pages a week to 6 pages a week",),
    ),
    Story(
        id="settlement-rewrite",
        title="Pushing back on the settlement job rewrite",
        summary=(
            "My tech lead wanted to rewrite the nightly settlement batch job in Kotlin. I "
            "pulled six months of failures and showed that 90% came from malformed bank "
            "files, not the code. I conceded the retry logic did need work, we agreed to "
            "add file validation first, and once the lead decided to keep the rewrite on "
            "the roadmap I committed and wrote its design doc."
        ),
        principles=("have-backbone", "earn-trust", "are-right-a-lot"),
        company="Northwind",
        role="SDE II",
        team="Payments",
        when="2022",
        figures=("90% of failures from malformed bank files",),
    ),
    Story(
        id="intern-reconciliation",
        title="Mentoring an intern through the reconciliation tool",
        summary=(
            "I mentored a summer intern who built a tool to reconcile payouts against bank "
            "statements. I split the project into weekly milestones, paired on the first "
            "parser and reviewed every pull request with written reasons. The tool saved "
            "finance 5 hours a week and the intern came back full time."
        ),
        principles=("hire-and-develop-the-best", "best-employer"),
        company="Northwind",
        role="SDE II",
        team="Payments",
        when="2023",
        figures=("5 hours a week saved for finance",),
    ),
    Story(
        id="invoice-migration-failure",
        title="The invoice export I broke with a migration",
        summary=(
            "I shipped a schema migration to the invoices table without a backfill plan, "
            "and the invoice export broke for 2 hours for 300 merchants. I rolled it back, "
            "wrote the backfill, and now every migration I write gets a dry run on a "
            "snapshot first."
        ),
        principles=("learn-and-be-curious", "ownership"),
        company="Globex",
        role="SDE I",
        team="Billing",
        when="2021",
        figures=("export down 2 hours for 300 merchants",),
    ),
]

# --- retellings (each names the story it retells) -------------------------------

RETELLINGS: list[tuple[str, str]] = [
    (
        "checkout-latency",
        "At Northwind I was an SDE II on the Payments team, and in 2023 nobody owned the "
        "slowness of checkout: it sat between our team and the fraud team. I decided it was "
        "mine. I pulled traces for the worst carts and saw that every item in a cart made "
        "its own call to the fraud-check service, so a big cart waited on twenty round "
        "trips. I wrote a batch endpoint with the fraud team, put the new path behind a "
        "flag, and ramped it over a week. The p99 of checkout went from 1.4 seconds to 300 "
        "milliseconds, and abandoned carts dropped 8%. I now look at the slowest requests "
        "first rather than the averages.",
    ),
    (
        "checkout-latency",
        "Customers with large carts were giving up at the payment step. I looked at it from "
        "their side: the spinner ran for over a second. The cause was one fraud check per "
        "item; I batched them into one request. Checkout p99 dropped from 1.4 s to 300 ms "
        "and fewer carts were abandoned, down 8%.",
    ),
    (
        "refund-status-page",
        "Merchants were filing tickets every day asking where their refunds were, because "
        "the refund status page took about 6 seconds to load and often timed out. I did not "
        "wait for the quarterly planning: that afternoon I read the query plan, saw a full "
        "scan of the ledger table, and shipped a composite index the same day, then moved "
        "the page's reads to a read replica that week. The page now loads in 900 ms, and "
        "refund tickets fell by about 30 a week. I learned to check query plans before "
        "adding hardware.",
    ),
    (
        "pager-noise",
        "When I joined the on-call rotation on the Payments team at Northwind we were paged "
        "about 40 times a week. I wanted to know why, so I exported a month of pages and "
        "tagged each one by cause: most were alarms on thresholds nobody had tuned, or "
        "duplicates of one upstream failure. I deleted the alarms that never needed a "
        "human, rewrote the rest to fire on customer impact, and started a weekly page "
        "review. We got down to 6 pages a week. Since then I add a runbook link to every "
        "alarm I create.",
    ),
    (
        "settlement-rewrite",
        "My tech lead and I disagreed about the nightly settlement batch job: he wanted a "
        "rewrite in Kotlin, and I thought the code was not the problem. Rather than argue "
        "from opinion I pulled six months of failures and showed him that 90% came from "
        "malformed bank files. I was open that he was right about the retry logic being "
        "fragile. We agreed to add file validation first. The rewrite stayed on the roadmap "
        "as he decided, and I committed to it and wrote the design doc myself. Trust "
        "between us went up after that.",
    ),
    (
        "intern-reconciliation",
        "Last summer I mentored an intern whose project was reconciling payouts with bank "
        "statements. I split the work into weekly milestones so she could ship something "
        "every Friday, paired with her on the first statement parser, and in code review I "
        "wrote down why I asked for each change. Her tool saves finance 5 hours a week, and "
        "she came back to the team full time.",
    ),
    (
        "invoice-migration-failure",
        "In 2021 at Globex I was an SDE I on the Billing team, and I broke the invoice "
        "export. I shipped a schema change to the invoices table without planning a "
        "backfill, and for 2 hours 300 merchants could not export invoices. I rolled the "
        "migration back, wrote the backfill and re-ran it. It was a failure and it was "
        "mine. Now every migration I write gets a dry run against a snapshot first.",
    ),
]

# --- different stories on the same themes (none of them is banked) -------------------

DIFFERENT: list[str] = [
    # Same company and team, the same kind of fix (latency, batching, caching).
    "At Northwind on the Payments team I noticed that currency conversion was slowing "
    "down payouts to sellers abroad: each payout fetched exchange rates from the treasury "
    "provider. I added an in-memory cache of rates refreshed every minute, behind a flag, "
    "and payout processing time fell from 40 minutes to 12 minutes for the nightly run. "
    "Sellers stopped asking support why their money was late.",
    # Same company and team, a tickets-and-index fix on a different page.
    "Another one from the same team: our dispute evidence upload kept failing for large "
    "PDFs, and disputes were being lost by default. I moved uploads to presigned storage "
    "URLs so files skipped our servers, and raised the size limit to 25 MB. Lost disputes "
    "fell by 70% the next quarter, which was worth about $40k a month.",
    # Same company, an on-call theme, but a different event.
    "During a Black Friday incident at Northwind our payment gateway started timing out. "
    "I was the incident commander for the first hour. I split the responders into two "
    "groups, one on the gateway vendor and one on our retry storm, turned off "
    "non-essential retries, and we restored card payments in 35 minutes. Afterwards I "
    "wrote the postmortem and we added load shedding.",
    # Mentoring again, but a different person and work.
    "I coached a new hire on my team through her first design review. She was nervous "
    "about presenting, so we rehearsed twice and I had her lead the questions on the "
    "storage choice. The review passed first time, and she now runs the team's design "
    "review rotation.",
    # A failure at the same company, a different system.
    "I misjudged a capacity plan for the ledger database at Northwind: I sized it on "
    "average traffic, and at month end it ran out of connections for 40 minutes. I owned "
    "it in the postmortem, added connection pooling, and now I size for the peak day, "
    "not the average.",
]

# --- retellings that change one fact, and one that keeps them all --------------------

CHANGED: list[tuple[str, str, str]] = [
    (
        "checkout-latency",
        "number",
        "At Northwind, as an SDE II on the Payments team, I found checkout was slow because "
        "each cart item made its own fraud-check call. I batched them into a single request "
        "behind a flag, and checkout p99 went from 1.4 s to 600 ms; abandoned carts dropped "
        "8%.",
    ),
    (
        "checkout-latency",
        "role",
        "At Northwind I was an SDE I on the Payments team when checkout got slow. I "
        "traced it to one fraud-check call per cart item and batched them into one request "
        "behind a flag. Checkout p99 fell from 1.4 s to 300 ms and abandoned carts dropped "
        "8%.",
    ),
    (
        "pager-noise",
        "team",
        "I was on the Checkout team at Northwind, and our on-call rotation was paged about "
        "40 times a week, mostly for noise. I tagged a month of pages by cause, deleted the "
        "alarms that never needed a human, rewrote the others and set up a weekly review. "
        "We were paged 6 times a week after that.",
    ),
]

CONSISTENT = (
    "refund-status-page",
    "I was an SDE II on the Payments team at Northwind in 2023. Merchants kept opening "
    "tickets because the refund status page took 6 seconds to load. I found a full scan of "
    "the ledger table, added a composite index and moved reads to a replica; the page "
    "loads in 900 ms now and refund tickets fell by 30 a week.",
)
