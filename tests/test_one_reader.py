"""Every file is read one way (loops.problems.Reader over Fields): the same mistake gets
the same message, with file, the field's own line and field, whichever file holds it."""

from __future__ import annotations

import pytest
from test_store import make_session

from loops.problems import FileProblemError
from loops.review.answers import load_answers_file
from loops.settings import load_settings
from loops.store import save_session, session_from_toml


def test_a_settings_file_and_a_session_say_the_same_of_the_same_mistake(tmp_path):
    settings = tmp_path / "settings.toml"
    settings.write_text('level = "sde2"\ntiming = 3\n')
    [from_settings] = load_settings(settings).problems

    path = save_session(make_session())
    path.write_text(path.read_text().replace('timing = "strict"', "timing = 3"))
    with pytest.raises(FileProblemError) as caught:
        session_from_toml(path)
    [from_session] = caught.value.problems

    said = "expected str, found int; allowed: one of strict, relaxed, untimed"
    assert (from_settings.line, from_settings.field, from_settings.message) == (2, "timing", said)
    assert (from_session.field, from_session.message) == ("settings.timing", said)
    assert path.read_text().splitlines()[from_session.line - 1] == "timing = 3"


def test_the_analyze_file_names_the_line_of_the_field_itself(tmp_path):
    path = tmp_path / "answers.toml"
    path.write_text(
        '[[answers]]\nround = 1\nprinciple = "ownership"\ntext = "I did."\n\n'
        '[[answers]]\nprinciple = "ownership"\ntext = "Then."\nround = "two"\n'
    )
    with pytest.raises(FileProblemError) as caught:
        load_answers_file(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.field) == (9, "answers[1].round")
    assert problem.message == "expected int, found str; allowed: 1 to 99"
    assert str(problem) == f"{path}:9: answers[1].round: {problem.message}"


def test_an_unknown_field_is_named_the_same_way_in_settings_and_answers(tmp_path):
    settings = tmp_path / "settings.toml"
    settings.write_text("colour = 1\n")
    [in_settings] = load_settings(settings).problems
    answers = tmp_path / "answers.toml"
    answers.write_text('[[answers]]\nround = 1\nprinciple = "ownership"\ntext = "a"\ncolour = 1\n')
    with pytest.raises(FileProblemError) as caught:
        load_answers_file(answers)
    [in_answers] = caught.value.problems
    assert in_settings.message.startswith("unknown field (expected one of level, rounds")
    assert in_answers.message.startswith("unknown field (expected one of round, principle")
    assert (in_settings.line, in_answers.line) == (1, 5)


def test_check_bank_names_a_list_where_a_word_belongs_instead_of_crashing(tmp_path, capsys):
    """``principle = ["ownership"]`` or ``kind = ["depth"]`` raised TypeError (a list is
    not hashable) out of check-bank and out of the app's start."""
    from tui.cli import main

    path = tmp_path / "mine.toml"
    path.write_text(
        '[[questions]]\nid = "mine-1"\nprinciple = ["ownership"]\n'
        'prompt = "Tell me about a time you owned a mistake."\n'
        'levels = [["sde2"]]\n'
        'follow_ups = [{kind = ["depth"], text = "a"}, {kind = "outcome", text = "b"},\n'
        '              {kind = "individual", text = "c"}]\n\n'
        '[[generic]]\nkind = { a = 1 }\ntext = "More?"\n'
    )
    assert main(["check-bank", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:3: questions[0].principle: ['ownership'] is not a principle slug" in err
    assert f"{path}:5: questions[0].levels: must be a non-empty list" in err
    assert f"{path}:6: questions[0].follow_ups[0].kind: ['depth'] is not one of" in err
    assert f"{path}:9: generic[0].kind: {{'a': 1}} is not one of" in err


def test_a_session_with_a_list_among_its_plan_principles_is_named_not_a_crash():
    path = save_session(make_session())
    text = path.read_text()
    first = text.index("principles = [\n") + len("principles = [\n")
    path.write_text(text[:first] + '    ["ownership"],\n' + text[first:])
    with pytest.raises(FileProblemError) as caught:
        session_from_toml(path)
    [problem] = caught.value.problems
    assert problem.field == "plan.rounds[0].principles"
    assert problem.message == "['ownership'] is not a principle slug"


def test_version_true_is_not_version_1(tmp_path):
    """Python has True == 1; a file saying ``version = true`` was read as version 1."""
    from loops.stories import parse_toml

    bank = tmp_path / "stories.toml"
    bank.write_text('version = true\n\n[[stories]]\ntitle = "A"\n')
    with pytest.raises(FileProblemError) as caught:
        parse_toml(bank)
    assert caught.value.problems[0].field == "version"

    path = save_session(make_session())
    path.write_text(path.read_text().replace("version = 1\n", "version = true\n", 1))
    with pytest.raises(FileProblemError, match="unknown session version True"):
        session_from_toml(path)


def test_the_analyze_file_names_every_fault_at_once(tmp_path):
    """Found by a stranger in tmux: round 0, an empty answer and a Bar Raiser round the
    file does not have were accepted (the empty answer scored as a weak one), and a file
    with several faults named only the first."""
    path = tmp_path / "answers.toml"
    path.write_text(
        "bar_raiser_round = 5\n\n"
        '[[answers]]\nround = 0\nprinciple = "ownership"\ntext = "I did it."\n\n'
        '[[answers]]\nround = 2\nprinciple = "ownership"\ntext = "  "\n\n'
        '[[answers]]\nround = 2\nprinciple = "dive-deep"\ntext = "I read the logs."\n'
    )
    with pytest.raises(FileProblemError) as caught:
        load_answers_file(path)
    found = [(p.line, p.field) for p in caught.value.problems]
    assert found == [(4, "answers[0].round"), (11, "answers[1].text"), (1, "bar_raiser_round")]
    messages = [p.message for p in caught.value.problems]
    assert "0 is out of range" in messages[0] and "is empty" in messages[1]
    assert "5 is not a round of this file (its rounds: 2)" in messages[2]
