"""How the story ended, read from its result: the work held or it did not.

``scoring.facts`` reads an outcome from lists of whole phrasings ("we missed the
deadline", "it went live on time"). Retellings that slip the ending say it in ways no
such list holds, but English has a few shapes for a result that failed and a result that
held, whatever the work was:

- an effect denied: "the scores did not move", "it made no difference", "no improvement";
- the work ended from outside, in the passive: "was shelved", "got reverted", "was pulled";
- the problem coming back: "it tripped twice more", "the errors came back";
- the date moving: "was pushed to Monday", "got postponed";
- and, for a result that held: "no more trips", "never came back", "the fix held".

They are read only in the second half of a telling, where the result is told, and never
in a sentence of reflection ("next time I would", "the lesson"), so a failure told as the
problem ("the job kept failing") or as a hypothetical is not taken for the ending. A
telling that says both is mixed and says nothing here.
"""

from __future__ import annotations

import re

from scoring.text import Span

SUCCESS = "success"
FAILURE = "failure"

_THING = (
    r"(?:it|this|that|they|the (?:[\w\-]+ ){0,3}?(?:problem|issue|bug|fault|error|errors|outage|"
    r"outages|failure|failures|alarm|alarms|trip|trips|leak|leaks|complaints|backlog|delays?|"
    r"crash|crashes|incidents?|defects?|breakdowns?|jams|stoppages|queues|spikes|bugs|timeouts|"
    r"symptoms|fires|floods))"
)
_FAILED = re.compile(
    # An effect denied.
    r"\b(?:did not|didn't|never|couldn't|could not|failed to|wasn't able to|were not able to)\s+"
    r"(?:really\s+|actually\s+|even\s+|much\s+)?(?:move|change|improve|budge|help|work|fix|solve|"
    r"shift|make (?:a|any|much|the) (?:real )?difference|take off|catch on|stick|hold|recover|"
    r"(?:get|got) (?:built|funded|approved|shipped|launched|off the ground)|happen|materiali[sz]e|"
    # Not "I didn't buy it": doubt, not a lost sale.
    r"go ahead|sign|renew|convert|buy(?! (?:it|that|this|into|the (?:idea|story|argument|"
    r"explanation|excuse|theory|line))\b))\b"
    # The deal went elsewhere: "they went with a competitor".
    r"|\b(?:went|gone|go) with (?:a|another|the other|our) (?:competitor|rival|vendor|supplier|"
    r"bidder)\b"
    r"|\b(?:no|zero|little|barely any|hardly any|without any) (?:real |measurable |noticeable |"
    r"meaningful |lasting |visible )?(?:improvement|difference|effect|impact|uplift|progress)\b"
    # The work ended from outside.
    r"|\b(?:was|were|got|had been|had to be|ended up being) (?:quietly |eventually |finally |"
    r"later |then |just )?(?:shelved|scrapped|cancell?ed|abandoned|killed|reverted|rolled back|"
    r"pulled|parked|binned|deprioriti[sz]ed|put on hold|wound down|mothballed|stopped|halted|"
    r"discontinued|withdrawn|dropped(?! (?:to|by|from|off)\b))\b"
    # It never got past the trial: "it never went wider", "never made it to GA".
    r"|\bnever (?:went|got|made it|moved) (?:any )?(?:to |into |out of |past |beyond )?(?:wider|"
    r"further|GA\b|general availability|generally available|production|live|the rest|"
    r"the other|other (?:sites|stores|wards|teams|regions|countries))"
    # The problem came back.
    # Not "they never came back": a word between denies it.
    r"|\b" + _THING + r"\s+(?:(?!never\b|not\b|hasn't\b|haven't\b|didn't\b)\w+\s+)?"
    r"(?:came back|returned|recurred|happened again|started again|"
    # Not "how fast it came back down", "the site came back online": back to normal.
    r"crept back)\b(?!\s+(?:down|online|on(?:line)?|to normal|under|below|in range|"
    r"within (?:range|limits?|spec|tolerance))\b)"
    # Not "some of them came back to teach", "customers came back to us": people returning.
    r"(?!\s+to\s+(?!(?:haunt|bite|the|a|an|its|their|our|where|what|about|around|roughly|over|"
    r"under|pre|previous|normal)\b)[a-z]+\b)"
    r"|\b(?:failed|crashed|broke|tripped|went down|went offline|stalled|jammed|leaked|timed out|"
    r"fell over|flooded|overflowed) (?:again|twice more|(?:two|three|four|several|a few) more "
    r"times)\b"
    r"|\b(?:still|continued to|kept) (?:failed|failing|missed|missing|crashing|tripping|breaking)\b"
    # Back to how it was: "the site went back to the old procedure".
    r"|\b(?:went|go|going|had to go|switched|moved|reverted) back to (?:the |our )?(?:old|"
    r"previous|paper|original|manual|existing|legacy) (?:[\w\-]+ )?(?:procedure|process|"
    r"system|way|ways|setup|version|method|rota|tool|schedule|layout|model|prep|entry|checks|counts|paper|forms?)\b"
    # "We reverted everyone to the old four-page checkout", "switched all stores back to".
    r"|\b(?:reverted|rolled|switched|moved|put) (?:everyone|everybody|all (?:[\w\-]+ )?(?:users|"
    r"customers|stores|sites|wards|teams|traffic)|them|us|it) (?:back )?to (?:the |our )?(?:old|"
    r"previous|original|legacy) \b"
    # The new thing never came back: "the one-page version was never brought back".
    r"|\b(?:was|were) never (?:brought|put|turned|switched) back\b"
    r"|\b(?:went|go|going|had to go|switched|moved|reverted) back to (?:doing it |doing them )?"
    r"(?:by hand|manually|on paper)\b"
    r"|\bfell (?:short|through)\b"
    # The work ended by someone, in the active: "risk pulled it", "the board decided to
    # shelve the programme". The work itself, not a release or a process the story fixed.
    r"|\b(?:shelved|scrapped|cancell?ed|abandoned|killed|pulled|binned|mothballed|canned|"
    r"(?:decided|chose|voted|had) to (?:shelve|scrap|cancel|abandon|kill|pull|bin|drop|can|"
    r"stop|end))\s+(?:it\b(?! off)|the (?:whole )?(?:[\w\-]+ )?(?:project|programme|program|"
    r"pilot|plan|idea|initiative|rollout|proposal|scheme|trial|feature|launch)\b)"
    # Still or again on the old way: "we ran the weekend on the old model", "put the old
    # setting back".
    r"|\b(?:stayed|stuck|remained|ran|run|carried on|went through) (?:[\w\-]+ ){0,3}?on "
    r"(?:the |our )?(?:old|previous|original|legacy|existing) (?:[\w\-]+ )?(?:model|system|"
    r"process|setting|settings|setup|way|tool|version|rota|method|procedure)\b"
    r"|\bput (?:the |our )?(?:old|previous|original) (?:[\w\-]+ )?[\w\-]+ back\b"
    # It faded away with nobody to keep it up: "it just quietly stopped", "it fizzled out".
    r"|\b(?:quietly|slowly|gradually|just) (?:stopped|died|faded|lapsed|fizzled)\b"
    # It went no further: "the region decided not to take the lockers beyond our store",
    # "so it stayed a one-store thing".
    # "After the pilot we decide to not continue": the split infinitive says the same.
    r"|\b(?:decided|decide|chose|voted|opted) (?:not to|to not) (?:take|roll|extend|expand|spread|"
    r"continue|keep|"
    r"adopt|go ahead)\b"
    r"|\b(?:stayed|remained) (?:just )?(?:a )?one-[a-z]+ (?:thing|trial|pilot|experiment)\b"
    # It did not go on: "the programme didn't continue", "the rota never lasted".
    r"|\b(?:it|the (?:[\w\-]+ ){0,2}?(?:programme|program|pilot|scheme|project|initiative|"
    r"trial|rota|process|change|system|club|service)) (?:didn't|did not|never|wouldn't|"
    r"did not really|didn't really) (?:continue|last|survive|carry on|keep going)\b"
    r"|\b(?:fizzled|petered|died|faded) out\b"
    # Someone else let it go: "head office looked at it and dropped it" (not "I dropped it",
    # a candidate letting an argument go).
    r"|(?<!\bI )\b(?:dropped|ditched|axed) (?:it|the (?:whole )?(?:idea|pilot|trial|project|"
    r"scheme|programme|program|plan|rollout|counter|service))\b(?! off)"
    # It spread nowhere: "it didn't go anywhere after Leeds".
    r"|\b(?:didn't|did not|never) (?:go|get|went|got) (?:anywhere|any further) (?:after|beyond|"
    r"past|outside|else)\b"
    # Still on paper: "all 30 sites stay on paper diary until study end".
    r"|\b(?:stay|stays|stayed|staying|remain|remained|carried on|kept going) (?:[\w\-]+ ){0,2}?"
    r"on paper\b"
    # Taken off again: "we took it off again the following week", "pulled the app off the
    # store". Any tense: a speaker of another language may say "take it off".
    r"|\b(?:took|take|takes|taken|pulled|pull) (?:it|them|the (?:[\w\-]+ ){0,2}?[\w\-]+) off "
    r"(?:again|the (?:menu|shelves|shelf|market|air|list|rota|website|site|app|store|"
    r"schedule))\b",
    re.IGNORECASE,
)
_HELD = re.compile(
    # Still in use: "that's still basically the checkout they use today", "we still use it".
    r"\bstill (?:basically |essentially |pretty much |more or less )?(?:the (?:[\w\-]+ ){0,3}?"
    r"(?:they|we|people|everyone|the team) (?:use|run|follow)|in use)\b"
    r"|\b(?:they|we|the team|everyone) (?:still|now still) (?:use|run|follow) (?:it|them|that|"
    r"this)\b"
    # "No more jams", "not a single repeat": a problem, named in the plural, that stopped.
    r"|\b(?:no more|no further|not a single|not one|zero) (?!than\b)(?:[\w\-]+ ){0,2}?[a-z]+s\b"
    r"(?! (?:left|available|to spare))"
    r"|\b" + _THING + r"\s+(?:has\s+)?(?:never|hasn't|has not|didn't|did not)\s+(?:once\s+)?"
    r"(?:came|come) back\b"
    r"|\bnever (?:recurred|happened again|returned|came back|tripped again|failed again)\b"
    r"|\b(?:the fix|the change|it|the new [\w\-]+|the process|the rota|the system) (?:has )?"
    r"(?:held|stuck)(?: up)?(?: (?:through|since|for|ever since))?\b(?! (?:back|on|onto|out))"
    # The work went out in the end: "..., which shipped the next quarter".
    r"|\b(?:it|which|that|they|we) (?:then |eventually |finally |later )?(?:shipped|launched|"
    r"went live|rolled out)\b(?! (?:late|behind|a (?:week|month|day)))"
    r"|\b(?:the |our |its )?best (?:result|results|score|scores|outcome|year|quarter|month)\b"
    r"|\b(?:it|that|this|the (?:[\w\-]+ )?(?:change|launch|feature|pilot|rollout|view|tool)) "
    r"(?:landed|went down|played out|worked out) (?:really |very |pretty |so )?well\b"
    # It spread: "the regional team rolled the lockers out to the other eleven stores".
    r"|\b(?:rolled|rolling) (?:it|them|the (?:[\w\-]+ ){0,2}?[\w\-]+) out (?:to|across) "
    r"(?:all|both|every|each|the other|the rest|the remaining)\b"
    # It spread: "was adopted on both other lines", "got rolled out to every store".
    r"|\b(?:was|were|got) (?:then |later |quickly )?(?:adopted|rolled out|extended|made permanent|"
    r"kept) (?:on|across|to|at|in|by) (?:all|both|every|each|the other|the rest|the remaining|"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+ty|a dozen|"
    r"dozens of|hundreds of) (?:more |other )?[a-z]+s)\b"
    # Still how the work is done: "it's still how the lab runs that panel".
    r"|\b(?:is|are|it's|it is|they're|that's) still (?:in use|in place|live|being used|used|"
    r"the standard|standard|how [\w\-]+)\b"
    # Everyone does it now: "every Key Stage 2 class does it now", "it became a
    # whole-school thing", "it became the default".
    r"|\b(?:every|each|all) (?:[\w\-]+ ){0,5}?(?:does|do|uses|use|runs|run|follows|follow) it "
    r"(?:now|today|to this day)\b"
    r"|\bbecame (?:a |the )?(?:whole-[a-z]+|company-wide|site-wide|org-wide|standard|default|"
    r"norm)\b"
    # Still going: "that's stuck now", "it has been authorising every payment since".
    r"|\b(?:that's|it's|that has|it has|the change has|the fix has) stuck\b"
    r"|\b(?:has|have|it's|that's) been (?!failing|crashing|struggling|losing|slipping|"
    r"breaking|leaking|dropping)[a-z]+ing\b[^.;!?]{0,60}?\b(?:ever )?since\b"
    # One problem gone for good: "no trip from this cause for the rest of the year".
    r"|\bno (?:more |further )?[a-z]+ (?:from (?:this|that|the same) cause|since then|"
    r"for the rest of the (?:year|season|quarter|month))\b"
    # Kept: "we kept it for all the season", "they decided to keep the model running".
    r"|\b(?:kept|keep|keeping) (?:it|them|the (?:[\w\-]+ )?(?:model|process|rota|tool|change|"
    r"system|format|setup|pilot|checklist)) (?:for|running|going|on|in place|ever since|all)\b"
    # Spread by someone, in the active: "the board decided to extend it to three more
    # branches", "we rolled the checklist out to all four wards" (not "decided not to").
    r"|(?<!not to )(?<!n't )(?<!not )(?<!never )\b(?:extended|extend|extending|expanded|"
    r"expand|expanding|rolled|roll|rolling|spread) (?:it|them|the (?:[\w\-]+ ){0,2}?[\w\-]+) "
    r"(?:out )?(?:to|across|into) (?:all|both|every|each|the other|the rest|the remaining|"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+ty|a dozen|"
    r"dozens of|hundreds of) (?:more |other )?[a-z]+s)\b"
    # Spread, the particle first: "they roll out the eDiary to all 30 sites".
    r"|(?<!not to )(?<!n't )(?<!not )(?<!never )\b(?:rolled|roll|rolls|rolling) out "
    r"(?:it|them|the (?:[\w\-]+ ){0,2}?[\w\-]+) (?:to|across|into) (?:all|both|every|each|"
    r"the other|the rest|the remaining)\b"
    # Approved for everywhere: "the committee approved to use it in all the wards".
    r"|(?<!not )(?<!never )\bapproved (?:(?:to use|using|rolling out|extending) )?(?:it |them |"
    r"the (?:[\w\-]+ ){0,2}?[\w\-]+ )?(?:in|for|across|on|at|to) (?:all|every|both|each|"
    r"the other|the rest)\b"
    # Made the standard: "now it is standard in the hospital", "it became the default".
    r"|\bnow (?:it is|it's|this is|that is|that's|is) (?:the )?(?:standard|default|norm)\b"
    r"|\b(?:it|this|that|which) (?:is now|has become|became|is) (?:the )?(?:standard|default)"
    r"(?: practice| process| way| route)?(?: now)? (?:in|for|across|at|on|everywhere)\b"
    # It stayed: "the hake stayed on for the rest of the summer", "it went out and stayed
    # in" (not the old way staying).
    r"|\b(?:it|they|the (?!(?:[\w\-]+ )?(?:old|previous|existing|legacy|manual|paper|"
    r"original)\b)(?:[\w\-]+ ){0,2}?[\w\-]+) (?:stayed|remained) (?:on|in)(?= for\b| until\b|"
    r" through\b| after\b| since\b|\s*[.;!])"
    # Kept by a decision: "the board decided to keep the service" (not "the old one").
    r"|\b(?:decided|chose|voted|agreed|opted) to (?:keep|continue|adopt|make permanent) (?:it\b|"
    r"them\b|the (?!(?:[\w\-]+ )?(?:old|previous|existing|legacy|current|original|manual)\b))"
    # Copied elsewhere: "corporate copied the idea for two other hotels".
    r"|\b(?:copied|copy|adopted|took) (?:the|our|my) (?:idea|process|approach|format|"
    r"checklist|method) (?:for|to|at|in|across)\b"
    # Passed a test it was put to: "the build passed certification on the first submission".
    r"|\b(?:passed|cleared) (?:the |its |our )?(?:[\w\-']+ ){0,3}?(?:certification|audit|"
    r"inspection|assessment|accreditation)\b"
    # The fallback was never needed: "with a rollback plan we never had to use".
    r"|\brollback (?:plan )?(?:that )?(?:we )?never (?:had to use|needed|used|had to touch)\b",
    re.IGNORECASE,
)
_STOPPED_OWN = re.compile(
    r"\b(?:decided|decide|decides|chose|choose|voted|vote|had) to (?:stop|end|drop|cancel|scrap|"
    r"shelve|abandon|kill|discontinue|withdraw|close) (?:the|our|my) (?:[\w\-]+ )?(?P<w>[\w\-]+)\b",
    re.IGNORECASE,
)
"""Someone ended a thing by name: "the sponsor decided to stop the eDiary". The ending of
the story only when the thing is what the candidate brought in (``_BROUGHT``); "decided
to stop the line" is the candidate's move in a story of a fault."""
_BROUGHT = (
    r"\b(?:I|we)\s+(?:\w+\s+)?(?:propose|proposed|proposes|suggest|suggested|introduce|"
    r"introduced|build|built|design|designed|set up|start|started|launch|launched|pilot|"
    r"piloted|create|created|pitch|pitched|bring in|brought in|develop|developed|try|tried)\b"
    r"[^.;!?]{0,60}?\b"
)


def _brought(text: str, m: re.Match[str]) -> bool:
    """Whether what ``m`` (of ``_STOPPED_OWN``) ends is a thing the candidate brought in."""
    return (
        re.search(_BROUGHT + re.escape(m.group("w")) + r"\b", text[: m.start()], re.I) is not None
    )


def ends_own_work(text: str, start: int, end: int) -> bool:
    """Someone's call, between ``start`` and ``end``, ends what the candidate brought in:
    "the partners decided to stop the text reminder" after "I proposed a text reminder"."""
    return any(_brought(text, m) for m in _STOPPED_OWN.finditer(text, start, end))


_NOT_THE_RESULT = re.compile(
    r"\b(?:learn(?:ed|t)?|lesson|next time|in hindsight|looking back|would(?:n't)?|should|"
    r"could have|if I|if we|I now|these days|today I|taught me|takeaway|what I'd)\b",
    re.IGNORECASE,
)
SUPPOSED = re.compile(r"\b(?:if|in case|unless|whether|even if)\s+(?:[\w']+\s+){0,3}$", re.I)
"""Before a result, a condition: "I'd own it if it flopped", "if the rollback didn't work
we'd fail over" say what might have happened, not what did."""
_OLD = re.compile(r"\b(?:old|legacy|previous|former|manual|existing)\b[^.;!?]{0,30}$", re.I)


_NEVER_BACK = re.compile(r".*\bnever\s+(?:once\s+)?(?:came|come|returned)\b", re.I)
_WORK_ENDED = (
    r"(?:it|the (?:[\w\-]+ ){0,2}?(?:programme|program|pilot|scheme|project|initiative|trial|"
    r"rota|club|service|change|process|system|idea))"
)
_ENDED_BEFORE = re.compile(
    r"\b(?:stop|stopped|stops|scrapped|dropped|cancell?ed|ended|pulled|killed|shelved|"
    r"removed|withdrew|closed|shut down|shut)\s+" + _WORK_ENDED + r"\b"
    r"|\b" + _WORK_ENDED + r"\s+(?:was|got)\s+(?:[a-z]+ly\s+)?(?:stopped|scrapped|dropped|"
    r"cancell?ed|ended|pulled|killed|shelved|removed|withdrawn|closed|shut down)\b",
    re.I,
)
"""Before "it never came back" in its sentence, the work itself ended: what never came
back is the work, not the problem ("after that term the head stopped it, and it never
came back"; not "that stopped the leaks and they never came back")."""

_MODAL = re.compile(r"would(?:n't)?|should|could have|if I|if we", re.IGNORECASE)
_CLAUSE_ON = re.compile(r"[,;:]\s*(?:so|and|but|then|which|because)\b|;", re.IGNORECASE)
"""Where a clause with a modal in it ends and what was told goes on: 'a fix the gateway
would accept, so we reverted everyone'."""


def _told_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a sentence that tell what happened: up to a lesson ('what I learned',
    'next time'), and around a clause with a modal in it ('that the gateway would accept')."""
    parts: list[tuple[int, int]] = []
    while start < end:
        marker = _NOT_THE_RESULT.search(text, start, end)
        if marker is None:
            parts.append((start, end))
            break
        parts.append((start, marker.start()))
        if not _MODAL.fullmatch(marker.group()):
            break  # a lesson: the rest of the sentence is not the result
        resume = _CLAUSE_ON.search(text, marker.end(), end)
        if resume is None:
            break
        start = resume.start() + 1
    return parts


_TURN_BACK = re.compile(
    r"\b(?:reverted|rolled|switched|moved|put|went|go|going)\b[^.;!?]{0,40}\bback\b|"
    r"\breverted\b|\bnever (?:brought|put|turned|switched) back\b",
    re.IGNORECASE,
)


def _later_turn(text: str, good: tuple[int, int], bad: tuple[int, int]) -> bool:
    """A good reading first (a success, or on time) and a turn back to the old way after
    it, in a later sentence."""
    first_start = good[0]
    fail_start, fail_end = bad
    return (
        first_start < fail_start
        and re.search(r"[.!?]", text[first_start:fail_start]) is not None
        and _TURN_BACK.search(text, fail_start, fail_end + 40) is not None
    )


def ending(text: str, sentences: tuple[Span, ...]) -> tuple[str, int, int] | None:
    """(success or failure, start, end) of how the telling's result reads, or None."""
    if len(sentences) < 2:
        return None
    found: dict[str, tuple[int, int]] = {}
    for sentence in sentences[len(sentences) // 2 :]:
        # A sentence may tell the result and then the lesson: read up to the lesson.
        for start, stop in _told_parts(text, sentence.start, sentence.end):
            own = [m for m in _STOPPED_OWN.finditer(text, start, stop) if _brought(text, m)]
            for rx, value in ((_FAILED, FAILURE), (_HELD, SUCCESS)):
                for m in (
                    rx.finditer(text, start, stop)
                    if rx is _HELD
                    else [*own, *rx.finditer(text, start, stop)]
                ):
                    if value == FAILURE and _OLD.search(text, max(0, m.start() - 40), m.start()):
                        continue  # "the old process was scrapped" is the plan working
                    if SUPPOSED.search(text, max(0, m.start() - 30), m.start()):
                        continue
                    if (
                        value == SUCCESS
                        and _NEVER_BACK.match(m.group())
                        and _ENDED_BEFORE.search(text, sentence.start, m.start())
                    ):
                        value = FAILURE  # "the head stopped it and it never came back"
                    found.setdefault(value, (m.start(), m.end()))
    if len(found) == 2 and _later_turn(text, found[SUCCESS], found[FAILURE]):
        # "We shipped it. A month later we reverted everyone to the old form": a milestone,
        # then a turn back, told sentences apart; the later one is where the story ended.
        value = max(found, key=lambda v: found[v][0])
        return value, *found[value]
    if len(found) != 1:
        return None
    ((value, (start, end)),) = found.items()
    return value, start, end


ON_TIME = "on time"
LATE = "late"
_WORK = r"(?:launch|event|release|go-live|cutover|rollout|opening|migration|delivery|deadline)"
_AGREED_DATE = r"the (?:contracted|agreed|planned|original|promised|committed|target) (?:date|day)"
_ON_TIME = re.compile(
    r"\b(?:launched|shipped|went live|opened|delivered|finished|completed|landed|happened|"
    r"went ahead|went out|was ready|were ready|cut over|handed over|handed it over)\s+"
    r"(?:[\w\-]+\s+){0,3}?(?:on time|on schedule|ahead of schedule|on " + _AGREED_DATE + r")\b"
    r"|\b(?:was|were|came in|landed) (?:right )?(?:on time|on schedule)\b"
    # "Slab poured on the original date": any work done, on the date it was due.
    r"|\b[a-z]+ed\s+(?:[\w\-]+\s+){0,3}?on " + _AGREED_DATE + r"\b"
    # "All 30 repos migrated a week before the auditors arrived", "done two days early":
    # any work, done a span ahead of the date it was due.
    r"|\b(?:[a-z]+ed|done|ready|finished|complete)\b[^.;!?,]{0,30}?\b(?:a|one|two|three|four|"
    r"five|six|a few|several|a couple of|\d+) (?:days?|weeks?|months?) (?:early|ahead of "
    r"(?:schedule|time|the deadline)|before (?:the |our )?(?:deadline|due date|cut-?off|go-live|"
    r"launch|audit|auditors|inspection|inspectors))\b"
    # "The programme held": the schedule kept.
    r"|\b(?:the |our )?(?:programme|schedule|timeline|plan|go-live date|launch date) "
    r"(?:held|stayed intact|was kept|was held)\b"
    # "We went live a few days before the deadline".
    r"|\b(?:launched|shipped|went live|opened|delivered|finished|completed|landed|handed over)\b"
    r"[^.;!?]{0,60}?\b(?:before|ahead of|inside|within) (?:the|our) (?:deadline|"
    + _AGREED_DATE[4:]
    + r")",
    re.IGNORECASE,
)
_LATE = re.compile(
    r"\b(?:was|were|got|had to be) (?:pushed|moved|postponed|delayed|bumped) (?:back |out )?"
    r"(?:by|to|until|a (?:week|day|month))\b"
    r"|\b(?:ended up|had to|we) (?:pushing|push|postponing|postpone|delaying|delay|moving|move) "
    r"(?:it|the (?:[\w\-]+ ){0,2}?" + _WORK + r") (?:back |out )?(?:to|until|by)\b"
    # "We ended up pushing the new layout back to Monday": any work, pushed back.
    r"|\b(?:ended up|had to|we) (?:pushing|push|postponing|postpone|delaying|delay) "
    r"(?:it|the (?:[\w\-]+ ){0,3}?[\w\-]+) (?:back|out) (?:to|until|by)\b"
    r"|\b(?:launched|shipped|went live|opened|delivered|finished) (?:[\w\-]+ ){0,4}?(?:late|"
    r"behind schedule)\b|\bmissed (?:the|our|its) (?:[\w\-]+ )?(?:deadline|date|go-live)\b"
    # "We went live in the second half of July, about four weeks late", "we slipped": the
    # work going out late, not a part of it ("groundworks ran three weeks late").
    r"|\b(?:launched|shipped|went live|opened|delivered|finished|handed over|came in|landed)\b"
    r"[^.;!?]{0,50}?\b(?:a|one|two|three|four|five|six|seven|eight|\d+|a few|several|"
    r"a couple of) (?:days?|weeks?|months?) (?:late|behind schedule)\b"
    r"|\b(?:we|it|the (?:[\w\-]+ )?(?:launch|date|release|go-live|project|rollout)) "
    r"(?:slipped|slid)\b(?! (?:in|into|through|past|out of|by (?!a |one |two |three |\\d)))"
    # "We didn't finish in time", "we couldn't get it done by the deadline".
    r"|\b(?:didn't|did not|never|couldn't|could not|wasn't able to|weren't able to) (?:finish|"
    r"complete|deliver|ship|launch|get (?:it |them |everything )?done|make it|get there)"
    r"(?: it| them| everything| the (?:[\w\-]+ )?(?:work|migration|project|rollout))? "
    r"(?:in time|on time|by the (?:deadline|date|due date|cut-?off))\b"
    # "We didn't make the March first date".
    r"|\b(?:didn't|did not|never|couldn't|could not) (?:make|hit|meet) (?:the|our|its) "
    r"(?:[\w\-]+ ){0,2}?(?:deadline|date|go-live|launch date)\b"
    # "We came in about a fortnight after the contracted date".
    r"|\b(?:days?|weeks?|a fortnight|a month|months)\s+(?:after|past|beyond|behind)\s+(?:"
    + _AGREED_DATE
    + r"|the deadline|our deadline|the (?:go-live|launch|handover) date)",
    re.IGNORECASE,
)


def schedule(text: str, sentences: tuple[Span, ...]) -> tuple[str, int, int] | None:
    """(on time or late, start, end) when the telling says when the work went out.

    Kept apart from success: a launch moved by three weeks and then made on the new date
    is a success told late, and only "on time" contradicts "pushed back to Monday".
    """
    found: dict[str, tuple[int, int]] = {}
    for sentence in sentences:
        lesson = _NOT_THE_RESULT.search(text, sentence.start, sentence.end)
        stop = lesson.start() if lesson else sentence.end
        for rx, value in ((_ON_TIME, ON_TIME), (_LATE, LATE)):
            m = rx.search(text, sentence.start, stop)
            if m:
                found.setdefault(value, (m.start(), m.end()))
    if len(found) == 2 and _later_turn(text, found[ON_TIME], found[LATE]):
        # "We shipped it. A month later we reverted everyone to the old form": a milestone,
        # then a turn back, told sentences apart; the later one is where the story ended.
        value = max(found, key=lambda v: found[v][0])
        return value, *found[value]
    if len(found) != 1:
        return None
    ((value, (start, end)),) = found.items()
    return value, start, end


KEPT = "kept"
REVERTED = "reverted"
_PLACES = (
    r"(?:sites|teams|branches|stores|shops|plants|wards|clinics|locations|regions|lines|depots|"
    r"offices|shifts|units|schools|warehouses|hospitals|practices|centres|centers|markets|"
    r"countries|departments|floors|kitchens|restaurants|hotels|cinemas|labs|crews)"
)
_SPREAD_TO = (
    r"(?:(?:all|every|each|both|everyone|everybody|the (?:other|rest|whole)|our other|"
    r"(?:\w+ )?other)\b|100 ?%)"
)
_KEPT = re.compile(
    # The change spread: "rolled it out to all six locations", "was adopted across the group".
    r"\b(?:rolled|rolling|roll) (?:it |them |this |that |the (?:[\w\-]+ ){1,6})?out "
    # "Rolled it out as the standard review process across all three offices".
    r"(?:as (?:the |a |our )?(?:[\w\-]+ ){1,5}?)?"
    r"(?:to|across|at|in|for) (?:" + _SPREAD_TO + r"|(?:[\w\-]+ ){0,2}" + _PLACES + r"\b)"
    # "We launched it in all four of our markets": live everywhere it could be.
    r"|\b(?:launched|went live|was live|were live) (?:it |them )?(?:in|across|at|to) (?:all|every|"
    r"each)\b"
    r"|\b(?:spread|expanded|extended|was adopted|"
    r"got adopted|were adopted|was copied|was rolled out|got rolled out|went out) (?:to|across|"
    r"by|at|for) " + _SPREAD_TO + r"|\b(?:the )?other " + _PLACES + r" (?:adopted|copied|picked up|"
    r"took up|followed)\b"
    # Taken up everywhere or kept as the way: "we introduced it to all three lines", "now
    # it is standard process", "we kept it." (not "we kept it simple").
    r"|\b(?:introduced|extended|brought) (?:it|them|this|that) (?:in|to|across|at|into) "
    r"(?:all|every|each|both)\b"
    r"|\b(?:now (?:it|this|that) is|(?:it|this|that) (?:is now|became|has become)) (?:the |a |"
    r"our )?standard\b"
    r"|\b(?:we|they) kept (?:it|them|the change)\s*[.;!]"
    # Still in use when the candidate moved on: "when I left they were still using it".
    r"|\b(?:they|we|the team|everyone|people) (?:were|are|was|is) still using (?:it|them|that|"
    r"this|the (?:[\w\-]+ ){0,2}?(?:tool|script|system|process|template|sheet|app))\b"
    # The change stayed: "it's still how every tank is logged", "has been tag-only ever since".
    r"|\b(?:is|are|it's|it is|they're|they are) still (?:in use|used|running|in place|the "
    r"(?:standard|default|norm|way|process|rule|first thing|main tool)|(?:how|what) (?:we|"
    r"they|every|all|each|the "
    r"[\w\-]+)|live|going)\b"
    r"|\b(?:we|they) still (?:use|run|do|follow) (?:it|this|that|them|the)\b"
    # "The kiosks are still in that gallery": where the change was put, there now.
    r"|\b(?:is|are|it's|they're) still (?:in|on) (?:that|the|our|every|all|each) (?:[\w\-]+ )?"
    r"(?:gallery|galleries|ward|wards|store|stores|site|sites|building|room|rooms|plant|line|"
    r"lines|warehouse|office|offices|app|system|clinic|clinics|bus|buses|vans|trucks|hall)\b"
    r"|\b(?:we|they|people|staff|teams|everyone) (?:are|is|'re) still using\b"
    # "using it to this day", "been running since the go-live".
    r"|\busing (?:it|them|this|that) (?:until|till|to|up to) (?:today|this day|now)\b"
    r"|\bsince (?:the )?(?:go-live|go live|launch|rollout|roll-out|switchover|cutover) "
    r"(?:it |they |this |that )?(?:is|are|has been|have been|it's|they've)\b"
    # The change reached everywhere and is there now: "it's running citywide now".
    r"|\b(?:it's|it is|they're|they are|is|are) (?:now )?(?:running|live|used|in use|in place) "
    r"(?:\w+-?wide|everywhere|across (?:the|all|every)|in (?:all|every)|on (?:all|every))\b"
    r"|\bbecame (?:the )?(?:standard|default|norm|policy|house rule)\b"
    # "We moved the premium range to the refrigerated carrier permanently", "made it permanent".
    r"|\b(?:moved|switched|changed|adopted|kept|put)\b[^.;!?]{0,60}?\b(?:permanently|for good)\b"
    # "Management agree to make it permanent service": the present, as non-native
    # speakers tell a story, and a noun after.
    r"|\b(?:made|make|makes|making) (?:it|this|that|them|the (?:[\w\-]+ ){0,2}?[\w\-]+) (?:a )?"
    r"permanent\b"
    # "It's now the default for everything new we ingest": the way things are done now.
    r"|\b(?:it's|it is|this is|that's|that is) now (?:the )?(?:standard|default|norm|policy)\b"
    # "Today when you call card services you still get the option": there now, as made.
    r"|\b(?:today|to this day|even now),? (?:(?:when|if) )?(?:[\w\-]+ ){0,5}?(?:you|they|we|"
    r"customers|people|staff|patients|users|everyone|the [\w\-]+) (?:still|can still) (?:get|"
    r"have|use|run|follow|see|do|offer)\b"
    r"|\b(?:it|that|this)(?:'s| has)? stuck\b"
    # "It's now in its third year": still running, years after it began.
    r"|\b(?:it's|it is|is|they're|they are|are) now in (?:its|their) (?:second|third|fourth|"
    r"fifth|sixth|seventh|\d+(?:nd|rd|th)) (?:year|season|term|cohort)\b"
    r"|\b(?:has|have) (?:been|stayed) (?:[\w\-]+ ){0,7}?(?:ever since|since then)\b",
    re.IGNORECASE,
)
_TRIAL = (
    r"(?:pilot|trial|experiment|scheme|programme|program|project|rollout|initiative|change|test|"
    r"feature|"
    r"new (?:[\w\-]+ )?(?:process|system|form|flow|rota|schedule|procedure))"
)
_SPAN = (
    r"(?:about |around |roughly |only |just |barely )?(?:a|one|two|three|four|five|six|\d+|a few|"
    r"a couple of) (?:days?|weeks?|months?)\b"
)
"""A short stretch of time: how soon a change was taken away."""
_REVERTED = re.compile(
    # Back to how it was: "Eastside went back to the old booking flow", "reverted to paper".
    r"\b(?:reverted|(?:went|switched|go|going|gone|moved|fell|drifted|slid|slipped) back|"
    r"returned) to (?:the |our |its |their |using )?(?:old|previous|original|manual|paper|usual|"
    r"former|way it was|clipboards|spreadsheets?|printed)\b"
    # "We go back to our normal carrier", "moved that cell back onto the old tutorial".
    r"|\b(?:went|switched|go|going|gone|moved|fell) back to (?:the|our|its|their) "
    r"(?:normal|regular) [a-z]+"
    r"|\b(?:moved|switched|put|flipped) (?:it|them|that|this|the) (?:[\w\-]+ )?back "
    r"(?:onto|on|to) (?:the |our |its |their )?(?:old|previous|original|usual)\b"
    # "Once the pilot ended they stuck with the old five-level menu": the change not kept.
    r"|\b(?:stuck|stayed|stick|stay|carried on|went on) with (?:the|our|their|its) (?:old|previous|"
    r"original|existing|legacy|current)\b"
    # "QA were back on the spreadsheet": using the old tool again.
    r"|\b(?:were|was|are|is|got) back (?:on|to|with|in) (?:the |their |our |its |using )?"
    r"(?:old|previous|original|manual|paper|spreadsheets?|clipboards?|whiteboards?|excel)\b"
    # "We went back to hiring them ad hoc": back to doing it the way it was done.
    r"|\b(?:went|go|going|gone|drifted|slid|slipped) back to [a-z]+ing (?:them|it|the|an?|"
    r"their|our)\b"
    # The change ended: "agreed to end the pilot", "the wider rollout was shelved".
    r"|\b(?:end|ended|stop|stopped|drop|dropped|kill|killed|cancel|cancell?ed|scrap|scrapped|"
    r"shelve|shelved|abandon|abandoned|discontinue|discontinued|pull|pulled|wind down|wound down|"
    r"switch off|switched off) (?:the|our|my|that|this) (?:[\w\-]+ )?" + _TRIAL + r"\b"
    # "We were back to the desk with the printed lists": the old tools, a few words on.
    r"|\b(?:were|was|are|is|got|went) back to (?:the |our |their )?(?:[\w\-]+ ){0,3}?"
    r"(?:printed|paper|manual|handwritten)\b"
    # "When we took the screens out the next spring": what was put in, taken out again.
    r"|\b(?:took|pulled|ripped) (?:the|those|our|all the) (?:[\w\-]+ )?(?:screens|kiosks|"
    r"sensors|scanners|tablets|displays|boards|signs|machines|devices|terminals|lockers|"
    r"cameras|panels) (?:out|down)\b"
    # "It was shelved after the pilot": the thing the story built, ended once tried.
    r"|\b(?:it|this|that)\s+(?:was|got)\s+(?:quietly |eventually |then )?(?:shelved|scrapped|"
    r"dropped|abandoned|binned|canned)\s+(?:after|at the end of|once)\b"
    r"|\b(?:the )?(?:[\w\-]+ )?" + _TRIAL + r"(?: (?:to|for|at|in|across)(?: [\w\-]+){1,4}?)? "
    r"(?:was|got) (?:quietly |eventually |then )?"
    r"(?:ended|stopped|dropped|killed|cancell?ed|scrapped|shelved|abandoned|discontinued|"
    r"blocked|pulled|wound down|switched off)\b"
    # It stayed where it began: "never went to the other five sites", "never left the pilot".
    r"|\bnever (?:went|spread|rolled out|made it|got|moved) (?:to|beyond|past|out of) "
    r"(?:(?:the )?(?:other|rest|wider|pilot|first)\b|everyone\b|everybody\b|100 ?%|"
    # "The test never went past the ten percent": it stayed on the share it was tried on.
    r"(?:the )?(?:\d+|[a-z]+) ?(?:percent\b|%))"
    r"|\bnever left (?:the )?(?:pilot|main|first)\b"
    r"|\bonly (?:ever )?(?:went live|launched|ran) (?:in|at) (?:the|one)\b(?:[\w\- ]{0,20})pilot"
    r"|\b(?:was|were|got) (?:quietly )?(?:pulled|switched off|turned off) (?:after|within)\b"
    # What was built stands unused: "the feeder we built is standing idle these days".
    r"|\b(?:is|are|was|were|'s|now) (?:now )?(?:standing|sitting|lying) (?:idle|unused)\b"
    r"|\b(?:is|are|'s) (?:now )?(?:gathering|collecting) dust\b"
    r"|\b(?:pulled|dropped|scrapped|shelved|binned) (?:it|them) (?:after|within)\b"
    # What was put up came down soon: "after about two months the board was taken down".
    r"|\b(?:was|were|got) (?:quietly )?(?:taken down|removed|dismantled|taken away) (?:after|"
    r"within) " + _SPAN + r"|\bafter " + _SPAN + r",? (?:the|our|my) (?!old\b|previous\b|"
    r"original\b|paper\b|manual\b)(?:[\w\-]+ ){0,2}(?:was|were|got) (?:quietly )?(?:taken down|"
    r"removed|dismantled|taken away|pulled|scrapped|dropped|abandoned|shelved)\b"
    # "After about two months we turned it off": the same, said by who ended it.
    r"|\bafter " + _SPAN + r",? (?:we|they|he|she|management|the team) (?:just |finally |quietly )?"
    r"(?:turned|switched|shut) (?:it|them|this|that|the [\w\-]+) (?:off|down)\b"
    r"|\b(?:turned|switched|shut) (?:it|them) (?:off|down) (?:after|within) "
    + _SPAN
    # "We switched it off after the pilot": ended when its trial did.
    + r"|\b(?:turned|switched|shut) (?:it|them) (?:off|down) (?:after|at the end of) the "
    r"(?:pilot|trial|test|experiment)\b"
    + r"|\bnever went (?:any further|further|beyond (?:that|it|the pilot|there))\b"
    # It stayed where it was tried: "the change stayed only in the two pilot offices".
    r"|\b(?:stayed|remained|was kept|were kept|was left) only (?:in|at|with|on) (?:the|our|those) "
    r"(?:[\w\-]+ ){0,2}pilot\b"
    # The rest kept the old way: "decided to keep the old validation for the rest of the state".
    r"|\b(?:keep|kept|keeping) (?:the|our|their) (?:old|existing|previous|current) [\w\-]+"
    r"(?: [\w\-]+)? (?:for|in|at|across|on) (?:the rest|everyone|everybody|all|every|the other)\b"
    # Left unused: "nobody opened it again", "the scanners went back in a drawer".
    r"|\b(?:nobody|no one|no-one) (?:opened|used|touched|looked at) (?:it |them |the [\w\-]+ )?"
    r"(?:again|afterwards|after that)\b"
    r"|\b(?:were|was|ended up|went|got put|were put|was put) back in(?:to)? (?:a|the|their|its) "
    r"(?:box|boxes|drawer|drawers|cupboard|cupboards)\b"
    r"|\bgathering dust\b"
    # It did not last: "even if it only lived until the autumn", "it didn't stick".
    r"|\bonly (?:lived|lasted|survived|ran|stayed) (?:until|till|for|a few|a couple|one|two|"
    r"three)\b|\b(?:it|that|this|the change|the (?:[\w\-]+ )?" + _TRIAL + r") (?:didn't|did not|"
    r"never) (?:last|stick|survive)\b"
    r"|\b(?:quietly|eventually|soon) (?:dropped|stopped|switched off|abandoned|shelved|reverted)\b"
    # The old things returned: "the clipboards were back by every tank".
    r"|\b(?:were|was) back (?:by|on|at|in) (?:every|each|all)\b"
    # People back on the old way: "the admins were back on the old manual runbook".
    r"|\b(?:were|was|are|is|got) back (?:on|to|with) (?:the |our |their )?(?:old|previous|"
    r"original|manual|paper)\b"
    # "The publisher and I agreed to roll back to the old templates".
    r"|\b(?:roll|rolled|rolling|rolls) (?:it |them |everything )?back to (?:the |our |their )?"
    r"(?:old|previous|original|legacy)\b"
    # Nothing changed after the trial: "the sellers continue with our normal next-day
    # service", "we carried on with the usual rota".
    r"|\b(?:continued?|continues|carried on|carry on|stayed|stay) with (?:our|the|their) "
    r"(?:normal|usual|old|standard|regular|existing)\b"
    # Doing by hand again what the change had done: "by the summer the team was back to
    # filling the forms in by hand", "we were doing it manually again".
    r"|\b(?:were|was|are|is|got|went|go|going) back to [a-z]+ing\b[^.;!?]{0,30}?"
    r"(?:by hand|manually|on paper)\b"
    r"|\b(?:by hand|manually|on paper) again\b",
    re.IGNORECASE,
)


def adoption(text: str, sentences: tuple[Span, ...]) -> tuple[str, int, int] | None:
    """(kept or reverted, start, end): whether the change the story made stayed and spread,
    or was ended and the old way came back, read in the telling's second half and not in
    its lessons or conditions. A telling that says both (rolled back, fixed, then rolled
    out) says nothing here. Outcome words ("it worked") say how the result read; this
    says what became of the change, which a retelling can contradict on its own: "we rolled
    it out to all six sites" against "Eastside went back to the old booking flow"."""
    if len(sentences) < 2:
        return None
    found: dict[str, tuple[int, int]] = {}
    for sentence in sentences[len(sentences) // 3 :]:
        for start, stop in _told_parts(text, sentence.start, sentence.end):
            for rx, value in ((_KEPT, KEPT), (_REVERTED, REVERTED)):
                for m in rx.finditer(text, start, stop):
                    before = text[max(0, m.start() - 30) : m.start()]
                    if SUPPOSED.search(before) or re.search(r"\b(?:not|n't|never)\s+$", before):
                        continue
                    found.setdefault(value, (m.start(), m.end()))
    if len(found) != 1:
        return None
    ((value, (start, end)),) = found.items()
    return value, start, end
