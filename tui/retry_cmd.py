"""`mockloop retry`: the questions of past loops (and imported interviews) that can be
asked again, or one retried.

With no argument it lists every answered question of every saved loop, each
with its attempts and, for a question retried before, the vote of each
attempt (``--json`` prints the same as data). With ``SESSION ROUND QUESTION``
it checks the question exists and was answered, then starts the app on a
retry of it: played under the loop's clock and follow-up script, then
compared with the attempt before it. Exit codes: 0 done; 2 when the session
cannot be found or read, or the round or question is not one that was
answered (the message says which exist), or a saved session was skipped.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from loops.principles import BY_SLUG
from loops.review.retry import Retryable, RetryError, described, retryable, start_retry
from loops.store import load_sessions
from scoring.wording import plural
from tui.votes import attempts_votes, clip

USAGE = "mockloop retry SESSION ROUND QUESTION"


def _err(message: str) -> None:
    print(f"mockloop retry: {message}", file=sys.stderr)


def _json(q: Retryable) -> dict[str, Any]:
    """A question as data: ``question`` counts from 1, as the command takes it."""
    return {**q.to_json(), "question": q.ref.question_index + 1}


def _trend(q: Retryable) -> str:
    if len(q.attempts) == 1:
        return "1 attempt"
    votes = attempts_votes([a.vote for a in q.attempts], lower=True).plain
    return f"{len(q.attempts)} attempts: {votes}"


def run_list(as_json: bool) -> int:
    """Every retryable question, newest loop first; exit 2 if a session was skipped."""
    loaded = load_sessions()
    for problem in loaded.problems:
        _err(f"skipped {problem}")
    questions = retryable(loaded.sessions)
    if as_json:
        print(json.dumps({"questions": [_json(q) for q in questions]}, indent=2,
                         ensure_ascii=False))  # fmt: skip
    elif not questions:
        print("No answered question to retry yet: finish a loop first.")
    else:
        print(f"{plural(len(questions), 'question')} you can retry; start one with {USAGE}")
        by_id = {s.id: s for s in loaded.sessions}
        loop = None
        for q in questions:
            if q.ref.session_id != loop:
                loop = q.ref.session_id
                told = by_id[loop]
                what = (
                    described(told).removeprefix("the ") + ","
                    if told.origin.kind == "import"
                    else "loop of"
                )
                print(f"\n{loop} ({what} {q.loop_date})")
            name = BY_SLUG[q.principle].name if q.principle in BY_SLUG else q.principle
            print(f"  {q.ref.round} {q.ref.question_index + 1}  {name}: {_trend(q)}")
            print(f"       {clip(q.prompt, 70)}")
    return 2 if loaded.problems else 0


def run_retry(session_arg: str, round_index: int, question: int) -> int:
    """Check the question, then start the app on a retry of it."""
    from tui.debrief_cmd import open_session

    session = open_session(session_arg)
    if session is None:
        return 2
    try:
        start_retry(session, round_index, question - 1, "check")  # the same checks, no save
    except RetryError as exc:
        _err(f"{exc}. `mockloop retry` lists the questions you can retry")
        return 2
    from tui.app import MockloopApp

    app = MockloopApp(retry=(session, round_index, question - 1))
    app.run()
    return app.return_code or 0
