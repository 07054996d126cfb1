"""One answer read once: the annotations every detector reads.

Flags, votes, facts and similarity all ask the same questions of an answer:
its folded and lower-cased text, its sentences, its numbers, its first-person
pronouns, its capitalised names. Each used to work them out from the raw text
again, and speed then needed caches keyed by the text. A ``Document`` is built
once per answer (and once per telling that joins several answers) and passed
down; each annotation is worked out the first time it is asked for and kept
with the document, so nothing outlives the analysis that made it. This is the
shape of spaCy's ``Doc``, with the standard library only.

Offsets in every annotation are offsets in ``text`` (the folded text), which
has the length of the original, so every quote can be found in the answer.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Hashable
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from scoring import text as reading
from scoring.wording import word_count

if TYPE_CHECKING:
    from scoring.text import Quantity, Span

T = TypeVar("T")


class Document:
    """An answer's text with its annotations, each computed on first use."""

    def __init__(self, text: str) -> None:
        self.original = text
        """The answer as the candidate gave it."""
        self.text = reading.fold(text)
        """Quotes and dashes folded, same length: every detector reads this."""
        self._derived: dict[object, object] = {}
        """Readings built from the annotations (outcome metrics, facts...), by what built them."""
        self.first: dict[object, re.Match[str] | None] = {}
        """Each pattern's first match in the whole text (``Rx.search``): several detectors ask."""
        self.holds: dict[object, bool] = {}
        """Whether the text holds one of the strings a pattern cannot match without."""

    def __repr__(self) -> str:
        return f"Document({self.original[:40]!r}...)"

    @cached_property
    def lower(self) -> str:
        """``text`` lower-cased, same length: what case-insensitive patterns run on."""
        return reading.lower(self.text)

    @cached_property
    def words(self) -> int:
        """Words as a listener hears them (``scoring.wording.word_count``): the flags'
        length and the similarity's both ask. Folding swaps punctuation for punctuation,
        so the count is the original's."""
        return word_count(self.text)

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        return reading.split_sentences(self.text)

    @cached_property
    def sentence_starts(self) -> tuple[int, ...]:
        return tuple(s.start for s in self.sentences)

    @cached_property
    def quantities(self) -> tuple[Quantity, ...]:
        """Every number said, with its kind (only kind 'number' is a metric)."""
        return reading.read_quantities(self.text)

    @cached_property
    def metrics(self) -> tuple[Quantity, ...]:
        """The quantities that are figures: not dates, levels or ordinals."""
        return tuple(q for q in self.quantities if q.kind == "number")

    @cached_property
    def _pronouns(self) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
        return reading.find_pronouns(self.text)

    @property
    def singular(self) -> tuple[Span, ...]:
        """'I', 'me', 'my'... said of the candidate."""
        return self._pronouns[0]

    @property
    def plural(self) -> tuple[Span, ...]:
        """'we', 'us', 'our'..."""
        return self._pronouns[1]

    @cached_property
    def names(self) -> tuple[str, ...]:
        """Capitalised words inside sentences: names of people, companies, systems."""
        return tuple(reading.proper_names(self.text))

    @cached_property
    def tokens(self) -> tuple[str, ...]:
        """Lower-case words and clause marks in order (a mark ends a phrase)."""
        # Full lower-casing, as the word weights were built with (it differs from
        # ``lower`` only for letters outside ASCII, which no token holds).
        low = self.lower if self.text.isascii() else self.text.lower()
        return tuple(_TOKEN_OR_CLAUSE.findall(low))

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (its end excluded), or -1."""
        i = bisect_right(self.sentence_starts, offset) - 1
        return i if i >= 0 and offset < self.sentences[i].end else -1

    def sentence_at(self, offset: int) -> Span:
        """The sentence holding ``offset`` (for quoting a whole sentence as evidence)."""
        i = bisect_right(self.sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end + 1:
            return self.sentences[i]
        return reading.Span(offset, offset, "")

    def negated_before(self, start: int, window: int = 40) -> bool:
        """True when a negation sits in the same clause just before ``start``."""
        return reading.negated_before(self.text, start, window)

    def derived(self, build: Callable[..., T], *args: Hashable) -> T:
        """``build(self, *args)``, built once: a reading several detectors share (outcome
        metrics, hypothetical sentences, facts) is worked out for the first and kept."""
        key = (build, *args) if args else build
        try:
            return self._derived[key]  # type: ignore[return-value]
        except KeyError:
            value = self._derived[key] = build(self, *args)
            return value


_TOKEN_OR_CLAUSE = re.compile(r"[.;:!?,()\"]|[a-z0-9][a-z0-9\-']*[a-z0-9]|[a-z0-9]")
"""A clause mark or a token; tokens hold no clause mark, so one pass splits clauses too."""


def as_document(text: str | Document) -> Document:
    """A caller's text as a document; a document passes through, keeping what it read."""
    return text if isinstance(text, Document) else Document(text)
