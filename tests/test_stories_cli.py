"""`mockloop stories` refuses what it cannot do well instead of guessing."""

from __future__ import annotations

from loops.stories import load_stories, parse_toml
from tui.cli import main


def test_add_refuses_a_title_already_banked(capsys):
    assert main(["stories", "add", "--title", "Checkout spinner"]) == 0
    capsys.readouterr()
    assert main(["stories", "add", "--title", "checkout SPINNER", "--principles", "ownership"]) == 2
    err = capsys.readouterr().err
    assert "already banked" in err and "checkout-spinner" in err
    assert [s.title for s in load_stories()[0]] == ["Checkout spinner"]


def test_export_takes_its_format_from_the_extension_or_refuses(tmp_path, capsys):
    assert main(["stories", "add", "--title", "Checkout spinner"]) == 0
    txt = tmp_path / "bank.txt"
    assert main(["stories", "export", str(txt)]) == 2
    assert "bank.txt" in capsys.readouterr().err and not txt.exists()
    assert main(["stories", "export", str(txt), "--format", "toml"]) == 0  # said explicitly
    assert [s.title for s in parse_toml(txt)] == ["Checkout spinner"]
    md = tmp_path / "bank.MD"
    assert main(["stories", "export", str(md)]) == 0
    assert md.read_text().startswith("# Story bank")
    toml = tmp_path / "bank.toml"
    assert main(["stories", "export", str(toml)]) == 0
    assert [s.title for s in parse_toml(toml)] == ["Checkout spinner"]


def test_list_names_every_principle_whole_within_80_columns(capsys):
    """The coverage cut names at 40 ("Success and Scale Bring Broad Responsibi")."""
    from loops.principles import PRINCIPLES

    assert main(["stories", "add", "--title", "Checkout spinner", "--principles", "ownership"]) == 0
    capsys.readouterr()
    assert main(["stories", "list"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    coverage = lines[lines.index("Coverage (stories per principle, most probed first):") + 1 :]
    for p in PRINCIPLES:
        assert any(line.strip().startswith(p.name + " ") for line in coverage), p.name
    # The lists of slugs wrap between slugs, each slug whole on a line.
    gaps = " ".join(line for line in lines if "," in line or line.startswith("  ")).split()
    assert "broad-responsibility" in gaps and "insist-on-the-highest-standards," in gaps
