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
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from scoring.dispatch import compile_fast
from scoring.text import Rx, fold, negated_before, quantities

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
    "week": 604800,
    "weeks": 604800,
    "month": 2592000,
    "months": 2592000,
    "year": 31536000,
    "years": 31536000,
}
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
_MONEY_WORDS = {"dollars", "dollar", "usd", "euros", "euro", "pounds", "eur", "gbp"}
_PERCENT = {"%", "percent", "per cent", "percentage"}
_FILLER = {
    "of", "the", "our", "my", "their", "its", "a", "an", "more", "fewer", "less", "extra",
    "new", "other", "active", "paying", "additional", "separate", "different", "total",
    "per", "to", "and", "or", "in", "on", "at", "for", "from", "by", "with", "that",
    "them", "those", "these", "us", "it", "which", "who", "we", "they", "i", "he", "she",
    "was", "were", "is", "are", "had", "odd", "so",
}  # fmt: skip

MEASURES: tuple[tuple[str, str], ...] = (
    (r"p\s?99\.9|p999", "p99.9"),
    (r"p\s?99|99th", "p99"),
    (r"p\s?95|95th", "p95"),
    (r"p\s?90|90th", "p90"),
    (r"p\s?50|median", "p50"),
    (r"latenc\w*|response times?|load times?|page loads?|time to first", "latency"),
    (r"error rates?|errors?|5xx|failure rates?|failures|exceptions", "errors"),
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
)
_MEASURE_RES = [(re.compile(r"\b(?:" + p + r")\b", re.IGNORECASE), name) for p, name in MEASURES]
_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|roughly\s+|over\s+|nearly\s+)?$", re.I)
_AFTER = re.compile(
    r"\b(?:to|down to|up to|under|below|at|back to|now|reached|only|still|stayed at|"
    r"remained at|stuck at)\s+"
    r"(?:about\s+|around\s+|roughly\s+|just\s+|under\s+)?$",
    re.I,
)
_DELTA = re.compile(
    r"\b(?:by|cut|cuts|saved|saving|reduced|dropped|fell|rose|grew|jumped|climbed|declined|"
    r"increased|decreased|improved|lifted|boosted|shrank|went up|went down)\s+"
    r"(?:about\s+|around\s+|roughly\s+|over\s+|nearly\s+|almost\s+|by\s+)?$",
    re.I,
)
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
# "The saving came to $600K", "the reduction was 30%": the noun names a change, so the
# figure after it is a delta, whatever verb links them.
_DELTA_SUBJECT = re.compile(
    r"\b(?:savings?|reduction|improvement|gains?|uplift|speed-?up|decrease|drop|cut)\s+"
    r"(?:[\w\-]+\s+){0,3}?(?:was|were|is|came to|came in at|came out at|totall?ed|amounted to|"
    r"worked out (?:to|at)|of|at)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|"
    r"over\s+|just\s+(?:over\s+|under\s+)?)?$",
    re.I,
)
# "an annual saving of $600K", "the monthly bill was $40K": the period said before the noun.
_PERIOD_BEFORE = re.compile(
    r"\b(?P<p>annual|annuali[sz]ed|yearly|monthly|weekly|daily|quarterly)\s+"
    r"(?:[\w\-]+\s+){0,5}?$",
    re.I,
)
_PERIOD_ADJ = {
    "annual": "year", "annualised": "year", "annualized": "year", "yearly": "year",
    "monthly": "month", "weekly": "week", "daily": "day", "quarterly": "quarter",
}  # fmt: skip
_HEDGE = re.compile(
    r"\b(?:about|around|roughly|nearly|almost|approximately|over|more than|under|less than|"
    r"close to|some|~)\s*$",
    re.I,
)


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

    def of(self, kind: str) -> list[Fact]:
        return [f for f in self.facts if f.kind == kind]

    def merged(self, other: Facts) -> Facts:
        """One telling's facts from its main answer and follow-ups together."""
        outcome = self.outcome or other.outcome
        if self.outcome and other.outcome and self.outcome.value != other.outcome.value:
            outcome = None
        return Facts(self.figures + other.figures, self.facts + other.facts, outcome)


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

    def detail(self, a_label: str = "one telling", b_label: str = "the other") -> str:
        what = f"{self.subject}: " if self.subject else ""
        return f"{what}{self.a!r} in {a_label}, {self.b!r} in {b_label}"


_CONTEXT_STOP = {
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "from", "by", "with",
    "we", "i", "it", "our", "my", "was", "were", "is", "are", "that", "this", "about", "around",
    "roughly", "down", "up", "which", "then", "so", "had", "have", "be", "been", "after",
    "before", "just", "only", "over", "under", "nearly", "almost", "than", "more", "less",
}  # fmt: skip
_WORDS = re.compile(r"[a-z][a-z0-9'\-]*")


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _context(text: str, start: int, end: int) -> frozenset[str]:
    left = text[max(0, start - 50) : start].lower()
    right = text[end : end + 30].lower()
    left = re.split(r"[.;!?]", left)[-1]
    right = re.split(r"[.;!?]", right)[0]
    words = _WORDS.findall(left)[-5:] + _WORDS.findall(right)[:3]
    return frozenset(_stem(w) for w in words if w not in _CONTEXT_STOP)


_MEASURE_ANY = Rx(
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
    left = re.split(r"[.;!?]|\band\b|\bwhile\b|\bbut\b", left)[-1]
    before = _named(left)
    if before:
        found = frozenset(name for _, name in before)
        # "p99 latency": the percentile is the more specific measure.
        percentile = next((name for _, name in before if name in _PERCENTILES), None)
        return percentile or before[-1][1], found
    right = text[end : end + 40]
    right = re.split(r"[.;!?,]|\band\b", right)[0]
    after = _named(right)
    if after:
        return after[0][1], frozenset(name for _, name in after)
    return None, frozenset()


_PERIOD = re.compile(
    r"\S+(?:\s+[A-Za-z][\w\-]*){0,2}?\s*(?:\b(?:a|an|per|each|every)\s+(?P<p>day|week|"
    r"month|quarter|year)|/(?P<q>day|week|month|year|mo|yr)|\b(?P<r>daily|weekly|monthly|"
    r"quarterly|annually|yearly))\b",
    re.IGNORECASE,
)
_PER_YEAR = {"day": 365.0, "week": 52.0, "month": 12.0, "quarter": 4.0, "year": 1.0,
             "mo": 12.0, "yr": 1.0, "daily": 365.0, "weekly": 52.0, "monthly": 12.0,
             "quarterly": 4.0, "annually": 1.0, "yearly": 1.0}  # fmt: skip


def _unit_after(text: str, end: int) -> str:
    """The counted thing after a number, skipping 'of our', adjectives like 'active'."""
    window = re.split(r"[.;!?,:()]", text[end : end + 40])[0]
    words: list[str] = re.findall(r"[-\s]*([A-Za-z][A-Za-z'\-]*)", window)
    for w in words[:4]:
        lw = w.lower()
        if lw in _FILLER:
            continue
        return lw
    return ""


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("people"):
        return "person"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def figures(text: str, source: int = 0) -> list[Figure]:
    """Every quantity stated in ``text`` as a Figure (dates and levels excluded)."""
    return list(_figures(fold(text), source))


@lru_cache(maxsize=2048)
def _figures(text: str, source: int) -> tuple[Figure, ...]:
    out: list[Figure] = []
    for q in quantities(text):
        if q.kind != "number":
            continue
        value = q.value
        unit = q.unit
        end = q.end
        raw = q.text.lower()
        if unit in _SCALE and not raw.startswith(("$", "€", "£")):
            value *= _SCALE[unit]
            unit = _unit_after(text, end)
        if q.unit == "x" or raw.endswith(("x", "×")) or "times" in raw:
            family, unit = "multiplier", "x"
        elif raw.startswith(("$", "€", "£")) or unit in _MONEY_WORDS:
            family, unit = "money", "money"
        elif unit in _PERCENT or raw.endswith("%"):
            family, unit = "percent", "%"
        elif unit in TIME_UNITS:
            family = "time"
            value *= TIME_UNITS[unit]
            unit = "s"
        else:
            if not unit or not unit.isalpha() or unit in _FILLER:
                unit = _unit_after(text, end)
                if unit in _FILLER:
                    unit = ""
            if unit in TIME_UNITS:
                family, value, unit = "time", value * TIME_UNITS[unit], "s"
            elif unit in _PERCENT:
                family, unit = "percent", "%"
            elif unit:
                family, unit = "count", _singular(unit)
            else:
                family = "plain"
                # "from 40 minutes to 12": the second number takes the first one's unit.
                behind = _FROM_UNIT.search(text, max(0, q.start - 45), q.start)
                if behind and behind.group("u").lower() in TIME_UNITS:
                    family, unit = "time", "s"
                    value *= TIME_UNITS[behind.group("u").lower()]
                elif behind and behind.group("u").lower() in _PERCENT:
                    family, unit = "percent", "%"
        left = text[max(0, q.start - 25) : q.start]
        per = None
        period = _PERIOD.match(text, q.start, q.start + 60)
        if period and family in ("money", "count", "plain", "time"):
            key = (period.group("p") or period.group("q") or period.group("r")).lower()
            value *= _PER_YEAR[key]
            per = "year"
        elif family in ("money", "count"):
            clause = re.split(r"[.;!?,]|\band\b|\bbut\b", text[max(0, q.start - 50) : q.start])[-1]
            adjective = _PERIOD_BEFORE.search(clause)
            if adjective:
                value *= _PER_YEAR[_PERIOD_ADJ[adjective.group("p").lower()]]
                per = "year"
        role = None
        if re.match(r"\s+(?:more|extra|additional|other)\b", text[q.end : q.end + 12]) or re.search(
            r"\b(?:another|an? (?:extra|additional)|more)\s+$", left
        ):
            role = "delta"
        elif re.match(r"[\s\w\-]{0,25}\b(?:in total|total|altogether|overall)\b", text[q.end :]):
            role = "total"
        elif _DELTA_SUBJECT.search(text, max(0, q.start - 60), q.start):
            role = "delta"
        elif _BEFORE.search(left):
            role = "before"
        elif _AFTER.search(left):
            role = "after"
        elif (
            _DELTA.search(left)
            or family == "multiplier"
            or (family in ("percent", "money", "time") and _DELTA_AFTER.match(text, q.end))
        ):
            role = "delta"
        measure, measures = _measures(text, q.start, q.end)
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
                hedged=bool(_HEDGE.search(left)),
                quote=_quote(text, q.start, q.end),
                start=q.start,
                end=q.end,
                source=source,
            )
        )
    # "p99 went from 1.4s to 200ms": an unnamed figure inherits the measure just before it.
    for k in range(1, len(out)):
        prev, cur = out[k - 1], out[k]
        if (
            cur.measure is None
            and prev.measure is not None
            and prev.family == cur.family
            and not re.search(r"[.;!?]", text[prev.end : cur.start])
        ):
            out[k] = replace(cur, measure=prev.measure, measures=prev.measures)
    return tuple(out)


def _quote(text: str, start: int, end: int) -> str:
    """The number with a few words either side, as an interviewer would jot it."""
    left = text[max(0, start - 40) : start]
    left = re.split(r"[.;!?,:]\s", left)[-1]
    left_words = left.split()[-4:]
    right = re.split(r"[.;!?,]\s|[.;!?,]$", text[end : end + 30])[0]
    right_words = right.split()[:2] if end < len(text) and not text[end].isspace() else []
    if not right_words and end < len(text):
        right_words = right.split()[:1]
    core = text[start:end]
    return " ".join([*left_words, core + (" " + " ".join(right_words) if right_words else "")])


# --- non-numeric facts ----------------------------------------------------------

_LEVELS: tuple[tuple[str, str], ...] = (
    (r"\bintern(?:ship)?\b", "intern"),
    (r"\b(?:new grad|junior (?:engineer|developer|dev|sde)|entry[- ]level)\b", "junior"),
    (r"\bSDE[- ]?(?:I|1)\b(?![I\d])|\bL4\b|\bE3\b", "sde1"),
    (r"\bSDE[- ]?(?:II|2)\b(?![I\d])|\bL5\b|\bE4\b|\bmid[- ]level\b", "sde2"),
    (r"\bSDE[- ]?(?:III|3)\b|\bL6\b|\bE5\b|\bsenior (?:software )?(?:engineer|developer|"
     r"dev|sde|swe)\b|\bsenior\b(?= on)", "senior"),
    (r"\bL7\b|\bE6\b|\bstaff (?:software )?(?:engineer|developer)\b", "staff"),
    (r"\bL8\b|\bE7\b|\bprincipal (?:software )?(?:engineer|developer)\b", "principal"),
)  # fmt: skip
_LEVEL_RES = [(re.compile(p), v) for p, v in _LEVELS]
_MY_LEVEL = re.compile(
    r"\b(?:I was|I'm|I am|I'd been|I had been|I joined as|I was hired as|I worked as|as|"
    r"my (?:role|level|title) (?:was|as))\s+(?:(?:a|an|the|one|just|still|then|already|"
    r"newly promoted|new|first-year)\s+)*(?:\w+\s+)?$",
    re.IGNORECASE,
)
_FUNCTION = Rx(
    r"\b(?:I was|as|I'd become|I had become|I became|I'm|I am|was acting as|acting)\s+"
    r"(?:the|a|an|our|their)?\s*(?:acting\s+|interim\s+|de facto\s+)?"
    r"(?P<f>tech(?:nical)? lead|team lead|engineering manager|manager|individual contributor|"
    r"project lead|lead engineer|lead|owner|scrum master|product manager|on-call(?: engineer)?|"
    r"one of (?:the|several|\w+) (?:[\w\-]+ ){0,2}?(?:engineers|developers|devs|members)|"
    r"(?:just|only) (?:a|an|one) (?:engineer|developer|"
    r"member)|(?:(?:senior|junior|mid-level|new|staff|principal)\s+)?(?:software |backend |"
    r"frontend |mobile |full-stack )?(?:engineer|developer|dev|sde)(?= on| in| at| for|,))\b",
    needs=(
        "lead",
        "manager",
        "engineer",
        "developer",
        "owner",
        "contributor",
        "on-call",
        "scrum",
        "one of",
        " dev",
        "sde",
        "member",
    ),
)
_OTHER_LEAD = re.compile(
    r"(?i:\b(?:our|my|the team's) (?:tech(?:nical)? lead|team lead|lead engineer|project lead)"
    r"\b)(?=,? [A-Z][a-z]|(?i:,? (?:who|had|drove|led|ran|owned|set|decided|designed|split|"
    r"asked|assigned|was driving|was leading)\b))"
)
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
)
_TEAM_ADJ = {
    "own", "whole", "entire", "new", "small", "old", "current", "immediate", "other", "same",
    "full", "extended", "sister", "the", "a", "my", "our", "that", "this", "whose", "partner",
    "downstream", "upstream", "adjacent", "neighbouring", "neighboring", "engineering",
    "leadership", "wider", "larger", "big", "tiny", "distributed", "remote", "internal",
    "first", "second", "core-adjacent", "dev", "development", "software", "scrum", "feature",
}  # fmt: skip
_OWN_TEAM = Rx(
    r"\b(?:(?:I|we)\s+(?:was|were|had been|'d been)\s+(?:on|in|part of|with|working on|"
    r"working in)|I\s+(?:joined|led|ran|worked on|worked in|was leading|moved to|"
    r"transferred to|sat on|was on)|as part of|(?:my|our)\s+(?:team|org|group),?)\s+"
    r"(?:the\s+|a\s+|an\s+|our\s+|my\s+)?(?P<name>(?:[A-Za-z][\w\-]*\s+){0,2}?[A-Za-z][\w\-]*)"
    r"\s+(?:team|squad|org|organisation|organization|group)\b"
    r"|\b(?:my|our)\s+(?P<name2>(?:[A-Za-z][\w\-]*\s+){0,1}[A-Za-z][\w\-]*)\s+"
    r"(?:team|squad|org)\b"
    r"|\b(?:I\s+was|as)\s+(?:the|a|an)\s+(?:[\w\-]+\s+){0,3}?(?:on|in|for|of)\s+the\s+"
    r"(?P<name3>(?:[A-Za-z][\w\-]*\s+){0,1}?[A-Za-z][\w\-]*)\s+(?:team|squad|org)\b",
    needs=("team", "squad", " org", "group"),
)
_COMPANY = compile_fast(
    r"\b(?:[Aa]t|[Jj]oined|[Ww]orked for|[Ww]orking for|[Ww]ork for|was with)\s+"
    r"(?P<name>(?:[A-Z][\w&'\-]*|"
    r"[A-Z]{2,})"
    r"(?:\s+[A-Z][\w&'\-]*){0,2})"
)
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
_COMPANY_HINT = Rx(
    r"\b(?:at|for|joined|with)\s+(?:a|an)\s+(?P<size>[\w\-]+(?:-person|-people|-employee| "
    r"person| people| employee))?\s*(?P<kind>(?:[\w\-]+\s+){0,3}?(?:startup|company|firm|"
    r"retailer|bank|agency|shop|business|marketplace|insurer|provider|platform|consultancy|"
    r"enterprise|scale-up|scaleup|unicorn|corporation|vendor|lab|hospital|university))\b",
    needs=(
        "startup",
        "company",
        "firm",
        "retailer",
        "bank",
        "agency",
        "shop",
        "business",
        "marketplace",
        "insurer",
        "provider",
        "platform",
        "consultancy",
        "enterprise",
        "scale",
        "unicorn",
        "corporation",
        "vendor",
        " lab",
        "hospital",
        "universit",
    ),
)
_YEAR = Rx(
    r"\b(?:in|during|since|by|of|early|late|mid|summer|spring|fall|autumn|winter|"
    r"Q[1-4]|H[12]|FY)[\s,-]*(?P<y>(?:19|20)\d\d)\b|\b(?P<y2>(?:19|20)\d\d)\b"
)
_QUARTER = Rx(r"\b(?:Q(?P<q>[1-4])|(?P<w>first|second|third|fourth|last) quarter)\b")
_QUARTER_WORD = {"first": "1", "second": "2", "third": "3", "fourth": "4", "last": "4"}
_MONTH_IN = re.compile(
    r"\b(?i:in|during|early|late|mid|by|until|last|that|one|of)[\s-]+(?P<m>January|February|"
    r"March|April|June|July|August|September|October|November|December)\b"
)
_RELATIVE_YEAR = Rx(
    r"\b(?:(?P<last>last|this|earlier this|later that) (?:year|spring|summer|fall|autumn|winter)"
    r"|(?P<n>a|one|two|three|four|five|six|\d+) years? ago|(?P<before>the year before last))\b",
    needs=("last ", "this ", "earlier this", "later that", "ago", "year before"),
)
_N = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_MONTH_QUARTER = {
    "january": "1", "february": "1", "march": "1", "april": "2", "may": "2", "june": "2",
    "july": "3", "august": "3", "september": "3", "october": "4", "november": "4",
    "december": "4",
}  # fmt: skip
_SEASON = Rx(
    r"\b(?:Black Friday|Cyber Monday|Prime Day|Christmas|Thanksgiving|"
    r"holiday season|year[- ]end)\b"
)

_SELF_DECIDED = Rx(
    r"\bI\s+(?:\w+\s+)?(?:decided|made the (?:call|decision)|chose|called it|took the call|"
    r"made the final call|pulled the trigger|took it on myself)\b"
    r"|\b(?:it|that|the call|the decision) was (?:my|mine)(?: call| decision)?\b"
    r"|\bmy (?:call|decision)\b(?! to (?:escalate))",
    needs=("decid", "call", "chose", "trigger", "took it on", "decision", "was my", "mine"),
)
_BOSS_DECIDED = Rx(
    r"\b(?:my|our|the)\s+(?:\w+\s+)?(?:manager|boss|director|vp|lead|skip[- ]level|cto|ceo|"
    r"leadership|principal engineer|architect|product manager|pm)\s+(?:\w+\s+)?"
    r"(?:decided|made the (?:call|decision)|chose|called it|overruled|took the call|"
    r"made the final call|signed off|insisted|mandated|ordered|pushed (?:for|through))\b"
    r"|\b(?:he|she) (?:\w+ )?(?:decided|made the (?:call|decision)|chose|overruled|insisted|"
    r"took the call|made the final call)\b|\b(?:it|that|the call|the decision) was "
    r"(?:my|our|the) (?:manager|director|lead|vp|boss)'s(?: call| decision)?\b"
    r"|\bleadership (?:decided|chose|made the call)\b",
    needs=(
        "decid",
        "call",
        "chose",
        "overrul",
        "insist",
        "mandat",
        "order",
        "signed off",
        "push",
        "decision",
    ),
)
_SELF_STARTED = Rx(
    r"\b(?:nobody|no one|no-one) (?:had )?(?:asked|told|assigned)|without being (?:asked|told)|"
    r"on my own (?:initiative)?|wasn't (?:on|in) (?:my|our|the) (?:roadmap|sprint|backlog|"
    r"plan)|not (?:on|in) (?:my|our|the) (?:roadmap|sprint|backlog)|I (?:volunteered|"
    r"took it on myself|decided to (?:look|dig|fix|take))",
    needs=(
        "nobody",
        "no one",
        "no-one",
        "without being",
        "on my own",
        "roadmap",
        "sprint",
        "backlog",
        "volunteer",
        "took it on",
        "decided to",
    ),
)
_ASSIGNED = Rx(
    r"\b(?:my|our|the)\s+(?:\w+\s+)?(?:manager|boss|director|vp|lead|skip[- ]level)\s+"
    r"(?:\w+\s+)?(?:asked|told|assigned|tasked|gave|handed|wanted) (?:me|us)\b"
    r"|\bI (?:was|got) (?:asked|assigned|tasked|told) (?:to|with)\b",
    needs=("asked", "told", "assign", "task", "gave", "hand", "want"),
)

_FAILED = Rx(
    r"\b(?:(?:it|the (?:project|launch|migration|rollout|release|feature|experiment|pilot|"
    r"effort|plan|change|bet)|this|that|we|I)\s+(?:\w+\s+)?(?:failed|was a failure|flopped|"
    r"never (?:shipped|launched|went live)|was (?:cancelled|canceled|scrapped|shelved|killed|"
    r"abandoned)|(?:did not|didn't) (?:work|ship|land|launch|deliver|hit|meet))"
    r"|we (?:missed|blew) (?:the|our) (?:deadline|date|launch|target|goal|window)"
    r"|(?:missed|slipped) (?:the|our) (?:deadline|date|launch|target) by"
    r"|(?:had to|we) roll(?:ed)? (?:it |the \w+ )?back"
    r"|we lost (?:the|that|a|two|three|\d+) (?:customer|client|deal|account|contract)s?"
    r"|(?:my|our) (?:biggest |real )?failure|(?:for|as|was|is) a (?:big |real |complete |"
    r"total )?failure|^a (?:big |real )?failure|(?<=[.!?:] )a (?:big |real )?failure"
    r"|(?:was|were) pulled"
    r"|(?<!time )(?<!when )(?<!if )(?:it|that|this|things|everything|the \w+) went "
    r"(?:badly|wrong)"
    r"|never (?:reached|made it to|got to) (?:customers|users|production)"
    r"|(?:launched|shipped|delivered|landed|went live|finished)\s+(?:\w+\s+){0,6}?(?:days?|weeks?|"
    r"months?) (?:late|behind)|(?:was|were) delayed by|behind schedule|"
    r"missed (?:the|our) (?:deadline|date|target|launch)|slipped (?:by|past)"
    # Someone ended the work: "leadership shelved the migration", "we pulled the plug on it".
    r"|(?:shelved|scrapped|cancell?ed|canceled|killed|abandoned|switched off|shut down|"
    r"wound down|sunset|pulled the plug on) (?:it\b|(?:the|our|my|that|this|its) "
    r"(?:whole |entire )?(?:[\w\-]+ )?(?:project|migration|launch|rollout|feature|effort|"
    r"initiative|experiment|pilot|programme|program|work|product|plan|rewrite|model|tool|"
    r"service))"
    r"|(?:was|were|got) (?:switched off|shut down|wound down|turned off|sunset|put on hold|"
    r"deprioriti[sz]ed|dropped|mothballed|binned)"
    r"|roll(?:ed|ing)? (?:everything|it all|all of it|all of them|them all|the whole \w+) back"
    r"|(?:it|that|this|the \w+) never (?:restarted|resumed|recovered|came back|got (?:going|"
    r"restarted))"
    # An incident the candidate caused: "I broke checkout", "my change took search down".
    r"|(?:I|my (?:[\w\-]+ )?(?:change|deploy|release|migration|script|config|query|push)) "
    r"(?:broke|caused (?:an?|the) (?:\w+ )?(?:outage|incident|sev)|took (?:[\w\-]+ ){0,3}down|"
    r"brought (?:[\w\-]+ ){0,3}down)|(?:outage|incident) I caused)\b",
    needs=(
        "shelv",
        "scrap",
        "cancel",
        "kill",
        "abandon",
        "switched off",
        "shut down",
        "wound down",
        "sunset",
        "plug",
        "turned off",
        "on hold",
        "deprioriti",
        "dropped",
        "mothball",
        "binned",
        "back",
        "restart",
        "broke",
        "caused",
        "down",
        "resum",
        "recover",
        "came back",
        "fail",
        "flop",
        "never",
        "cancel",
        "scrap",
        "shelv",
        "kill",
        "abandon",
        "didn't",
        "did not",
        "missed",
        "blew",
        "slipp",
        "roll",
        "lost",
        "badly",
        "wrong",
        "pulled",
        "late",
        "behind",
        "delayed",
    ),
)
_SUCCEEDED = Rx(
    r"\b(?:(?:it|the (?:project|launch|migration|rollout|release|feature|experiment|pilot|"
    r"change)|this|that)\s+(?:\w+\s+)?(?:was a (?:big |huge |real )?(?:success|win)|succeeded|"
    r"worked|went (?:live|out) (?:on time|without)|shipped on (?:time|schedule))"
    r"|(?:launched|shipped|delivered|went live|finished|landed|completed)\s+(?:it\s+)?"
    r"(?:on (?:time|schedule)|ahead of (?:schedule|time)|early|a week early|before the deadline)"
    r"|(?:hit|met|beat|made|exceeded) (?:the|our) (?:deadline|date|launch date|target|goal)"
    r"|(?:without|with no|with zero) (?:a |any )?(?:rollback|incidents?|downtime|outages?)"
    r"|(?:customer|client) (?:renewed|signed|stayed|expanded)"
    r"|(?:shipped|launched|rolled|released) (?:it |this |the \w+ )?(?:out )?to (?:all|every|"
    r"everyone|100%)|(?:it|that|this) went (?:well|smoothly|great)|(?:it|that) paid off)\b",
    needs=(
        "success",
        "succeed",
        "worked",
        "on time",
        "schedule",
        "early",
        "deadline",
        "target",
        "goal",
        "without",
        "with no",
        "with zero",
        "renewed",
        "signed",
        "stayed",
        "expanded",
        "all",
        "everyone",
        "100%",
        "all",
        "every",
        "well",
        "smoothly",
        "great",
        "paid off",
    ),
)


def _facts_of(text: str, source: int) -> list[Fact]:
    out: list[Fact] = []
    for rx, value in _LEVEL_RES:
        for m in rx.finditer(text):
            # Only the candidate's own level: "a junior engineer I mentored" is someone else.
            if negated_before(text, m.start(), 25) or not _MY_LEVEL.search(
                text[max(0, m.start() - 40) : m.start()]
            ):
                continue
            out.append(Fact("level", value, m.group(), m.start(), m.end(), source))
    for m in _FUNCTION.finditer(text):
        if negated_before(text, m.start(), 20):
            continue
        said = m.group("f").lower()
        canon = next((c for k, c in _FUNCTION_CANON if said.startswith(k)), "")
        if not canon:
            canon = "member" if re.search(r"engineer|developer|dev\b|sde", said) else said
        out.append(Fact("role", canon, text[m.start() : m.end()], m.start(), m.end(), source))
    if not any(f.kind == "role" for f in out):
        # "Our tech lead, Dana, drove it": someone else led, so the candidate did not.
        other = _OTHER_LEAD.search(text)
        if other and not negated_before(text, other.start(), 20):
            out.append(Fact("role", "member", other.group(), other.start(), other.end(), source))
    for m in _OWN_TEAM.finditer(text):
        raw = m.group("name") or m.group("name2") or m.group("name3") or ""
        words = [w for w in raw.lower().split() if w not in _TEAM_ADJ]
        if not words:
            continue
        out.append(
            Fact("team", " ".join(words), text[m.start() : m.end()], m.start(), m.end(), source)
        )
    for m in _COMPANY.finditer(text):
        name = m.group("name")
        first = name.split()[0].lower()
        if first in _NOT_COMPANY or len(name) < 2:
            continue
        words = [w for w in name.split() if w.lower() not in _NOT_COMPANY]
        if not words:
            continue
        out.append(Fact("company", " ".join(words).lower(), m.group(), m.start(), m.end(), source))
    for m in _COMPANY_HINT.finditer(text):
        kind = m.group("kind").lower().split()[-1]
        out.append(
            Fact("company-kind", kind, text[m.start() : m.end()], m.start(), m.end(), source)
        )
    for m in _YEAR.finditer(text):
        y = m.group("y") or m.group("y2")
        after = text[m.end() : m.end() + 12].lower()
        if re.match(r"\s*(?:%|ms|users|customers|requests|tickets|orders|lines|rows)", after):
            continue
        out.append(Fact("year", y, text[m.start() : m.end()], m.start(), m.end(), source))
    this_year = date.today().year
    for m in _RELATIVE_YEAR.finditer(text):
        if m.group("last"):
            year = this_year - (1 if m.group("last") == "last" else 0)
        elif m.group("before"):
            year = this_year - 2
        else:
            n = m.group("n")
            year = this_year - (int(n) if n.isdigit() else _N.get(n, 1))
        quote = text[m.start() : m.end()]
        out.append(Fact("year~", str(year), quote, m.start(), m.end(), source))
    for m in _QUARTER.finditer(text):
        q = m.group("q") or _QUARTER_WORD[m.group("w").lower()]
        out.append(Fact("quarter", q, text[m.start() : m.end()], m.start(), m.end(), source))
    for m in _MONTH_IN.finditer(text):
        out.append(Fact("month", m.group("m").lower(), m.group(), m.start(), m.end(), source))
    for m in _SEASON.finditer(text):
        out.append(Fact("event", m.group(), text[m.start() : m.end()], m.start(), m.end(), source))
    agency: tuple[tuple[Rx, str], ...] = ((_SELF_DECIDED, "candidate"), (_BOSS_DECIDED, "manager"))
    for pattern, value in agency:
        for m in pattern.finditer(text):
            if negated_before(text, m.start() + len(m.group()) // 2, 30):
                continue
            right = re.split(r"[.;!?,]", text[m.end() : m.end() + 60])[0]
            about = frozenset(_stem(w) for w in _WORDS.findall(right.lower())[:8]) - _CONTEXT_STOP
            quote = _clip(text, m.start(), m.end())
            out.append(Fact("decided", value, quote, m.start(), m.end(), source, about))
    started: tuple[tuple[Rx, str], ...] = ((_SELF_STARTED, "candidate"), (_ASSIGNED, "manager"))
    for pattern, value in started:
        for m in pattern.finditer(text):
            if value == "manager" and negated_before(text, m.start() + 3, 30):
                continue
            quote = _clip(text, m.start(), m.end())
            out.append(Fact("started", value, quote, m.start(), m.end(), source))
    return out


def _clip(text: str, start: int, end: int, words: int = 6) -> str:
    """The matched words plus a few after them, up to the clause end, for quoting."""
    right = re.split(r"[.;!?,:]", text[end : end + 60])[0]
    tail = " ".join(right.split()[:words])
    return (text[start:end] + (" " + tail if tail else "")).strip()


def identity_words(text: str) -> set[str]:
    """Words naming the candidate's company or team: shared by all their stories.

    Similarity down-weights them, so two different stories from one employer
    do not read as one story.
    """
    return set(_identity_words(text))


@lru_cache(maxsize=2048)
def _identity_words(text: str) -> frozenset[str]:
    text = fold(text)
    out: set[str] = set()
    for m in _COMPANY.finditer(text):
        out.update(w.lower() for w in m.group("name").split())
    for m in _OWN_TEAM.finditer(text):
        raw = m.group("name") or m.group("name2") or m.group("name3") or ""
        out.update(w for w in raw.lower().split() if w not in _TEAM_ADJ)
    return frozenset(out - _NOT_COMPANY)


# A result told as a figure moving the right way is a success even when no word says so:
# a cost, delay or error count going down, or a good measure (sales, retention) going up.
_BAD_DOWN = Rx(
    r"\b(?:fell|falling|dropped|dropping|went down|came down|decreased|decreasing|declined|"
    r"declining|shrank|halved|cut|reduced|saved|sped up|went from)\s+(?:[\w\-]+\s+){0,5}?"
    r"(?:from\s+|by\s+|to\s+)?"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+)?[$€£]?\d",
    needs=("fell", "falling", "dropp", "down", "decreas", "declin", "shrank", "halved", "cut",
           "reduced", "saved", "sped up", "went from"),
)  # fmt: skip
_GOOD_UP = Rx(
    r"\b(?:conversion|revenue|sales|bookings|retention|adoption|satisfaction|nps|csat|"
    r"sign-?ups|engagement|completion|uptime|availability|throughput|accuracy|coverage)\s+"
    r"(?:[\w\-]+\s+){0,3}?(?:rose|grew|increased|climbed|jumped|went up|doubled|tripled|"
    r"improved|went from)\b",
    needs=("rose", "grew", "increased", "climbed", "jumped", "went up", "doubled", "tripled",
           "improved", "went from"),
)  # fmt: skip
_GOOD_MEASURE_BEFORE = re.compile(
    r"\b(?:conversion|revenue|sales|bookings|retention|adoption|satisfaction|nps|csat|"
    r"sign-?ups|engagement|completion|uptime|availability|throughput|accuracy|precision|"
    r"recall|coverage|traffic|usage)\b[^.;!?]{0,25}$",
    re.I,
)
_ALL_DONE = Rx(
    r"\ball (?:\w+ )?(?:of (?:the|our) )?(?:[\w\-]+ ){0,2}(?:were|was|had been) (?:migrated|"
    r"moved|converted|switched|onboarded|live|on (?:the )?(?:new )?[\w\-]+)\b",
    needs=("all ",),
)


# "Since then I canary every change, and incidents fell 60%": a figure for the habit the
# story taught, not for how the story itself ended.
_AFTERWARDS = re.compile(
    r"\b(?:since then|ever since|afterwards|after that|from then on|these days|nowadays|"
    r"going forward|the next (?:time|year))\b[^.;!?]*$",
    re.I,
)


def _improved(text: str) -> re.Match[str] | None:
    for m in _BAD_DOWN.finditer(text):
        if negated_before(text, m.start(), 20):
            continue
        if _AFTERWARDS.search(text, max(0, m.start() - 120), m.start()):
            continue
        if _GOOD_MEASURE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "conversion dropped 8%" is bad news, not a result
        return m
    for rx in (_GOOD_UP, _ALL_DONE):
        for m in rx.finditer(text):
            if not negated_before(text, m.start(), 20):
                return m
    return None


def _outcome(text: str, source: int) -> Fact | None:
    failed = [m for m in _FAILED.finditer(text) if not negated_before(text, m.start(), 20)]
    succeeded = [m for m in _SUCCEEDED.finditer(text) if not negated_before(text, m.start(), 20)]
    shown = _improved(text) if not succeeded else None
    if shown is not None:
        succeeded = [shown]  # and a failure word beside it makes the ending mixed
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
    return None


def extract_facts(text: str, source: int = 0) -> Facts:
    """The comparable facts a telling states; ``source`` tags them with an answer index."""
    text = fold(text)
    return Facts(
        tuple(figures(text, source)), tuple(_facts_of(text, source)), _outcome(text, source)
    )


# --- comparison ------------------------------------------------------------------


def _close(a: Figure, b: Figure) -> bool:
    tolerance = 0.25 if (a.hedged or b.hedged) else 0.1
    big = max(abs(a.value), abs(b.value))
    return big == 0 or abs(a.value - b.value) <= tolerance * big


def _same_quantity(a: Figure, b: Figure) -> bool:
    """Whether two figures are about the same thing (so different values would conflict)."""
    if a.family != b.family or a.per != b.per:
        return False
    if a.role and b.role and a.role != b.role:
        return False
    if (a.role in ("delta", "total") or b.role in ("delta", "total")) and a.role != b.role:
        return False
    if a.family == "count":
        return a.unit == b.unit and (
            bool(a.measures & b.measures) or not a.measures or not b.measures
        )
    if a.family == "plain":
        return False
    if a.measures and b.measures:
        return bool(a.measures & b.measures)
    if a.measures or b.measures:
        return False
    shared = a.context & b.context
    return len(shared) >= 2 or (len(shared) >= 1 and a.role is not None and a.role == b.role)


def _subject(f: Figure) -> str:
    if f.family == "count":
        return f"number of {f.unit}s" if not f.unit.endswith("s") else f"number of {f.unit}"
    return f.measure or f.family


_COMPANY_SIZE_UNITS = {"person", "employee", "people", "staff"}


def _figure_conflicts(a: Facts, b: Facts) -> list[Conflict]:
    out: list[Conflict] = []
    used: set[tuple[int, int]] = set()
    reported: list[Figure] = []
    for i, fa in enumerate(a.figures):
        if any(_same_quantity(fa, fb) and _close(fa, fb) for fb in b.figures):
            continue
        if any(_same_quantity(fa, fr) and _close(fa, fr) for fr in reported):
            continue  # the same figure said twice in one telling is one conflict
        for j, fb in enumerate(b.figures):
            if (i, j) in used or not _same_quantity(fa, fb) or _close(fa, fb):
                continue
            # Symmetric: b's figure must also be unmatched in a, else a merely has more.
            if any(_same_quantity(fb, fx) and _close(fb, fx) for fx in a.figures):
                continue
            used.add((i, j))
            reported.append(fa)
            kind = "company" if fa.unit in _COMPANY_SIZE_UNITS else "number"
            out.append(Conflict(kind, fa.quote, fb.quote, fa.source, fb.source, _subject(fa)))
            break
    return out


def _fact_conflicts(a: Facts, b: Facts, kind: str, report: str, subject: str) -> list[Conflict]:
    va = {f.value: f for f in a.of(kind)}
    vb = {f.value: f for f in b.of(kind)}
    if not va or not vb or set(va) & set(vb):
        return []
    fa = next(iter(va.values()))
    fb = next(iter(vb.values()))
    return [Conflict(report, fa.quote, fb.quote, fa.source, fb.source, subject)]


def _company_conflicts(a: Facts, b: Facts) -> list[Conflict]:
    """'Northwind' and 'Northwind Logistics' are one company; 'Acme' and 'Globex' are not."""
    ca, cb = a.of("company"), b.of("company")
    if not ca or not cb:
        return []
    for fa in ca:
        wa = set(fa.value.split())
        for fb in cb:
            wb = set(fb.value.split())
            if wa <= wb or wb <= wa or fa.value.split()[0] == fb.value.split()[0]:
                return []
    return [Conflict("company", ca[0].quote, cb[0].quote, ca[0].source, cb[0].source, "company")]


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
    fa, fb = ya[0], yb[0]
    return [Conflict("date", fa.quote, fb.quote, fa.source, fb.source, "when")]


def _month_quarter_conflicts(a: Facts, b: Facts, swap: bool = False) -> list[Conflict]:
    """'In Q3' and 'in August' agree; 'in Q3' and 'in March' do not."""
    quarters = a.of("quarter")
    months = b.of("month")
    if not quarters or not months or b.of("quarter"):
        return []
    if {q.value for q in quarters} & {_MONTH_QUARTER[m.value] for m in months}:
        return []
    fa, fb = quarters[0], months[0]
    if swap:
        return [Conflict("date", fb.quote, fa.quote, fb.source, fa.source, "when")]
    return [Conflict("date", fa.quote, fb.quote, fa.source, fb.source, "when")]


def _agency_conflicts(a: Facts, b: Facts, kind: str, subject: str) -> list[Conflict]:
    """Who decided / who started it: only a clean 'candidate' vs 'manager' split conflicts."""
    va = {f.value: f for f in a.of(kind)}
    vb = {f.value: f for f in b.of(kind)}
    if len(va) != 1 or len(vb) != 1 or set(va) == set(vb):
        return []
    fa = next(iter(va.values()))
    fb = next(iter(vb.values()))
    if kind == "decided" and fa.about and fb.about and not fa.about & fb.about:
        return []  # two different decisions, not two accounts of one
    return [Conflict("agency", fa.quote, fb.quote, fa.source, fb.source, subject)]


def compare_facts(a: Facts, b: Facts) -> list[Conflict]:
    """Where two tellings of one story state different values for the same thing.

    Callers decide first that the two are the same story (story_similarity);
    on two different stories every difference would look like a conflict.
    """
    out = _figure_conflicts(a, b)
    out += _fact_conflicts(a, b, "level", "role", "level")
    out += _fact_conflicts(a, b, "role", "role", "role")
    out += _fact_conflicts(a, b, "team", "team", "team")
    out += _company_conflicts(a, b)
    out += _fact_conflicts(a, b, "company-kind", "company", "kind of company")
    out += _year_conflicts(a, b)
    if all(c.kind != "date" for c in out):
        out += _fact_conflicts(a, b, "quarter", "date", "quarter")
    if all(c.kind != "date" for c in out):
        out += _fact_conflicts(a, b, "month", "date", "month")
    if all(c.kind != "date" for c in out):
        out += _month_quarter_conflicts(a, b) + _month_quarter_conflicts(b, a, swap=True)
    out += _fact_conflicts(a, b, "event", "date", "event")
    out += _agency_conflicts(a, b, "decided", "who decided")
    out += _agency_conflicts(a, b, "started", "who started the work")
    if a.outcome and b.outcome and a.outcome.value != b.outcome.value:
        out.append(
            Conflict(
                "outcome",
                f"{a.outcome.value}: {a.outcome.quote}",
                f"{b.outcome.value}: {b.outcome.quote}",
                a.outcome.source,
                b.outcome.source,
                "how it ended",
            )
        )
    return out
