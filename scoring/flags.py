"""The red flags an interviewer writes down, one detector per flag.

Each detector reads the answer as spoken and returns a :class:`FlagHit` or
None. The rules follow the definitions in the domain brief and general
English usage (auxiliaries, negation, tense), not any particular set of
example answers, because the engine is judged on answers it has not seen.
Presence flags quote what triggered them; absence flags say what is missing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from scoring.document import Document, as_document
from scoring.model import AnswerInput, FlagHit
from scoring.text import Rx, Span, shown_figures
from scoring.wording import plural

WORDS_PER_MINUTE = 150
TOO_SHORT_SECONDS = 45
TOO_LONG_SECONDS = 180


@dataclass(frozen=True)
class Reading:
    """One answer prepared once for every detector (its document, counts, timing)."""

    answer: AnswerInput
    doc: Document
    text: str
    """``doc.text``: the folded text offsets refer to."""
    sentences: list[Span]
    words: int
    seconds: float
    measured: bool

    @property
    def principle(self) -> str:
        return self.answer.principle


def read(answer: AnswerInput, doc: Document | None = None) -> Reading:
    """``answer`` prepared for the detectors; ``doc`` is its text read already, if it was."""
    doc = doc if doc is not None else Document(answer.text)
    words = doc.words
    measured = answer.seconds is not None and answer.seconds >= 0
    seconds = float(answer.seconds) if measured and answer.seconds is not None else 0.0
    if not measured:
        seconds = words * 60.0 / WORDS_PER_MINUTE
    return Reading(answer, doc, doc.text, list(doc.sentences), words, seconds, measured)


def _hit(name: str, text: str, span: Span | tuple[int, int], message: str) -> FlagHit:
    start, end = (span.start, span.end) if isinstance(span, Span) else span
    return FlagHit(name, start, end, text[start:end], message)


def _missing(name: str, message: str) -> FlagHit:
    return FlagHit(name, None, None, None, message)


def _rx(pattern: str) -> Rx:
    return Rx(pattern)


# --- we-heavy --------------------------------------------------------------


def we_heavy(r: Reading) -> FlagHit | None:
    we = r.doc.plural
    i = r.doc.singular
    if len(we) <= len(i):
        return None
    first = r.doc.sentence_at(we[0].start)
    return _hit(
        "we-heavy",
        r.text,
        first,
        f"'we' forms {plural(len(we), 'time')} against 'I' forms {plural(len(i), 'time')}: "
        "the candidate's own part cannot be seen.",
    )


# --- metrics ---------------------------------------------------------------

# A number is a result only when the clause around it reports a change or an
# outcome. Scope ("four report formats", "a 12-week internship"), effort ("70
# hours that week") and plans ("a roadmap over three years") are context.
_OUTCOME_CUE = _rx(
    r"\b(?:from|down to|up to|back to|cut|cuts|cutting|reduc\w*|drop\w*|fell|fall\w*|rose|"
    r"grew|grow\w*|increas\w*|decreas\w*|improv\w*|sav(?:e|ed|es|ing|ings)|halv\w*|doubl\w*|"
    r"tripl\w*|fewer|less|lower\w*|higher|faster|slower|shorter|quicker|gain\w*|won|"
    r"renew\w*|recover\w*|avoid\w*|prevent\w*|caught|eliminat\w*|shrank|shrunk|climb\w*|"
    r"jump\w*|went from|came down|upgraded|signed|converted|retained|freed|reached|"
    r"exceed\w*|lift\w*|boost\w*|sped up|zero|compared|versus|vs|was back|were back|"
    r"brought|took it)\b"
)
_EFFORT_CUE = _rx(
    r"\b(?:spent|spend|worked|working|put in|awake|stayed|straight|in total|all told|"
    r"over|for|that week|every (?:evening|night|weekend)|sprints?|overtime|study\w*|"
    r"courses?|took me|internship|roadmap|plan\w*|horizon|estimat\w*|guess\w*|"
    r"something like|maybe|would|could|might)\b"
)
_EFFORT_UNITS = _rx(
    r"^(?:nights?|weekends?|evenings?|all-nighters?|late|hours?|days?|weeks?|months?|years?|"
    r"sprints?|minutes?|shifts?)$"
)
_VAGUE_COUNTS = frozenset(("hundreds", "thousands", "dozens", "millions", "tens"))
_ALWAYS_METRIC_UNITS = ("%", "percent", "per cent", "x", "×", "ms")


_RATE = re.compile(
    r"(?:\s+[A-Za-z][\w\-]*){0,2}?\s+(?:a|per|each|every|/)\s*(?:second|minute|hour|day|week|"
    r"month|quarter|year|request|user|order)\b",
    re.IGNORECASE,
)
_MEASURE_WORD = _rx(
    r"\b(?:p\d\d|latency|latencies|response time|load time|error rate|errors|availability|"
    r"uptime|conversion|revenue|throughput|qps|rps|churn|retention|nps|csat|utili[sz]ation|"
    r"accuracy|precision|recall|coverage|success rate|failure rate|crash rate|bounce rate|"
    r"click-through|ctr|adoption|attrition|backlog)\b"
)


_GUESS = re.compile(r"\b(?:estimat\w*|something like|maybe|would|could|might)\b")
_CHANGE_BEFORE = re.compile(r"\b(?:from|to|saved?|saving|cut|reduc\w*|down|under)\b")
_STATE_BEFORE = re.compile(r"\b(?:was|were|is|to|at|hit|reached)\s+$")
_WORD_AFTER = re.compile(r"\s+[a-z]")
_OF_AFTER = re.compile(r"\s+of\b")


def _window(text: str, start: int, end: int) -> tuple[str, str]:
    """The clause around a figure: back to the last sentence mark, on to the next mark.

    Found with rfind/find rather than a regex split: it runs once per figure.
    """
    left = text[max(0, start - 70) : start]
    cut = max(left.rfind("."), left.rfind(";"), left.rfind("!"), left.rfind("?"))
    if cut >= 0:
        left = left[cut + 1 :]
    right = text[end : end + 35]
    stops = [i for i in map(right.find, ".;!?,") if i >= 0]
    if stops:
        right = right[: min(stops)]
    return left, right


_INSTEAD = re.compile(
    r"\s*(?:[a-z]+ )?(?:a \w+ |each |per \w+ )?(?:instead of|rather than|down from|"
    r"compared with)\b",
    re.I,
)
"""After a figure, the value it replaced: 'releases took 20 minutes instead of half a day'
says what changed, however 'took' reads elsewhere (the effort of the work)."""


def _outcome_metrics(doc: Document) -> tuple[Span, ...]:
    text = doc.text
    out: list[Span] = []
    found = doc.metrics
    hypo_ranges = hypothetical_ranges(doc) if found else []
    for q in found:
        if any(a <= q.start < b for a, b in hypo_ranges):
            continue
        left, right = _window(text, q.start, q.end)
        raw = q.text.lower()
        if raw in _VAGUE_COUNTS and _OF_AFTER.match(right):
            continue  # "hundreds of messages": a guess at size, not a measured result
        money = raw.startswith(("$", "€", "£")) or q.unit in ("dollars", "euros", "pounds")
        # "3x", "40%", "doubled": always a result. The unit says so, not the text:
        # the word "six" ends in x too.
        always = money or q.unit in _ALWAYS_METRIC_UNITS
        multiplier = q.unit == "x"
        if _GUESS.search(left) and not always:
            continue
        if always or multiplier:
            out.append(Span(q.start, q.end, q.text))
            continue
        # Each check below runs only when the ones before it leave the figure undecided.
        if _INSTEAD.match(right):
            out.append(Span(q.start, q.end, q.text))  # "took 20 minutes instead of half a day"
            continue
        if (
            _EFFORT_UNITS.match(q.unit)
            and (_EFFORT_CUE.search(left[-30:]) or _EFFORT_CUE.search(right[:20]))
            and not _CHANGE_BEFORE.search(left[-30:])
        ):
            continue
        if q.value == 0 and not _STATE_BEFORE.search(left) and not _WORD_AFTER.match(right):
            continue
        if (
            q.value == 0
            or _OUTCOME_CUE.search(left[-45:])
            or _OUTCOME_CUE.search(right)
            or _RATE.match(text, q.end)
            or _MEASURE_WORD.search(left[-40:] + " " + right[:25])
        ):
            out.append(Span(q.start, q.end, q.text))
    return tuple(out)


def outcome_metrics(text: str | Document) -> list[Span]:
    """Quantities that report a result: not context, effort, plans, dates or levels."""
    return list(as_document(text).derived(_outcome_metrics))


def no_metric(r: Reading) -> FlagHit | None:
    """No figure says what the result was. Figures that size the problem or the work ('broke
    login for 20 minutes') are named, so the message does not deny numbers the answer has."""
    if outcome_metrics(r.doc):
        return None
    said = list(dict.fromkeys(shown_figures(r.doc.text, r.doc.metrics)))[:2]
    if said:
        return _missing(
            "no-metric",
            "No quantified outcome: the figures given ("
            + ", ".join(f'"{q}"' for q in said)
            + ") size the problem or the work, not what changed as a result.",
        )
    return _missing(
        "no-metric",
        "No quantified outcome: no number, percentage, money, multiplier or time saved.",
    )


# --- hypothetical ----------------------------------------------------------

_HYPO = _rx(
    r"\b(?:I|we)(?:\s+(?:would|will|usually|typically|generally|normally|always|tend to|"
    r"try to|like to|make sure to|should)|'d|'ll)\b(?!\s+have\b)(?!'ve\b)(?!\s+be honest)"
    r"(?!\s+say\b)(?!\s+argue\b)(?!\s+(?:like to )?think\b)"
    r"|\bwhat I (?:do|would do|'d do|tend to do|usually do)\b(?!\s+differently)"
    r"|\b(?:the way|how) I (?:approach|handle|deal with|tackle) \w+ (?:is|would)\b"
    r"|\bmy (?:approach|process|rule|strategy|philosophy|go-to) (?:is|would be)\b"
    r"|\b(?:in (?:such a|a) (?:situation|case|scenario) like (?:that|this)|if (?:that|this) "
    r"(?:happened|happens)),? I\b"
    r"|\b(?:usually|typically|normally|generally|as a rule|most of the time),? (?:when )?I\b"
    r"|\bhow I would\b|\bI can tell you how\b|\bsay (?:our|we|I|a|the)\b"
)
# Reflection and counterfactual clauses are told about a real past, not instead of one.
_REFLECT_CONTEXT = _rx(
    r"\b(?:differently|next time|in hindsight|looking back|if I (?:did|were to do|had|could) |"
    r"again|lesson|learn|taught|since then|ever since|these days|going forward|would have|"
    r"if I were starting|in the future|sooner|earlier|I now\b|now I\b|no longer|"
    r"what I do now|I still\b|habit|d have)"
)
_PAST = _rx(
    r"\b(?:I|we|he|she|they|my (?:manager|team|lead)|the team)\s+(?:then\s+|also\s+|quickly\s+|"
    r"finally\s+|eventually\s+|immediately\s+|personally\s+|just\s+)?"
    r"(?:\w+ed|did|made|took|built|wrote|found|led|ran|saw|told|got|went|sent|shipped|set|put|"
    r"gave|knew|thought|began|brought|caught|chose|drew|drove|fell|felt|fought|held|kept|left|"
    r"lost|met|paid|rewrote|said|sat|sold|spent|spoke|stood|taught|understood|won|was|were|had|"
    r"could|couldn't|didn't|wasn't|weren't)\b"
    r"|\b(?:last (?:year|quarter|month|week|spring|summer|fall|autumn|winter)|"
    r"in (?:19|20)\d\d|at my (?:last|previous) (?:job|company|role)|when I was|"
    r"(?:a|one|two|three|four|five|six|a few|a couple of|several|\d+) (?:years|months) ago)\b"
)


def hypothetical_markers(doc: Document) -> tuple[tuple[int, int] | None, ...]:
    """Per sentence: the span of a hypothetical marker, or None.

    A marker in a sentence of reflection ("next time I would...") does not count.
    Each pattern runs once over the whole text and its hits are mapped to
    sentences, which is several times faster than searching sentence by sentence.
    """
    return doc.derived(_hypothetical_markers)


def _hypothetical_markers(doc: Document) -> tuple[tuple[int, int] | None, ...]:
    markers: dict[int, tuple[int, int]] = {}
    for m in _HYPO.finditer(doc):
        markers.setdefault(doc.sentence_index(m.start()), (m.start(), m.end()))
    if markers:
        for m in _REFLECT_CONTEXT.finditer(doc):
            markers.pop(doc.sentence_index(m.start()), None)
    return tuple(markers.get(i) for i in range(len(doc.sentences)))


def _past_sentences_over(
    doc: Document, markers: tuple[tuple[int, int] | None, ...], limit: int
) -> int:
    """Sentences without a marker that tell a past event, counted up to ``limit + 1``.

    The hypothetical flag only asks whether there are more of them than
    hypothetical ones, so counting stops there instead of reading to the end.
    """
    seen: set[int] = set()
    for m in _PAST.finditer(doc):
        i = doc.sentence_index(m.start())
        if i >= 0 and markers[i] is None:
            seen.add(i)
            if len(seen) > limit:
                break
    return len(seen)


def hypothetical_ranges(doc: Document) -> list[tuple[int, int]]:
    """(start, end) of each sentence told as a hypothetical or a habit."""
    return [
        (s.start, s.end)
        for s, marker in zip(doc.sentences, hypothetical_markers(doc), strict=True)
        if marker is not None
    ]


_NOW_QUESTION = _rx(r"\bnow\b|\bthese days\b|\bnowadays\b|\btoday\b|\bcurrently\b")
"""A question about the candidate's present ("Where do you draw that line now?")."""
_WOULD_QUESTION = _rx(
    r"\b(?:would you|what would|how would|if you (?:had|could|were|did)|what will you|"
    r"what do you do differently|what would you do differently)\b"
)
"""A question that asks for a hypothetical or a habit: answering in kind is no dodge."""
_CONDITIONAL = _rx(r"\bwould\b|'d\b|\bwill\b|'ll\b|\bif\b|\bsay\b|\bhow I would\b")


def hypothetical(r: Reading) -> FlagHit | None:
    markers = hypothetical_markers(r.doc)
    hypo = [Span(m[0], m[1], r.text[m[0] : m[1]]) for m in markers if m is not None]
    if r.answer.question and _NOW_QUESTION.search(r.answer.question):
        # Asked what they do now, a candidate's present habits are the answer, not a
        # dodge; only a conditional ("I would...") still stands in for a real event.
        hypo = [h for h in hypo if _CONDITIONAL.search(h.text)]
    if r.answer.question and _WOULD_QUESTION.search(r.answer.question):
        # Asked what they would do ("Would you build it the same way again?"), an answer
        # in 'would' answers the question; it does not stand in for a real event.
        return None
    if not hypo:
        return None
    past = _past_sentences_over(r.doc, markers, len(hypo))
    if (len(hypo) >= 2 and len(hypo) >= past) or (len(hypo) >= 1 and past == 0):
        first = r.doc.sentence_at(hypo[0].start)
        return _hit(
            "hypothetical",
            r.text,
            first,
            f"{plural(len(hypo), 'sentence')} "
            f"{'says' if len(hypo) == 1 else 'say'} what the candidate would or usually does, "
            f"{past} {'tells' if past == 1 else 'tell'} a past event.",
        )
    return None


# --- passive voice ---------------------------------------------------------

_IRREGULAR_PP = (
    "done|made|built|written|found|given|taken|seen|known|shown|told|sent|set|put|brought|"
    "caught|chosen|driven|held|kept|left|lost|paid|run|sold|spent|thrown|understood|won|"
    "rewritten|broken|begun|drawn|forgotten|hidden|shut|split|spread|struck|undertaken|"
    "overseen|withdrawn|shipped|fixed|rolled back|rolled out"
)
_PASSIVE = _rx(
    r"\b(?:was|were|been|being|got|get|gets|is|are)\s+(?:then\s+|quickly\s+|eventually\s+|"
    r"finally\s+|also\s+|later\s+|successfully\s+|fully\s+|immediately\s+|not\s+)?"
    r"(?P<pp>\w+ed|" + _IRREGULAR_PP + r")\b(?!\s+(?:by|to me|with me)\b)"
)
# Participles that describe a state or a feeling, not an action done to something.
_STATIVE = _rx(
    r"^(?:based|located|supposed|used|interested|concerned|worried|excited|tired|frustrated|"
    r"surprised|convinced|related|involved|pleased|satisfied|committed|scared|confused|"
    r"disappointed|embarrassed|shocked|stressed|overwhelmed|impressed|annoyed|blocked|stuck|"
    r"called|named|needed|required|expected|allowed|designed|meant|focused|aligned|married|"
    r"qualified|prepared|determined|responsible|tasked|asked|assigned|promoted|hired|paged|"
    r"on-called|motivated|inspired|relieved|amazed|engaged|exposed|limited|owned|staffed|"
    r"skilled|experienced|talented|dedicated|sized|shaped|crowded|bored|wed|red|bed|need|"
    r"feed|seed|speed|bleed|deed|ed)$"
)
_ACTIVE = _rx(
    r"\b(?:I|we|he|she|they|you|my (?:manager|team|lead|director|colleague|peer)|"
    r"the (?:team|customer|client|manager|lead|engineer|director)s?)\s+(?:then\s+|also\s+|"
    r"quickly\s+|finally\s+|eventually\s+|immediately\s+|personally\s+|just\s+|had\s+|have\s+|"
    r"didn't\s+|did not\s+|never\s+)?"
    r"(?:\w+ed|did|made|took|built|wrote|found|led|ran|saw|told|got|went|sent|shipped|set|put|"
    r"gave|brought|caught|chose|drew|drove|held|kept|left|paid|rewrote|said|sold|spent|spoke|"
    r"taught|won|cut|split|began|do|make|take|build|write|find|lead|run|ship|fix|add|move|"
    r"change|test|check|call|ask|tell|send|decide|propose|measure)\b"
)


def passive_spans(doc: Document) -> list[Span]:
    text = doc.text
    out: list[Span] = []
    for m in _PASSIVE.finditer(doc):
        if _STATIVE.match(m.group("pp")):
            continue
        before = text[max(0, m.start() - 12) : m.start()]
        if re.search(r"\b(?:I|we)\s+$", before):
            # "I was told", "we were given": the candidate is the subject; still a clause,
            # but not the "no actor" pattern the flag is about.
            continue
        out.append(Span(m.start(), m.end(), m.group()))
    return out


def passive_voice(r: Reading) -> FlagHit | None:
    passive = passive_spans(r.doc)
    if len(passive) < 3:
        return None  # too few to matter, whatever the active count
    active = sum(1 for _ in _ACTIVE.finditer(r.doc))
    if len(passive) <= active:
        return None
    return _hit(
        "passive-voice",
        r.text,
        passive[0],
        f"{len(passive)} passive clauses with no actor against {active} with one: "
        "who did the work is never said.",
    )


# --- manager-assigned ------------------------------------------------------

_BOSS = (
    r"(?:my|our|the)\s+(?:(?:engineering|direct|line|skip[- ]level|new|former|then|product|"
    r"senior|team)\s+)?(?:manager|boss|lead|team lead|tech lead|director|skip|skip-level|vp|"
    r"supervisor|head of \w+|em|cto|ceo)"
)
_ASSIGN = _rx(
    r"\b" + _BOSS + r"\s+(?:\w+\s+)?(?:asked|told|suggested|assigned|tasked|wanted|needed|"
    r"had|gave|handed|put|pulled|directed|instructed|requested|picked|chose|nominated|"
    r"came to me|approached me|pinged me|delegated)\b(?:\s+(?:me|us|that I|that we|if I|"
    r"whether I|I|the|this|a|it))"
    r"|\b(?:I|we)\s+(?:was|were|got)\s+(?:\w+\s+)?(?:asked|told|assigned|tasked|given|handed|"
    r"voluntold|instructed|directed|brought in|pulled in|put on)\s+(?:to|with|the|this|a|by)\b"
    r"|\b(?:at|on)\s+" + _BOSS + r"'s\s+(?:request|suggestion|direction|ask)\b"
    r"|\b(?:leadership|management|my management chain)\s+(?:asked|told|tasked|assigned|"
    r"wanted|directed|instructed)\s+(?:me|us)\b"
    r"|\bwas\s+" + _BOSS + r"'s\s+idea\b"
    r"|\bassigned\s+to\s+me\b",
)
_OWN_START = _rx(
    r"\bI\s+(?:had\s+)?(?:proposed|pitched|suggested|raised|flagged|noticed|spotted|offered|"
    r"volunteered|asked (?:if|whether|to)|wrote (?:a|the) (?:proposal|doc))"
)


_SAID_VERB = re.compile(r"\b(?:told|asked|said|mentioned|pointed out|gave|handed)\b", re.I)
"""Verbs that may report something said rather than hand work down; 'suggested (that) I
look at' always proposes the work, so it is not one of them."""
_OBJECT = re.compile(
    r"\s*(?:me|us|the team|my team)?\s*"
    # a short time or place before what was said: 'in a review', 'during our one-to-one'
    r"(?:(?:in|during|at|after|over|on|last|by)\s+[^,.;:]{0,30}?\s*?)?"
    r"(?=\b(?:that|about|why|how|what|where|when|whether|if|my|I)\b)",
    re.I,
)
_FEEDBACK_OBJECT = re.compile(
    r"\s*(?:me|us)\s+(?:some\s+|blunt\s+|honest\s+|direct\s+|a\s+(?:bit of\s+)?)?"
    r"(?:feedback|comments?|notes?|advice|a heads-up|heads-up|review)\b",
    re.I,
)
_DIRECTIVE = re.compile(
    r"\b(?:should|must|needed to|need to|had to|have to|was to|were to|could|would you|"
    r"(?:me|us) to \w+|(?:it|this|that) was (?:my|our) (?:job|task)|over to (?:me|us)|"
    r"(?:was|were|is|would be) (?:now )?(?:mine|ours|my (?:job|project|problem|"
    r"responsibility|task)))\b",
    re.I,
)


def _said_not_handed(text: str, verb: re.Match[str], end: int) -> bool:
    """A manager telling the candidate something is not handing them work: 'my tech lead
    told me in a review that my docs were unclear' reports feedback, 'asked me why the
    build broke' a question, 'gave me blunt feedback' a comment. Work is handed down by
    an instruction: 'told me to', 'asked me to', or a reported 'that I should', 'whether
    I could'. ``verb`` is the saying verb; ``end`` the end of its sentence."""
    after = text[verb.end() : end]
    if verb.group().lower() in ("gave", "handed"):
        return _FEEDBACK_OBJECT.match(after) is not None
    said = _OBJECT.match(after)
    return said is not None and _DIRECTIVE.search(after) is None


def manager_assigned(r: Reading) -> FlagHit | None:
    cutoff = int(max(len(r.text) * 0.6, 400))
    for m in _ASSIGN.finditer(r.doc, 0, cutoff + 80):
        if m.start() > cutoff:
            break
        if r.doc.negated_before(m.start() + _first_verb_offset(m.group()), 50):
            continue
        sent = r.doc.sentence_at(m.start())
        verb = _SAID_VERB.search(r.text, m.start(), m.end())
        if verb and _said_not_handed(r.text, verb, sent.end):
            continue
        lead = r.text[sent.start : m.start()]
        if _OWN_START.search(lead) or re.search(r"\b(?:after|once|when) I\b", lead, re.I):
            continue
        if re.search(r"\b(?:nobody|no one|no-one)\b", r.text[max(0, m.start() - 25) : m.end()]):
            continue
        return _hit(
            "manager-assigned",
            r.text,
            sent,
            "The work began because a manager asked: execution, not ownership.",
        )
    return None


def _first_verb_offset(matched: str) -> int:
    verb = re.search(
        r"asked|told|suggested|assigned|tasked|wanted|needed|had|gave|handed|put|given|request",
        matched,
        re.IGNORECASE,
    )
    return verb.start() if verb else 0


# --- escalated-away --------------------------------------------------------

_HANDOFF = _rx(
    r"\b(?:escalated|paged|pinged|notified|alerted|messaged|emailed|looped in|handed|passed|"
    r"forwarded|reported|filed|opened|raised|logged|submitted|reassigned|threw|kicked|"
    r"flagged|forwarding)\b(?=[^.;!?]{0,70}\b(?:team|teams|on-?call|owners?|group|vendor|"
    r"support|dba|sre|ops|queue|intake|ticket|jira|their manager|security|infra\w*|platform|"
    r"engineers)\b)"
    # Making a ticket for someone else: "wrote up a ticket for them", "put in a request".
    r"|\b(?:wrote up|created|put in|cut|raised|filed|opened|logged)\s+(?:a|an)\s+"
    r"(?:[\w\-]+\s+){0,2}?(?:ticket|bug|request|case|issue)\b"
    r"(?=[^.;!?]{0,40}\b(?:for|to|with) (?:them|the|their|that)\b)",
)
_WAITED = _rx(
    r"\b(?:waited|waiting|wait for|sat tight|until they|till they|out of my hands|"
    r"their (?:problem|responsibility|job|call|code|bug|system)|not (?:my|our) (?:problem|job|"
    r"code|system|team|area)|(?:take|took|handle[ds]?) it from there|went back to (?:my|our)|"
    r"(?:they|the \w+ team|their team|the owners?) (?:eventually |finally |then |quickly )?"
    r"(?:\w+ed|took care|dealt|picked it up|found|made|put|set|got|brought)|"
    r"left it (?:with|to) them|nothing more I could do|moved on to|I assume they)\b"
)
_FIX_WORK = _rx(
    r"\b(?:I|we)\s+(?:\w+\s+){0,2}?(?:wrote|built|drafted|prepared|tested|sent|opened|"
    r"submitted|proposed|brought|attached|shipped|put up|raised)\b"
)
_FIX_NOUN = _rx(
    r"\b(?:fix|fixes|patch|pr|pull request|revert|workaround|diff|mitigation|change|rollback|"
    r"fallback|hotfix|the config|code)\b"
)
_FIXED_IT = _rx(
    r"\bI\s+(?:\w+\s+)?(?:fixed|patched|reverted|rolled (?:it |this |the \w+ )?back|mitigated|"
    r"moved|switched|pinned|rerouted|failed (?:it )?over|disabled|turned (?:off|on)|changed|"
    r"restarted|scaled|deployed|rewrote|implemented|repaired|cleaned up|resolved|unblocked)\b"
)


def _own_fix(doc: Document) -> bool:
    """The candidate brought or made a fix (so a handoff was not a hand-off-and-wait)."""
    if _FIXED_IT.search(doc):
        return True
    for s in doc.sentences:
        m = _FIX_WORK.search(s.text)
        if m and _FIX_NOUN.search(s.text, m.start()):
            return True
    return False


# "I wrote the first version myself, handed it to a senior engineer": passing on what
# the candidate built is delegation of their own work, not routing a problem away.
_BUILT_BEFORE = _rx(
    r"\bI\s+(?:\w+\s+)?(?:wrote|built|shipped|created|designed|implemented|prototyped|"
    r"delivered|launched|finished)\b(?!\s+up)(?!\s+(?:all (?:of )?)?(?:this|it|that|everything)"
    r"\s+up)(?!\s+everything)(?!\s+(?:a|an|the|my)\s+(?:\w+\s+)?(?:doc|document|write-?up|"
    r"summary|report|ticket|description|note|email|memo|proposal)\b)"
)


def escalated_away(r: Reading) -> FlagHit | None:
    handoff = [
        m
        for m in _HANDOFF.finditer(r.doc)
        if not _BUILT_BEFORE.search(r.doc, r.doc.sentence_at(m.start()).start, m.start())
    ]
    if not handoff:
        return None
    if _own_fix(r.doc):
        return None
    if not _WAITED.search(r.doc, handoff[0].start()):
        return None
    first = handoff[0]
    return _hit(
        "escalated-away",
        r.text,
        r.doc.sentence_at(first.start()),
        "The problem was handed to another team and the candidate waited; no fix was brought.",
    )


# --- effort-only -----------------------------------------------------------

_EFFORT = _rx(
    r"\b(?:late nights?|all[- ]nighters?|stay(?:ed|ing)? (?:up )?late|"
    r"(?:worked|working|through|over|on|during|every|all|most of|spent|spending|in)\s+"
    r"(?:of\s+)?(?:the |my |our )?(?:\w+ )?(?:weekends?|nights?|evenings?|holidays?|"
    r"saturdays|sundays)|(?:came|got|went) in early|"
    r"(?:gave|give|giving) up (?:my|our) (?:weekends?|evenings?|holidays?|vacation|sleep)|"
    r"(?:middle|rest) of the night|until (?:\w+ )?(?:or \w+ )?in the morning|long hours|"
    r"(?:\d+|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty)[- ]hour "
    r"(?:days|weeks|shifts)|(?:sixty|seventy|eighty|ninety|\d\d)[- ]hour|"
    r"(?:hardest|longest|most) I(?:'ve| have)? ever worked|lived at the office|"
    r"around the clock|worked (?:really |so |very |incredibly )?hard|"
    r"put in (?:a lot of|extra|so many|long|more than \w+) (?:hours|time|effort)|"
    r"(?:extra|countless|so many|long) hours|hours (?:in total|straight)|\w+ hours straight|"
    r"awake for|didn't sleep|without sleep|no sleep|skipped (?:my |a )?(?:\w+'s )?"
    r"(?:\w+ )?(?:vacations?|holidays?|weekends?|lunch|recital|birthday|dinners?)|"
    r"burn(?:ed|t)? the midnight oil|overtime|took shifts|came in on (?:Saturday|Sunday|"
    r"the weekend|weekends)|carr(?:y|ied|ying) the pager|got up early|worked tirelessly|"
    r"tirelessly|sleepless|(?:late|long) into the night|(?:\w+ )?hours? of overtime)\b",
)


def effort_only(r: Reading, impact: bool) -> FlagHit | None:
    """Effort told as the achievement: said more than once, with no quantified impact."""
    if impact:
        return None
    found = _EFFORT.search(r.doc)
    if not found or _EFFORT.search(r.doc, found.end()) is None:
        return None
    return _hit(
        "effort-only",
        r.text,
        r.doc.sentence_at(found.start()),
        "Effort is offered as the achievement; no impact is told.",
    )


# --- vague -----------------------------------------------------------------

_VAGUE = _rx(
    r"\b(?:helped (?:a lot|a great deal|tremendously|massively|hugely|loads|immensely|"
    r"significantly|enormously)|(?:a lot|much|way|far|so much|significantly|noticeably|"
    r"considerably|dramatically|substantially|vastly|a bit|somewhat|really) "
    r"(?:better|faster|quicker|smoother|happier|easier|cleaner|more (?:stable|reliable|"
    r"efficient|productive|robust|scalable))|(?:greatly|really|significantly|hugely|"
    r"dramatically|substantially|massively|vastly|noticeably|considerably|definitely) "
    r"(?:improved|improving|reduced|increased|helped|boosted|sped up|cut|lowered|raised|"
    r"better)|(?:improved|reduced|increased|helped|boosted|grew|sped up) (?:\w+ )?"
    r"(?:a lot|significantly|dramatically|substantially|massively|hugely|considerably|"
    r"greatly|quite a bit|a ton|tremendously)|(?:huge|big|massive|major|real|great|"
    r"significant|tremendous|enormous|positive|noticeable|measurable) "
    r"(?:improvement|impact|difference|success|win|boost|change|gains?|effect|"
    r"reduction|increase)|made (?:a|the) (?:big |huge |real |massive )?difference|"
    r"went (?:really |very |super )?(?:well|smoothly)|(?:everyone|everybody|customers|"
    r"users|the team|people|stakeholders) (?:was|were) (?:really |very |much )?"
    r"(?:happy|happier|pleased|thrilled|satisfied|delighted)|very successful|"
    r"(?:positive|great|good) feedback|(?:things|it|everything) (?:got|was|were) "
    r"(?:much |a lot |way )?better|much improved|a lot of (?:value|impact|time|money)|"
    r"saved (?:a lot of|lots of|loads of|tons of|plenty of) \w+|"
    r"(?:fewer|less|more) (?:\w+ )?than before|(?:a lot|much|far|way|so much|even|"
    r"significantly|considerably|a great deal) (?:more|less) (?:smooth\w*|reliabl\w*|stabl\w*|"
    r"efficient\w*|productive|predictabl\w*|positive|responsive|scalable|maintainable|"
    r"independent\w*|satisfied|engaged|quickly|easily|consistent\w*|robust|performant|"
    r"usable|valuable|effective\w*|confident|successful)|noticed the difference|"
    r"(?:worked|went|turned out) (?:really |very |pretty |super )?well|"
    r"(?:really |very )?(?:good|great|positive|excellent) (?:outcome|result)s?|"
    r"(?:resulted in|led to|leading to|resulting in|which meant) (?:a |an )?(?:significant(?:ly)? |"
    r"great(?:ly)? |much |noticeabl[ey] |marked(?:ly)? |substantial(?:ly)? |big |huge )?"
    r"(?:improv\w*|increas\w*|better|enhanc\w*|reduc\w*|higher|lower|faster|fewer|greater|"
    r"more|less|boost\w*|smoother)|(?:improved|enhanced|boosted|increased|streamlined) "
    r"(?:\w+ )?(?:satisfaction|experience|performance|efficiency|productivity|reliability|"
    r"morale|collaboration|quality|stability|visibility|engagement|trust)|"
    r"(?:really|very|greatly|much) appreciated|"
    r"(?:incredibly|extremely|really|very|super|so|hugely|overwhelmingly|remarkably|"
    r"amazingly) (?:positive|easy|smooth|popular|well[- ]received|successful|happy|pleased|"
    r"grateful|relieved)|"
    r"(?:feedback|response|reception|reaction)s? (?:[\w\-]+ ){0,4}?(?:was|were) (?:\w+ )?"
    r"(?:positive|great|excellent|glowing|fantastic|amazing|overwhelming))\b"
)


def vague(r: Reading, specific: bool) -> FlagHit | None:
    if specific:
        return None  # figures told: vague words beside them are not the flag
    found = _VAGUE.search(r.doc)
    if not found:
        return None
    return _hit(
        "vague",
        r.text,
        (found.start(), found.end()),
        "Impact is told in vague words, not figures.",
    )


# --- result ----------------------------------------------------------------

RESULT = _rx(
    r"\b(?:reduced|cut (?:it|the|our|\w+ (?:time|cost|rate)|from|down)|dropped|fell|"
    r"went (?:down|up|from|live|out)|came (?:down|back|in)|increased|rose|grew|improved|saved|"
    r"shipped|launched|released|rolled (?:it |them |this )?out|"
    r"(?:was|were|is|went|got it) (?:back|live|stable|fixed|resolved|approved|merged|deployed|"
    r"adopted)|delivered|resolved|eliminated|"
    r"prevented|recovered|stopped|won|renewed|hit (?:the|our)|met (?:the|our)|exceeded|"
    r"achieved|adopted|completed|finished|migrated|approved|retained|avoided|halved|doubled|"
    r"tripled|lost|missed|slipped|failed|churned|ended up|landed|closed|restored|passed|"
    r"signed|converted|unblocked|promoted|received|deployed|merged|pushed (?:it|them|the \w+) "
    r"(?:out|live)|caught|fixed|turned (?:it )?on|succeeded|was a success|praised|thanked|"
    r"upgraded|accepted|agreed|now (?:leads|owns|runs|handles|takes|serves|uses)|"
    r"as a result|in the end|the result|results?(?=:)|resulting in|which led to|led to (?:a|an)|"
    r"ever since|since then|decided|backed|ruled|sided with|"
    r"went with|overruled|(?:kept|stuck with|stood by|upheld|reversed) (?:the|his|her|their|"
    r"that) (?:\w+ )?decision|moved (?:it|them|the \w+)|(?:is|are) still (?:in use|running|the)|"
    r"went through|became|(?:was|got) (?:promoted|hired|approved|accepted)|return offer|"
    r"took over|(?:led|ran|presented|shipped|owned) (?:\w+ ){0,3}on (?:his|her|their) own"
    # A change made, told with its figure: "cut errors by 30 percent", "got p99 down to 0.4
    # seconds", "brought the queue down to two days", "kept $210,000 a year in revenue".
    r"|cut (?:[\w\-]+ ){1,3}?by (?:about |around |roughly |nearly |over )?(?:\d+|half|a third)"
    r"|(?:got|brought|pushed|pulled|drove|dragged) (?:[\w\-]+ ){1,3}?(?:down|up) to\b"
    r"|(?:took|moved) (?:[\w\-]+ ){1,3}?from (?:about |around )?[$£€]?\d[^.;!?]{0,20}? to\b"
    r"|kept (?:about |around |roughly |nearly )?[$£€][\d,.]*\d"
    # An event that came off as planned: "every mock ran on time with no clash", "the
    # opening went ahead without a hitch".
    r"|(?:ran|went|went ahead|happened|opened|started|finished|took place|landed) "
    r"(?:\w+ ){0,2}?(?:on time|on schedule|as planned|without (?:a|any) (?:hitch|clash|"
    r"problem|issue|incident)s?)"
    # A value told against the one it replaced: "releases took 20 minutes instead of half
    # a day", "it now runs in 4 seconds rather than 40".
    r"|(?:took|takes|ran|runs|run|lasted|cost|costs|came to) (?:about |around |roughly |just |"
    r"only |under |in )?(?:[$£€]?\d[\w.,]*|a|an|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|twelve|twenty|thirty|forty|fifty|half an?) (?:\w+ )?(?:instead of|rather than))\b"
)
_UNFINISHED = _rx(
    r"\b(?:never (?:shipped|launched|went live|got built)|stayed on a branch|"
    r"(?:nobody|no one|(?:don't|didn't) think anyone) (?:ever )?picked (?:it|that) up|"
    r"I assume|I'm not sure (?:exactly )?(?:what|whether|if|how)|I don't know (?:what|whether|if)|"
    r"still (?:being )?(?:considered|discussed|reviewed|working|waiting|in progress|going|open)|"
    r"(?:is|are) being considered|hoping (?:it|that|they)|I hope (?:it|that|they)|we'll see|"
    r"remains to be seen|not (?:yet )?(?:shipped|launched|decided)|didn't hear (?:anything|back)|"
    # The candidate left before it landed: "still writing it when I left", "around then I
    # moved teams, so I handed it to a colleague to take forward".
    r"still \w+ing\b[^.!?]{0,60}\b(?:when|before|as) I (?:left|decided to leave|quit|moved|"
    r"transferred|changed|switched|rotated)|"
    r"(?:(?:around|about) (?:then|that time)|at that point),? I (?:moved|left|transferred|"
    r"switched)|"
    r"handed (?:[\w\-]+ ){0,3}?to (?:a|an|my|another|one of) (?:[\w\-]+ ){0,2}?to (?:take "
    r"(?:it )?forward|carry on|finish|pick up|follow through|continue|land|drive))"
)


_PROPOSAL_ONLY = _rx(
    r"\b(?:will|would|going to|plan(?:ned)? to|hope|hoping|expect(?:ed)? to|"
    r"is (?:on|in) the roadmap|still waiting)\b"
)


def stops_before_outcome(doc: Document) -> bool:
    """The ending says the work never landed or the candidate left before it did."""
    return doc.derived(_stops_before_outcome)


def _stops_before_outcome(doc: Document) -> bool:
    # The ending read on its own: a phrase cut at the 55% mark starts a word there.
    return _UNFINISHED.search(doc.text[int(len(doc.text) * 0.55) :]) is not None


def result_span(r: Reading) -> Span | None:
    """A sentence telling how things ended, looked for after the opening situation."""
    return r.doc.derived(_result_span)


def _result_span(doc: Document) -> Span | None:
    text = doc.text
    r_sentences = doc.sentences
    n = len(r_sentences)
    skip = 1 if n >= 4 else 0
    if stops_before_outcome(doc):
        return None
    markers = hypothetical_markers(doc)
    for m in RESULT.finditer(doc, r_sentences[skip].start if len(r_sentences) > skip else 0):
        i = bisect_right(doc.sentence_starts, m.start()) - 1
        if i < 0 or markers[i] is not None:
            continue  # inside a hypothetical sentence
        s = r_sentences[i]
        if not _PROPOSAL_ONLY.search(doc, s.start, m.start()):
            return Span(m.start(), m.end(), text[m.start() : m.end()])
    return None


def no_result(r: Reading) -> FlagHit | None:
    # A vague claim ("it worked well") is an outcome told badly, which is the vague flag.
    if "result" in r.answer.told or result_span(r) is not None or _VAGUE.search(r.doc):
        return None
    return _missing("no-result", "No outcome is told: the story stops before anything happened.")


# --- reflection ------------------------------------------------------------

REFLECTION = _rx(
    r"\b(?:I (?:learned|learnt|realised|realized|took away|now|no longer|always \w+ (?:now|since)|"
    r"have since|'ve since|changed (?:how|the way|my)|make (?:it )?a (?:point|habit)|"
    r"would (?:do|have done) (?:it |things )?differently|'d (?:do|have done) (?:it |things )?"
    r"differently|do (?:that|this) (?:now|every time|whenever))|"
    r"lessons?|(?:my|the|big|key) learning|taught me|takeaway|what I took from|"
    r"next time|(?:since then|ever since|from then on|to this day)[^.!?]{0,60}\bI\b|"
    r"these days|going forward|"
    r"nowadays|what I do now|now,? (?:when|whenever|before|every time|I)\b|habit|"
    r"differently|if I did it again|if I were (?:to do it|starting)|what I changed|"
    r"made me (?:realise|realize|rethink|change)|changed how I|the way I \w+ now|"
    r"reminded me|I(?:'ve| have) (?:started|changed|stopped)|we (?:learned|learnt|realised|"
    r"realized)|taught (?:us|the team)|our (?:lesson|takeaway)|moving forward|reinforced (?:my|"
    r"for me|the)|key takeaway|(?:made|make) it a (?:practice|rule)|I(?:'ve| have) (?:adopted|"
    r"kept|made))\b"
    r"|\b(?:looking back|in hindsight|in retrospect),? I\b"
    # Perfect tense and advice-to-others forms of a lesson: "I've learned that ...",
    # "what I'd pass on is ...", "the advice I'd give".
    r"|\bI(?:'ve| have) (?:\w+ )?(?:learned|learnt|realised|realized|come to (?:see|"
    r"believe|realise|realize|appreciate)|taken away)\b"
    r"|\bwhat I(?:'d| would) (?:\w+ )?(?:pass on|carry forward|take forward|take away|repeat|"
    r"do again|keep doing|tell (?:someone|anyone|others|other engineers|a new \w+))\b"
    r"|\b(?:the )?advice I(?:'d| would) give\b"
    # A habit kept from the story to now is the change it made: 'I still write docs that
    # way', 'since that review I always...', 'I always write the decision first now'.
    # 'I still had to', 'I still thought he was wrong', 'I still don't know', 'I still
    # remember' tell no habit: a habit is in the present tense.
    r"|\bI still (?!(?:had|have to|was|were|did|do not|don't|didn't|can't|cannot|couldn't|"
    r"wasn't|won't|wouldn't|needed|need to|got|think|wonder|remember|feel|felt|regret|hope|"
    r"haven't|hadn't|am|thought|knew|kept|wrote|ran|went|made|took|saw|said|told|found|"
    r"chose|left|sent|brought|held|spent|began|gave|came|built|sat|stood|met|lost|won|paid|"
    r"could|would|should)\b)[a-z]+(?<!ed)(?<!ing)\b"
    r"|\b(?:since|after) (?:that|this) (?:review|incident|outage|day|project|conversation|"
    r"meeting|mistake|failure|launch|experience|episode|feedback|retro|retrospective|"
    r"post-?mortem|talk|one-to-one|1:1),? [^.!?]{0,40}\bI\b[^.!?]{0,20}\b(?:always|never|now|"
    r"still|make|keep|start)\w*"
    r"|\bfrom that (?:day|point|moment) on\b"
    r"|\bI (?:now )?always\b[^.!?]{0,60}\b(?:now|these days)\b"
)


def no_reflection(r: Reading) -> FlagHit | None:
    if "reflection" in r.answer.told or REFLECTION.search(r.doc):
        return None
    return _missing("no-reflection", "No lesson or changed habit is told.")


# --- length ----------------------------------------------------------------


def too_short(r: Reading) -> FlagHit | None:
    if r.seconds >= TOO_SHORT_SECONDS:
        return None
    how = "measured" if r.measured else f"estimated from {plural(r.words, 'word')} at 150 a minute"
    return _missing("too-short", f"{r.seconds:.0f} seconds ({how}); under 45 seconds.")


def too_long(r: Reading) -> FlagHit | None:
    if r.seconds <= TOO_LONG_SECONDS:
        return None
    how = "measured" if r.measured else f"estimated from {plural(r.words, 'word')} at 150 a minute"
    return _missing("too-long", f"{r.seconds:.0f} seconds ({how}); over 3 minutes.")


# --- no-commit (have-backbone) ---------------------------------------------

DISAGREE = _rx(
    r"\b(?:disagree\w*|push(?:ed)? back|pushback|objected|challenged|argued|"
    r"didn't agree|did not agree|wasn't convinced|was not convinced|raised (?:my )?concerns?|"
    r"concerns?|opposed|contested|questioned|made the case|against (?:it|the|this|that))\b"
)
COMMIT = _rx(
    r"\b(?:disagree and commit|committed|commit(?:ted)? (?:to|fully)|I commit|"
    r"(?:went|go|going) (?:along )?with (?:it|the|their|his|her|that|this|the team's)|"
    r"(?:backed|supported|accepted|respected|honou?red|embraced|owned) (?:the|their|his|her|"
    r"that|this|it|that) ?(?:\w+ )?(?:decision|call|choice|plan|approach|direction)?|"
    r"(?:fully|100%|completely|all in|all-in) (?:behind|on board|committed|in)|"
    r"got (?:fully )?behind|threw myself|on board|put my (?:full )?weight|"
    r"(?:once|after) (?:the|a) (?:decision|call) was made|(?:once|after) (?:it|that) was "
    r"decided|(?:once|after) (?:they|he|she|we) (?:decided|made the call)|"
    r"(?:helped|help) (?:them |to )?(?:ship|deliver|execute|build|implement|land)|"
    r"executed (?:on )?(?:it|the|their)|made (?:it|their \w+|the \w+) (?:work|succeed)|"
    r"deferred to|I agreed to|agreed to (?:go|proceed|move|ship|try)|"
    r"(?:they|he|she|leadership|my manager|the director) (?:agreed|adopted|accepted|approved|"
    r"went with (?:my|our))|changed (?:their|his|her) mind|came around|"
    r"I conceded|compromise\w*|met (?:them|him|her) (?:halfway|in the middle))\b"
)
_DEFIANT = _rx(
    r"\b(?:went ahead (?:with (?:my|our) \w+ )?anyway|refused to|did it my way|"
    r"still (?:think|thought|believe|believed) (?:I was|he was|she was|they were) (?:right|wrong)|"
    r"kept (?:pushing|arguing|escalating|building|working on|lobbying)|on the side|"
    r"without telling|behind (?:his|her|their|my manager's) back|proved my point|"
    r"went over (?:his|her|their|my manager's) head|went (?:to|straight to) (?:his|her|their) "
    r"(?:boss|manager|director|vp|skip)|work(?:ed)? around (?:the|their|his|her) decision|"
    r"regardless|didn't (?:back|go along|support|commit)|never (?:agreed|committed)|"
    r"told (?:my|the) (?:own )?team (?:I|we) didn't agree|"
    r"(?:wouldn't|would not|won't|refused to) (?:put my name (?:on|to)|sign off|sign|endorse|"
    r"stand behind|back|support)|"
    r"kept (?:[\w\-]+ ){0,4}?(?:alive|going|running|warm) (?:on a branch|in case|just in case|"
    r"as a fallback)|in case (?:they|he|she|leadership|management|the \w+) changed "
    r"(?:their|his|her) minds?)\b"
)


def no_commit(r: Reading) -> FlagHit | None:
    if r.principle != "have-backbone":
        return None
    defiant = _DEFIANT.search(r.doc)
    committed = COMMIT.search(r.doc)
    if committed and defiant:
        # A commit only counts if nothing defiant follows it.
        later = _DEFIANT.search(r.doc, committed.end())
        if later is None and committed.start() > defiant.start():
            return None
    elif committed:
        return None
    if defiant:
        return _hit(
            "no-commit",
            r.text,
            r.doc.sentence_at(defiant.start()),
            "Disagreement without committing to the decision once made.",
        )
    if not DISAGREE.search(r.doc):
        # No disagreement told at all: there was nothing to commit to after it. The
        # missing disagreement is the vote's to judge (backbone's first beat), not this flag's.
        return None
    return _missing(
        "no-commit",
        "No commitment to the decision once made is told: backbone needs both the "
        "disagreement and the commit.",
    )


# --- spun-failure ----------------------------------------------------------

_FAILURE_QUESTION = _rx(
    r"\b(?:you (?:\w+ )?(?:failed|fail|made a mistake|were wrong|got it wrong|messed up|"
    r"screwed up|let (?:\w+ ){0,2}down)|(?:your|a|an) (?:biggest |worst |professional |big |"
    r"real |costly )*(?:failure|mistake|regret)s?|didn't go (?:as planned|well)|went wrong|"
    # Not "polishing work that still fell short in your eyes": your bar, not your failure.
    r"went badly|fell short(?! (?:in your (?:own )?eyes|of your (?:own )?(?:standards?|bar|"
    r"expectations)))|missed (?:a|the) (?:deadline|commitment))\b"
)
OWNED = _rx(
    r"\b(?:I owned (?:it|that|the \w+|up|my)|(?:failures?|mistakes?) (?:was|were) (?:when|that) I|"
    r"I (?:\w+ ){1,4}without (?:testing|checking|reviewing|verifying|validating|asking|"
    r"telling|measuring|a (?:test|review|plan|rollback))|"
    r"I (?:had )?(?:neglected|rushed|misread)|"
    r"I (?:made (?:a|the) (?:\w+ )?(?:mistake|error|call|assumption)|was wrong|"
    r"misjudged|underestimated|overestimated|overlooked|missed|forgot|ignored|skipped|"
    r"assumed|didn't|did not|never|failed|broke|caused|shipped (?:a|the) (?:bug|change)|"
    r"pushed (?:a|the) (?:bad|broken)|should have|should've|could have|had not|hadn't|"
    r"chose|picked|decided|dropped the ball|let (?:it|the|that|them))|"
    r"my (?:mistake|fault|error|call|bug|change|decision|assumption|code|mistake)|"
    r"(?:it|that|this|the \w+) was (?:on me|my fault|my call|my mistake)|I own(?:ed)? (?:it|that))"
)
COST = _rx(
    r"\b(?:cost|costs|lost|losing|loss|outage|downtime|down for|delay\w*|slipp\w*|"
    r"missed|late|rolled? back|rollback|refund\w*|churn\w*|wasted|broke|broken|angry|"
    r"escalat\w*|complain\w*|customers? (?:were|was|got) (?:affected|impacted|hit|charged)|"
    r"affected|impacted|incident|sev[- ]?\d|pag\w+|failed|failure|corrupt\w*|errors?|"
    r"damage\w*|penalt\w*|fine|credits?|apolog\w*|blocked|weeks of rework|rework|redo)\b"
)
_SPIN = _rx(
    r"\b(?:care too much|too much of a perfectionist|I'm a perfectionist|I am a perfectionist|"
    r"work too hard|worked too hard|too detail[- ]oriented|blessing in disguise|"
    r"(?:turned|turn) (?:it |this |that )?(?:into|out to be) (?:a |our )?(?:\w+ )?"
    r"(?:success|win|positive|strength|good thing)|"
    r"(?:wasn't|was not|isn't|not) really a failure|in the end it (?:all )?(?:worked out|"
    r"was a success)|ended up (?:being )?(?:a|our) (?:\w+ )?(?:success|win)|"
    r"(?:was|were|is) (?:actually|really) (?:a )?(?:good|great|success|win)|"
    r"ultimately (?:it |this |the \w+ )?(?:was |became |proved |turned out )?(?:to be )?(?:a )?"
    r"(?:success|win|the right call)|"
    r"(?:it|this|that|everything|things) (?:all )?(?:worked out|turned out|ended up) (?:really |"
    r"very |pretty |just )?(?:well|great|fine|ok|okay|for the best)|before anyone (?:really )?"
    r"noticed|no (?:real )?harm done|trust(?:ing|ed)? (?:my team|them|others|people) too much|"
    r"(?:my|the) (?:only|biggest|real) (?:failure|weakness) (?:is|was) (?:probably )?that I "
    r"(?:take on too much|care|work|push|expect|hold|trust)|"
    r"(?:my|the) (?:only|biggest) (?:failure|weakness) (?:is|was) that I (?:care|work|"
    r"push|take on|expect|hold))\b",
)
_NOT_ALL_MINE = r"(?:entirely |all |really |just |only |completely |totally |solely |100% )?"
_OTHERS = (
    r"(?:they|he|she|qa|ops|(?!(?:my|our)\b)[a-z]+ team|the (?!(?:my|our)\b)[a-z]+(?: [a-z]+)?)"
)
_BLAME = _rx(
    # "It wasn't (entirely) my fault", "not all our fault": the failure's ownership denied.
    r"\b(?:it|this|that) (?:wasn't|was not|isn't|is not) " + _NOT_ALL_MINE + r"(?:my|our) fault\b"
    r"|\bnot (?:entirely|all|really|just|only|completely|totally|solely) (?:my|our) fault\b"
    # "QA's fault", "their fault" (not "nobody's", "no one's", "everyone's").
    r"|\b(?!(?:nobody|everyone|everybody|anyone|one|no one)'s)(?:their|his|her|[a-z]+'s) fault\b"
    # "QA should have caught it": someone else was meant to stop it.
    r"|\b" + _OTHERS + r" (?:really )?should(?: have|'ve) (?:caught|noticed|spotted|flagged|"
    r"tested|found|stopped|checked|warned|told|seen|reviewed)\b"
    r"|\bbecause (?:they|he|she|the other team|another team|the vendor|product|management|qa|"
    r"ops) (?:didn't|did not|never|failed|forgot|missed|changed|gave)\b"
)
_NEGATED_BEFORE = re.compile(r"(?:\b(?:not|never|no|nobody|no one)\b|n't)\W+(?:\w+\W+){0,3}$")
"""Blame said only to deny it: "I'm not saying QA should have caught it", "it wasn't
QA's fault". Up to three words may sit between the negation and the blame."""


def blame_shift(doc: Document) -> re.Match[str] | None:
    """The first place the failure is put on someone else, unless it is said to deny it."""
    text = doc.text
    for m in _BLAME.finditer(doc):
        start = doc.sentence_at(m.start()).start
        if not _NEGATED_BEFORE.search(text[start : m.start()].lower()):
            return m
    return None


def is_failure_question(answer: AnswerInput) -> bool:
    """The question asked for the candidate's own failure (flagged, or worded so)."""
    return answer.failure or bool(answer.question and _FAILURE_QUESTION.search(answer.question))


def spun_failure(r: Reading) -> FlagHit | None:
    applies = is_failure_question(r.answer) or (
        r.principle == "learn-and-be-curious"
        and r.answer.question is None
        and bool(_FAILURE_QUESTION.search(r.doc))
    )
    if not applies:
        return None
    spin = _SPIN.search(r.doc)
    if spin:
        return _hit(
            "spun-failure",
            r.text,
            r.doc.sentence_at(spin.start()),
            "The failure is told as a success in disguise.",
        )
    owned = OWNED.search(r.doc)
    blame = blame_shift(r.doc)
    if blame:
        # Owning part of it does not undo putting the rest on others: interviewers note both.
        return _hit(
            "spun-failure",
            r.text,
            r.doc.sentence_at(blame.start()),
            "The failure is put on others"
            + ("; no mistake is owned." if not owned else ", even where a mistake is owned."),
        )
    if not owned:
        return _missing("spun-failure", "No mistake of the candidate's own is named.")
    if not COST.search(r.doc):
        return _missing("spun-failure", "The failure's cost is never named.")
    return None


# --- all together ------------------------------------------------------------

PRESENCE: tuple[tuple[str, Callable[[Reading], FlagHit | None]], ...] = (
    ("we-heavy", we_heavy),
    ("hypothetical", hypothetical),
    ("passive-voice", passive_voice),
    ("manager-assigned", manager_assigned),
    ("escalated-away", escalated_away),
    ("too-long", too_long),
)
"""Flags raised by something said; applied to follow-up answers too."""


def detect(r: Reading, follow_up: bool = False) -> list[FlagHit]:
    """Every flag for one answer, in FLAG_NAMES order.

    A follow-up answer is a fragment of a telling: only flags raised by what it
    says apply to it; what is missing is judged on the telling's main answer.
    """
    metrics = outcome_metrics(r.doc)
    hits: dict[str, FlagHit | None] = {name: fn(r) for name, fn in PRESENCE}
    hits["effort-only"] = effort_only(r, impact=bool(metrics))
    hits["vague"] = vague(r, specific=bool(metrics))
    if not follow_up:
        hits["no-result"] = no_result(r)
        hits["no-metric"] = no_metric(r)
        if hits["no-metric"] is None and stops_before_outcome(r.doc):
            # A story told as stopping before anything happened has no quantified
            # outcome: its figures size the problem ("precision had dropped to 0.84").
            hits["no-metric"] = _missing(
                "no-metric", "The figures describe the situation; no outcome is quantified."
            )
        hits["no-reflection"] = no_reflection(r)
        hits["too-short"] = too_short(r)
        hits["no-commit"] = no_commit(r)
        hits["spun-failure"] = spun_failure(r)
    from scoring.model import FLAG_NAMES

    return [hit for name in FLAG_NAMES if (hit := hits.get(name)) is not None]
