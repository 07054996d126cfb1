"""Doubt is not a lost sale (scoring/ending.py): "I didn't buy it" says the candidate did not
believe something, not that a customer walked away. Our own sentences."""

from __future__ import annotations

import pytest

from scoring.document import Document
from scoring.ending import ending

OPENING = "I was the account lead for a regional grocer. Everyone said their renewal was safe. "


def read(result: str) -> str | None:
    said = OPENING + result
    found = ending(said, Document(said).sentences)
    return found[0] if found else None


@pytest.mark.parametrize(
    "doubt",
    [
        "I didn't buy it, so I went through their last six months of orders myself.",
        "Honestly I didn't buy that, and I booked a visit to their buying office.",
        "We didn't buy into the story that prices were the issue, so I asked their buyers.",
    ],
)
def test_doubting_what_you_were_told_is_no_ending(doubt: str) -> None:
    assert read(doubt + " It turned out their new category manager had never met us.") is None


@pytest.mark.parametrize(
    "lost",
    [
        "We pitched the new range in March, but in the end they didn't buy.",
        "After three meetings the client didn't sign and went with a rival.",
    ],
)
def test_a_customer_who_did_not_buy_is_still_a_failure(lost: str) -> None:
    assert read(lost) == "failure"
