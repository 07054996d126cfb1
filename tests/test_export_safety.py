"""Exports never crash the app and never change the permissions of a user's folder."""

from __future__ import annotations

import os

import pytest
from debrief_fixture import finished_loop
from textual.widgets._toast import Toast

from loops import paths
from tui.app import MockloopApp
from tui.screens.debrief import DebriefScreen


@pytest.mark.parametrize("why", ["a file is in the way", "permission denied"])
async def test_a_debrief_export_names_the_folder_it_cannot_make(clock, tmp_path, monkeypatch, why):
    sessions = tmp_path / "sessions"
    finished_loop()  # saved in the default sessions folder; moved to our own below
    paths.sessions_dir().rename(sessions)
    exports = paths.data_dir() / "exports"
    if why == "a file is in the way":
        paths.data_dir().rename(tmp_path / "old-data")
        paths.data_dir().write_text("not a folder\n")
    else:
        real_mkdir = os.mkdir

        def refuse(path, *args, **kwargs):
            if str(path) == str(exports):
                raise PermissionError(13, "Permission denied", str(path))
            return real_mkdir(path, *args, **kwargs)

        monkeypatch.setattr(os, "mkdir", refuse)
    app = MockloopApp(clock=clock, sessions_dir=sessions)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        await pilot.press("m")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)  # still running, still there
        toasts = [" ".join(str(t.render()).split()) for t in app.screen.query(Toast)]
        assert any(f"cannot make the folder {exports}" in t for t in toasts), toasts
    assert not exports.exists()


def _shared_folder(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    os.chmod(folder, 0o1777)
    return folder


@pytest.mark.parametrize("name", ["bank.md", "bank.toml"])
def test_stories_export_leaves_a_shared_folder_as_it_was(tmp_path, name, capsys):
    from loops.stories import Story, save_stories
    from tui.cli import main

    save_stories([Story(id="s", title="Checkout latency", principles=("ownership",))])
    folder = _shared_folder(tmp_path)
    assert main(["stories", "export", str(folder / name)]) == 0
    assert oct(folder.stat().st_mode & 0o7777) == oct(0o1777)  # the sticky bit stays
    assert oct((folder / name).stat().st_mode & 0o777) == oct(0o600)
    # mockloop's own folders are still made private.
    assert oct(paths.data_dir().stat().st_mode & 0o777) == oct(0o700)


def test_stories_export_to_a_missing_folder_is_refused_with_its_name(tmp_path, capsys):
    from loops.stories import Story, save_stories
    from tui.cli import main

    save_stories([Story(id="s", title="Checkout latency")])
    target = tmp_path / "no-such-folder" / "bank.md"
    assert main(["stories", "export", str(target)]) == 2
    assert str(target) in capsys.readouterr().err
    assert not target.parent.exists()


def test_debrief_export_with_o_leaves_a_shared_folder_as_it_was(tmp_path):
    from tui.cli import main

    session = finished_loop()
    folder = _shared_folder(tmp_path)
    for fmt in ("md", "html", "json"):
        out = folder / f"loop.{fmt}"
        assert main(["debrief", session.id, "--format", fmt, "-o", str(out)]) == 0
        assert oct(folder.stat().st_mode & 0o7777) == oct(0o1777)
        assert oct(out.stat().st_mode & 0o777) == oct(0o600)


# --- Markdown that a viewer runs nothing in and the importer reads back ------------

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click me](javascript:alert(1))",
    "Two lines\n## Injected heading",
    "C# and F#",
    "# starts with a hash",
    "- looks like a field: yes",
    "1. numbered",
    "*bold* _it_ `code` ~~gone~~ a | b",
    "&lt; an entity &amp; a backslash \\ and \\n",
    "===",
]


def _hostile_stories():
    from loops.stories import Story

    return [
        Story(
            id=f"s{n}",
            title=title,
            summary=f"First {title}\n- company: planted\n## Not a story\n---\n<b>x</b> {title}",
            principles=("ownership",),
            company=title,
            role="SDE II; then <i>Senior</i>",
            team="Payments, Checkout\nand more",
            when="2023",
            figures=("1,200 orders", "a, b; c", title),
        )
        for n, title in enumerate(HOSTILE)
    ]


def _rendered(markdown: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").render(markdown)


def test_hostile_stories_export_to_markdown_and_import_back_the_same(tmp_path, capsys):
    from loops.stories import load_stories, save_stories
    from tui.cli import main

    stories = _hostile_stories()
    save_stories(stories)
    out = tmp_path / "bank.md"
    assert main(["stories", "export", str(out)]) == 0
    html = _rendered(out.read_text())
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "<i>" not in html and 'href="javascript' not in html
    assert html.count("<h2>") == len(stories) and "<h1>" in html and "<h3>" not in html
    save_stories([])
    assert main(["stories", "import", str(out)]) == 0
    assert load_stories()[0] == stories


def test_the_debrief_markdown_runs_no_html_and_adds_no_heading(tmp_path):
    import dataclasses

    from loops.review.debrief import debrief_data
    from loops.review.exports import to_markdown
    from loops.store import save_session

    clean = finished_loop()
    hostile = finished_loop()
    hostile.answers = [
        dataclasses.replace(
            a, text=a.text + "\n" + "\n".join(HOSTILE), prompt=a.prompt + HOSTILE[3]
        )
        for a in hostile.answers
    ]
    rounds = [dataclasses.replace(r, interviewer=HOSTILE[0], title=HOSTILE[2])
              for r in hostile.plan.rounds]  # fmt: skip
    hostile.plan = dataclasses.replace(hostile.plan, rounds=rounds)
    save_session(hostile)
    html = _rendered(to_markdown(debrief_data(hostile)))
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown, as text
    for level in ("<h1>", "<h2>", "<h3>", "<h4>"):
        assert html.count(level) == _rendered(to_markdown(debrief_data(clean))).count(level)
