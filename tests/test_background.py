"""The engine's background vocabulary is the built-in bank's, regenerated when the bank changes."""

from loops.background import document_frequencies
from scoring import background


def test_the_table_matches_the_shipped_questions():
    df, n = document_frequencies()
    assert n == background.DOCUMENTS and n > 100
    assert df == background.FREQUENCIES, "run `python -m loops.background` after editing the bank"
