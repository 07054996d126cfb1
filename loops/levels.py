"""Candidate levels and what they change about a loop."""

from __future__ import annotations

LEVELS: dict[str, str] = {
    "sde1": "SDE I",
    "sde2": "SDE II",
    "senior": "Senior SDE",
    "staff": "Staff / Principal",
}


def level_name(slug: str) -> str:
    return LEVELS.get(slug, slug)
