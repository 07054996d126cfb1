"""Where the candidate stood: student, individual contributor, or a manager of people.

The role facts in ``scoring.facts`` read particular constructions ("a junior engineer",
"the tech lead", "four analysts reporting to me") and compare like with like. Real
retellings slip a role in other words: "I was the assistant editor" in one round,
"I was post-production supervisor" in the next; "a QA engineer" against "an intern on
the QA team"; "a technical recruiter" against "head of talent". What those share is a
job title in a frame that makes it the candidate's own, and a title's head noun says
which of three tiers it sits in. Two tellings of one story that each put the candidate
in a single tier, and in tiers that cannot both be true of one person at one time
(a student and an employee; someone managing people and someone who is not), disagree
about the candidate's role.

Titles that do not say whether people report to the holder are left out on purpose:
"tech lead", "product manager", "project lead", "architect", "principal engineer". A
senior engineer is often a tech lead in the same story, so those are never tiered.
"""

from __future__ import annotations

import re

STUDENT = "student"
INDIVIDUAL = "individual contributor"
PEOPLE = "manager of people"

_STUDENT_HEADS = {
    "intern", "interns", "internship", "trainee", "trainees", "apprentice", "apprentices",
    "student", "students", "co-op", "placement",
}  # fmt: skip
_INDIVIDUAL_HEADS = {
    "engineer", "developer", "programmer", "analyst", "scientist", "designer", "writer",
    "editor", "researcher", "agent", "representative", "rep", "advisor", "adviser",
    "specialist", "consultant", "accountant", "auditor", "nurse", "teacher", "tutor",
    "pharmacist", "technician", "operator", "clerk", "buyer", "planner", "coordinator",
    "recruiter", "administrator", "tester", "picker", "packer", "driver", "cashier",
    "paralegal", "associate", "marketer", "copywriter", "bookkeeper", "underwriter",
    "dispatcher", "receptionist", "sre", "swe", "sde", "dev", "contributor", "member",
    "controller", "officer", "therapist", "pharmacologist", "chemist", "lawyer",
    "solicitor", "journalist", "reporter", "producer", "merchandiser", "assistant", "ic",
    "porter", "loader", "courier", "cook", "waiter", "waitress", "bartender", "carer",
    "caregiver", "paramedic", "mechanic", "electrician", "plumber", "welder", "machinist",
    "labourer", "laborer", "cleaner", "stocker", "barista", "housekeeper", "fitter",
    # "As the depot's driver trainer": trains the staff, manages none of them.
    "trainer", "instructor",
    # Trades and field work: "I was the senior splicer on an eight-person crew".
    "splicer", "installer", "lineman", "linesman", "rigger", "scaffolder", "joiner",
    "carpenter", "roofer", "bricklayer", "plasterer", "glazier", "tiler", "baker", "driller",
    "miner", "operative", "handler", "sorter", "inspector",
}  # fmt: skip
_PEOPLE_HEADS = {
    "supervisor", "foreman", "forewoman", "superintendent", "director", "vp", "chief",
    "cto", "ceo", "coo", "cfo", "cio", "ciso", "head",
}  # fmt: skip
_SELLING = {
    "account", "sales", "marketing", "business", "development", "client", "customer", "support",
    "service", "care",
}  # fmt: skip
"""Before 'executive', the work of an individual: 'account executive', 'support executive'."""
_LEAD_OF_PEOPLE = {
    "team", "shift", "crew", "ward", "line", "section", "site", "store", "floor", "unit",
    "squad", "night", "day", "warehouse", "shop",
}  # fmt: skip
"""A lead or leader of one of these leads people: "shift lead", "team leader"."""
_CONTROLLING = {"traffic", "air", "flight", "stock", "inventory", "document", "credit", "quality"}
"""Controllers of a thing, who work alone: 'air traffic controller', 'stock controller'."""
_NOT_PEOPLE_MANAGER = {
    "product", "project", "program", "programme", "account", "accounts", "relationship",
    "incident", "release", "case", "community", "content", "brand", "category", "portfolio",
    "partner", "partnerships", "change", "risk", "property", "success", "delivery", "launch",
    "campaign", "event", "events", "social", "media", "key", "technical", "data", "vendor",
    "contract", "contracts", "test", "build", "configuration", "quality", "safety",
}  # fmt: skip
"""Managers of a thing, not of people: a product manager has no reports by the title."""

_FILLER = r"(?:,?\s*(?:um|uh|er|erm|like|you know|kind of|sort of),?\s+)*"
_DETERMINER = (
    r"(?:(?:a|an|the|our|their|its|one|just|still|then|only|already|acting|interim|newly|"
    r"promoted|new|first-year|at the time|at that time|in that time|at that point|by then|back "
    r"then|basically|officially),?\s+)*"
)
_FRAME = re.compile(
    # "I was the assistant editor", "I'm a nurse", "I worked as a buyer", "my role was".
    # The longer frames first: "I was working as receptionist" is not "I was" + a doing.
    r"(?:\bI\s+(?:was working as|was employed as|was hired as|was brought in as|was there as|"
    r"was promoted to|was|am|'m|had been|'d been|became|had become|'d become|worked as|"
    r"joined as|started as|came in as|got promoted to)|\bI'm|\bmy (?:role|job|title|position)"
    # "I was, like, still a trainee then": a filler set off by commas after the verb.
    r"(?: at the time| then)? (?:was|as)|\bwhen I was|\bin my (?:role|job|time) as)"
    r"(?:\s+|(?=,\s*(?:um|uh|er|erm|like|you know|kind of|sort of),))"
    + _FILLER
    + _DETERMINER
    # "As a payroll specialist at a retailer, I ...": a sentence opening with the title.
    + r"|(?:^|[.!?:]\s+|\n\s*)(?:(?:so|um|well|and|but),?\s+)*as\s+"
    + _DETERMINER
    # "... and as the team lead I made it a rule": a title said before its holder, "I".
    + r"|\bas\s+(?:the|a|an|our)\s+(?=(?:[\w\-]+\s+){0,3}?[\w\-]+,?\s+I\b)",
    re.IGNORECASE,
)
_PHRASE = re.compile(
    r"(?P<p>(?:[\w&'\-]+\s+){0,4}?[\w&'\-]+)"
    r"(?=\s*(?:[,.;:!?()]|\s(?:at|on|in|for|with|and|who|that|when|where|reporting|managing|"
    r"running|leading|working|responsible|under|to|from|but|so|because|during|since|until|"
    r"i|we|of|then|now|today|these|currently|at the time|back|also|too|myself|as well|"
    r"again|same|about|into|after|before|while|fresh|straight|right|barely)\b|$))",
    re.IGNORECASE,
)
_HEAD_OF = re.compile(
    r"^(?:(?:head|director|vp|vice president|chief|manager|supervisor|leader) of|"
    r"lead of (?:a |the |our |my )?(?:team|shift|crew|squad))\b",
    re.IGNORECASE,
)
_OPENING_HEAD = re.compile(
    r"\s*(?P<p>(?:head|director|manager|supervisor) of [\w&'\- ]{2,40}?)\s+(?:at|in|for|with)\b",
    re.IGNORECASE,
)
"""A telling that opens on a title with no subject ('Head of maths at a secondary school,
four teachers in my department'): the terse style names the candidate's own job first."""
_NOBODY = re.compile(r"\b(?:nobody|no one|noone|none|no)\s", re.IGNORECASE)
_DOING = re.compile(r"[a-z]+ing\b(?<!\bking)", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:(?:just|only)\s+)?an?\s+", re.IGNORECASE)
_APPOSITION = re.compile(
    r"(?:\s+(?:then|back then|at the time|at that point))?,\s*"
    r"(?=(?:a|an|just a|just an|only a|only an)\s)",
    re.IGNORECASE,
)
"""'I was pretty new then, a junior analyst': the title set apart after the frame."""
_ONE_OF = re.compile(
    r"\bI\s+(?:was|am|'m)\b"
    + _FILLER
    # "I was in that time one of the junior engineers": when, said between.
    + r"\s*(?:(?:at|in|during) (?:that|the) time,?\s+|back then,?\s+|then,?\s+)?"
    + r"(?:just\s+|only\s+|still\s+)?(?:one of (?:the |our |two |three |four |five |six |"
    r"several |many |\d+ )?(?:[\w\-]+ ){0,3}?(?P<h>[a-z\-]+s)\b)"
    r"|\b(?:individual contributor|"
    r"(?:not|wasn't|was not|never) (?:managing|line[- ]managing) (?:anyone|anybody|people)|"
    r"(?:no|zero) (?:direct )?reports|the most junior (?:of|on|in|person|one|member))"
    # "I was on the parts counter, basically the newest guy there": the last one taken on.
    r"|\bI\s+(?:was|am|'m)\b[^.;!?]{0,80}?\bthe (?:newest|youngest) (?:guy|person|one|member|"
    r"hire|starter|kid|girl|lad)\b",
    re.IGNORECASE,
)
_ME_AND_ANOTHER = re.compile(
    r"\b(?:me|myself) and (?:one other|another|the other) (?P<h>[a-z\-]+)\b"
    r"|\b(?:another|one other) (?P<h2>[a-z\-]+) and (?:I|me|myself)\b",
    re.IGNORECASE,
)
"""'Sandra gave it to me and one other analyst': the candidate is an analyst too, one of
two ('other' says so), whoever else leads them."""
_MANAGING = re.compile(
    r"\b(?:\w+|\d+) (?:[\w\-]+ ){0,2}?(?:reporting (?:directly )?to me|direct reports)\b"
    # "I had four analysts working those files under me".
    r"|\bI had (?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several) "
    r"[\w\-]+ (?:[\w\-]+ ){0,4}?(?:under me|reporting to me|working for me)\b"
    r"|\b(?:I|who) (?:managed|manage|was managing|was line[- ]managing|line[- ]managed|"
    r"was running|ran|ran a team of|was leading|led) (?:a team of |the team of |the |my |our )?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"several|a few) (?:[\w\-]+ )?(?:engineers|people|developers|scientists|analysts|"
    r"designers|nurses|agents|staff|reps|researchers|accountants|technicians|coordinators|"
    r"writers|buyers|planners|recruiters|editors|pickers|drivers|operators|associates|"
    r"teachers|advisors|advisers|specialists|consultants|pms|supervisors|handlers|clerks|"
    r"cashiers|testers|associates|officers|interns)\b"
    # "I had my four shift leads each take one week of arrivals": leads who answer to me.
    r"|\bmy (?:two|three|four|five|six|seven|eight|nine|ten|\d+) (?:shift |team |section |line |"
    r"area |ward |night )?(?:leads|leaders|supervisors|managers|foremen)\b"
    # "I was leading the demand planning team": a team the candidate leads.
    r"|\bI (?:was leading|led|was running|ran|was managing|managed|was heading|headed) the "
    r"(?:[\w\-]+ ){1,3}?(?:team|group|department|desk|crew|squad)\b"
    # "I was a senior planning officer at the council, leading the householder team": the
    # clause after the title says what the candidate did, and its subject is still "I".
    r"|\bI (?:was|am|'m)\b[^.;!?]{0,80}?,\s+(?:leading|running|managing|heading) (?:the|my|our) "
    r"(?:[\w\-]+ ){0,3}?(?:team|group|department|desk|crew|squad)\b"
    # "one of the two analysts I managed": people the candidate managed, in a relative clause.
    r"|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:[\w\-]+ )?"
    r"(?:engineers|developers|analysts|accountants|nurses|agents|reps|pickers|drivers|"
    r"technicians|teachers|designers|planners|people|staff|scientists|associates) "
    r"(?:that |who )?I (?:managed|supervised|line[- ]managed|was managing|was supervising|"
    r"was line[- ]managing|oversaw|was overseeing|had under me)\b"
    r"|\b(?:running|leading|managing) a team of (?:\d+|[a-z]+)\b"
    # "I was lead of a team of 14 pickers", "I was in charge of the night crew".
    r"|\bI (?:was|am|'m) (?:the )?(?:lead|leader|head|in charge) of (?:a |the |our |my )?"
    r"(?:[\w\-]+ )?(?:team|shift|crew|squad)\b"
    # "one of my four accountants": people the candidate has, counted, are their reports.
    r"|\b(?:of )?my (?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) "
    r"(?!fellow |other |former |old )(?:[\w\-]+ )?(?:engineers|developers|analysts|"
    r"accountants|nurses|agents|reps|pickers|"
    r"drivers|operators|technicians|teachers|designers|recruiters|planners|buyers|clerks|"
    r"cashiers|supervisors|associates|scientists|officers|direct reports|reports|guys|lads)\b"
    # "I asked two of my planners to run it": some of the candidate's people, by their job.
    r"|\b(?:one|two|three|four|five|six|\d+|some|several|a few|most|both|none) of my "
    r"(?!fellow |other |former |old )(?:[\w\-]+ )?(?:engineers|developers|analysts|"
    r"accountants|nurses|agents|reps|pickers|drivers|operators|technicians|designers|"
    r"recruiters|planners|buyers|clerks|cashiers|supervisors|associates|scientists|officers|"
    r"handlers|advisors|advisers|direct reports)\b"
    # "I was leading the night shift": the shift's staff answer to the one who leads it.
    r"|\bI (?:was leading|led|was running|ran|was in charge of|supervised|was supervising) "
    r"(?:the|our|my) (?:night |day |evening |weekend |early |late |morning )?shift\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"\b(?:not|n't|never|no longer|not yet|wasn't|before I was)\s+(?:\w+\s+)?$", re.IGNORECASE
)
_TERSE_OPENING = re.compile(
    r"\s*(?:[-*\u2022]\s*)?(?P<line>[\w&'\-]+(?:\s+[\w&'\-]+){0,3}(?:,\s*[\w&'\-]+(?:\s+[\w&'\-]+)"
    r"{0,3}){1,3})\s*(?:[.\n]|$)"
)
"""A telling's first line made of two to four short noun phrases and no more."""
_HYPOTHETICAL = re.compile(r"^\s*(?:would|might|could|does|do)\b", re.IGNORECASE)


def tier_of(title: str) -> str | None:
    """The tier a job title puts its holder in, or None when the title does not say."""
    words = [w for w in re.split(r"[\s/]+", title.lower().strip(" ,")) if w]
    if not words:
        return None
    if _HEAD_OF.match(title.strip()):
        return PEOPLE
    if any(w in _STUDENT_HEADS for w in words):
        return STUDENT
    head = words[-1]
    before = words[-2] if len(words) > 1 else ""
    if "associate" in words[:-1] and head in ("pm", "pms", "manager"):
        return INDIVIDUAL  # an associate product manager has no reports
    if head in ("manager", "managers"):
        if before == "assistant" or not (set(words[:-1]) & _NOT_PEOPLE_MANAGER):
            return PEOPLE
        return None
    if head in ("lead", "leader", "leads", "leaders"):
        return PEOPLE if before in _LEAD_OF_PEOPLE else None
    if head in _PEOPLE_HEADS:
        return PEOPLE
    if head == "executive" and before in _SELLING:
        return INDIVIDUAL  # "an account executive" sells; "an executive" alone may not
    if head.rstrip("s") in _INDIVIDUAL_HEADS or head in _INDIVIDUAL_HEADS:
        if before == "charge":
            return PEOPLE  # a charge nurse runs the shift's nurses
        if before == "head":
            return PEOPLE  # "head nurse", "head chef"
        if head == "controller" and before not in _CONTROLLING:
            return None  # a financial controller runs the accountants; a traffic one does not
        if before in ("lead", "principal", "chief"):
            return None  # may lead people or may not: the title does not say
        return INDIVIDUAL
    return None


_STILL_ON_THE_CREW = re.compile(
    r"\bI\s+was\s+(?:still|just|only)\s+(?:on|in|part of)\s+the\s+(?:[\w\-]+\s+){0,2}"
    r"(?:crew|line|floor|shift|team)\b"
)
"""'I was still on the unload crew back then': one of the crew, leading no one."""


def positions(text: str) -> list[tuple[str, int, int]]:
    """Each (tier, start, end) the candidate says of their own job in this telling.

    A negated title ("not yet supervisor", "before I was a manager") says nothing of the
    time of the story, and a title in a simile ("as a manager would") is not a job.
    """
    out: list[tuple[str, int, int]] = []
    for frame in _FRAME.finditer(text):
        m = _PHRASE.match(text, frame.end())
        if not m or _HYPOTHETICAL.match(text, m.end()):
            continue
        if _NEGATION.search(text, max(0, frame.start() - 25), frame.end()):
            continue
        if _DOING.match(m.group("p")):
            continue  # "I was leading the four site engineers": what they did, not a title
        tier = tier_of(m.group("p"))
        if tier is None:
            # "I was pretty new then, a junior analyst": the title follows, set apart.
            apposed = _APPOSITION.match(text, m.end())
            if apposed:
                m = _PHRASE.match(text, apposed.end()) or m
                tier = tier_of(_ARTICLE.sub("", m.group("p")))
        if tier:
            out.append((tier, frame.start(), m.end()))
    opening = _OPENING_HEAD.match(text)
    if opening and tier_of(opening.group("p")) == PEOPLE:
        out.append((PEOPLE, opening.start("p"), opening.end("p")))
    terse = _TERSE_OPENING.match(text)
    if terse:
        # "SOC, Tier 1 analyst, night shift.": a first line of nouns, one of them the job.
        tiers = {
            (tier, terse.start(), terse.end())
            for part in terse.group("line").split(",")
            if (tier := tier_of(part)) is not None
        }
        if len({t for t, _, _ in tiers}) == 1:
            out.extend(tiers)
    for m in _ONE_OF.finditer(text):
        if m.group("h"):
            if tier_of(m.group("h")) != INDIVIDUAL:
                continue
        elif _NEGATION.search(text, max(0, m.start() - 25), m.start()):
            continue
        out.append((INDIVIDUAL, m.start(), m.end()))
    for m in [*_ME_AND_ANOTHER.finditer(text), *_STILL_ON_THE_CREW.finditer(text)]:
        # "Me and one other analyst" is one only if an analyst leads no one.
        said = m.groupdict().get("h") or m.groupdict().get("h2")
        if said is not None and tier_of(said) != INDIVIDUAL:
            continue
        if not _NEGATION.search(text, max(0, m.start() - 25), m.start()):
            out.append((INDIVIDUAL, m.start(), m.end()))
    for m in _MANAGING.finditer(text):
        if names_nobody(m.group()):
            # "Nobody reporting to me", "no direct reports": the candidate managed no one.
            out.append((INDIVIDUAL, m.start(), m.end()))
        elif not _NEGATION.search(text, max(0, m.start() - 25), m.start()):
            out.append((PEOPLE, m.start(), m.end()))
    return out


def names_nobody(said: str) -> bool:
    """'Nobody reporting to me', 'no direct reports': a count of reports that is none."""
    return bool(_NOBODY.search(said.split(" reporting")[0].split(" direct")[0] + " "))


def clash(a: str, b: str) -> bool:
    """Two tiers no one person holds at once in one story."""
    return a != b and (STUDENT in (a, b) or {a, b} == {INDIVIDUAL, PEOPLE})


ABOVE = "above"
BELOW = "below"
_NAME = r"(?P<name>[A-Z][a-z]+)"
_REPORTING = re.compile(
    # "Dave, the foreman, reported to me", "the foreman, Dave, reported to me".
    r"\b" + _NAME + r"(?:,[^,.;!?]{1,40})?,?\s+(?:reported|reports|was reporting|used to report)"
    r"\s+(?:directly\s+)?to\s+me\b"
    # "I had Dave reporting to me", "with Dave reporting to me".
    r"|\b(?:had|with)\s+" + _NAME.replace("name", "name2") + r"\s+reporting\s+to\s+me\b"
    # "I reported to Dave", "reporting to the site foreman, Dave", "I report to Dave".
    r"|\b(?P<below>I\s+(?:reported|report|was reporting|used to report)|reporting)\s+"
    r"(?:directly\s+)?to\s+(?:(?:our|my|the)\s+(?:[\w\-]+\s+){0,3}?[\w\-]+,\s+)?"
    + _NAME.replace("name", "name3")
    + r"\b"
)
_TOLD = re.compile(r"\s*(?:that|on|about|what|how|back|the|it|this|those|these|every)\b", re.I)
"""After 'reported to me', what was told: 'Dave reported to me that the bolts were off'
is news, not a reporting line."""
"""A reporting line said with a person's first name: who is above whom."""


def reporting_lines(text: str) -> list[tuple[str, str, int, int]]:
    """(name, the candidate above or below them, start, end) for each reporting line the
    candidate states with a named person: "Dave reported to me" puts the candidate above
    Dave; "reporting to the site foreman, Dave" puts them below. Two tellings of one story
    that put the candidate on both sides of one person disagree about the role."""
    out = []
    for m in _REPORTING.finditer(text):
        name = m.group("name") or m.group("name2") or m.group("name3")
        if name in ("I", "The", "Our", "My", "He", "She", "They", "We", "It", "This"):
            continue
        if _TOLD.match(text, m.end()):
            continue
        side = BELOW if m.group("below") else ABOVE
        out.append((name, side, m.start(), m.end()))
    return out


_HELD_HEAD = (
    r"(?:manager|director|supervisor|leader|lead|officer|coordinator|assistant|technician|"
    r"analyst|engineer|nurse|teacher|agent|planner|foreman|housekeeper|administrator|"
    r"executive|specialist|consultant|controller|dispatcher|receptionist)"
)


_NOT_TITLE_WORD = r"(?!(?:a|an|the|just|only|still|then|now|also|like|really|one|of)\b)"
"""Words that are no part of a title: 'I was just a planner' holds the title 'planner'."""


def _held(group: str) -> str:
    """A title (up to three words before a head noun), captured as ``group``."""
    return (
        r"(?P<" + group + r">(?:" + _NOT_TITLE_WORD + r"[a-z][\w\-]*\s+){0,3}" + _HELD_HEAD + r")"
    )


_COUNT = r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)"
_UNDER_ME = r"(?:under me|below me|reporting to me|who report(?:s|ed)? to me|who worked for me)"
_NOT_A_NAME = r"(?!(?:Then|So|And|But|Also|Later|First|Now|Yes|Well|Anyway|Actually)\b)"
"""Capitalised words that open a sentence and name nobody ('Then, our team leader ...')."""
_OTHERS_TITLE = re.compile(
    # Someone below the candidate: "Joel, the assistant property manager under me", "my two
    # assistant housekeeping managers", "three shift leads reporting to me".
    r"\b(?:[Tt]he|[Aa]n?|[Mm]y|[Oo]ur)\s+" + _held("a1") + r"\s+" + _UNDER_ME + r"\b"
    r"|\b[Mm]y\s+" + _COUNT + r"\s+" + _held("a2") + r"s\b"
    r"|\b" + _COUNT + r"\s+" + _held("a3") + r"s\s+" + _UNDER_ME + r"\b"
    # "I got the site engineer to dig out the tickets for me", "I had the site engineer pull
    # the pour records": the candidate set that person's work (not "got her to agree").
    r"|\bI\s+(?:got|had)\s+(?:the|our|my)\s+" + _held("a4") + r"\s+(?!(?:to\s+)?(?:agree|"
    r"approve|sign|accept|back|support|listen|see|understand|change|come round|say|admit)\b)"
    r"(?:to\s+)?[a-z]+\b"
    # Someone above: "Marta, our team leader", "our informatics manager, Greg", "under team
    # leader Marcos", "I reported to the watch manager".
    r"|\b" + _NOT_A_NAME + r"[A-Z][a-z]+,"
    r"\s+(?:our|my)\s+" + _held("b1") + r"\b"
    # "my boss, Dana, the regional operations manager": a name set apart, then its title
    # (not "At Globex, the data engineer on the feed", where the candidate is the title).
    r"|(?<=,\s)" + _NOT_A_NAME + r"[A-Z][a-z]+,"
    r"\s+the\s+" + _held("b8") + r"\b"
    # "The depot manager, Carol, had overall responsibility": named, so someone else.
    r"|\b(?:[Oo]ur|[Mm]y|[Tt]he)\s+" + _held("b2") + r",\s+[A-Z][a-z]+"
    r"|\bunder\s+(?:the\s+|our\s+|my\s+)?" + _held("b3") + r"\s+[A-Z][a-z]+"
    r"|\bI\s+reported\s+(?:directly\s+)?to\s+(?:the|our|my)\s+" + _held("b4") + r"\b"
    # "Sandra was the project lead", "he was our shift supervisor": someone named holds it.
    r"|\b(?!(?:It|That|This|There|What|Which|Who|Mine|Nobody|Everyone|Everything)\b)"
    + _NOT_A_NAME
    + r"[A-Z][a-z]+\s+was\s+(?:the|our|my)\s+"
    + _held("b7")
    + r"\b(?!\s+(?:for|of)\s+(?:it|that|this)\b)"
    # "I asked our charge nurse if I could help", "I went to my shift supervisor": leave
    # sought, or a problem taken up the line.
    r"|\bI\s+(?:[^.;!?]{0,60}?\s+and\s+)?(?:asked\s+(?:our|my)\s+"
    + _held("b5")
    + r"\s+(?:if|whether|for\s+(?:permission|"
    r"approval|the go-ahead|sign-off))|(?:went|escalated(?:\s+it)?)\s+to\s+(?:our|my)\s+"
    + _held("b6")
    + r")\b"
)
_OWN_TITLE = re.compile(
    r"\b(?:I was|I'm|I am|I had been|I'd been|I worked as|I joined as|I started as|"
    # Not "As my manager said", "as the manager had asked": someone else, doing something.
    r"[Aa]s(?!\s+(?:my|our|your|his|her|their)\b))\s+"
    r"(?:(?:the|a|an)\s+)?" + _held("t") + r"\b"
    r"(?!\s+(?:had|has|said|says|asked|wanted|put it|suggested|would|did|told|knew)\b)"
)
_OWN_TITLE_AFTER = re.compile(
    # "I was, um, pretty new at the time, a staff nurse, ...": the title in apposition, after
    # fillers and words of how new or green the candidate was (no verb between, so not "I was
    # talking to Joe, a staff nurse").
    r"\bI was,?\s+(?:(?:um|uh|er|like|you know|pretty|quite|very|really|fairly|still|just|only|"
    r"brand|new|young|green|junior|at the time|back then|then)[,\s]+){1,6}(?:a|an)\s+"
    + _held("t")
    + r"(?=\s*[,.;])"
)


_TITLE_SHORT = {
    "ops": "operations",
    "mgr": "manager",
    "asst": "assistant",
    "admin": "administration",
}
"""Words of a title said short: 'lift ops supervisor' is the lift operations supervisor."""


def _title(said: str) -> str:
    """'Assistant housekeeping managers' and 'assistant housekeeping manager' are one title."""
    words = [_TITLE_SHORT.get(w, w) for w in said.lower().split()]
    return " ".join([*words[:-1], words[-1].removesuffix("s")])


def others_titles(text: str) -> list[tuple[str, str, int, int]]:
    """(title, whether the candidate is above or below its holder, start, end) for each
    title the telling gives someone else in the candidate's line: "Joel, the assistant
    property manager under me" puts the candidate above an assistant property manager,
    "Marta, our team leader" below a team leader. A retelling in which the candidate
    holds that very title ("I was the assistant property manager") disagrees."""
    out = []
    for m in _OTHERS_TITLE.finditer(text):
        said = next(g for g, v in m.groupdict().items() if v)
        side = ABOVE if said.startswith("a") else BELOW
        out.append((_title(m.group(said)), side, m.start(), m.end()))
    return out


def own_titles(text: str) -> list[tuple[str, int, int]]:
    """(title, start, end) for each title the candidate gives themselves, heads of any
    tier included ('I was the team leader for 12 agents')."""
    found = [*_OWN_TITLE.finditer(text), *_OWN_TITLE_AFTER.finditer(text)]
    return [(_title(m.group("t")), m.start(), m.end()) for m in found]
