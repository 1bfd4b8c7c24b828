"""Question templates as data: a dataclass plus one SPARQL file each (service/qa/templates/*.rq).

Like Datasette's canned queries, a template's parameters are bound by name, never formatted in:
the embedded store binds them with pyoxigraph substitutions, a remote store with a VALUES block
built from term objects (store.base.bind_values).

The .rq files may hold comment lines that expand into query text before a query runs (#if, #same,
#reach, #held, #linked, #at ...): templates/README.md says what each does (service/qa/macros.py expands them).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..store.base import Store, Term, bind_values
from .joint import could_join
from .macros import (
    APART,
    HELD,
    LINKED,
    REORDERED,
    any_length,
    bound_reach,
    expand,
    reaching,
    within_one_document,
)
from .reach import PREFIX

FOLDER = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Template:
    id: str
    description: str
    parameters: tuple[str, ...]  # names a question can fill; all optional unless in `required`
    examples: tuple[str, ...]
    file: str
    required: tuple[str, ...] = ()
    kinds: tuple[str, ...] = field(default=())  # fact kinds it answers about (for the catalogue)
    # Bind the parameters as a VALUES block on every store. Oxigraph plans a query before applying the
    # embedded store's substitutions, so a parameter used directly in a triple pattern ("?fact
    # kg:holder ?actor") looks unbound and the plan starts from every fact of the kind (5x slower at
    # 1 M facts for roles); where macros already bind the actors in reach, substitutions plan better.
    values: bool = False
    # What the answerer does for this template beyond running its query (service/qa/plans.py, answer.py):
    looked_for: str = ""  # what a question found nothing of, in words ("No facts ... (looked for: ...)")
    documents: bool = False  # its rows are documents and their mentions (?doc ?mention ?id), answered as such
    details: tuple[str, ...] = ()  # answers giving one of these values first (a meeting with no time, place
    #                                or length does not answer "when"); the facts are sifted, so more are loaded
    without_actor: str = ""  # asked with no actor found: no answer, this message instead
    by_source: str = ""  # the template asked instead when the actor names a source and no actor ("what does
    #                      the Other Post say about X": the actor becomes the source, the topic the actor)
    speech: bool = False  # a verb of saying asks what was said before what the writer says was thought
    only_verb: bool = False  # a verb naming no kind ("reaffirm"): only the facts told with that verb, if any
    synonyms: bool = False  # the verb's synonyms asked in turn ("set up" for "establish")
    by_verb: str = ""  # then any fact told with the question's verb, by this template

    @cached_property
    def text(self) -> str:
        return (FOLDER / self.file).read_text(encoding="utf-8")

    def query(self, given: set[str], *, broad: bool = False, macros: bool = True) -> str:
        """The query with the blocks of absent parameters dropped and the macros expanded (macros
        False: left as they are, for run() to bind)."""
        out, keep = [], [True]
        for line in self.text.splitlines():
            stripped = line.strip()
            if stripped.startswith("#if "):
                keep.append(keep[-1] and stripped[4:].strip() in given)
                continue
            if stripped.startswith("#unless "):
                keep.append(keep[-1] and stripped[8:].strip() not in given)
                continue
            if stripped == "#end":
                keep.pop()
                continue
            if not keep[-1]:
                continue
            out.append(expand(line, broad) if macros else line)
        return "\n".join(out) + "\n"

    @property
    def reaches(self) -> bool:
        return "#reach" in self.text or bool(HELD.search(self.text)) or any(  # #held-by reaches no one
            m.group(6) for m in LINKED.finditer(self.text))

    def needs(self, given: set[str]) -> list[tuple[str, str]]:
        """(parameter, pattern) for each given parameter but the actor whose own lines are a pattern every
        answer must match: its `#if` block, or an unconditional triple pattern naming it. A pattern that
        matches nothing anywhere in the graph means the whole query finds nothing: a few index look-ups
        tell it (can_match) before the query reads every fact of a frequent actor. Blocks with a FILTER
        (about other variables) or a #reach (its reach depends on the pass) are not used, nor a path of
        any length from ?fact to the parameter (the parameter, a term of the graph, matches it itself)."""
        out, block, name, depth = [], [], None, 0
        for line in self.text.splitlines():
            stripped = line.strip()
            if stripped.startswith(("#if ", "#unless ")):  # an #unless block is never a need
                depth += 1
                if depth == 1:
                    name, block = (stripped[4:].strip() if stripped.startswith("#if ") else None), []
                continue
            if stripped == "#end":
                depth -= 1
                if depth == 0 and name in given and name != "actor" and block and not any(
                        "FILTER" in b or "#reach" in b or "#held" in b or reaching(b) for b in block) \
                        and not any_length(block, name):
                    out.append((name, "\n".join(block)))
                continue
            if depth:
                block.append(line)
                continue
            for param in sorted(given - {"actor"}):
                if stripped.startswith("?fact ") and re.search(rf"\?{param}\b", stripped) and "#" not in stripped:
                    out.append((param, line))
        return out

    def can_match(self, store: Store, bindings: dict[str, Term], *, index=None) -> bool:
        """False when a pattern of needs() finds nothing (then run() would find no row at all)."""
        for name, pattern in self.needs(set(bindings)):
            # a SELECT of one row inside one document graph, as the templates run (every store plans it)
            query = PREFIX + "SELECT ?fact WHERE {\n" + pattern + "\n}\n"
            query = within_one_document(bound_reach(query, store, {name: bindings[name]}, False, index, few=None))
            query += "LIMIT 1\n"
            if not store.select(bind_values(query, {name: bindings[name]}) if f"?{name}" in query else query):
                return False
        return True

    def run(self, store: Store, bindings: dict[str, Term], *, broad: bool = False, limit: int | None = None,
            index=None, indexed: bool = False, down: bool = False) -> tuple[list[dict[str, Term]], str]:
        """Rows of the query with `bindings`, and the query as it ran (parameters shown bound).
        broad: #reach also follows roles (officials of a country, a leader's country). limit: at most
        that many rows, the first the engine finds (no ORDER BY, so it stops there: on a large graph a
        frequent actor's facts are thousands, each a look-up). index: the store's name index
        (service/qa/linking.py), which knows the roles and governments a reach follows. indexed: read
        the holder index for #held lines (the caller knows the store has it); the query shown is the
        plain one, whose rows these are (the same on every store, and what a reader can run anywhere).
        down: a broad #reach-up also goes down to those holding a role in the actor (a country's leaders).
        With `indexed`, a joint fact's two sides that the joint index shows hold nothing together are not
        queried (joint.py): no row."""
        if indexed and "#held-up" in self.text and \
                not could_join(self.query(set(bindings), macros=False), store, bindings, broad, index, down):
            return [], self.prepare(store, bindings, broad=broad, limit=limit, index=index, down=down)[1]  # no row
        query, shown = self.prepare(store, bindings, broad=broad, limit=limit, index=index, indexed=indexed, down=down)
        rows = store.select(shown) if self.values else store.select(query, bindings)
        if indexed and limit and len(rows) >= limit and (APART in query or REORDERED in query):
            # the joined form (#apart) found as many rows as the bound: which come first is the plain order's
            query, shown = self.prepare(store, bindings, broad=broad, limit=limit, index=index, indexed=indexed,
                                        down=down, join=False)
            rows = store.select(shown) if self.values else store.select(query, bindings)
        if indexed:
            shown = self.prepare(store, bindings, broad=broad, limit=limit, index=index, down=down)[1]
        return rows, shown

    def prepare(self, store: Store, bindings: dict[str, Term], *, broad: bool = False, limit: int | None = None,
                index=None, indexed: bool = False, down: bool = False, join: bool = True) -> tuple[str, str]:
        """The query run() runs (parameters left to bind) and the query as shown (parameters bound).
        join: with `indexed`, #apart blocks as joined subqueries (else plain lines)."""
        unknown = set(bindings) - set(self.parameters)
        if unknown:
            raise ValueError(f"template {self.id} has no parameter {sorted(unknown)}")
        query = self.query(set(bindings), broad=broad, macros=False)
        query = bound_reach(query, store, bindings, broad, index, indexed=indexed, down=down, join=join)
        query = within_one_document(query)
        if limit:
            query = f"{query.rstrip()}\nLIMIT {int(limit)}\n"
        return query, bind_values(query, bindings)

    def describe(self) -> dict:
        return {"id": self.id, "description": self.description, "parameters": list(self.parameters),
                "required": list(self.required), "examples": list(self.examples)}


T = Template
CATALOGUE: tuple[Template, ...] = (
    T("meetings", "Who met whom: meetings, talks and calls with their participants, optionally with a "
      "given actor, between two actors, at an occasion or on a date.",
      ("actor", "other", "occasion", "date"),
      ("Who met Putin?", "who met with obama", "Who took part in the meeting at the UN General Assembly?",
       "Who did Obama meet at the UN General Assembly?", "Did Obama meet Putin?"), "meetings.rq",
      looked_for="meetings"),
    T("meeting_details", "When, where and for how long actors met (conflicting reports are flagged), or will "
      "meet (planned: a meeting still to come).",
      ("actor", "other", "planned"),
      ("When and where did Obama and Putin meet?", "How long did Obama and Putin meet?",
       "Where did Putin meet Obama?", "How long was the meeting between Obama and Putin?"),
      "meeting_details.rq", required=("actor",), looked_for="when, where and how long they met",
      details=("date", "timeText", "place", "placeText", "occasion", "duration", "durationText"),
      without_actor="Name who met: e.g. 'When did Obama and Putin meet?'"),
    T("proposals", "Who proposed what (proposed, suggested, called for, urged, offered), optionally by "
      "an actor and at an occasion.",
      ("actor", "occasion"),
      ("Who proposed what at the UN meeting?", "What did Putin propose?", "What has Putin suggested?",
       "Which proposals did Russia make at the UN?"), "proposals.rq", kinds=("Proposal",), looked_for="proposals",
      by_verb="actions"),
    T("positions", "What an actor agreed, accepted, acknowledged, feared, demanded, ruled out, accused "
      "someone of, committed to, intended...; or who did so (optionally about a topic, at an occasion).",
      ("kind", "actor", "topic", "occasion"),
      ("What did Putin acknowledge?", "What did the United States accept?", "What does Moscow fear?",
       "What are Washington military planners worried about?", "Who accused Obama?",
       "What did Russia rule out?"), "positions.rq", required=("kind",),
      kinds=("Agreement", "Disagreement", "Acceptance", "Acknowledgment", "Concern", "Demand",
             "Accusation", "Criticism", "Denial", "Intention", "Commitment"), looked_for="positions",
      by_verb="actions"),
    T("statements", "What an actor said, optionally about a topic or to a recipient.",
      ("actor", "topic", "recipient", "occasion"),
      ("What did Obama say about Iran?", "What did Putin tell Lavrov?", "What has Kerry said?"),
      "statements.rq", kinds=("Statement",), looked_for="statements", by_source="source_says", speech=True,
      only_verb=True, by_verb="actions"),
    T("agreements", "What two actors agreed or disagreed on.",
      ("kind", "actor", "other"),
      ("What did Obama and Putin agree on?", "On what do Russia and the US disagree?",
       "What have Obama and Putin agreed?"), "agreements.rq", required=("kind", "actor", "other"),
      kinds=("Agreement", "Disagreement"), looked_for="agreements"),
    T("position_on", "An actor's position on a topic: everything it proposed, feared, said... about it.",
      ("actor", "topic", "occasion"),
      ("What is Moscow's position on Assad?", "What does Russia think about Assad?",
       "Where does Obama stand on Iran?"), "position_on.rq", required=("actor",), looked_for="positions"),
    T("roles", "Who an actor is: the titles and organizations the sources give it.",
      ("actor",),
      ("Who is Vladimir Frolov?", "Kerry's role?", "What is Ashton Carter's job?"), "roles.rq",
      required=("actor",), kinds=("Role",), values=True, looked_for="roles"),
    T("sources", "Which sources mention an actor (the answer's fact is the document).",
      ("actor",),
      ("Which sources mention Lavrov?", "Which articles talk about Lavrov?", "Where is Lavrov mentioned?"),
      "sources.rq", required=("actor",), looked_for="sources", documents=True),
    T("publishers", "Which outlets (news agencies, newspapers, broadcasters) reported something: the documents "
      "that tell it, with their publishers (the answer's fact is the document).",
      ("word",),
      ("Which news agency reported the ceasefire?", "Which newspaper saw the leaked memo?",
       "Which outlets reported the Geneva talks?"),
      "publishers.rq", required=("word",), looked_for="reports", documents=True),
    T("source_says", "What one source says about an actor.",
      ("source", "actor"),
      ("What does the Moscow Times say about Putin?",
       "What does 'Why Obama and Putin Are Tied to Each Other' say about Assad?",
       "What does the article Putin and Obama Summit say about Lavrov?"), "source_says.rq",
      required=("source",), looked_for="facts"),
    T("estimates", "Numbers and estimates: how many of something, according to whom.",
      ("actor", "occasion"),
      ("How many Chechens are fighting for ISIS according to Russian estimates?",
       "How many Chechens fight for ISIS?", "What are the estimates of Chechen fighters?"),
      "estimates.rq", kinds=("Estimate",), looked_for="estimates"),
    T("actions", "Anything an actor did, by its verb: what X <verb>ed (about, in Y), who <verb>ed Y.",
      ("verb", "actor", "occasion"),
      ("What did Russia establish in Baghdad?", "Who will handle the ongoing work with Russia?",
       "Who invited the United States?"), "actions.rq", required=("verb",), kinds=("Action",), looked_for="acts",
      synonyms=True),
)
BY_ID = {t.id: t for t in CATALOGUE}

