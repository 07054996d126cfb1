"""The story bank: model, validation, coverage, import and export, and the CLI."""

from __future__ import annotations

import stat

import pytest
from story_fixture import STORIES

from loops import paths
from loops.principles import SLUGS, TOP_TEN
from loops.problems import FileProblemError
from loops.stories import (
    Story,
    add_story,
    can_cover,
    coverage,
    coverage_mark,
    delete_story,
    export_stories,
    gaps,
    import_stories,
    load_stories,
    parse_markdown,
    parse_toml,
    replace_story,
    save_stories,
    split_list,
)
from tui.cli import main


def test_add_replace_delete_are_pure_and_keep_ids_unique():
    one = Story(id="", title="Checkout latency", principles=("dive-deep",))
    bank = add_story([], one)
    bank = add_story(bank, one)
    assert [s.id for s in bank] == ["checkout-latency", "checkout-latency-2"]
    edited = replace_story(bank, Story(id="checkout-latency-2", title="Other"))
    assert edited[1].title == "Other" and bank[1].title == "Checkout latency"
    assert [s.id for s in delete_story(edited, "checkout-latency")] == ["checkout-latency-2"]


def test_split_list_keeps_thousands_together():
    assert split_list("a, b; c") == ["a", "b", "c"]
    assert split_list("1,200 orders, 8%") == ["1,200 orders", "8%"]


def test_coverage_and_gaps():
    counts = coverage(STORIES)
    assert list(counts) == list(SLUGS)
    assert counts["customer-obsession"] == 2 and counts["ownership"] == 2
    assert counts["think-big"] == 0 and counts["dive-deep"] == 1
    lacking, none = gaps(STORIES)
    assert "dive-deep" in lacking and "customer-obsession" not in lacking
    assert set(lacking) <= set(TOP_TEN)
    assert "think-big" in none and "frugality" in none and "dive-deep" not in none
    assert gaps([]) == (list(TOP_TEN), list(SLUGS))
    assert coverage_mark("dive-deep", 1) == "NEEDS 2"
    assert coverage_mark("think-big", 0) == "NONE"
    assert coverage_mark("ownership", 0) == "NONE, NEEDS 2"
    assert coverage_mark("think-big", 1) == ""


def test_can_cover_needs_distinct_stories():
    a = Story("a", "A", principles=("ownership", "dive-deep"))
    b = Story("b", "B", principles=("ownership",))
    assert can_cover([a, b], ["dive-deep", "ownership"]) == (True, [])
    # Ownership graded twice takes both stories, leaving none for dive-deep.
    ok, left = can_cover([a, b], ["ownership", "ownership", "dive-deep"])
    assert not ok and len(left) == 1
    # Augmenting path: the greedy first choice (a for ownership) must move.
    assert can_cover([a, b], ["ownership", "dive-deep"]) == (True, [])
    assert can_cover([a], ["ownership", "ownership"]) == (False, ["ownership"])
    assert can_cover([], ["think-big"]) == (False, ["think-big"])


@pytest.mark.parametrize("suffix", [".md", ".toml"])
def test_export_import_round_trip(tmp_path, suffix):
    path = export_stories(STORIES, tmp_path / f"bank{suffix}")
    read = parse_markdown(path) if suffix == ".md" else parse_toml(path)
    assert read == STORIES
    assert import_stories(path) == (len(STORIES), 0)
    assert load_stories()[0] == STORIES
    assert import_stories(path) == (0, len(STORIES))  # importing again replaces
    assert load_stories()[0] == STORIES


def test_bank_file_is_owner_only(mockloop_home):
    path = save_stories(STORIES[:1])
    assert path == paths.stories_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(mockloop_home.stat().st_mode) == 0o700


BAD_TOML = """version = 1

[[stories]]
title = "Fine"

[[stories]]
title = "Bad one"
principles = ["ownership", "thinking-big"]
colour = "red"
"""


def test_toml_errors_name_line_and_field(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(BAD_TOML)
    with pytest.raises(FileProblemError) as exc:
        parse_toml(path)
    found = {(p.line, p.field) for p in exc.value.problems}
    assert found == {(9, "stories[1].colour"), (8, "stories[1].principles")}
    assert "thinking-big" in str(exc.value)
    path.write_text('version = 1\n\n[[stories]]\nsummary = "no title"\n')
    with pytest.raises(FileProblemError) as exc:
        parse_toml(path)
    [problem] = exc.value.problems
    assert (problem.line, problem.field) == (3, "stories[0].title")
    path.write_text("version = 2\n")
    with pytest.raises(FileProblemError, match="version"):
        parse_toml(path)


BAD_MD = """# Story bank

## Good
- principles: ownership

It went well.

## Bad
- principles: ownership
- mood: great
"""


def test_malformed_import_changes_nothing(tmp_path):
    save_stories(STORIES[:2])
    before = paths.stories_file().read_bytes()
    path = tmp_path / "bad.md"
    path.write_text(BAD_MD)
    with pytest.raises(FileProblemError) as exc:
        import_stories(path)
    [problem] = exc.value.problems
    assert (problem.line, problem.field) == (10, "stories[1].mood")
    assert paths.stories_file().read_bytes() == before


def test_a_broken_bank_file_is_reported_and_left_alone():
    path = paths.stories_file()
    path.parent.mkdir(parents=True)
    path.write_text("version = 1\n[[stories]\n")
    stories, problems = load_stories()
    assert stories == [] and problems and problems[0].line == 2
    assert path.read_text() == "version = 1\n[[stories]\n"


def test_cli_add_list_export_import(tmp_path, capsys):
    code = main(
        ["stories", "add", "--title", "Checkout spinner", "--principles", "dive-deep,ownership",
         "--company", "Northwind", "--figure", "p99 from 1.4 s to 300 ms", "--figure", "8%"]
    )  # fmt: skip
    assert code == 0
    [story] = load_stories()[0]
    assert story.figures == ("p99 from 1.4 s to 300 ms", "8%")
    assert main(["stories", "list"]) == 0
    out = capsys.readouterr().out
    assert "checkout-spinner: Checkout spinner" in out
    assert "Customer Obsession" in out and "NONE, NEEDS 2" in out
    assert "Most-probed principles lacking two stories:" in out
    md = tmp_path / "bank.md"
    assert main(["stories", "export", str(md)]) == 0
    assert md.read_text().startswith("# Story bank")
    toml = tmp_path / "bank.txt"
    assert main(["stories", "export", str(toml), "--format", "toml"]) == 0
    assert parse_toml(toml) == [story]
    bad = tmp_path / "bad.md"
    bad.write_text(BAD_MD)
    capsys.readouterr()
    assert main(["stories", "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:10: stories[1].mood" in err and "Nothing was changed" in err
    good = tmp_path / "good.toml"
    export_stories(STORIES, good)
    assert main(["stories", "import", str(good)]) == 0
    assert len(load_stories()[0]) == len(STORIES) + 1
    assert main(["stories", "add", "--title", "X", "--principles", "nope"]) == 2
