"""Start-up benchmark: mockloop against a bare Textual app, in the same run.

Run from the repository root: ``python tests/benchmarks/bench_startup.py``
(with the venv's Python; ``--runs N`` changes the number of runs, 10 by
default). Target (issue): mockloop's median is at most 1.3 times the bare
app's. A benchmark reports; it does not assert.

What is measured, identically for every app:

* Each app runs as a fresh process (the same Python as this script) with a
  pseudo-terminal of 80x24 as its terminal (``pty.fork``, TIOCSWINSZ set in
  the child before exec; COLUMNS/LINES set to match, since Textual reads
  them first), TERM=xterm-256color, and a fresh MOCKLOOP_HOME.
* Compiled bytecode is kept between runs in a temporary folder
  (PYTHONPYCACHEPREFIX), as an installed copy has it; the first run of each
  app, which writes it, is discarded.
* The clock starts just before the fork.
* The output is fed to a tiny screen model (absolute cursor moves, text, and
  each cell's SGR style parameters), not matched as a raw stream: Textual
  repaints the footer late and the footer also says "New loop" and "Quit".
* "First paint": mockloop's home menu is drawn, i.e. rows reading
  "▊ New loop" and "▊ Quit" (the menu's first and last options) are on the
  screen; for the bare app, its one Static "Bare app ready" is.
* "Ready for input": right after that paint we send the Down arrow
  (``ESC [ B``) and wait for the app's answer to be drawn. In mockloop the
  menu highlight moves down one option, seen as the style of the option
  under the highlighted one changing; the bare app has a single binding for
  Down that changes its Static to "Bare app ready: down", the smallest
  visible answer a key can get. The start-up figure is the time from the
  fork to that answer (first paint plus one key round trip), so an app that
  paints early but is still busy is not counted as ready.
* Then Ctrl+Q, and the process is waited for (killed if it hangs); "to
  exit" is the time from the fork to its exit, the cost of a whole run.

Runs are interleaved (bare, mockloop, mockloop with 20 sessions, bare, ...)
so drift in machine load hits all three alike; one warm-up round is run
first and discarded (it fills the page cache and writes .pyc files).
The third figure uses a MOCKLOOP_HOME holding 20 saved, unfinished sessions
(5-round SDE II plans from loops.planner.plan_loop, half with a draft),
since the home screen reads the session folder at start-up.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import fcntl
import os
import platform
import pty
import re
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

COLS, ROWS = 80, 24
DOWN = b"\x1b[B"
CTRL_Q = b"\x11"
TIMEOUT = 30.0

BARE_APP = """
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Static


class Bare(App[None]):
    BINDINGS = [Binding("down", "answer", "Answer")]

    def compose(self) -> ComposeResult:
        yield Static("Bare app ready", id="s")

    def action_answer(self) -> None:
        self.query_one("#s", Static).update("Bare app ready: down")


if __name__ == "__main__":
    Bare().run()
"""

_ESC_RE = re.compile(
    r"\x1b\[(?P<csi>[0-?]*)[ -/]*(?P<final>[@-~])"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1bP[^\x1b]*\x1b\\|\x1b[^\[\]P]"
)
_INCOMPLETE_RE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*|\][^\x07\x1b]*|P[^\x1b]*|)$")


class ScreenModel:
    """Just enough terminal to read Textual's output: absolute moves, text, and
    each cell's SGR (style) parameters, so a moved highlight can be seen."""

    def __init__(self) -> None:
        self.chars = [[" "] * COLS for _ in range(ROWS)]
        self.styles = [[""] * COLS for _ in range(ROWS)]
        self.x = self.y = 0
        self.sgr = ""
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._pending = ""

    def feed(self, data: bytes) -> None:
        text = self._pending + self._decoder.decode(data)
        tail = _INCOMPLETE_RE.search(text)
        self._pending = text[tail.start() :] if tail else ""
        text = text[: tail.start()] if tail else text
        pos = 0
        for m in _ESC_RE.finditer(text):
            self._put(text[pos : m.start()])
            params, final = m.group("csi") or "", m.group("final") or ""
            if final == "m":
                self.sgr = "" if params in ("", "0") else params
            elif final in ("H", "f") and params and params[0].isdigit():
                row, _, col = params.partition(";")
                self.y = min(int(row or 1), ROWS) - 1
                self.x = min(int(col or 1), COLS) - 1
            pos = m.end()
        self._put(text[pos:])

    def _put(self, text: str) -> None:
        for ch in text:
            if ch == "\r":
                self.x = 0
            elif ch == "\n":
                self.y = min(ROWS - 1, self.y + 1)
            elif ch >= " " and self.x < COLS:
                self.chars[self.y][self.x] = ch
                self.styles[self.y][self.x] = self.sgr
                self.x += 1

    def rows(self) -> list[str]:
        return ["".join(r) for r in self.chars]

    def find(self, prefix: str) -> tuple[int, int] | None:
        """(row, column) of the first row whose text, stripped, starts with ``prefix``."""
        for y, row in enumerate(self.rows()):
            text = row.strip()
            if text.startswith(prefix):
                return y, row.index(prefix)
        return None


@dataclass
class Run:
    painted: float
    """Seconds from the fork to the first screen drawn (menu or Static)."""
    ready: float
    """Seconds from the fork to the answer to a key sent right after that paint."""
    ended: float
    """Seconds from the fork to the process's exit after Ctrl+Q, sent right after the answer:
    a whole run, so a thread that makes the exit wait is counted."""


class Probe:
    """How to tell, from the screen, that an app has painted and has answered Down."""

    def painted(self, screen: ScreenModel) -> bool:
        raise NotImplementedError

    def mark(self, screen: ScreenModel) -> None:
        """Called when the key is sent."""

    def answered(self, screen: ScreenModel) -> bool:
        raise NotImplementedError


class BareProbe(Probe):
    def painted(self, screen: ScreenModel) -> bool:
        return screen.find("Bare app ready") is not None

    def answered(self, screen: ScreenModel) -> bool:
        return screen.find("Bare app ready: down") is not None


class MenuProbe(Probe):
    """mockloop's home menu is drawn (its first and last options are on screen);
    Down has been answered when the option under the highlighted one changes
    style (the highlight has moved onto it). The home screen highlights the
    first "Resume:" option when there is one, else "New loop"."""

    def painted(self, screen: ScreenModel) -> bool:
        return screen.find("▊ New loop") is not None and screen.find("▊ Quit") is not None

    def mark(self, screen: ScreenModel) -> None:
        first = screen.find("▊ New loop")
        assert first is not None
        y, x = first
        highlighted = y + 1 if screen.rows()[y + 1].strip().startswith("▊ Resume:") else y
        self.row, self.col = highlighted + 1, x + 2  # the next option's first letter
        self.before = screen.styles[self.row][self.col]

    def answered(self, screen: ScreenModel) -> bool:
        return screen.styles[self.row][self.col] != self.before


@dataclass
class Target:
    name: str
    argv: list[str]
    home: Path
    probe: type[Probe]


def measure(target: Target) -> Run:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    # shutil.get_terminal_size (which Textual uses) prefers COLUMNS/LINES to the
    # pty's size: set them to the same 80x24 so an exported value cannot skew a run.
    env.update(
        TERM="xterm-256color", MOCKLOOP_HOME=str(target.home), COLUMNS=str(COLS), LINES=str(ROWS)
    )
    env.pop("NO_COLOR", None)
    # Bytecode is kept between runs, as in any installed copy (pip compiles it on
    # install). This machine sets PYTHONDONTWRITEBYTECODE, which would make every
    # run compile mockloop's modules from source (it is run from the checkout).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(target.home.parent / "pycache")
    winsize = struct.pack("HHHH", ROWS, COLS, 0, 0)
    screen = ScreenModel()
    probe = target.probe()
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, winsize)
            os.chdir(ROOT)
            os.execve(target.argv[0], target.argv, env)
        finally:
            os._exit(127)
    exited = False
    ended = float(TIMEOUT)

    def read_until(cond: Callable[[ScreenModel], bool], what: str) -> float:
        deadline = time.perf_counter() + TIMEOUT
        while not cond(screen):
            if time.perf_counter() > deadline:
                raise RuntimeError(
                    f"{target.name}: no {what} within {TIMEOUT:.0f}s; screen:\n"
                    + "\n".join(screen.rows())
                )
            ready, _, _ = select.select([fd], [], [], 0.5)
            if ready:
                try:
                    data = os.read(fd, 65536)
                except OSError:
                    data = b""
                if not data:
                    raise RuntimeError(
                        f"{target.name} exited early; screen:\n" + "\n".join(screen.rows())
                    )
                screen.feed(data)
        return time.perf_counter() - start

    try:
        painted = read_until(probe.painted, "first paint")
        probe.mark(screen)
        os.write(fd, DOWN)
        ready = read_until(probe.answered, "answer to Down")
        os.write(fd, CTRL_Q)
        deadline = time.perf_counter() + 10
        while time.perf_counter() < deadline:
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                exited = True
                ended = time.perf_counter() - start
                break
            r, _, _ = select.select([fd], [], [], 0.05)
            if r:
                with contextlib.suppress(OSError):
                    os.read(fd, 65536)
    finally:
        if not exited:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)
    return Run(painted, ready, ended)


def make_sessions(home: Path, count: int) -> None:
    """``count`` saved, unfinished loops, as the home screen would find them."""
    os.environ["MOCKLOOP_HOME"] = str(home)
    from loops.bank import load_bank
    from loops.planner import plan_loop
    from loops.session import LoopSettings, Session
    from loops.store import save_session

    bank = load_bank()
    folder = home / "data" / "sessions"
    for n in range(count):
        seed = 1000 + n
        plan = plan_loop(bank, "sde2", 5, seed)
        session = Session(
            id=f"20261101-0900{n:02d}-{n:04x}",
            settings=LoopSettings("sde2", 5, seed=seed),
            plan=plan,
        )
        if n % 2:
            step = session.current_step()
            assert step is not None
            session.set_draft(
                step, f"Draft {n}: the situation was this, and I did that. " * 8, 42.0
            )
        save_session(session, folder)


def fmt(runs: list[Run], attr: str) -> tuple[float, float]:
    values = [getattr(r, attr) * 1000 for r in runs]
    return statistics.median(values), min(values)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--sessions", type=int, default=20)
    args = parser.parse_args()

    import textual

    with tempfile.TemporaryDirectory(prefix="mockloop-bench-") as tmp:
        tmpdir = Path(tmp)
        bare_file = tmpdir / "bare_app.py"
        bare_file.write_text(BARE_APP, encoding="utf-8")
        empty_home = tmpdir / "empty-home"
        full_home = tmpdir / "full-home"
        empty_home.mkdir(mode=0o700)
        make_sessions(full_home, args.sessions)

        py = sys.executable
        targets = [
            Target("bare Textual app", [py, str(bare_file)], empty_home, BareProbe),
            Target("mockloop, no sessions", [py, "-m", "tui"], empty_home, MenuProbe),
            Target(f"mockloop, {args.sessions} sessions", [py, "-m", "tui"], full_home, MenuProbe),
        ]
        results: dict[str, list[Run]] = {t.name: [] for t in targets}
        for t in targets:  # warm-up, discarded
            measure(t)
        for i in range(args.runs):
            for t in targets:
                results[t.name].append(measure(t))
            print(
                f"run {i + 1}/{args.runs}: "
                + ", ".join(f"{t.name} {results[t.name][-1].ready * 1000:.0f} ms" for t in targets),
                file=sys.stderr,
            )

    print(
        f"Python {platform.python_version()} ({sys.executable}), Textual {textual.__version__}, "
        f"{os.cpu_count()} CPUs, {args.runs} runs each, interleaved, 80x24 pty"
    )
    print()
    print(f"{'':28} {'ready (paint + key)':>24} {'first paint':>22} {'to exit (+Ctrl+Q)':>22}")
    print(
        f"{'':28} {'median':>11} {'min':>12} {'median':>10} {'min':>11} {'median':>10} {'min':>11}"
    )
    for t in targets:
        rm, rmin = fmt(results[t.name], "ready")
        pm, pmin = fmt(results[t.name], "painted")
        em, emin = fmt(results[t.name], "ended")
        print(
            f"{t.name:28} {rm:8.0f} ms {rmin:9.0f} ms {pm:7.0f} ms {pmin:8.0f} ms"
            f" {em:7.0f} ms {emin:8.0f} ms"
        )
    bare_ready = fmt(results[targets[0].name], "ready")[0]
    bare_paint = fmt(results[targets[0].name], "painted")[0]
    bare_ended = fmt(results[targets[0].name], "ended")[0]
    print()
    for t in targets[1:]:
        ratio = fmt(results[t.name], "ready")[0] / bare_ready
        pratio = fmt(results[t.name], "painted")[0] / bare_paint
        eratio = fmt(results[t.name], "ended")[0] / bare_ended
        verdict = "within" if ratio <= 1.3 else "ABOVE"
        print(
            f"{t.name} / bare: {ratio:.2f}x ready, {pratio:.2f}x first paint "
            f"({verdict} the 1.3x target), {eratio:.2f}x to exit"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
