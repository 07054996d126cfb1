"""The story bank: list, add, edit and delete stories, and see what they cover."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from loops.principles import SLUGS
from loops.problems import FileProblem, FileProblemError
from loops.review.wear import Wear, fallback_text, principles_text, wear_text
from loops.stories import (
    Story,
    StoryConflict,
    bank_add,
    bank_delete,
    bank_edit,
    coverage_rows,
    load_stories,
    split_list,
    unknown_principles,
)
from tui.folders import sessions_folder
from tui.plain import plain

_CSS = "../stories.tcss"


def wear_lines(wear: Wear | None, story: Story | None) -> str:
    """The highlighted story's wear, then the bank's worn stories and fallbacks, as text."""
    if wear is None:
        return "Wear: counting your saved loops..."
    lines = []
    w = wear.of(story.id) if story is not None else None
    if w is not None:
        lines.append(f"Wear: {wear_text(w, wear.loops)}")
        told_for = principles_text(w)
        if told_for:
            lines.append(f"  told for {told_for}")
    titles = {x.story.id: x.story.title for x in wear.stories}
    if wear.worn:
        worn = "; ".join(titles[i] for i in wear.worn)
        lines.append(f"WORN (told in more than half of your loops): {worn}")
    lines += [fallback_text(f, titles.get(f.story_id, f.story_id)) for f in wear.fallbacks]
    return "\n".join(lines)


def coverage_text(stories: list[Story]) -> str:
    """The coverage grid as text: readable without colour."""
    lines = ["Coverage: stories per principle (most probed first)"]
    for _slug, name, count, mark in coverage_rows(stories):
        lines.append(f"{name[:36]:<36} {count:>2}  {mark}")
    return "\n".join(lines)


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]
    CSS_PATH = _CSS

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Static(plain(self.question))
            yield Static("y: yes   n / Esc: no", classes="hint")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class StoryFormScreen(ModalScreen[Story | None]):
    """Add or edit a story; Ctrl+S saves, Esc cancels; bad input keeps what was typed."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]
    CSS_PATH = _CSS

    def __init__(self, story: Story | None = None) -> None:
        super().__init__()
        self.story = story

    def compose(self) -> ComposeResult:
        s = self.story or Story(id="", title="")
        with VerticalScroll(id="story-form"):
            yield Static("Edit story" if self.story else "New story", classes="heading")
            # At the top, not under the summary: below it the error was out of view at
            # 80x24 and Ctrl+S looked like it did nothing. Hidden while there is none.
            yield Static("", id="form-error", markup=False)
            for key, value, hint in (
                ("title", s.title, "a short name you will recognise"),
                ("principles", ", ".join(s.principles), "comma-separated slugs"),
                ("company", s.company, ""),
                ("role", s.role, "e.g. SDE II"),
                ("team", s.team, ""),
                ("when", s.when, "e.g. 2023 Q3"),
                ("figures", "; ".join(s.figures), "key figures, separated by ; or ,"),
            ):
                with Horizontal(classes="field"):
                    yield Label(key.capitalize())
                    yield Input(value, placeholder=hint, id=f"f-{key}", compact=True)
            yield Static("Slugs: " + ", ".join(SLUGS), classes="hint", id="slugs")
            yield Label("Summary (Situation, Task, Action, Result)")
            yield TextArea(s.summary, id="f-summary")
            yield Static("Tab: next field   Ctrl+S: save   Esc: cancel", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#form-error").display = False
        self.query_one("#f-title", Input).focus()

    def _refuse(self, message: str, field: str) -> None:
        """Say what is wrong at the top of the form and put the cursor in the bad field."""
        error = self.query_one("#form-error", Static)
        error.update(message)
        error.display = True
        self.query_one("#story-form").scroll_home(animate=False)
        self.query_one(f"#f-{field}", Input).focus(scroll_visible=False)

    def _value(self, key: str) -> str:
        return self.query_one(f"#f-{key}", Input).value.strip()

    def action_save(self) -> None:
        title = self._value("title")
        principles = split_list(self._value("principles"))
        if not title:
            self._refuse("The title is missing: every story needs one.", "title")
            return
        unknown = unknown_principles(principles)
        if unknown:
            self._refuse(
                f"Unknown principle {', '.join(unknown)}: use the slugs listed below.",
                "principles",
            )
            return
        base = self.story or Story(id="", title="")
        self.dismiss(
            replace(
                base,
                title=title,
                summary=self.query_one("#f-summary", TextArea).text.strip(),
                principles=tuple(dict.fromkeys(principles)),
                company=self._value("company"),
                role=self._value("role"),
                team=self._value("team"),
                when=self._value("when"),
                figures=tuple(split_list(self._value("figures"))),
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)


class StoryBankScreen(Screen[None]):
    BINDINGS = [
        # Priority: the focused list would otherwise take Enter with its own, unshown
        # binding, and the footer said "e Edit" but not what Enter does (the same).
        # At 80 columns there is room for one of the two: Enter, the key people try.
        Binding("enter", "edit", "Edit", priority=True),
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit", show=False),
        Binding("d", "delete", "Delete"),
        Binding("t", "drill", "Drill"),
        Binding("escape", "app.pop_screen", "Back"),
    ]
    CSS_PATH = _CSS

    def __init__(self) -> None:
        super().__init__()
        self.stories: list[Story] = []
        self.problems: list[FileProblem] = []
        self.wear: Wear | None = None
        """Of the stories shown, across every saved session; None while it is counted."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="story-bank"):
            yield Static("Story bank", classes="heading")
            yield OptionList(id="story-list")
            yield Static("", id="wear")
            yield Static("", id="story-problems")
            yield Static("", id="coverage")
        yield Footer()

    def on_mount(self) -> None:
        self.stories, self.problems = load_stories()
        self.refresh_bank()

    @work(thread=True, exclusive=True, group="wear", exit_on_error=False)
    def count_wear(self, stories: list[Story]) -> None:
        """Match the saved sessions to the bank, off the UI thread (tens of ms a loop not
        matched before)."""
        from loops.review.wear import load_wear

        wear, _ = load_wear(sessions_folder(self.app), stories=stories)
        self.app.call_from_thread(self.show_wear, stories, wear)

    def show_wear(self, stories: list[Story], wear: Wear) -> None:
        if stories is not self.stories:
            return  # the bank changed meanwhile; its own count is under way
        self.wear = wear
        self._label_stories()
        self._show_current_wear()

    def _show_current_wear(self) -> None:
        if self.problems:
            text = "Wear: not counted while the bank file cannot be read."
        else:
            text = wear_lines(self.wear, self._current())
        self.query_one("#wear", Static).update(plain(text))

    def _read_only(self) -> bool:
        """Refuse a change before any form opens, so nothing typed into it is lost."""
        if not self.problems:
            return False
        self.notify(
            f"The story bank is read-only until its file is fixed: {self.problems[0]}",
            severity="error",
            timeout=15,
            markup=False,
        )
        return True

    @on(OptionList.OptionHighlighted, "#story-list")
    def _highlighted(self) -> None:
        self._show_current_wear()

    def _label_stories(self) -> None:
        """Mark worn stories in the list, readable without colour."""
        worn = self.wear.worn if self.wear is not None else ()
        menu = self.query_one("#story-list", OptionList)
        for k, s in enumerate(self.stories):
            mark = "  WORN" if s.id in worn else ""
            label = f"{s.title}  [{', '.join(s.principles) or 'no principle'}]{mark}"
            menu.replace_option_prompt_at_index(k, plain(label))

    def refresh_bank(self, highlight: str | None = None) -> None:
        menu = self.query_one("#story-list", OptionList)
        menu.clear_options()
        menu.add_options([Option("", id=s.id) for s in self.stories])
        self.wear = None
        self._label_stories()
        if not self.stories:
            menu.add_option(Option("No stories yet: press a to add one.", id="", disabled=True))
        ids = [s.id for s in self.stories]
        if highlight in ids:
            menu.highlighted = ids.index(highlight)
        elif ids and menu.highlighted is None:
            menu.highlighted = 0  # so the wear shown is of a story from the start
        menu.focus()
        note = self.query_one("#story-problems", Static)
        if self.problems:
            lines = ["The bank file cannot be read, so it is left untouched (read-only):"]
            note.update(plain("\n".join(lines + [f"  {p}" for p in self.problems[:5]])))
        else:
            note.update("")
        self.query_one("#coverage", Static).update(plain(coverage_text(self.stories)))
        self._show_current_wear()
        if not self.problems:
            self.count_wear(self.stories)

    def _current(self) -> Story | None:
        index = self.query_one("#story-list", OptionList).highlighted
        if index is None or not 0 <= index < len(self.stories):
            return None
        return self.stories[index]

    def _save(self, change: Callable[[], list[Story]], highlight: str | None = None) -> None:
        """Apply one change to the bank on disk (loops.stories re-reads it under a lock,
        so stories added elsewhere meanwhile are kept) and show the bank as written."""
        if self.problems:
            self.notify("The bank file has problems; fix it first.", severity="error")
            return
        try:
            self.stories = change()
        except StoryConflict as exc:
            self.notify(str(exc), severity="error", timeout=15)
            self.stories, self.problems = load_stories()
        except FileProblemError as exc:
            self.notify(f"Not saved: {exc}", severity="error", timeout=15)
            self.stories, self.problems = load_stories()
        except OSError as exc:
            self.notify(f"Could not save: {exc}", severity="error", timeout=10)
            return
        self.refresh_bank(highlight)

    def action_add(self) -> None:
        if self._read_only():
            return

        def done(story: Story | None) -> None:
            if story is not None:
                added: list[Story] = []

                def change() -> list[Story]:
                    stories, new = bank_add(story)
                    added.append(new)
                    return stories

                self._save(change)
                if added:
                    self.refresh_bank(added[0].id)

        self.app.push_screen(StoryFormScreen(), done)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter and e edit a story: not shown while the bank has none."""
        if action == "edit":
            return bool(self.stories)
        return True

    @on(OptionList.OptionSelected, "#story-list")
    def action_edit(self) -> None:
        current = self._current()
        if current is None or self._read_only():
            return

        def done(story: Story | None) -> None:
            if story is not None:
                self._save(lambda: bank_edit(current, story), story.id)

        self.app.push_screen(StoryFormScreen(current), done)

    def action_delete(self) -> None:
        current = self._current()
        if current is None or self._read_only():
            return

        def done(yes: bool | None) -> None:
            if yes:
                self._save(lambda: bank_delete(current))

        self.app.push_screen(ConfirmScreen(f"Delete the story {current.title!r}?"), done)

    def action_drill(self) -> None:
        """Tell the highlighted story at 30 s, 60 s, 90 s and 2 min (tui/screens/drill.py)."""
        from loops.settings import load_settings
        from tui.messages import DrillRequested
        from tui.screens.drill import DrillStartScreen

        current = self._current()
        if current is None:
            self.notify("Pick a story first: up and down move through the list.")
            return

        def chosen(mode: str | None) -> None:
            if mode is not None:
                self.post_message(DrillRequested(current, mode))

        self.app.push_screen(DrillStartScreen(current, load_settings().settings.mode), chosen)
