"""Question-and-answer transcripts: "A:" at a line's start speaks for the one person named in the line
that introduces the block ("Part of a press conference Kulkarni gave in Lahore:"), before its first
"Q:". The questions are the reporters'; an answer's label is a mention of that person, so that the
colon statement it opens is theirs (facts/attributions.colon_statement).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ..model import Actor
from . import columns
from .found import Found
from .nlp import PARSED_KEY

QUESTION, ANSWER = "Q", "A"
# a speaker's label opening a line: one to three capitalized words ("NBW:", "Q:", "Ana Ruiz:", "MS. RUIZ:"),
# perhaps with who they are in brackets ("MODERATOR (Ana Ruiz, the ministry's spokeswoman):")
LABEL = re.compile(r"([A-Z][\w.'’-]*(?:[ \u00a0][A-Z][\w.'’-]*){0,2})(?: \([^()\n]{1,120}\))?:[ \t\u00a0]*\S")


def answer_labels(doc: Doc, found: list[Found], actors: dict[str, Actor]) -> list[Found]:
    """Each "A:" label of a transcript, found as a mention of the person its introducing line names."""
    text = doc.user_data.get(PARSED_KEY) or doc.text  # Doc.text joins every token again
    out = list(found)
    for colon in (doc[i] for i in columns.where(doc, "text", (":",)) if i > 0 and doc[i - 1].text == ANSWER):
        label = doc[colon.i - 1]
        line = text.rfind("\n", 0, label.idx) + 1
        if text[line:label.idx].strip():
            continue  # "Plan A: ..." inside a line, not a label
        speaker = _introduced(doc, line, found, actors)
        if speaker is not None:
            out = [f for f in out if f.end <= label.i or f.start >= colon.i]
            out.append(Found(label.i, colon.i, speaker, "name"))
    return sorted(out, key=lambda f: f.start)


def _introduced(doc: Doc, line: int, found: list[Found], actors: dict[str, Actor]) -> str | None:
    """The one person named by the line ending with a colon that opens the block of "Q:"/"A:" lines
    above `line`, when a "Q:" line comes between them."""
    text, asked = doc.text, False
    end = line - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        row, stop = text[start:end].strip(), end
        end = start - 1
        if not row:
            continue
        if row.startswith(QUESTION + ":"):
            asked = True
            continue
        if row.startswith(ANSWER + ":"):
            continue
        if not row.endswith(":") or not asked:
            return None
        first = next((t.i for t in doc if t.idx >= start), None)
        last = next((t.i for t in doc if t.idx >= stop), len(doc))
        named = [f for f in found if first is not None and first <= f.start and f.end <= last]
        people = {k for f in named for k in _people(doc[f.start:f.end].text, f.key, actors)}
        return people.pop() if len(people) == 1 else None
    return None


def _people(name: str, key: str, actors: dict[str, Actor]) -> set[str]:
    """The person a name in the introducing line is: its own actor, or the one person of the document
    whose last name it is ("Kulkarni", which the tagger may read as a place)."""
    if getattr(actors.get(key), "kind", None) == "Person":
        return {key}
    return {k for k, a in actors.items() if a.kind == "Person" and " " in a.label and a.label.split()[-1] == name}


def question_before(text: str, label: int) -> int | None:
    """Where the "Q:" line answered by the "A:" label at `label` (a character offset) starts: the line
    just before it, blank lines apart."""
    line = text.rfind("\n", 0, label) + 1
    if text[line:label].strip():
        return None
    before = text[:line].rstrip()
    start = before.rfind("\n") + 1
    return start if before[start:].startswith(QUESTION + ":") else None


def in_turns(text: str, line: int) -> bool:
    """Is the labelled line starting at `line` a turn of an interview or transcript: the nearest line
    before it (blank lines apart) opens with another speaker's label ("NBW: Was there anything you could
    agree on?" before "Wulandari: We agreed to meet again")? Then the whole paragraph is that speaker's."""
    return turn_before(text, line) is not None


def turn_before(text: str, line: int) -> int | None:
    """Where the other speaker's turn just before the labelled line at `line` starts (blank lines apart),
    if it is one ("Review: What worries you most?" before "Pereira: ...")."""
    own = LABEL.match(text, line)
    before = text[:line].rstrip()
    start = before.rfind("\n") + 1
    other = LABEL.match(before, start)
    return start if own is not None and other is not None and other.group(1) != own.group(1) else None
