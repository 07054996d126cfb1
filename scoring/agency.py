"""Who had the idea and who made the call, read from the clause that says so.

The agency facts in ``scoring.facts`` began as lists of whole phrasings ("my manager
decided", "it was my idea"), and each new way of saying it was missed: "our CFO
decided we needed an audit", "I looked at the volumes, decided we only needed two",
"the final call was mine", "our PM, Tomás, had the idea". What those have in common is
English grammar, not wording: a verb of deciding or proposing, and its subject. This
module finds the verb, walks left to the clause's subject (over an appositive name and
over earlier verbs the subject governs, "I checked X, decided Y"), and says whether the
subject is the candidate or somebody else.

"We decided" names nobody in particular and says nothing. So do hypotheticals ("I should
have suggested") and negations ("it wasn't my idea" tells only what it was not).
"""

from __future__ import annotations

import re

DECIDED = "decided"
STARTED = "started"
CANDIDATE = "candidate"
OTHER = "manager"
"""Somebody other than the candidate: a boss, a client, a colleague by name."""

_DECIDE = (
    r"(?:decided|chose|made (?:the|that|this|a|his|her|their) (?:final |last |big )?(?:call|"
    r"decision)|took (?:the|that) (?:final )?(?:call|decision)|"
    # "So I make the decision that night", "my manager decide to move it": the present for
    # the past, as many non-native speakers tell a story.
    r"decides?(?=:|\s+(?:to|that|we)\b)|makes? the (?:final )?(?:call|decision)|"
    r"called it|overruled|"
    r"had the (?:final|last) (?:say|word|call)|gave (?:us |me )?the go-ahead|green-?lit|"
    r"pulled the plug)"
)
_PROPOSE = (
    r"(?:proposed|suggested|pitched|came up with|thought of|floated|initiated|championed|"
    # "I came with the idea to give appointment slots": said so by many non-native speakers.
    r"came (?:back )?(?:to (?:me|us) )?with (?:the|this|an|his|her|their) idea|"
    # "Priya came back from a conference with the idea of flipping it", "... where she had
    # seen timed entry": an idea brought back from elsewhere.
    r"came back from (?:a|an|the) (?:[\w\-]+ ){0,3}?(?:with (?:the|this|an|a) idea|(?:where|"
    r"having) (?:she|he|they)?(?:'d| had)? ?(?:seen|heard(?: about)?|read about|tried))|"
    r"brought (?:the|this|an|his|her|their) idea|pushed for (?:it|this|the idea)|"
    r"ha(?:d|s|ve) (?:the|this|an|the original) idea|"
    # "Chef Anselmo put the idea of smaller plates": put forward, as non-native speakers say.
    r"put (?:forward )?(?:the|this|an|his|her|their) idea|"
    # "I propose to my manager to install a sensor": the present for the past, as above.
    r"(?:propose|suggest)s?(?=\s+(?:to|that|we)\b)|dreamed up|kicked off|insisted (?:on|that|we|I)|"
    # "Tom said we should try cutting it down": a proposal, said as advice.
    # "He was the one who said the glass is breaking after the screen, and that we should
    # swap the order round": what is wrong, then what to do about it.
    # "I took it to my GM and said, look, let's try one Sunday a month": the same, said
    # as an invitation after a word that only gets attention.
    r"(?:said|thought|argued|felt),? (?:that )?(?:(?:look|listen|well|like|you know),?\s+)?"
    r"(?:[^.;!?]{0,80}?,? and that )?(?:(?:we|I) should|let's|let us) "
    r"(?:try|do|move|switch|cut|use|build|go|drop|stop|start|change|replace|split|look|swap|"
    r"reverse|flip|reorder|add|remove))"
)
_ASSIGN = (
    r"(?:asked me to|told me to|wanted me to|needed me to|assigned (?:me|it to me|the \w+ to me)|"
    r"tasked me|put me on|handed (?:me|it to me|it over to me)|gave me the (?:job|task|project)|"
    r"brought me in to|got me to)"
)
_ASKED_WHY_NOT = (
    # "My manager pointed at the old tank and said, why can't we use that?": a proposal put
    # as a question; the thing proposed is usually named before it ("that").
    r"(?:said|asked)(?: me| us)?,?\s*[\"'\u2018\u201c]?\s*(?:why (?:can't|don't|couldn't|"
    r"shouldn't|not) (?:we|you)|what if we|how about (?:we|using))"
)
_VERB = re.compile(
    r"\b(?P<d>" + _DECIDE + r")\b|\b(?P<p>" + _PROPOSE + r")\b|\b(?P<a>" + _ASSIGN + r")\b"
    r"|\b(?P<q>" + _ASKED_WHY_NOT + r")\b",
    re.IGNORECASE,
)
_ROLE_NOUN = (
    r"(?:manager|boss|director|vp|vice president|head|chief|cto|ceo|coo|cfo|cio|ciso|founder|"
    r"owner|partner|lead|leader|supervisor|superintendent|foreman|principal|headteacher|dean|"
    r"chair|board|committee|leadership|management|sponsor|client|customer|pm|architect|"
    r"matron|consultant|editor|producer|officer|president|executive|execs|team lead|gm)"
)
# A subject, as the clause's last one before the verb: a pronoun, "our CFO", a name.
_SUBJECT = re.compile(
    r"\b(?P<i>I)\b(?!')|\bI'(?:d|ve)\b(?P<i2>)|\b(?P<we>we|We)\b|\b(?P<they>he|she|they|He|She|"
    r"They|who)\b"
    # Not after a preposition: "took it to my GM and said" has the candidate speaking.
    r"|(?<!\bto\s)(?<!\bwith\s)(?<!\bfor\s)(?<!\bfrom\s)(?<!\bby\s)(?<!\bat\s)"
    r"\b(?P<role>(?:[Mm]y|[Oo]ur|[Tt]he|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[\w\-]+\s+){0,3}?(?i:"
    + _ROLE_NOUN
    + r")s?)\b(?:\s+of\s+[\w\-]+)?"
    # A person (or a department: "Legal decided") by name, not after a preposition.
    r"|(?<!\bto\s)(?<!\bwith\s)(?<!\bfor\s)(?<!\bfrom\s)(?<!\bby\s)(?<!\bat\s)"
    # Not after 'every' or 'per': "ranked every SKU by picks" names a thing, not a person.
    r"(?<!\bof\s)(?<!\bin\s)(?<!\bevery\s)(?<!\beach\s)(?<!\bany\s)(?<!\bper\s)"
    # Not after 'my' or 'our': "my GM" is a title said short, read with the role nouns.
    r"(?<!\bmy\s)(?<!\bour\s)"
    r"\b(?P<name>[A-Z][^\W\d_]+(?:\s[A-Z][^\W\d_]+)?)\b",
)
BOSS = re.compile(
    r"\b(?:manager|boss|director|vp|vice president|head of|cto|ceo|coo|cfo|chief|supervisor|"
    r"lead|founder|owner|partner|principal|headteacher|superintendent|foreman|matron)\b",
    re.IGNORECASE,
)
"""Words naming someone the candidate answers to; facts asks it too ("she asked me to",
after a director is named)."""
_CLAUSE_START = re.compile(
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)\.|[!?;:\n]|\s[-\u2013\u2014]\s|\bbut\b|\bthough\b|\bwhile\b"
)
_NOT_A_SUBJECT_NAME = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "So", "And",
    "But", "Then", "Um", "Uh", "Well", "Honestly", "Actually", "Basically", "Eventually",
    "Finally", "Instead", "Later", "Also", "Anyway", "Okay", "Ok", "Yeah", "Yes", "No",
}  # fmt: skip
_UNREAL = re.compile(
    r"\b(?:would|should|could|might|must|wish|if|not|n't|never|nobody|no one)\b[\w\s']{0,20}$",
    re.IGNORECASE,
)
_SIMILE = re.compile(r"\b(?:like|as if|as though)\s+$", re.IGNORECASE)


def simile_before(text: str, start: int) -> bool:
    """'I defended the plan like it was mine': a comparison, not a claim of whose it was."""
    return _SIMILE.search(text, max(0, start - 12), start) is not None


_THE_ONE_WHO = re.compile(r"\bI\s+(?:was|am|'m)\s+the\s+(?:one|person)\s+who\s+$", re.I)
_THING = r"idea|call|decision|suggestion|proposal|initiative|baby|plan"
# "It was my idea", "the final call was hers", "the whole thing was our CEO's idea".
_POSSESSED = re.compile(
    r"\b(?:it|this|that|the (?:[\w\-]+ ){0,3}?(?:idea|call|decision|plan|proposal|feature|"
    r"change|pilot|project|initiative|scheme|suggestion))\s+(?:was|had been)\s+"
    r"(?:(?:originally|actually|really|entirely|all|totally)\s+)?"
    r"(?:(?P<who>(?:my|our|the|their)\s+(?:[\w\-]+\s+){0,2}?"
    + _ROLE_NOUN
    + r"'s|[A-Z][^\W\d_]+'s)(?:\s+(?P<what>"
    + _THING
    + r"))?"
    r"|(?P<mine>my(?: own)?)\s+(?P<what2>" + _THING + r")"
    # "That was her idea, not mine": another's, said with the pronoun before the thing.
    r"|(?P<pron2>his|her|their)(?: own)?\s+(?P<what3>" + _THING + r")"
    r"|(?P<pron>mine|his|hers|theirs))\b"
    # "When the new stacking rule came in from Diane, our operations manager": whose it was.
    r"|\b(?:the|this|that) (?:new )?(?:[\w\-]+ )?(?:idea|suggestion|proposal|rule|policy) came "
    r"(?:in |down )?from\s+(?P<from>me|my [\w\-]+|"
    r"(?:our|the) (?:[\w\-]+\s+){0,2}?" + _ROLE_NOUN + r"|[A-Z][a-z]+)\b",
    re.IGNORECASE,
)
_PASSIVE = re.compile(
    r"\bI (?:was|got) (?:asked|told|assigned|tasked|given the (?:job|task|project)|"
    r"handed the (?:job|task|project)|brought in)\b",
)


def _who(clause: str) -> tuple[str | None, str]:
    """The clause's last subject before its verb (the candidate, someone else, or None)
    and the words that name it."""
    if _THE_ONE_WHO.search(clause):
        return CANDIDATE, "I"
    last = None
    for m in _SUBJECT.finditer(clause):
        if m.group("name") and m.group("name").split()[0] in _NOT_A_SUBJECT_NAME:
            continue
        last = m
    if last is None:
        return None, ""
    if last.group("i") is not None or last.group("i2") is not None:
        return CANDIDATE, "I"
    if last.group("we"):
        return None, ""
    return OTHER, last.group()


def _clause_before(text: str, start: int) -> str:
    window = text[max(0, start - 160) : start]
    cut = 0
    for m in _CLAUSE_START.finditer(window):
        cut = m.end()
    return window[cut:]


_REPAIR = re.compile(
    r"\s*[,\u2014\-]+\s*(?:well|I mean|or rather|rather|sorry|or actually|no wait)\s*[,\u2014\-]",
    re.IGNORECASE,
)
"""A word the speaker takes back and replaces: "proposed, well, agreed to"."""


def claims(text: str) -> list[tuple[str, str, int, int, str]]:
    """(slot, who, start, end, about) for each claim of who decided or whose idea it was.

    ``about`` is the text that names what was decided or proposed, so that two claims
    about different decisions in one story are not set against each other.
    """
    out: list[tuple[str, str, int, int, str]] = []
    for m in _VERB.finditer(text):
        if _REPAIR.match(text, m.end()):
            continue  # "they were the ones who proposed, well, agreed to": taken back
        if text[m.end() : m.end() + 1] == "-" or text[m.start() - 1 : m.start()] == "-":
            continue  # "the suggested-replacements list": a word of a compound, no verb
        clause = _clause_before(text, m.start())
        if _UNREAL.search(clause):
            continue
        who, subject = _who(clause)
        if who is None:
            continue
        rest = re.split(r"[.;!?]", text[m.end() : m.end() + 90])[0]
        if ":" in rest:
            # "I proposed that we coordinate: share one crane between the two farms": what
            # follows the colon says what was proposed.
            rest = re.split(r"[.;!?]", text[m.end() : m.end() + 180])[0]
        if m.group("q"):
            rest = ""  # what the question points at was named before it
        elif " and that " in m.group():
            rest = m.group() + " " + rest  # what was said wrong is what the proposal is about
        if m.group("a") or m.group("q"):
            # Work handed down is the boss's idea; a customer asking is not ("a customer
            # rang; she asked me to check the depot"). A pronoun or a name counts as the
            # boss only when a boss is named shortly before.
            boss = BOSS.search(subject) or (
                not subject.lower().startswith(("my ", "our ", "the ", "their "))
                and BOSS.search(text, max(0, m.start() - 200), m.start())
            )
            if who == CANDIDATE or not boss:
                continue
            slot = STARTED
        else:
            slot = DECIDED if m.group("d") else STARTED
        out.append((slot, who, m.start(), m.end(), rest))
    for m in _POSSESSED.finditer(text):
        if simile_before(text, m.start()):
            continue
        if _UNREAL.search(text[max(0, m.start() - 25) : m.start()]) or re.search(
            r"\b(?:not|n't|never)\b", m.group(), re.I
        ):
            continue
        said = (
            m.group("who") or m.group("from") or m.group("pron") or m.group("pron2") or ""
        ).lower()
        mine = m.group("mine") or said in ("mine", "me")
        who = CANDIDATE if mine else OTHER  # "came from my manager" is someone else
        # What was owned: the noun after the owner, or the subject ("the final call was hers").
        what = (m.group("what") or m.group("what2") or m.group("what3") or m.group()).lower()
        slot = DECIDED if re.search(r"\b(?:call|decision)\b", what) else STARTED
        sentence_start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        rest = re.split(r"[.;!?]", text[m.end() : m.end() + 90])[0]
        out.append((slot, who, m.start(), m.end(), text[sentence_start : m.end()] + " " + rest))
    for m in _PASSIVE.finditer(text):
        if _UNREAL.search(text[max(0, m.start() - 25) : m.start()]):
            continue
        rest = re.split(r"[.;!?]", text[m.end() : m.end() + 90])[0]
        out.append((STARTED, OTHER, m.start(), m.end(), rest))
    return out
