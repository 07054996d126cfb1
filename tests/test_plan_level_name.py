"""`mockloop plan` names the level as every screen does ('SDE II', not 'sde2'): one
owner, loops.levels.level_name; --json keeps the machine value."""

from __future__ import annotations

import json

import pytest

from loops.levels import LEVELS, level_name
from tui.cli import main


@pytest.mark.parametrize("slug", list(LEVELS))
def test_plan_names_the_level_as_the_screens_do(slug, capsys):
    assert main(["plan", "--level", slug, "--seed", "3"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(f"Level {level_name(slug)}, seed 3:"), first
    assert slug not in first.split(",")[0]
    assert main(["plan", "--level", slug, "--seed", "3", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["level"] == slug
