"""What a new user trips over (issue 13): messages and commands that misled or broke.

The CLI is driven through ``main`` (and once through a real pipe), the way a
person types the commands; each test fails on the bug it names.
"""

from __future__ import annotations

import pytest

from loops.problems import FileProblemError, read_toml
from tui.cli import main

BAD_ARRAY = "[[questions]\nid = 'x'\n"


def test_a_toml_error_keeps_its_whole_position(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD_ARRAY, encoding="utf-8")
    with pytest.raises(FileProblemError) as caught:
        read_toml(bad)
    (problem,) = caught.value.problems
    assert problem.line == 1
    text = str(problem)
    assert text == (
        f"{bad}:1: not valid TOML: Expected ']]' at the end of an array declaration (column 12)"
    )
    assert "(," not in text and text.count("(") == text.count(")")


def test_a_toml_error_at_the_end_names_the_last_line(tmp_path):
    bad = tmp_path / "end.toml"
    bad.write_text("a = 1\nb = ", encoding="utf-8")
    with pytest.raises(FileProblemError) as caught:
        read_toml(bad)
    (problem,) = caught.value.problems
    assert problem.line == 2
    assert str(problem).endswith("not valid TOML: Invalid value (at the end of the file)")


@pytest.mark.parametrize(
    "argv",
    [["check-bank"], ["analyze"], ["debrief"], ["stories", "import"]],
)
def test_every_command_shows_the_toml_error_whole(tmp_path, capsys, argv):
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD_ARRAY, encoding="utf-8")
    assert main([*argv, str(bad)]) != 0
    err = capsys.readouterr().err
    assert "bad.toml:1: not valid TOML: Expected ']]' at the end of an array declaration" in err
    assert "(column 12)" in err and "(, column" not in err
