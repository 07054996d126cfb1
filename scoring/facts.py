"""The facts a telling states, and where two tellings of one story disagree.

Similarity finds retellings; it cannot find contradictions, because a
retelling with a changed figure reads as similar as a faithful one. So each
telling is reduced to the facts an interviewer would note (figures with
their unit and what they measure, role and level, team, company, dates, who
decided or started the work, and how it ended) and two tellings conflict
only where both state a value for the same thing and the values differ.
A fact left out is never a conflict.

These functions stand alone: the story bank matches answers to banked
stories with the same ``extract_facts`` and ``compare_facts``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from scoring import position
from scoring.agency import BOSS, simile_before
from scoring.agency import claims as agency_claims
from scoring.document import Document, as_document
from scoring.ending import FAILURE, SUPPOSED, adoption, ending, ends_own_work, schedule
from scoring.seasons import (
    EVENT_MONTHS,
    MONTHS,
    QUARTER_MONTHS,
    SEASON_MONTHS,
    SOUTHERN,
    WEATHER,
    arc,
    gap,
    month_number,
)
from scoring.text import (
    CLOCK_AFTER,
    HALF_CLOCK,
    NUMBER_WORDS,
    Quantity,
    Rx,
    ScanRx,
    TriedAt,
    abbreviates,
    compile_first_letters,
)

# --- figures -----------------------------------------------------------------

TIME_UNITS: dict[str, float] = {
    "ms": 0.001,
    "millisecond": 0.001,
    "milliseconds": 0.001,
    "s": 1,
    "sec": 1,
    "secs": 1,
    "second": 1,
    "seconds": 1,
    "min": 60,
    "mins": 60,
    "minute": 60,
    "minutes": 60,
    "h": 3600,
    "hr": 3600,
    "hrs": 3600,
    "hour": 3600,
    "hours": 3600,
    "day": 86400,
    "days": 86400,
    # "I trialled it on three nights", "I spent two nights there": a stretch of time, as
    # days are (not a count of things to compare as one). The plural only: "four night
    # shift nurses" counts nurses.
    "nights": 86400,
    "week": 604800,
    "weeks": 604800,
    "month": 2592000,
    "months": 2592000,
    "year": 31536000,
    "years": 31536000,
}
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
_MONEY_WORDS = {
    "dollars",
    "dollar",
    "usd",
    "euros",
    "euro",
    "pounds",
    "eur",
    "gbp",
    "quid",
    "bucks",
}
_PERCENT = {"%", "percent", "per cent", "percentage"}
_MONEY_MEASURES = frozenset({"cost", "revenue", "contract"})
_FILLER = {
    "of", "the", "our", "my", "their", "its", "a", "an", "more", "fewer", "less", "extra",
    "new", "other", "active", "paying", "additional", "separate", "different", "total",
    "per", "to", "and", "or", "in", "on", "at", "for", "from", "by", "with", "that",
    "them", "those", "these", "us", "it", "which", "who", "we", "they", "i", "he", "she",
    "was", "were", "is", "are", "had", "odd", "so", "working", "business", "calendar",
    "about", "around", "roughly", "nearly", "almost", "approximately", "like", "um", "uh",
}  # fmt: skip
_PHRASE_END = {"over", "across", "within", "during", "since", "until", "after", "before",
               "average", "median"}  # fmt: skip
"""A preposition after a number ends what it counts: 'from 9 a month to 1 over three
months' counts nothing it names, and 'three months' is its own figure; so does 'on
average' ('fourteen on average' counts nothing called an average)."""

MEASURES: tuple[tuple[str, str], ...] = (
    (r"p\s?99\.9|p999", "p99.9"),
    (r"p\s?99|99th", "p99"),
    # "Tail latency" is the slow end of the distribution, which teams read as p99.
    (r"tail[ -]latenc\w*", "p99"),
    (r"p\s?95|95th", "p95"),
    (r"p\s?90|90th", "p90"),
    (r"p\s?50|median", "p50"),
    (r"latenc\w*|response times?|load times?|page loads?|time to first", "latency"),
    # "<thing> time" names a duration that is measured: "refund time", "lead time", "MTTR".
    (
        r"turnaround|(?:lead|cycle|resolution|wait(?:ing)?|processing|handling|review|refund|"
        r"delivery|queue|recovery|setup|build-and-test|onboarding) times?|"
        r"time to (?:resolve|recover|detect|merge|deploy|ship|restore)|mttr|mttd",
        "turnaround",
    ),
    (r"error rates?|errors?|5xx|failure rates?|failures|exceptions", "errors"),
    # Lateness and its complement, on time: '4% late' is '96% on time'.
    (
        r"on[- ]time(?: rate| delivery| deliveries| arrivals?| performance)?|late[- ](?:delivery|"
        r"deliveries|arrivals?|rate|orders?|shipments?)|lateness|punctuality|"
        r"(?:was|were|ran|arrived) (?:still )?late",
        "punctuality",
    ),
    (r"availability|uptime|downtime", "availability"),
    (r"conversion\w*|checkout rate", "conversion"),
    (r"revenue|sales|bookings|gmv", "revenue"),
    (r"costs?|bill|spend\w*|budget|savings?|saved|cheaper|expenses?", "cost"),
    (r"contract|deal|renewal|arr", "contract"),
    (r"tickets?|complaints?|contacts|support cases", "tickets"),
    (r"build times?|builds?|ci\b", "build"),
    (r"utili[sz]ation|usage|occupancy", "utilisation"),
    (r"deploy\w*|releases?|rollouts?", "deploy"),
    (r"throughput|qps|rps|tps|requests per second|requests", "throughput"),
    (r"churn|attrition|cancellations", "churn"),
    (r"retention", "retention"),
    (r"onboarding|ramp[- ]up", "onboarding"),
    (r"memory|ram|heap", "memory"),
    (r"cpu", "cpu"),
    (r"storage|disk", "storage"),
    (r"pages|alerts|alarms|pager", "pages"),
    (r"timeouts?", "timeouts"),
    (r"test coverage|coverage", "coverage"),
    (r"crash\w*", "crashes"),
    (r"incidents?|outages?|sevs?", "incidents"),
    (r"backlog", "backlog"),
    (r"traffic", "traffic"),
    (r"adoption", "adoption"),
    (r"nps|csat|satisfaction", "satisfaction"),
    (r"accuracy|precision|recall|hit rate", "accuracy"),
    (r"yield", "yield"),
)
_BEFORE = re.compile(
    r"\bfrom\s+(?:about\s+|around\s+|roughly\s+|over\s+|nearly\s+)?$"
    # "Four unplanned stops instead of eleven": the value the result replaced.
    r"|\b(?:instead of|rather than)\s+(?:the\s+(?:usual|old|previous)\s+)?(?:about\s+|around\s+|"
    r"roughly\s+|over\s+|nearly\s+)?$"
    # "It had been running at about 210 a month": how things stood before the work.
    r"|\bhad been\s+(?:[a-z]+ing\s+)?(?:at\s+)?(?:about\s+|around\s+|roughly\s+|nearly\s+)?$",
    re.I,
)
_AFTER = re.compile(
    # Not "sat at", "flat at", "sitting at": "crash-free sessions sat at 99.1%" is how
    # things stood, often before.
    r"\b(?:to|down to|up to|under|below|(?<!\bsat )(?<!\bflat )(?<!\bsitting )(?<!\bhovering )at|"
    r"back to|now|reached|reach|reaches|still|stayed at|"
    r"remained at|stuck at|"
    # "We'd got it to where roughly one delivery in twelve was late": where it arrived.
    r"(?:got|brought|had) (?:it|them|that|this) (?:down |up )?to (?:the point )?where)\s+"
    r"(?:about\s+|around\s+|roughly\s+|just\s+|under\s+)?$",
    re.I,
)
_DELTA = re.compile(
    r"\b(?:by|cut|cuts|cutting|saved|saving|reduced|dropped|fell|rose|grew|jumped|climbed|"
    r"declined|increased|decreased|improved|lifted|boosted|shrank|went up|went down|removed|"
    r"removing|retired|retiring|added|adding|freed up|freeing up|took out|taking out)\s+"
    r"(?:about\s+|around\s+|roughly\s+|over\s+|nearly\s+|almost\s+|by\s+|just under\s+|"
    r"just over\s+|a little over\s+|a bit over\s+|close to\s+|more than\s+|under\s+)?$",
    re.I,
)
# "Falls were down 22%", "sales up 15 percent": down or up right before a share or an
# amount is the change (not "down to 22%", which is where it ended).
_DOWN_UP = re.compile(
    r"\b(?:down|up)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+|"
    r"by\s+)?$",
    re.I,
)
_MONEY_VERB = re.compile(
    r"\b(?:cost|costs|costing|spent|spend|spending|paid|pay|paying|raised|raise|raising|"
    r"budget of|budget was|worth|charged|billed|invoiced|donated|earned|turnover of|"
    r"revenue of)\s+(?:(?:about|around|roughly|nearly|almost|just over|just under|over|under|"
    r"only|barely|close to|more than|less than)\s+)?$",
    re.I,
)
"""Before a number with nothing counted after it, a verb of money makes it an amount."""
_NOT_COUNTED = frozenset((
    "and", "but", "which", "that", "on", "for", "in", "to", "over", "from", "a", "an", "per",
    "each", "last", "this", "the", "at", "by", "with", "so", "when", "then", "we", "i", "it",
))  # fmt: skip
"""Words after a number that name nothing counted: 'spent 36 thousand and', 'cost 45,000 the'."""
_LONG_HEDGE = re.compile(
    r"\b(?:approximately|approx\.?|an estimated|something like|somewhere around|"
    r"in the region of|on the order of|circa|ca\.)\s+$",
    re.I,
)
_ASIDE = re.compile(r",\s*(?:I think|I guess|I'd say|I believe|maybe|probably)\s*,", re.I)
_SAVED_SOMEONE = re.compile(
    r"\b(?:saved|saving|saves|save|bought|buys|freed up|frees up)\s+(?:us|me|them|him|her|you|"
    r"everyone|everybody|the (?:team|ward|business|company|store|site|clinic|school))\s+"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+|just over\s+)?$",
    re.I,
)
"""'Saved us fifteen minutes a handover': a change, said with whom it saved."""
_FROM_UNIT = re.compile(
    r"\bfrom\s+(?:about\s+|around\s+)?[\d.,]+\s?-?(?P<u>%|[A-Za-z]+)\s+(?:down\s+|up\s+)?to\s+"
    r"(?:about\s+|around\s+|under\s+|just\s+)?$",
    re.I,
)
_DELTA_AFTER = re.compile(
    r"\s*(?:\w+\s+)?(?:increase|decrease|reduction|drop|improvement|lift|gain|cut|rise|"
    r"fall|decline|jump|growth|fewer|less|more|lower|higher|faster|slower|cheaper)\b",
    re.I,
)
_AMOUNTED_TO = (
    r"(?:came to|came in at|came out at|totall?ed|amounted to|added up to|worked out (?:to|at))"
)
"""Verbs that link a change, or the clause telling it, to its size."""
_SIZE_HEDGE = (
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+|some\s+|"
    r"(?:a bit|a little|just|slightly)\s+(?:over|under)\s+|just\s+|(?:more|less) than\s+)?"
)
"""A hedge said before the size: 'just over', 'a bit under', 'more than'."""
# "The saving came to $600K", "the reduction was 30%": the noun names a change, so the
# figure after it is a delta, whatever verb links them.
_DELTA_SUBJECT = re.compile(
    # Not "drop rate was 3.8 percent": a rate of drops is a reading, not a change.
    r"\b(?:savings?|reduction|improvement|gains?|uplift|speed-?up|decrease|drop|cut)"
    r"(?!\s+(?:rate|rates|off|out|count|counts)\b)\s+"
    r"(?:[\w\-]+\s+){0,3}?(?:was|were|is|" + _AMOUNTED_TO + r"|of|at)\s+" + _SIZE_HEDGE + r"$",
    re.I,
)
_SAID_AGAIN = re.compile(
    r"[^.;!?,]{0,12}?,\s*(?:so|that's|that is|which is|which was|or|i\.e\.|meaning)?,?\s*"
    r"(?:(?:like|um|uh|about|around|roughly|nearly|almost|some),?\s*)*",
    re.I,
)
"""What may stand between a change and the same change said again ('by 30%, so, like, nine')."""
_SAVED_AFTER = re.compile(
    r"\s*(?:(?:pounds|dollars|euros|quid|bucks|rupees|francs|kronor)\s+)?"
    r"(?:(?:a|an|per|each|every)\s+(?:year|month|week|day|quarter)\s+)?(?:saved|in savings|"
    r"of savings)\b",
    re.I,
)
"""'Around eighty thousand pounds a year saved': the sum is the saving, whatever came before."""
_WORTH_BEFORE = re.compile(
    r"\b(?:which|that)\s+(?:(?:was|is|were)\s+worth|" + _AMOUNTED_TO + r")\s+" + _SIZE_HEDGE + r"$",
    re.I,
)
"""'Trim waste fell to 4%, which was worth roughly £180,000 a year', 'loss down to 2.3%, which
came to a bit over three hundred thousand dollars a year': what the change was worth."""
# "an annual saving of $600K", "the monthly bill was $40K": the period said before the noun.
_PERIOD_BEFORE = re.compile(
    r"\b(?P<p>annual|annuali[sz]ed|yearly|monthly|weekly|daily|quarterly)\s+"
    r"(?:[\w\-]+\s+){0,5}?$",
    re.I,
)
_YEAR_OF_BEFORE = re.compile(
    r"(?:\b(?:in|over) the|(?:^|[.!?]\s+)(?:[Tt]he\s+|[Ii]n\s+the\s+)?)\s*(?:[Ff]irst|[Ff]ollowing|"
    r"[Nn]ext) year\b[^.!?\d]{0,50}$"
)
"""A sum told of the year after the change ('in the first year we saved £4,000'): a year's
worth, as 'a year' after it says."""
_PERIOD_ADJ = {
    "annual": "year", "annualised": "year", "annualized": "year", "yearly": "year",
    "monthly": "month", "weekly": "week", "daily": "day", "quarterly": "quarter",
}  # fmt: skip
_HEDGE = re.compile(
    r"\b(?:about|around|roughly|nearly|almost|approximately|over|more than|under|less than|"
    r"close to|some|~)\s*$",
    re.I,
)
_ABOUT = r"(?:(?:about|around|roughly|nearly|almost|over|some|just)\s+)?"
"""An optional hedge between a word and the number it introduces ('from about 40')."""


@dataclass(frozen=True)
class Figure:
    """A stated quantity: value in base units, unit family, what it measures."""

    value: float
    family: str
    """'percent', 'money', 'time', 'multiplier', 'count' or 'plain'."""
    unit: str
    """For counts the thing counted ('ticket', 'engineer'); else the unit said."""
    measure: str | None
    """Canonical measure ('p99', 'errors', 'cost') when the text names one."""
    measures: frozenset[str]
    """Every measure named in the clause: 'compute costs for the pipeline' is cost and build."""
    per: str | None
    """The period of a rate ('$30k a month' is stored per year, per = 'year')."""
    role: str | None
    """'before', 'after', 'delta' or None, from 'from X to Y', 'by X'."""
    context: frozenset[str]
    hedged: bool
    quote: str
    start: int
    end: int
    source: int = 0
    bound: str | None = None
    """'upper' for 'under 3%', 'lower' for 'over 40': the value is a limit, not a reading."""
    low: float | None = None
    high: float | None = None
    part: bool = False
    """'Two of our sites': a number of things taken from a group, never the group's size."""
    """A range said as one value ('two or three weeks', '20-30 ms'): both ends."""
    when: str | None = None
    """'later' for a result told as coming later ('within two months', 'a year on')."""
    precision: float = 0.0
    """The step the number was said to, relative to it: 0.5 for '200K', 0.02 for '450'."""
    whole: bool = False
    """Said as a whole group with a definite word: 'across the 14 sites', 'our 14 centres'."""


@dataclass(frozen=True)
class Fact:
    """A non-numeric fact: kind ('role', 'team', ...), canonical value, the words said."""

    kind: str
    value: str
    quote: str
    start: int
    end: int
    source: int = 0
    about: frozenset[str] = frozenset()
    """For a decision: the content words of what was decided ('halt', 'rollout')."""


@dataclass(frozen=True)
class Facts:
    """Everything a telling states that another telling could contradict."""

    figures: tuple[Figure, ...] = ()
    facts: tuple[Fact, ...] = ()
    outcome: Fact | None = None
    names: frozenset[str] = frozenset()
    """Every capitalised word the telling says, lower-cased: a name one telling gives as
    its employer and the other mentions too (a city, an airport, a client) is not a name
    the two disagree on."""

    def of(self, kind: str) -> list[Fact]:
        return [f for f in self.facts if f.kind == kind]

    def merged(self, other: Facts) -> Facts:
        """One telling's facts from its main answer and follow-ups together."""
        outcome = self.outcome or other.outcome
        if self.outcome and other.outcome and self.outcome.value != other.outcome.value:
            outcome = None
        facts = self.facts + other.facts
        return Facts(self.figures + other.figures, facts, outcome, self.names | other.names)


@dataclass(frozen=True)
class Conflict:
    """Two tellings state different values for the same thing."""

    kind: str
    """One of number, role, team, company, date, outcome, agency."""
    a: str
    b: str
    a_source: int = 0
    b_source: int = 0
    subject: str = ""
    a_span: tuple[int, int] = (0, 0)
    b_span: tuple[int, int] = (0, 0)
    """Where each stated value sits in its answer's text (start, end)."""
    check: bool = False
    """True when the two may not be about the same thing, or may agree within rounding:
    worth a look, not a contradiction an interviewer would hold against the candidate."""

    def detail(self, a_label: str = "one telling", b_label: str = "the other") -> str:
        what = f"{self.subject}: " if self.subject else ""
        if self.check:
            return f"{what}{a_label} says {self.a!r}; {b_label} says {self.b!r}: check these agree"
        return f"{what}{self.a!r} in {a_label}, {self.b!r} in {b_label}"


_CONTEXT_STOP = {
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "from", "by", "with",
    "we", "i", "it", "our", "my", "was", "were", "is", "are", "that", "this", "about", "around",
    "roughly", "down", "up", "which", "then", "so", "had", "have", "be", "been", "after",
    "before", "just", "only", "over", "under", "nearly", "almost", "than", "more", "less",
}  # fmt: skip
_WORDS = re.compile(r"[a-z][a-z0-9'\-]*")


def _about_words(words: Sequence[str]) -> frozenset[str]:
    """What a claim of who decided is about, as stems: a compound is also its parts, so
    'timed-entry tickets' and 'timed entry' name one thing."""
    parts = [p for w in words if "-" in w for p in w.split("-") if len(p) >= 3]
    return frozenset(_stem(w) for w in [*words, *parts]) - _CONTEXT_STOP


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            if (
                suffix in ("ing", "ed")
                and len(stem) >= 4
                and stem[-1] == stem[-2]
                and stem[-1] in "bdgmnprt"
            ):
                return stem[:-1]  # "cutting", "planned": the verb's consonant doubled
            return stem
    return word


# Patterns the per-figure readings below use, compiled once: ``re.split(r"...", s)`` looks
# its pattern up in re's cache on every call, and these run for every figure of an answer.
_SENTENCE_MARK = re.compile(r"[.;!?]")
_CLAUSE_MARK = re.compile(r"[.;!?,]")
_MEASURE_CLAUSE_LEFT = re.compile(r"[.;!?]|\band\b|\bwhile\b|\bbut\b")
_MEASURE_CLAUSE_RIGHT = re.compile(r"[.;!?,]|\band\b")
_UNIT_WINDOW_END = re.compile(r"[.;!?,:()]")
_UNIT_WORD = re.compile(r"[-\s]*([A-Za-z][A-Za-z'\-]*)")
_TIMES_SIGN = re.compile(r"\d\s?[x×]$")
_SCALE_WORD = re.compile(r"(?:hundred|thousand|million)", re.I)
_ARTICLE_END = re.compile(r"\ban?\s+$")
_LETTERS = re.compile(r"[A-Za-z]+")
_PERIOD_CLAUSE = re.compile(r"[.;!?,]|\band\b|\bbut\b")
_MORE_AFTER = re.compile(r"\s+(?:more|extra|additional|other)\b")
_MORE_BEFORE = re.compile(r"\b(?:another|an? (?:extra|additional)|more)\s+$")
_TOTAL_AFTER = re.compile(r"[\s\w\-]{0,25}\b(?:in total|total|altogether|overall)\b")
_AND_GAP = re.compile(r"\s*(?:and\s+)?")
_FIRST_END = re.compile(r"^[$€£]?[\w.,]+")
_QUOTE_LEFT = re.compile(r"[.;!?,:]\s")
_QUOTE_RIGHT = re.compile(r"[.;!?,]\s|[.;!?,]$")


def _context(text: str, start: int, end: int) -> frozenset[str]:
    left = text[max(0, start - 50) : start].lower()
    right = text[end : end + 30].lower()
    left = _SENTENCE_MARK.split(left)[-1]
    right = _SENTENCE_MARK.split(right)[0]
    words = _WORDS.findall(left)[-5:] + _WORDS.findall(right)[:3]
    return frozenset(_stem(w) for w in words if w not in _CONTEXT_STOP)


_MEASURE_ANY = ScanRx(
    "\\b(?:" + "|".join(f"(?P<m{i}>{p})" for i, (p, _) in enumerate(MEASURES)) + ")\\b"
)
_PERCENTILES = {name for _, name in MEASURES[:5]}


def _named(window: str) -> list[tuple[int, str]]:
    """(offset, measure) for every measure named in ``window``, in order."""
    out: list[tuple[int, str]] = []
    for m in _MEASURE_ANY.finditer(window):
        group = m.lastgroup
        if group is not None:
            out.append((m.start(), MEASURES[int(group[1:])][1]))
    return out


def _measures(text: str, start: int, end: int) -> tuple[str | None, frozenset[str]]:
    """The measures named around a number: the nearest one before it (else after), and all."""
    left = text[max(0, start - 70) : start]
    left = _MEASURE_CLAUSE_LEFT.split(left)[-1]
    before = _named(left)
    if before:
        found = frozenset(name for _, name in before)
        # "p99 latency": the percentile is the more specific measure.
        percentile = next((name for _, name in before if name in _PERCENTILES), None)
        return percentile or before[-1][1], found
    right = text[end : end + 40]
    right = _MEASURE_CLAUSE_RIGHT.split(right)[0]
    after = _named(right)
    if after:
        return after[0][1], frozenset(name for _, name in after)
    return None, frozenset()


_PERIOD = re.compile(
    # "70,000 euros of duty each year": what the amount is of may come before its period.
    r"\S+(?:\s+[A-Za-z][\w\-]*){0,2}?(?:\s+of\s+[A-Za-z][\w\-]*)?\s*"
    r"(?:\b(?:a|an|per|each|every)\s+(?P<p>day|week|"
    r"month|quarter|year)|/(?P<q>day|week|month|year|mo|yr)|\b(?P<r>daily|weekly|monthly|"
    # "Tickets monthly", not "monthly donors": before a noun it says what kind of thing.
    r"quarterly|annually|yearly)(?!\s+[a-z])"
    # "Tire spend dropped by $1.3 million the following year": a year's worth, as 'a year'.
    r"|\b(?:the|in the|over the)\s+(?:following|next|first)\s+(?P<y>year))\b",
    re.IGNORECASE,
)
_PER_YEAR = {"day": 365.0, "week": 52.0, "month": 12.0, "quarter": 4.0, "year": 1.0,
             "mo": 12.0, "yr": 1.0, "daily": 365.0, "weekly": 52.0, "monthly": 12.0,
             "quarterly": 4.0, "annually": 1.0, "yearly": 1.0}  # fmt: skip


def _unit_after(text: str, end: int) -> str:
    """The counted thing after a number, skipping 'of our', adjectives like 'active'."""
    window = _UNIT_WINDOW_END.split(text[end : end + 40])[0]
    words: list[str] = _UNIT_WORD.findall(window)
    for k, w in enumerate(words[:4]):
        lw = w.lower()
        if lw in _PHRASE_END:
            return ""
        if lw in _FILLER or all(part in _NUMBER_PARTS for part in lw.split("-")):
            continue  # "from fifty-eight to eighty-one": a number, not the thing counted
        if lw in _PER_YEAR and k and words[k - 1].lower() in _RATE_WORDS:
            return ""  # "1,100 a day", "900K a year": a rate of something unsaid
        return lw
    return ""


def _head_noun(text: str, end: int, unit: str, value: float) -> str:
    """Of two nouns after a number, the second is the head: "forty forklift movements"
    counts movements, "five seller APIs" counts APIs. A singular word before a plural one
    is the plural's modifier when the number is more than one."""
    if value <= 1 or unit.endswith("s") or unit in TIME_UNITS or unit in _SOME_OF:
        return unit
    # The unit word may be inside the number's span ("12 support") or after it ("forty").
    said = "" if text[:end].lower().endswith(unit) else r"[\s\-]*(?:odd\s+)?" + re.escape(unit)
    m = re.match(said + r"((?:\s+[A-Za-z][A-Za-z]*\b){1,2})", text[end : end + 50], re.I)
    if m is None:
        return unit
    # "Nine unplanned turbine trips": two words may stand before the plural they describe.
    for after in m.group(1).split():
        if after.lower() in _FILLER or after.lower() in _NOT_HEAD or after.lower() in _SOME_OF:
            break  # "the three most common checks": some of a group, counted apart
        if re.fullmatch(r"[A-Za-z][a-z]*[a-rt-z]s|[A-Z]{2,}s", after):
            return after.lower()
    return unit


_TIMES_OF_VERB = re.compile(
    r"\b(?P<v>[a-z]{3,}?)(?P<double>[bdgklmnprt])?(?:ing|ed)\b[\s,]*"
    r"(?:(?:like|um|uh|about|around|roughly|maybe|some|over|nearly|almost|up to),?\s+)*$"
)
_NOT_EVENT = {"happen", "occur", "work", "sound", "seem", "want", "need", "start"}


def _event_counted(text: str, start: int) -> str:
    """'Eleven times' counts what the verb before it did: 'the train kept tripping, like
    eleven times a month' counts trips, as 'eleven trips a month' does; 'it jammed forty
    times a week', jams. A verb of no event of its own ('it happened six times') leaves
    the count one of times."""
    m = _TIMES_OF_VERB.search(text, max(0, start - 40), start)
    if m is None:
        return "time"
    stem = m.group("v")
    if m.group("double") and not stem.endswith(m.group("double")):
        stem += m.group("double")  # "tripped" is trip; "jammed", jam; "failed", fail
    return "time" if stem in _NOT_EVENT else stem


_SOME_OF = {"most", "least", "biggest", "largest", "worst", "best", "main", "top", "first", "last"}
_NOT_HEAD = {"this", "was", "has", "does", "goes", "its", "his", "hers", "yes", "plus", "means"}


_RATE_WORDS = {"a", "an", "per", "each", "every"}
_PER_SHIFT = frozenset({"night", "shift"})
"""'Thirty-one thousand a night': a working period a rate is said per, never what it counts."""


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("people"):
        return "person"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


MAX_FIGURES = 120
"""Figures kept per answer, the first ones in reading order.

A spoken answer of three minutes states a few dozen figures at most; more
than this is a pasted log or table, whose figures are not facts a listener
would hold the speaker to. The cap bounds the comparison work of a pair of
answers (at most MAX_FIGURES squared, and far less once bucketed by slot), so
analysis stays linear in the length of what was pasted.
"""


def figures(text: str | Document, source: int = 0) -> list[Figure]:
    """Every quantity stated in ``text`` as a Figure (dates and levels excluded)."""
    return list(_tagged_figures(as_document(text), source))


def _tagged_figures(doc: Document, source: int) -> tuple[Figure, ...]:
    """``_figures`` tagged with answer ``source``. The source is only a tag, so a text's
    figures are read once (as answer 0: every pair of tellings a loop scores reads them)
    and retagged for the retellings that compare them under their answer's index."""
    read = doc.derived(_figures, 0)
    return read if source == 0 else tuple(replace(f, source=source) for f in read)


_NUMBER_PARTS = {*NUMBER_WORDS, "one"}
_DENOMINATORS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "twelve": 12, "fifteen": 15, "a hundred": 100, "one hundred": 100, "100": 100,
    "10": 10, "5": 5, "20": 20, "50": 50, "25": 25, "a thousand": 1000, "1,000": 1000,
    "1000": 1000, "thousand": 1000, "hundred": 100,
}  # fmt: skip
_TENS_WORDS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_IN_EVERY = re.compile(
    r"\s+(?:(?:in|out of)\s+(?:every\s+)?|of\s+(?:each|every)\s+"
    # "Around one of twenty." said for "one in twenty", the number closing the clause.
    r"|of\s+(?=[\w\-]+\s*(?:[,.;!?]|$)))(?P<d>"
    + _TENS_WORDS
    + r"(?:[\s\-](?:one|two|three|four|five|six|seven|eight|nine)\b)?|"
    r"two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|"
    r"a hundred|one hundred|a thousand|1,000|1000|100|10|5|20|25|50|thousand|hundred)\b"
    r"(?![\d%]|[,.]\d|-|\s*(?:minutes|hours|days|weeks|months|years|seconds))",
    re.I,
)


_COUNTED_NOUN = re.compile(r"\s+[a-z][a-z\-]*[a-z](?=\s+(?:in|out of)\s)")
"""The thing a ratio counts, said between its numbers: 'four orders in a hundred', 'one
delivery in twelve'."""
_RATIO_END = re.compile(
    r"\s*(?:[,.;:!?)\u2014]|$|\s(?:were|was|are|is|had|have|got|came|went|still|would|could|"
    r"did|ended|needed|failed|passed|arrived|quit|left|stayed|turned|now|then|at|on|by|after|"
    r"before|that|which|who|because)\b)"
)
"""What may follow a ratio with its noun between: the clause goes on with a verb or ends,
where 'two people in ten teams' goes on with the second number's own noun."""


def _denominator(said: str) -> float:
    """'Twenty-five' in 'one in twenty-five': a ratio's second number, said any way."""
    said = said.lower()
    if said in _DENOMINATORS:
        return float(_DENOMINATORS[said])
    return float(
        sum(NUMBER_WORDS.get(w, 1.0 if w == "one" else 0.0) for w in re.split(r"[\s\-]+", said))
    )


_TENS = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
_AND_ONE = re.compile(r"[\s-]one\b(?!-)", re.I)
_JOIN = re.compile(r"(?:-|\s+|\s+and\s+|\s*-\s*)")
_ODD_JOIN = re.compile(r"\s*-?\s*(?:odd|ish|something)\s+", re.I)
"""'Forty-odd thousand': a round number's hedge said between it and its scale word."""


_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve")  # fmt: skip


def _small_count(said: str) -> int:
    """A small count as said: 'a', 'an' and 'one' are 1, digits are read, a word up to
    twelve is its value ('four shift leads', 'the other two educators')."""
    n = said.lower()
    if n in ("a", "an", "one"):
        return 1
    return int(n) if n.isdigit() else _SMALL.index(n)


_HALF_MORE = re.compile(
    # "One and a half hours", "two and half days" (the article dropped), "an hour and a half".
    r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+and\s+"
    r"(?:a\s+)?half\s+(?P<u>minutes?|hours?|days?|weeks?|months?|years?|percent|per cent|%|"
    r"points?|million|thousand|[a-z]+s)\b"
    r"|\b(?:an?|one)\s+(?P<u2>minute|hour|day|week|month|year)\s+and\s+a\s+half\b"
    # "From six days to three and a half": the unit said with the other end.
    r"|\b(?P<n2>\d+|[a-z]+(?:-[a-z]+)?)\s+and\s+a\s+half\b(?!-)",
    re.I,
)
_PART = r"(?:(?:a|one|two|three)(?:\s+|\s?-\s?)(?:thirds?|quarters?|fifths?)|half)"
_FRACTION = re.compile(
    # "About a third of them", "cut by two thirds", "half of the calls": a share said as a
    # fraction. Only after a word that makes it an amount, or before "of": "three quarters"
    # alone is nine months, and "half an hour" is a time.
    r"\b(?:by|was|were|is|to|cut|fell|dropped|rose|grew)\s+"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+)?"
    r"(?P<f>" + _PART + r")\b(?!\s+an?\b)"
    # "Over one quarter" is three months; "over a quarter of the calls" is a share.
    r"|\b(?:about|around|roughly|nearly|almost|over|under|than|some|just|only)\s+"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+)?"
    r"(?P<h>" + _PART + r")\b(?!\s+an?\b)(?!(?<=quarter)(?!\s+of\b))(?!(?<=quarters)(?!\s+of\b))"
    r"|\b(?P<g>" + _PART + r")(?=\s+of\s+(?:the|our|them|those|these|all|its|their|his|her|"
    r"my|us)\b)",
    re.I,
)
_ONE_IN = re.compile(r"\bone(?P<noun>" + _COUNTED_NOUN.pattern + r")?" + _IN_EVERY.pattern, re.I)
"""'One in five': the ratio ``_IN_EVERY`` reads after a number, after 'one'."""
_ONE_A = re.compile(
    r"\b(?:to|from|just|only|about|around|under|roughly)\s+(?P<one>one)(?=\s+(?:a|an|per|each|"
    r"every)\s+(?:day|week|month|quarter|year|shift|night)\b)",
    re.I,
)
"""'Down to one a month': 'one', not read alone as a number, counted where a rate follows."""
_COUPLE = re.compile(r"\ba couple (?:of )?(?P<s>hundred|thousand|million)\b", re.I)
"""'A couple of hundred rejected parts' is about two hundred of them."""
_DOZEN = re.compile(r"\b(?P<n>a|\d+|" + "|".join(_SMALL[1:]) + r")\s+dozen\b(?!s)", re.I)
"""'About three dozen contracts' is thirty-six of them."""
_PART_OF_UNIT = re.compile(
    r"\b(?P<p>half|(?:a|one|three)[\s\-]quarters?)\s+(?:of\s+)?an?\s+"
    r"(?P<u>minute|hour)\b",
    re.I,
)
"""'Three quarters of an hour' is 45 minutes. Not 'half a day' or 'half a week': a working
half-day is four hours or twelve, so a part of a day or more says no exact time."""
_FRACTION_VALUE = {"third": 100 / 3, "quarter": 25.0, "fifth": 20.0}
_FRACTION_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3}


_TWICE = re.compile(
    r"\b(?:twice|thrice)\b(?!\s+(?:as|the|that|this|a|an|per|each|every|over|daily|weekly|"
    r"monthly|yearly|in a row|a day|a week|a month|a year)\b)",
    re.I,
)
"""'Twice' and 'thrice' counting events, not 'twice as fast' or 'twice a week'."""


def _said_parts(text: str, qs: list[Quantity]) -> list[Quantity]:
    """Amounts said as parts: 'one and a half hours', 'about a third of them'. Each
    replaces the bare numbers inside it."""
    found: list[Quantity] = []
    # Each pattern runs only where its key word is said: most answers say none of them,
    # and a pattern that starts with a number is tried at every word.
    low = text.lower()
    half = "half" in low
    for m in _HALF_MORE.finditer(text) if half else ():
        n = m.group("n")
        if m.group("n2"):
            n = m.group("n2").lower()
            if not n.isdigit() and not all(w in _NUMBER_PARTS for w in n.split("-")):
                continue  # "an hour and a half" is read above; "nights and a half" is none
            whole = float(n) if n.isdigit() else sum(NUMBER_WORDS.get(w, 1.0) for w in n.split("-"))
        else:
            whole = (
                1.0 if n is None else (float(n) if n.isdigit() else float(_SMALL.index(n.lower())))
            )
        unit = (m.group("u") or m.group("u2") or "").lower()
        found.append(Quantity(m.start(), m.end(), m.group(), whole + 0.5, unit, "number"))
    for m in _ONE_IN.finditer(text) if "one " in low else ():
        # "About one in five of them": 'one' alone is not read as a number, so the ratio
        # is read here, as a share.
        if m.group("noun") and not _RATIO_END.match(text, m.end()):
            continue
        value = 100.0 / _denominator(m.group("d"))
        found.append(Quantity(m.start(), m.end(), m.group(), value, "%", "number"))
    for m in _ONE_A.finditer(text) if "one " in low else ():
        found.append(Quantity(m.start("one"), m.end("one"), m.group("one"), 1.0, "", "number"))
    for m in _COUPLE.finditer(text) if "couple" in low else ():
        scale = _SCALE.get(m.group("s").lower(), 100.0)  # "hundred" is not a scale word there
        unit = _unit_after(text, m.end())
        found.append(Quantity(m.start(), m.end(), m.group(), 2 * scale, unit, "number"))
    for m in _DOZEN.finditer(text) if "dozen" in low else ():
        count = float(_small_count(m.group("n")))
        unit = _unit_after(text, m.end())
        found.append(Quantity(m.start(), m.end(), m.group(), 12 * count, unit, "number"))
    for m in _TWICE.finditer(text) if "twice" in low or "thrice" in low else ():
        # "After we broke their pipeline twice": two times, as "three times" is three.
        value = 2.0 if m.group().lower() == "twice" else 3.0
        found.append(Quantity(m.start(), m.end(), m.group(), value, "times", "number"))
    parts = half or any(w in low for w in ("third", "quarter", "fifth"))
    for m in _PART_OF_UNIT.finditer(text) if parts else ():
        # "Three quarters of an hour", "half an hour": a time said as a part of its unit.
        said = m.group("p").lower()
        value = 0.5 if said == "half" else 0.75 if said.startswith("three") else 0.25
        found.append(Quantity(m.start(), m.end(), m.group(), value, m.group("u").lower(), "number"))
    for m in _FRACTION.finditer(text) if parts else ():
        if any(f.start <= m.start() < f.end for f in found):
            continue  # "three quarters of an hour" is a time, read above
        group = next(g for g in ("f", "h", "g") if m.group(g))
        said = re.split(r"\s*-\s*|\s+", m.group(group).lower())
        if said == ["half"]:
            value = 50.0
        else:
            value = _FRACTION_COUNT[said[0]] * _FRACTION_VALUE[said[1].rstrip("s")]
        start, end = m.start(group), m.end(group)
        if said == ["half"] and HALF_CLOCK.match(text, start):
            continue  # "about half nine" is a time of day
        found.append(Quantity(start, end, m.group(group), value, "%", "number"))
    if not found:
        return qs
    kept = [q for q in qs if not any(f.start < q.end and q.start < f.end for f in found)]
    return sorted(kept + found, key=lambda q: q.start)


_POINT_BEFORE = re.compile(r"\b(?P<w>\d+|" + "|".join(_SMALL) + r")\s+point\s+$", re.I)


_TO_THE_OTHER_END = re.compile(
    r"^[^.;!?]*\bto,?\s+(?:about\s+|around\s+|roughly\s+|like,?\s+|just\s+|only\s+|under\s+)?"
    r"(?:an?\s+)?$",
    re.I,
)
"""What lies between the two ends of one change: 'from 60 pages to about 18'."""
_ONE_BETWEEN = re.compile(r"\s+(?:and\s+)?(?:one|a)\s+", re.I)
_HUNDREDS_SAID_SHORT = re.compile(
    r"(?:one|two|three|four|five|six|seven|eight|nine)-"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)",
    re.I,
)
_CLOCK_BEFORE = re.compile(r"\b(?:at|by|until|till|past|since)\s+$", re.I)


_ONE_PERCENT = re.compile(r"(?<![\w.-])one (?P<u>percent|per cent)\b", re.IGNORECASE)


def _spoken_numbers(text: str, qs: list[Quantity]) -> list[Quantity]:
    """Numbers said in several words as one: 'twenty-five', 'a hundred and fifty', 'two hundred'.

    English builds a number from words by adding a units word to a tens word
    ('twenty-five'), multiplying by 'hundred', 'thousand' or 'million' ('two
    hundred') and adding what follows a hundred, often after 'and' ('four
    hundred and twelve').
    """
    # 'One' alone is mostly a pronoun and is not read as a number, but before 'percent' it
    # can only be one: "from about two percent to about one percent".
    ones = [
        Quantity(m.start(), m.end(), m.group(), 1.0, m.group("u").lower(), "number")
        for m in _ONE_PERCENT.finditer(text)
        if not any(q.start <= m.start() < q.end for q in qs)
    ]
    if ones:
        qs = sorted([*qs, *ones], key=lambda q: q.start)
    out: list[Quantity] = []
    for q in qs:
        point = _POINT_BEFORE.search(text, max(0, q.start - 24), q.start)
        if point and q.kind == "number" and NUMBER_WORDS.get(q.text.lower(), 10.0) < 10:
            # "One point four seconds": a decimal said aloud is one number.
            said = point.group("w").lower()
            whole = float(said) if said.isdigit() else _SMALL.index(said)
            if out and out[-1].start >= point.start():
                out.pop()
            value = whole + NUMBER_WORDS[q.text.lower()] / 10
            q = Quantity(point.start(), q.end, text[point.start() : q.end], value, q.unit, "number")
        if (
            q.kind == "number"
            and q.text.lower() in _TENS
            and _AND_ONE.match(text, q.end)
            and not (out and q.start < out[-1].end)
        ):
            # "Sixty-one": 'one' alone is not read as a number (it is mostly a pronoun),
            # so the tens word takes it here.
            said = _AND_ONE.match(text, q.end)
            assert said is not None
            after = re.match(r"\s+([A-Za-z]+)", text[said.end() : said.end() + 30])
            unit = after.group(1).lower() if after else ""
            q = Quantity(
                q.start, said.end(), text[q.start : said.end()], q.value + 1, unit, "number"
            )
        prev = out[-1] if out else None
        if prev is not None and q.start < prev.end:
            continue  # 'thousand' in '180 thousand' is the numeral's own scale word
        word = q.text.lower()
        if (
            prev is not None
            and word.split()[0] == "hundred"
            and prev.text.lower().split()[-1] in ("thousand", "million")
            and _ONE_BETWEEN.fullmatch(text, prev.end, q.start)
        ):
            # "Two thousand one hundred": 'one' is not read alone (it is mostly a pronoun).
            out[-1] = Quantity(
                prev.start, q.end, text[prev.start : q.end], prev.value + q.value, q.unit, "number"
            )
            continue
        if (
            prev is not None
            and q.kind == prev.kind == "number"
            and word in NUMBER_WORDS
            and prev.text.replace("-", " ").split()[-1].lower() in _NUMBER_PARTS
            and (
                _JOIN.fullmatch(text, prev.end, q.start)
                or (
                    word in ("hundred", "thousand", "million")
                    and _ODD_JOIN.fullmatch(text, prev.end, q.start)
                )
            )
        ):
            last = NUMBER_WORDS.get(prev.text.replace("-", " ").split()[-1].lower(), 1.0)
            v = NUMBER_WORDS[word]
            joined: float | None = None
            if v in (100.0, 1e3, 1e6, 1e9) and v > last:
                whole = prev.value
                big = max((m for m in (1e9, 1e6, 1e3) if m > v and whole >= m), default=0.0)
                head = (whole // big * big) if big else 0.0
                joined = head + max(whole - head, 1.0) * v
            else:
                tens = 20 <= last < 100 and last % 10 == 0 and v < 10
                tens = tens and " and " not in text[prev.end : q.start]
                after_hundred = last >= 100 and v < 100 and (last >= 1000 or prev.value % 100 == 0)
                if tens or after_hundred:
                    joined = prev.value + v
                elif _HUNDREDS_SAID_SHORT.fullmatch(text, prev.start, q.end) and not (
                    _CLOCK_BEFORE.search(text, max(0, prev.start - 12), prev.start)
                    or CLOCK_AFTER.match(text, q.end)
                ):
                    # "From about three-forty to a hundred and twenty": hundreds said short,
                    # as people do aloud; not the clock time of "at three-forty a.m.".
                    joined = prev.value * 100 + v
            if joined is not None and word not in ("dozen", "dozens", "hundreds", "thousands"):
                out[-1] = Quantity(
                    prev.start, q.end, text[prev.start : q.end], joined, q.unit, "number"
                )
                continue
        out.append(q)
    return out


_TARGET_BEFORE = re.compile(
    # Not "by the budget meeting": a meeting about the budget is when, not a limit.
    r"\b(?:targets?|targeted|targeting|goals?|slos?|slas?|"
    r"budget(?:ed)?(?! (?:meeting|review|cycle|round|season|call|committee|day)s?\b)|"
    r"limits?|caps?|capped|"
    r"thresholds?|aim(?:ed|ing)?|objectives?|okrs?|quotas?|ceiling|allowance|commitment|"
    r"committed to|promised|plan(?:ned)?|deadline|needed to|had to|required|requirements?|"
    r"expected|expecting|estimated?|estimates|projected|projections?|forecasts?|forecasted|"
    r"hoped|hoping|wanted|asked for|predicted|guaranteed?)\b(?:(?!\b\d)[^.;!?]){0,50}$",
    re.I,
)
_TARGET_NOUN = (
    r"(?:budget|target|goal|limit|slo|sla|cap|threshold|ceiling|quota|deadline|objective|"
    r"estimate|forecast)"
)
"""Nouns that name a target or a limit, whose value is not a result."""
_TARGET_AFTER = re.compile(r"\s*(?:[\w\-]+\s+){0,2}?" + _TARGET_NOUN + r"\b", re.I)
_TARGET_COLON = re.compile(
    r"\b" + _TARGET_NOUN + r"s?\b[^.;!?:]{0,40}:\s*(?:(?:[\w\-]+\s+){0,2}|"
    # "My goal was clear: increase applications from these schools by 20 percent": what
    # the target asks, said with the verb's plain form.
    r"(?:to\s+)?(?:increase|reduce|get|bring|raise|lower|halve|double|reach|hit|grow|lift|"
    r"improve|decrease|shorten|lose|save)\s+(?:[\w\-]+\s+){0,6})$",
    re.I,
)
"""'I agreed the target with the district: 95 percent on time': the value a colon sets
after the target it names."""
_VERSUS_AFTER = re.compile(
    r"\s*(?:[\w\-]+\s+)?(?:under|over|below|above|ahead of|behind|short of|against|versus|vs\.?|"
    r"compared (?:to|with))\s+"
    r"(?:the\s+|our\s+|its\s+|a\s+|an\s+)?(?:[\w\-]+\s+)?(?:budget|target|goal|plan|estimate|"
    r"forecast|schedule|limit|slo|sla)\b",
    re.I,
)
# "In 2022 we had three unplanned trips, down from nine", "errors at 2% (from 6%)": a
# figure followed by where it came from is where the change ended.
_CAME_FROM_AFTER = re.compile(
    r"(?:\s+[a-z][\w\-]*){0,3}\s*(?:,|\(|-+|\u2013|\u2014)?\s*"
    r"(?:(?:down|up|fallen|dropped|rising|risen|falling)\s+from|from|instead of|rather than)\s+"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|over\s+|almost\s+)?"
    r"(?:\$|\u00a3|\u20ac)?(?:\d|" + "|".join(_SMALL) + r")",
    re.I,
)
_PEAK_BEFORE = re.compile(
    r"\b(?:spik(?:e|es|ed|ing)|peak(?:ed|s|ing)?|worst|max(?:imum|ed)?|as (?:high|bad|slow|"
    r"long|much) as|topped out|at its (?:worst|height)|high of)\b[^\d.;!?]{0,20}$",
    re.I,
)
_UPPER_BEFORE = re.compile(
    r"\b(?:under|below|less than|fewer than|at most|no more than|up to|within|sub-?|"
    r"a maximum of|capped at)\s*$",
    re.I,
)
# "Crept up to 1.4 s", "went up to 9%": a movement that arrived somewhere, not a limit.
_MOVED_UP = re.compile(
    r"\b(?:(?:\w+ed|crept|went|got|rose|grew|shot|ran|came|going|creeping|climbing)\s+up to|"
    r"(?:grown|grew|risen|rose|climbed|ballooned|swelled|spiked|jumped)\s+to)\s*"
    # "Had climbed to about forty a month": a hedge between.
    r"(?:(?:about|around|roughly|nearly|almost|over|some|like)\s+)?$",
    re.I,
)
_LOWER_BEFORE = re.compile(
    r"\b(?:over|above|more than|at least|upwards of|north of|exceeding|in excess of|"
    r"a minimum of|the better part of)\s*$",
    re.I,
)
# A span of time that dates something rather than measuring it: "within two weeks",
# "after three months", "every two hours", "for the first two hours", "a month later".
_TIMING_BEFORE = re.compile(
    r"\b(?:within|after|every|each|once|in the (?:first|last|next|past)|for the (?:first|"
    r"last|next|past)|over the (?:next|following|first|last|past)|during the (?:first|last)|"
    r"per|the next|the following|the first|the last|inside|since)\s+"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|just\s+|a\s+few\s+)?$",
    re.I,
)
_PERIOD_OF_VALUE = re.compile(
    r"\d[\d,.]*\s*(?:%|[a-z]+)?\s+(?:over|across|during)\s+(?:the\s+(?:last|past|next)\s+)?$",
    re.I,
)
"""A length of time said just after a value is the period it was reached over: "crept up
to 1.2 seconds over two months", "fell to 3% across six weeks"."""
_TIMING_AFTER = re.compile(
    r"\s+(?:later|ago|afterwards|earlier|into\b|on(?=[,.;]))"
    # "Over six weeks of loads", "three months of tickets": the window a figure was read over.
    r"|\s+(?:[\w\-]+\s+)?of\s+(?:the\s+|our\s+|their\s+)?(?:[\w\-]+\s+)?(?:loads|data|tickets|"
    r"records|logs|invoices|orders|calls|shipments|claims|reports|transactions|deliveries|"
    r"visits|shifts|scans|readings|samples|history|incidents|traffic)\b",
    re.I,
)
# A result said to come later than the first one: "within two months it reached 78%",
# "a year later the rate was 2%", "eventually", "since then". Plain "after the fix" is
# not later: it introduces the result itself.
_LATER = re.compile(
    r"\b(?:within|after|over|by the end of) (?:the )?(?:(?:first|next|following) )?"
    r"(?:a|an|one|two|three|four|five|six|nine|twelve|few|several|couple of|\d+)?\s*"
    r"(?:weeks?|months?|quarters?|years?)\b(?! of\b)(?! before\b)"
    r"|\b(?:a|an|one|two|three|four|five|six|nine|twelve|few|several|\d+) (?:weeks?|months?|"
    r"quarters?|years?) (?:later|on|after(?:wards)?)\b"
    r"|\b(?:eventually|since then|ever since|later that (?:year|quarter)|by year[- ]end|"
    # "End of the year we'd gone from eleven to seven": the year's result, as 'by year-end'.
    r"(?:at |by )?(?:the )?end of (?:the|that) (?:year|quarter)|"
    r"the following (?:year|quarter|month)|the next (?:year|quarter)|long[- ]term|over time|"
    # "After the full rollout, click-through was up 11%": where it stood once out for all.
    r"after the (?:full|wider|national|company-wide|whole) (?:roll-?out|launch)|"
    # "Second half of season we win eleven": a reading of a later part of the period.
    r"(?:in )?the (?:second|latter|back) half|second half of)\b",
    re.I,
)
_EARLY = re.compile(
    r"\b(?:(?:in |over |during |after )?the first (?:few )?(?:days?|weeks?|fortnight|months?|"
    r"quarter)|first (?:week|fortnight|month|quarter)|at first|initially|early on|"
    r"to begin with|in the beginning|(?:in )?the first half|"
    # "The two-week A/B test showed a 6% lift": what a test said, before the rollout.
    r"(?:A/B|split) test(?:ing)?)\b",
    re.I,
)
"""A result said to be an early one: a later telling may give where it ended instead."""
_SPREAD_FROM = re.compile(
    r"\b(?:anywhere|somewhere|rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|spread)\s+(?:from|"
    r"between)\s+" + _ABOUT + "$",
    re.I,
)
_SPREAD_TO = re.compile(r"\s*[\w\-]*\s+(?:to|and)\s+" + _ABOUT, re.I)
_TOLERANCE = re.compile(r"(?:\bplus or minus|\+/-|\u00b1|\bgive or take)\s*$", re.I)
"""'A pass band of plus or minus five degrees': how far a reading may stray, not a reading."""
_COMMA_FILLER = re.compile(
    r",\s*(?:like|um|uh|er|erm|you know|I mean|basically|honestly|actually|so)\s*,", re.I
)
# Where a clause ends, looking back from a figure: a colon too ("breaching its SLA: p99 was").
_APPOSED = re.compile(r"\s*(?:(?:about|around|roughly|say|so|or|i\.e\.|that is)\s*)?", re.I)
"""Nothing but a hedge between a comma and the figure: the figure restates the clause before."""
_CLAUSE_BREAK = re.compile(r"[.;:!?,]|\band\b|\bbut\b")
_NOW = re.compile(r"\b(?:now|today|these days|nowadays)\b(?:(?!\b\d)[^.;!?])*$", re.I)
_BY_THEN = re.compile(
    # "By December our average was three and a half hours": where things stood by a time
    # the story names, which is its result.
    r"\s*(?:so,?\s+|and\s+)?by (?:(?:early |mid |late |the end of |the middle of )?(?:january|"
    r"february|march|april|may|june|july|august|september|october|november|december)|"
    r"the end of (?:the |that )?(?:year|quarter|month|season|term|summer|pilot|trial)|"
    r"year[- ]end|then|that point|launch|go-live)\b(?:(?!\b\d)[^;!?])*$",
    re.I,
)
_AFTER_FIX = re.compile(
    # "After (the) switch, p99 was about 350 ms": a sentence told after the fix.
    r"\s*(?:so,?\s+|and\s+)?(?:after|once|post)[\s\-]+(?:the\s+|our\s+|we\s+)?"
    r"(?:switch(?:over)?|change|fix|migration|cutover|launch|rollout|roll-out|release|upgrade|"
    r"rewrite|redesign|go-live|move|new (?:[\w\-]+ )?(?:process|system|version|design|setup|"
    r"rota|layout|flow))\b(?:(?!\b\d)[^;!?])*$",
    re.I,
)
_USED_TO = re.compile(
    r"\b(?:used to|was taking|were taking|had been|was running at|was sitting at)\b"
    r"(?:(?!\b\d)[^.;!?])*$",
    re.I,
)
_LABEL_BEFORE = re.compile(
    r"\b(?:Year|Grade|Level|Tier|Phase|Stage|Step|Sprint|Version|Room|Ward|Gate|Line|Bay|"
    r"Floor|Unit|Building|Route|Platform|Wave|Cohort|Batch|Block|Zone|Section|Terminal|Dock|"
    r"Aisle|Lane|Band|Form|Class|Flight|Bus|Release|Build|Model|Series|Chapter|Module|Bed|"
    r"Station|Day|Week|Pod|Squad|Team|Lab|Theatre|Site|Store|Plant|Key Stage)\s+$"
)
"""A capitalised noun before a number makes the number its name ("Year 5", "Ward 7",
"Tier 2"): which one, not how many. Lower-case "year 5" or "five wards" stay amounts."""
_PER_CENT = re.compile(r"[\s\-]*per[\s\-]*cent\b", re.I)
_JUST_PAST = re.compile(
    r"\b(?:just|slightly|a little|a bit|a touch|fractionally)\s+(?:under|over|below|above|"
    r"less than|more than|short of)\s*$",
    re.I,
)
_FILLER_AFTER = re.compile(
    # "From, like, ninety": the ends of a change keep their word through a filler; "were
    # at, like, 2.5%" is left alone, as 'at' after a comma-set filler says no end.
    r"\b(from|to|(?:at|about|around)(?!,))\b,?\s+(?:like|um|uh|er|erm),?\s+",
    re.I,
)
_STILL_AND_YET = re.compile(
    r"(?:^|\b(?:and|but|yet)\s+)\s*still\s+(?:the\s+|our\s+|my\s+|its\s+)?[\w\-]+(?:\s+[\w\-]+)?\s+"
    r"(?:was|were|is|are|had|has|sat|stood)\b",
    re.I,
)
"""'And still accuracy was only 96%': 'still' before the subject means 'and yet' (a
concession about how things stood), not that a figure stayed where it ended."""
_STILL = re.compile(
    r"\b(?:still|stayed|remained|unchanged|stuck|flat|hovered|hovering|plateaued)\b[^\d.;!?]*$",
    re.I,
)
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to)\s*|\s+or\s+|\s+and\s+", re.I)


def _figures(doc: Document, source: int) -> tuple[Figure, ...]:
    text = doc.text
    out: list[Figure] = []
    raws: list[float] = []
    numbers = list(doc.metrics)
    skip_to = -1
    for q in _spoken_numbers(text, _said_parts(text, numbers))[:MAX_FIGURES]:
        if q.start < skip_to:
            continue  # the 'ten' of 'seven in ten'
        value = q.value
        unit = q.unit
        end = q.end
        said_per_cent = _PER_CENT.match(text, end)
        if unit.lower() == "per" and said_per_cent:
            unit, end = "per cent", said_per_cent.end()  # "four per cent": a share, in words
        raw = q.text.lower()
        ratio = _IN_EVERY.match(text, q.end)
        if ratio is None and (counted := _COUNTED_NOUN.match(text, q.end)):
            ratio = _IN_EVERY.match(text, counted.end())  # "four orders in a hundred"
            if ratio and not _RATIO_END.match(text, ratio.end()):
                ratio = None  # "two people in ten teams": the second number counts its own
        if ratio and q.value <= _denominator(ratio.group("d")):
            # "About seven in ten", "one in five": a share, said as a ratio.
            value = 100 * q.value / _denominator(ratio.group("d"))
            unit, end = "%", ratio.end()
            skip_to = ratio.end()
        crew = False  # the size of the candidate's own group of people
        of_us = False  # 'just the three of us': the whole group, not a part of it
        scaled = unit in _SCALE and not raw.startswith(("$", "€", "£"))
        if scaled:
            value *= _SCALE[unit]
            said_scale = re.match(r"[\s\-]*" + re.escape(unit) + r"\b", text[end:], re.I)
            if said_scale:  # "nine hundred K": the scale word is said after the number
                end += said_scale.end()
            unit = _unit_after(text, end)
        if unit == "grand":  # "nine hundred grand": thousands, of money
            value, unit = value * 1e3, "pounds"
        if q.unit == "x" or _TIMES_SIGN.search(raw) or "times" in raw:
            family, unit = "multiplier", "x"
        elif raw.startswith(("$", "€", "£")) or unit in _MONEY_WORDS:
            family, unit = "money", "money"
        elif unit in _PERCENT or raw.endswith("%"):
            family, unit = "percent", "%"
        elif unit in TIME_UNITS:
            family = "time"
            value *= TIME_UNITS[unit]
            unit = "s"
        elif _OF_US.match(text, end) and (
            _WHOLE_US.search(text, max(0, q.start - 40), q.start) or _OF_US_IN.match(text, end)
        ):
            # "With just the three of us on reception": the size of the candidate's group.
            family, unit, crew, of_us = "count", "person", True, True
        else:
            if unit in _PHRASE_END:
                unit = ""  # "to 1 over three months": the months are their own figure
            elif not unit or not unit.isalpha() or unit in _FILLER:
                rate = unit in _RATE_WORDS
                unit = _unit_after(text, end)
                if unit in _FILLER or (rate and (unit in _PER_YEAR or unit in _PER_SHIFT)):
                    unit = ""  # "about 1,100 a day": a rate of something unsaid
            if unit in TIME_UNITS:
                family, value, unit = "time", value * TIME_UNITS[unit], "s"
            elif unit in _PERCENT:
                family, unit = "percent", "%"
            elif unit:
                family, unit = "count", _singular(_head_noun(text, end, unit, value))
                if unit == "time":
                    unit = _event_counted(text, q.start)
                unit = _SAME_COUNTED.get(unit, unit)
                if unit in _HEADCOUNT and _company_size(text, q.start, end, unit):
                    unit = "employee"
                # A noun for people: 'people', 'staff', or a job by its ending ('fitters').
                people = (
                    unit in _PEOPLE
                    or unit in _HEADCOUNT
                    or (_PERSON_NOUN.fullmatch(unit) is not None and unit not in _NOT_PERSON)
                )
                # "There were fourteen electricians on that crew": the whole group,
                # counted by where its people were.
                there_in_group = (
                    people
                    and _THERE_WERE.search(text, max(0, q.start - 30), q.start) is not None
                    and _IN_GROUP.match(text, end) is not None
                )
                # "My crew of twelve pickers", "I had twenty-five people": the size of the
                # candidate's own group, one count whatever its people are called.
                crew = bool(
                    _GROUP_OF.search(text, max(0, q.start - 40), q.start)
                    or _TEAM_WAS.search(text, max(0, q.start - 40), q.start)
                    or (
                        _ONE_OF.search(text, max(0, q.start - 12), q.start) is not None
                        and _IN_GROUP.match(text, end) is not None
                    )
                    or (people and _WE_WERE.search(text, max(0, q.start - 40), q.start))
                    # "Each of my nine people": all the candidate's people, the noun right
                    # after the number (not "all my senior agents", some of them).
                    or (
                        (unit in _PEOPLE or unit in _HEADCOUNT)
                        and _MY_N.search(text, max(0, q.start - 24), q.start) is not None
                        and _singular(_unit_after(text, end)) == unit
                    )
                    or there_in_group
                    # "The quality team at our contact centre: six QA analysts": the team,
                    # set out after a dash or a colon as who was in it.
                    or (
                        people
                        and _TEAM_SET_OUT.search(text, max(0, q.start - 60), q.start) is not None
                    )
                    # "I pulled together twelve people": the group the candidate formed.
                    or (
                        (unit in _PEOPLE or unit in _HEADCOUNT)
                        and _ASSEMBLED.search(text, max(0, q.start - 40), q.start) is not None
                    )
                    # "I had, like, fourteen agents": a filler is not a word of the clause.
                    or (
                        unit in _PEOPLE
                        and _I_HAD.search(
                            _COMMA_FILLER.sub(" ", text[max(0, q.start - 48) : q.start])
                        )
                    )
                )
                if crew and (there_in_group or _GROUP_AFTER.match(text, end)):
                    unit = "person"  # "a crew of six on the main press": six people
            else:
                family = "plain"
                # "from 40 minutes to 12": the second number takes the first one's unit.
                behind = _FROM_UNIT.search(text, max(0, q.start - 45), q.start)
                if behind and behind.group("u").lower() in TIME_UNITS:
                    family, unit = "time", "s"
                    value *= TIME_UNITS[behind.group("u").lower()]
                elif behind and behind.group("u").lower() in _PERCENT:
                    family, unit = "percent", "%"
                elif _GROUP_OF.search(text, max(0, q.start - 40), q.start):
                    # "I led a team of four: two developers, an analyst and a tester": a
                    # group's size said with no noun after it still counts its people.
                    family, unit, crew = "count", "person", True
        # "From like ninety a month to about fifty": a filler is not a word of the clause.
        left = _FILLER_AFTER.sub(r"\1 ", text[max(0, q.start - 32) : q.start])
        # "The new sheet saved us, I think, fifteen minutes": an aside is not the clause.
        left = _ASIDE.sub(" ", left)
        # "We saved approximately eighty-five thousand": the long hedge read as 'about'.
        left = _LONG_HEDGE.sub("about ", left)
        if q.text[:1].lower() in "htm" and _SCALE_WORD.match(q.text):
            left = _ARTICLE_END.sub("", left)  # "down to a hundred and fifty": 'a' is the number's
        if (
            family in ("plain", "count")
            and value >= 100
            and _MONEY_VERB.search(left)
            and (not q.unit.isalpha() or q.unit.lower() in _NOT_COUNTED)
        ):
            family, unit = "money", "money"  # "had cost nearly 60,000", "we spent 36 thousand"
        per = None
        per_factor = 1.0
        # "Three hundred and forty pages a week": a number said in words is read from its
        # last word, as a numeral is from itself.
        said_from = q.start
        if q.text[:1] in "hHaAoOtT" and _PART_OF_UNIT.fullmatch(q.text):
            said_from = q.end  # "half an hour": its 'an hour' is its unit, no rate
        elif q.text[:1].isalpha():
            for word in _LETTERS.finditer(q.text):
                if word.group().lower() in _NUMBER_PARTS:
                    said_from = q.start + word.start()
        period = _PERIOD.match(text, said_from, said_from + 60)
        if period and family in ("money", "count", "plain", "time"):
            key = (
                period.group("p") or period.group("q") or period.group("r") or period.group("y")
            ).lower()
            per_factor = _PER_YEAR[key]
            value *= per_factor
            per = "year"
            if family == "plain" and (q.value >= 2 or q.text.lower() == "one"):
                # "From around 140 a month to about 35": a rate of something the sentence
                # names elsewhere, compared only where the clauses share words (``_slot``).
                family = "rate"
        elif family in ("money", "count", "plain"):
            clause = _PERIOD_CLAUSE.split(text[max(0, q.start - 50) : q.start])[-1]
            adjective = _PERIOD_BEFORE.search(clause)
            if adjective:
                value *= _PER_YEAR[_PERIOD_ADJ[adjective.group("p").lower()]]
                per = "year"
                if family == "plain" and q.value >= 10:
                    family = "rate"  # "weekly pages dropped from about 340": as "340 a week"
            elif family == "money" and _YEAR_OF_BEFORE.search(text, max(0, q.start - 80), q.start):
                per = "year"  # "First year, it saved us around four thousand pounds"
        role = None
        saving = False
        if _MORE_AFTER.match(text[q.end : q.end + 12]) or _MORE_BEFORE.search(left):
            role = "delta"
        elif _TOTAL_AFTER.match(text[q.end :]) or (_ALL_OF.search(left)):
            role = "total"  # "100 villages in total", "across all 22 wards": the whole
        elif _DELTA_SUBJECT.search(text, max(0, q.start - 60), q.start):
            role = "delta"
        elif family == "money" and (_SAVED_AFTER.match(text, end) or _WORTH_BEFORE.search(left)):
            role, saving = "delta", True
        elif _TAKE_OFF.search(left) and _OFF_AFTER.match(text, end):
            role = "delta"  # "we took about five hundred tickets a week off the queue"
        elif _SPREAD_FROM.search(left) or _TOLERANCE.search(left):
            role = "spread"  # "anywhere from twenty minutes to three hours": a range, not a change
        elif out and out[-1].role == "spread" and _SPREAD_TO.fullmatch(text, out[-1].end, q.start):
            role = "spread"
        elif _ARROW_AFTER.match(text, end):
            role = "before"  # "decline rate 6% -> 4.5%": a note's arrow, from one to the other
        elif _ARROW_BEFORE.search(left):
            role = "after"
        elif _BEFORE.search(left):
            role = "before"
        elif _AFTER.search(left) and not _DELTA.search(left):
            role = "after"  # not "we saved just under £70K": a saving is a change
        elif (
            _DELTA.search(left)
            or _SAVED_SOMEONE.search(left)
            or family == "multiplier"
            or (family in ("percent", "money", "time") and _DELTA_AFTER.match(text, q.end))
            or (family in ("percent", "money") and _DOWN_UP.search(left))
        ):
            role = "delta"
        bound = None
        if _JUST_PAST.search(left):
            bound = None  # "just under seventy thousand" is about 69,000, not a limit
        elif _UPPER_BEFORE.search(left) and not _MOVED_UP.search(left):
            bound = "upper"
        elif _LOWER_BEFORE.search(left):
            bound = "lower"
        # "Our goal was, like, to get conversion to 2.4%": a filler between commas is not
        # the end of a clause.
        spoken = _COMMA_FILLER.sub(" ", text[max(0, q.start - 70) : q.start])
        clause_left = _CLAUSE_BREAK.split(spoken)[-1]
        if family == "time" and (
            _TIMING_BEFORE.search(left)
            or _TIMING_AFTER.match(text, q.end)
            or _PERIOD_OF_VALUE.search(left)
        ):
            role = "timing"
        elif _VERSUS_AFTER.match(text, q.end) or _WOULD_HAVE.search(clause_left):
            role = "versus"  # also the road not taken: 'the contract would have cost £48,000'
        elif (
            _TARGET_BEFORE.search(clause_left)
            or _TARGET_AFTER.match(text, q.end)
            or _TARGET_COLON.search(spoken)
            # "They set a target of a quarter of students voting, 25%": the figure set after
            # a comma says the target again, in the words of the clause before.
            or (_APPOSED.fullmatch(clause_left) and _TARGET_BEFORE.search(spoken))
        ):
            role = "target"
        elif _PEAK_BEFORE.search(clause_left):
            role = "peak"
        if role == "after" and _MOVED_UP.search(left):
            # "Latency had crept up to 1.4 s": the problem before the fix, or a result? The
            # words alone do not say, so the figure takes no role.
            role = None
        if role is None and _CAME_FROM_AFTER.match(text, end):
            role = "after"
        if role is None:
            # "It now takes 1 h 45 min", "reconciliation was taking over six hours": the tense
            # says which end of the story a figure is.
            sentence = doc.sentence_at(q.start).start
            if (
                _NOW.search(clause_left)
                or _AFTER_FIX.match(text[sentence : q.start])
                # Not "by March the queue had grown to 300": what grew may be the problem.
                or (_BY_THEN.match(text[sentence : q.start]) and not _MOVED_UP.search(left))
            ):
                role = "after"
            elif _USED_TO.search(clause_left):
                role = "before"
            elif _STILL.search(clause_left) and not _STILL_AND_YET.search(clause_left):
                role = "after"  # "no-shows stayed around 15%": where it ended is where it was
        if _NOBODY_USED.match(text, end):
            role = "idle"  # "120 seats nobody was using": held only against idle ones
        measure, measures = _measures(text, q.start, q.end)
        if saving and not measures:
            # "Which was worth roughly £180,000 a year": a sum a change saved is a saving on
            # cost, as "eighty thousand pounds a year saved" says in its own word.
            measure, measures = "cost", frozenset({"cost"})
        last = out[-1] if out else None
        if (
            role is None
            and last is not None
            and last.role == "delta"
            and _SAID_AGAIN.fullmatch(text, last.end, q.start)
        ):
            # "Turnaround dropped by about thirty percent, so, like, nine or ten minutes": the
            # same change, said again in other terms.
            role = "delta"
        if (
            family == "plain"
            and role == "after"
            and last is not None
            and last.role == "before"
            and last.family not in ("plain", "multiplier")
            and not re.search(r"[.!?;]", text[last.end : q.start])
        ):
            # "From about sixty pages a week to around thirty-five": the second end of a
            # change is said in the first one's unit and period.
            family, unit, per = last.family, last.unit, last.per
            value = value * (last.value / raws[-1]) if raws and raws[-1] else value
            measure, measures = measure or last.measure, measures or last.measures
        if family in ("plain", "rate") and measure in _COUNTED:
            # "Pages dropped from about 60 a week to 18": the measure names what is counted.
            family, unit = "count", _COUNTED[measure]
        if (
            role == "after"
            and per is not None
            and last is not None
            and last.role == "before"
            and last.per is None
            and (
                (last.family, last.unit) == (family, unit)
                or (last.family, family) == ("plain", "rate")
            )
            and len(text[last.start : q.start].split()) <= 5
            and _TO_THE_OTHER_END.search(text[last.start : q.start])
        ):
            # "From 60 to 18 a week", "from $40K to $25K a month": the period said after the
            # second end is the first end's too.
            out[-1] = replace(
                last, value=last.value * per_factor, per=per, family=family, unit=unit
            )
        elif (
            role == "after"
            and per is None
            and last is not None
            and last.role == "before"
            and last.per is not None
            and raws
            and raws[-1]
            and (last.family, last.unit) == (family, unit)
            and family in ("count", "money", "plain", "rate")
            and len(text[last.start : q.start].split()) <= 5
            and _TO_THE_OTHER_END.search(text[last.start : q.start])
        ):
            # "Monthly enrolment went from about seven to about thirteen patients": the
            # period said with the first end is the second end's too.
            value, per = value * last.value / raws[-1], last.per
        if crew and (not measures or (family, unit) == ("count", "person")):
            # "A crew of six on a passenger ferry build": a group's size measures the
            # group, whatever it worked on.
            measure, measures = "crew", frozenset({"crew"})
        if family == "time" and _LATE_BY.match(text, end):
            role = "late"  # "we shipped it eight weeks late": held only against another delay
        if _LABEL_BEFORE.search(text, max(0, q.start - 12), q.start):
            role = "label"  # "a Year 5 class", "Tier 2", "Ward 7": a name, not an amount
        naming = _NAMING_COUNT.match(text, q.start)
        if (
            family == "count"
            and naming
            and naming.group("joined").lower() not in _NUMBER_PARTS
            # "twenty-odd", "forty-something": about 20, about 40
            and naming.group("joined").lower() not in ("odd", "ish", "something")
            and unit not in _HEADCOUNT  # "a forty-person fintech": the company's size
            and naming.group("next").lower() not in _FILLER
        ):
            # "The three-criteria rule", "a four-page version": the number names the thing
            # (which rule, which version); it is not a count the story makes.
            role = "label"
        if scaled and family in ("plain", "count") and measures & _MONEY_MEASURES:
            # "We saved about nine hundred K on vans": thousands of a currency left unsaid.
            # Not "900K users": a noun right after the scale is the thing counted.
            said_next = re.match(r"\s+([A-Za-z]+)", text[end:])
            if said_next is None or said_next.group(1).lower() in _FILLER:
                family, unit = "money", "money"
        low = high = None
        vague = _VAGUE_BEFORE.search(left)
        if vague and q.text.split()[0].lower().rstrip("s") in _SCALE_WORDS:
            # "Several million invoices", "a few hundred users": some number of the scale,
            # not the scale itself.
            least, most = _VAGUE_SPAN[vague.group("v").lower()]
            scale = _SCALE_WORDS[q.text.split()[0].lower().rstrip("s")]
            base = scale * (value / q.value if q.value else 1.0)  # with any period said
            low, high, value = base * least, base * most, base * (least + most) / 2
        near_all = family == "percent" and 90 < value <= 100
        just = _JUST_PAST.search(left) if low is None and near_all else None
        if just:
            # "Just under ninety-nine percent": a little below 99, so 98.6 agrees with it
            # and 97 does not. Near 100% a share is compared by what is left, where 1.4
            # against 1 is far apart, so the point's side of the value is kept as a span.
            step = 1.0
            below = re.search(r"under|below|less|short", just.group(), re.I) is not None
            low, high = (value - step, value) if below else (value, value + step)
        raws.append(q.value)
        out.append(
            Figure(
                value=value,
                family=family,
                unit=unit,
                measure=measure,
                measures=measures,
                per=per,
                role=role,
                context=_context(text, q.start, q.end),
                hedged=bool(_HEDGE.search(left))
                or low is not None
                or _ODD_JOIN.search(raw) is not None,
                low=low,
                high=high,
                precision=_precision(q.value),
                quote=_quote(text, q.start, _of_us_end(text, end, q.end) if crew else q.end),
                start=q.start,
                end=q.end,
                source=source,
                bound=bound,
                when=_when(text, q.start, q.end),
                # "With a team of four of us": the team counted, not four of a larger one.
                part=(
                    _OF_GROUP.match(text, end) is not None
                    and not of_us
                    and not (crew and _OF_US.match(text, end))
                )
                or _FIRST_FEW.search(left) is not None
                or _SOME_BY_SIZE.search(left) is not None
                or _SOME_OF_THEM.match(text, q.start + len(q.text.split()[0])) is not None,
                whole=_DEFINITE.search(left) is not None,
            )
        )
    _ranges(text, out, raws)
    _compound_durations(text, out)
    # "p99 went from 1.4s to 200ms": an unnamed figure inherits the measure just before it.
    for k in range(1, len(out)):
        prev, cur = out[k - 1], out[k]
        if (
            cur.measure is None
            and prev.measure not in (None, "crew")  # a group's size names no measure
            and prev.family == cur.family
            # A semicolon joins two halves of one thought ("goal was 99.8%; we landed at
            # 99.1%"); a full stop ends it.
            and not re.search(r"[.!?]", text[prev.end : cur.start])
        ):
            out[k] = replace(cur, measure=prev.measure, measures=prev.measures)
    # "Latency came down from 1.5 seconds to 200 milliseconds at p99": the two ends of one
    # change measure one thing, named on either side.
    for k in range(1, len(out)):
        prev, cur = out[k - 1], out[k]
        if (
            prev.role == "before"
            and cur.role == "after"
            and prev.family == cur.family
            and prev.measures != cur.measures
            and not re.search(r"[.!?;]", text[prev.end : cur.start])
        ):
            both = prev.measures | cur.measures
            named = cur.measure if cur.measure not in (None, "latency") else prev.measure
            out[k - 1] = replace(prev, measure=named or cur.measure, measures=both)
            out[k] = replace(cur, measure=named or cur.measure, measures=both)
    _change_in_said_unit(text, out)
    out = _unsaid(text, out)
    out.extend(_named_crews(text, source))
    out.extend(_me_and_the_others(text, source))
    out.sort(key=lambda f: f.start)
    _story_order(out)
    return tuple(out)


_CORRECTED = re.compile(
    r"\s*(?:[,\u2014\u2013]|\s-+)\s*(?:no,?\s+wait|wait,?\s+no|sorry|I mean|or rather|no|"
    r"actually(?:,?\s+no)?)\s*[,\u2014\u2013\-]?\s*(?:(?:it|that|this)\s+(?:was|were|'s)\s+)?"
    r"(?:more like\s+|closer to\s+|about\s+|around\s+)?$",
    re.I,
)
"""'Five years of decisions, no wait, it was four years': a figure the speaker takes back
at once, the one after the correction standing for it."""


def _unsaid(text: str, out: list[Figure]) -> list[Figure]:
    """The figures left once those taken back in the same breath are dropped: a figure
    followed, within a few words, by a correction and a figure of the same kind."""
    dropped = set()
    for k in range(len(out) - 1):
        said, meant = out[k], out[k + 1]
        between = text[said.end : meant.start]
        bare = meant.family == "plain" and said.family == "count"  # "12 people, no, 14"
        if (
            (said.family == meant.family or bare)
            and len(between) <= 60
            and not re.search(r"[.!?;]", between)
            and _CORRECTED.search(between) is not None
        ):
            dropped.add(k)
            if bare:
                out[k + 1] = replace(
                    meant, family=said.family, unit=said.unit, measure=said.measure,
                    measures=said.measures,
                )  # fmt: skip
    return [f for k, f in enumerate(out) if k not in dropped]


def _change_in_said_unit(text: str, out: list[Figure]) -> None:
    """A change told in bare numbers from a value the telling first gave with its unit:
    'around sixty thousand pounds of medicines thrown away' ... 'we brought it down from
    sixty thousand to about forty-five thousand'. People drop the unit once they have said
    it; both ends are then in it, as an interviewer hears them."""
    for k in range(1, len(out)):
        prev, cur = out[k - 1], out[k]
        if not (
            prev.role == "before"
            and cur.role in ("after", None)
            and prev.family in ("plain", "rate")
            and cur.family in ("plain", "rate", "money", "count")
            and prev.value >= 10
            and not re.search(r"[.!?;]", text[prev.end : cur.start])
        ):
            continue
        # "Eleven unplanned stops a month" ... "dropped from eleven a month to four": a rate
        # said bare is the count said before with the same period.
        said = next(
            (
                f
                for f in out[: k - 1]
                if f.value == prev.value
                and f.family in ("money", "count")
                and f.role is None
                and (prev.family == "plain" or f.per == prev.per)
            ),
            None,
        )
        if said is None or cur.family not in ("plain", "rate", said.family):
            continue
        out[k - 1] = _in_unit_of(prev, said)
        if cur.family in ("plain", "rate"):
            out[k] = replace(_in_unit_of(cur, said), role="after")


def _in_unit_of(f: Figure, said: Figure) -> Figure:
    """``f`` in the unit ``said`` gives it, and measuring what ``said`` does if it names
    nothing itself."""
    if f.measure is None:
        f = replace(f, measure=said.measure, measures=said.measures)
    return replace(f, family=said.family, unit=said.unit, per=said.per)


_VAGUE_BEFORE = re.compile(r"\b(?P<v>a few|several|a handful of|a couple of|some)\s+$", re.I)
_VAGUE_SPAN = {
    "a few": (2.0, 5.0), "several": (3.0, 9.0), "a handful of": (2.0, 6.0),
    "a couple of": (2.0, 3.0), "some": (2.0, 9.0),
}  # fmt: skip
_SCALE_WORDS = {"dozen": 12.0, "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9}


def _story_order(out: list[Figure]) -> None:
    """A measure told twice with no 'from' or 'to' is told in story order: "Median wait was
    34 minutes." ... "A month on, median wait was 19 minutes." The first is where it
    began, the second, told as later, where it ended."""
    groups: dict[tuple[str, str], list[int]] = {}
    for k, f in enumerate(out):
        if f.measure is not None and f.family not in ("plain", "multiplier"):
            groups.setdefault((f.family, f.measure), []).append(k)
    for ks in groups.values():
        first, last = out[ks[0]], out[ks[-1]]
        roles = {out[k].role for k in ks}
        if (
            len(ks) == 2
            and first.role is None
            and last.role in (None, "after")
            and last.when == "later"
            and first.when is None
            and roles <= {None, "after"}
        ):
            out[ks[0]] = replace(first, role="before")
            if last.role is None:
                out[ks[-1]] = replace(last, role="after")


_HEADCOUNT = {"person", "people", "employee", "staff", "headcount"}
_SAME_COUNTED = {
    "home": "household", "house": "household", "dwelling": "household", "client": "customer",
    "shop": "store", "lorry": "truck", "flat": "apartment", "pupil": "student",
    "mistake": "error",
}  # fmt: skip
"""Two words English uses for one counted thing: "1,200 households offline" and "two
thousand one hundred homes" lost service count the same thing, told in other words."""
_PEOPLE = {
    "person", "agent", "engineer", "analyst", "nurse", "picker", "driver", "developer", "rep",
    "advisor", "adviser", "operator", "technician", "designer", "recruiter", "teacher", "staff",
    "associate", "worker", "coordinator", "specialist", "scientist", "editor", "writer",
}  # fmt: skip
"""Nouns for people: 'I had fourteen agents' is the size of the candidate's own group."""
_NAMING_COUNT = re.compile(r"[\w.,]+\s?-\s?(?P<joined>[A-Za-z]+)\s+(?P<next>[a-z][a-z\-]+)\b")
_COUNTED = {"pages": "page", "tickets": "ticket", "incidents": "incident"}
"""Measures that are counts of a thing: a bare number of pages is a count of pages."""
_COMPANY_NOUN = (
    r"(?:startup|company|firm|business|retailer|manufacturer|bank|agency|employer|"
    r"organi[sz]ation|corporation|shop|studio|publisher|insurer|provider|vendor|consultancy|"
    r"scale-?up|division|subsidiary)"
)
_COMPANY_BEFORE = re.compile(r"\b" + _COMPANY_NOUN + r"\b[^.;!?\d]{0,25}$", re.I)
_COMPANY_AFTER = re.compile(r"[\s\-]*(?:[\w\-]+\s+){0,3}?" + _COMPANY_NOUN + r"\b", re.I)


def _company_size(text: str, start: int, end: int, unit: str) -> bool:
    """A count of people is a company's size when it says employees or sits by the company
    noun ('a startup of around 30 people', 'a 30-person agritech startup')."""
    if unit in ("employee", "staff", "headcount"):
        return True
    return bool(
        _COMPANY_BEFORE.search(text, max(0, start - 45), start)
        or _COMPANY_AFTER.match(text, end, end + 40)
    )


def _precision(said: float) -> float:
    """How finely a number was said, relative to it: '450' to the ten (0.02), '200' to the
    hundred (0.5), '1.25' to the hundredth. A hedged round number covers more."""
    if said == 0:
        return 1.0
    text = f"{abs(said):.6f}".rstrip("0").rstrip(".")
    if "." in text:
        step = 10.0 ** -len(text.split(".")[1])
    else:
        step = 10.0 ** (len(text) - len(text.rstrip("0")))
    return step / abs(said)


def _when(text: str, start: int, end: int) -> str | None:
    """'later' when the sentence places this figure after the story's first result."""
    lo = max(0, start - 160)
    mark = max(text.rfind(c, lo, start) for c in ".;!?\n")
    # A sentence longer than the window starts at the window, not at the text's start.
    sentence_start = mark + 1 if mark >= 0 else lo
    right = _CLAUSE_MARK.split(text[end : end + 50])[0]
    if _STILL.search(text, max(sentence_start, start - 40), start):
        return None  # 'still at 12%' says the value held throughout: the same slot as the result
    if _LATER.search(text, sentence_start, start) or _LATER.search(right):
        return "later"
    if _EARLY.search(text, sentence_start, start) or _EARLY.match(right):
        return "first"  # "in the first month, rework was down a third": an early reading
    return None


def _compound_durations(text: str, out: list[Figure]) -> None:
    """'1 hour 45 minutes', '2 min 30 s': one duration said in two units, summed."""
    k = 1
    while k < len(out):
        a, b = out[k - 1], out[k]
        if (
            a.family == b.family == "time"
            and 0 < b.value < a.value
            and _AND_GAP.fullmatch(text[a.end : b.start])
        ):
            out[k - 1] = replace(
                a, value=a.value + b.value, end=b.end, quote=_quote(text, a.start, b.end)
            )
            del out[k]
            continue
        k += 1


def _ranges(text: str, out: list[Figure], raws: list[float]) -> None:
    """'Two or three weeks', '20-30 ms', 'between 40 and 50': one value said as its two ends.

    The first end often has no unit of its own ('20-30 ms'), so it takes the second's.
    """
    for k in range(1, len(out)):
        a, b = out[k - 1], out[k]
        gap = _FIRST_END.sub("", text[a.start : b.start])
        word = gap.strip().lower()
        # "Cut by nine or ten minutes": a change said as a range ('nine to ten' is a change).
        spread = a.role == "delta" and b.role is None and word in ("or", "-", "–")
        if not _RANGE_GAP.fullmatch(gap) or b.role == "after":
            continue
        if a.role in ("before", "delta") and not spread:
            continue
        lead = text[max(0, a.start - 12) : a.start]
        if word == "and" and not re.search(r"\bbetween\s+\S*$", lead, re.I):
            continue
        if word == "to" and re.search(r"\bfrom\b", text[max(0, a.start - 40) : a.start], re.I):
            continue
        low = a.value
        if a.family == "plain" and b.family != "plain" and raws[k]:
            low = raws[k - 1] * b.value / raws[k]
        elif b.family == "plain" and a.family != "plain" and raws[k - 1]:
            # "From twenty-odd late departures a month to six or seven": the first end took
            # the unit of the change; the second is said in it too.
            b = replace(
                a, value=raws[k] * a.value / raws[k - 1], start=b.start, end=b.end, quote=b.quote
            )
        elif a.family != b.family:
            continue
        if not 0 < low < b.value or b.value > 20 * low:
            continue
        if b.role is None:
            b = replace(b, role=a.role)  # "down to two or three": the range is the end
        out[k - 1] = replace(b, value=low, low=low, high=b.value, start=a.start, quote=a.quote)
        out[k] = replace(b, low=low, high=b.value)


def _quote(text: str, start: int, end: int) -> str:
    """The number with a few words either side, as an interviewer would jot it."""
    left = text[max(0, start - 40) : start]
    left = _QUOTE_LEFT.split(left)[-1]
    left_words = left.split()[-4:]
    right = _QUOTE_RIGHT.split(text[end : end + 30])[0]
    right_words = right.split()[:2] if end < len(text) and not text[end].isspace() else []
    if not right_words and end < len(text):
        right_words = right.split()[:1]
    core = text[start:end]
    return " ".join([*left_words, core + (" " + " ".join(right_words) if right_words else "")])


# --- non-numeric facts ----------------------------------------------------------

_LEVELS: tuple[tuple[str, str], ...] = (
    (r"\bintern(?:ship)?\b", "intern"),
    (r"\b(?:new grad|junior (?:[\w\-]+ )?(?:engineer|developer|dev|sde|analyst|designer|"
     r"scientist|accountant|consultant|associate|planner|buyer|recruiter|nurse|specialist|"
     r"producer|programmer|technician|officer|coordinator|editor|reporter|architect|"
     r"surveyor|administrator|auditor|executive)|"
     # "I was still a junior forecaster": any job noun for a person, by its ending.
     r"junior (?:[a-z]+(?:er|or|ist|ian|ant))(?![\w\-])|"
     r"entry[- ]level|graduate trainee|(?:the )?most junior (?:person|member|one|engineer)|"
     r"front[- ]?line (?:[\w\-]+ )?(?:agent|associate|worker|"
     r"rep|representative|advisor|adviser|staff|nurse)|(?:trainee|apprentice) [\w\-]+|"
     # "A first-year pharmacy resident": a doctor or pharmacist still in training.
     r"(?:first|1st|second|2nd)[- ]year (?:[\w\-]+ )?(?:resident|associate|analyst|teacher|"
     r"nurse|apprentice|trainee)|(?:medical|pharmacy|surgical) resident|"
     # "I was pretty junior then": the rank said alone, of that time.
     r"junior(?=\s+(?:then|at the time|back then|in those days)\b|\s*[,.;])|"
     # "I was, like, fresh out of uni": a graduate in a first job.
     r"(?:fresh|straight|just) out of (?:uni|university|college|grad school|my degree))\b",
     "junior"),
    (r"\bSDE[- ]?(?:I|1)\b(?![I\d])|\bL4\b|\bE3\b", "sde1"),
    (r"\bSDE[- ]?(?:II|2)\b(?![I\d])|\bL5\b|\bE4\b|\bmid[- ]level\b", "sde2"),
    (r"\bSDE[- ]?(?:III|3)\b|\bL6\b|\bE5\b|\bsenior (?:software )?(?:engineer|developer|"
     r"dev|sde|swe)\b|\bsenior\b(?= on)|\bsenior (?:[\w\-]+ )?(?:analyst|designer|scientist|"
     r"accountant|consultant|associate|planner|buyer|recruiter|nurse|specialist|auditor|"
     r"producer|programmer|technician|officer|coordinator|editor|reporter|architect|"
     r"surveyor|administrator|executive)\b",
     "senior"),
    (r"\bL7\b|\bE6\b|\bstaff (?:software )?(?:engineer|developer)\b", "staff"),
    (r"\bL8\b|\bE7\b|\bprincipal (?:software )?(?:engineer|developer)\b", "principal"),
)  # fmt: skip
_LEVEL_RES = [(compile_first_letters(p), v) for p, v in _LEVELS]
_MY_LEVEL = re.compile(
    r"\b(?:I was|I'm|I am|I'd been|I had been|I joined as|I was hired as|I worked as|as|"
    r"my (?:role|level|title) (?:was|as))\s+(?:(?:a|an|the|one|just|still|then|already|"
    r"newly promoted|new|first-year)\s+)*(?:\w+\s+)?$",
    re.IGNORECASE,
)
_I_WAS_NEAR = re.compile(r"\bI(?:\s+was|'d been|\s+had been|'m|\s+am)\b[^.;!?]{0,20}$")
_I_WAS_APPOSITIVE = re.compile(r"\bI (?:was|am|'m)\b[^.;!?]*,\s*$")
_MY_INTERNSHIP = re.compile(r"\bmy\s+(?:[\w\-]+\s+)?$", re.IGNORECASE)
_FUNCTION = Rx(
    r"\b(?:I was|as|I'd become|I had become|I became|I'm|I am|was acting as|acting)\s+"
    # "I was in that time one of the junior engineers": when, said between.
    r"(?:(?:at|in|during) (?:that|the) time,?\s+|back then,?\s+|then,?\s+)?"
    r"(?:the|a|an|our|their)?\s*(?:acting\s+|interim\s+|de facto\s+)?"
    r"(?P<f>tech(?:nical)? lead|team lead|engineering manager|manager|individual contributor|"
    r"project lead|lead engineer|lead|owner|scrum master|product manager|on-call(?: engineer)?|"
    # "I was the sole product designer": the only one doing the work, managing no one.
    r"(?:sole|only|one-person) (?:[\w\-]+ )?(?:designer|engineer|developer|analyst|writer|"
    r"researcher|accountant|planner|recruiter|marketer)|"
    r"one of (?:the|several|\w+) (?:[\w\-]+ ){0,2}?(?:engineers|developers|devs|members|editors|"
    r"analysts|designers|nurses|agents|recruiters|coordinators|planners|writers|accountants)|"
    r"(?:just|only) (?:a|an|one) (?:engineer|developer|"
    r"member)|(?:(?:senior|junior|mid-level|new|staff|principal)\s+)?(?:software |backend |"
    r"frontend |mobile |full-stack )?(?:engineer|developer|dev|sde)(?= on| in| at| for|,)"
    # Individual-contributor titles other than engineer: "a data scientist on the team".
    r"|(?:(?:senior|junior|lead|staff|principal)\s+)?(?:data scientist|data analyst|analyst|"
    r"designer|sre|site reliability engineer|qa engineer|test engineer|ml engineer|"
    r"machine learning engineer|data engineer)(?= on| in| at| for| with|,))\b",
)
# "with four data scientists reporting to me", "my six direct reports": the candidate managed.
_MANAGED = ScanRx(
    r"\b(?:\w+|\d+) (?:[\w\-]+ ){0,2}?(?:reporting (?:directly )?to me|direct reports)\b"
    r"|\bI (?:managed|was managing|was the manager of|was (?:the )?people manager for) "
    r"(?:the|a|our|my) (?:[\w\-]+ ){0,2}?team\b"
    r"|\b(?:I|who) (?:managed|manage|was managing|was line[- ]managing|line[- ]managed) "
    r"(?:a team of )?(?:\w+|\d+) (?:[\w\-]+ )?(?:engineers|people|developers|scientists|"
    r"analysts|designers|nurses|agents|staff|reps|researchers|accountants|technicians|"
    r"coordinators|writers|buyers|planners|recruiters)\b",
)
# A job title the candidate gives themselves: "when I was assistant store manager",
# "as the store manager". Compared only within one head ("store manager"), so that
# "senior engineer" and "tech lead" (both can be true at once) never meet here.
_TITLE_HEAD = (
    r"(?:manager|director|supervisor|analyst|engineer|officer|coordinator|planner|nurse|"
    r"teacher|buyer|accountant|designer|scientist|specialist|consultant|administrator|"
    r"executive|recruiter|controller|editor|producer|architect|pharmacist|technician)"
)
_TITLE = re.compile(
    r"\b(?:I was|I'm|I am|I had been|I'd been|I worked as|I joined as|I was hired as|"
    r"I started as|as)\s+(?:(?:the|a|an|our|their|then|still|just|acting|interim|newly "
    r"promoted)\s+)*(?P<t>(?:[A-Za-z&][\w&\-]*\s+){0,3}?" + _TITLE_HEAD + r")\b",
    re.IGNORECASE,
)
_RANKED_TITLE = re.compile(
    r"\b(?:I was|I'm|I am|I had been|I'd been|I worked as|I joined as|I was hired as|"
    r"I started as)\s+(?:the|a|an)\s+(?P<t>(?:junior|senior|assistant|deputy|associate|"
    r"trainee|graduate|apprentice|principal|chief)\s+(?:[a-z][\w\-]*\s+){0,2}?"
    r"(?!(?:one|person|member|people|guy|woman|man)\b)[a-z][\w\-]*)"
    r"(?=\s+(?:on|at|in|for|with|of|and|who|when|about)\b|\s*[,.;:])",
    re.IGNORECASE,
)
"""A title whose rank is said, whatever the job is called ('I was a junior entry writer,
about a year in', 'I was the senior fitter on nights'): the rank word marks a job title
even where the job's own noun is not one ``_TITLE`` knows."""
_TITLE_OPENING = re.compile(
    r"\s*(?:(?:role|me|context)\s*[:\-]\s*)?(?P<t>(?:[A-Za-z&][\w&\-]*\s+){0,3}?"
    + _TITLE_HEAD
    + r")\s*[,.;:]",
    re.IGNORECASE,
)
"""A terse telling that opens on the candidate's title, as a note would: 'Project
architect, two years qualified.' A title followed by a verb ('Ops manager called me')
is someone else, so only a title the punctuation closes is read."""
_BELOW = frozenset(
    {"junior", "assistant", "deputy", "associate", "trainee", "graduate", "apprentice",
     "intern", "under", "second"}
)  # fmt: skip
"""Words that put a title under the same title without them ("assistant store manager")."""
_NOT_TITLE = frozenset({"the", "a", "an", "our", "my", "their", "then", "still", "just", "also"})
# Leading a team of people: "the records team I was leading", "I ran the night shift".
_LED_TEAM = re.compile(
    r"\b(?:team|group|squad|crew|shift|department|unit)\s+(?:that\s+)?I\s+(?:was leading|led|"
    r"was running|ran|was managing|managed|headed|was heading)\b"
    r"|\bI\s+(?:was leading|led|was running|ran|headed|was heading|was managing|managed)\s+"
    r"(?:the|a|our|my)\s+(?:[\w\-]+\s+){0,3}?(?:team|group|squad|crew|department|unit|shift)\b"
    # "When I was team leader for twelve agents": a leader's title with the people led.
    r"|\b(?:I was|I'm|I am|as)\s+(?:the\s+|a\s+)?(?:team|shift|crew|ward|unit|section)\s+"
    r"(?:leader|lead|manager|supervisor)\s+(?:for|of|over)\s+(?:about\s+|around\s+)?"
    r"(?:\d+|[a-z]+)\s+(?:[\w\-]+\s+)?(?:agents|people|staff|engineers|nurses|workers|pickers|"
    r"drivers|reps|advisors|advisers|analysts|developers|operators|colleagues)\b"
    # "supervising an intern", "I supervised two analysts": people who answered to the candidate.
    r"|\bI\s+(?:was\s+)?(?:supervis(?:ed|ing)|line[- ]manag(?:ed|ing))\s+(?:an?|the|our|my|"
    r"two|three|four|five|six|\d+)\s+(?:[\w\-]+\s+)?(?:interns?|juniors?|analysts?|engineers?|"
    r"nurses?|agents?|staff|people|team|apprentices?|trainees?)\b"
    r"|,\s+supervising\s+(?:an?|the|our|my|two|three|\d+)\s+(?:[\w\-]+\s+)?(?:interns?|"
    r"juniors?|analysts?|apprentices?|trainees?)\b"
    # "I was the payroll manager at a retailer, with a team of four": the team was theirs.
    r"|\b(?:manager|lead|supervisor|head)\b[^.;!?]{0,60}?,\s+with a team of\s+(?:\d+|[a-z]+)\b"
    # "I had an intern that summer helping me": someone placed under the candidate.
    r"|\bI\s+(?:had|took on|was given)\s+(?:an?|two|three|four|\d+)\s+(?:[\w\-]+\s+)?"
    r"(?:interns?|apprentices?|trainees?|direct reports?)\b",
    re.IGNORECASE,
)
# "I wasn't the one who came up with it": someone else had the idea.
_NOT_MINE = re.compile(
    r"\bI (?:wasn't|was not) the (?:one|person) (?:who|that) (?:came up with|proposed|"
    r"suggested|pitched|thought of|had the idea|started)\b"
    r"|\b(?:it|this|that|the (?:idea|plan|proposal)) (?:wasn't|was not|was never) "
    # "That wasn't actually my idea": an adverb may stand between.
    r"(?:(?:actually|really|even|originally|exactly|entirely|strictly) )?"
    r"(?:mine\b|my (?:own )?(?:idea|proposal|initiative|suggestion)\b)",
    re.IGNORECASE,
)
_OTHER_LEAD = re.compile(
    r"(?i:\b(?:our|my|the team's) (?:tech(?:nical)? lead|team lead|lead engineer|project lead)"
    r"\b)(?=,? [A-Z][a-z]|(?i:,? (?:who|had|drove|led|ran|owned|set|decided|designed|split|"
    r"asked|assigned|was driving|was leading)\b))"
)
_LED_BY_OTHER = re.compile(
    # "The transfer itself was run by our project manager, Gareth"; "I was the engineer on
    # it, an individual contributor".
    r"\b(?:was|were) (?:run|led|managed|owned|headed) by (?:our|my|the) (?:[\w\-]+ )?(?:project "
    r"manager|manager|lead|tech lead|team lead|director|programme manager|program manager)\b"
    r"|,\s+(?:just\s+)?an individual contributor\b"
    # "Marek Zielinski was leading it": a named colleague led the work.
    r"|\b(?-i:(?!(?:We|It|This|That|There|Everyone|Everybody)\b)[A-Z][a-z]+(?: [A-Z][^\W\d_]+)?) "
    r"(?:was|were) (?:leading|running|heading) (?:it|the "
    r"(?:project|work|team|programme|program|rollout|migration))\b"
    # "not managing anyone", "I managed no one", "no direct reports": said outright.
    r"|\b(?:not managing anyone|(?:I )?managed no(?:one| one|body)|"
    r"(?:with |had )?no direct reports)\b",
    re.IGNORECASE,
)
_LEAD_OPENING = re.compile(
    # A year or a short headline may come first: "2018. Lead technician on a hospital
    # contract, six lifts."
    r"(?:\s*[^.!?\n]{0,40}[.!?])?"
    r"\s*(?:(?:role|me)\s*[:\-]\s*)?(?P<f>(?:[Pp]roject|[Tt]ech(?:nical)?|[Tt]eam|[Pp]rogramme|"
    r"[Pp]rogram|[Ww]orkstream|[Ss]quad|[Dd]elivery) lead|Lead (?:technician|engineer|nurse|"
    r"developer|analyst|designer|planner|fitter|electrician|mechanic|architect|pharmacist))"
    r"(?:\s*[,.;:]|\s+(?:on|for|at|in)\b)"
)
"""A terse telling's opening role, as a note gives it: 'Project lead, barcode scanning.'"""
_FUNCTION_CANON = (
    ("tech lead", "lead"),
    ("technical lead", "lead"),
    ("team lead", "lead"),
    ("project lead", "lead"),
    ("lead engineer", "lead"),
    ("lead", "lead"),
    ("owner", "lead"),
    ("engineering manager", "manager"),
    ("manager", "manager"),
    ("product manager", "pm"),
    ("individual contributor", "member"),
    ("sole", "member"),
    ("one-person", "member"),
    ("one of", "member"),
    ("just", "member"),
    ("only", "member"),
    ("on-call", "on-call"),
    ("scrum master", "scrum"),
    ("software", "member"),
    ("backend", "member"),
    ("frontend", "member"),
    ("mobile", "member"),
    ("engineer", "member"),
    ("developer", "member"),
    ("dev", "member"),
    ("sde", "member"),
    ("senior", "member"),
    ("junior", "member"),
    ("staff", "member"),
    ("principal", "member"),
    ("data", "member"),
    ("analyst", "member"),
    ("designer", "member"),
    ("sre", "member"),
    ("site", "member"),
    ("qa", "member"),
    ("test", "member"),
    ("ml", "member"),
    ("machine", "member"),
)
_TEAM_ADJ = {
    "own", "whole", "entire", "new", "small", "old", "current", "immediate", "other", "same",
    "full", "extended", "sister", "the", "a", "my", "our", "that", "this", "whose", "partner",
    "downstream", "upstream", "adjacent", "neighbouring", "neighboring", "engineering",
    "leadership", "wider", "larger", "big", "tiny", "distributed", "remote", "internal",
    "first", "second", "core-adjacent", "dev", "development", "software", "scrum", "feature",
    "business",
}  # fmt: skip
_OWN_TEAM = ScanRx(
    r"\b(?:(?:I|we)\s+(?:was|were|had been|'d been)\s+(?:on|in|part of|with|working on|"
    r"working in)|I\s+(?:joined|led|ran|worked on|worked in|was leading|moved to|"
    r"transferred to|sat on|was on)|as part of|(?:my|our)\s+(?:team|org|group),?)\s+"
    # "I was on Meridian's fraud modelling team": the employer's name as the article.
    r"(?:the\s+|a\s+|an\s+|our\s+|my\s+|[a-z][\w\-]*'s\s+)?(?!charge\b)"
    r"(?P<name>(?:[A-Za-z][\w\-]*\s+){0,2}?[A-Za-z][\w\-]*)"
    r"\s+(?:team|squad|org|organisation|organization|group)\b"
    r"|\bmy\s+(?P<name2>(?:[A-Za-z][\w\-]*\s+){0,1}[A-Za-z][\w\-]*)\s+"
    r"(?:team|squad|org)\b"
    r"|\b(?:I\s+was|as)\s+(?:(?:the|a|an)\s+)?(?:[\w\-]+\s+){0,3}?(?:on|in|for|of)\s+the\s+"
    r"(?P<name3>(?:[A-Za-z][\w\-]*\s+){0,1}?(?:[A-Za-z][\w\-]*\s+(?:and|&)\s+)?"
    r"[A-Za-z][\w\-]*)\s+(?:team|squad|org|ward|unit)\b"
    # "as a security engineer at a carrier, on the identity and access team"
    r"|\b(?:I\s+was|as)\s+(?:the|a|an)\s+(?:[\w\-]+,?\s+){2,8}?(?:on|in)\s+the\s+"
    r"(?P<name4>(?:[A-Za-z][\w\-]*\s+){0,1}?(?:[A-Za-z][\w\-]*\s+(?:and|&)\s+)?"
    r"[A-Za-z][\w\-]*)\s+(?:team|squad|org|ward|unit)\b"
    # "My team was the corporate events team", "when I lead the leisure groups team".
    r"|\bmy team was (?:the )?(?P<name9>(?:[a-z][\w\-]*\s+){0,2}?[a-z][\w\-]*)\s+team\b"
    r"|\bI\s+(?:lead|run|manage)\s+the\s+(?P<name10>(?:[A-Za-z][\w\-]*\s+){0,2}?[A-Za-z][\w\-]*)"
    r"\s+team\b"
    # "My team at Brightwater was Catalog Quality": the name said after the verb.
    r"|\bmy team(?: at [A-Z][\w\-]*(?: [A-Z][\w\-]*)?)? (?:was|is) (?:called |named )?"
    r"(?:the )?(?P<name5>[A-Z][\w\-]*(?: [A-Z][\w\-]*){0,2})"
    # "I was supervising the baggage hall team": a team that is the candidate's to run,
    # named with 'the' ("running a small team" describes it, and names none).
    r"|\bI\s+(?:was running|was supervising|supervised|was managing|managed|headed|"
    r"was heading)\s+(?:the|our|my)\s+(?P<name8>(?:[A-Za-z][\w\-]*\s+){0,2}?[A-Za-z][\w\-]*)"
    r"\s+(?:team|squad|crew)\b"
    # "I was QA lead in payments team": the article is often dropped in English learned
    # later in life. A title first, and a name of one or two plain words.
    r"|\b(?:I\s+was|[Aa]s)\s+(?:(?:the|a|an)\s+)?(?:[\w\-]+\s+){1,3}?(?:on|in)\s+"
    r"(?P<name7>(?!(?:the|a|an|our|my|charge|of)\b)[a-z][\w\-]*(?:\s+(?!of\b)[a-z][\w\-]*)?)"
    r"\s+(?:team|squad)\b"
    # "Our team, checkout payments, owned the authorisation flow": the name set apart.
    r"|\b(?:my|our) team,\s+(?:the\s+)?(?P<name11>(?:[a-z][\w\-]*\s+){0,2}?[a-z][\w\-]*)"
    r"(?:\s+team)?,\s+(?:owned|owns|ran|runs|handled|handles|looked after|covered|covers|"
    r"built|maintained|was responsible|were responsible)\b"
    # Notes style, a line of nouns: "- Harlow Drives, firmware team."
    # "Warehouse ops, night shift, returns team.": a few short items before it.
    r"|(?:^|\n)(?:[-*•]\s*)?(?!(?:So|Um|Uh|Er|Well|And|But|Yeah|Okay|OK|Honestly|Basically|"
    r"Then|Like|Right)\b)[A-Z][\w&'\-]*(?:\s+[\w&'\-]+){0,3}"
    r"(?:,\s+[\w&'\-]+(?:\s+[\w&'\-]+){0,2}){0,2},\s+(?:the\s+)?"
    r"(?P<name6>[\w\-]+(?:\s+[\w\-]+)?)\s+(?:team|group|squad)\s*(?:[.,;]|$)",
)
_TEAM_NAMES = (
    "name",
    "name2",
    "name3",
    "name4",
    "name5",
    "name6",
    "name7",
    "name8",
    "name9",
    "name10",
    "name11",
)


def _team_name(m: re.Match[str], text: str) -> str:
    """The team's name an ``_OWN_TEAM`` match holds, whichever way it was said.

    The match is made on lower-cased text; a name said after 'my team was' must be
    capitalised in ``text`` ("my team was Catalog Quality", not "my team was working")."""
    if m.group("name5") and not text[m.start("name5")].isupper():
        return ""
    return next((g for g in m.group(*_TEAM_NAMES) if g), "")


_IN_DEPARTMENT = re.compile(
    # "I worked for a county council in the benefits eligibility unit", "when I was in the
    # procurement office", "in my time in the bank's mortgage team", "in the, um, logistics
    # unit": a team or department named in lower case (a capitalised office is a place).
    r"(?:\bI\s+(?:was|worked|was working|sat)\b[^.;!?]{0,45}?|\b[Ii]n my time\s+)"
    r"(?:\b(?:in|on|with)\s+(?:the|our|my)(?:,?\s*(?:um|uh|er|like),?)?\s+(?:[a-z]+'s\s+)?"
    r"(?P<name>[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2}?)\s+"
    r"(?:unit|department|office|division|desk|team|group|crew|squad)\b"
    # "I worked at Telvia, the telecom company, in billing data team": the article dropped.
    r"|\b(?:in|on)\s+(?P<bare>(?!(?:a|an|the|our|my|charge|team|cross-functional)\b)[a-z][\w\-]*"
    r"(?:\s+[a-z][\w\-]*){0,2}?)\s+(?:team|department|unit)\b)"
)
_TEAM_MORE = re.compile(
    # Membership said with a clause between: "I was on the composites line, in the NDT
    # group"; a longer name: "I was on the identity and access SRE team".
    r"\b(?:I|we)\s+(?:was|were|had been|'d been|worked|was working|sat|moved|transferred)\b"
    r"[^.;!?]{0,80}?\b(?:on|in|into|to|part of)\s+(?:the|our|my)"
    # "I was on the, uh, the ads team": a filler and the article said again.
    r"(?:,?\s*(?:uh|um|er|erm|like),?\s+(?:the|our|my))?\s+"
    r"(?P<name>(?:[A-Za-z][\w\-]*\s+(?:(?:and|&)\s+)?){1,4}?)"
    r"(?:team|group|squad|department|unit|crew|desk|pod|directorate|division)\b(?!')"
    # A terse line of nouns: "SRE, payments platform team at Corvid Bank."
    r"|(?:^|(?<=[.!?\n])\s*)[A-Z][\w&'\-]*(?:\s+[A-Z][\w&'\-]*){0,2},\s+(?:the\s+)?"
    r"(?!(?:each|every|another|one|which|whose|any|some|that|this)\b)"
    r"(?P<name2>[a-z][\w\-]*(?:\s+[\w\-]+){0,2}?)\s+(?:team|group|squad)\b(?!')"
)
_COMPANY_SOURCE = (
    # Not a skill: "I got much better at Power Query", "she was brilliant at Excel".
    r"(?<!better )(?<!good )(?<!great )(?<!worse )(?<!bad )(?<!brilliant )(?<!expert )"
    r"(?<!skilled )(?<!faster )(?<!quicker )(?<!fluent )"
    r"\b(?:[Aa]t|[Jj]oined|[Ww]orked for|[Ww]orking for|[Ww]ork for|was with|"
    # "Back when I was dispatching for Alamo Carriers": the work, done for the employer.
    r"(?:[Dd]ispatching|[Dd]riving|[Ss]elling|[Cc]onsulting|[Nn]ursing|[Tt]eaching|[Cc]oding|"
    r"[Dd]eveloping|[Pp]rogramming|[Rr]ecruiting|[Dd]esigning|[Bb]uilding) for)\s+"
    r"(?P<name>(?:[A-Z][\w&'\-]*|"
    r"[A-Z]{2,})"
    r"(?:\s+[A-Z][\w&'\-]*){0,2})"
)
_COMPANY = compile_first_letters(_COMPANY_SOURCE)
JOB_WORD = (
    r"(?:[a-z][\w\-]*(?:er|or|ist|ian|ant)|[a-z\-]*(?:nurse|lead|head|manager|officer|clerk|"
    r"analyst|assistant|intern|trainee|apprentice|coordinator|director|administrator))"
)
"""A job noun: 'librarian', 'store manager', 'quality technician', and the job words that
also stand alone ('nurse', 'lead'). The facts read the employer after it ('worked as X
for Name'); the similarity reads a role leading a telling in ('As volunteer coordinator
at ...') as setting."""
_WORKED_WITH_AS = re.compile(
    # "When I was working with Harbour City Libraries as children's librarian": "with" names
    # the employer when the candidate's own job follows (not "as our biggest client").
    r"\bI\s+(?:was\s+|had been\s+)?(?:working|worked|work)\s+with\s+"
    r"(?P<name>[A-Z][\w&'\-]*(?:\s+[A-Z][\w&'\-]*){0,2})\s+as\s+(?:an?\s+|the\s+)?"
    r"(?!(?:our|their|its|my|a|an|the)\b)(?:[\w'\-]+\s+){0,2}?"
    r"(?!(?:client|customer|supplier|vendor|partner|contractor|consultant)s?\b)" + JOB_WORD + r"\b"
)
_WORKED_AS_FOR = re.compile(
    # "When I work as store manager for Bloom & Co": the employer, after the candidate's job.
    r"\bI\s+(?:was\s+|had been\s+)?(?:working|worked|work)\s+as\s+(?:an?\s+|the\s+)?"
    r"(?:[\w'\-]+\s+){0,2}?" + JOB_WORD + r"\s+for\s+"
    r"(?P<name>[A-Z][\w&'\-]*(?:\s+(?:&\s+)?[A-Z][\w&'\-]*){0,2})"
)
_LEFT_LATER = re.compile(
    # "That night was one of the reasons I left Brannock Meats a few months later": the
    # employer the story happened at, left after it.
    r"\bI (?:left|quit|resigned from) (?P<name>[A-Z][\w&'\-]*(?:\s+(?:&\s+)?[A-Z][\w&'\-]*){0,2})"
    r"\s+(?:(?:a few|a couple of|some|about|\w+)\s+(?:days?|weeks?|months?|years?)\s+)?"
    r"(?:later|after(?:wards)?|soon after|not long after)\b"
)
_JOINED_LATER = re.compile(
    r"\b(?:[Bb]efore|[Uu]ntil|[Pp]rior to)\s+(?:I\s+)?(?:joined|joining|moved to|moving to|"
    r"move to|join|"
    r"came to|coming to|started at|starting at|went to)\s+"
    r"(?P<name>[A-Z][\w&'\-]*(?:\s+(?:&\s+)?[A-Z][\w&'\-]*){0,2})"
)
"""'At my previous brokerage, before I joined Harbor & Vine': the employer named is where
the candidate went after the story, not where it happened."""
_ORG_NOUN = (
    r"(?:company|employer|firm|agency|charity|startup|start-up|bank|insurer|retailer|brokerage|"
    r"consultancy|studio|publisher|hospital|trust|council|school|university|college|chain|"
    r"group|carrier|airline|operator|manufacturer|supplier|distributor|marketplace|platform|"
    r"provider|vendor|client|non-profit|nonprofit|organisation|organization|business|lab|"
    r"association|society|foundation|cooperative|co-op|ngo|practice|institute)"
)
_COMPANY_MORE = TriedAt(
    re.compile(
        # An organisation named in apposition: "at the children's hospice charity, Little
        # Lanterns,", "Event agency, Brightwell Events." (a terse line of nouns).
        r"(?:\b(?:[Aa]t|[Ff]or|[Jj]oined|[Ww]ith)\s+(?:a|an|the|this|one)\s+(?:[\w'\-]+\s+){0,4}?"
        + _ORG_NOUN
        # "For a chain of dental practices, Brightsmile,": what the organisation is made of.
        + r"(?:\s+of\s+(?:[\w'\-]+\s+){0,2}?[a-z][\w'\-]*s)?"
        # The terse line is a lower-case description ("Event agency"): in "Quayside Bank, SRE"
        # the bank is part of the name, and what follows is a job.
        + r"|(?:^|(?<=[.!?:\n])\s*)(?:[A-Z][a-z'\-]*\s+(?:[a-z][\w'\-]*\s+){0,2}?"
        + _ORG_NOUN
        + r"|(?i:"
        + _ORG_NOUN
        + r")))\s*[,:\u2013\u2014-]\s*(?P<name>[A-Z][\w&'\-]*(?:\s+(?:&\s+)?[A-Z][\w&'\-]*){0,2})"
        r"(?=\s*[,.;:)]|\s+(?:in|on|at|where|which|who|and)\b)"
        # A firm by its name's last word: "front office manager in Marlowe Hotels".
        r"|(?:\b(?:[Aa]t|[Ii]n|[Ff]or|[Ww]ith)\s+|,\s+|^|(?<=[.!?\n])\s*)(?P<firm>(?:[A-Z][\w&'\-]*\s+){1,2}(?:Hotels|Group|Bank|"
        r"Logistics|Foods|Insurance|Health|Healthcare|Energy|Airlines|Airways|Motors|Pharma|Labs|"
        r"Systems|Technologies|Solutions|Services|Partners|Capital|Media|Games|Studios|Retail|"
        r"Stores|Freight|Telecom|Holdings|Industries|Consulting|Software|Finance|Financial|"
        r"Ltd|Inc|LLC|PLC|Plc|GmbH|Brands|Hospitality|Events|Publishing|Foundation|Trust))\b"
        # A name of two capitalised words after "the": "at the Lakeside Courier".
        # ... and with 'and' or 'of' inside: "at the Globe and Mail", "at the state Department of
        # Revenue".
        r"|\b[Aa]t\s+the\s+(?:(?:state|city|county|national|federal|local)\s+)?"
        r"(?P<the>[A-Z][\w&'\-]*(?:\s+(?:and\s+|of\s+|&\s+)?[A-Z][\w&'\-]*){1,2})\b(?<!"
        r"Centre)(?<!Center)(?<!Office)(?<!Party)(?<!Meeting)(?<!Review)(?<!Conference)(?<!Summit)"
        r"(?<!Awards)(?<!Festival)(?<!Show)(?<!Day)(?<!Week)(?<!Warehouse)(?<!Building)(?<!Station)"
        r"(?<!Airport)(?<!Park)(?<!Hall)(?<!Street)(?<!Road)(?<!Depot)(?<!Site)(?<!Plant)"
        r"(?![\s\-]+(?i:(?:[a-z]+\s+)?(?:centre|center|warehouse|store|plant|factory|branch|office|"
        r"site|depot|hub|clinic|ward|meeting|conference|event|party|review)))"
        # One name after "the", placed: "at the Travelodge in central Manchester".
        r"|\b[Aa]t\s+the\s+(?P<one>[A-Z][a-z][\w&'\-]*)\s+(?:in|near|by|on)\s+(?:central\s+|"
        r"downtown\s+|north\s+|south\s+|east\s+|west\s+|the\s+)?[A-Z]"
        # A site named by its owner: "at a Northwind Logistics distribution centre". Two
        # capitalised words at least: "the Reno fulfilment centre" names a place, not a firm.
        r"|\b[Aa]t\s+(?:a|an|the|our|one)\s+(?P<owner>[A-Z][\w&'\-]*(?:\s+[A-Z][\w&'\-]*){1,2})\s+"
        r"(?:distribution|fulfil?ment|sorting|call|contact|data|customer)?\s*(?:centre|center|"
        r"warehouse|store|plant|factory|branch|office|hospital|site|depot|hub|clinic|lab|"
        r"restaurant|hotel|studio)s?\b"
    ),
    # Where a match can start: 'at', 'for', 'joined', 'with' or 'in' and a space; a comma
    # and a capital; just after a sentence mark or colon, a word (the pattern's '(?i:'
    # organisation nouns may start with any letter case-folding reaches, so any word).
    r"[AaFfIiJjWw,.!?:\n](?:(?<=[Aa])(?=t\s)|(?<=[Ff])(?=or\s)|(?<=[Jj])(?=oined\s)|"
    r"(?<=[Ww])(?=ith\s)|(?<=[Ii])(?=n\s)|(?<=,)(?=\s+[A-Z])|(?<=[.!?:\n])(?=\s*\w))",
    ".!?:\n",
)


def _company_name(m: re.Match[str]) -> str | None:
    """The organisation's name a ``_COMPANY_MORE`` match holds, or None for a place."""
    name = m.group("name") or m.group("owner") or m.group("firm") or m.group("the")
    if name is not None and _names_a_principle(name):
        # "Earn Trust, team lead.": a principle's name heads the answer, and its last word
        # happens to be one a firm's name may end on ("Harbour Trust").
        return None
    if name is None:
        name = m.group("one")
        if name.lower() in _PLACE_WORDS:
            return None
    return name


_PLACE_WORDS = {
    "centre", "center", "office", "warehouse", "depot", "site", "plant", "hub", "store",
    "branch", "hospital", "clinic", "airport", "station", "factory", "lab", "school", "ward",
    "university", "college", "library", "museum", "stadium", "conference", "summit", "event",
}  # fmt: skip
"""Common nouns a sentence may capitalise: 'at the Depot in Leeds' names a place."""
_NOT_COMPANY = {
    "i", "the", "a", "my", "our", "we", "it", "this", "that", "first", "last", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "christmas", "black", "cyber", "prime", "q1", "q2", "q3", "q4", "one", "two",
    "sde", "l5", "l6", "jira", "slack", "github", "gitlab", "aws", "gcp", "azure", "pr",
    "re", "then", "when", "after", "before", "once", "in", "on", "staging", "production",
    "api", "sql", "ci", "cd", "ops", "eng", "engineering", "leadership", "nobody", "everyone",
    "finance", "legal", "support", "sales", "marketing", "product", "security", "thanksgiving",
    "new", "year", "what", "its", "their", "his", "her", "he", "she", "they", "us", "fridays",
    "mondays", "least", "most", "all", "each", "every", "no", "not", "so", "but", "and",
}  # fmt: skip
_ORG_SUFFIX = (
    r"(?:Wines?|Distribution|Distributors|Logistics|Foods?|Homes|Group|Ltd|Limited|Inc|LLC|PLC|Bank|Press|"
    r"Partners|Services|Solutions|Systems|Clinic|Hospital|Airlines|Airways|Aviation|Handling|"
    r"Studios?|Games|Printing|Printers|Insurance|Mutual|Rail|Energy|Motors|Farms?|Dairy|Hotels?|"
    r"Labs?|Robotics|Pharmacy|Pharma|Health|Healthcare|Laundry|Linen|Construction|Builders|"
    r"Engineering|Media|Software|Technologies|Retail|Stores|Supermarkets|Freight|Shipping|"
    r"Transport|Couriers|Consulting|Capital|Finance|Holdings|Industries|Manufacturing|Co|"
    r"Associates|Brokerage|Clearance|Vets|Veterinary|Realty|Properties|Estates|"
    # Makers named by their trade: "Hartwell Bakeries", "Millbrook Brewing".
    r"Bakery|Bakeries|Baking|Bakers|Brewery|Breweries|Brewing|Dairies|Creamery|Packaging|"
    r"Plastics|Chemicals|Textiles|Shipyards?|Shipbuilding|"
    # Public bodies: "Riverside County Library", "Hollin Vale Council".
    r"Library|Libraries|Museums?|Council)"
)
"""Last words that say a name is an organisation's: 'Calloway & Finch Wines', 'Pennant
Bank', 'Ashdown Homes'."""
_COMPANY_OPENING = re.compile(
    # "Buyer, Hartwell Bakeries, 2022.": a note may name the job first.
    r"\s*(?:[-*\u2022]\s*)?(?:(?:[A-Za-z][\w\-]*\s+){0,2}?(?i:" + JOB_WORD + r"),\s+)?"
    r"(?P<name>[A-Z][\w'\-]*(?:\s+(?:&\s+|and\s+)?[A-Z][\w'\-]*){0,3}\s+" + _ORG_SUFFIX + r")[,.]\s"
)
_NAME_THEN_JOB = re.compile(
    # "Kestrel Interactive, senior engine programmer.", "Pinecrest Communications, where I was
    # in site acquisition.": a terse telling opens on its employer, then the job held there.
    r"\s*(?P<name>[A-Z][\w'\-]*(?:\s+(?:&\s+)?[A-Z][\w'\-]*){0,3}),\s+(?:where I (?:was|worked|"
    r"work)\b|(?:[a-z][\w\-]*\s+){0,2}" + JOB_WORD + r"\s*[.,;])"
)
_HEADING_WORDS = frozenset(
    {
        "ownership", "obsession", "earn", "dive", "deep", "think", "deliver", "results",
        "backbone", "frugality", "invent", "simplify", "curious", "standards", "responsibility",
    }
)  # fmt: skip
"""Words of a principle named as the answer's heading ('Earn Trust, team lead.'), which no
employer's name opening a telling uses."""


def _names_a_principle(name: str) -> bool:
    """A name with a principle's word in it heads the answer: no employer is called that."""
    return bool(set(name.lower().split()) & _HEADING_WORDS)


_NOT_AN_EMPLOYER = _HEADING_WORDS | frozenset(
    {
        # A region or a town's part: "Northern Region, area manager."
        "region", "district", "county", "area", "zone", "division", "city", "north", "south",
        "east", "west", "northern", "southern", "eastern", "western", "central",
    }
)  # fmt: skip


def _opening_employer(text: str) -> re.Match[str] | None:
    """``_NAME_THEN_JOB`` at the start, where what opens is an employer: 'where I was' says
    so; otherwise a name of two words or more (one word may be a town or 'Yes'), none of
    them a principle's or a region's."""
    m = _NAME_THEN_JOB.match(text)
    if m is None or "where I" in m.group():
        return m
    words = m.group("name").lower().split()
    return m if len(words) >= 2 and not set(words) & _NOT_AN_EMPLOYER else None


_ORG = re.compile(
    r"\b(?P<name>(?:(?!(?:The|Our|At|For|With|In|On|And|But|So|Then|When|I|We|My)\b)[A-Z]"
    r"[\w\-]*(?:'s)?\s+(?:&\s+)?){1,3})(?P<suffix>" + _ORG_SUFFIX + r")\b"
)
"""An organisation named anywhere, by a name its last word marks as one."""
_SITE = re.compile(
    r"\b(?:[Tt]he|[Oo]ur|[Tt]heir|[Mm]y)\s+(?P<name>[A-Z][a-z]+)\s+(?:[A-Z][a-z]+\s+)?"
    r"(?:hub|depot|site|plant|warehouse|office|store|branch|centre|center|factory|facility|"
    r"campus|terminal|yard|mill|base|ward|clinic|station)\b"
)
"""A place of the employer's named by the town it is in: 'the Wakefield hub', 'our Leeds
depot'. The other telling's 'at Wakefield' is then that site, not a second employer."""
"""A terse telling that opens on an employer whose name says it is one: 'Calloway & Finch
Wines, Manchester.', 'Harbour Vine Distribution. Finance analyst.'"""
_COMPANY_HINT = Rx(
    r"\b(?:at|for|joined|with)\s+(?:a|an)\s+(?P<size>[\w\-]+(?:-person|-people|-employee| "
    r"person| people| employee))?\s*(?P<kind>(?:[\w\-]+\s+){0,3}?(?:startup|company|firm|"
    r"retailer|bank|agency|shop|business|marketplace|insurer|provider|platform|consultancy|"
    r"enterprise|scale-up|scaleup|unicorn|corporation|vendor|lab|hospital|university))\b",
)
_YEAR = ScanRx(
    r"\b(?:in|during|since|by|of|early|late|mid|summer|spring|fall|autumn|winter|"
    r"Q[1-4]|H[12]|FY)[\s,-]*(?P<y>(?:19|20)\d\d)\b|\b(?P<y2>(?:19|20)\d\d)\b"
)
_FIGURE_IN_YEAR = re.compile(r"\d[\d,.]*(?:%| ?[a-z]+)?\s+in[\s,-]*$", re.I)
"""A year right after a figure dates that figure ('310 hours in 2020'), not the story: a
telling may compare a baseline year with the year of its work."""
_QUARTER = ScanRx(r"\b(?:Q(?P<q>[1-4])|(?P<w>first|second|third|fourth|last) quarter)\b")
_QUARTER_WORD = {"first": "1", "second": "2", "third": "3", "fourth": "4", "last": "4"}
_MONTH_IN = re.compile(
    r"\b(?i:in|during|early|late|mid|by|until|last|that|one|of|the|it was|this was)[\s-]+"
    r"(?P<m>January|February|March|April|June|July|August|September|October|November|"
    r"December)\b"
    # "January 2020. Ops coordinator, ...": a month with its year dates the story unled.
    r"|\b(?P<m2>January|February|March|April|May|June|July|August|September|October|November|"
    r"December),? (?=(?:19|20)\d\d\b)"
)
_PANDEMIC_START = Rx(
    r"\b(?:the first (?:covid(?:-19)? |national |uk )?lockdown|(?:when|as|just as|right as|"
    r"after) (?:covid|the pandemic|coronavirus)(?:-19)? (?:hit|started|began|broke out|arrived)|"
    r"(?:start|beginning|onset|first (?:few )?(?:weeks?|months?)) of (?:the )?(?:covid(?:-19)?|"
    r"pandemic|coronavirus)|the early days of (?:covid|the pandemic))\b"
)
"""The start of the Covid pandemic dates a story to 2020 as a stated year does; 'during
Covid' does not (it ran for years)."""
_AFTER_PANDEMIC = Rx(
    r"\b(?:after|once|when) (?:the )?(?:covid |travel |lockdown |pandemic )?(?:restrictions|"
    r"lockdowns?) (?:had |were |was )?(?:lifted|eased|ended|relaxed)|\bpost[- ](?:covid|"
    r"pandemic|lockdown)|\bafter (?:the pandemic|covid)\b(?! (?:hit|started|began))"
    # "Our first edition back after the two years off for Covid".
    r"|\bback after (?:[\w\-]+ ){0,5}?(?:covid|the pandemic|lockdowns?)\b"
)
_BEFORE_PANDEMIC = Rx(
    r"\b(?:before |pre[- ])(?:the )?(?:covid|pandemic|lockdowns?)\b"
    # "A few months before anyone had heard of Covid": before the pandemic, said from after.
    r"|\bbefore (?:anyone|anybody|people|we|most of us) (?:had )?(?:ever )?heard (?:of|about) "
    r"(?:covid|coronavirus|the pandemic)\b"
)
"""The pandemic as a bound: 'just after the travel restrictions had lifted' is 2021 or
later; 'before Covid' is 2019 or earlier."""
_RELATIVE_YEAR = Rx(
    r"\b(?:(?P<last>last|this|earlier this|later this) (?:year|spring|summer|fall|autumn|winter)"
    r"|(?P<n>a|one|two|three|four|five|six|\d+) years? ago|(?P<before>the year before last))\b",
)
_N = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_MONTH_QUARTER = {m: str((k // 3) + 1) for k, m in enumerate(MONTHS)}
_SEASON_OF_YEAR = Rx(
    r"\b(?:in|during|over|through|last|this|that|early|late|mid|the)[\s-]+(?:the\s+)?"
    # One word may say which ('that heatwave summer', 'the wet winter').
    r"(?:(?!of\b|and\b|or\b)[a-z]+\s+)?(?P<s>spring|summer|autumn|fall|winter)\b"
    r"(?!\s+(?:interns?|internships?|sales?|collections?|ranges?|menus?|olympics|camps?|"
    r"schools?|jobs?|students?))"
)
"""'Last summer', 'in the autumn', 'that winter': a season dates an event as a month does.
Not a season's name used for a thing ('summer interns', 'the winter sale')."""
_SEASON = Rx(
    r"\b(?:Black Friday|Cyber Monday|Prime Day|Christmas|Thanksgiving|"
    r"holiday season|year[- ]end|July Fourth|Fourth of July|Independence Day|Halloween|"
    r"Boxing Day|New Year's Eve|Valentine's Day|Labor Day|Memorial Day|Easter|"
    r"New Year(?!'s Eve)|heat ?wave)\b"
)
_HOLIDAY_MONTH = {
    "black friday": "november", "cyber monday": "november", "thanksgiving": "november",
    "christmas": "december", "boxing day": "december", "new year's eve": "december",
    "july fourth": "july", "fourth of july": "july", "independence day": "july",
    "halloween": "october", "valentine's day": "february", "labor day": "september",
    "memorial day": "may",
}  # fmt: skip
"""Holidays fixed to one month (in the US or UK calendars): Christmas dates an event as
'in December' does."""

_SELF_DECIDED = Rx(
    r"\bI\s+(?:\w+\s+)?(?:decided|made the (?:call|decision)|chose|called it|took the call|"
    r"made the final call|pulled the trigger|took it on myself)\b"
    r"|\b(?:it|that|the call|the decision) was (?:my (?:call|decision)|mine)\b"
    r"|\bmy (?:call|decision)\b(?! to (?:escalate))",
)
_BOSS_DECIDED = Rx(
    r"\b(?:my|our|the)\s+(?:\w+\s+)?(?:manager|boss|director|vp|lead|skip[- ]level|cto|ceo|"
    r"leadership|principal engineer|architect|product manager|pm|supervisor|founder)"
    # "My manager, Deepa, decided": a name may stand between the role and the verb.
    r"(?:,\s*[\w\-]+(?: [\w\-]+)?,\s*|\s+(?:\w+\s+)?)"
    r"(?:decided|made the (?:call|decision)|chose|called it|overruled|took the call|"
    r"made the final call|signed off|insisted|mandated|ordered|pushed (?:for|through))\b"
    r"|\b(?:he|she) (?:\w+ )?(?:decided|made the (?:call|decision)|chose|overruled|insisted|"
    r"took the call|made the final call)\b|\b(?:it|that|the call|the decision) was "
    r"(?:my|our|the) (?:manager|director|lead|vp|boss)'s(?: call| decision)?\b"
    r"|\bleadership (?:decided|chose|made the call)\b"
    # "The VP of engineering got on the call and decided", "my lead Ana, as incident
    # commander, called it": the boss and the decision in one clause, no 'I' between.
    r"|\b(?:my|our|the)\s+(?:[\w\-]+\s+)?(?:manager|boss|director|vp|cto|ceo|lead|"
    r"incident commander)(?:\s+of\s+[\w\-]+)?,?\s+(?:(?!i\b|we\b|me\b)[\w\-]+,?\s+){1,6}?"
    r"(?:and\s+)?(?:decided|made the (?:call|decision)|called it|made the final call)\b"
    r"|\b(?:it|that|the call|the decision) was (?:his|her) (?:call|decision)\b",
)
_I_NOTICED = re.compile(
    r"\bI(?:'d| had)?\s+(?:first\s+|actually\s+|myself\s+)?(?:noticed|spotted|discovered|"
    r"picked up on)\b"
)
_THEY_NOTICED = re.compile(
    # "One of our fleet engineers, Priya, had spotted in the logs that the hybrids were
    # wearing pads unevenly, and she brought it to me": the finding was hers, handed on.
    r"\b(?!(?:I|We|They|It|Then|So|And|But|Later|Eventually)\b)(?P<who>[A-Z][a-z]+|[Ss]he|[Hh]e)"
    r",?\s+(?:had\s+|first\s+)?(?:noticed|spotted|discovered|found|caught|flagged)\b"
    r"(?P<what>[^.;!?]{0,150}?)(?:,?\s+and\s+)?\b(?:she|he|they)\s+(?:brought|took|raised|"
    r"flagged)\s+(?:it|this|that)\s+(?:to|with|up with)\s+me\b"
)
"""Who found the problem: 'I noticed' in one telling, a colleague who noticed it and
brought it to the candidate in the other."""
_MADE_VERB = (
    r"(?:built|rebuilt|wrote|rewrote|drafted|redrafted|designed|redesigned|created|developed|"
    r"finished|"
    # "I rebuild all the routes in one weekend": the present for the past, as many
    # non-native speakers tell a story.
    r"build|rebuild|write|rewrite|draft|redraft|design|redesign|create|develop)"
)
_I_MADE = re.compile(
    r"\bI\s+(?:then\s+|also\s+|quickly\s+|myself\s+|personally\s+)?" + _MADE_VERB + r"\s+"
    r"(?P<what>(?:all\s+)?(?:the|a|an|our|my|new)\s+[^.;!?,]{3,80})"
)
_THEY_MADE = re.compile(
    # "When Tomasz finished the new routes, my task was to explain them": the work was his.
    r"\b(?!(?:I|We|They|It|Then|So|And|But|Later|Eventually|When|After|Once|The|This|That|"
    r"Our|My|What|Which|Who|Nobody|Everyone|Someone)\b)"
    r"(?P<who>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:had\s+)?" + _MADE_VERB + r"\s+"
    r"(?P<what>(?:the|a|an|his|her|their)\s+[^.;!?,]{3,80})"
    # "the HSE advisor, Mr. Okafor, brought his new short form": made by someone else and
    # brought to the candidate.
    r"|\b(?:the|our|my)\s+(?:[\w\-]+\s+){0,2}?(?:advisor|adviser|engineer|manager|analyst|"
    r"consultant|planner|supervisor|lead|director|officer|specialist)(?:,\s+(?:Mr\.?|Mrs\.?|Ms\.?|"
    r"Dr\.?)?\s*[A-Z][a-z]+,)?\s+(?:brought|came with|showed up with|sent (?:us|round|over))\s+"
    r"(?:his|her|their)\s+(?P<what2>new\s+[^.;!?,]{3,80})"
)
"""Who made the thing the story is about: 'I rebuilt all the routes' in one telling,
'when Tomasz finished the new routes' or 'the advisor brought his new short form' in the
other. Only a named person or a named role makes it someone else's (not 'he', whoever
that was), and only a thing named, not 'it'."""
_NOT_A_THING = frozenset(
    {"new", "all", "one", "two", "three", "first", "whole", "own", "version", "week", "day",
     "weekend", "month", "night", "quick", "simple", "small", "big", "proper", "real", "draft"}
)  # fmt: skip
"""Words of what was made that name no thing of its own ('a new version', 'in one weekend'):
two claims share the thing, not these."""
_BOSS_STARTED = Rx(
    r"\b(?:my|our|the)\s+(?:[\w\-]+\s+)?(?:manager|boss|director|vp|head of [\w\-]+|cto|ceo|"
    r"leadership|supervisor)(?:,\s*[\w\-]+(?: [\w\-]+)?,)?\s+(?:had\s+)?(?:decided|was convinced|"
    r"came back convinced|wanted)\s+(?:that\s+)?(?:we|I)\s+(?:should|would|could|must|had to|"
    r"needed to|were going to|was going to)\s+(?:try|pilot|trial|do|build|launch|introduce|"
    r"start|run|test|move|switch)\b"
)
"""The boss decided the work should happen: whose idea it was, not only who decided."""
_ASKED_BY_THEM = Rx(r"\b(?:she|he)\s+(?:asked|told|tasked|wanted)\s+me\s+to\b")
_SELF_STARTED = Rx(
    r"\b(?:nobody|no one|no-one) (?:had )?(?:asked|told|assigned)|without being (?:asked|told)|"
    r"on my own (?:initiative)?|wasn't (?:on|in) (?:my|our|the) (?:roadmap|sprint|backlog|"
    r"plan)|not (?:on|in) (?:my|our|the) (?:roadmap|sprint|backlog)|I (?:volunteered"
    # "I volunteered to run the test": to carry out an idea, which may be someone else's.
    r"(?! to (?:run|test|try|trial|pilot) (?:the|it|this|that|his|her|their)\b)|"
    r"took it on myself|decided to (?:look|dig|fix|take))"
    # Proposing the work: "I proposed that we sunset it", "it was my idea to batch them".
    r"|\bI (?:\w+ )?(?:proposed|suggested|pitched|came up with|initiated|championed|"
    r"pushed for|advocated for|put forward|floated)\b"
    # "I wrote a proposal to put lockers at forty sites": the idea put on paper.
    r"|\bI (?:wrote|drafted|put together|wrote up) (?:a|the|my) (?:[\w\-]+ )?(?:proposal|"
    r"business case|pitch)\b"
    # "It was mine", "the plan was my idea"; not "that was my fault" or "my manager's".
    r"|\b(?:it|this|that|the (?:idea|plan|proposal|project|change)) was (?:mine|my "
    r"(?:idea|proposal|initiative|suggestion))\b|\bmy (?:own )?(?:idea|proposal|"
    r"initiative|suggestion)\b",
)
_ASSIGNED = Rx(
    r"\b(?:my|our|the)\s+(?:\w+\s+)?(?:manager|boss|director|vp|lead|skip[- ]level|cto|ceo|"
    r"head of [\w\-]+|leadership|product manager|pm)\s+"
    r"(?:\w+\s+)?(?:asked|told|assigned|tasked|gave|handed|wanted|needed) (?:me|us)\b"
    r"|\bI (?:was|got) (?:asked|assigned|tasked|told|handed) (?:to|with)\b"
    # "... and assigned the project to me", "handed it to me": the work came from above.
    r"|\b(?:assigned|handed|gave|delegated) (?:the (?:project|work|task|migration|problem)|it|"
    r"this|that) (?:over )?to me\b"
    r"|\bwas (?:my|our|the) (?:[\w\-]+ )?(?:manager|director|vp|lead|boss|cto|ceo|founder|"
    r"supervisor|head of [\w\-]+)'s (?:idea|call|decision|proposal)\b"
    # Someone else had the idea: "Mrs. Nakato suggested to us that ...", "was proposed by".
    r"|\b(?:(?!(?:I|we|We|and|then|so|also|just|first)\b)[A-Za-z][\w.'\-]*),?\s+"
    r"(?:first\s+|originally\s+|actually\s+)?(?:suggested|proposed|pitched|came up with)\s+"
    r"(?:to (?:me|us)\s+)?(?:that|the idea|we|I|to|using|moving|switching)\b"
    r"|\b(?:was|were) (?:first |originally )?(?:suggested|proposed|pitched) by\b",
)

_FAILED = Rx(
    r"\b(?:(?:it|the (?:project|launch|migration|rollout|release|feature|experiment|pilot|"
    # One adverb between ("it eventually failed"), not a preposition: "matched it to failed
    # delivery scans" has 'failed' as an adjective.
    # Not "photographed any that failed": 'that' after 'any', 'those' or 'ones' is a
    # relative pronoun, and what failed is one of them, not the work.
    r"effort|plan|change|bet)|this|(?<!\bany )(?<!\bthose )(?<!\bones )(?<!\ball )"
    r"(?<!\beach )that|we|I)\s+"
    r"(?:(?!(?:to|of|for|with|from|into|onto|the|a|an|and|or)\b)\w+\s+)?(?:failed(?! over| back)"
    # Not "flagged that failed card authorisations had doubled": 'failed' before a noun.
    r"(?!\s+(?:[a-z]+\s+)?(?:authori[sz]ations?|payments?|logins?|jobs?|builds?|tests?|orders?|"
    r"transactions?|deliver(?:y|ies)|attempts?|calls?|requests?|scans?|checks?|runs?|deploys?|"
    r"deployments?|batch(?:es)?|uploads?|messages?|charges?|syncs?)\b)|"
    r"was a "
    r"failure|flopped|"
    r"never (?:shipped|launched|went live)|was (?:cancelled|canceled|scrapped|shelved|killed|"
    r"abandoned)|(?:did not|didn't) (?:work|ship|land|launch|deliver|hit|meet))"
    r"|we (?:missed|blew) (?:the|our) (?:deadline|date|launch|target|goal|window)"
    # "We missed July 1", "missed the go-live": a date or milestone that was not made.
    r"|(?:missed|blew|slipped past) (?:(?:the|our|its|that) )?(?:(?:January|February|March|"
    r"April|May|June|July|August|September|October|November|December) \d{1,2}\b|"
    r"(?:[\w\-]+ ){0,2}(?:go-live|cutover|milestone|date|deadline))"
    # "it was rolled back on day two", "the ramp got pulled back" (not "was rolled out").
    r"|(?:was|were|got|had to be) (?:(?:rolled|pulled|backed) back|(?:pulled|backed) out)"
    r"|(?:missed|slipped) (?:the|our) (?:deadline|date|launch|target) by"
    r"|(?:had to|have to|needed to|we) roll(?:ed)? (?:it |the \w+ )?back"
    # Not "we lost it for two weeks": without it for a time, not a failure.
    r"|we lost (?:it\b(?!\s+for\b)|(?:the|that|a|two|three|\d+) (?:customer|client|deal|"
    r"account|contract|bid|tender|renewal)s?)"
    r"|(?:my|our) (?:biggest |real )?failure|(?:for|as|was|is) a (?:big |real |complete |"
    r"total )?failure|^a (?:big |real )?failure|(?<=[.!?:] )a (?:big |real )?failure"
    r"|(?:was|were) pulled"
    r"|(?<!time )(?<!when )(?<!if )(?:it|that|this|things|everything|the \w+) went "
    r"(?:badly|wrong)"
    r"|never (?:reached|made it to|got to) (?:customers|users|production)"
    # Late is not failed: "we slipped by a month" and then shipped is a success told late,
    # read as when the work went out (``scoring.ending.schedule``). Missing a target is.
    r"|missed (?:the|our) target"
    # Someone ended the work: "leadership shelved the migration", "we pulled the plug on it".
    r"|(?:shelved|scrapped|cancell?ed|canceled|killed|abandoned|switched off|shut down|"
    r"wound down|sunset|pulled the plug on) (?:it\b|(?:the|our|my|that|this|its) "
    r"(?:whole |entire )?(?:[\w\-]+ )?(?:project|migration|launch|rollout|feature|effort|"
    r"initiative|experiment|pilot|programme|program|work|product|plan|rewrite|model|tool|"
    r"service))"
    # "After six weeks we pulled the guarantee": an offer to customers taken back (not "we
    # pulled the trial data", figures fetched).
    r"|pulled (?:the|our|that|this) (?:[\w\-]+ )?(?:guarantee|offer|promotion|discount|"
    r"policy|feature|campaign|pilot|trial|scheme|experiment)\b(?! (?:data|results|numbers|"
    r"reports?|logs|figures)\b)"
    r"|(?:was|were|got) (?:switched off|shut down|wound down|turned off|sunset|put on hold|"
    r"deprioriti[sz]ed|dropped|mothballed|binned)"
    r"|roll(?:ed|ing)? (?:everything|it all|all of it|all of them|them all|the whole \w+) back"
    r"|(?:it|that|this|the \w+) never (?:restarted|resumed|recovered|came back|got (?:going|"
    r"restarted))"
    # An incident the candidate caused: "I broke checkout", "my change took search down".
    r"|(?:I|my (?:[\w\-]+ )?(?:change|deploy|release|migration|script|config|query|push)) "
    r"(?:broke(?!\s+(?:[\w\-]+\s+){0,4}?(?:into|up|down|apart)\b)"
    r"|caused (?:an?|the) (?:\w+ )?(?:outage|incident|sev)|took (?:[\w\-]+ ){0,3}down|"
    r"brought (?:[\w\-]+ ){0,3}down)|(?:outage|incident) I caused)\b",
)
_SUCCEEDED = Rx(
    r"\b(?:(?:it|the (?:project|launch|migration|rollout|release|feature|experiment|pilot|"
    r"change)|this|that)\s+(?:\w+\s+)?(?:was a (?:big |huge |real )?(?:success|win)|succeeded|"
    # Not "an app that worked with our scheduling software": fitting with, not working out.
    r"worked(?!\s+(?:with|on|alongside)\b)|went (?:live|out) (?:on time|without)|"
    r"shipped on (?:time|schedule))"
    r"|(?:launched|shipped|delivered|went live|finished|landed|completed)\s+(?:it\s+)?"
    r"(?:on (?:time|schedule)|ahead of (?:schedule|time)|early|a week early|before the deadline)"
    # "We completed both halves on time": the thing finished may be named in between.
    r"|(?:launched|shipped|delivered|finished|completed|landed|migrated|rolled out)\s+"
    r"(?:[\w\-]+\s+){1,4}?(?:on (?:time|schedule)|ahead of (?:schedule|time)|early)"
    # "We launched on July 1 as required", "turned it off at the end of Q2, as planned".
    r"|(?:launched|shipped|delivered|went live|cut over|switched over|finished|completed|"
    r"landed|turned (?:it|the [\w\-]+(?: [\w\-]+)?) off|retired (?:it|the [\w\-]+))\b"
    r"[^.;!?]{0,40}?,? as (?:planned|required|scheduled|promised|committed|agreed)"
    # "the ramp never had to be pulled back": the risk that would have been failure did not come.
    r"|never (?:had|needed) to (?:be )?(?:rolled|pulled|roll|pull) (?:it |\w+ )?back"
    r"|(?:hit|met|beat|made|exceeded) (?:the|our) (?:deadline|date|launch date|target|goal)"
    r"|(?:without|with no|with zero) (?:a |any )?(?:rollback|incidents?|downtime|outages?)"
    r"|(?:customer|client) (?:renewed|signed|stayed|expanded)"
    r"|(?:shipped|launched|rolled|released) (?:it |this |the \w+ )?(?:out )?to (?:all|every|"
    r"everyone|100%)|(?:it|that|this) went (?:well|smoothly|great)|(?:it|that) paid off"
    # "The cutover went clean with zero errors", "the launch went off without a hitch".
    r"|(?:it|the (?:cutover|migration|launch|rollout|release|switch(?:over)?|go-live|move)) went "
    r"(?:off )?(?:clean(?:ly)?|smoothly|without a hitch|without incident))\b",
)


_TENURE_NUMBER = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_TENURE = re.compile(
    # "I was there only three weeks", "I was already two years in the returns team", "I'd
    # been in the job about six months": how long the candidate had been there when the
    # story happened.
    r"\bI(?:\s+was|\s+had been|'d been|\s+had only been|'d only been)\s+(?:already\s+|only\s+|"
    r"just\s+)?(?:there\s+|here\s+|in (?:the|that|my) (?:[\w\-]+ ){0,2}?(?:job|role|team|post|"
    r"position|company)\s+|"
    # "I'd been at the studio about three years by then".
    r"(?:at|with) (?:the|that|this) (?:studio|company|firm|bank|hospital|school|plant|site|store|"
    r"office|depot|practice|agency|shop|mine|airline|lab|clinic|warehouse|hotel|charity)\s+)?"
    r"(?:only\s+|just\s+|already\s+|barely\s+|about\s+|around\s+|"
    r"nearly\s+|almost\s+|over\s+)*"
    + _TENURE_NUMBER
    + r"\s+(?P<u>(?-i:days?|weeks?|months?|years?))"
    # Not "a Year 5 teacher" (a class), "two years ago", "three years old".
    r"\b(?!\s+(?:ago|later|before|after|earlier|old)\b)(?!\s*\d)"
    # "Three weeks into the job": the same, said from the start of the job.
    r"|\b" + _TENURE_NUMBER.replace("?P<n>", "?P<n2>") + r"\s+(?P<u2>days?|weeks?|months?|years?)"
    r"\s+into (?:the|my|a) (?:new )?(?:job|role|post|position)\b",
    re.I,
)
_TENURE_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_TENURE_ORDINAL = re.compile(
    # "It was my second week", "in my first month there", "Week three at Sentinel".
    r"\b(?:it was|in|during|that was)\s+my\s+(?:very\s+)?(?P<o>first|second|third|fourth)\s+"
    r"(?P<u>day|week|month)\b"
    r"|(?:^|(?<=[.!?]\s))(?P<u2>Day|Week|Month)\s+(?P<n>one|two|three|four)\s+(?:at|in|of)\b"
    # "I had literally just joined Quillfeather": new, a month at most.
    r"|\bI(?:'d| had)\s+(?:literally\s+|only\s+)?just\s+(?P<j>joined|started)\b"
    r"(?!\s+(?:a|an|the)\s+(?:project|course|call|meeting|programme|program)\b)",
    re.I,
)
_ORDINAL_COUNT = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _tenures(text: str, source: int) -> list[Fact]:
    """How long the candidate had been in the job when the story happened, in days."""
    out: list[Fact] = []
    for m in _TENURE.finditer(text):
        n, unit = (m.group("n"), m.group("u")) if m.group("u") else (m.group("n2"), m.group("u2"))
        days = _small_count(n) * _TENURE_DAYS[unit.lower().rstrip("s")]
        out.append(Fact("tenure", str(days), m.group(), m.start(), m.end(), source))
    for m in _TENURE_ORDINAL.finditer(text):
        if m.group("j"):
            days = 30
        elif m.group("o"):
            days = _ORDINAL_COUNT[m.group("o").lower()] * _TENURE_DAYS[m.group("u").lower()]
        else:
            days = _small_count(m.group("n")) * _TENURE_DAYS[m.group("u2").lower()]
        out.append(Fact("tenure", str(days), m.group(), m.start(), m.end(), source))
    return out


def _tenure_conflicts(a: Facts, b: Facts) -> list[Conflict]:
    """'I was there only three weeks' against 'I was already two years in the team': one
    story, told as happening in two different stretches of the candidate's time there.
    Each side's readings within four times of each other (one stretch, said twice), and
    the two sides four times apart or more (a month and six weeks are one time, said
    loosely)."""
    ta, tb = a.of("tenure"), b.of("tenure")
    if not ta or not tb:
        return []
    va, vb = [int(f.value) for f in ta], [int(f.value) for f in tb]
    if max(va) >= 4 * min(va) or max(vb) >= 4 * min(vb):
        return []  # two stretches in one telling ('two years there, three weeks in the role')
    if max(va) * 4 > min(vb) and max(vb) * 4 > min(va):
        return []
    return [_fact_finding("date", ta[-1], tb[-1], "how long the candidate had been there")]


def _facts_of(doc: Document, source: int) -> list[Fact]:
    text = doc.text
    negated_before = doc.negated_before
    out: list[Fact] = []
    for rx, value in _LEVEL_RES:
        for m in rx.finditer(text):
            # Only the candidate's own level: "a junior engineer I mentored" is someone else.
            before = text[max(0, m.start() - 40) : m.start()]
            said = m.group().lower()
            mine = (
                _MY_LEVEL.search(before)
                # "during my summer internship": an internship is only ever one's own.
                or (said == "internship" and _MY_INTERNSHIP.search(before))
                # "I was the assistant editor, the most junior person in the room".
                or ("most junior" in said and _I_WAS_APPOSITIVE.search(before))
                # "I was, like, fresh out of uni": said of oneself, fillers between.
                or (" out of " in said and _I_WAS_NEAR.search(before))
            )
            if negated_before(m.start(), 25) or not mine:
                continue
            start = m.start()
            if said == "junior" and isinstance(mine, re.Match):
                start = max(0, m.start() - 40) + mine.start()  # "I was pretty junior"
            out.append(Fact("level", value, text[start : m.end()], start, m.end(), source))
    for m in _FUNCTION.finditer(doc):
        if negated_before(m.start(), 20):
            continue
        said = m.group("f").lower()
        canon = next((c for k, c in _FUNCTION_CANON if said.startswith(k)), "")
        if not canon:
            canon = "member" if re.search(r"engineer|developer|dev\b|sde", said) else said
        out.append(Fact("role", canon, text[m.start() : m.end()], m.start(), m.end(), source))
    lead = _LEAD_OPENING.match(text)
    if lead:
        # "Project lead, bedside scanning rollout.": a terse telling opens on its role.
        out.append(Fact("role", "lead", lead.group("f"), lead.start("f"), lead.end("f"), source))
    opening = _TITLE_OPENING.match(text)
    titled = [opening] if opening else []
    titled += list(_TITLE.finditer(text))
    titled += [
        m
        for m in _RANKED_TITLE.finditer(text)
        if not any(t.start("t") <= m.start("t") < t.end("t") for t in titled)
    ]
    for m in titled:
        if negated_before(m.start(), 20):
            continue
        words = [w for w in m.group("t").lower().split() if w not in _NOT_TITLE]
        if words:
            out.append(Fact("title", " ".join(words), m.group(), m.start(), m.end(), source))
    for m in _LED_TEAM.finditer(text):
        if not negated_before(m.start(), 20):
            out.append(Fact("led-team", "lead", m.group(), m.start(), m.end(), source))
    when = schedule(text, doc.sentences)
    if when is not None:
        value, start, end = when
        out.append(Fact("schedule", value, _clip(text, start, end), start, end, source))
    for tier, start, end in position.positions(text):
        out.append(Fact("position", tier, _clip(text, start, end), start, end, source))
    for title, side, start, end in position.others_titles(text):
        said = _clip(text, start, end)
        out.append(Fact("others-title", side, said, start, end, source, frozenset({title})))
    for title, start, end in position.own_titles(text):
        out.append(Fact("own-title", title, _clip(text, start, end), start, end, source))
    for person, side, start, end in position.reporting_lines(text):
        if not negated_before(start, 20):
            said = _clip(text, start, end)
            out.append(Fact("reports", side, said, start, end, source, frozenset({person})))
    for m in _MANAGED.finditer(doc):
        if not negated_before(m.start(), 20) and not position.names_nobody(m.group()):
            said = text[m.start() : m.end()]
            out.append(Fact("role", "manager", said, m.start(), m.end(), source))
    if not any(f.kind == "role" for f in out):
        # "Our tech lead, Dana, drove it": someone else led, so the candidate did not.
        other = _OTHER_LEAD.search(text) or _LED_BY_OTHER.search(text)
        if other and not negated_before(other.start(), 20):
            out.append(Fact("role", "member", other.group(), other.start(), other.end(), source))
    for m in _found(doc, _OWN_TEAM):
        words = [w for w in _team_name(m, text).lower().split() if w not in _TEAM_ADJ]
        if not words:
            continue
        out.append(
            Fact("team", " ".join(words), text[m.start() : m.end()], m.start(), m.end(), source)
        )
    if not any(f.kind == "team" for f in out):
        for m in _TEAM_MORE.finditer(text):
            raw = m.group("name") or m.group("name2")
            words = [w for w in raw.lower().split() if w not in _TEAM_ADJ and w not in ("and", "&")]
            if words and not negated_before(m.start(), 20):
                said = text[m.start() : m.end()]
                out.append(Fact("team", " ".join(words), said, m.start(), m.end(), source))
    if not any(f.kind == "team" for f in out):
        for m in _IN_DEPARTMENT.finditer(text):
            words = [w for w in (m.group("name") or m.group("bare")).split() if w not in _TEAM_ADJ]
            if words and not negated_before(m.start(), 20):
                said = text[m.start() : m.end()]
                out.append(Fact("team", " ".join(words), said, m.start(), m.end(), source))
    joined = list(_JOINED_LATER.finditer(text))
    later = [(m.start(), m.end()) for m in joined]
    for m in joined:
        words = [w for w in m.group("name").lower().split() if w not in ("&", "and")]
        start, end = m.span("name")
        out.append(Fact("later-employer", " ".join(words), m.group(), m.start(), end, source))
    worked = [*_WORKED_WITH_AS.finditer(text), *_WORKED_AS_FOR.finditer(text)]
    worked += list(_LEFT_LATER.finditer(text)) if "I " in text else []
    for m in [*_found(doc, _COMPANY), *worked]:
        name = m.group("name")
        first = name.split()[0].lower()
        if first in _NOT_COMPANY or len(name) < 2:
            continue
        if any(s <= m.start() < e for s, e in later):
            continue  # "before I joined Harbor & Vine": where the candidate went later
        words = [w for w in name.split() if w.lower() not in _NOT_COMPANY]
        if not words:
            continue
        value = re.sub(r"'s\b", "", " ".join(words).lower())  # "at Kingsmere's": Kingsmere
        out.append(Fact("company", value, m.group(), m.start(), m.end(), source))
    for m in _SITE.finditer(text):
        value = m.group("name").lower()
        out.append(Fact("site", value, m.group(), m.start(), m.end(), source))
    for m in _ORG.finditer(text):
        name = " ".join(w.removesuffix("'s") for w in m.group("name").lower().split() if w != "&")
        suffix = frozenset({m.group("suffix").lower()})
        out.append(Fact("org", name, m.group(), m.start(), m.end(), source, suffix))
    opening = _COMPANY_OPENING.match(text) or _opening_employer(text)
    if (
        opening is not None
        and opening.group("name").split()[0].lower() not in _NOT_COMPANY
        and not _names_a_principle(opening.group("name"))
        and not any(f.kind == "company" for f in out)
    ):
        # "Calloway & Finch Wines, Manchester.": a terse telling opens on its employer.
        words = [w for w in opening.group("name").lower().split() if w not in ("&", "and")]
        start, end = opening.span("name")
        value = re.sub(r"'s\b", "", " ".join(words))  # "Marlowe's, production planner"
        out.append(Fact("company", value, text[start:end], start, end, source))
    if not any(f.kind == "company" for f in out):
        for m in _found(doc, _COMPANY_MORE):
            name = _company_name(m)
            if name is None:
                continue
            words = [w for w in name.split() if w.lower() not in _NOT_COMPANY and w != "&"]
            if words and not negated_before(m.start(), 20):
                end = m.end("one") if m.group("one") else m.end()
                said, value = text[m.start() : end], " ".join(words).lower()
                out.append(Fact("company", value, said, m.start(), end, source))
    for m in _COMPANY_HINT.finditer(doc):
        kind = m.group("kind").lower().split()[-1]
        out.append(
            Fact("company-kind", kind, text[m.start() : m.end()], m.start(), m.end(), source)
        )
    for m in _YEAR.finditer(doc):
        y = m.group("y") or m.group("y2")
        after = text[m.end() : m.end() + 12].lower()
        if re.match(r"\s*(?:%|ms|users|customers|requests|tickets|orders|lines|rows)", after):
            continue
        if _FIGURE_IN_YEAR.search(
            text, max(0, m.start() - 30), m.start("y") if m.group("y") else m.start()
        ):
            continue  # "outage hours were 310 in 2020, the baseline year": the figure's year
        out.append(Fact("year", y, text[m.start() : m.end()], m.start(), m.end(), source))
    south = SOUTHERN.search(text)
    if south is not None:
        # "Our Melbourne depot": seasons turn over there, so they date less surely.
        out.append(Fact("hemisphere", "south", south.group(), south.start(), south.end(), source))
    for m in _PANDEMIC_START.finditer(doc):
        # "A few weeks into the first lockdown": the spring of 2020, wherever it was told.
        out.append(Fact("year", "2020", text[m.start() : m.end()], m.start(), m.end(), source))
    bounds: tuple[tuple[Rx, str], ...] = (
        (_AFTER_PANDEMIC, "after 2020"),
        (_BEFORE_PANDEMIC, "before 2020"),
    )
    for bounding, bound in bounds:
        for m in bounding.finditer(doc):
            said = text[m.start() : m.end()]
            out.append(Fact("year-bound", bound, said, m.start(), m.end(), source))
    this_year = date.today().year
    for m in _RELATIVE_YEAR.finditer(doc):
        if m.group("last"):
            year = this_year - (1 if m.group("last") == "last" else 0)
        elif m.group("before"):
            year = this_year - 2
        else:
            n = m.group("n")
            year = this_year - (int(n) if n.isdigit() else _N.get(n, 1))
        quote = text[m.start() : m.end()]
        out.append(Fact("year~", str(year), quote, m.start(), m.end(), source))
    for m in _QUARTER.finditer(doc):
        q = m.group("q") or _QUARTER_WORD[m.group("w").lower()]
        quote = text[m.start() : m.end()]
        about = _event_words(text, m.start(), m.end())
        out.append(Fact("quarter", q, quote, m.start(), m.end(), source, about))
    for m in _MONTH_IN.finditer(text):
        name = m.group("m") or m.group("m2")
        end = m.end("m") if m.group("m") else m.end("m2")
        if _WISHED.search(re.split(r"[.;!?]", text[max(0, m.start() - 80) : m.start()])[-1]):
            continue  # "not wanting to drive home in the dark in January": no event's date
        about = _event_words(text, m.start(), end)
        said = text[m.start() : end]
        out.append(Fact("month", name.lower(), said, m.start(), end, source, about))
    for m in _SEASON_OF_YEAR.finditer(doc):
        about = _event_words(text, m.start(), m.end())
        season = m.group("s").lower().replace("fall", "autumn")
        quote = text[m.start() : m.end()]
        out.append(Fact("season", season, quote, m.start(), m.end(), source, about))
    for m in _SEASON.finditer(doc):
        about = _event_words(text, m.start(), m.end())
        said = text[m.start() : m.end()]
        name = m.group().replace("heat wave", "heatwave")
        out.append(Fact("event", name, said, m.start(), m.end(), source, about))
        month = _HOLIDAY_MONTH.get(m.group())
        if month:
            out.append(Fact("month", month, said, m.start(), m.end(), source, about))
    agency: tuple[tuple[Rx, str], ...] = ((_SELF_DECIDED, "candidate"), (_BOSS_DECIDED, "manager"))
    for pattern, value in agency:
        for m in pattern.finditer(doc):
            if negated_before(m.start() + len(m.group()) // 2, 30):
                continue
            if value == "candidate" and simile_before(text, m.start()):
                continue
            right = re.split(r"[.;!?,]", text[m.end() : m.end() + 60])[0]
            about = frozenset(_stem(w) for w in _WORDS.findall(right.lower())[:8]) - _CONTEXT_STOP
            quote = _clip(text, m.start(), m.end())
            out.append(Fact("decided", value, quote, m.start(), m.end(), source, about))
    for slot, who, start, end, said in agency_claims(text):
        # The same claims read from the clause's grammar: its verb and its subject.
        head, _, tail = said.lower().partition(":")
        about = _about_words(_WORDS.findall(head)[:12] + _WORDS.findall(tail)[:12])
        about -= _GENERIC_WORK
        if slot == "started" and who == "manager" and not about - _WHOLE_WORK:
            about = frozenset()  # "handed it to me to run": the work as a whole
        if re.search(r"\b(?:it|this|them)$", text[start:end], re.I):
            about = frozenset()  # "she pushed for it in the meeting": the work named before
        out.append(Fact(slot, who, _clip(text, start, end), start, end, source, about))
    for m in _BOSS_STARTED.finditer(doc):
        # "Our director decided we should try a compressed week": the idea was theirs.
        if negated_before(m.start() + 3, 30):
            continue
        right = re.split(r"[.;!?,]", text[m.end() : m.end() + 80])[0]
        about = _about_words(_WORDS.findall(right.lower())[:8])
        quote = _clip(text, m.start(), m.end())
        out.append(Fact("started", "manager", quote, m.start(), m.end(), source, about))
    for m in _ASKED_BY_THEM.finditer(doc):
        # "She asked me to run a pilot", where she is the director named just before.
        before = text[max(0, m.start() - 200) : m.start()]
        if not BOSS.search(before) or negated_before(m.start() + 3, 30):
            continue
        quote = _clip(text, m.start(), m.end())
        out.append(Fact("started", "manager", quote, m.start(), m.end(), source, frozenset()))
    for m in _NOT_MINE.finditer(text):
        quote = _clip(text, m.start(), m.end())
        out.append(Fact("started", "manager", quote, m.start(), m.end(), source, frozenset()))
    started: tuple[tuple[Rx, str], ...] = ((_SELF_STARTED, "candidate"), (_ASSIGNED, "manager"))
    for pattern, value in started:
        for m in pattern.finditer(doc):
            # "It wasn't my idea", "nobody's manager asked": a negated claim claims nothing.
            if negated_before(m.start() + 3, 30) or _NEGATED_INSIDE.search(m.group()):
                continue
            if value == "candidate" and simile_before(text, m.start()):
                continue
            if value == "candidate" and re.match(
                r"\s+(?:that )?(?:my|our|the) (?:\w+ )?(?:manager|"
                r"director|vp|lead|boss)\b",
                text[m.end() :],
            ):
                continue  # "I suggested my manager ..." : the idea is not said to be mine
            right = re.split(r"[.;!?,]", text[m.end() : m.end() + 80])[0]
            about = frozenset(_stem(w) for w in _WORDS.findall(right.lower())[:8]) - _CONTEXT_STOP
            about -= _GENERIC_WORK
            quote = _clip(text, m.start(), m.end())
            out.append(Fact("started", value, quote, m.start(), m.end(), source, about))
    for m in _THEY_NOTICED.finditer(text) if "me" in text else ():
        about = _about_words(_WORDS.findall(m.group("what").lower())[:16]) - _GENERIC_WORK
        quote = _clip(text, m.start(), m.start("what"))
        out.append(Fact("found", "manager", quote, m.start(), m.start("what"), source, about))
    made = [(m, "candidate") for m in _I_MADE.finditer(text)]
    made += [(m, "manager") for m in _THEY_MADE.finditer(text)] if "I " in text else []
    for m, value in made:
        if negated_before(m.start() + 3, 30):
            continue
        what = m.group("what") or m.group("what2")
        about = _about_words(_WORDS.findall(what.lower())[:8]) - _GENERIC_WORK - _NOT_A_THING
        if about:
            quote = _clip(text, m.start(), m.end())
            out.append(Fact("made", value, quote, m.start(), m.end(), source, about))
    for m in _I_NOTICED.finditer(text):
        if negated_before(m.start() + 3, 30):
            continue
        right = re.split(r"[.;!?]", text[m.end() : m.end() + 100])[0]
        about = _about_words(_WORDS.findall(right.lower())[:12]) - _GENERIC_WORK
        quote = _clip(text, m.start(), m.end())
        out.append(Fact("found", "candidate", quote, m.start(), m.end(), source, about))
    out.extend(_tenures(text, source))
    return [
        replace(f, about=f.about | {ENDING_CALL})
        if f.kind == "decided" and ends_own_work(text, f.start, f.end + 40)
        else f
        for f in out
    ]


ENDING_CALL = "~ending"
"""Marks a decision to end what the candidate brought in ('I proposed a text reminder'
... 'the partners decided to stop the text reminder'): that is how the story ended, told
in ``outcome``, and is held only against another telling's call to end it, never against
who proposed or drove the work. A call to stop a line or close a pool in an incident is
the work itself and stays a decision."""


_DATE_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "q1", "q2", "q3", "q4", "quarter", "first", "second",
    "third", "fourth", "last", "early", "late", "mid", "year", "month", "week", "day",
    "spring", "summer", "autumn", "fall", "winter",
}  # fmt: skip


_RECURRENCE = re.compile(
    r"\b(?:this time|again|once more|another|a second|the second time|a repeat|recurr\w*|"
    r"same (?:thing|problem|issue) (?:happened|came back))\b",
    re.I,
)
_AGAIN = "~again"
"""Marks a date told of a recurrence ('in March, this time ...'): a new event of a kind the
story has seen, which can fall in another month without contradicting the first."""
_DATE_LEAD = {"in", "during", "by", "early", "late", "mid", "since", "around", "back", "of", "the"}


_WISHED = re.compile(
    r"\b(?:not|n't|never|didn't|don't|wouldn't|couldn't)\s+(?:\w+\s+)?(?:want|wanting|wanted|"
    r"able|like|liking|bear|face)\b[^.;!?]*$",
    re.I,
)
"""A month in what someone did not want or could not do ('not wanting to drive home in the
dark in January') is a time of year people dislike, not when the story happened."""


def _event_words(text: str, start: int, end: int) -> frozenset[str]:
    """What happened at a date: the content words of its clause ('in March we migrated').

    Two tellings' months or quarters are one fact only when they date the same event.
    """
    left = re.split(r"[.;!?,]", text[max(0, start - 60) : start])[-1]
    right = re.split(r"[.;!?,]", text[end : end + 60])[0]
    clause = _WORDS.findall((left + " " + right).lower())
    if not set(_WORDS.findall(left.lower())) - _DATE_LEAD or not any(
        _stem(w).startswith(_EVENT_STEMS) for w in clause
    ):
        # "In Q2 2023, at a telehealth company, I ...", "The outage was at Linden Bank, on a
        # Sunday in March": a date opening its sentence, or in a clause that names no event,
        # dates what the whole sentence tells.
        left = re.split(r"[.;!?]", text[max(0, start - 200) : start])[-1]
        right = re.split(r"[.;!?]", text[end : end + 200])[0]
    words = _WORDS.findall((left + " " + right).lower())
    out = {_stem(w) for w in words if w not in _CONTEXT_STOP and w not in _DATE_WORDS}
    sentence_start = max(text.rfind(c, max(0, start - 200), start) for c in ".;!?\n") + 1
    sentence = text[sentence_start : end + 200].split(".")[0]
    if _RECURRENCE.search(sentence):
        out.add(_AGAIN)
    if _AHEAD.search(text, max(sentence_start, start - 50), start):
        out.add(_AHEAD_MARK)
    lead = text[sentence_start:start]
    opening = len(re.findall(r"[.!?](?:\s|$)", text[:sentence_start])) <= 1
    if opening and (not set(_WORDS.findall(lead.lower())) - _DATE_LEAD or _IT_WAS.search(lead)):
        out.add(_SETTING)
    return frozenset(out)


_AHEAD = re.compile(
    r"\b(?:would|will|'ll|going to|planned|expected|forecast|due|next|following|later)\b"
    r"[^.;!?]*$",
    re.I,
)
_AHEAD_MARK = "~ahead"
"""Marks a date told as ahead of the story ('the pipeline that would land in Q4', 'the
following quarter'): when something was due, not when the story happened."""
_IT_WAS = re.compile(
    r"^\s*(?:it|this|that) was (?:in |during |back in |around |early |late )?$", re.I
)
_SETTING = "~setting"
"""Marks the date a telling opens with ('In Q1 2022 at a furniture store, I ...', 'It was Q3
2022'): when the whole story happened, so two such dates of one story must agree."""


_NEGATED_INSIDE = re.compile(r"\b(?:wasn't|was not|isn't|never|not)\b", re.I)
_WHOLE_WORK = {
    "run", "lead", "own", "drive", "handle", "manage", "take", "make", "mak", "deliver", "fix",
    "happen", "get", "done",
}  # fmt: skip
"""What one is asked to do with work handed down, when 'it' is all of it."""
_GENERIC_WORK = {"project", "work", "task", "it", "thi", "idea", "me", "us", "do", "look", "into"}
"""Words that name the work in general: a claim about 'the project' is about all of it."""


def _clip(text: str, start: int, end: int, words: int = 6) -> str:
    """The matched words plus a few after them, up to the clause end, for quoting."""
    # A clause ends at punctuation, not at a decimal point or a thousands comma ("3.2 min").
    right = re.split(r"[;!?:]|[.,](?!\d)", text[end : end + 60])[0]
    # Cut after ``words`` words, keeping the text's own spacing: a match may end inside
    # a word or figure ("saved around 3|00 thousand"), which must read back whole.
    cut = re.match(r"(?:\s*\S+){0,%d}" % words, right)  # noqa: UP031 (braces in pattern)
    tail = cut.group() if cut else ""
    return " ".join((text[start:end] + tail).split())


def _found(doc: Document, rx: object) -> tuple[re.Match[str], ...]:
    """Every match of a pattern in one answer, found once: the facts and the identity
    words (which similarity reads) both ask for the company and team patterns."""
    return doc.derived(_find_all, rx)


def _find_all(doc: Document, rx: object) -> tuple[re.Match[str], ...]:
    if isinstance(rx, re.Pattern | TriedAt):
        return tuple(rx.finditer(doc.text))
    assert isinstance(rx, Rx)
    return tuple(rx.finditer(doc))


def identity_words(text: str | Document) -> set[str]:
    """Words naming the candidate's company or team: shared by all their stories.

    Similarity down-weights them, so two different stories from one employer
    do not read as one story.
    """
    return set(as_document(text).derived(_identity_words))


def _identity_words(doc: Document) -> frozenset[str]:
    text = doc.text
    out: set[str] = set()
    for m in _found(doc, _COMPANY):
        out.update(w.lower() for w in m.group("name").split())
    for m in _found(doc, _COMPANY_MORE):
        said = _company_name(m)
        if said:
            out.update(w.lower() for w in said.split())
    for m in _found(doc, _OWN_TEAM):
        out.update(w for w in _team_name(m, text).lower().split() if w not in _TEAM_ADJ)
    return frozenset(out - _NOT_COMPANY)


# A result told as a figure moving the right way is a success even when no word says so:
# a cost, delay or error count going down, or a good measure (sales, retention) going up.
_BAD_DOWN = Rx(
    r"\b(?:fell|falling|dropped|dropping|went down|came down|decreased|decreasing|declined|"
    r"declining|shrank|halved|cut|reduced|saved|sped up|went from)\s+(?:[\w\-]+\s+){0,5}?"
    r"(?:from\s+|by\s+|to\s+)?"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+)?[$€£]?\d",
)
_GOOD_UP = Rx(
    r"\b(?:conversion|revenue|sales|bookings|retention|adoption|satisfaction|nps|csat|"
    r"sign-?ups|engagement|completion|uptime|availability|throughput|accuracy|coverage)\s+"
    r"(?:[\w\-]+\s+){0,3}?(?:rose|grew|increased|climbed|jumped|went up|doubled|tripled|"
    r"improved|went from)\b",
)
_GOOD_MEASURE_BEFORE = re.compile(
    r"\b(?:conversion|revenue|sales|bookings|retention|adoption|satisfaction|nps|csat|"
    r"sign-?ups|engagement|completion|uptime|availability|throughput|accuracy|precision|"
    r"recall|coverage|traffic|usage)\b[^.;!?]{0,25}$",
    re.I,
)
_ALL_DONE = Rx(
    r"\ball (?:\w+ )?(?:of (?:the|our) )?(?:[\w\-]+ ){0,2}(?:were|was|had been) (?:migrated|"
    r"moved|converted|switched|onboarded|live|on (?:the )?(?:new )?[\w\-]+)\b",
)


# "Since then I canary every change, and incidents fell 60%": a figure for the habit the
# story taught, not for how the story itself ended.
_AFTERWARDS = re.compile(
    r"\b(?:since then|ever since|afterwards|after that|from then on|these days|nowadays|"
    r"going forward|the next (?:time|year))\b[^.;!?]*$",
    re.I,
)


def _improved(doc: Document) -> re.Match[str] | None:
    text = doc.text
    negated_before = doc.negated_before
    for m in _BAD_DOWN.finditer(doc):
        if negated_before(m.start(), 20):
            continue
        if _AFTERWARDS.search(text, max(0, m.start() - 120), m.start()):
            continue
        if _GOOD_MEASURE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "conversion dropped 8%" is bad news, not a result
        return m
    for rx in (_GOOD_UP, _ALL_DONE):
        for m in rx.finditer(doc):
            if not negated_before(m.start(), 20):
                return m
    return None


# How work ends, said in ways the lists above miss (kept apart so each stays readable).
_WORK = (
    r"(?:pilot|trial|project|rollout|roll-out|launch|migration|programme|program|experiment|"
    r"initiative|feature|product|service|scheme|upgrade|rewrite|change|beta)"
)
_ENDED_SHORT = Rx(
    # A phrasal verb around its object: "we shut it down", "they called the pilot off".
    r"\b(?:shut|wound|closed|called|scrapped|pulled) (?:it|the (?:whole |entire )?"
    + _WORK
    + r"|(?:the|our) (?:[\w\-]+ )?"
    + _WORK
    + r") (?:down|off)\b"
    # It stopped short of its goal: "it never got beyond those eight stores".
    r"|\b(?:it|this|that|the (?:[\w\-]+ )?" + _WORK + r"|we) never (?:got|went|made it|moved|"
    r"expanded|scaled|spread|grew) (?:beyond|past|further than|out of|outside)\b"
    # The money or the go-ahead went: "the trust pulled the money", "ops refused to go further".
    r"|\b(?:pulled|withdrew|cut) (?:the |our |its )?(?:money|funding|budget) for\b"
    r"|\b(?:refused|declined) to (?:go (?:any )?further|go ahead|continue|expand|roll it out)\b"
    r"|\b(?:didn't|did not|never) go ahead\b"
    # Chose not to ship: "we decided not to roll it out", "leadership chose not to launch".
    r"|\b(?:decided|chose|agreed|voted) not to (?:roll (?:it |this |the \w+ )?out|ship|launch|"
    r"release|go live|go ahead|expand|continue)\b"
    # A rollout stopped part way and undone: "we stopped the rollout there and reverted".
    r"|\b(?:stopped|halted|abandoned) the (?:[\w\-]+ )?(?:rollout|roll-out|migration|launch|"
    r"release|upgrade) (?:there|at \d+|at that point|for good|and (?:reverted|rolled back))"
)
_DONE_SHORT = Rx(
    # The work finished: "we completed the rollout", "finished the migration".
    r"\b(?:completed|finished) the (?:[\w\-]+ )?(?:rollout|roll-out|migration|upgrade|"
    r"cutover|move|switch(?:over)?|launch)\b"
    # Made a date that mattered: "went live in time for the partner's deadline".
    r"|\bin time for (?:the|our|their|its|a|his|her) (?:[\w\-']+ ){0,3}?(?:deadline|launch|"
    r"season|peak|go-live|audit|date|event|release)\b"
    # Spread beyond the pilot: "rolled it out to 120 stores", "funded it on all 22 wards".
    r"|\b(?:rolled|extended|expanded|scaled|spread|funded|adopted) (?:[\w\-]+ ){0,3}?"
    r"(?:out )?(?:to|across|on|in) (?:all |every |the other |the remaining )?"
    r"(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|a hundred|hundreds of|dozens of)(?: of (?:its|our|their|the))?(?: [\w\-]+)? "
    # Places or people it spread to ("stores", "libraries"), not a length of time or a share.
    r"(?!(?:seconds|minutes|hours|days|weeks|months|quarters|years|percent|points)\b)"
    r"[a-z\-]{3,}s\b"
    # The deal closed: "we signed it in Q4", "the director signed".
    r"|\bwe (?:finally )?signed (?:it|the (?:[\w\-]+ )?(?:deal|contract|renewal|agreement|"
    r"expansion))\b"
    r"|\b(?:director|cfo|ceo|coo|vp|buyer|client|customer|they|he|she) signed\b(?! off)"
    r"(?: (?:the|a) (?:[\w\-]+ )?(?:contract|deal|renewal|agreement))?"
)
_WENT_LIVE = Rx(
    r"\b(?:we|it|the (?:[\w\-]+ )?(?:system|platform|app|site|service)) (?:finally |successfully )?"
    r"(?:cut over|went live|switched over)\b"
    # Whatever was built, going live: "the automated method went live last autumn".
    r"|\bthe (?:[\w\-]+ ){0,2}?[\w\-]+ (?:finally |successfully )?went live\b"
)
"""'We cut over on a Tuesday night': the switch was made. A milestone, not the whole
ending: a failure told after it ('the client was lost at renewal') is the ending."""
_LOST_SHORT = Rx(
    # The deal went unsigned ("we lost it" is with the other failures, in ``_FAILED``).
    r"\b(?:never (?:got )?signed|was never signed|(?:didn't|did not) get signed)\b"
    # It faded away: "the programme quietly stopped", "the pilot fizzled out".
    r"|\b(?:it|the (?:[\w\-]+ )?" + _WORK + r") (?:quietly (?:stopped|ended|died|faded)|"
    r"fizzled out|petered out|died (?:a |out)|was (?:quietly )?dropped)\b"
)


_OLD_THING = re.compile(
    r"\b(?:old|legacy|previous|former|existing|manual|deprecated)\b[^.;!?]{0,30}$", re.I
)


_RECURRING = re.compile(
    r"[^.;!?,]*?\b(?:(?:\w+|\d+) times (?:a|an|per|every) (?:day|night|week|month|year|shift|"
    r"quarter)|every (?:day|night|week|month|other|few)|(?:regularly|often|frequently|sometimes|"
    r"occasionally|constantly|repeatedly|routinely)\b)",
    re.I,
)
"""A failure said with how often it struck is the problem the story set out to fix, not
how the story ended."""
_TURN = re.compile(r"\b(?:but|however|in the end|eventually|ultimately|until)\b", re.I)


def _outcome(doc: Document, source: int) -> Fact | None:
    text = doc.text
    negated_before = doc.negated_before

    def supposed(m: re.Match[str]) -> bool:
        # "I said I'd own it if it flopped": a condition, not what happened.
        return SUPPOSED.search(text, max(0, m.start() - 30), m.start()) is not None

    failed = [
        m
        for m in _FAILED.finditer(doc)
        if not negated_before(m.start(), 20)
        # "It failed silently about six times a month": how often the problem struck.
        and not _RECURRING.match(text, m.start(), min(len(text), m.end() + 45))
        # "the old system was switched off": retiring what was replaced is the plan working.
        and not _OLD_THING.search(text, max(0, m.start() - 40), m.start())
        and not supposed(m)
    ]
    failed += [
        m
        for rx in (_ENDED_SHORT, _LOST_SHORT)
        for m in rx.finditer(doc)
        if not _OLD_THING.search(text, max(0, m.start() - 40), m.start()) and not supposed(m)
    ]
    succeeded = [
        m
        for rx in (_SUCCEEDED, _DONE_SHORT)
        for m in rx.finditer(doc)
        if not negated_before(m.start(), 20) and not supposed(m)
    ]
    # The result's grammar (``scoring.ending``), read only when no phrasing above says how
    # it ended: it costs a pass over the second half of the telling.
    read = ending(text, doc.sentences) if not succeeded and not failed else None
    if not succeeded and not failed:
        succeeded = [m for m in _WENT_LIVE.finditer(doc) if not negated_before(m.start(), 20)]
        if succeeded and read is not None and read[0] == FAILURE and read[1] > succeeded[-1].end():
            # "Once we switched over we saw drift, and after a month we went back to manual
            # prep": going live was a milestone; what came after it is the ending.
            return Fact(
                "outcome", "failure", _clip(text, read[1], read[2]), read[1], read[2], source
            )
    shown = _improved(doc) if not succeeded else None
    if shown is not None:
        succeeded = [shown]  # and a failure word beside it makes the ending mixed
    if failed and succeeded:
        # "In those two wards it worked. But ... the committee shelved it": what follows
        # a 'but' after every word of the other kind is where the story ended.
        last = max(failed + succeeded, key=lambda m: m.start())
        others = succeeded if last in failed else failed
        turn = _TURN.search(text, max(m.end() for m in others), last.start())
        if turn is not None:
            value = "failure" if last in failed else "success"
            return Fact(
                "outcome",
                value,
                _clip(text, last.start(), last.end()),
                last.start(),
                last.end(),
                source,
            )
    if failed and not succeeded:
        m = failed[0]
        return Fact(
            "outcome", "failure", _clip(text, m.start(), m.end()), m.start(), m.end(), source
        )
    if succeeded and not failed:
        m = succeeded[0]
        return Fact(
            "outcome", "success", _clip(text, m.start(), m.end()), m.start(), m.end(), source
        )
    if not succeeded and not failed and read is not None:
        # None of the phrasings above: read the result's grammar (``scoring.ending``).
        value, start, end = read
        return Fact("outcome", value, _clip(text, start, end), start, end, source)
    return None


def extract_facts(text: str | Document, source: int = 0) -> Facts:
    """The comparable facts a telling states; ``source`` tags them with an answer index."""
    return as_document(text).derived(_extract_facts, source)


def told_numbers(text: str | Document) -> tuple[Quantity, ...]:
    """The figures said, each number read whole: 'thirty-eight minutes' is 38 minutes, not
    30 and 8 minutes; 'two hundred and twelve' is 212. The reuse evidence shows these, so
    a figure said in words is quoted whole ('twenty-two minutes', never 'twenty')."""
    return as_document(text).derived(_told_numbers)


def _told_numbers(doc: Document) -> tuple[Quantity, ...]:
    return tuple(_spoken_numbers(doc.text, list(doc.metrics)))


def stated_figures(text: str | Document, source: int = 0) -> Facts:
    """The figures alone of ``extract_facts``: what ``same_amounts`` compares, read for
    every pair of tellings a loop scores, without the roles, dates and outcome (as dear
    again to read) that only a retelling's comparison needs."""
    return Facts(_tagged_figures(as_document(text), source))


_CAPITALISED = re.compile(r"\b[A-Z][\w&'\-]*")


def _extract_facts(doc: Document, source: int) -> Facts:
    figs = _tagged_figures(doc, source)
    facts = _facts_of(doc, source)
    kept = adoption(doc.text, doc.sentences)
    if kept is not None:
        value, start, end = kept
        facts.append(Fact("adoption", value, _clip(doc.text, start, end), start, end, source))
    names = frozenset(w.lower() for w in _CAPITALISED.findall(doc.text))
    return Facts(figs, tuple(facts), _outcome(doc, source), names)


# --- comparison ------------------------------------------------------------------
#
# Figures are compared as slots. A figure's slot is what it measures (the measure
# named, or the thing counted), its unit family, its period, its role in the story
# (baseline, result, change, target or limit, peak, a date-like span of time) and
# whether it is told as a later result. Two figures in different slots never
# conflict: a target is not a result, the length of a trial is not a latency, a
# count of people is not a count of services. Within one slot the values pass a
# tolerance layer first (units, number words, rounding, ranges, limits,
# complements, a change that agrees with a before and an after). Only then is a
# difference a contradiction; a difference where the slot is unsure (one telling
# gives the role, the other does not) or the values are near is a check.

_LATE_BY = re.compile(
    r"\s*(?:[A-Za-z]+\s+)?(?:late|behind schedule|overdue|past the deadline)\b", re.I
)
"""A span of time right before 'late' is how late the work went out ('eight weeks late'): a
delay, compared only with another telling's delay."""
_WOULD_HAVE = re.compile(
    r"\bwould(?:'ve| have)\s+(?:cost|been|taken|meant|needed|required|come to|run to|"
    r"run|added up to)\b[^.;!?]{0,30}$",
    re.I,
)
"""An amount in the conditional perfect is what did not happen ('a new contract would
have cost £48,000 a year'): the alternative weighed, compared only with another telling's
alternative, never with what the chosen fix cost."""
_UNCOMPARED_ROLES = {"timing", "label", "spread"}
"""Spans of time that date something ('within two weeks') rather than measure it."""
_OWN_SLOT_ROLES = {"target", "peak", "delta", "versus", "late", "idle"}
"""Roles whose figures are compared only with figures of the same role."""
_MAX_FIGURE_CHECKS = 3
"""Checks from figures per pair of tellings: more would bury the ones that matter."""


def _slot_key(f: Figure) -> tuple[str, str, str | None]:
    """The bucket a figure is compared within: only figures in one bucket can share a slot."""
    return (f.family, f.unit if f.family == "count" else "", f.per)


def _role(f: Figure) -> str | None:
    return None if f.role == "total" else f.role


_PICKED = re.compile(
    r"\b(?:pulled|picked|took|asked|assigned|moved|brought|borrowed|hired|added|seconded|"
    r"lent|loaned|pulling|moving|bringing|hiring|adding|"
    # "I piloted it with three handlers": a trial runs on a few of them.
    r"(?:piloted|trialled|trialed|tested|started|began)\s+(?:it\s+|this\s+|them\s+|the\s+"
    r"[\w\-]+\s+)?with)\s+(?:in\s+|over\s+|on\s+)?"
    r"(?:another\s+|an extra\s+|just\s+|only\s+)?(?P<n>\d[\d,.]*|[a-z]+)\b",
    re.IGNORECASE,
)


_DEFINITE = re.compile(r"\b(?:the|our|its|their)\s+$", re.I)
_ALL_OF = re.compile(r"\b(?:all|every one of)(?:\s+(?:the|our|its|their|of the|of our))?\s+$", re.I)
_FIRST_FEW = re.compile(
    r"\b(?:the|our|my|its|their)\s+(?:first|last|top|next|final|remaining|other|best|worst|"
    r"[a-z]+est)\s+$",
    re.I,
)
"""'The first ten donors', 'the remaining four countries', 'the farthest two clinics': some of
a group."""
_SOME_BY_SIZE = re.compile(
    r"\b(?:(?:a|the|our|my)\s+(?:random\s+)?sample|"
    r"(?:waves|batches|groups|rounds|lots|tranches|cohorts|blocks))\s+of\s+(?:about\s+|around\s+)?$",
    re.I,
)
"""'A sample of 150 night workers', 'three waves of ten stores': some of a group, by how many
('a batch of 1,100 totes' is the whole batch)."""
_NOBODY_USED = re.compile(
    r"(?:\s+[a-z\-]+)?\s+(?:that\s+|which\s+)?(?:nobody|no one|no-one)\s+(?:was|were|had|ever)?\s*"
    r"(?:using|used|touched|opened|logged into)\b",
    re.I,
)
"""'A hundred and twenty seats nobody was using': the idle ones, some of all the seats,
compared only with idle ones."""
_ARROW_AFTER = re.compile(r"\s*(?:-{1,2}>|=>|\u2192)\s*[~\u2248]?\s*\d")
_ARROW_BEFORE = re.compile(r"(?:-{1,2}>|=>|\u2192)\s*[~\u2248]?\s*$")
"""'6% -> 4.5%', '40 min → 12': terse notes write a change as an arrow from where it was."""
_OF_US = re.compile(r"\s+of us\b", re.I)
_OF_US_IN = re.compile(
    r"\s+of us\s+(?:in|on)\s+(?:the|our|my)\s+(?:[\w\-]+\s+)?(?:team|crew|squad|shift|"
    r"department|unit|office|group|desk)\b",
    re.I,
)
"""'The three of us in the team split it up': every member, counted by where they were."""


def _of_us_end(text: str, end: int, otherwise: int) -> int:
    """Where 'of us' (and 'in the team' after it) ends, if said: the count quoted with what
    it counts."""
    said = _OF_US_IN.match(text, end) or _OF_US.match(text, end)
    return said.end() if said else otherwise


_WHOLE_US = re.compile(
    r"\b(?:(?:just|only)(?: the)?|all|there (?:were|was) (?:only |just )?(?:the )?)\s*$"
    # "I ran a small project team, six of us, me, two planners ...": the team, counted.
    # "It was a big team, actually, like twelve of us": fillers may stand between.
    r"|\b(?:team|crew|squad|desk|shift|group|unit)\s*[,:\-\u2013\u2014(]\s*"
    r"(?:(?:actually|like|um|uh|er|you know|I think|maybe|about|around|roughly|probably),?\s+)*"
    r"(?:just |only )?$",
    re.I,
)
"""'Just the three of us', 'all five of us', 'there were three of us', 'a small team, six of
us' count the whole group;
'the two of us drove over' may be two of a larger team, so a bare 'the' is not read."""
_GROUP_AFTER = re.compile(r"\s+(?:on|in|at|for|from|with|who|that|across|covering)\b", re.I)
_ONE_OF = re.compile(r"\bone of\s+(?:the\s+)?$", re.I)
_GROUP_WORDS = r"(?:team|crew|section|shift|unit|department|squad|group|office|side|desk|lab)"
"""Words for the candidate's own group of people, as the readings of its size use them."""
_IN_GROUP = re.compile(
    r"[^.;!?,]{0,20}?\s(?:in|on)\s+(?:the|our|my|that)\s+(?:[\w\-]+\s+){0,2}"
    + _GROUP_WORDS
    + r"\b",
    re.I,
)
"""'I was one of seven technicians in the section': the section's size, said from inside."""
_NAME = r"(?:(?:Dr|Mr|Mrs|Ms)\.?\s)?[A-Z][^\W\d_]+(?:\s[A-Z][^\W\d_]+)?"
_NAMED = (
    _NAME
    + r"(?:\s+and\s+"
    + _NAME
    + r")?(?:\s+(?:on|at|in|from|doing|running|covering)\s+(?:the\s+)?[a-z\-]+(?:\s[a-z\-]+)?)?"
)
_NAME_LIST = re.compile(
    r"(?:" + _NAMED + r"\s*,\s*)*" + _NAMED + r",?\s+and\s+(?:me|I|myself)\b"
    r"|\b(?:me|myself),\s+(?:" + _NAMED + r"\s*,\s*)*" + _NAMED + r",?\s+and\s+" + _NAMED
)
"""'Kofi, Ruth and I', 'me, Priya and Tom', 'Dave and Priya on the press, Tom on the
reelstand, and me': people listed by name with the candidate among them."""
_LISTED_NAME = re.compile(_NAME)
_NOT_A_NAME = frozenset(
    {"So", "And", "But", "Then", "Um", "Uh", "Well", "Yeah", "Also", "Only", "Just", "Both"}
)
_THAT_WAS_ALL = re.compile(
    r",?\s*(?:(?:and\s+)?that\s+(?:was|'s|is)\s+(?:it|all|everyone|everybody)|nobody else|"
    r"no(?:\s+|-)one else)\b",
    re.I,
)
"""'Me, Gareth and Yasmin, that was it': the list said to be the whole group."""
_WHOLE_GROUP_WORD = re.compile(r"\b(?:whole|entire)\b", re.I)
_GROUP_NOUN = re.compile(r"\b(?:" + _GROUP_WORDS + r"|board)\b", re.I)
_GROUP_WAS = re.compile(
    r"\b" + _GROUP_WORDS + r"\b[^.;!?]{0,24}?\b(?:was|were|consisted of|comprised)\b[^.;!?]{0,30}$",
    re.I,
)


def _crew(text: str, m: re.Match[str], size: float, source: int) -> Figure:
    """The size of the candidate's own group, read from the words ``m`` matched."""
    return Figure(
        value=size,
        family="count",
        unit="person",
        measure="crew",
        measures=frozenset({"crew"}),
        per=None,
        role=None,
        context=_context(text, m.start(), m.end()),
        hedged=False,
        precision=_precision(size),
        quote=m.group(),
        start=m.start(),
        end=m.end(),
        source=source,
        whole=True,
    )


def _named_crews(text: str, source: int) -> list[Figure]:
    """The candidate's group counted from its members' names, where the sentence says they
    were all of it: 'Kofi, Ruth and I, which was the whole section', 'the whole team, which
    was Gareth, Nia and me', 'my crew that winter was Dave, Priya, Tom and me'. A list
    without such words ('Priya and I stayed late') may be a few of a larger group."""
    out: list[Figure] = []
    for m in _NAME_LIST.finditer(text):
        names = [n for n in _LISTED_NAME.findall(m.group()) if n.split()[0] not in _NOT_A_NAME]
        if not names or (m.start() > 0 and text[m.start() - 1].isalpha()):
            continue
        begin = max(text.rfind(c, 0, m.start()) for c in ".;!?\n") + 1
        stop = min(
            (i for i in (text.find(c, m.end()) for c in ".;!?\n") if i >= 0), default=len(text)
        )
        sentence = text[begin:stop]
        whole = _WHOLE_GROUP_WORD.search(sentence) and _GROUP_NOUN.search(sentence)
        if not (
            whole or _GROUP_WAS.search(text, begin, m.start()) or _THAT_WAS_ALL.match(text, m.end())
        ):
            continue
        # "me, Tomás, Aiyana and Kofi, and Aiyana and Kofi were the juniors": each once.
        size = float(len(set(names)) + 1)
        out.append(_crew(text, m, size, source))
    return out


_ME_AND_OTHERS = re.compile(
    r"\b(?:me|I|myself) and (?:the|my) (?P<n>\d{1,2}|[a-z]+) other (?:[\w\-]+ )?[a-z]+s? "
    r"(?:on|in) (?:my|our|the) (?:[\w\-]+ )?" + _GROUP_WORDS + r"\b",
    re.I,
)
"""'Me and the two other nurses on my team': the team counted from inside, the candidate
and every other member ('the ... other ... on my team'); 'me and two other nurses' may be
a few of a larger team, so the article is required."""


_ME_AND_THE_OTHER = re.compile(
    r"\b(?:me|I|myself) and the other (?P<n>two|three|four|five|\d) (?:[\w\-]+ )?(?:educators|"
    r"teachers|nurses|engineers|analysts|officers|developers|designers|planners|managers|"
    r"agents|drivers|technicians|fitters|curators|chefs|brewers|riggers|members|leads)\b",
    re.I,
)
"""'Me and the other two educators': every one of them, the candidate among them."""
_JUST_ME_IN = re.compile(
    r"\b(?:it was|there was|I was)\s+(?:just|only)\s+me\s+in\s+(?:the|our|my)\s+(?:[\w\-]+\s+)?"
    r"(?:team|department|unit|office)\b",
    re.I,
)
"""'It was just me in the learning team that year': a team of one."""
_JUST_ME_AND = re.compile(
    r"\b(?:it was|it's|that was|there was|we were)\s+(?:just|only)\s+(?:me|myself)\s+and\s+"
    r"(?P<n>one|two|three|four|an?|\d)\s+(?:[\w\-]+\s+)?[a-z]+s?\b(?!\s+(?:of|from)\b)",
    re.I,
)
"""'It was just me and one field technician': the whole group, the candidate and the
others named ('just' says there was no one else)."""


def _me_and_the_others(text: str, source: int) -> list[Figure]:
    """The candidate's group said as the candidate and the others in it: a crew of one
    more than the others counted."""
    out: list[Figure] = []
    for m in _JUST_ME_IN.finditer(text) if "me in" in text else ():
        out.append(_crew(text, m, 1.0, source))
    # "Just me and one technician", "me and the other two educators": the candidate and
    # every other member named.
    whole = (
        [*_JUST_ME_AND.finditer(text), *_ME_AND_THE_OTHER.finditer(text)] if " and " in text else []
    )
    for m in whole:
        out.append(_crew(text, m, float(_small_count(m.group("n")) + 1), source))
    for m in _ME_AND_OTHERS.finditer(text):
        said = m.group("n").lower()
        others = float(said) if said.isdigit() else NUMBER_WORDS.get(said)
        if not others or others > 30:
            continue
        size = others + 1
        out.append(_crew(text, m, size, source))
    return out


_GROUP_OF = re.compile(
    r"(?:\b(?:my|our|a|an|the|his|her|their)\s+(?:[\w\-]+\s+){0,2}|"
    # "Team leader, broadband line, team of 12.": a terse note drops the article.
    r"(?:^|[,.;:]\s+))(?:team|crew|squad|shift|staff|group|department|unit)\s+of\s+" + _ABOUT + "$",
    re.I,
)
_I_HAD = re.compile(
    r"\bI\s+(?:had|managed|led|ran|supervised|was managing|was leading)\s+(?:a team of\s+|a crew "
    r"of\s+)?" + _ABOUT + "$",
    re.I,
)
_ASSEMBLED = re.compile(
    r"\b(?:pulled|put|brought|got) together\s+(?:a (?:team|group|crew) of\s+)?(?:about\s+)?$"
    r"|\bassembled\s+(?:a (?:team|group|crew) of\s+)?(?:about\s+)?$",
    re.I,
)
_MY_N = re.compile(r"\b(?:each of|all(?: of)?|every one of|both of)\s+my\s+(?:own\s+)?$", re.I)
"""'Each of my nine people', 'all my twelve agents': every one of the candidate's people
(not 'our two agents in Manila', which may be a few of them)."""
_TEAM_WAS = re.compile(
    r"\b(?:my|our)\s+(?:[\w\-]+\s+){0,2}(?:team|crew|squad|shift|group|department|unit)\s+"
    # "My team on that shift was fourteen people": where or when the team was, in between.
    r"(?:(?:on|in|at|for|during)\s+(?:that|the|this|our|my)\s+(?:[\w\-]+\s+){0,2})?"
    r"(?:was|were|is|had|has)\s+(?:only\s+|just\s+)?" + _ABOUT + "$",
    re.I,
)
"""'Our team was nine engineers', 'my team on that shift was fourteen people': the size of the
candidate's own group, said as what the group was rather than as 'a team of'."""
_TEAM_SET_OUT = re.compile(
    r"\b(?:my|our|the)\s+(?:[\w\-]+\s+)?" + _GROUP_WORDS + r"\b[^.;!?:\u2013\u2014(]{0,40}?"
    r"(?:\s*[:\u2013\u2014(]|\s-)\s*(?:about\s+|around\s+|just\s+|only\s+)?$",
    re.I,
)
_THERE_WERE = re.compile(r"\bthere\s+(?:were|was)\s+(?:only\s+|just\s+)?" + _ABOUT + "$", re.I)
_WE_WERE = re.compile(
    r"\b(?:we|us)\s+(?:were|was|are|numbered)\s+(?:only\s+|just\s+)?" + _ABOUT + "$", re.I
)
"""'We were four people': the same, read only before a noun for people (``_PERSON_NOUN``),
since 'we were three weeks late' or 'forty orders behind' counts something else."""
_PERSON_NOUN = re.compile(r"[a-z]{3,}(?:ner|eer|ker|ver|ter|ger|or|ist|ian)", re.I)
"""Nouns for a person who does a job, by their ending: planner, engineer, picker, driver,
fitter, manager, operator, pharmacist, technician."""
_NOT_PERSON = frozenset(
    {
        "order",
        "meter",
        "metre",
        "litre",
        "liter",
        "letter",
        "number",
        "quarter",
        "floor",
        "error",
        "sector",
        "factor",
        "door",
        "colour",
        "color",
    }
)
_TAKE_OFF = re.compile(
    r"\b(?:took|take|taking|knocked|knock|shaved|shave|cut|trimmed|lopped)\s+" + _ABOUT + "$",
    re.I,
)
_OFF_AFTER = re.compile(r"(?:\s+[\w\-]+){0,4}?\s+off\b", re.I)
_SOME_OF_THEM = re.compile(
    r"\s+(?:latest|last|first|oldest|newest|biggest|largest|most recent|worst|best|top)\s+"
    r"[a-z]",
    re.IGNORECASE,
)
"""'I checked the 500 latest disputes': the superlative after the number picks some of a
larger group, whose size another telling may give ('2,400 disputes open')."""
_OF_GROUP = re.compile(
    r"\s+of\s+(?:our|the|their|its|my|his|her|those|these|them|us|you)\b", re.IGNORECASE
)


def _part_of(f: Figure) -> bool:
    """A count that is the object of picking or moving ("I pulled two people"), or is taken
    from a group ("two of our sites"): a part of a group, never the group's size."""
    if f.part:
        return True
    for m in _PICKED.finditer(f.quote):
        n = m.group("n").lower()
        if n[0].isdigit() or n in NUMBER_WORDS:
            return True
    return False


def _slot(a: Figure, b: Figure) -> str | None:
    """'same' when two figures fill one slot, 'maybe' when they may, None when they cannot."""
    if a.family == "plain" or a.role in _UNCOMPARED_ROLES or b.role in _UNCOMPARED_ROLES:
        return None
    ra, rb = _role(a), _role(b)
    sure = True
    if ra != rb:
        if ra in _OWN_SLOT_ROLES or rb in _OWN_SLOT_ROLES or (ra and rb):
            return None
        sure = False  # one telling says baseline or result, the other does not say
    if a.when != b.when:
        sure = False  # one says the figure came later; the other may mean the first result
    if a.family == "count" and (a.role == "total") != (b.role == "total"):
        # "100 villages in total" against "40 villages": the 40 may be a part; against
        # "across the 40 villages" it is the whole told twice.
        sure = sure and (a.whole if a.role != "total" else b.whole)
    if a.family == "count":
        if a.measures and b.measures and not a.measures & b.measures:
            return None
        if (a.measure == "crew") != (b.measure == "crew") and (
            a.unit != b.unit or a.unit == "person"
        ):
            # "I had eight agents" is the team; "the 600 or so people" in the queue is not.
            # Its own count of agents ("my seven agents") may be the team told again; "two
            # people from the terminal" are some people, of the team or not.
            return None
        if _part_of(a) != _part_of(b):
            return None  # "I pulled two people" from "my twelve-person team": a part, a whole
    elif a.measures and b.measures:
        if not a.measures & b.measures:
            return None
    elif a.measures or b.measures:
        return None
    else:
        # Nothing names what is measured: only shared words say it may be one thing;
        # two shared words and one stated role, or three words, make it the same thing.
        # One shared word is enough when both say the same role ("no-shows fell ... to 10%",
        # "no-shows were still around 15%").
        shared = len(a.context & b.context)
        if shared < 2 and not (shared == 1 and ra is not None and ra == rb):
            return None
        sure = sure and (shared >= 3 or ra is not None)
    return "same" if sure else "maybe"


def _span(f: Figure) -> tuple[float, float]:
    if f.low is not None and f.high is not None:
        return f.low, f.high
    return f.value, f.value


def _is_round(f: Figure) -> bool:
    """A sum of money or a count said round ('$200K', '3,000 users'): often an approximation."""
    digits = f"{abs(f.value):.6e}".split("e")[0].replace(".", "").rstrip("0")
    return f.family in ("money", "count") and abs(f.value) >= 100 and len(digits) <= 1


def _exact_looking(f: Figure) -> bool:
    """A share or count said to its last unit and not on a round five ('94%', '47 calls',
    '1,230'): a figure told from the record, not an estimate."""
    if f.hedged or f.family not in ("percent", "count") or f.low is not None:
        return False
    if f.value != int(f.value) or f.value < 10:
        return False
    return int(f.value) % 5 != 0


def _within_bound(f: Figure, low: float, high: float, tolerance: float) -> bool:
    if f.bound == "upper":
        return low <= f.value * (1 + tolerance)
    if f.bound == "lower":
        return high >= f.value * (1 - tolerance)
    return True


def _far_past_bound(f: Figure, low: float, high: float) -> bool:
    """A value at least twice past a limit the other telling states: not rounding. Not a
    rate against its complement ('0.5% crashing', 'above 99.9% crash-free')."""
    if f.family == "percent" and max(f.value, high) > 90 and min(f.value, low) < 10:
        return False
    if f.bound == "upper":
        return low >= 2 * f.value > 0
    if f.bound == "lower":
        return 0 < 2 * high <= f.value
    return False


_POSITIVE = re.compile(
    r"free|success|succe|uptime|availab|pass|healthy|clean|on[- ]time|accura|correct|valid|"
    r"complete|resolv|retain|without|delivered",
    re.I,
)


def _positive(f: Figure) -> bool:
    return bool(_POSITIVE.search(f.quote + " " + " ".join(sorted(f.context))))


def _agreement(a: Figure, b: Figure) -> str:
    """'yes' when two values of one slot agree after tolerance, 'near' when they may, else 'no'.

    Tolerated: one value in base units (1.4 s is 1,400 ms); rounding (10%, or 25%
    when either is hedged with 'about', 'roughly'); a value inside a range or under
    a stated limit; a rate and its complement (0.5% crashing is 99.5% crash-free).
    """
    # Two exact-looking shares or counts ('94%' and '89%', '47' and '52'), neither hedged:
    # nobody rounds 89 to 94, so the rounding allowance is that of a slip of the tongue.
    tolerance = 0.03 if _exact_looking(a) and _exact_looking(b) else 0.1
    for f in (a, b):
        if f.hedged:
            # "About 200K" covers 150K-250K; "about 450" only its ten or so.
            tolerance = max(tolerance, min(0.3, f.precision / 2 + 0.05))
    low_a, high_a = _span(a)
    low_b, high_b = _span(b)
    if a.family == "percent" and min(low_a, low_b) > 90:
        # Rates near 100% are told apart by what is left: 99.8% is 0.2% crashing, 99.1% is 0.9%
        # ('just under 99%' leaves between 1% and 2%).
        low_a, high_a = 100 - high_a, 100 - low_a
        low_b, high_b = 100 - high_b, 100 - low_b
        if abs(low_a - low_b) <= 0.05:
            return "yes"
    if a.bound or b.bound:
        if _within_bound(a, low_b, high_b, tolerance) and _within_bound(
            b, low_a, high_a, tolerance
        ):
            return "yes"
        if _far_past_bound(a, low_b, high_b) or _far_past_bound(b, low_a, high_a):
            return "no"  # "under six hours" against "roughly a day": four times the limit
        return "near"
    gap = max(0.0, low_b - high_a, low_a - high_b)
    big = max(abs(high_a), abs(high_b))
    if big == 0 or gap <= tolerance * big:
        return "yes"
    if a.family == "percent" and abs(a.value + b.value - 100) <= max(
        0.15, tolerance * min(a.value, b.value)
    ):
        return "yes" if _positive(a) != _positive(b) else "near"
    if ((a.hedged or b.hedged) and gap <= min(2 * tolerance, 0.3) * big) or (
        (_is_round(a) or _is_round(b)) and gap <= 0.3 * big
    ):
        return "near"
    return "no"


def _telling_amount(f: Figure) -> bool:
    """A figure specific enough that two stories rarely share it by chance: money of a
    hundred or more, a count of ten or more things, a rate that is not a round tenth, or a
    length of time that is not a round span of its unit ('two weeks', 'a month')."""
    if f.low is not None:
        return False
    if f.family == "money":
        return f.value >= 100
    if f.family == "count":
        return f.value >= 10
    if f.family == "percent":
        return 0 < f.value < 100 and f.value % 10 != 0
    if f.family == "time":
        return f.value not in _ROUND_SPANS
    return False


_SPAN_UNITS = frozenset(TIME_UNITS.values())
_ROUND_SPANS = frozenset(n * unit for unit in _SPAN_UNITS for n in range(1, 13))
"""One to twelve of each unit, in seconds: a set, as every pair of tellings asks."""


def same_amounts(a: Facts, b: Facts) -> list[tuple[Figure, Figure]]:
    """Amounts both tellings state in different words: 1,140 seats and 'a bit over eleven
    hundred seats', £210,000 and 'about two hundred thousand pounds', 90 minutes and an hour
    and a half. Each is one figure of one event told twice, which is what identifies a
    story."""
    out: list[tuple[Figure, Figure]] = []
    used: set[int] = set()
    # Which of b's figures could match, and their buckets, once: every pair of tellings
    # a loop compares comes here, and each of a's figures runs through b's.
    # A sum said without its currency ("two hundred and ten thousand a year") is read as a
    # rate: it is an amount only against the same sum said with it.
    told = [
        (k, fb, _slot_key(fb)[:2])
        for k, fb in enumerate(b.figures)
        if _telling_amount(fb) or fb.family == "rate"
    ]
    for fa in a.figures:
        if not (_telling_amount(fa) or fa.family == "rate"):
            continue
        bucket = _slot_key(fa)[:2]
        for k, fb, fb_bucket in told:
            if k in used:
                continue
            if not _one_sum(fa, fb) and (
                "rate" in (fa.family, fb.family) or (bucket != fb_bucket and not _one_count(fa, fb))
            ):
                continue
            if _agreement(fa, fb) == "yes" and _rounds_to(fa, fb):
                out.append((fa, fb))
                used.add(k)
                break
    return out


def _said_round(value: float) -> bool:
    """30, 25,000, 0.5: a figure said to one digit, or to a five ('twenty-five thousand')."""
    sig = f"{abs(value):.6e}".split("e")[0].replace(".", "").rstrip("0")
    return len(sig) <= 1 or (len(sig) == 2 and sig.endswith("5"))


def _rounds_to(a: Figure, b: Figure) -> bool:
    """Two sums, counts or shares that differ are one figure said twice when one is the
    other rounded (28% and 'about 30%', 1,140 and 'eleven hundred') or its complement
    (85% resolved, 15% not). Two figures each said round, 'around 25,000' and 'around
    30,000', are two numbers, which two stories of one workplace give as often as one
    story does."""
    if a.value == b.value or a.family not in ("money", "count", "percent"):
        return True
    if a.family == "percent" and abs(a.value + b.value - 100) <= 1:
        return True
    return not (_said_round(a.value) and _said_round(b.value))


def _one_count(a: Figure, b: Figure) -> bool:
    """15,600 payments and 15,600 transfers: an exact count of a hundred or more that is not
    round is one count, whatever noun each telling puts after it."""
    return (
        {a.family, b.family} <= {"count", "plain"}
        and a.value == b.value >= 100
        and not (a.bound or b.bound)
        and not _is_round(replace(a, family="count"))
    )


def _one_sum(a: Figure, b: Figure) -> bool:
    """'£210,000 a year' and 'about two hundred and ten thousand a year': a sum said once
    with its currency and once without, over the same period, is one sum when its figure
    is not round."""
    return (
        {a.family, b.family} == {"money", "rate"}
        and a.value == b.value >= 1000
        and a.per == b.per
        and not (a.bound or b.bound)
        and not _is_round(replace(a, family="money"))
    )


_CROWD = 3
"""Distinct values one telling gives one slot before the slot stops being a claim."""


def _group(f: Figure) -> tuple[object, ...]:
    return (*_slot_key(f), f.measures, _role(f), f.when)


def _crowded(figs: Sequence[Figure]) -> set[tuple[object, ...]]:
    """Slots a telling fills with many values: a story says one p99 (or a before and an
    after); a pasted log or table says dozens, none of them a claim to hold it to. Such
    slots give checks at most."""
    values: dict[tuple[object, ...], set[str]] = {}
    for f in figs:
        values.setdefault(_group(f), set()).add(f"{f.value:.3g}")
    return {g for g, v in values.items() if len(v) > _CROWD}


def _comparable(a: Figure, b: Figure) -> bool:
    """Values twenty times apart are two different things (five weeks and 450 ms, a 5% canary
    and a 99.1% success rate), not one figure said two ways: not worth a check."""
    small, big = sorted((abs(a.value), abs(b.value)))
    return small > 0 and big / small <= 20


_GENERIC_COMPANY = {"company", "firm", "business", "organisation", "organization", "enterprise"}
"""'A company' says nothing of what kind: it agrees with 'a vendor' or 'a bank'."""


def _kind_word(quote: str) -> str:
    words = quote.lower().split()
    return words[-1] if words else ""


def _restated(a: Figure, b: Figure) -> bool:
    """One value said twice in one telling (within rounding), limits aside."""
    big = max(abs(a.value), abs(b.value))
    return big == 0 or abs(a.value - b.value) <= 0.1 * big


def _implied(figs: Sequence[Figure]) -> dict[str, list[tuple[str, float]]]:
    """Changes a telling implies by a before and an after: '400 ms to 100 ms' is a 75% cut,
    a cut of 300 ms and a fourfold speed-up; for rates also the change in points."""
    out: dict[str, list[tuple[str, float]]] = {}
    last_before: Figure | None = None
    for f in figs:
        if f.role == "before":
            last_before = f
            continue
        if f.role != "after" or last_before is None or last_before.family != f.family:
            continue
        before, after = last_before.value, f.value
        changes: list[tuple[str, float]] = [(f.family, abs(before - after))]
        if before:
            changes.append(("percent", abs(before - after) / abs(before) * 100))
        if before and after:
            changes += [("multiplier", after / before), ("multiplier", before / after)]
        for m in (last_before.measures | f.measures) or {""}:
            out.setdefault(m, []).extend(changes)
        last_before = None
    return out


def _implied_agrees(f: Figure, implied: dict[str, list[tuple[str, float]]]) -> bool:
    if f.role != "delta" or not implied:
        return False
    keys = f.measures or frozenset(implied)
    tolerance = 0.25 if f.hedged else 0.15
    for m in keys:
        for family, value in implied.get(m, ()):
            big = max(abs(value), abs(f.value))
            if family == f.family and (big == 0 or abs(value - f.value) <= tolerance * big):
                return True
    return False


def _said_key(f: Figure) -> tuple[str, str, str | None, str]:
    return (*_slot_key(f), f"{f.value:.3g}")


def _bare_counts(figs: Sequence[Figure]) -> set[tuple[str, str, str | None, str]]:
    """Numbers said with nothing counted after them ('the bottom 3,000 of our 14,000
    articles': 3,000), kept as counts of anything for ``_said_in``."""
    return {("count", "*", None, f"{f.value:.3g}") for f in figs if f.family == "plain"}


def _said_in(f: Figure, said: set[tuple[str, str, str | None, str]]) -> bool:
    """Whether ``f``'s value is among ``said``: in its own slot, or for a count also as a
    bare number of the other telling. Not a group's own size ('just the two of us'): small
    numbers are said all through a story ('a frame or two'), and a count said as the
    size of the candidate's group is not read in another role."""
    return _said_key(f) in said or (
        f.family == "count"
        and f.measure != "crew"
        and ("count", "*", None, f"{f.value:.3g}") in said
    )


def _subject(f: Figure) -> str:
    if f.family == "count":
        return f"number of {f.unit}s" if not f.unit.endswith("s") else f"number of {f.unit}"
    return f.measure or f.family


_COMPANY_SIZE_UNITS = {"person", "employee", "people", "staff"}


_Start = tuple[tuple[str, str, str | None], str]
_PERSISTED = re.compile(r"\b(?:still|stayed|remained|stuck|unchanged|again|back)\b", re.I)
"""'Six months on, late deliveries were still around 12%': the start value said to have
held is the change failing, not the drift into the problem."""


def changes_apart(a: Facts, b: Facts) -> bool:
    """Both tellings state a change of one measure from a start to an end, neither end
    agrees (not even within rounding), and no other change of that measure they tell
    shares an end: 'cycle time went from 31 to 27 minutes' against 'from 38 to 33
    minutes'. A retelling that slips on a figure slips on one; two changes apart at both
    ends are two events (two pits, two years) one candidate tells about one metric."""
    apart = False
    for xa, ya in _changes(a.figures):
        for xb, yb in _changes(b.figures):
            # The ends of two changes of one measure are of that measure too, whatever
            # words each end is said with ('from 68 to 79 percent', 'to 88 percent').
            end_kin = (ya.family, ya.unit, ya.per) == (yb.family, yb.unit, yb.per)
            if _slot(xa, xb) != "same" or (_slot(ya, yb) != "same" and not end_kin):
                continue
            if _agreement(xa, xb) == "yes" or _agreement(ya, yb) == "yes":
                return False  # one change told twice, or one end shared
            apart = True
    return apart


def _starts(figs: Sequence[Figure]) -> set[_Start]:
    """(slot, value) of each value a telling gives as where a change started."""
    return {(_slot_key(f), f"{f.value:.3g}") for f in figs if f.role == "before"}


def _index(
    figs: Sequence[Figure], other_starts: frozenset[_Start] = frozenset()
) -> dict[tuple[str, str, str | None], list[Figure]]:
    """A telling's figures by slot, to be compared with the other telling's.

    A value the telling itself gives as where a change started ('p99 dropped from 4.2
    seconds') is that start wherever else it is said: 'p99 had crept up to 4.2 seconds'
    is the drift that made the problem, not the result, and is not compared as one."""
    # The other telling's starting values too: 'the pick rate fell to 95 an hour' is the
    # drift into the problem that the other telling starts its change from ('from 95 to
    # 121'), not a result against its 121.
    starts = _starts(figs)
    out: dict[tuple[str, str, str | None], list[Figure]] = {}
    for f in figs:
        key = (_slot_key(f), f"{f.value:.3g}")
        if f.role == "after" and (
            key in starts or (key in other_starts and not _PERSISTED.search(f.quote))
        ):
            continue
        if f.family != "plain" and f.role not in _UNCOMPARED_ROLES:
            out.setdefault(_slot_key(f), []).append(f)
            if f.measure == "crew" and f.unit != "person":
                out.setdefault((f.family, "person", f.per), []).append(f)
    return out


def _agrees_with_any(
    f: Figure,
    others: dict[tuple[str, str, str | None], list[Figure]],
    implied: dict[str, list[tuple[str, float]]],
    work: list[int],
) -> bool:
    # A figure of the very same slot decides; one whose role is unsaid counts only when no
    # figure of the same slot is told ("stayed around 15%" is checked against the result,
    # not matched by the baseline "about 15%" said without a role).
    same = maybe = False
    for g in others.get(_slot_key(f), ()):
        work[0] += 1
        slot = _slot(f, g)
        if slot is None:
            continue
        if slot == "same" and _agreement(f, g) == "yes":
            return True
        if slot == "maybe" and "total" in (f.role, g.role) and _agreement(f, g) == "yes":
            return True  # "all three sites" and "our three sites": one count, said whole
        if slot == "maybe" and not maybe and _agreement(f, g) == "yes":
            maybe = True
        same = same or slot == "same"
    return (maybe and not same) or _implied_agrees(f, implied)


def _figure_findings(a: Facts, b: Facts, work: list[int]) -> tuple[list[Conflict], list[Conflict]]:
    """Figures of one slot that disagree (conflicts) or may (checks), bucketed by slot.

    Each figure is compared only with the other telling's figures in its bucket
    (family, thing counted, period), so the work grows with the figures of one
    slot, not with every pair of numbers in two pasted logs.
    """
    figs_a = a.figures[: 2 * MAX_FIGURES]
    figs_b = b.figures[: 2 * MAX_FIGURES]
    index_a = _index(figs_a, frozenset(_starts(figs_b)))
    index_b = _index(figs_b, frozenset(_starts(figs_a)))
    implied_a, implied_b = _implied(figs_a), _implied(figs_b)
    said_a = {_said_key(f) for f in figs_a} | _bare_counts(figs_a)
    said_b = {_said_key(f) for f in figs_b} | _bare_counts(figs_b)
    crowded = _crowded(figs_a) | _crowded(figs_b)
    agreed_a = {
        id(f): _agrees_with_any(f, index_b, implied_b, work) for fs in index_a.values() for f in fs
    }
    agreed_b = {
        id(f): _agrees_with_any(f, index_a, implied_a, work) for fs in index_b.values() for f in fs
    }
    conflicts: list[Conflict] = []
    checks: list[Conflict] = []
    paired: set[tuple[int, int]] = set()
    contradicted: set[tuple[tuple[str, str, str | None, str], ...]] = set()
    checked: list[tuple[tuple[str, str, str | None, str], ...]] = []
    sides = (
        (index_a, index_b, agreed_a, agreed_b, said_a, said_b, False),
        (index_b, index_a, agreed_b, agreed_a, said_b, said_a, True),
    )
    for index_x, index_y, agreed_x, agreed_y, said_x, said_y, swapped in sides:
        reported: list[Figure] = []  # figures given a contradiction
        looked: list[Figure] = []  # and those given a check
        for key, fs in index_x.items():
            for fx in fs:
                if agreed_x[id(fx)]:
                    continue
                if any(_slot(fx, r) is not None and _restated(fx, r) for r in reported):
                    continue  # the same figure said twice in one telling is one finding
                sure: Figure | None = None
                unsure: Figure | None = None
                for fy in index_y.get(key, ()):
                    work[0] += 1
                    slot = _slot(fx, fy)
                    if slot is None or agreed_y[id(fy)]:
                        continue  # y's figure matches one in x: x merely says more
                    if _said_in(fx, said_y) and _said_in(fy, said_x):
                        continue  # both values are in both tellings: read in other roles
                    many = _group(fx) in crowded or _group(fy) in crowded
                    if (
                        slot == "same"
                        and not many
                        and _agreement(fx, fy) == "no"
                        # A time or a rate twenty times apart is two things, not one said
                        # two ways (1.2 s of latency and two weeks of work); counts of one
                        # named thing may be that far apart and still be one count.
                        and (_comparable(fx, fy) or fx.family == "count")
                    ):
                        sure = fy
                        break
                    if unsure is None and _comparable(fx, fy):
                        unsure = fy
                found = sure or unsure
                if found is None:
                    continue
                fa, fb = (found, fx) if swapped else (fx, found)
                if (id(fa), id(fb)) in paired:
                    continue
                values = (_said_key(fa), _said_key(fb))
                if sure is not None and not swapped:
                    company = fa.unit in _COMPANY_SIZE_UNITS and fa.measure != "crew"
                    # The size of the candidate's own group, told two ways, is which team.
                    crew = fa.measure == fb.measure == "crew"
                    kind = "company" if company else "team" if crew else "number"
                    conflicts.append(_figure_finding(kind, fa, fb, check=False))
                    contradicted.add(values)
                    reported.append(fx)
                elif (
                    sure is None
                    and len(checks) < _MAX_FIGURE_CHECKS
                    and not any(_slot(fx, r) is not None and _restated(fx, r) for r in looked)
                ):
                    checks.append(_figure_finding("number", fa, fb, check=True))
                    checked.append(values)
                    looked.append(fx)
                else:
                    continue
                paired.add((id(fa), id(fb)))
    ones = _results_of_one_change(figs_a, figs_b, crowded)
    ones += _saving_against_change(figs_a, figs_b, crowded)
    ones += [(fa, fb) for fb, fa in _saving_against_change(figs_b, figs_a, crowded)]
    ones += _factor_against_change(figs_a, figs_b, crowded)
    ones += [(fa, fb) for fb, fa in _factor_against_change(figs_b, figs_a, crowded)]
    ones += _fraction_against_change(figs_a, figs_b, crowded)
    ones += [(fa, fb) for fb, fa in _fraction_against_change(figs_b, figs_a, crowded)]
    for fa, fb in ones:
        values = (_said_key(fa), _said_key(fb))
        if agreed_a[id(fa)] or agreed_b[id(fb)] or values in contradicted:
            continue
        if any(c.a_span == (fa.start, fa.end) for c in conflicts):
            continue  # already shown against another of b's figures
        conflicts.append(_figure_finding("number", fa, fb, check=False))
        contradicted.add(values)
    # The same two values already shown as a contradiction need no check as well.
    checks = [c for c, v in zip(checks, checked, strict=True) if v not in contradicted]
    conflicts.sort(key=lambda c: c.a_span)
    checks.sort(key=lambda c: c.a_span)
    return conflicts, checks


def _changes(figs: Sequence[Figure]) -> list[tuple[Figure, Figure]]:
    """Each result a telling gives, with the value it moved from: the nearest figure of the
    same kind before it, when that one is a starting point ('from 6.2%', 'took about four
    hours') and not a target, a limit, another result or a later reading."""
    out: list[tuple[Figure, Figure]] = []
    for k, result in enumerate(figs):
        if result.role != "after" or result.bound or result.low is not None:
            continue
        if result.family in ("plain", "multiplier"):
            continue
        key = _slot_key(result)
        # "After three months the average was down to 18 minutes": when the result was read
        # is no start of the change, nor is a span of the work in weeks ("I timed orders by
        # hand over two weeks") the start of a wait in minutes.
        start = next(
            (
                g
                for g in reversed(figs[:k])
                if _slot_key(g) == key and g.role != "timing" and not _other_scale(g, result)
            ),
            None,
        )
        if (
            start is None
            or start.role not in ("before", None)
            or start.bound
            # A later reading is not the change's own end, unless it is the only result told
            # ("after three months the average was down to 18 minutes").
            or (start.when != result.when and not _only_result(start, result, figs))
            or start.low is not None
            or (start.measures and result.measures and not start.measures & result.measures)
        ):
            continue
        if result.value > start.value and (
            result.measures & _WORSE_WHEN_UP or (not result.measures and result.family == "time")
        ):
            # "p99 went from 300 ms to 2.1 s": a rise of what is bad when high tells the
            # problem, and its start is the system's normal, which other stories about the
            # same system share.
            continue
        out.append((start, result))
    return out


def _only_result(start: Figure, result: Figure, figs: Sequence[Figure]) -> bool:
    """A start said plainly and a result read later, no other result of its kind told."""
    if start.when is not None or result.when != "later":
        return False
    key = _slot_key(result)
    return not any(g.role == "after" and g is not result and _slot_key(g) == key for g in figs)


def _other_scale(g: Figure, result: Figure) -> bool:
    """Two times fifty times apart or more: weeks against minutes measure two things."""
    if g.family != "time" or not g.value or not result.value:
        return False
    return max(g.value, result.value) >= 50 * min(g.value, result.value)


_WORSE_WHEN_UP = frozenset(
    {"p99.9", "p99", "p95", "p90", "p50", "latency", "turnaround", "errors", "cost", "tickets",
     "build", "churn", "memory", "cpu", "pages", "timeouts", "crashes", "incidents", "backlog"}
)  # fmt: skip


def _said_anywhere(f: Figure, figs: Sequence[Figure]) -> bool:
    """The same value stated anywhere in the other telling; a limit or a timing ("within
    two months") states no value, only a bound."""
    key = _slot_key(f)
    return any(
        _slot_key(g) == key
        and not g.bound
        and g.role not in _UNCOMPARED_ROLES
        and _agreement(f, g) == "yes"
        for g in figs
    )


def _results_of_one_change(
    figs_a: Sequence[Figure], figs_b: Sequence[Figure], crowded: set[tuple[object, ...]]
) -> list[tuple[Figure, Figure]]:
    """Results that contradict because both tellings start the change from one value.

    "Scrap came down from 6.2% to 1.9%" and "scrap dropped from about six percent to three
    and a half": the start agrees, so the two ends are the one result of the one change,
    even where neither clause names the measure and their words differ. Starting values
    that agree by chance belong to two different changes only when the tellings name two
    different measures, which is checked.
    """
    found: list[tuple[Figure, Figure]] = []
    changes_b = _changes(figs_b)
    for start_a, result_a in _changes(figs_a):
        for start_b, result_b in changes_b:
            if _slot_key(result_a) != _slot_key(result_b):
                continue
            if _said_anywhere(result_a, figs_b) or _said_anywhere(result_b, figs_a):
                continue  # one telling gives both: a first result and a later one
            if (
                result_a.measures
                and result_b.measures
                and not result_a.measures & result_b.measures
            ):
                continue
            if _group(result_a) in crowded or _group(result_b) in crowded:
                continue
            if _agreement(start_a, start_b) != "yes":
                continue
            ends = _agreement(result_a, result_b)
            if ends == "no" or (
                ends == "near" and _sizes_apart(start_a, start_b, result_a, result_b)
            ):
                found.append((result_a, result_b))
    return found


def _sizes_apart(start_a: Figure, start_b: Figure, result_a: Figure, result_b: Figure) -> bool:
    """From one start said alike, two ends a hedge might cover are still two changes when the
    changes differ by more than a third: 'from forty-eight to thirty-one minutes' against
    'from forty-eight minutes to about thirty-eight' is 17 minutes saved against 10. Not a
    share and its complement (2.3% failing is 97.7% succeeding), nor ends said as ranges."""
    if result_a.low is not None or result_b.low is not None:
        return False
    if abs(start_a.value - start_b.value) > 0.02 * max(start_a.value, start_b.value):
        return False
    drop_a, drop_b = abs(start_a.value - result_a.value), abs(start_a.value - result_b.value)
    big = max(drop_a, drop_b)
    return big > 0 and abs(drop_a - drop_b) > big / 3


def _saving_against_change(
    figs_a: Sequence[Figure], figs_b: Sequence[Figure], crowded: set[tuple[object, ...]]
) -> list[tuple[Figure, Figure]]:
    """A change told by its two ends in one telling and by its size in the other, from one
    start: 'from about forty minutes down to fifteen' against 'it used to run about forty
    minutes, and the sheet saved us fifteen', which is a change of 25 against one of 15.

    Only where the second telling gives the start and the size and no end of its own, the
    first gives no size, and the amounts are times, money or counts (a change in a share
    may be in points or relative, so it is left to the readings that say which)."""
    found: list[tuple[Figure, Figure]] = []
    for start, result in _changes(figs_a):
        if result.family not in ("time", "money", "count", "rate"):
            continue
        key = _slot_key(result)
        if _group(result) in crowded:
            continue
        if any(f.role == "delta" and _slot_key(f) == key for f in figs_a):
            continue
        if any(f.role == "after" and _slot_key(f) == key for f in figs_b):
            continue
        sizes = [f for f in figs_b if f.role == "delta" and _slot_key(f) == key]
        starts = [f for f in figs_b if _slot_key(f) == key and _agreement(f, start) == "yes"]
        if len(sizes) != 1 or not starts:
            continue
        size = sizes[0]
        told = replace(size, value=abs(start.value - result.value), hedged=start.hedged)
        if _agreement(size, told) == "no":
            found.append((result, size))
    return found


_FACTOR_REACH = 120
"""How far after the start a factor may be said and still be its change (characters)."""
_FACTOR = re.compile(
    r"\b(?:halved|doubled|tripled|quadrupled|in half|by half|to (?:a |one )?(?:half|third|"
    r"quarter|fifth)|(?:two|three|four|five|ten|\d+)\s*(?:x|times)\s+(?:faster|quicker|"
    r"shorter|less|fewer|more|higher|lower|smaller|bigger))\b",
    re.I,
)
"""A factor said as the change itself ('we halved that', 'cut it to a quarter', 'three
times faster'), not a comparison of another thing ('the ops team handled 3x the
volume')."""


def _factor_against_change(
    figs_a: Sequence[Figure], figs_b: Sequence[Figure], crowded: set[tuple[object, ...]]
) -> list[tuple[Figure, Figure]]:
    """A change told by its two ends in one telling and as a factor of its start in the
    other: 'rejections fell from 6% to 2%' against 'from roughly six in a hundred, we cut
    that in half', which ends at 3%. A factor is relative whatever is measured, so shares
    count here, unlike a change 'by' some percent (points or relative).

    Only where the second telling gives the start, one factor after it and no end of its
    own. A factor above one against a fall is read as 'N times less' ('three times faster'
    is a third of the time)."""
    found: list[tuple[Figure, Figure]] = []
    factors = [
        f
        for f in figs_b
        if f.family == "multiplier" and f.role == "delta" and f.value and _FACTOR.search(f.quote)
    ]
    if len(factors) != 1:
        return found
    factor = factors[0]
    for start, result in _changes(figs_a):
        key = _slot_key(result)
        if _group(result) in crowded or any(
            f.role == "after" and _slot_key(f) == key for f in figs_b
        ):
            continue
        starts = [
            f
            for f in figs_b
            if _slot_key(f) == key
            and _agreement(f, start) == "yes"
            and 0 < factor.start - f.end <= _FACTOR_REACH
        ]
        if len(starts) != 1:
            continue
        times = factor.value
        if times > 1 and result.value < start.value:
            times = 1 / times  # "three times faster": a third of the time
        implied = replace(result, value=starts[0].value * times, hedged=True)
        if _agreement(result, implied) == "no":
            found.append((result, factor))
    return found


_FRACTION_CUT = re.compile(
    r"\bby (?:about |around |roughly |nearly |almost |more than |over |just over |just under )?"
    r"(?:(?:a|one|two)[\s\-](?:third|quarter|fifth)s?|half)\b",
    re.I,
)
"""A change said as a fraction of where it began ('cut night falls by about a third'): a
share of the start, never points, whatever is measured."""


def _fraction_against_change(
    figs_a: Sequence[Figure], figs_b: Sequence[Figure], crowded: set[tuple[object, ...]]
) -> list[tuple[Figure, Figure]]:
    """The one change a telling tells by its two ends, against the other telling's one
    change said as a fraction of its start: 'from one in five to one in ten' is a cut by
    half, not 'by about a third'. Only where the second telling gives no ends of its own
    and each side tells one such change, so the two are one change told twice; the sizes
    must differ by more than a hedge covers (a third of the larger, and 12 points)."""
    fractions = [
        f
        for f in figs_b
        if f.family == "percent" and f.role == "delta" and _FRACTION_CUT.search(f.quote)
    ]
    changes = _changes(figs_a)
    if len(fractions) != 1 or len(changes) != 1 or _changes(figs_b):
        return []
    if any(f.role == "after" for f in figs_b):
        return []
    (start, result), cut = changes[0], fractions[0]
    if _group(result) in crowded or not start.value:
        return []
    if result.measures and cut.measures and not result.measures & cut.measures:
        return []
    told, said = abs(start.value - result.value) / start.value, cut.value / 100
    if abs(told - said) > 0.12 and min(told, said) < 0.7 * max(told, said):
        return [(result, cut)]
    return []


def _figure_finding(kind: str, fa: Figure, fb: Figure, check: bool) -> Conflict:
    return Conflict(
        kind,
        fa.quote,
        fb.quote,
        fa.source,
        fb.source,
        _subject(fa),
        (fa.start, fa.end),
        (fb.start, fb.end),
        check,
    )


def _fact_finding(kind: str, fa: Fact, fb: Fact, subject: str, check: bool = False) -> Conflict:
    return Conflict(
        kind,
        fa.quote,
        fb.quote,
        fa.source,
        fb.source,
        subject,
        (fa.start, fa.end),
        (fb.start, fb.end),
        check,
    )


def _fact_conflicts(
    a: Facts, b: Facts, kind: str, report: str, subject: str, check: bool = False
) -> list[Conflict]:
    va = {f.value: f for f in a.of(kind)}
    vb = {f.value: f for f in b.of(kind)}
    if not va or not vb or set(va) & set(vb):
        return []
    fa = next(iter(va.values()))
    fb = next(iter(vb.values()))
    if check and kind in ("quarter", "month", "season", "event"):
        # A date is a contradiction only when both date the same event.
        same = [(x, y) for x in va.values() for y in vb.values() if _same_event(x, y)]
        if same:
            return [_fact_finding(report, *same[0], subject)]
    return [_fact_finding(report, fa, fb, subject, check)]


_NOT_THE_LEAD = re.compile(r"\b(?:one of|sole|only|just|individual contributor|one-person)\b", re.I)


def _engineer_and_lead(a: Facts, b: Facts) -> bool:
    """'I was a senior engineer' against 'I was the tech lead': both are often true of one
    person in one project, so it is worth a check, not a contradiction. 'One of the
    engineers' or 'an individual contributor' does say the candidate was not the lead."""
    va, vb = {f.value for f in a.of("role")}, {f.value for f in b.of("role")}
    for plain, lead in ((a, vb), (b, va)):
        members = plain.of("role")
        if (
            lead == {"lead"}
            and {f.value for f in members} == {"member"}
            # Only a title the candidate gives themselves: "our tech lead, Priya, drove it"
            # says the lead was someone else.
            and all(re.match(r"(?:I|as)\b", f.quote, re.I) for f in members)
            and not any(_NOT_THE_LEAD.search(f.quote) for f in members)
        ):
            return True
    return False


_I_WAS_TITLE = re.compile(r"(?:I was|I'm|I am|as)\b", re.I)


def _high_rank(facts: Facts) -> list[Fact]:
    """Facts that the candidate led or managed: a role, a team led, or a title the candidate
    gives themselves that manages people ('I was the shift lead, responsible for six')."""
    said = [f for f in facts.of("position") if f.value == position.PEOPLE]
    return (
        [f for f in facts.of("role") if f.value in ("manager", "lead")]
        + facts.of("led-team")
        + [f for f in said if _I_WAS_TITLE.match(f.quote)]
    )


def _rank_conflicts(a: Facts, b: Facts, swap: bool = False) -> list[Conflict]:
    """A junior or an intern in one telling, managing people or leading a team in the other.

    Only when each telling is one-sided: "as a junior engineer I led the project team"
    says both, and is not held against a telling that says one of them.
    """
    low = [f for f in a.of("level") if f.value in ("junior", "intern")]
    high_a, high = _high_rank(a), _high_rank(b)
    if not low or high_a or not high or any(f.value in ("junior", "intern") for f in b.of("level")):
        return []
    fa, fb = (high[0], low[0]) if swap else (low[0], high[0])
    return [_fact_finding("role", fa, fb, "role")]


def _title_conflicts(a: Facts, b: Facts) -> list[Conflict]:
    """'Assistant store manager' and 'store manager': one title, one telling a rank below.

    Only when the telling without the lower rank never says it either (a promotion told
    inside one telling, "from assistant manager to manager", is not a conflict).
    """

    def ranks(facts: Facts, head: str) -> set[bool]:
        return {bool(set(f.value.split()) & _BELOW) for f in facts.of("title") if
                f.value.split()[-1] == head}  # fmt: skip

    for fa in a.of("title"):
        for fb in b.of("title"):
            wa, wb = fa.value.split(), fb.value.split()
            if wa[-1] != wb[-1] or len(ranks(a, wa[-1])) > 1 or len(ranks(b, wb[-1])) > 1:
                continue
            ha, hb = set(wa) - _BELOW, set(wb) - _BELOW
            if bool(set(wa) & _BELOW) != bool(set(wb) & _BELOW) and (ha <= hb or hb <= ha):
                return [_fact_finding("role", fa, fb, "role")]
    return []


def _tiers(facts: Facts) -> list[Fact]:
    """The telling's position facts, with the role and level facts that say a tier."""
    managing = [replace(f, value=position.PEOPLE) for f in facts.of("role") if f.value == "manager"]
    interning = [
        replace(f, value=position.STUDENT) for f in facts.of("level") if f.value == "intern"
    ]
    tiers = facts.of("position") + managing + interning
    if tiers:
        return tiers
    # "The quota was on my own head as a senior account executive": with nothing else to go
    # on, a title the candidate gives themselves says its tier.
    return [
        replace(f, value=tier) for f in facts.of("title") if (tier := position.tier_of(f.value))
    ]


def _position_conflicts(a: Facts, b: Facts) -> list[Conflict]:
    """Each telling puts the candidate in one tier, and no one holds both at once
    (``scoring.position``): a student against an employee, a manager of people against
    someone who manages no one. A telling that names two tiers (a promotion, "an analyst
    then, now a manager") is held against nothing."""
    # "I was managing the sales team", "four analysts reporting to me": a manager of people;
    # "as an intern on the QA team": a student.
    pa, pb = _tiers(a), _tiers(b)
    if len({f.value for f in pa}) != 1 or len({f.value for f in pb}) != 1:
        return []
    if not position.clash(pa[0].value, pb[0].value):
        return []
    return [_fact_finding("role", pa[0], pb[0], "role")]


def _within(short: list[str], long: list[str]) -> bool:
    """Each word of one team's name is in the other's, shortens one of them, or is one of
    them with another ending ('bidding' and 'bidder', 'market' and 'marketing')."""
    return all(any(abbreviates(w, x) or _one_stem(w, x) for x in long) for w in short)


def _one_stem(a: str, b: str) -> bool:
    """Two words that share a stem of four letters or more, most of the shorter one."""
    common = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    return common >= 4 and common >= 0.6 * min(len(a), len(b))


def _own_title_conflicts(a: Facts, b: Facts) -> list[Conflict]:
    """Each telling gives the candidate one title, of one head noun and different words
    before it: 'I was the watch manager of Blue Watch' against 'I was the station
    manager'. Titles the other contains ('manager', 'night manager' against 'night duty
    manager') may be one said shorter, and are left alone."""
    ta = {f.value: f for f in a.of("own-title")}
    tb = {f.value: f for f in b.of("own-title")}
    if len(ta) != 1 or len(tb) != 1:
        return []
    (va, fa), (vb, fb) = next(iter(ta.items())), next(iter(tb.items()))
    wa, wb = va.replace("-", " ").split(), vb.replace("-", " ").split()
    if wa == wb or wa[-1] != wb[-1] or len(wa) < 2 or len(wb) < 2:
        return []
    if _within(wa, wb) or _within(wb, wa):
        return []  # 'ops coordinator' and 'operations coordinator'; one said shorter
    return [_fact_finding("role", fa, fb, "role")]


def _title_line_conflicts(a: Facts, b: Facts, swap: bool = False) -> list[Conflict]:
    """The candidate holds a title in one telling that the other gives someone above or
    below them: 'I am the assistant property manager' against 'Joel, the assistant property
    manager under me'; 'I was the team leader for 12 agents' against 'Marta, our team
    leader'. Titles of two words or more only ('my manager, Deepa' says little of a
    manager's own title), and neither telling may say both."""
    own_b = {f.value for f in b.of("own-title")}
    others_a = {t for f in a.of("others-title") for t in f.about}
    for fa in a.of("own-title"):
        if len(fa.value.split()) < 2 or fa.value in others_a:
            continue
        for fb in b.of("others-title"):
            if fa.value in fb.about and fa.value not in own_b:
                pair = (fb, fa) if swap else (fa, fb)
                return [_fact_finding("role", *pair, "role")]
    return []


def _reporting_conflicts(a: Facts, b: Facts) -> list[Conflict]:
    """The candidate above a named person in one telling and below them in the other."""
    for fa in a.of("reports"):
        for fb in b.of("reports"):
            if fa.about == fb.about and fa.value != fb.value:
                return [_fact_finding("role", fa, fb, "who reported to whom")]
    return []


def _team_conflicts(a: Facts, b: Facts) -> list[Conflict]:
    """'Operations' and 'clinical operations' are one team said shorter, as are 'ops' and
    'operations'; 'payments' and 'search' are two."""
    ta, tb = a.of("team"), b.of("team")
    if not ta or not tb:
        return []
    for fa in ta:
        for fb in tb:
            wa, wb = fa.value.split(), fb.value.split()
            if _within(wa, wb) or _within(wb, wa):
                return []
    return [_fact_finding("team", ta[0], tb[0], "team")]


def _company_conflicts(a: Facts, b: Facts) -> list[Conflict]:
    """'Northwind' and 'Northwind Logistics' are one company; 'Acme' and 'Globex' are not."""
    ca, cb = a.of("company"), b.of("company")
    if not ca or not cb:
        return []
    if any(f.value.split()[0] in b.names for f in ca) and any(
        f.value.split()[0] in a.names for f in cb
    ):
        # "At Birmingham" and "at Skylane Handling", each telling saying both: a place and
        # an employer. One telling naming both ("back at Voltaic, before I moved to
        # Chargewell") still places the story at another employer than the other does.
        return []
    sites_a, sites_b = {f.value for f in a.of("site")}, {f.value for f in b.of("site")}
    if any(f.value.split()[0] in sites_b for f in ca) or any(
        f.value.split()[0] in sites_a for f in cb
    ):
        return []  # "at Wakefield" in one, "the Wakefield hub" of Dales Express in the other
    for fa in ca:
        wa = set(fa.value.split())
        for fb in cb:
            wb = set(fb.value.split())
            if wa <= wb or wb <= wa or fa.value.split()[0] == fb.value.split()[0]:
                return []
    return [_fact_finding("company", ca[0], cb[0], "company")]


def _later_employer_conflicts(a: Facts, b: Facts, swap: bool = False) -> list[Conflict]:
    """One telling sets the story before the candidate joined an employer ('at my previous
    brokerage, before I joined Harbor & Vine'); the other sets it at that employer."""
    for fa in a.of("later-employer"):
        first = fa.value.split()[0]
        if any(f.value.split()[0] == first for f in a.of("company")):
            continue  # the telling itself places the story there too
        for fb in b.of("company"):
            if fb.value.split()[0] == first:
                pair = (fb, fa) if swap else (fa, fb)
                return [_fact_finding("company", *pair, "company")]
    return []


def _org_conflicts(a: Facts, b: Facts) -> list[Conflict]:
    """One kind of organisation named differently and only once each: 'our client was
    Greenfield Homes' against 'it is Ashdown Homes' development'. Neither telling may
    mention the other's (a story with two banks in it names both), and each names one
    organisation of that kind."""
    for fa in a.of("org"):
        same_a = {f.value for f in a.of("org") if f.about == fa.about}
        same_b = {f.value for f in b.of("org") if f.about == fa.about}
        if len(same_a) != 1 or len(same_b) != 1 or same_a == same_b:
            continue
        fb = next(f for f in b.of("org") if f.about == fa.about)
        if set(fa.value.split()) & b.names or set(fb.value.split()) & a.names:
            continue
        return [_fact_finding("company", fa, fb, "organisation")]
    return []


def _outside(year: int, bound: str) -> bool:
    return year <= 2020 if bound == "after 2020" else year >= 2020


def _bound_conflicts(a: Facts, b: Facts, swap: bool = False) -> list[Conflict]:
    """'December 2019' against 'just after the travel restrictions had lifted': a stated
    year on the wrong side of a bound the other telling sets by the pandemic. Every year
    the first telling states must fall outside, and it may set no bound of its own."""
    years = a.of("year")
    if not years or a.of("year-bound"):
        return []
    for fb in b.of("year-bound"):
        if all(_outside(int(f.value), fb.value) for f in years):
            pair = (fb, years[0]) if swap else (years[0], fb)
            return [_fact_finding("date", *pair, "when")]
    return []


def _year_conflicts(a: Facts, b: Facts) -> list[Conflict]:
    """Years disagree: exact for two stated years; relative ones ('last spring') allow slack."""
    ya = a.of("year") + a.of("year~")
    yb = b.of("year") + b.of("year~")
    if not ya or not yb:
        return []
    for fa in ya:
        for fb in yb:
            slack = 0 if fa.kind == fb.kind == "year" else (1 if fa.kind == fb.kind else 2)
            if abs(int(fa.value) - int(fb.value)) <= slack:
                return []
    return [_fact_finding("date", ya[0], yb[0], "when")]


def _quarters(facts: Facts) -> set[str]:
    """The quarters a telling's quarters and months fall in ('in October' is Q4)."""
    said = {f.value for f in facts.of("quarter")}
    return said | {_MONTH_QUARTER[f.value] for f in facts.of("month")}


def _one_quarter_each(a: Facts, b: Facts) -> bool:
    """Each telling dates the story to one quarter, and not the same one: 'Q4, just before
    Black Friday' against 'a push in Q2'. A telling that names two quarters (a start and
    an end) or a recurrence is a check only."""
    qa, qb = _quarters(a), _quarters(b)
    dates = a.of("quarter") + a.of("month") + b.of("quarter") + b.of("month")
    told = (_AGAIN, _AHEAD_MARK)
    return (
        len(qa) == 1
        and len(qb) == 1
        and qa != qb
        and not any(mark in f.about for f in dates for mark in told)
        and not _two_moments(a.of("quarter") + a.of("month"), b.of("quarter") + b.of("month"))
    )


def _two_moments(dated_a: list[Fact], dated_b: list[Fact]) -> bool:
    """The two tellings' dates name what happened and share none of it: "started in March"
    against "finished in June" date two moments of one story, not one moment twice."""
    ea = {w for f in dated_a for w in f.about if w.startswith(_EVENT_STEMS)}
    eb = {w for f in dated_b for w in f.about if w.startswith(_EVENT_STEMS)}
    return bool(ea and eb and not ea & eb)


def _month_quarter_conflicts(a: Facts, b: Facts, swap: bool = False) -> list[Conflict]:
    """'In Q3' and 'in August' agree; 'in Q3' and 'in March' may not (a check)."""
    quarters = a.of("quarter")
    months = b.of("month")
    if not quarters or not months or b.of("quarter"):
        return []
    if {q.value for q in quarters} & {_MONTH_QUARTER[m.value] for m in months}:
        return []
    fa, fb = quarters[0], months[0]
    check = not _same_event(fa, fb)
    if swap:
        return [_fact_finding("date", fb, fa, "when", check)]
    return [_fact_finding("date", fa, fb, "when", check)]


def _month_season_checks(a: Facts, b: Facts, swap: bool = False) -> list[Conflict]:
    """'The build-up to Black Friday' (November) against 'that heatwave summer': a month
    outside the season's months, each telling dating the story once. Seasons turn over
    south of the equator, so it is only ever a check."""
    months, seasons = a.of("month"), b.of("season")
    if not months or not seasons or b.of("month") or a.of("season"):
        return []
    if len({m.value for m in months}) != 1 or len({f.value for f in seasons}) != 1:
        return []
    fm, fs = months[0], seasons[0]
    if month_number(fm.value) in SEASON_MONTHS[fs.value]:
        return []
    if any(mark in f.about for f in (fm, fs) for mark in (_AGAIN, _AHEAD_MARK)) or any(
        re.search(r"\b(?:following|next|later|after)\b", f.quote, re.I) for f in (fm, fs)
    ):
        return []  # "the following summer": a later event of the story, not its date
    if swap:
        return [_fact_finding("date", fs, fm, "when", True)]
    return [_fact_finding("date", fm, fs, "when", True)]


def _season_quarter_conflicts(a: Facts, b: Facts, swap: bool = False) -> list[Conflict]:
    """'In Q2 2023' against 'in the fall of 2023': a quarter and a season that share no
    month. Seasons turn over south of the equator, so only 'fall', which is American, is
    sure; another season is a check."""
    quarters, seasons = a.of("quarter"), b.of("season")
    if not quarters or not seasons or b.of("quarter") or a.of("season"):
        return []
    if len({q.value for q in quarters}) != 1 or len({f.value for f in seasons}) != 1:
        return []
    fq, fs = quarters[0], seasons[0]
    if QUARTER_MONTHS[fq.value] & SEASON_MONTHS[fs.value]:
        return []
    marked = any(mark in f.about for f in (fq, fs) for mark in (_AGAIN, _AHEAD_MARK))
    sure = "fall" in fs.quote.lower() and _same_event(fq, fs) and not marked
    if swap:
        return [_fact_finding("date", fs, fq, "when", not sure)]
    return [_fact_finding("date", fq, fs, "when", not sure)]


def _window(f: Fact) -> frozenset[int]:
    """The months a date fact allows (empty for a date that says no time of year)."""
    if f.kind == "month":
        return frozenset({month_number(f.value)})
    if f.kind == "quarter":
        return QUARTER_MONTHS[f.value]
    if f.kind == "season":
        return SEASON_MONTHS[f.value]
    return EVENT_MONTHS.get(f.value, frozenset())


_LATER_WORD = re.compile(r"\b(?:following|next|later|after|by|until|since)\b", re.I)


def _story_window(facts: Facts) -> tuple[frozenset[int], bool] | None:
    """The months a telling dates its story to, and whether the climate says it (a season
    or a heatwave, which turn over with the hemisphere). None when the telling dates
    nothing, or dates moments too far apart to be one time of year ('started in March,
    live by the autumn'), or dates a recurrence or something ahead."""
    dated = _dated(facts)
    if not dated:
        return None
    if any(_AGAIN in f.about or _AHEAD_MARK in f.about for f in dated) or any(
        _LATER_WORD.search(f.quote) for f in dated
    ):
        return None
    months = frozenset().union(*(_window(f) for f in dated))
    if arc(months) > 5:
        return None
    climate = any(f.kind == "season" or f.value in WEATHER for f in dated)
    return months, climate


def _dated(facts: Facts) -> list[Fact]:
    """A telling's dates that say a time of year, months and quarters first."""
    told = facts.of("month") + facts.of("quarter") + facts.of("season") + facts.of("event")
    return [f for f in told if _window(f)]


def _southern(facts: Facts) -> bool:
    return bool(facts.of("hemisphere"))


def _window_conflicts(a: Facts, b: Facts, southern: bool) -> list[Conflict]:
    """Two tellings that date one story to times of year apart: 'January 2020' against 'the
    run-up to Christmas', 'over the Easter weekend' against 'right before Christmas',
    'just after New Year' against 'in peak summer'. Only where a holiday, a season or the
    weather says one side (month against month and quarter against quarter are read
    above). A window read from the climate is loose at its edges, so it must lie a month
    clear of the other; and south of the equator seasons turn over, so there it is a check."""
    wa, wb = _story_window(a), _story_window(b)
    if wa is None or wb is None:
        return []
    kinds = {f.kind for f in a.of("season") + a.of("event") + b.of("season") + b.of("event")}
    if not kinds:
        return []
    (ma, ca), (mb, cb) = wa, wb
    if ma & mb or ((ca or cb) and gap(ma, mb) < 1):
        return []
    dated_a, dated_b = _dated(a), _dated(b)
    if _two_moments(dated_a, dated_b):
        return []
    return [_fact_finding("date", dated_a[0], dated_b[0], "when", (ca or cb) and southern)]


_EVENT_STEMS = (
    "launch", "ship", "releas", "start", "began", "begin", "kick", "finish", "complet",
    "migrat", "mov", "cut", "deploy", "roll", "live", "outage", "incident", "pilot", "sign", "join",
    "hir", "promot", "freez", "peak", "deadline", "switch", "retir", "sunset", "fail",
    "broke", "crash", "went down", "happen",
)  # fmt: skip


def _same_event(a: Fact, b: Fact) -> bool:
    """Two dates are of one event when their clauses share a word naming what happened
    ('launched', 'the outage'), and neither is told as a recurrence."""
    if _AGAIN in a.about or _AGAIN in b.about:
        return False
    if _SETTING in a.about and _SETTING in b.about:
        return True
    return any(w.startswith(_EVENT_STEMS) for w in a.about & b.about)


def _agency_conflicts(a: Facts, b: Facts, kind: str, subject: str) -> list[Conflict]:
    """Who decided / who started it: the candidate in one telling, someone else in the other,
    about one thing, and neither telling also gives that thing to the other side.

    "The idea was my manager's; I suggested starting with one city" gives the idea to the
    manager and a part of the plan to the candidate: against "I pitched it", the idea
    still conflicts, because the candidate's own claim there is about something else.
    """

    def related(x: Fact, y: Fact) -> bool:
        # One account of one decision or piece of work: the same thing named, or one side
        # speaking of the work as a whole ('nobody asked me', 'assigned it to me').
        if (ENDING_CALL in x.about) != (ENDING_CALL in y.about):
            return False  # a call to end the work is not an account of who drove it
        return not x.about or not y.about or bool(x.about & y.about)

    def on(g: Fact, thing: frozenset[str]) -> bool:
        # A claim about the contested thing itself, or about the work as a whole.
        return (ENDING_CALL in g.about) == (ENDING_CALL in thing) and (
            not g.about or not thing or bool(g.about & thing)
        )

    fa_all, fb_all = a.of(kind), b.of(kind)
    for fa in fa_all:
        for fb in fb_all:
            if fa.value == fb.value or not related(fa, fb):
                continue
            # What the two claims are both about: "pilot" in "I decided to pilot a web form"
            # and "Paul decided we should pilot something simple". A telling that gives
            # that to both sides says both; a claim of the other side about something else
            # in it ("I chose the two buildings") does not take it back.
            # One side speaking of the work as a whole contests what the other names.
            thing = fa.about & fb.about if fa.about and fb.about else fa.about | fb.about
            if any(g.value == fb.value and on(g, thing) for g in fa_all):
                continue
            if any(g.value == fa.value and on(g, thing) for g in fb_all):
                continue
            return [_fact_finding("agency", fa, fb, subject)]
    return []


def _crossed_agency(a: Facts, b: Facts, swap: bool = False) -> list[Conflict]:
    """The candidate's idea or call in one telling, somebody else's decision or order in
    the other, about one named thing, and no telling gives the other side any part of it:
    "it was my idea to put lockers in" against "our area manager had decided all the stores
    would get lockers"; "I decided we had to move the counter" against "she told me to
    move it". Each telling alone is a whole account of who drove the work, and the two
    accounts cannot both be the candidate's."""
    told_a = a.of("decided") + a.of("started")
    told_b = b.of("decided") + b.of("started")
    mine = [f for f in told_a if f.value == "candidate"]
    theirs = [f for f in told_b if f.value != "candidate"]
    for fa in mine:
        for fb in theirs:
            if not (fa.about & fb.about) or (ENDING_CALL in fa.about) != (ENDING_CALL in fb.about):
                continue
            thing = fa.about | fb.about

            def near(g: Fact, thing: frozenset[str] = thing) -> bool:
                # A part given to the other side: of this thing, or of the work as a whole.
                # "The CFO asked me to find savings" is another piece of the story than
                # "consolidating the tools was my proposal".
                return not g.about or bool(g.about & thing)

            if any(g.value != "candidate" and near(g) for g in told_a):
                continue
            if any(g.value == "candidate" and near(g) for g in told_b):
                continue
            fx, fy = (fb, fa) if swap else (fa, fb)
            return [_fact_finding("agency", fx, fy, "who drove it")]
    return []


def judge_facts(
    a: Facts, b: Facts, work: list[int] | None = None
) -> tuple[list[Conflict], list[Conflict]]:
    """(contradictions, checks) between two tellings of one story.

    A contradiction is a difference a careful interviewer would hold against
    the candidate: the same slot, values apart after tolerance. A check is a
    difference worth a look but not a verdict: the slot is unsure, or the
    values are near, or a month or a kind of company differs (two events of one
    story can fall in different months). ``work``, when given, counts the
    figure comparisons made (its first item), so tests can bound the work.
    """
    tally = work if work is not None else [0]
    conflicts, checks = _figure_findings(a, b, tally)
    conflicts += _fact_conflicts(a, b, "level", "role", "level")
    roles = _fact_conflicts(a, b, "role", "role", "role")
    if roles and _engineer_and_lead(a, b):
        checks += [replace(c, check=True) for c in roles]
    else:
        conflicts += roles
    conflicts += _rank_conflicts(a, b) + _rank_conflicts(b, a, swap=True)
    conflicts += _title_conflicts(a, b)
    if not any(c.kind == "role" for c in conflicts):
        conflicts += _position_conflicts(a, b)
    if not any(c.kind == "role" for c in conflicts):
        conflicts += _reporting_conflicts(a, b)
    if not any(c.kind == "role" for c in conflicts):
        conflicts += _title_line_conflicts(a, b) or _title_line_conflicts(b, a, swap=True)
    if not any(c.kind == "role" for c in conflicts):
        conflicts += _own_title_conflicts(a, b)
    conflicts += _team_conflicts(a, b)
    conflicts += _company_conflicts(a, b)
    if not any(c.kind == "company" for c in conflicts):
        conflicts += _later_employer_conflicts(a, b) or _later_employer_conflicts(b, a, swap=True)
    if not any(c.kind == "company" for c in conflicts):
        conflicts += _org_conflicts(a, b)
    kinds = [
        c
        for c in _fact_conflicts(a, b, "company-kind", "company", "kind of company", check=True)
        if not {_kind_word(c.a), _kind_word(c.b)} & _GENERIC_COMPANY
    ]
    checks += kinds
    conflicts += _year_conflicts(a, b)
    if not any(c.kind == "date" for c in conflicts):
        conflicts += _bound_conflicts(a, b) or _bound_conflicts(b, a, swap=True)
    dated = [*_fact_conflicts(a, b, "quarter", "date", "quarter", check=True)]
    if not dated:
        dated += _fact_conflicts(a, b, "month", "date", "month", check=True)
    if not dated:
        dated += _month_quarter_conflicts(a, b) + _month_quarter_conflicts(b, a, swap=True)
    if not dated:
        dated += _fact_conflicts(a, b, "season", "date", "season", check=True)
    if not dated:
        dated += _season_quarter_conflicts(a, b) + _season_quarter_conflicts(b, a, swap=True)
    if not dated:
        dated += _month_season_checks(a, b) + _month_season_checks(b, a, swap=True)
    dated += _fact_conflicts(a, b, "event", "date", "event", check=True)
    if all(d.check for d in dated):
        dated = _window_conflicts(a, b, _southern(a) or _southern(b)) or dated
    if (
        dated
        and all(d.check for d in dated)
        and (_one_quarter_each(a, b) or _opposite_seasons(a, b))
    ):
        dated = [replace(dated[0], check=False)]
    if not dated:
        dated += _tenure_conflicts(a, b)
    checks += [d for d in dated if d.check]
    conflicts += [d for d in dated if not d.check]
    conflicts += _agency_conflicts(a, b, "decided", "who decided")
    conflicts += _agency_conflicts(a, b, "started", "whose idea it was")
    if not any(c.kind == "agency" for c in conflicts):
        conflicts += _agency_conflicts(a, b, "found", "who found the problem")
    if not any(c.kind == "agency" for c in conflicts):
        conflicts += _agency_conflicts(a, b, "made", "who did the work")
    if not any(c.kind == "agency" for c in conflicts):
        conflicts += _crossed_agency(a, b) or _crossed_agency(b, a, swap=True)
    if a.outcome and b.outcome and a.outcome.value != b.outcome.value:
        oa, ob = a.outcome, b.outcome
        conflicts.append(
            Conflict(
                "outcome",
                f"{oa.value}: {oa.quote}",
                f"{ob.value}: {ob.quote}",
                oa.source,
                ob.source,
                "how it ended",
                (oa.start, oa.end),
                (ob.start, ob.end),
            )
        )
    if not any(c.kind == "outcome" for c in conflicts):
        conflicts += _fact_conflicts(a, b, "adoption", "outcome", "what became of the change")
    if not any(c.kind == "outcome" for c in conflicts):
        conflicts += _fact_conflicts(a, b, "schedule", "outcome", "when it went out")
    return conflicts, checks


_OPPOSITE = {"spring": "autumn", "autumn": "spring", "summer": "winter", "winter": "summer"}


def _opposite_seasons(a: Facts, b: Facts) -> bool:
    """Each telling dates the story to one season, half a year from the other's ('in the
    autumn term' against 'in the spring term'): one story cannot span both, unlike
    neighbouring seasons ('late autumn' and 'winter'), which stay a check."""
    sa = {"autumn" if f.value == "fall" else f.value for f in a.of("season")}
    sb = {"autumn" if f.value == "fall" else f.value for f in b.of("season")}
    if len(sa) != 1 or len(sb) != 1:
        return False
    return _OPPOSITE.get(next(iter(sa))) == next(iter(sb))


def compare_facts(a: Facts, b: Facts) -> list[Conflict]:
    """Where two tellings of one story state different values for the same thing.

    Callers decide first that the two are the same story (story_similarity);
    on two different stories every difference would look like a conflict.
    Only contradictions; ``judge_facts`` gives the checks too.
    """
    return judge_facts(a, b)[0]
