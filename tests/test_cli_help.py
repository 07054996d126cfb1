"""The CLI says what it expects: analyze's file format, the principle slugs, the
allowed settings; and check-bank summarises instead of flooding."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from loops.principles import SLUGS
from loops.review.answers import load_answers_file
from loops.settings import load_settings
from tui.cli import ANALYZE_FORMAT, main

BUILTIN_FILE = Path(__file__).parent.parent / "loops" / "data" / "questions.toml"


def test_analyze_help_documents_the_file_format(capsys):
    with pytest.raises(SystemExit) as done:
        main(["analyze", "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    for needed in ("[[answers]]", "round", "principle", "text", "bar_raiser_round", "follow-up"):
        assert needed in out
    for slug in SLUGS:
        assert slug in out


def test_the_documented_example_is_a_file_analyze_reads(tmp_path):
    """The example in the help is what a user copies: it must load as written."""
    lines = [
        line[2:].split("  #")[0]
        for line in ANALYZE_FORMAT.splitlines()
        if re.match(r"  (\[\[|\w+ = )", line)
    ]
    path = tmp_path / "answers.toml"
    path.write_text("\n".join(lines) + "\n")
    answers, bar_raiser = load_answers_file(path)
    assert bar_raiser == 1 and answers[0].principle == "ownership"


def test_an_unknown_principle_is_answered_with_the_slugs(tmp_path, capsys):
    path = tmp_path / "answers.toml"
    path.write_text('[[answers]]\nround = 1\nprinciple = "customer obsession"\ntext = "a"\n')
    assert main(["analyze", str(path)]) == 2
    err = capsys.readouterr().err
    assert "'customer obsession' is not a principle slug" in err
    assert all(slug in err for slug in SLUGS)


def test_check_bank_on_the_builtin_bank_says_so_in_one_line(capsys):
    assert main(["check-bank", str(BUILTIN_FILE)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert "already in the built-in bank" in err[0] and " more" in err[0]


@pytest.mark.parametrize(
    ("line", "allowed"),
    [
        ('rounds = "five"', "4 to 6"),
        ('timing = "fast"', "strict, relaxed, untimed"),
        ("timing = 3", "strict, relaxed, untimed"),
        ('coach = "yes"', "true or false"),
        ('colour = "red"', "level, rounds, timing"),
    ],
)
def test_a_settings_error_lists_the_allowed_values(tmp_path, line, allowed):
    path = tmp_path / "settings.toml"
    path.write_text(line + "\n")
    [problem] = load_settings(path).problems
    assert allowed in str(problem)
