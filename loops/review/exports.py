"""Exports of a debrief: Markdown for notes, one self-contained HTML file, JSON.

Every format is rendered from ``Debrief.to_json`` (loops/review/debrief.py), the
one debrief value the screen shows, so an export never says something the screen
does not. The HTML file stands alone: inline CSS, no scripts, no links,
fonts or images from anywhere, so it opens offline and prints cleanly.
Everything the candidate typed is escaped. Files are written like sessions
(temp file, fsync, rename) and are owner-only (0600): a debrief quotes the
candidate's answers.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from loops import markdown as md
from loops.planner import kind_name
from loops.principles import BY_SLUG
from loops.private_files import atomic_write
from loops.review.debrief import decision_words, outcome_beside, shown_detail, similarity_text
from loops.timing import ACTION_SHARE_TARGET, SITUATION_TASK_TARGET, fmt_seconds
from scoring.model import VOTE_WORDS
from scoring.wording import plural, said_once

FORMATS = ("md", "html", "json")


class ExportError(ValueError):
    """An export cannot be written (unknown format, missing folder)."""


def vote_words(vote: str | None) -> str:
    return VOTE_WORDS.get(vote, vote) if vote else "not answered"


def _round_kind(rnd: dict[str, Any]) -> str:
    return kind_name("bar-raiser" if rnd["bar_raiser"] else str(rnd["kind"]))


def _heading(data: dict[str, Any]) -> str:
    s = data["session"]
    return f"Debrief: {s['level_name']} loop, {plural(s['rounds'], 'round')}"


def _facts_lines(data: dict[str, Any]) -> list[str]:
    s = data["session"]
    lines = [
        f"Session {s['id']}, started {s['created_at'] or 'unknown'}",
        f"Level {s['level_name']}, timing {s['timing']}, answers {s['mode']}",
        f"{plural(s['answer_count'], 'answer')}"
        + (f", {s['skipped_count']} skipped" if s["skipped_count"] else "")
        + f", {fmt_seconds(s['speaking_seconds'])} speaking time",
    ]
    if not s["finished"]:
        lines.append("Unfinished loop: the outcome counts only the answers given so far.")
    return lines


def _outcome_lines(data: dict[str, Any]) -> tuple[str, list[str]]:
    o = data["outcome"]
    head = decision_words(o["decision"])
    skipped = sum(1 for r in data["rounds"] for q in r["questions"] if q.get("skipped"))
    counts, bar_raiser = outcome_beside(
        o["reason"], o["inclined"], o["total"], skipped, o["bar_raiser_vote"]
    )
    lines = [o["reason"]]
    if counts:
        lines.append("; ".join(counts) + ".")
    if bar_raiser:
        lines.append(f"Bar Raiser (round {o['bar_raiser_round']}): {bar_raiser}")
    return head, lines


def _no(index: int) -> str:
    """An answer's number as a person counts it, from #1 (``index`` is its place in the
    JSON export's ``answers``, which counts from 0)."""
    return f"#{index + 1}"


def _named(slug: str) -> str:
    """A principle as every finding names it ("Dive Deep"), not its slug."""
    found = BY_SLUG.get(slug)
    return found.name if found else slug


def _reuse_pair(r: dict[str, Any]) -> str:
    i, j = r["answers"]
    return (
        f"Round {r['rounds'][0]} ({_named(r['principles'][0])}, answer {_no(i)}) and round "
        f"{r['rounds'][1]} ({_named(r['principles'][1])}, answer {_no(j)})"
    )


def _reuse_line(data: dict[str, Any], r: dict[str, Any]) -> str:
    return f"{_reuse_pair(r)} tell the same story (similarity {similarity_text(r['similarity'])})"


def _dismissed_reuse_line(r: dict[str, Any]) -> str:
    """A reuse the candidate said was two stories: their word, then what mockloop had
    read ("Not the same story: ... tell the same story" contradicted itself)."""
    return (
        f"{_reuse_pair(r)}: you said two stories; mockloop had read one "
        f"(similarity {similarity_text(r['similarity'])})"
    )


def _contradiction_head(data: dict[str, Any], c: dict[str, Any]) -> str:
    (i, j), (ri, rj) = c["answers"], c["rounds"]
    a, b = (_named(data["answers"][k]["principle"]) for k in (i, j))
    return f"{c['kind']}: round {ri} ({a}, answer {_no(i)}) and round {rj} ({b}, answer {_no(j)})"


SKIPPED = "skipped (nothing said, not scored)"
"""A question passed over, as the exports say it instead of a vote and its counts."""


def _detail(c: dict[str, Any]) -> str:
    """A contradiction's or check's detail as shown (``shown_detail``)."""
    return shown_detail(c["detail"], c.get("statements") or ())


def _answer_meta(a: dict[str, Any]) -> str:
    """ "clock 0:59 of 2:30 · 59 words, about 0:24 spoken · ...": the answer clock named
    as such, and a typed answer's length as judged (estimated from its words) beside
    it, so neither is taken for the other."""
    time_text = f"clock {fmt_seconds(a['seconds'])} of {fmt_seconds(a['target_seconds'])}"
    if a.get("skipped"):
        return f"{time_text} · {SKIPPED}"
    if a["auto_submitted"]:
        time_text += " (cut off)"
    elif a["overtime"]:
        time_text += " (over)"
    words = plural(a["words"], "word")
    if a.get("spoken_seconds") is not None and not a.get("spoken_measured"):
        words += f", about {fmt_seconds(a['spoken_seconds'])} spoken"
    parts = [
        time_text,
        words,
        f"I {a['i_count']} / we {a['we_count']}",
        "numbers: " + (", ".join(said_once(a["numbers"])) or "none"),
    ]
    if a["flags"]:
        parts.append("flags: " + ", ".join(a["flags"]))
    return " · ".join(parts)


def _beats_line(a: dict[str, Any]) -> str | None:
    split = a["beat_split"]
    if not split:
        return None
    return (
        f"Spoken: situation+task {fmt_seconds(split['situation_task'])} (target under "
        f"{fmt_seconds(SITUATION_TASK_TARGET)}{', too long' if split['setup_too_long'] else ''}), "
        f"action {split['action_share']:.0%} of the time (target about {ACTION_SHARE_TARGET:.0%})"
    )


def _skipped_principles(data: dict[str, Any]) -> set[str]:
    """The principles with a question skipped, as the debrief's grid marks them."""
    return {q["principle"] for r in data["rounds"] for q in r["questions"] if q.get("skipped")}


def _grid_cells(p: dict[str, Any], skipped: set[str]) -> list[str]:
    """One principle's row; a question of it that was skipped says so in its votes (as
    the debrief's grid does), where a bare "-" read as "never asked". A principle whose
    every question was skipped was not probed: nothing was said for it ("Probed: yes"
    beside "skipped" read as if it had been)."""
    votes = "; ".join(f"round {v['round']}: {vote_words(v['vote'])}" for v in p["votes"])
    probed = "yes" if p["probed"] else "no"
    if not votes and p["slug"] in skipped:
        votes = "skipped"
        probed = "no (skipped)"
    return [
        p["name"],
        probed,
        ", ".join(str(r) for r in p["rounds"]) or "-",
        votes or "-",
        vote_words(p["vote"]) if p["vote"] else "-",
    ]


_GRID_HEAD = ["Principle", "Probed", "Rounds", "Votes", "Debrief vote"]


# --- Markdown --------------------------------------------------------------------


def _md_cell(text: str) -> str:
    """Text from the loop (an answer, a name, a finding) on one line, escaped: a Markdown
    viewer shows it and runs or reads nothing in it (loops/markdown.py)."""
    return md.escape(" ".join(str(text).split()))


def _md_quote(text: str) -> list[str]:
    return [f"> {line}" if line else ">" for line in md.escape_block(text) or [""]]


def to_markdown(data: dict[str, Any]) -> str:
    """The debrief as Markdown notes: answers quoted in full, nothing left out, and
    everything the candidate or a file wrote escaped."""
    out = [f"# {_md_cell(_heading(data))}", ""]
    out += [f"- {_md_cell(line)}" for line in _facts_lines(data)]
    head, lines = _outcome_lines(data)
    out += ["", f"## Outcome: {head}", ""] + [f"- {_md_cell(line)}" for line in lines]

    out += ["", "## Across rounds", ""]
    if not data["reused"] and not data["contradictions"]:
        out.append("No story was told twice and no facts disagree between rounds.")
    if data["reused"]:
        out += ["### Stories told twice", ""]
        for r in data["reused"]:
            out.append(f"- {_md_cell(_reuse_line(data, r))}")
            out += [f"  - shared: {_md_cell(item)}" for item in r["shared"]]
        out.append("")
    if data["contradictions"]:
        out += ["### Facts that disagree", ""]
        for c in data["contradictions"]:
            out.append(f"- **{_md_cell(_contradiction_head(data, c))}**: {_md_cell(_detail(c))}")
        out.append("")
    if data["checks"]:
        out += ["### Worth checking (not counted against a vote)", ""]
        out += [
            f"- **{_md_cell(_contradiction_head(data, c))}**: {_md_cell(_detail(c))}"
            for c in data["checks"]
        ]
        out.append("")
    gone = data["dismissed"]
    if gone["reused"] or gone["contradictions"]:
        out += ["### Dismissed by you (not counted)", ""]
        out += [
            f"- Not the same story: {_md_cell(_dismissed_reuse_line(r))}" for r in gone["reused"]
        ]
        out += [
            f"- Not a conflict: {_md_cell(_contradiction_head(data, c))}: {_md_cell(_detail(c))}"
            for c in gone["contradictions"]
        ]
        out.append("")

    out += ["", "## Principles", ""]
    out.append("| " + " | ".join(_GRID_HEAD) + " |")
    out.append("|" + "---|" * len(_GRID_HEAD))
    skipped = _skipped_principles(data)
    for p in data["principles"]:
        out.append("| " + " | ".join(_md_cell(c) for c in _grid_cells(p, skipped)) + " |")

    answers = data["answers"]
    for rnd in data["rounds"]:
        who = f"{rnd['interviewer']}, {rnd['title']} ({_round_kind(rnd)})"
        out += [
            "",
            f"## Round {rnd['index']}: {_md_cell(who)}",
            "",
            f"Time on behavioral questions: {fmt_seconds(rnd['used_seconds'])} of "
            f"{fmt_seconds(rnd['budget_seconds'])}.",
        ]
        for q in rnd["questions"]:
            vote = vote_words(q["final_vote"]) if not q.get("skipped") else SKIPPED
            if q["final_vote"] != q["vote"]:
                vote += f" (was {vote_words(q['vote'])}; contradiction)"
            if q.get("self_vote"):
                vote += f"; your vote: {vote_words(q['self_vote'])} ({q['self_verdict']})"
            out += ["", f"### {_md_cell(q['principle_name'] + ': ' + vote)}", ""]
            for ev in q["vote_evidence"]:
                mark = "+" if ev["positive"] else "-"
                if not ev["quote"]:  # something missing: nothing to quote
                    out.append(f"- {mark} {_md_cell(ev['note'])} (answer {_no(ev['answer'])})")
                    continue
                out.append(
                    f'- {mark} "{_md_cell(ev["quote"])}" ({_md_cell(ev["note"])}, '
                    f"answer {_no(ev['answer'])})"
                )
            for f in q["flags"]:
                quote = f' "{_md_cell(f["quote"])}"' if f["quote"] else ""
                out.append(
                    f"- flag **{_md_cell(f['name'])}** (answer {_no(f['answer'])}): "
                    f"{_md_cell(f['message'])}{quote}"
                )
            for i in q["answers"]:
                a = answers[i]
                label = "Q" if a["kind"] == "main" else "Follow-up"
                out += ["", f"#### {_no(i)} {label}: {_md_cell(a['prompt'])}", ""]
                out.append(f"*{_md_cell(_answer_meta(a))}*")
                beats = _beats_line(a)
                if beats:
                    out.append(f"*{_md_cell(beats)}*")
                if not a.get("skipped"):
                    out += ["", *_md_quote(a["text"])]
            if not q["answers"]:
                out += [f"Not answered: {_md_cell(q['prompt'])}"]
    return "\n".join(out).rstrip() + "\n"


# --- HTML ------------------------------------------------------------------------

_CSS = """
:root { color-scheme: light; }
body { font-family: Georgia, "Times New Roman", serif; max-width: 46rem; margin: 2rem auto;
  padding: 0 1rem; line-height: 1.5; color: #1a1a1a; background: #fff; }
h1, h2, h3, h4 { font-family: Helvetica, Arial, sans-serif; line-height: 1.25; }
h2 { border-bottom: 1px solid #999; padding-bottom: .2rem; margin-top: 2rem; }
.facts, .meta { color: #444; font-size: .92rem; }
.hire { color: #116611; } .no-hire { color: #a11; }
.vote { font-family: Helvetica, Arial, sans-serif; font-size: .85rem; font-weight: bold; }
.strongly-inclined, .inclined { color: #116611; }
.not-inclined { color: #8a5a00; } .strongly-not-inclined { color: #a11; }
blockquote { margin: .4rem 0 1rem; padding: .2rem .8rem; border-left: 3px solid #bbb;
  white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; }
th, td { border: 1px solid #bbb; padding: .2rem .4rem; text-align: left; vertical-align: top; }
.flag { color: #a11; } .pos { color: #116611; } .neg { color: #a11; }
.finding { border: 1px solid #d99; padding: .4rem .8rem; margin: .5rem 0; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  section.question, .finding, tr { break-inside: avoid; page-break-inside: avoid; }
}
"""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _vote_span(vote: str | None) -> str:
    cls = f"vote {vote}" if vote else "vote"
    return f'<span class="{_e(cls)}">{_e(vote_words(vote))}</span>'


def to_html(data: dict[str, Any]) -> str:
    """One self-contained HTML page: inline CSS, no scripts, nothing fetched."""
    o = data["outcome"]
    head, lines = _outcome_lines(data)
    p: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(_heading(data))}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{_e(_heading(data))}</h1>",
        '<p class="facts">' + "<br>".join(_e(line) for line in _facts_lines(data)) + "</p>",
        f'<h2>Outcome: <span class="{_e(o["decision"])}">{_e(head)}</span></h2>',
        "<ul>" + "".join(f"<li>{_e(line)}</li>" for line in lines) + "</ul>",
        "<h2>Across rounds</h2>",
    ]
    if not data["reused"] and not data["contradictions"]:
        p.append("<p>No story was told twice and no facts disagree between rounds.</p>")
    for r in data["reused"]:
        shared = "".join(f"<li>shared: {_e(item)}</li>" for item in r["shared"])
        p.append(
            f'<div class="finding"><strong>Reused story.</strong> {_e(_reuse_line(data, r))}'
            f"<ul>{shared}</ul></div>"
        )
    for c in data["contradictions"]:
        p.append(
            f'<div class="finding"><strong>Contradiction, '
            f"{_e(_contradiction_head(data, c))}.</strong> "
            f"{_e(_detail(c))}</div>"
        )
    for c in data["checks"]:
        p.append(
            '<div class="finding"><strong>Worth checking (not counted against a vote).</strong> '
            f"{_e(_contradiction_head(data, c))}: {_e(_detail(c))}</div>"
        )
    gone = data["dismissed"]
    for r in gone["reused"]:
        p.append(
            '<div class="finding"><strong>Dismissed by you: not the same story.</strong> '
            f"{_e(_dismissed_reuse_line(r))}</div>"
        )
    for c in gone["contradictions"]:
        p.append(
            '<div class="finding"><strong>Dismissed by you: not a conflict.</strong> '
            f"{_e(_contradiction_head(data, c))}: {_e(_detail(c))}</div>"
        )

    p.append("<h2>Principles</h2><table><thead><tr>")
    p.append("".join(f"<th>{_e(h)}</th>" for h in _GRID_HEAD) + "</tr></thead><tbody>")
    skipped = _skipped_principles(data)
    for pr in data["principles"]:
        cells = _grid_cells(pr, skipped)
        p.append("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in cells) + "</tr>")
    p.append("</tbody></table>")

    answers = data["answers"]
    for rnd in data["rounds"]:
        p.append(
            f'<section class="round"><h2>Round {_e(rnd["index"])}: {_e(rnd["interviewer"])}, '
            f"{_e(rnd['title'])} ({_e(_round_kind(rnd))})</h2>"
        )
        p.append(
            f'<p class="meta">Time on behavioral questions: {_e(fmt_seconds(rnd["used_seconds"]))}'
            f" of {_e(fmt_seconds(rnd['budget_seconds']))}.</p>"
        )
        for q in rnd["questions"]:
            p.append(f'<section class="question"><h3>{_e(q["principle_name"])}: ')
            p.append(_vote_span(q["final_vote"]) if not q.get("skipped") else _e(SKIPPED))
            if q["final_vote"] != q["vote"]:
                p.append(f" (was {_vote_span(q['vote'])}; contradiction)")
            if q.get("self_vote"):
                p.append(f"; your vote: {_vote_span(q['self_vote'])} ({_e(q['self_verdict'])})")
            p.append("</h3><ul>")
            for ev in q["vote_evidence"]:
                cls, mark = ("pos", "+") if ev["positive"] else ("neg", "−")
                if not ev["quote"]:  # something missing: nothing to quote
                    p.append(
                        f'<li class="{cls}">{mark} {_e(ev["note"])} '
                        f"(answer {_no(ev['answer'])})</li>"
                    )
                    continue
                p.append(
                    f'<li class="{cls}">{mark} “{_e(ev["quote"])}” ({_e(ev["note"])}, '
                    f"answer {_no(ev['answer'])})</li>"
                )
            for f in q["flags"]:
                quote = f" “{_e(f['quote'])}”" if f["quote"] else ""
                p.append(
                    f'<li class="flag">flag <strong>{_e(f["name"])}</strong> '
                    f"(answer {_no(f['answer'])}): {_e(f['message'])}{quote}</li>"
                )
            p.append("</ul>")
            if not q["answers"]:
                p.append(f'<p class="meta">Not answered: {_e(q["prompt"])}</p>')
            for i in q["answers"]:
                a = answers[i]
                label = "Q" if a["kind"] == "main" else "Follow-up"
                p.append(f"<h4>{_no(i)} {label}: {_e(a['prompt'])}</h4>")
                p.append(f'<p class="meta">{_e(_answer_meta(a))}')
                beats = _beats_line(a)
                if beats:
                    p.append(f"<br>{_e(beats)}")
                p.append("</p>")
                if not a.get("skipped"):
                    p.append(f"<blockquote>{_e(a['text'])}</blockquote>")
            p.append("</section>")
        p.append("</section>")
    p += ["</body>", "</html>"]
    return "\n".join(p) + "\n"


# --- JSON and files ----------------------------------------------------------------


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render(data: dict[str, Any], fmt: str) -> str:
    if fmt == "md":
        return to_markdown(data)
    if fmt == "html":
        return to_html(data)
    if fmt == "json":
        return to_json(data)
    raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def write_export(data: dict[str, Any], fmt: str, path: Path | str) -> Path:
    """Write the export to ``path``: temp file, fsync, rename, owner-only (0600).

    The folder must exist, and its permissions are left alone: it is the
    user's folder (their Desktop, say), not mockloop's.
    """
    path = Path(path).expanduser()
    text = render(data, fmt)
    folder = path.parent
    if not folder.is_dir():
        raise ExportError(f"{folder}: no such folder")
    atomic_write(path, text, private_dir=False)
    return path
