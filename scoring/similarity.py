"""Whether two tellings are the same story: TF-IDF cosine plus shared details.

The domain brief measured this: cosine over content words separates
retellings from different stories on similar themes better than a sentence
embedding, at no load cost. Two additions make it robust to what real loops
do: coverage (how much of the shorter telling the longer one contains, for a
40-word summary of a 300-word story) and shared specific details (numbers,
names, systems), which survive a reframing for another principle.
Everything is hand-written with the standard library.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice

from scoring import background
from scoring.document import Document as AnnotatedText
from scoring.document import as_document
from scoring.facts import (
    JOB_WORD,
    TIME_UNITS,
    Figure,
    changes_apart,
    identity_words,
    same_amounts,
    stated_figures,
    told_numbers,
)
from scoring.text import Quantity

_STOPWORDS = (
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "aren't", "as", "at", "be", "because", "been", "before", "being", "below", "between",
    "both", "but", "by", "can", "can't", "cannot", "could", "couldn't", "did", "didn't", "do",
    "does", "doesn't", "doing", "don't", "down", "during", "each", "few", "for", "from",
    "further", "had", "hadn't", "has", "hasn't", "have", "haven't", "having", "he", "he'd",
    "he'll", "he's", "her", "here", "here's", "hers", "herself", "him", "himself", "his", "how",
    "how's", "i", "i'd", "i'll", "i'm", "i've", "if", "in", "into", "is", "isn't", "it", "it's",
    "its", "itself", "let's", "me", "more", "most", "mustn't", "my", "myself", "no", "nor",
    "not", "of", "off", "on", "once", "only", "or", "other", "ought", "our", "ours", "ourselves",
    "out", "over", "own", "same", "shan't", "she", "she'd", "she'll", "she's", "should",
    "shouldn't", "so", "some", "such", "than", "that", "that's", "the", "their", "theirs",
    "them", "themselves", "then", "there", "there's", "these", "they", "they'd", "they'll",
    "they're", "they've", "this", "those", "through", "to", "too", "under", "until", "up",
    "very", "was", "wasn't", "we", "we'd", "we'll", "we're", "we've", "were", "weren't", "what",
    "what's", "when", "when's", "where", "where's", "which", "while", "who", "who's", "whom",
    "why", "why's", "with", "won't", "would", "wouldn't", "you", "you'd", "you'll", "you're",
    "you've", "your", "yours", "yourself", "yourselves", "just", "really", "actually", "got",
    "get", "gets", "getting", "went", "go", "going", "like", "one", "also", "much", "many",
    "lot", "lots", "thing", "things", "way", "still", "even", "back", "well", "us", "every",
    "around", "within", "without", "across", "already", "since", "yet", "ever", "never",
    "always", "made", "make", "making", "told", "said", "say", "asked", "took", "take", "put",
    "set",
)  # fmt: skip
STOPWORDS = frozenset(_STOPWORDS)
"""Function words plus the verbs every story uses; they say nothing about which story."""


PREFIX = 5
"""Length of the word prefixes in the second vector: 'matrices' and 'matrix' share 'matri'."""


_SUFFIXES = (
    ("ational", "ate"),
    ("ization", "ize"),
    ("isation", "ize"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("ments", ""),
    ("ment", ""),
    ("ings", ""),
    ("ing", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("edly", ""),
    ("ed", ""),
    ("ly", ""),
    ("es", ""),
    ("s", ""),
)
"""Suffixes stripped by ``stem``, tried in this order (the first that fits wins)."""
_SUFFIXES_BY_LAST: dict[str, tuple[tuple[str, str], ...]] = {
    last: tuple(p for p in _SUFFIXES if p[0][-1] == last) for last in {s[-1] for s, _ in _SUFFIXES}
}
"""The same suffixes grouped by their last letter, order kept: a word can only end in those."""


def _strip_suffix(word: str) -> str:
    """A light suffix stripper: enough to join 'retried/retries/retrying'."""
    w = word
    if len(w) <= 4:
        return w
    for suffix, repl in _SUFFIXES_BY_LAST.get(w[-1], ()):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + repl
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


stem = lru_cache(maxsize=65536)(_strip_suffix)
"""``_strip_suffix``, remembered per word."""


_GENERIC_WORDS = (
    "team", "teams", "time", "project", "work", "worked", "working", "manager", "customer",
    "customers", "user", "users", "problem", "issue", "issues", "week", "weeks", "day", "days",
    "month", "months", "year", "years", "quarter", "data", "people", "engineer", "engineers",
    "company", "decided", "change", "changes", "changed", "fix", "fixed", "result", "results",
    "learned", "lesson", "next", "first", "last", "new", "right", "wrong", "need", "needed",
    "wanted", "tried", "started", "help", "helped", "service", "services", "system", "systems",
    "process", "question", "situation", "senior", "sde", "lead", "director", "latency", "p99",
    "p95", "error", "errors", "rate", "deploy", "deployed", "deployment", "release", "released",
    "launch", "launched", "ship", "shipped", "production", "test", "tests", "tested", "testing",
    "code", "review", "reviewed", "database", "api", "dashboard", "dashboards", "metric",
    "metrics", "alarm", "alert", "alerts", "page", "paged", "on-call", "call", "incident",
    "outage", "bug", "bugs", "ticket", "tickets", "support", "product", "feature", "features",
    "plan", "planned", "roadmap", "sprint", "meeting", "doc", "document", "proposal", "proposed",
    "agreed", "disagreed", "pushed", "back", "built", "wrote", "ran", "found", "noticed",
    "showed", "asked", "told", "minutes", "hours", "seconds", "percent", "cost", "costs",
    "saved", "faster", "slower", "better", "worse", "small", "large", "big", "whole", "every",
    "now", "since", "later", "before", "after", "morning", "night", "evening", "weekend",
    "engineering", "org", "organisation", "organization", "partner", "partners", "migration",
    "migrate", "migrated", "cache", "rollout", "rolled", "flag", "config",
)  # fmt: skip
GENERIC = frozenset(stem(w) for w in _GENERIC_WORDS)
GENERIC_PREFIXES = frozenset("~" + w[:PREFIX] for w in _GENERIC_WORDS)
"""Words common to almost every behavioural answer: kept, but weighted down."""
_DOWNWEIGHTED = GENERIC | GENERIC_PREFIXES


def terms(text: str | AnnotatedText) -> list[str]:
    """Content terms of a text: stems, adjacent-pair phrases and '~'-marked prefixes.

    Phrases ('odds servic', 'replica lag') name a story's particular system or
    event; single words are shared by every story on the same theme. The
    prefixes form a second, looser vector that joins word forms the stemmer
    keeps apart ('matrices'/'matrix', 'precomputed'/'precompute').
    """
    return list(_terms(as_document(text)))


def _terms(doc: AnnotatedText) -> tuple[str, ...]:
    return doc.derived(_read_terms)


def _read_terms(doc: AnnotatedText) -> tuple[str, ...]:
    out: list[str] = []
    append = out.append
    prev: str | None = None
    prev_generic = True
    # One pass over tokens and clause marks; a mark, like a stop word, ends a phrase.
    for info in map(_term_info, doc.tokens):
        if info is None:
            prev = None
            continue
        word, prefix, generic = info
        append(word)
        if prefix:
            append(prefix)
        if prev is not None and not generic and not prev_generic:
            append(prev + " " + word)
            if "-" in prev:
                # "A rent-matching engine" is a "matching engine" too: the compound's
                # head with the noun is said, as another telling may say it.
                head = prev.rsplit("-", 1)[1]
                if len(head) >= 3 and head not in GENERIC:
                    append(head + " " + word)
        prev, prev_generic = word, generic
    return tuple(out)


@lru_cache(maxsize=65536)
def _term_info(tok: str) -> tuple[str, str, bool] | None:
    """(stem, '~prefix' or '', generic?) for a raw token; None for a clause mark or a stop
    word (either ends a phrase). One cache for both, as this runs once per word of a loop."""
    if tok in _CLAUSE_MARKS:
        return None
    tok = tok.strip("'-")
    if tok.endswith("'s"):
        tok = tok[:-2]
    if not tok or tok in STOPWORDS or tok.isdigit():
        return None
    word = _strip_suffix(tok)
    return word, ("~" + tok[:PREFIX]) if len(tok) >= 3 else "", word in GENERIC


_CLAUSE_MARKS = frozenset('.;:!?,()"')


def details(text: str | AnnotatedText) -> set[str]:
    """Specific details that identify a story: figures with their units, names, systems.

    Figures are keyed by value in base units and family ('1.4 s' and '1400 ms'
    match); the candidate's company and team names are left out, since every
    story they tell shares them.
    """
    return set(as_document(text).derived(_details))


def detail_key(q: Quantity) -> str:
    """A figure as a comparable detail: value in base units with its unit ('#0.3 s')."""
    value, unit = q.value, q.unit
    if unit in TIME_UNITS:
        value, unit = value * TIME_UNITS[unit], "s"
    elif unit in ("percent", "per cent"):
        unit = "%"
    elif unit.endswith("s") and len(unit) > 3:
        unit = unit[:-1]
    return f"#{value:.4g} {unit}"


_SCALE_WORDS = frozenset(("hundred", "thousand", "million", "billion"))


def _told_amounts(quantities: Sequence[Quantity]) -> list[Quantity]:
    """The figures a story tells: without the scale word of a number said before it, read
    again alone ('19 thousand' is not also 'a thousand'), and without a vague plural
    ('thousands of clients', 'hundreds of tickets'), which names no amount."""
    out: list[Quantity] = []
    for q in quantities:
        word = q.text.lower()
        if word in ("hundreds", "thousands", "millions", "billions", "dozens"):
            continue
        prev = out[-1] if out else None
        if word in _SCALE_WORDS and prev is not None and prev.end + 1 >= q.start:
            if prev.kind == "number" and prev.value < 1000:
                # "19 thousand dollars", "two thousand tickets": one number, said in two.
                said = prev.text if prev.text.lower().endswith(word) else f"{prev.text} {q.text}"
                scale = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}[word]
                out[-1] = Quantity(prev.start, q.end, said, prev.value * scale, q.unit, "number")
            continue
        out.append(q)
    return out


def _details(doc: AnnotatedText) -> frozenset[str]:
    out: set[str] = set()
    for q in _told_amounts(doc.quantities):
        if q.kind != "number" or (q.value in (0.0, 1.0, 2.0) and not q.unit):
            continue
        out.add(detail_key(q))
    identity = identity_words(doc)
    for word in doc.names:
        low = word.lower()
        if low in STOPWORDS or low in _COMMON_CAPS or _LEVEL_TOKEN.match(word) or low in identity:
            continue
        out.add(low)
    return frozenset(out)


_LEVEL_TOKEN = re.compile(r"^(?:SDE\w*|I{1,3}|L\d+|E\d+|IC\d*|VP|CTO|CEO|PM|EM|TL)$")
_CAPS = (
    "i", "the", "we", "my", "our", "it", "this", "that", "when", "then", "so", "but", "and",
    "after", "before", "one", "two", "three", "last", "first", "during", "every", "once", "at",
    "in", "on", "since", "while", "because", "if", "what", "how", "nobody", "everyone", "later",
    "afterwards", "finally", "eventually", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    # A school's "Year 11", "Term 2", "Week 3": when, or which class, not an event's name.
    "year", "term", "quarter", "week", "month", "semester",
)  # fmt: skip
_COMMON_CAPS = frozenset(_CAPS)


@dataclass(frozen=True)
class Document:
    """A telling prepared for comparison: weighted terms, norm and details."""

    weights: dict[str, float]
    """Stems and phrases, plus '~'-marked prefixes (a second vector in the same dict)."""
    norm: float
    """Norm of the stem-and-phrase part."""
    pnorm: float
    """Norm of the prefix part."""
    details: frozenset[str]
    length: int
    stems: dict[str, float] = field(default_factory=dict)
    """The stem-and-phrase part of ``weights``, in the same order."""
    prefixes: dict[str, float] = field(default_factory=dict)
    """The prefix part of ``weights``, in the same order."""
    text: str = ""
    """The telling itself: its specifics are read only for pairs that come close."""
    words: int = 0
    """Words in the telling, as said."""
    read: AnnotatedText | None = None
    """The telling's text as read (``text`` annotated), when the corpus had it."""


class Corpus:
    """Document frequencies for the tellings of one loop (or one story bank).

    IDF needs a collection; with only two texts every shared word would look
    equally telling, so a fixed down-weight for generic interview words
    stands in for a larger background collection.
    """

    def __init__(self, texts: Iterable[str | AnnotatedText], background: bool = True) -> None:
        self.texts = [as_document(t) for t in texts]
        """Each text read once: terms, details and specifics all come from it."""
        texts = self.texts
        self.term_lists = [terms(t) for t in texts]
        self.df: Counter[str] = Counter()
        for ts in self.term_lists:
            self.df.update(set(ts))
        self.n = len(self.term_lists)
        self.detail_sets = [details(t) for t in texts]
        self.detail_df: Counter[str] = Counter()
        for ds in self.detail_sets:
            self.detail_df.update(ds)
        self._idf: dict[str, float] = {}
        # A detail in many tellings (the company, the level) identifies the candidate,
        # not the story.
        self.detail_limit = max(2, int(self.n * 0.05))
        # A term in many of one candidate's tellings is their vocabulary, not a story's.
        limit = max(3, math.ceil(self.n * COMMON_SHARE))
        self.common = frozenset(t for t, c in self.df.items() if c >= limit) - _one_story_terms(
            self.term_lists, limit
        )
        self.bg_df: dict[str, int] = {}
        if background:
            bg_df, bg_n = _background()
            self.bg_df = bg_df
            self.n += bg_n
        # Every term of the corpus at once, in one comprehension: the same values
        # ``idf`` gives, several times faster than computing them one call at a time.
        log, top, bg = math.log, self.n + 1, self.bg_df
        self._idf = {
            t: (log(top / (c + bg.get(t, 0) + 1)) + 1.0) * (0.35 if t in _DOWNWEIGHTED else 1.0)
            for t, c in self.df.items()
        }

    def idf(self, term: str) -> float:
        cached = self._idf.get(term)
        if cached is not None:
            return cached
        df = self.df.get(term, 0) + self.bg_df.get(term, 0)
        value = math.log((self.n + 1) / (df + 1)) + 1.0
        if term in _DOWNWEIGHTED:
            value *= 0.35
        self._idf[term] = value
        return value

    def document(self, index: int, text: str | AnnotatedText) -> Document:
        """The ``index``-th text (``text``) weighted for comparison."""
        read = self.texts[index]
        if text is not read and (isinstance(text, AnnotatedText) or text != read.original):
            read = as_document(text)
        text = read.original
        counts = Counter(self.term_lists[index])
        idf = self._idf  # holds every term of the corpus
        log = math.log
        # Comprehensions, not one loop with branches: this runs for every term of a loop.
        weights = {t: idf[t] * (1.0 if c == 1 else 1.0 + log(c)) for t, c in counts.items()}
        names = identity_words(read)
        if names:
            identity = {stem(w) for w in names} | {"~" + w[:PREFIX] for w in names}
            for t in weights:
                if t in identity or (" " in t and any(p in identity for p in t.split(" "))):
                    weights[t] *= IDENTITY_WEIGHT
        stems = {t: w for t, w in weights.items() if t[0] != "~"}
        prefixes = {t: w for t, w in weights.items() if t[0] == "~"}
        norm2 = sum([w * w for w in stems.values()])
        pnorm2 = sum([w * w for w in prefixes.values()])
        length = sum([c for t, c in counts.items() if t[0] != "~" and " " not in t])
        rare = frozenset(
            d for d in self.detail_sets[index] if self.detail_df[d] <= self.detail_limit
        )
        return Document(
            weights,
            math.sqrt(norm2) or 1.0,
            math.sqrt(pnorm2) or 1.0,
            rare,
            length,
            stems,
            prefixes,
            text,
            read.words,
            read,
        )


@lru_cache(maxsize=1)
def _background() -> tuple[Counter[str], int]:
    """Document frequencies of the question bank: the vocabulary every loop shares.

    Questions and follow-ups are written in the words every answer repeats, so
    they stand in for a larger background collection when a loop has few
    answers. The table is generated from the bank by ``python -m loops.background``
    so that the engine reads no file.
    """
    return Counter(background.FREQUENCIES), background.DOCUMENTS


def cosine(a: Document, b: Document) -> float:
    """Mean of the stem-and-phrase cosine and the prefix cosine."""
    if len(a.weights) > len(b.weights):
        a, b = b, a
    dot = pdot = 0.0
    bw = b.stems
    for t, w in a.stems.items():
        other = bw.get(t)
        if other is not None:
            dot += w * other
    bw = b.prefixes
    for t, w in a.prefixes.items():
        other = bw.get(t)
        if other is not None:
            pdot += w * other
    return 0.5 * (dot / (a.norm * b.norm) + pdot / (a.pnorm * b.pnorm))


def coverage(a: Document, b: Document) -> float:
    """How much of the shorter document's (stem) weight the longer one also contains."""
    short, long_ = (a, b) if a.length <= b.length else (b, a)
    total = sum(w * w for t, w in short.weights.items() if t[0] != "~") or 1.0
    shared = sum(w * w for t, w in short.weights.items() if t[0] != "~" and t in long_.weights)
    return shared / total


def combined(a: Document, b: Document) -> tuple[float, list[str]]:
    """The similarity used to call a retelling, and the shared details behind it."""
    cos = cosine(a, b)
    shared = sorted(a.details & b.details)
    smaller = max(3, min(len(a.details), len(b.details)))
    detail = len(shared) / smaller if len(shared) >= 2 else 0.0
    # Coverage only counts for a genuinely short summary against a full telling.
    ratio = min(a.length, b.length) / max(a.length, b.length, 1)
    cov_part = coverage(a, b) * 0.75 if ratio < 0.45 else 0.0
    # Shared figures alone are coincidence ("40%" recurs across stories): they only
    # strengthen a pair whose words already overlap.
    with_details = 0.6 * cos + 0.4 * detail if cos >= DETAIL_FLOOR else 0.0
    score = max(cos, cov_part, with_details)
    return min(1.0, score), shared


DETAIL_FLOOR = 0.12
"""Word overlap a pair needs before shared details count towards it."""

IDENTITY_WEIGHT = 0.25
"""Company and team names are the candidate's, not the story's: weighted down."""

REUSE_THRESHOLD = 0.19
"""A pair at or above this is reported as the same story.

On the labelled pairs, read as two-answer loops, different stories on the
same theme or at the same company reach 0.15 and reframed retellings start at
0.23; inside a loop of 83 unrelated answers, 3 of 3,403 different pairs
reach 0.19. The threshold sits between the two.
"""


_DISTINCT = re.compile(
    r"\b(?:another|a different|a separate|an unrelated) (?:one|story|example|"
    r"project|incident|time|case|problem|piece of work|initiative)\b"
    r"(?=[^.!?]{0,50}\b(?:same|also|again|too|that) (?:[\w\-]+ ){0,3}?(?:company|team|employer|"
    r"job|role|org|group|year|quarter|product|app|platform|place)\b)"
    r"|\b(?:different|separate|unrelated)(?: [\w\-]+)? (?:from|to) the (?:[\w\-]+ ){0,3}?"
    r"(?:one|story|project|"
    r"example|work) I (?:mentioned|described|told you about|talked about)\b"
    r"|\bnot the (?:[\w\-]+ ){1,3}?(?:I|we) (?:mentioned|described|told you about|talked about)"
    r"\b"
    # "Stratos Cloud again, platform team. Different problem.": a note's sentence of its own.
    # "Same quarter, Q3 2022, but a completely different problem.": a clause of its own.
    r"|(?:^|[.!?:,]\s+)(?:but\s+)?(?:(?:a|an|totally|completely|entirely)\s+){0,2}"
    r"(?:different|separate|unrelated)\s+(?:problem|story|project|incident|issue|case|example)"
    r"\s*[.!;:]"
    # "On line 5 at the same caps plant": a setting said to be shared with a story told before.
    r"|(?<!stayed )(?<!remained )(?<!worked )(?<!been )\b(?:at|in|on|from|with|for) the same "
    r"(?:[\w\-]+ ){0,2}?"
    r"(?:plant|company|firm|hospital|school|store|site|warehouse|bank|office|factory|ward|"
    r"employer|client|agency|startup|practice|restaurant|mill|lab|depot|airline|hotel|"
    r"charity|council|university|clinic|shop|retailer|carrier|insurer|college|customer)\b"
    # "So also at Carn Ddu, ...": the place of a story told before, and this one is more.
    r"|^\W*(?:(?:so|and|okay|ok|right|well),?\s+)?also (?:at|in|with|for) (?:the |our )?[A-Z]",
    re.IGNORECASE,
)


def declares_distinct(text: str | AnnotatedText) -> bool:
    """The telling says near its start that it is another story from the same setting.

    "Another one from the same company", "a different project on that team": the
    candidate marks it as not the story told before, so shared setting words and a
    shared kind of fix are not a retelling.
    """
    return _DISTINCT.search(as_document(text).text[:300]) is not None


def story_similarity(a: str, b: str, others: Sequence[str] = ()) -> float:
    """Similarity in [0, 1] of two texts as stories.

    ``others`` are more texts from the same person (a loop's other answers, a
    story bank): they sharpen the word weights, since what all of someone's
    stories share says nothing about which story this is. A pair ``same_story``
    judges to be two stories scores under ``REUSE_THRESHOLD`` whatever its words.
    """
    corpus = Corpus([a, b, *others])
    same, score, _ = same_story(corpus.document(0, a), corpus.document(1, b), corpus.common)
    return score if same else min(score, REUSE_THRESHOLD - 0.01)


def candidate_pairs(docs: Sequence[Document], groups: Sequence[int]) -> set[tuple[int, int]]:
    """Pairs worth scoring, found through an inverted index of their rarer terms.

    Common terms are skipped (they would make every pair a candidate); a pair
    needs a partial dot product over rare terms, or two shared details, to be
    scored in full. ``groups`` (the round) keeps pairs from the same round out.
    """
    n = len(docs)
    if n <= 3:
        return {(i, j) for i in range(n) for j in range(i + 1, n) if groups[i] != groups[j]}
    limit = max(8, int(n * 0.1))
    # The prefix vector mirrors the stems; one is enough to find pairs.
    postings: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        for t in d.stems:
            ids = postings.get(t)
            if ids is None:
                postings[t] = [i]
            else:
                ids.append(i)
    partial: dict[tuple[int, int], float] = {}
    get = partial.get
    for t, ids in postings.items():
        k = len(ids)
        if k < 2 or k > limit:
            continue
        for x in range(k - 1):
            i = ids[x]
            di = docs[i]
            wi = di.weights[t] / di.norm
            gi = groups[i]
            for y in range(x + 1, k):
                j = ids[y]
                if gi == groups[j]:
                    continue
                dj = docs[j]
                partial[(i, j)] = get((i, j), 0.0) + wi * dj.weights[t] / dj.norm
    detail_index: dict[str, list[int]] = {}
    for i, d in enumerate(docs):
        for s in d.details:
            detail_index.setdefault(s, []).append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for ids in detail_index.values():
        if len(ids) > limit:
            continue
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                if groups[ids[x]] != groups[ids[y]]:
                    shared[(ids[x], ids[y])] += 1
    out = {p for p, v in partial.items() if v >= 0.05}
    out |= {p for p, v in shared.items() if v >= 2}
    return out


# --- Story identity: do two tellings share the specifics of one event? ---------------------

_COMMON_WORDS = (
    # Soft-skill and business English: any story, by anyone, may use these.
    "ability", "able", "accept", "accomplish", "achieve", "action", "actively",
    "adapt", "add", "added", "additional", "address", "adjust", "adopt", "advice", "affect",
    "agree", "aim", "align", "alignment", "allow", "alternative", "analysis", "analyze",
    "analyse", "appreciate", "approach", "approval", "approve", "area", "argue", "aspect",
    "assess", "assign", "assume", "assumption", "attention", "available", "aware",
    "based", "became", "become", "begin", "believe", "benefit", "best", "biggest",
    "boss", "brief", "bring", "budget", "business", "careful", "case", "challenge",
    "challenging", "chance", "check", "choice", "choose", "clear", "clearly", "client",
    "clients", "close", "closely", "collaborate", "collaboration", "collaborative",
    "colleague", "colleagues", "come", "commit", "commitment", "common", "communicate",
    "communication", "complete", "completed", "complex", "concern", "concerns", "conduct",
    "confident", "conflict", "consider", "constraint", "continue", "contribute", "control",
    "convince", "coordinate", "core", "correct", "could", "create", "critical", "critically",
    "crucial", "culture", "current", "currently", "daily", "deal", "deadline", "deadlines",
    "decision", "decisions", "deep", "deliver", "delivered", "delay", "delayed", "delaying",
    "demonstrate", "department", "departments", "depend", "describe", "design", "designed",
    "detail", "detailed", "determine", "develop", "developed", "development", "difference",
    "different", "difficult", "direct", "directly", "discuss", "discussion", "diverse",
    "early", "easy", "effect", "effective", "effectively", "efficiency", "efficient",
    "effort", "effortless", "emphasize", "employee", "employees", "encourage", "end",
    "ensure", "ensuring", "entire", "environment", "especially", "establish", "estimate",
    "evaluate", "everyone", "exactly", "example", "exceed", "excellent", "expect",
    "expectation", "expectations", "experience", "experienced", "experiences", "expert",
    "explain", "explore", "face", "fact", "fail", "failed", "failure", "fair", "feedback",
    "feel", "felt", "figure", "final", "finally", "find", "finish", "focus", "follow",
    "following", "foster", "full", "fully", "future", "gain", "gather", "give", "goal",
    "goals", "good", "great", "group", "grow", "growth", "guide", "handle", "happen", "hard",
    "high", "highlight", "identify", "identified", "impact", "implement", "implemented",
    "importance", "important", "importantly", "improve", "improved", "improvement", "include",
    "increase", "increased", "individual", "information", "initial", "initially",
    "initiative", "input", "insight", "insights", "instead", "involve", "key", "knew",
    "know", "knowledge", "lack", "later", "leader", "leadership", "learn", "least", "leave",
    "left", "level", "listen", "listened", "listening", "long", "look", "lose", "low",
    "main", "maintain", "major", "manage", "managed", "management", "managing", "matter",
    "mean", "measure", "meet", "member", "members", "mind", "minimal", "minimize", "miss",
    "mistake", "monitor", "motivate", "move", "necessary", "negative", "number", "objective",
    "offer", "open", "opinion", "opportunity", "option", "options", "order", "organize",
    "outcome", "overall", "oversee", "overseeing", "ownership", "part", "particular", "pass",
    "past", "perform", "performance", "perspective", "perspectives", "phase", "point",
    "position", "positive", "possible", "potential", "potentially", "prepare", "present",
    "pressure", "previous", "previously", "prior", "priority", "priorities", "prioritize",
    "prioritization", "proactive", "proactively", "progress", "prompt", "promptly", "provide",
    "quality", "quick", "quickly", "raise", "reach", "read", "ready", "realize", "reason",
    "recommend", "reduce", "reduced", "regular", "regularly", "relationship", "relevant",
    "remain", "report", "request", "require", "required", "requirement", "requirements",
    "research", "resolve", "resource", "resources", "respect", "respond", "response",
    "responsibility", "responsible", "rest", "resulted", "risk", "role", "run", "satisfied",
    "satisfaction", "schedule", "scheduled", "scope", "see", "seek", "sense", "share",
    "short", "show", "significant", "significantly", "similar", "simple", "skill", "skills",
    "solution", "solutions", "solve", "soon", "specific", "stakeholder", "stakeholders",
    "standard", "start", "step", "steps", "strategy", "strength", "strengthen", "strong",
    "structure", "struggle", "success", "successful", "successfully", "suggest",
    "suggested", "suggestion", "sufficient", "sure", "take", "talk", "target", "task",
    "tasks", "taught", "teamwork", "technical", "technology", "thought", "tight", "timeline",
    "together", "tool", "tools", "track", "train", "training", "trust", "try", "turn",
    "understand", "understanding", "unique", "update", "use", "used", "useful", "value",
    "valuable", "various", "view", "want", "weekly", "win", "worked", "workload", "write",
    # Discourse markers: they join a story's sentences, whichever story it is.
    "however", "therefore", "moreover", "furthermore", "additionally", "meanwhile",
    "overall", "instead", "otherwise", "ultimately", "essentially", "basically",
    "unfortunately", "fortunately", "luckily", "interestingly", "honestly",
    # Words of frequency and the people in any story.
    "none", "nobody", "anyone", "someone", "everyone", "almost", "nearly", "roughly", "rare",
    "rarely", "often", "act", "acted", "score", "preference", "progressed",
    # Containers of data in any system.
    "entry", "entries", "record", "item", "row", "field", "file", "list", "table", "column",
)  # fmt: skip
_QUANTITY_WORDS = frozenset((
    "zero", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "thirty", "forty", "fifty", "hundr", "hundred", "thousand", "million",
    "billion", "half", "dozen", "several", "quarter", "third",
))  # fmt: skip
"""Stems of words of quantity: the figure is the specific, not its wording ('moved two')."""
COMMON = (
    frozenset(stem(w + end) for w in _COMMON_WORDS for end in ("", "s", "d", "ed", "ing")) | GENERIC
)
"""Words any story may use; a shared one says nothing about which story two tellings are."""

_SETTING_PLACE = re.compile(
    r"^\W*(?:(?i:situation|context|background)\W+)?"
    # Spoken openings lead in first: "Um, so at Copperleaf Games", "Also in 2020, ...".
    r"(?:(?i:um|uh|so|and|also|again|okay|ok|right|well|yeah)\W+)*"
    r"(?:[Aa]t|[Ff]or|[Ii]n|[Oo]n|[Aa]s|[Ww]hile at)\s+(?:(?:a|an|the|my|our)\b|[A-Z]|"
    r"(?:19|20)\d\d\b)"
)
"""An opening place, after any STAR heading: 'At the bank', '**Situation:** At Halden Bank'."""
_STACKED = re.compile(
    # A phrase led by a preposition, with no subject in it and closed by a comma or a dash
    # ('in the first weeks of the pandemic,'; not 'during the sale our p99 was 2.6 s').
    r"\s*,\s*(?:(?:in|at|on|during|near|outside|from)\s+(?:(?!\b(?:I|we|our|my|they|it|he|she)"
    r"\b)[^,.;:!?\u2014\d])+(?=\s*[,\u2014-])"
    # Or a name: 'Porto Alegre', 'Nuneaton depot'.
    r"|[A-Z][\w&'\-]*(?:\s+(?:&\s+)?[A-Z][\w&'\-]*)*(?:\s+[a-z]+)?(?=\s*[,.;:\u2014-]))"
)
"""Another place or time stacked on the first: 'In Patas & Cia, in Belo Horizonte, I am
...', 'Also in 2020, in the first weeks of the pandemic, in Colegio Santa Monica, Porto
Alegre - I was ...'."""
_EMPLOYER = re.compile(
    r"\b(?:[Aa]t|[Jj]oined|[Ww]ork(?:ed|ing)? for)\s+"
    r"((?:[A-Z][\w&\-]*)(?:\s+(?!I\b)[A-Z][\w&\-]*){0,2})(?:'s)?"
)
"""A named employer: 'at Halden Bank', 'joined Orbis Media'."""
_SETTING_ROLE = re.compile(
    r"\bI\s+(?:was|am|'m|worked|joined|had joined|had just joined|was working|was employed)"
    r"\s+(?:as\s+)?"
    r"(?:a|an|the|one of|part of|on|in|at|with|for)\b"
    # A title said without an article: "I was store manager at Pell & Rowe", "I was
    # second in maths at Kingsmead" (not "I was paged at three").
    r"|\bI\s+(?:was|am|'m)\s+(?!not\b|never\b|no\b|so\b|very\b|really\b)"
    r"(?:[a-z][a-z\-]*(?<!ed)(?<!ing)\s+){1,3}?(?:at|of|in|for|on)\b"
    # "I was working as asset data engineer at Midshires Rail".
    r"|\bI\s+(?:was\s+)?(?:working|worked|employed)\s+as\s+(?:[a-z][a-z\-]*\s+){1,3}?"
    r"(?:at|of|in|for|on)\b"
    # "As volunteer coordinator at the Museum of the Estuary, ...": the role, leading in.
    r"|^\W*as\s+(?:(?:a|an|the)\s+)?(?:[a-z][a-z\-]*\s+){0,2}?"
    + JOB_WORD
    + r"(?=\s+(?:at|of|in|for|on)\b|\s*,)",
    re.IGNORECASE,
)
_HEADLINE = re.compile(
    r"(?!.*\b(?:I|we|my|our|me|us|was|were|is|are|had|have)\b)[^,.;:!?]{2,40}(?:,[^,.;:!?]{2,40}){1,3}\.?"
)
"""A terse opening said as a headline, a few comma-separated names and no clause: 'Maths
teacher, Westmoor High, spring term.' It names the setting, as 'At Westmoor High I taught
maths' would."""
_SUBJECT = re.compile(r"[,;:]|\s(?:I|we)\s")
_CLAUSE_END = re.compile(r"[,;:]|\s-\s|\s(?:and|but|where|when|which|so)\s")


def _stacked(said: str, end: int) -> int:
    """Where the setting ends when more places are stacked after ``end``."""
    while (more := _STACKED.match(said, end)) is not None:
        end = more.end()
    return end


def setting(text: str | AnnotatedText) -> str:
    """The clauses that set the scene: 'At the digital bank I was a backend engineer ...'.

    A candidate tells most stories from one or two employers, so the employer, the
    team and the system they own recur in every story. In the first two sentences,
    an opening place ('At the listings site,') and a clause saying who the speaker
    was ('I was an SDE II on the search team') name the setting, not the event.
    """
    doc = as_document(text)
    text = doc.text
    out: list[str] = []
    for k, span in enumerate(doc.sentences[:2]):
        said = text[span.start : span.end]
        if k == 0 and _HEADLINE.fullmatch(said.strip()):
            out.append(said)  # "Area manager, Pulse Fitness, six clubs.": a terse opening
            continue
        start = 0
        place = _SETTING_PLACE.match(said)
        if place:
            stop = _SUBJECT.search(said, place.end())
            start = _stacked(said, stop.start()) if stop else len(said)
            out.append(said[:start])
        role = _SETTING_ROLE.search(said, start)
        if role and role.start() - start <= 60:
            end = _CLAUSE_END.search(said, role.end())
            out.append(said[role.start() : _stacked(said, end.start()) if end else len(said)])
    return " ".join(out)


_HOLIDAYS = frozenset(("christmas", "black", "cyber", "thanksgiving", "easter", "new", "peak"))
_MEASURE_UNITS = frozenset(("%", "$", "€", "£", "s", "x", "point", "pp", "ms", "mbp", "gb", "tb"))
_UNITLESS = frozenset(("", "a", "an", "of", "to", "and", "or", "the", "that", "in", "for", "on"))
_MONTH_NAME = re.compile(
    r"\b(January|February|March|April|June|July|August|September|October|November|December)\b"
)
_DEADLINE_BEFORE = re.compile(
    r"\b(?:deadline|due|by|before|until|till|target(?:ed)?|aiming for|no later than)"
    r"(?: (?:of|was|is|on|the|end of|mid|early|late|the end of|\d{1,2}(?:st|nd|rd|th)?))*\s*$",
    re.IGNORECASE,
)
"""A month said as a deadline ('deadline 1 March', 'due by the end of June') is when the work
had to be done, which one telling gives and another replaces with the day it went live:
not the month of the event, so not a sign of two events."""
_PLATFORMS = {"android": "android", "ios": "ios", "iphone": "ios", "iphones": "ios",
              "ipad": "ios", "windows": "windows", "macos": "macos", "linux": "linux"}  # fmt: skip
_PLATFORM = re.compile(r"\b(" + "|".join(_PLATFORMS) + r")\b", re.IGNORECASE)
_AGAIN = re.compile(
    # Not "at this time", "by this time", "during this time": when, not a second time
    # ('I was at this time in the supply planning team').
    r"(?<!\bat )(?<!\bin )(?<!\bby )(?<!\bduring )(?<!\bfrom )(?<!\buntil )(?<!\btill )"
    r"(?<!\bfor )(?<!\bsince )(?<!\bup to )(?<!\baround )\bthis time\b"
    r"|\b(?:our|the|my|an|that) earlier (?:[\w\-]+ ){0,2}?"
    r"(?:migration|project|incident|outage|launch|rollout|pilot|program|programme)s?\b"
    r"|\bas (?:on|in|with) (?:several|many|other|previous|earlier|past) [\w\-]+",
    re.IGNORECASE,
)
"""A telling that points at an earlier event of its kind ('this time the failures were ...',
'the playbook from our earlier migration') is a second event, not a retelling of the first."""
_AGAIN_WORDS = ("this time", "earlier", "as on ", "as in ", "as with ")
"""Words every match of ``_AGAIN`` holds: the pattern's lookbehinds cost about a
millisecond a telling, and most tellings hold none of these."""


_HABIT = re.compile(
    r"\b(?:usually|normally|typically|always|every time|in the past|used to|would always|"
    r"as a rule|the norm)\b",
    re.IGNORECASE,
)
"""What was usually done: a 'this time' after it sets the story against the habit ('patrol
usually heard about closures after the fact ... so this time I went up myself'), not
against an earlier telling of the same event."""


def _points_back(text: str) -> bool:
    low = text.lower()
    if not any(w in low for w in _AGAIN_WORDS):
        return False
    for m in _AGAIN.finditer(text):
        if m.group().lower() == "this time" and _HABIT.search(
            text, max(0, m.start() - 240), m.start()
        ):
            continue
        return True
    return False


@dataclass(frozen=True)
class Specifics:
    """What a telling says that could identify its event, each kind kept apart."""

    figures: frozenset[str]
    """Figures with a unit ('#0.35 s', '#40 %') or counts of ten or more ('#14 warehouse')."""
    spans: frozenset[str]
    """Round spans of time ('two weeks', '#1.21e+06 s'): weak, as most stories have one."""
    names: frozenset[str]
    """Proper names that are not the candidate's company or team."""
    phrases: frozenset[str]
    """Two-stem phrases with at least one uncommon word, never seen in the question bank."""
    words: frozenset[str]
    """Uncommon stems never seen in the question bank."""
    setting: frozenset[str]
    """Stems and phrases of the opening clauses that set the scene."""
    years: frozenset[int]
    months: frozenset[str]
    platforms: frozenset[str]
    again: bool
    employers: frozenset[str] = frozenset()
    """Named employers, lower-cased ('halden bank')."""
    folded: str = ""


def specifics(text: str | AnnotatedText) -> Specifics:
    """A telling's specifics (kept with its document; the corpus filters them per loop)."""
    return as_document(text).derived(_specifics)


def _specifics(doc: AnnotatedText) -> Specifics:
    folded = doc.text
    bg, _ = _background()
    figures: set[str] = set()
    spans: set[str] = set()
    years: set[int] = set()
    for q in _told_amounts(doc.quantities):
        if q.kind == "date":
            if 1900 <= q.value <= 2099 and float(q.value).is_integer():
                years.add(int(q.value))
            continue
        if q.kind != "number":
            continue
        key = detail_key(q)
        unit = key.split(" ", 1)[1] if " " in key else ""
        if q.unit in TIME_UNITS and q.value <= 12 and float(q.value).is_integer():
            spans.add(key)  # 'two weeks', 'three months': the span of half the stories told
        elif _standing_size(folded, q):
            spans.add(key)  # 'we have 70 vans', 'our 14 stores': the place, as in every story
        elif unit in _MEASURE_UNITS or (q.value >= 10 and unit not in _UNITLESS):
            figures.add(key)
        elif q.value >= 10:
            figures.add(key.split(" ", 1)[0])
    names = {d for d in details(doc) if not d.startswith("#") and d not in _HOLIDAYS}
    phrases: set[str] = set()
    words: set[str] = set()
    for t in set(_terms(doc)):
        if t[0] == "~" or bg.get(t, 0):
            continue
        if " " in t:
            first, second = t.split(" ", 1)
            if first in _QUANTITY_WORDS or second in _QUANTITY_WORDS:
                continue
            if (second in _PERIODS and first in _SEASONS) or second in _DAYS:
                # "Autumn term", "Black Friday": when, which two stories of one candidate
                # may share; weak evidence, as a span of time is.
                spans.add(t)
                continue
            if first not in COMMON or second not in COMMON:
                phrases.add(t)
        elif t not in COMMON and len(t) >= 4 and t not in _COMMON_CAPS | _QUANTITY_WORDS:
            words.add(t)
    scene = setting(doc)
    return Specifics(
        frozenset(figures),
        frozenset(spans),
        frozenset(names),
        frozenset(phrases),
        frozenset(words),
        frozenset(t for t in terms(scene) if t[0] != "~") if scene else frozenset(),
        frozenset(years),
        frozenset(
            m.group(1)
            for m in _MONTH_NAME.finditer(folded)
            if not _DEADLINE_BEFORE.search(folded, max(0, m.start() - 24), m.start())
        ),
        frozenset(_PLATFORMS[p.lower()] for p in _PLATFORM.findall(folded)),
        _points_back(folded),
        frozenset(
            m.lower()
            for m in _EMPLOYER.findall(folded)
            if m.split()[0].lower() not in _COMMON_CAPS and m.split()[0].lower() not in _HOLIDAYS
        ),
        folded.lower(),
    )


_STANDING_BEFORE = re.compile(
    r"(?:\b(?:we|they|it|which|who|that)\s+(?:have|had|has|run|ran|runs|operate[sd]?|"
    r"employ(?:s|ed)?|look(?:s|ed)? after)|\b(?:our|all|all our|all of our|across our|each "
    r"of our)|\b(?:fleet|team|staff|workforce|network|chain|estate|portfolio|district|trust|"
    r"company|firm|school|college|university|hospital) of)"
    r"\s+(?:about |around |roughly |some |over |nearly |almost |just over |just under )?$",
    re.IGNORECASE,
)
_STANDING_AFTER = re.compile(r"-(?:bed|store|site|branch|person|people|strong|seat)s?\b", re.I)


def _standing_size(text: str, q: Quantity | Figure) -> bool:
    """A size of the place the stories happen in, not of an event: 'we have 70 vans', 'our
    14 stores', 'a fleet of 40 trucks', 'a 28-bed ward', 'a district of 18,000 students'.
    Every story told at that place may say it, so it weighs as a span of time does (weak),
    not as a figure of one event. A quantity ends at its number; a stated figure's quote
    may run on through its unit ('400-bed'), so the unit is looked for inside it too."""
    before = _STANDING_BEFORE.search(text[max(0, q.start - 30) : q.start])
    if isinstance(q, Figure):
        return bool(before or _STANDING_AFTER.search(text, q.start, q.end + 1))
    return bool(before or _STANDING_AFTER.match(text, q.end) or _STANDING_AFTER.fullmatch(q.unit))


_PERIODS = frozenset(("term", "quarter", "semester", "season", "holiday", "break", "half"))
_DAYS = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
_SEASONS = frozenset(("spring", "summer", "autumn", "fall", "winter", "christma", "easter", "peak"))


FIGURE_WEIGHT = 1.5
NAME_WEIGHT = 1.5
PHRASE_WEIGHT = 1.0
WORD_WEIGHT = 0.25
SPAN_WEIGHT = 0.25
"""What a matched specific is worth: a figure with its unit or a name is rarely shared by
chance; a distinctive phrase names a particular system or event; a single uncommon word
is weak evidence, since stories on one theme share their vocabulary."""


@dataclass(frozen=True)
class Shared:
    """The specifics two tellings both state, outside their setting, by kind."""

    figures: tuple[str, ...] = ()
    spans: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    amounts: tuple[str, ...] = ()
    """Figures both state in different words ('1,140 seats', 'a bit over eleven hundred'),
    as the first telling says them."""

    @property
    def items(self) -> int:
        """Specifics matched, each counted once: figures, amounts, spans, names, phrases."""
        return (
            len(self.figures)
            + len(self.amounts)
            + len(self.spans)
            + len(self.names)
            + len(self.phrases)
        )

    @property
    def weight(self) -> float:
        return (
            FIGURE_WEIGHT * (len(self.figures) + len(self.amounts))
            + SPAN_WEIGHT * len(self.spans)
            + NAME_WEIGHT * len(self.names)
            + PHRASE_WEIGHT * len(self.phrases)
            + WORD_WEIGHT * len(self.words)
        )


def shared_specifics(a: Specifics, b: Specifics, common: frozenset[str] = frozenset()) -> Shared:
    """Figures, names, phrases and words both tellings state, minus the setting.

    ``common`` holds terms found in many of the loop's tellings: a word in most of a
    candidate's answers says who is speaking, not which story.
    """
    scene = a.setting | b.setting
    skip = scene | common

    def keep(t: str) -> bool:
        return t not in skip and not any(p in scene for p in t.split(" "))

    def telling(t: str) -> bool:  # a word of its own, not the loop's or everyone's
        return any(p not in common and p not in COMMON for p in t.split(" "))

    phrases = tuple(sorted(t for t in a.phrases & b.phrases if keep(t) and telling(t)))
    named = [n for n in a.names & b.names if stem(n) not in skip]
    # "Okafor" inside "Dr Okafor" is one name said twice, not two specifics.
    names = tuple(sorted(n for n in named if not any(n != m and n in m.split() for m in named)))
    said_names = {stem(n) for n in names} | set(names)
    # "Dr Okafor" or "Corran Utilities" as a phrase is the name again: counted once.
    phrases = tuple(
        t for t in phrases if not all(p in said_names or p in _TITLES for p in t.split(" "))
    )
    spans = tuple(sorted(a.spans & b.spans))
    inside = {p for t in phrases + spans for p in t.split(" ")} | {stem(n) for n in names}
    return Shared(
        tuple(sorted(a.figures & b.figures)),
        spans,
        names,
        phrases,
        tuple(sorted(t for t in a.words & b.words if keep(t) and stem(t) not in inside)),
    )


_TITLES = frozenset({"dr", "mr", "mrs", "ms", "miss", "prof", "sir", "dame", "doctor"})

STORY_TERMS = 16
"""Terms (stems and their short forms, so about half as many words) that three tellings,
and only they, share this many of tell one story, not the candidate's vocabulary. On the
development loops anything from 12 to 19 gives the same result; a domain shared by two
stories (phones, sensors, battery, night) gives about 10."""


def _one_story_terms(term_lists: Sequence[Sequence[str]], limit: int) -> frozenset[str]:
    """Terms that would count as the candidate's vocabulary (in ``limit`` tellings or more)
    but are shared by three tellings and by no other: a story told three times ('billing',
    'timeout', 'traces', 'retry' in the same three answers of a short loop). Vocabulary is
    spread over the loop; a retold story's words travel together."""
    where: dict[str, set[int]] = {}
    for k, ts in enumerate(term_lists):
        for t in set(ts):
            where.setdefault(t, set()).add(k)
    groups: dict[frozenset[int], list[str]] = {}
    for t, docs in where.items():
        if limit <= len(docs) <= 3:
            groups.setdefault(frozenset(docs), []).append(t)
    return frozenset(t for docs, ts in groups.items() if len(ts) >= STORY_TERMS for t in ts)


COMMON_SHARE = 0.25
"""A term in this share of a loop's tellings (and at least three) is the candidate's."""

STRONG = 0.45
"""A similarity at which the tellings share so much that only a declared distinction
parts them; below it, a pair also needs matched specifics and no sign of two events."""

MIN_EVIDENCE = 0.75
"""Matched specifics, outside the setting, a pair below ``STRONG`` needs: a phrase,
figure or name, or three uncommon words."""

TWO_EVENTS_BELOW = 0.40
"""Under this similarity a sign of two events (``two_events``) parts a pair; above it the
pair shares so much that a differing date or employer is a contradiction to report.
On the development sets, different stories showing such a sign reached 0.34 and
retellings with a conflicting date or employer started at 0.46."""

SLIP_ABOVE = 0.33
"""From this similarity, two or more shared specifics outweigh a differing year, month or
employer (``_SLIPS``): on the development sets (blind3 to blind11, tuned), 12 of 15
retellings parted by such a sign sat at 0.33 to 0.40 with two specifics or more, and of
11 different stories parted by one, the only one there shared a single specific."""
_SLIPS = frozenset({"different years", "different months", "different employers"})

SHORT_WORDS = 60
SHORT_EVIDENCE = 3.0
"""A telling under ``SHORT_WORDS`` words gives cosine little to work with: one shared
word moves it a lot. Such a pair needs matched specifics (two figures, or a figure and
a phrase ...) whatever its similarity."""


SHORT_STRONG = 0.45
SHORT_STRONG_EVIDENCE = 2.0
"""A short telling at ``SHORT_STRONG`` similarity needs two specifics' weight, not three:
in a loop the candidate's common vocabulary takes some of a retold story's own terms.
On the development loops (tuned) this found 3 more of 165 retellings and no false pair;
no pair set, published answer or short answer changed."""

SAME_AMOUNTS = 2
"""Amounts said in other words that make two tellings one story when they share few words."""

FAINT_BELOW = 0.23
"""At the bottom of the similarities that can make one story, a single shared specific
('six months', 'store visits', '503s') is what two stories of one candidate at one
employer share, not one event: a pair this faint needs two. On the development sets,
13 of 20 pairs this faint with one specific or none were two stories."""

NEAR_IDENTICAL = 0.85
"""Share of words two tellings have in common (as multisets) that makes them the same
answer said again, whatever its length or how common its words are in the loop."""

_PLAIN_WORD = re.compile(r"[a-z0-9%$£€]+")


def word_overlap(a: str | AnnotatedText, b: str | AnnotatedText) -> float:
    """Words in common over words in either, counted with repeats (0 for under five words)."""
    wa, wb = plain_words(a), plain_words(b)
    ta, tb = wa.total(), wb.total()
    if min(ta, tb) < 5:
        return 0.0
    if len(wa) > len(wb):
        wa, wb = wb, wa
    # The multiset intersection and union, summed without building either: min(x, y)
    # over shared words, and max(x, y) = x + y - min(x, y) over all of them.
    common = sum(min(n, wb[w]) for w, n in wa.items() if w in wb)
    return common / (ta + tb - common)


def near_identical(
    texts: Sequence[str | AnnotatedText],
    apart: Callable[[int, int], bool],
    threshold: float = NEAR_IDENTICAL,
) -> dict[tuple[int, int], float]:
    """Pairs of texts whose ``word_overlap`` reaches ``threshold``, with that overlap.

    Comparing every pair costs n squared overlaps (seconds at 500 answers), so this is
    the exact prefix filter of similarity joins: each word's k-th repeat is one token,
    tokens are put in one order (rarest first), and two token sets whose Jaccard
    reaches ``threshold`` must share a token among the first ``n - ceil(t*n) + 1`` of
    each. Only pairs that do are compared; ``apart(i, j)`` (i < j) says a pair may count.
    """
    bags = [plain_words(t) for t in texts]
    seen: Counter[str] = Counter()
    for bag in bags:
        seen.update(bag.keys())
    index: dict[tuple[str, int], list[int]] = {}
    found: dict[tuple[int, int], float] = {}
    for j, bag in enumerate(bags):
        size = bag.total()
        if size < 5:
            continue
        prefix = _rarest_tokens(bag, seen, size - math.ceil(threshold * size - 1e-9) + 1)
        candidates: set[int] = set()
        for token in prefix:
            bucket = index.setdefault(token, [])
            candidates.update(bucket)
            bucket.append(j)
        for i in sorted(candidates):
            if not apart(i, j):
                continue
            small, large = sorted((bags[i].total(), size))
            if small < threshold * large:
                continue
            overlap = word_overlap(texts[i], texts[j])
            if overlap >= threshold:
                found[(i, j)] = overlap
    return found


def _rarest_tokens(bag: Counter[str], seen: Counter[str], count: int) -> list[tuple[str, int]]:
    """The first ``count`` tokens ``(word, k)`` of ``bag`` ordered by (``seen[word]``, word, k).

    A word's repeats sort together, so the distinct words are sorted and only the
    repeats that reach the prefix are spelled out. By word, then (a stable sort) by
    ``seen``: both sorts run in C, with no key function of Python's or tuple per word,
    as this runs for every answer of a loop.
    """
    out: list[tuple[str, int]] = []
    for word in sorted(sorted(bag), key=seen.__getitem__):
        out += [(word, k) for k in range(bag[word])]
        if len(out) >= count:
            break
    return out[:count]


def plain_words(text: str | AnnotatedText) -> Counter[str]:
    """The words of a text counted with repeats, as ``word_overlap`` compares them."""
    return as_document(text).derived(_plain_words)


def _plain_words(doc: AnnotatedText) -> Counter[str]:
    return Counter(_PLAIN_WORD.findall(doc.text.lower()))


def two_events(a: Specifics, b: Specifics) -> str | None:
    """Why two tellings describe two events, if they say so through their facts.

    A story happens once, at one employer: tellings dated to different years (or,
    in one year, to different months), at differently named employers, or about
    different platforms, are two events unless everything else matches; and a
    telling that points back at an earlier event of its kind ('this time', 'our
    earlier migration') is not a retelling of it.
    """
    if a.years and b.years and not a.years & b.years:
        return "different years"
    if a.months and b.months and not a.months & b.months:
        return "different months"
    if a.platforms and b.platforms and not a.platforms & b.platforms:
        return "different platforms"
    if a.again or b.again:
        return "refers to an earlier event"
    if (
        a.employers
        and b.employers
        and not any(e.split()[0] in b.folded for e in a.employers)
        and not any(e.split()[0] in a.folded for e in b.employers)
    ):
        return "different employers"
    return None


def same_story(
    a: Document, b: Document, common: frozenset[str] = frozenset()
) -> tuple[bool, float, Shared]:
    """Whether two tellings are one story: (verdict, similarity, shared specifics).

    Two tellings are one story when they share the specifics of one event (its
    figures, systems, names and distinctive phrases), not merely vocabulary or an
    employer. ``common`` holds the terms of the loop that say who is speaking.
    A pair ``story_verdict`` calls "maybe" is not one story here.
    """
    verdict, score, shared = story_verdict(a, b, common)
    return verdict == SAME, score, shared


SAME, MAYBE, APART = "same", "maybe", "apart"
"""``story_verdict``'s answers: one story; perhaps one, for the candidate to check; two."""

THEME_ONLY_BELOW = 0.30
"""Under this similarity, two tellings that share uncommon words and nothing more
particular (no figure, name or phrase of their own) may be one story or two on one theme
('exam, mock, paper' from two stories of one teacher's spring term): not a verdict an
interviewer would sign, so it is shown as a check. On the development pair sets (tuned
there, 2026-12-02) 11 pairs sat here: 6 retellings and 5 different stories; every pair
with a figure, name or phrase shared, or above this similarity, is kept."""

THEME_MANY = 6
"""Under ``THEME_ONLY_BELOW``, this many uncommon words of their own shared by two
tellings (no figure, name or phrase) are one story's vocabulary, not a theme's: two
stories on one theme share a few ('exam', 'mock'), a retelling in other words keeps the
things it is about ('precast', 'formwork', 'crane', 'flights', 'stair'). On all labelled
pairs (tuned there, 2026-12-03) the checks with six or more shared words were 7
retellings and no different story; with five, 2 and 3."""

THEME_WORDS = 4
"""Under ``THEME_ONLY_BELOW``, two tellings that share names or phrases of their
workplace ('the depot', 'route planning'), fewer than this many uncommon words, and no
figure, though each states figures of its own, may be two stories from one place: shown
as a check. Made on a blind set (set 25, 2026-12-02: a bus depot's two stories); the
condition that both state figures was added on 2026-12-03 after the rule without it cost
ten retellings (six development pairs, four of our own pairs.toml), most of them a telling
with no figure at all. On all labelled pairs (tuned there): 10 different stories become
checks, 3 retellings do."""


NOTHING_SHARED_BELOW = 0.6
"""Under this similarity, two tellings that share no specific at all (no figure, name,
phrase or uncommon word of their own, once the setting is set aside) are not shown as one
story: the similarity then comes from the setting's own words, a client's or a place's
name said in both ('Hollow Lane Primary School'), which two stories of one place share.
Made on our own test (2026-12-03); on all labelled pairs and loops it changed nothing."""


def story_verdict(
    a: Document, b: Document, common: frozenset[str] = frozenset()
) -> tuple[str, float, Shared]:
    """``same_story`` with its doubt said: SAME, MAYBE (shared theme words only, at low
    similarity: ``THEME_ONLY_BELOW``) or APART, with the similarity and shared specifics."""
    same, score, shared = _same_story(a, b, common)
    if not same:
        return APART, score, shared
    if (
        score < THEME_ONLY_BELOW
        and not shared.items
        and len(shared.words) < THEME_MANY
        and not _short_and_close(a, b, score, shared)
    ):
        return MAYBE, score, shared
    if (
        score < THEME_ONLY_BELOW
        and shared.items == 1
        and len(shared.phrases) == 1
        and max(a.words, b.words) < 1.5 * SHORT_WORDS
    ):
        # One shared noun phrase ('moon jellies') and low similarity: what one candidate's
        # stories from one place share; a figure, name or told amount would say more.
        return MAYBE, score, shared
    if shared.weight == 0 and score < NOTHING_SHARED_BELOW:
        return MAYBE, score, shared
    if (
        score < TWO_EVENTS_BELOW
        and not (shared.figures or shared.amounts or shared.spans)
        and len(shared.words) < THEME_MANY
        and _one_proper_name(shared, a.text, b.text)
    ):
        # "Carver Street Co-op" in both and nothing else of one event: a client or a site
        # recurs across one candidate's stories (``_only_a_name``), said in several words.
        # Made on set 35 (2026-12-03, after its first-seen run); on all labelled pairs it
        # kept one more different story apart and lost no retelling.
        return MAYBE, score, shared
    if (
        score < THEME_ONLY_BELOW
        and not shared.figures
        and not shared.amounts
        and len(shared.words) < THEME_WORDS
        and specifics(a.read or a.text).figures
        and specifics(b.read or b.text).figures
    ):
        # Names and phrases of one workplace, and each telling its own figures, none of
        # them shared: two stories from one place read like this. A retelling in other
        # words more often drops the figures (a summary, another angle) than changes them.
        return MAYBE, score, shared
    return SAME, score, shared


def _same_story(
    a: Document, b: Document, common: frozenset[str] = frozenset()
) -> tuple[bool, float, Shared]:
    score = combined(a, b)[0]
    if score < REUSE_THRESHOLD:
        # Few words in common, but the same amounts said in other words ('1,140 seats' and
        # 'a bit over eleven hundred'; '£210,000' and 'about two hundred thousand pounds'):
        # two such figures of one event are rarely shared by two stories.
        amounts = _with_amounts(Shared(), a.read or a.text, b.read or b.text, sizable=True)
        if len(amounts.amounts) < SAME_AMOUNTS:
            return False, score, Shared()
        sa, sb = specifics(a.read or a.text), specifics(b.read or b.text)
        return two_events(sa, sb) is None, score, amounts
    sa, sb = specifics(a.read or a.text), specifics(b.read or b.text)
    shared = _with_amounts(shared_specifics(sa, sb, common), a.read or a.text, b.read or b.text)
    evidence = shared.weight
    needed = SHORT_STRONG_EVIDENCE if score >= SHORT_STRONG else SHORT_EVIDENCE
    if (
        min(a.words, b.words) < SHORT_WORDS
        and evidence < needed
        and not _short_and_close(a, b, score, shared)
    ):
        return False, score, shared
    if score >= STRONG:
        return True, score, shared
    if evidence < MIN_EVIDENCE or _only_a_name(shared):
        return False, score, shared
    if score < FAINT_BELOW and shared.items < 2:
        return False, score, shared
    if score >= TWO_EVENTS_BELOW:
        return True, score, shared
    why = two_events(sa, sb)
    if why == "refers to an earlier event" and len(shared.figures) >= 2:
        # "Admin access from an earlier project" is context; two exact figures of the event
        # told in both (abandonment 9% against 35% last time) make it one event.
        why = None
    if changes_apart(stated_figures(a.read or a.text), stated_figures(b.read or b.text)):
        return False, score, shared  # the same measure moved between other values: two events
    # Below that similarity, an amount of the event (a sum or a count, not a share, which
    # two stories of one place often both start from) with two more specifics does too:
    # '£210,000 a year' said again as 'about two hundred and ten thousand a year'. On all
    # labelled pairs and loops (tuned there and on set 31, 2026-12-03): one more retold
    # loop story, no different story.
    if why in _SLIPS and (
        (score >= SLIP_ABOVE and shared.items >= 2)
        or (shared.items >= 3 and (shared.amounts or any("%" not in f for f in shared.figures)))
    ):
        # The year, month or employer is the fact a retelling slips on; with this much of
        # one event shared it is a contradiction to report, not a second event.
        return True, score, shared
    return why is None, score, shared


SHORT_SHARED_WORDS = 4
"""Uncommon words of their own that two short tellings (under ``SHORT_WORDS``) share when
they tell one story: forty or fifty words hold a handful such words, and a retelling keeps
four of them; two short stories of one workplace kept three at most. On all labelled pairs
(tuned there, 2026-12-03), with the similarity at least ``FAINT_BELOW``: 14 retellings
and no different story."""


def _short_and_close(a: Document, b: Document, score: float, shared: Shared) -> bool:
    """A short pair at a fair similarity that shares ``SHORT_SHARED_WORDS`` uncommon words."""
    return (
        min(a.words, b.words) < SHORT_WORDS
        and score >= FAINT_BELOW
        and len(shared.words) >= SHORT_SHARED_WORDS
    )


_NAME_RUN = re.compile(r"\b[A-Z][\w'&\-]*(?:\s+(?:of\s+|&\s+)?[A-Z][\w'&\-]*)+")
"""Capitalised words in a row: one proper name of several words ('Carver Street Co-op')."""


def _one_proper_name(shared: Shared, a: str, b: str) -> bool:
    """Every name and phrase the two tellings share lies inside one name of several words
    that both say ('carver', 'street' and 'street co-op' of 'Carver Street Co-op')."""
    if not shared.names and not shared.phrases:
        return False

    def said(text: str) -> set[tuple[str, ...]]:
        # "With Carver Street Co-op": a sentence's first word is no part of the name.
        out = set()
        for m in _NAME_RUN.finditer(text):
            words = m.group().lower().split()
            while words and (words[0] in _COMMON_CAPS or words[0] in STOPWORDS):
                words = words[1:]
            out.add(tuple(words))
        return out

    for words in said(a) & said(b):
        if all(n in words for n in shared.names) and all(
            any(w.startswith(p) for w in words) for t in shared.phrases for p in t.split(" ")
        ):
            return True
    return False


def _only_a_name(shared: Shared) -> bool:
    """One name and next to nothing else: a colleague or a client recurs across one
    candidate's stories ('with Dr Okafor'), so a name alone does not make one event."""
    return (
        len(shared.names) == 1
        and not (shared.figures or shared.phrases or shared.amounts)
        and len(shared.words) < 2
    )


def _with_amounts(
    shared: Shared, a: str | AnnotatedText, b: str | AnnotatedText, sizable: bool = False
) -> Shared:
    """``shared`` with the figures both tellings state in different words added; with
    ``sizable``, only sums of money and counts of a hundred or more (lengths of time and
    rates recur across stories: 'within 15 minutes', '5% of traffic')."""
    exact = {float(key[1:].split(" ", 1)[0]) for key in shared.figures}
    ta, tb = as_document(a).text, as_document(b).text
    said = tuple(
        amount_as_said(ta, fa)
        for fa, fb in same_amounts(stated_figures(a), stated_figures(b))
        if not any(math.isclose(v, x, rel_tol=1e-3) for v in (fa.value, fb.value) for x in exact)
        and (not sizable or (fa.family in ("money", "count") and fa.value >= 100))
        and _one_reading(fa, fb)
        # A size both tellings give as the place's ('a 400-bed hospital', 'a hospital of
        # 400 beds') names where, not what happened; said so by one only, it is evidence.
        and not (_standing_size(ta, fa) and _standing_size(tb, fb))
    )
    return replace(shared, amounts=said) if said else shared


_TIME_WORD = (
    r"(?:ms|milliseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|"
    r"fortnights?|months?|quarters?|years?)"
)
_PERIOD_SAID = re.compile(
    r"\s+(?:a|an|per|each|every)\s+(?:day|week|month|quarter|year|shift|night)\b", re.I
)


def _number_said(said: str) -> str:
    """A number as read, without a little word the reading took after it ('€14,000 a')."""
    words = said.split()
    if len(words) > 1 and (words[-1].lower() in STOPWORDS or words[-1].lower() == "only"):
        return said[: said.rfind(words[-1])].rstrip()
    return said


def amount_as_said(text: str, f: Figure) -> str:
    """A figure as the telling said it, with its unit and period ('forty a month', '31
    hours', 'about £600,000'), not the clause around it: what a reader checks the other
    telling against."""
    said = _number_said(text[f.start : f.end])
    end = f.start + len(said)
    rest = text[end : end + 60]
    tail = None
    if f.family == "percent" and not said.endswith("%"):
        tail = re.match(r"\s*(?:%|percent\b|per cent\b)", rest, re.I)
    elif f.family == "time":
        tail = re.match(r"[\s\-]*(?:[a-z]+\s+)?" + _TIME_WORD + r"\b", rest, re.I)
    elif f.family == "count" and f.unit and not said.lower().endswith(f.unit):
        # Up to the word that names what is counted: "forty [unplanned] trips".
        unit = re.escape(f.unit[:4])
        tail = re.match(r"(?:[\s\-]+[A-Za-z][\w\-]*){0,2}?[\s\-]+" + unit + r"[\w\-]*", rest, re.I)
    elif f.family == "money":
        tail = re.match(r"\s*(?:pounds|euros|dollars|quid|grand)\b", rest, re.I)
    if tail is None:
        tail = re.match(r"-[A-Za-z]+\b", rest)  # "a six-week pilot": 'six-week'
    if tail is not None and len(tail.group().split()) <= 4:
        said += tail.group()
        rest = rest[tail.end() :]
    period = _PERIOD_SAID.match(rest) if f.per else None
    if period is not None:
        said += period.group()
    return " ".join(said.split())


def _one_reading(a: Figure, b: Figure) -> bool:
    """Whether two figures that agree within their rounding are close enough to name one
    event. A share is what two stories on one theme most often both report: '61%' and
    'about 65 percent' agree as a retelling but identify nothing, so shares must agree
    within 2% of the larger, or be one value and its complement ('0.5% failed', '99.5%
    succeeded'). Sizes of the place the stories happen in are dropped before this."""
    if a.family != "percent" or b.family != "percent":
        return True
    return (
        abs(a.value - b.value) <= 0.02 * max(a.value, b.value)
        or abs(a.value + b.value - 100) <= 0.5
    )


def story_evidence(text: str | AnnotatedText, shared: Shared, limit: int = 10) -> list[str]:
    """The shared specifics as the first telling said them: figures with their units,
    names, then distinctive phrases; uncommon single words only when nothing stronger
    was shared. Never a common word: 'shared words: job' tells a reader nothing."""
    doc = as_document(text)
    folded = doc.text
    text = doc.original
    said_figures = {detail_key(q): _with_unit(folded, q) for q in told_numbers(doc)}
    bare = {k.split(" ", 1)[0]: v for k, v in said_figures.items()}
    out: list[str] = []
    for key in shared.figures:
        said = said_figures.get(key) or bare.get(key)
        if said and said not in out:
            out.append(said)
    for quote in shared.amounts:
        if quote not in out:
            out.append(quote)
    # ``surface`` compiles a pattern per term, the dearest step here: no term is looked
    # for once ``limit`` are found, nor a seventh shared word.
    for term in shared.names + shared.phrases:
        if len(out) >= limit:
            break
        said = surface(text, term)
        if said and said.lower() not in {o.lower() for o in out}:
            out.append(said)
    for key in shared.spans:  # weak: after the rest, and never 'a week'
        said = said_figures.get(key)
        if said and said not in out and not said.lower().startswith(("a ", "an ")):
            out.append(said)
    if not out and shared.words:
        found = list(islice(filter(None, (surface(text, t) for t in shared.words)), 6))
        if found:
            out.append("shared terms: " + ", ".join(found))
    return [" ".join(said.split()) for said in out[:limit]]  # a line break as a space


def _with_unit(text: str, q: Quantity) -> str:
    """'two weeks', not 'two': a figure is shown with the unit word that follows it, and
    without a little word read after it ('€14,000 a year' is shown '€14,000 a year', not
    '€14,000 a')."""
    said = _number_said(q.text)
    if said != q.text:
        period = _PERIOD_SAID.match(text, q.start + len(said), q.start + len(said) + 20)
        return said + (period.group() if period else "")
    if q.unit in _UNITLESS and q.text.lower().endswith(" " + q.unit.lower()):
        return q.text[: -len(q.unit)].rstrip()  # "stayed around 31 the whole time": '31'
    if not q.unit:
        # "Twenty a month", "a ten-minute call": a bare number with what it is of.
        joined = re.match(r"-[A-Za-z]+\b", text[q.end : q.end + 20])
        period = _PERIOD_SAID.match(text, q.end, q.end + 20)
        return q.text + (joined.group() if joined else period.group() if period else "")
    if q.unit.lower() in q.text.lower() or q.unit in _UNITLESS or q.unit.lower() in STOPWORDS:
        return q.text  # "£4,000", "11 min": the unit said already; "€14,000 a year": none
    after = re.match(r"\s*[\w\-]+", text[q.end : q.end + 40])
    if after is None or not after.group().strip(" -").lower().startswith(q.unit.lower()[:3]):
        return q.text  # the next word is not the unit ('halved and', '14 only')
    return q.text + after.group()


def surface(text: str, term: str) -> str | None:
    """The words in ``text`` a stem (or two-stem phrase) came from."""
    # A stem ending in 'y' was an 'ies' ('entries' -> 'entry'): match on what precedes it.
    stems = [p[:-1] if len(p) > 3 and p.endswith("y") else p for p in term.split(" ")]
    if text.isascii() and all(map(_PLAIN_STEM.fullmatch, stems)):
        return _surface_plain(text, stems)
    parts = [re.escape(p) + r"[\w'\-]*" for p in stems]
    found = re.search(r"\b" + r"\W+".join(parts), text, re.IGNORECASE)
    return found.group() if found else None


_PLAIN_STEM = re.compile(r"[a-z0-9][a-z0-9'\-]*")


def _surface_plain(text: str, stems: list[str]) -> str | None:
    """What ``surface``'s pattern, ``\\b`` then each stem and ``[\\w'\\-]*``, the stems
    apart by ``\\W+``, case ignored, finds first in an ASCII text, without compiling it.

    A pattern per term cost more to compile than to run, and story evidence looks up a
    dozen terms per retelling. Each stem starts with a letter or digit, so the ``\\W+``
    before it ends right where it starts; what is left to try, as the pattern's engine
    would, is how much of the run of word characters, apostrophes and hyphens after a stem
    to keep before the next stem's ``\\W+`` (the longest first, since ``*`` is greedy).
    """
    low = text.lower()
    n = len(low)

    def word(i: int) -> bool:
        return low[i].isalnum() or low[i] == "_"

    def rest(i: int, k: int) -> int:
        """Where the match ends when ``stems[k]`` is said at ``i``, or -1."""
        j = i + len(stems[k])
        run = j
        while run < n and (word(run) or low[run] in "'-"):
            run += 1
        if k == len(stems) - 1:
            return run
        for e in range(run, j - 1, -1):  # the \W+ starts at e
            if e >= n or word(e):
                continue
            w = e
            while w < n and not word(w):
                w += 1
            if low.startswith(stems[k + 1], w):
                end = rest(w, k + 1)
                if end >= 0:
                    return end
        return -1

    at = low.find(stems[0])
    while at >= 0:
        if at == 0 or not word(at - 1):
            end = rest(at, 0)
            if end >= 0:
                return text[at:end]
        at = low.find(stems[0], at + 1)
    return None
