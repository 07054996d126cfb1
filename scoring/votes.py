"""The vote an interviewer gives for the principle they asked about.

A vote is built the way a debrief is written: the STAR shape and the
candidate's own actions earn it, the beats specific to the principle (the
three beats of Have Backbone, the owned cost of a failure, customer impact,
layers of root cause...) raise it, and the red flags pull it down. Every
beat found is quoted as evidence so the candidate can see why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scoring.document import Document
from scoring.flags import (
    COMMIT,
    COST,
    DISAGREE,
    OWNED,
    REFLECTION,
    Reading,
    hypothetical_markers,
    is_failure_question,
    outcome_metrics,
    result_span,
)
from scoring.model import STAR_BEATS, Evidence, FlagHit, Vote
from scoring.text import Rx, Span


def _rx(pattern: str) -> Rx:
    return Rx(pattern)


@dataclass(frozen=True)
class Beat:
    """One thing a strong answer for a principle shows, and how to spot it."""

    note: str
    pattern: Rx
    weight: float = 1.0
    done: bool = False
    """The beat is something the candidate does ('went through the data itself'): its
    words show it only in a clause where I or we are the ones acting."""


_CUSTOMER = _rx(
    r"\b(?:customers?|users?|clients?|buyers?|sellers?|shoppers?|merchants?|"
    r"partners?|patients?|riders?|drivers?|members?|subscribers?|callers?)\b"
)

BEATS: dict[str, tuple[Beat, ...]] = {
    "customer-obsession": (
        Beat("starts from a customer", _CUSTOMER),
        Beat(
            "learns what customers actually do",
            _rx(
                r"\b(?:talked to|interviewed|called|shadowed|watched|listened to|read|"
                r"went through|dug into) (?:\w+ )?(?:customers?|users?|clients?|support tickets|"
                r"tickets|complaints|reviews|session recordings|feedback)\b|working backwards"
            ),
        ),
        Beat(
            "customer impact measured",
            _rx(
                r"\b(?:customers?|users?|clients?|tickets?|complaints?|churn|nps|csat|"
                r"retention|conversion|refunds?|contacts?)\b[^.]{0,60}\d|\d[^.]{0,40}"
                r"\b(?:customers?|users?|clients?|tickets?|complaints?|churn|nps|csat|"
                r"retention|conversion|refunds?|contacts?)\b"
            ),
            1.5,
        ),
    ),
    "ownership": (
        Beat(
            "noticed it without being asked",
            _rx(
                r"\b(?:I (?:noticed|spotted|saw|found|realised|realized|decided|volunteered|"
                r"took it on|picked it up|stepped in|took ownership)|nobody (?:asked|owned)|"
                r"no one (?:asked|owned)|wasn't my (?:team|job|code|area)|not my (?:team|job|"
                r"code|area)|without being asked|on my own)\b"
            ),
            1.5,
        ),
        Beat(
            "fixed it for the long term",
            _rx(
                r"\b(?:runbook|alarm|alert|monitor\w*|automat\w*|mechanism|guardrail|"
                r"so it (?:would not|wouldn't|never|can't)|(?:never|not) (?:happened|recurred) "
                r"again|permanent(?:ly)?|root cause|post-?mortem|COE)\b"
            ),
        ),
    ),
    "bias-for-action": (
        Beat(
            "moved fast on a reversible call",
            _rx(
                r"\b(?:reversible|two-way door|roll(?:ed)? back|feature flag|canary|"
                r"(?:within|in) (?:an? |one |two |\d+ )?(?:hours?|days?|minutes?)|"
                r"same day|that (?:night|afternoon|evening|morning)|rather than wait\w*|"
                r"instead of waiting|didn't wait|did not wait|calculated risk)\b"
            ),
            1.5,
        ),
        Beat(
            "acted without full information",
            _rx(
                r"\b(?:without (?:full|all|complete|perfect) (?:data|information|certainty)|"
                r"incomplete|enough (?:data|information|to)|good enough|smallest|"
                r"(?:first|quick) (?:version|fix|step)|prototype|mvp)\b"
            ),
        ),
    ),
    "dive-deep": (
        Beat(
            "root cause found",
            _rx(
                # 'it turned out fine' says how it ended, not what caused it
                r"\b(?:root cause|turned out(?! (?:fine|well|ok|okay|great|alright|all right|"
                r"for the best|better|nicely))|the real (?:cause|problem|issue)|traced|"
                r"narrowed (?:it )?down|bisect\w*|correlat\w*|the culprit)\b"
            ),
            1.5,
        ),
        Beat(
            "went through the data itself",
            _rx(
                r"\b(?:logs?|traces?|metrics?|dashboards?|flame ?graphs?|profil\w+|heap dump|"
                r"packet capture|query plans?|raw data|the data|sampled|spreadsheet|"
                r"line by line|by hand|manually|diffed|pulled (?:the |a |every |all )?(?:\w+ )?"
                r"(?:queries|records|rows|numbers|tickets|orders|requests|events|samples))\b"
            ),
            done=True,
        ),
        Beat(
            "more than one layer",
            _rx(
                r"\b(?:which (?:meant|led|caused)|that (?:led|caused|meant)|because of|"
                r"but why|one level deeper|underneath|the layer below|why (?:that|this)|"
                r"that was only|wasn't the (?:whole|full|real) (?:story|cause))\b"
            ),
        ),
    ),
    "deliver-results": (
        Beat(
            "hit the date despite a setback",
            _rx(
                r"\b(?:deadline|on time|ahead of schedule|launch date|before the|"
                r"setback|blocker|slipp\w*|behind schedule|at risk|despite)\b"
            ),
        ),
    ),
    "have-backbone": (
        Beat("disagreed", DISAGREE),
        Beat(
            "with evidence",
            _rx(
                r"\b(?:data|numbers|benchmark\w*|measured|prototype|load test|experiment|"
                r"analysis|evidence|showed (?:them|him|her|that)|metrics?|a doc|one-pager|"
                r"incident|figures?)\b"
            ),
        ),
        Beat(
            "conceded a point",
            _rx(
                r"\b(?:conceded|compromis\w*|they were right|(?:he|she|they) had a point|"
                r"fair point|I (?:agreed|accepted) (?:that|their|his|her)|adjusted|met (?:them|"
                r"him|her) (?:halfway|in the middle)|changed my (?:mind|proposal|plan)|"
                r"I was wrong about|dropped (?:my|the) \w+)\b"
            ),
        ),
        Beat("committed once decided", COMMIT, 1.5),
    ),
    "earn-trust": (
        Beat(
            "candid or owned a mistake",
            _rx(
                r"\b(?:admitted|apologi[sz]ed|owned (?:up|it|the)|told (?:them|him|her) "
                r"(?:the truth|directly|honestly)|candid\w*|transparen\w*|my mistake|"
                r"I was wrong|feedback|listened|one-on-one|1:1|trust)\b"
            ),
            1.5,
        ),
    ),
    "insist-on-the-highest-standards": (
        Beat(
            "raised the bar",
            _rx(
                r"\b(?:bar|standard|quality|refused to (?:ship|merge|approve|sign)|"
                r"wouldn't (?:ship|merge|approve)|blocked the (?:launch|release|merge)|"
                r"test coverage|checklist|code review|defects?|regressions?|mechanism|"
                r"linter|ci check|gate)\b"
            ),
            1.5,
        ),
    ),
    "invent-and-simplify": (
        Beat(
            "made it simpler or new",
            _rx(
                r"\b(?:simpl\w+|removed|deleted|replaced|fewer|single|one (?:step|click|"
                r"service|script)|new (?:approach|way|tool)|invent\w*|reused|borrowed|"
                r"instead of)\b"
            ),
            1.5,
        ),
    ),
    "learn-and-be-curious": (
        Beat(
            "learned something new",
            _rx(
                r"\b(?:learn\w*|taught myself|read|course|studied|curious|"
                r"experiment\w*|explored|picked up|dug into)\b"
            ),
        ),
        Beat("changed a habit", REFLECTION, 1.5),
    ),
    "are-right-a-lot": (
        Beat(
            "judged with data and sought dissent",
            _rx(
                r"\b(?:data|evidence|bet|judg\w+|predict\w*|hypothes\w+|"
                r"proved (?:me )?wrong|devil's advocate|dissent|second opinion|"
                r"asked (?:\w+ )?(?:to poke holes|for objections)|trade-?offs?)\b"
            ),
            1.5,
        ),
    ),
    "think-big": (
        Beat(
            "set a bold direction",
            _rx(
                r"\b(?:vision|roadmap|multi-year|(?:two|three|five|\d+)-year|platform|"
                r"across (?:the (?:company|org)|\w+ teams)|org-wide|company-wide|"
                r"every team|strategy|north star|10x|rallied)\b"
            ),
            1.5,
        ),
    ),
    "frugality": (
        Beat(
            "did more with less",
            _rx(
                r"\b(?:saved|cheaper|cost|budget|spend|without (?:new |extra |more )?"
                r"(?:headcount|hardware|budget|hires?)|reused|existing|free tier|"
                r"spot instances|instead of buying|no extra)\b"
            ),
            1.5,
        ),
    ),
    "hire-and-develop-the-best": (
        Beat(
            "grew people",
            _rx(
                r"\b(?:mentor\w*|coach\w*|promot\w+|hired|interview\w*|onboard\w*|"
                r"grew|growth|career|pair(?:ed)?|taught|delegat\w+|stretch)\b"
            ),
            1.5,
        ),
    ),
    "best-employer": (
        Beat(
            "made the team a better place",
            _rx(
                r"\b(?:burn ?out|well-?being|inclusi\w+|safe|psychological|on-?call load|"
                r"workload|rotation|flexib\w+|morale|attrition|support(?:ed)? (?:them|him|her))\b"
            ),
            1.5,
        ),
    ),
    "broad-responsibility": (
        Beat(
            "weighed wider effects",
            _rx(
                r"\b(?:privacy|accessib\w+|security|safety|community|environment\w*|"
                r"carbon|energy|fair\w*|bias|regulat\w+|compliance|harm|society|public)\b"
            ),
            1.5,
        ),
    ),
}

_I_ACTION = _rx(
    r"\bI\s+(?:then\s+|also\s+|quickly\s+|personally\s+|first\s+|finally\s+)?"
    r"(?:\w+ed|built|wrote|ran|led|made|took|found|sent|set|put|drove|brought|chose|"
    r"rewrote|spoke|sat|dug|cut|shipped|did|told|got|went)\b"
)
_SITUATION = _rx(
    r"\b(?:at my (?:last|previous|old|current)|when I was|I was (?:a|an|the|on|working)|"
    r"(?:our|my|the) (?:team|company|service|system|product)|we had|there was|back in|"
    r"last (?:year|quarter))\b"
)
_TASK = _rx(
    r"\b(?:my (?:goal|job|task|role|responsibility|mandate) was|I (?:needed|had|wanted) to|"
    r"(?:the|our) (?:goal|task|target|aim) was|we (?:needed|had) to|I was responsible|"
    r"I owned|I set out to|I decided to)\b"
)

SCORE_STEPS: tuple[tuple[float, Vote], ...] = (
    (2.5, "strongly-inclined"),
    (1.0, "inclined"),
    (-2.4, "not-inclined"),
)
"""Score floors for each vote; a clean answer starts at BASE_SCORE."""

BASE_SCORE = 3.0

FLAG_WEIGHTS: dict[str, float] = {
    "hypothetical": 3.0,
    "spun-failure": 3.0,
    "no-commit": 3.0,
    "passive-voice": 2.5,
    "effort-only": 2.5,
    "no-result": 2.5,
    "escalated-away": 1.5,
    "we-heavy": 1.5,
    "manager-assigned": 1.0,
    "vague": 1.0,
    "no-reflection": 1.0,
    "too-short": 1.0,
    "no-metric": 0.75,
    "too-long": 0.75,
}
"""How much each red flag pulls a vote down.

The heavy ones each turn a clean answer into 'not inclined' on their own, as
debriefs do: a hypothetical, a spun failure, no commit, no actor, effort as
the result, no result. The light ones cost a step only in company.
"""


@dataclass(frozen=True)
class CoreBeat:
    """The beat without which an answer does not speak to its principle at all."""

    note: str
    """The note of the principle's Beat that is the core one."""
    weight: float
    missing: str
    """What the vote's evidence says when the beat is absent."""


CORE_BEATS: dict[str, CoreBeat] = {
    # Asked for a disagreement, a story with none fails backbone as surely as a
    # disagreement never committed to (no-commit's weight), but it is not that flag.
    "have-backbone": CoreBeat(
        "disagreed", 3.0, "no disagreement is told: the question asks for one"
    ),
}

_PRINCIPLE_WEIGHTS: dict[str, dict[str, float]] = {
    "ownership": {"escalated-away": 2.5},
    "bias-for-action": {"escalated-away": 2.5},
}
_FAILURE_NO_REFLECTION = 3.0
"""A failure story with no change since is the failure without the learning."""
_DEFIANCE = 1.5
"""Extra for working against the decision (not just failing to commit)."""


def star_parts(r: Reading) -> tuple[str, ...]:
    parts: list[str] = []
    head = r.text[: max(200, len(r.text) // 3)]
    if _SITUATION.search(head) or len(r.sentences) >= 5:
        parts.append("situation")
    if _TASK.search(r.doc):
        parts.append("task")
    if _I_ACTION.search(r.doc):
        parts.append("action")
    if result_span(r) is not None:
        parts.append("result")
    if REFLECTION.search(r.doc):
        parts.append("reflection")
    # A spoken answer's marked beats were said aloud, whatever its note holds.
    parts += [beat for beat in r.answer.told if beat not in parts]
    return tuple(p for p in STAR_BEATS if p in parts)


def _ev(doc: Document, start: int, end: int, note: str, positive: bool) -> Evidence:
    text = doc.text
    s = doc.sentence_at(start)
    if s.end <= s.start or len(s.text) > 240:
        s = Span(start, end, text[start:end])
    focus = (max(start, s.start), min(end, s.end))
    return Evidence(s.start, s.end, text[s.start : s.end], note, positive, focus)


_CLAUSE_BREAK = re.compile(r"[.;:!?]|\bbut\b|\bso\b|\band then\b", re.IGNORECASE)
_GUESS = re.compile(
    r"\b(?:I|we) (?:think|thought|guess|guessed|believe|feel|felt|suppose|assumed)\b|"
    r"\b(?:probably|maybe|perhaps|would|should|might)\b|'d\b|'ll\b",
    re.IGNORECASE,
)
_ACTING = re.compile(r"\b(?:I|we)\b")


def _shown(doc: Document, start: int, done: bool) -> bool:
    """A beat's words show the principle only when the story tells it as done or found:
    not denied ('the logs were full of timeouts, but I didn't have time to read them'),
    not a habit or a hypothetical ('I would normally look at the raw data'), not a guess
    ('I think it was a good call because of the traffic'). A beat the candidate does
    needs I or we acting in its clause: 'The dashboards were all red' mentions data that
    nobody in the story went through."""
    marker = hypothetical_markers(doc)[doc.sentence_index(start)]
    if (marker is not None and marker[0] <= start) or doc.negated_before(start):
        return False
    sentence = doc.sentence_at(start)
    clause = _CLAUSE_BREAK.split(doc.text[sentence.start : start])[-1]
    if _GUESS.search(clause):
        return False
    return not done or _ACTING.search(clause) is not None


def vote_for(r: Reading, flags: list[FlagHit]) -> tuple[Vote, float, list[Evidence]]:
    """Score one telling for its principle; return the vote, the score and its evidence.

    Red flags set the score; the principle's beats and the STAR shape move it
    by at most a step, because interviewers write down flags first and grade
    the principle's specifics within them.
    """
    evidence: list[Evidence] = []
    score = BASE_SCORE
    doc = r.doc
    action = _I_ACTION.search(doc)
    if action:
        evidence.append(_ev(doc, action.start(), action.end(), "own action", True))
    else:
        score -= 0.5
    metrics = outcome_metrics(doc)
    if metrics:
        m = metrics[-1]
        evidence.append(_ev(doc, m.start, m.end, "quantified result", True))
    refl = REFLECTION.search(doc)
    if refl:
        evidence.append(_ev(doc, refl.start(), refl.end(), "reflection", True))
    beats = BEATS.get(r.principle, ())
    found_notes: set[str] = set()
    for beat in beats:
        found = next(
            (m for m in beat.pattern.finditer(doc) if _shown(doc, m.start(), beat.done)), None
        )
        if found:
            found_notes.add(beat.note)
            evidence.append(_ev(doc, found.start(), found.end(), beat.note, True))
    if beats and not found_notes:
        score -= 0.75
    elif beats and len(found_notes) == len(beats):
        score += 0.25
    core = CORE_BEATS.get(r.principle)
    if core is not None and core.note not in found_notes:
        score -= core.weight
        # Nothing to quote: the evidence is the absence, shown first.
        evidence.insert(0, Evidence(0, 0, "", core.missing, False))
    failure = is_failure_question(r.answer)
    if failure:
        owned = OWNED.search(doc)
        cost = COST.search(doc)
        if owned and cost:
            evidence.append(_ev(doc, owned.start(), owned.end(), "owned the failure", True))
    names = {f.name for f in flags}
    for flag in flags:
        weight = _PRINCIPLE_WEIGHTS.get(r.principle, {}).get(
            flag.name, FLAG_WEIGHTS.get(flag.name, 0.5)
        )
        if flag.name == "no-reflection" and failure and "spun-failure" not in names:
            weight = _FAILURE_NO_REFLECTION
        if flag.name == "no-commit" and flag.start is not None:
            weight += _DEFIANCE
        score -= weight
        if flag.start is not None and flag.end is not None:
            evidence.append(_ev(doc, flag.start, flag.end, flag.name, False))
    vote: Vote = "strongly-not-inclined"
    for threshold, name in SCORE_STEPS:
        if score >= threshold:
            vote = name
            break
    return vote, score, evidence
