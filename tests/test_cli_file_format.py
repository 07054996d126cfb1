"""analyze and import say what file they want, in --help and when a file is bad, and
name the file one way: as the user typed its path."""

from __future__ import annotations

import pytest

from tui.cli import main

BAD_TOML = '[[answers]]\nround = "one"\nprinciple = "ownership"\n'
BAD_TEXT = "My notes\nQ [leadership]: Tell me.\nI did it.\n"


def _help(capsys: pytest.CaptureFixture[str], command: str) -> str:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    return capsys.readouterr().out


def test_help_says_what_file_each_command_reads(capsys):
    analyze = _help(capsys, "analyze")
    assert "FILE        a TOML file of answers (format below)" in analyze
    assert 'principle = "ownership"' in analyze and "[[answers]]" in analyze
    imported = _help(capsys, "import")
    assert "a .toml file in analyze's format, or any other file as" in imported
    # Both formats shown by example, the TOML one too (it used to say only "see analyze").
    assert '    principle = "ownership"' in imported
    assert "Q [ownership]: Tell me about a time" in imported
    assert max(len(line) for line in imported.splitlines()) <= 80


def test_bad_files_are_named_as_typed_with_line_field_and_format(tmp_path, capsys):
    (tmp_path / "notes").mkdir()
    text = tmp_path / "notes" / "phone-screen.txt"
    text.write_text(BAD_TEXT)
    toml = tmp_path / "notes" / "onsite.toml"
    toml.write_text(BAD_TOML)

    assert main(["import", str(text), "--no-open"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"mockloop import: {text}:2: principle: 'leadership' is not")
    assert "ownership" in err[0]  # the slugs it could be
    assert err[-1].startswith(f"mockloop import: {text} is read as plain text: 'Q [principle]:")

    assert main(["import", str(toml), "--no-open"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"mockloop import: {toml}:2: answers[0].round: expected int")
    assert f"mockloop import: {toml}:1: answers[0].text: missing" in err
    assert all(line.startswith("mockloop import: ") for line in err)  # every fault, prefixed
    assert "read in mockloop analyze's format: one [[answers]] table" in err[-1]

    assert main(["analyze", str(toml)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"mockloop analyze: {toml}:2: answers[0].round: expected int")
    assert err[-1].startswith(f"mockloop analyze: {toml} must be TOML: one [[answers]] table")


def test_an_unreadable_file_is_said_one_way(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["import", "gone.txt", "--no-open"]) == 2
    assert main(["analyze", "gone.toml"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "mockloop import: gone.txt: cannot read: No such file or directory",
        "mockloop analyze: gone.toml: cannot read: No such file or directory",
    ]


def test_the_format_line_names_the_file_as_the_faults_do(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "onsite.toml").write_text(BAD_TOML)
    assert main(["analyze", "./onsite.toml"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("mockloop analyze: onsite.toml:2: answers[0].round")
    assert err[-1].startswith("mockloop analyze: onsite.toml must be TOML")
