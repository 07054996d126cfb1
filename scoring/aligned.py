"""Two tellings of one story compared beat by beat.

The slot readers in ``scoring.facts`` read each telling on its own: a figure
is compared with the other telling's only when each names what it measures in
words the readers know, or both say it in the same role. A retelling names
things differently ("mis-picks got down to about 0.8 percent" after "the
mis-pick rate ... dropped to 0.4 percent"), or not at all, and the readers
miss it.

A person comparing two tellings does something else: they find the sentence
in one telling that tells the same beat as a sentence in the other, and read
the two side by side. What the sentence is about is then known from the words
the two share, and a value that differs inside the pair stands out. This
module does that:

1. each sentence is reduced to its content words (stemmed, function words and
   numbers left out);
2. two sentences are aligned when each is the other's best match and they
   share enough of their words: one beat told twice;
3. inside an aligned pair, figures of one kind (a rate, a sum of money, a
   length of time, a count of one thing) are compared after the tolerance
   layer of ``scoring.facts``; figures that agree with one said anywhere in
   the other telling are set aside, and one figure left on each side that
   differs is a contradiction.

Precision comes from the alignment (one beat, each the other's best) and from
asking for one figure left per side: with two left there is no telling which
is which, and nothing is said.

A change is also read from its fixed point. A retelling often keeps where a
change started ("eleven falls a quarter", "the rate was 2.1 percent") and
moves where it ended, in a sentence the first telling does not align with.
When both tellings give one value once each, the value each gives next to it
(in its sentence, or the only later one of its kind) is the other end of the
change; two ends that differ, on the same side of the start, neither said
anywhere in the other telling, are a contradiction. A telling that counts the
change in steps ("moved it by seventeen points", then "by the end of the year,
67%") may end in more than one place, and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from scoring.document import Document
from scoring.facts import _NOT_COMPANY, _PLACE_WORDS, Conflict, Facts, Figure, _telling_amount
from scoring.facts import _agreement as agreement
from scoring.facts import _figure_finding as figure_finding
from scoring.facts import _slot_key as slot_key
from scoring.similarity import STOPWORDS, _term_info
from scoring.text import NUMBER_WORDS, abbreviates

ALIGN_AT = 0.4
"""Shared content words over the shorter sentence's: below this, two sentences tell
different beats."""
ALIGN_WORDS = 2
"""Content words two aligned sentences share at the least."""

_WORD = re.compile(r"[a-z][a-z'\-]*[a-z]")
_NUMBER_WORDS = frozenset(NUMBER_WORDS) | {
    "hundred", "thousand", "million", "billion", "half", "third", "quarter", "percent", "cent",
}  # fmt: skip
"""Words that say a value: the value is compared as a figure, not as what the beat is about."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of one answer of a telling, with the content words it tells."""

    source: int
    start: int
    end: int
    words: frozenset[str]


def _sentences(doc: Document) -> tuple[tuple[int, int, frozenset[str]], ...]:
    out = []
    low = doc.lower
    for s in doc.sentences:
        words = set()
        for w in _WORD.findall(low, s.start, s.end):
            if w in _NUMBER_WORDS:
                continue
            info = _term_info(w)
            if info and len(info[0]) > 2:
                words.add(info[0])
        out.append((s.start, s.end, frozenset(words)))
    return tuple(out)


def sentences(docs: Sequence[tuple[int, Document]]) -> list[Sentence]:
    """The sentences of a telling's answers (source index, document), in order."""
    return [
        Sentence(source, start, end, words)
        for source, doc in docs
        for start, end, words in doc.derived(_sentences)
    ]


def align(a: Sequence[Sentence], b: Sequence[Sentence]) -> list[tuple[int, int]]:
    """Pairs (i, j) of sentences that tell one beat: each the other's best match, sharing
    at least ``ALIGN_WORDS`` content words and ``ALIGN_AT`` of the shorter's."""
    best_a: dict[int, tuple[float, int]] = {}
    best_b: dict[int, tuple[float, int]] = {}
    for i, x in enumerate(a):
        if not x.words:
            continue
        for j, y in enumerate(b):
            if not y.words:
                continue
            shared = len(x.words & y.words)
            if shared < ALIGN_WORDS:
                continue
            score = shared / min(len(x.words), len(y.words))
            if score < ALIGN_AT:
                continue
            if score > best_a.get(i, (0.0, -1))[0]:
                best_a[i] = (score, j)
            if score > best_b.get(j, (0.0, -1))[0]:
                best_b[j] = (score, i)
    return [(i, j) for i, (_, j) in best_a.items() if best_b.get(j, (0.0, -1))[1] == i]


def _inside(f: Figure, s: Sentence) -> bool:
    return f.source == s.source and s.start <= f.start < s.end


def _compared(f: Figure) -> bool:
    """Figures a beat can be held to: a reading, not a limit, a range, a target or a label."""
    return (
        f.family not in ("plain", "multiplier")
        and f.bound is None
        and f.low is None
        and f.role not in ("target", "timing", "label", "spread", "peak", "versus")
    )


def _read_role(f: Figure) -> str | None:
    """A figure's role, with a figure told as coming later ('two months later we had
    forty') read as a result."""
    if f.role is None and f.when == "later":
        return "after"
    return f.role


def _one_slot(a: Figure, b: Figure) -> bool:
    """Two figures of one beat that may be one value: the same period, both parts of a group
    or neither, the same role (a baseline is not a result, a change is not a length), and
    within twenty times of each other (five weeks and 450 ms are two things, not one said
    two ways)."""
    if a.per != b.per or a.part != b.part:
        return False
    if _read_role(a) != _read_role(b):
        return False  # a baseline against a result, a change against a length
    if a.family == "percent" and abs(a.value + b.value - 100) <= 10:
        return False  # "down 70%" and "fell to a third": what is gone and what is left
    if a.when != b.when and ((a.when and b.when) or "first" in (a.when, b.when)):
        return False  # an early reading against a later or an unplaced one
    small, big = sorted((abs(a.value), abs(b.value)))
    return small > 0 and big / small <= 20


def figure_conflicts(a: Facts, b: Facts, sa: list[Sentence], sb: list[Sentence]) -> list[Conflict]:
    """Figures that differ inside aligned sentences, one left on each side (see module)."""
    out: list[Conflict] = []
    figs_a = [f for f in a.figures if _compared(f)]
    figs_b = [f for f in b.figures if _compared(f)]
    for i, j in align(sa, sb):
        in_a = [f for f in figs_a if _inside(f, sa[i])]
        in_b = [f for f in figs_b if _inside(f, sb[j])]
        if not in_a or not in_b:
            continue
        for key in {slot_key(f)[:2] for f in in_a}:
            xa = [f for f in in_a if slot_key(f)[:2] == key]
            xb = [f for f in in_b if slot_key(f)[:2] == key]
            # A value the other telling says anywhere is not the odd one out.
            left_a = [f for f in xa if not any(agreement(f, g) != "no" for g in b.figures)]
            left_b = [g for g in xb if not any(agreement(g, f) != "no" for f in a.figures)]
            if len(left_a) != 1 or len(left_b) != 1:
                continue
            fa, fb = left_a[0], left_b[0]
            if fa.family in ("count", "time") and not (_telling_amount(fa) and _telling_amount(fb)):
                continue  # "four languages", "two weeks": small counts and round spans of
                # one beat are as often two different things as one thing said twice
            if not _one_slot(fa, fb):
                continue
            out.append(figure_finding("number", fa, fb, check=False))
    return out


_UNIT = re.compile(
    r"\b(?:the|our|my|their|his|her|its|a|an|on|in|of|at|into|to|from)\s+"
    r"(?P<mods>[a-z][a-z&\-]*(?:\s+[a-z][a-z&\-]*)?)\s+"
    r"(?P<head>team|squad|section|department|desk|unit|ward|division|crew|shift|pod)s?\b"
)
"""A unit of people named by what comes before it: 'the pastry section', 'motor claims team'."""
_NOT_NAMING = frozenset(
    [
        "own",
        "whole",
        "entire",
        "new",
        "small",
        "old",
        "current",
        "immediate",
        "other",
        "same",
        "full",
        "extended",
        "sister",
        "wider",
        "larger",
        "big",
        "tiny",
        "remote",
        "internal",
        "first",
        "second",
        "third",
        "core",
        "whose",
        "partner",
        "this",
        "that",
        "these",
        "those",
        "every",
        "each",
        "one",
    ]
)
"""Words before a unit that describe it without naming which unit it is."""


def _unit_names(text: str, s: Sentence) -> dict[str, frozenset[str]]:
    """The units a sentence names, by head word: {'team': {'search'}}. A head said twice
    with two names is left out (no telling which is meant)."""
    seen: dict[str, set[frozenset[str]]] = {}
    for m in _UNIT.finditer(text, s.start, s.end):
        mods = frozenset(
            w
            for w in _mods(m)
            if w not in _NOT_NAMING and w not in STOPWORDS and w not in _NUMBER_WORDS
        )
        if mods:
            seen.setdefault(m.group("head"), set()).add(mods)
    return {head: next(iter(names)) for head, names in seen.items() if len(names) == 1}


def _named_units(text: str) -> set[str]:
    """Every word a telling uses to name a unit of people anywhere."""
    return {w for m in _UNIT.finditer(text) for w in _mods(m) if w not in STOPWORDS}


_OWNER = frozenset({"our", "my", "their", "his", "her", "its", "the", "a", "an", "your"})


def _mods(m: re.Match[str]) -> list[str]:
    """The words that name a unit: after the last word that owns or points at it ('at
    Penwick our team' names no team; 'Penwick' is the employer)."""
    words = m.group("mods").split()
    owners = [k for k, w in enumerate(words) if w in _OWNER]
    return words[owners[-1] + 1 :] if owners else words


def _other_name(own: frozenset[str], other_names: set[str]) -> bool:
    """No word of a unit's name is one the other telling names a unit with, nor one it
    may shorten or spell out."""
    parts = {p for x in other_names for p in (x, *x.split("-"))}
    return not any(
        w == x or abbreviates(w, x) for word in own for w in (word, *word.split("-")) for x in parts
    )


def team_conflicts(
    a_text: dict[int, str], b_text: dict[int, str], sa: list[Sentence], sb: list[Sentence]
) -> list[Conflict]:
    """One beat naming its unit of people differently: 'the search team' in one telling,
    'the recommendations team' in the other, where neither name is said in the other
    telling at all."""
    names_a = _named_units(" ".join(a_text.values()))
    names_b = _named_units(" ".join(b_text.values()))
    out: list[Conflict] = []
    for i, j in align(sa, sb):
        x, y = sa[i], sb[j]
        units_a = _unit_names(a_text[x.source], x)
        units_b = _unit_names(b_text[y.source], y)
        for head in units_a.keys() & units_b.keys():
            ma, mb = units_a[head] - units_b[head], units_b[head] - units_a[head]
            if not ma or not mb or not _other_name(ma, names_b) or not _other_name(mb, names_a):
                continue
            out.append(
                Conflict(
                    "team",
                    f"{' '.join(sorted(ma))} {head}",
                    f"{' '.join(sorted(mb))} {head}",
                    x.source,
                    y.source,
                    "which " + head,
                    (x.start, x.end),
                    (y.start, y.end),
                )
            )
    return out


_EMPLOYER = re.compile(
    r"\b(?:[Aa]t|[Ff]or|[Ii]n|joined|with the)\s+(?:the\s+)?(?:[a-z]+\s+)?"
    r"(?P<name>[A-Z][\w&'\-]*(?:\s+(?:of\s+|&\s+|and\s+)?(?!I\b)[A-Z][\w&'\-]*){0,4})"
)
"""A capitalised name after 'at', 'for', 'in', 'joined': where the candidate worked, in the
sentence that says so ('at the state Department of Revenue', 'In Zalando I was...')."""
_CAPITALISED = re.compile(r"\b[A-Z][\w&'\-]*")
_FIRST_PERSON = re.compile(r"\b(?:I|my|we|our)\b")


def _plain(word: str) -> str:
    """A name without its possessive: 'Kingsmere's' is Kingsmere."""
    return word.removesuffix("'s").removesuffix("'")


def _employers(text: str, s: Sentence) -> set[str]:
    if not _FIRST_PERSON.search(text, s.start, s.end):
        return set()
    out = set()
    for m in _EMPLOYER.finditer(text, s.start, s.end):
        words = [_plain(w) for w in m.group("name").split() if w.lower() not in ("of", "and", "&")]
        if any(w.lower() in _NOT_COMPANY or w.lower() in _PLACE_WORDS for w in words):
            continue
        out.add(" ".join(words))
    return out


def company_conflicts(
    a_text: dict[int, str], b_text: dict[int, str], sa: list[Sentence], sb: list[Sentence]
) -> list[Conflict]:
    """One beat, told of the candidate, naming two employers: 'at the Department of
    Revenue' in one telling, 'at the Department of Motor Vehicles' in the other, when no
    word of either name is a name anywhere in the other telling ('the food bank' does not
    name 'Eastside Food Bank' again, 'Eastside' would)."""
    low_a = {_plain(w).lower() for w in _CAPITALISED.findall(" ".join(a_text.values()))}
    low_b = {_plain(w).lower() for w in _CAPITALISED.findall(" ".join(b_text.values()))}
    for i, j in align(sa, sb):
        x, y = sa[i], sb[j]
        ea, eb = _employers(a_text[x.source], x), _employers(b_text[y.source], y)
        if len(ea) != 1 or len(eb) != 1:
            continue
        na, nb = next(iter(ea)), next(iter(eb))
        wa, wb = set(na.lower().split()), set(nb.lower().split())
        if wa - wb and wb - wa and not (wa - wb) & low_b and not (wb - wa) & low_a:
            return [
                Conflict(
                    "company",
                    na,
                    nb,
                    x.source,
                    y.source,
                    "where it happened",
                    (x.start, x.end),
                    (y.start, y.end),
                )
            ]
    return []


def aligned_conflicts(
    a: Facts,
    b: Facts,
    a_docs: Sequence[tuple[int, Document]],
    b_docs: Sequence[tuple[int, Document]],
    found: Sequence[Conflict] = (),
) -> list[Conflict]:
    """What the beat-by-beat reading finds that the slot readers did not (``found``): a
    statement already shown in a contradiction is not shown again."""
    shown = {c.a_span for c in found} | {c.b_span for c in found}
    sa, sb = sentences(a_docs), sentences(b_docs)
    out = figure_conflicts(a, b, sa, sb)
    out += [c for c in anchored_conflicts(a, b, sa, sb) if c.a_span not in {o.a_span for o in out}]
    if not any(c.kind == "team" for c in found):
        a_text = {k: d.lower for k, d in a_docs}
        b_text = {k: d.lower for k, d in b_docs}
        out += team_conflicts(a_text, b_text, sa, sb)[:1]
    if not any(c.kind == "company" for c in found):
        out += company_conflicts(
            {k: d.text for k, d in a_docs}, {k: d.text for k, d in b_docs}, sa, sb
        )
    return [c for c in out if c.a_span not in shown and c.b_span not in shown]


_CLOCK_WORD = re.compile(r"\b(?:at|between|and|by|until|till|past)\s+[\w.:\-]+$", re.I)
"""A bare number after these is a time of day or a date ('rounds at two and four', 'a line
that opens at ten'), not the end of a change."""
_NOT_AN_END = frozenset({"target", "timing", "label", "spread", "peak", "versus", "delta"})
_END_FAMILIES = frozenset({"count", "percent", "money", "rate"})


def _may_end(f: Figure) -> bool:
    """A figure that may be one end of a change: a reading, not a limit, a range, a target,
    a timing or a change itself."""
    return f.bound is None and f.low is None and f.role not in _NOT_AN_END


def _as_family(f: Figure, like: Figure) -> Figure:
    """A bare number read in the unit of the figure it is said against ('down to four'
    after 'eleven falls')."""
    if f.family != "plain" and not (f.family == "rate" and like.family == "count"):
        return f
    return replace(
        f, family=like.family, unit=like.unit, measure=like.measure, measures=like.measures
    )


def _kin(f: Figure, like: Figure) -> bool:
    """Two figures of one thing: the same family and unit, or a bare number beside one."""
    if f.per != like.per:
        return False
    if f.family == "plain" or like.family == "plain":
        return f.family != "plain" or like.family != "plain"
    if {f.family, like.family} == {"rate", "count"}:
        return True  # "twenty a month" and "twenty-odd late departures a month"
    return slot_key(f)[:2] == slot_key(like)[:2]


def _anchors(a: Sequence[Figure], b: Sequence[Figure]) -> list[tuple[Figure, Figure]]:
    """Values both tellings give, in one unit, each from where it is first said: the fixed
    point a change is told from ('eleven falls' in both, '2.1 percent' and 'it was 2.1')."""
    out: list[tuple[Figure, Figure]] = []
    for fa in a:
        if not _may_end(fa) or fa.family not in _END_FAMILIES | {"plain"}:
            continue
        same = [fb for fb in b if _may_end(fb) and _kin(fa, fb) and _equal(fa, fb)]
        if not same or any(out_a is not fa and _equal(out_a, fa) for out_a, _ in out):
            continue
        if any(g.start < fa.start and _kin(g, fa) and _equal(g, fa) for g in a if _may_end(g)):
            continue  # a value said again ('all eleven') is read from where it was first said
        fb = same[0]
        if fa.value < 3 and float(fa.value).is_integer():
            continue  # "two", "one": said of too many things to fix a change on
        out.append((fa, fb))
    return out


def _equal(a: Figure, b: Figure) -> bool:
    """One value in both: the same number, not a rate against its complement."""
    if a.family == "plain" or b.family == "plain":
        return a.value == b.value
    big = max(abs(a.value), abs(b.value))
    return abs(a.value - b.value) <= 0.1 * big and agreement(a, b) == "yes"


def _partner(
    anchor: Figure, like: Figure, figs: Sequence[Figure], ss: Sequence[Sentence]
) -> Figure | None:
    """The other end of the change told from ``anchor`` (of the kind of ``like``): the
    nearest figure of its kind in its sentence (a bare number too: 'from eleven falls to
    four'); else the one value of its kind the telling gives after it, a bare number only
    when told as an end ('the next quarter we had three')."""
    here = next((s for s in ss if _inside(anchor, s)), None)
    if here is None:
        return None

    def fits(g: Figure) -> bool:
        if g is anchor or not _may_end(g) or g.role == "total" or g.value == anchor.value:
            return False
        if g.per != anchor.per:
            return False
        if g.family != "plain" and not _kin(g, like):
            return False
        if g.family == "plain" and _CLOCK_WORD.search(g.quote):
            return False
        small, big = sorted((abs(g.value), abs(anchor.value)))
        return small > 0 and big / small <= 20

    same = [g for g in figs if _inside(g, here) and fits(g)]
    if same:
        return min(same, key=lambda g: abs(g.start - anchor.start))
    later = [
        g
        for g in figs
        if g.source == anchor.source
        and g.start > here.end
        and fits(g)
        and (g.family != "plain" or g.when == "later")
    ]
    if len({round(g.value, 6) for g in later}) == 1:
        return later[0]
    # Several later values ('nine out of eleven', 'three of them', 'down to six falls'): the
    # one told as a result, if only one is.
    ends = [g for g in later if g.role == "after" or g.when == "later"]
    if len({round(g.value, 6) for g in ends}) == 1:
        return ends[0]
    return None


def _said(f: Figure, figs: Sequence[Figure], like: Figure, exact: bool = False) -> bool:
    """``f``'s value given anywhere in a telling: in its unit, or as a bare number told as
    one end of a change (not 'rounds at two and four'); ``exact``: the very value, not one
    near it ('shipped it to 10% of trips' is not 'cancellations down to 9%')."""
    return any(
        _kin(g, f)
        and (_as_family(g, like).value == f.value if exact else _equal(_as_family(g, like), f))
        for g in figs
        if g.family != "plain" or g.role in ("before", "after")
    )


def _changes(figs: Sequence[Figure], ss: Sequence[Sentence]) -> list[tuple[Figure, Figure]]:
    """Changes told end to end in one breath ('went from 14% to 6%'): a start and the end
    said right after it, in one sentence."""
    out: list[tuple[Figure, Figure]] = []
    for start, end in pairwise(figs):
        if start.role != "before" or end.role != "after" or end.start - start.end > 40:
            continue
        here = next((s for s in ss if _inside(start, s)), None)
        if here is not None and _inside(end, here):
            out.append((start, end))
    return out


def _told_changes(
    a: Facts, b: Facts, sa: Sequence[Sentence], sb: Sequence[Sentence]
) -> list[tuple[Figure, Figure, Figure, Figure]]:
    """One start both tellings give, each with a change told from it: (start in a, start
    in b, end in a, end in b)."""
    out = []
    for start_a, end_a in _changes(a.figures, sa):
        for start_b, end_b in _changes(b.figures, sb):
            if _kin(start_a, start_b) and _equal(start_a, start_b):
                out.append((start_a, start_b, end_a, end_b))
    return out


def _apart(a: Figure, b: Figure, told: bool) -> bool:
    """Two ends that disagree. Ends of one change told from one stated start ('about 180 to
    about 40 per cruise', 'about 180 to about 60') disagree past their hedges when a third
    or more apart: 'about' covers rounding, not 40 said for 60."""
    found = agreement(a, b)
    if found == "no":
        return True
    if found != "near" or not told:
        return False
    small, big = sorted((abs(a.value), abs(b.value)))
    return big > 0 and (big - small) >= big / 3


def anchored_conflicts(
    a: Facts, b: Facts, sa: list[Sentence], sb: list[Sentence]
) -> list[Conflict]:
    """One change told from one start to two different ends ('from eleven falls to four'
    against 'down to seven falls, from eleven'); or to one end from two starts."""
    out: list[Conflict] = []
    ends: list[tuple[Figure, Figure, Figure | None, Figure | None]] = [
        (anchor_a, anchor_b, None, None) for anchor_a, anchor_b in _anchors(a.figures, b.figures)
    ]
    ends += _told_changes(a, b, sa, sb)
    for anchor_a, anchor_b, told_a, told_b in ends:
        like = anchor_a if anchor_a.family != "plain" else anchor_b  # one of them is not
        pa = told_a or _partner(anchor_a, like, a.figures, sa)
        pb = told_b or _partner(anchor_b, like, b.figures, sb)
        if pa is None or pb is None:
            continue
        xa, xb = _as_family(pa, like), _as_family(pb, like)
        if not _kin(xa, xb) or not _apart(xa, xb, told_a is not None):
            continue
        if (pa.value > anchor_a.value) != (pb.value > anchor_b.value):
            continue  # one tells where it started, the other where it ended
        if "first" in (pa.when, pb.when) and pa.when != pb.when:
            continue  # an early reading against one not said to be early
        exact = told_a is not None  # both ends said: the other end must be said as it is
        if _said(xa, b.figures, like, exact) or _said(xb, a.figures, like, exact):
            continue  # a first result and a later one, each telling giving one
        if any(
            g.role == "delta"
            and g.family != "plain"  # not "the queue was gone by eight": a time of day
            and (_kin(g, like) or (like.family == "percent" and g.unit == "point"))
            for g in (*a.figures, *b.figures)
        ):
            continue  # 'moved it by seventeen points', then 'by the end of the year, 67%':
            # a telling that counts the change in steps may end in more than one place
        if any(c.a_span == (xa.start, xa.end) for c in out):
            continue
        out.append(figure_finding("number", xa, xb, check=False))
    return out
