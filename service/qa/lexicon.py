"""The words questions are read with, kept as data: service/lexicon/questions.json, plus the extraction's
trigger lexicon service/lexicon/verbs.tsv (so that a verb the extraction turns into a kind of fact is
asked about with the same kind), plus `questions*.json` / `verbs*.tsv` in the folder the setting
LEXICON_DIR names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigError
from ..lexicon import Lexicons, tsv_rows
from ..lexicon.triggers import triggers
from ..vocab import FACT_KINDS


@dataclass(frozen=True)
class QuestionLexicon:
    shapes: tuple[tuple[re.Pattern, str], ...]  # (pattern, template) of question-shapes*.tsv, in order
    verbs: dict[str, str]  # lemma (or adjective form, or "rule out") -> fact kind
    nouns: dict[str, str]  # "proposal" -> Proposal
    meeting_verbs: frozenset[str]
    light_verbs: frozenset[str]
    irregular: dict[str, str]  # inflected form -> lemma
    past: dict[str, str]  # lemma -> past tense
    kind_verbs: dict[str, str]  # kind -> verb phrase for sentences
    role_nouns: frozenset[str]
    stance_nouns: frozenset[str]
    source_nouns: frozenset[str]
    publication_words: frozenset[str]  # words that name a publisher: "times", "post", "reuters"
    stopwords: frozenset[str]
    synonyms: dict[str, tuple[str, ...]]  # verb -> verbs that mean the same ("set up" -> "establish", ...)
    experiencer_verbs: frozenset[str]  # "what worries X": X holds the concern
    group_references: frozenset[str]  # "both sides", "the two leaders": two or more holders, named or not
    audiences: frozenset[str]  # "reporters", "the press": who is told, not an actor to filter by
    body_words: frozenset[str]  # "foundation", "party": a name ending so is a body's, never a second surname
    leader_titles: frozenset[str]  # what "the Russian leader" may hold: president, prime minister...
    speech_verbs: frozenset[str]  # say, tell, announce...: "what did X say" asks for these, not "X knows"
    demonyms: dict[str, str]  # "russian" -> "Russia", from the actor lexicon (service/lexicon/actors.json)
    adjectives: frozenset[str]  # triggers that are adjectives: "worried", "committed" (is worried ...)
    noun_triggers: frozenset[str]  # triggers that are nouns: "agreement", "proposal" (no past tense)
    # verbs that ask about their whole kind ("propose" also finds what was suggested): questions.json's own
    # verbs; another verb ("reaffirm", "sign") asks for the facts told with it, when there are any
    kind_naming_verbs: frozenset[str] = frozenset()
    verb_prepositions: dict = field(default_factory=dict)  # "disagree" -> "on": kept before a noun content
    contrary_kinds: dict = field(default_factory=dict)  # Acceptance -> (Denial,): what answers "did X accept" No
    refusal_kinds: dict = field(default_factory=dict)  # Denial -> (Acceptance, ...): negated, "what did X reject"
    announced_kinds: dict = field(default_factory=dict)  # Commitment -> (Intention,): "what did X promise"
    target_verbs: frozenset[str] = frozenset()  # triggers whose object is the one targeted ("accuse", "blame")
    kind_nouns: dict = field(default_factory=dict)  # nouns naming kinds of fact ("offer" -> Proposal): referents*.tsv

    def kind_of(self, lemma: str) -> str | None:
        return self.verbs.get(lemma)

    def past_tense(self, lemma: str) -> str:
        """'propose' -> 'proposed', 'call for' -> 'called for', 'meet' -> 'met'."""
        if lemma in self.past:
            return self.past[lemma]
        head, _, rest = lemma.partition(" ")
        if head in self.past:
            word = self.past[head]
        elif head.endswith("e"):
            word = head + "d"
        elif len(head) > 2 and head.endswith("y") and head[-2] not in "aeiou":
            word = head[:-1] + "ied"
        elif (len(head) <= 4 and len(head) >= 3 and head[-1] not in "aeiouwxy" and head[-2] in "aeiou"
              and head[-3] not in "aeiou"):
            word = head + head[-1] + "ed"  # plan -> planned, stop -> stopped
        else:
            word = head + "ed"
        return f"{word} {rest}".strip()


def _read_triggers(rows, into: dict[str, str], pos: dict[str, set[str]]) -> None:
    """Rows of the extraction's trigger lexicon: trigger, pos, kind, ... ('speech' kinds are Statements)."""
    for trig in rows:
        word = f"{trig.word} {trig.second}" if trig.second else trig.word
        pos.setdefault(trig.pos, set()).add(word)
        if trig.kind == "speech":
            pos.setdefault("speech", set()).add(word)
        if trig.object == "target":
            pos.setdefault("target", set()).add(word)
        if trig.fact_kind in FACT_KINDS and trig.pos in ("verb", "adj"):
            into.setdefault(word, trig.fact_kind)


def build(lexicons: Lexicons) -> QuestionLexicon:
    """The question words: questions*.json, the trigger rows of verbs*.tsv, question-shapes*.tsv and the
    countries' demonyms of actors*.json, built-in first, LEXICON_DIR's over them. Built once per
    Lexicons: `lexicons.view(build)`."""
    data: dict = {}
    verbs: dict[str, str] = {}
    for path in lexicons.paths("questions*.json"):
        more = lexicons.json(path)
        if isinstance(more, dict):
            for key, value in more.items():
                if isinstance(value, dict):
                    data.setdefault(key, {}).update(value)
                elif isinstance(value, list):
                    data.setdefault(key, []).extend(value)
    verbs.update(data.get("verbs", {}))  # the question lexicon's own reading wins
    pos: dict[str, set[str]] = {}
    by_folder = {folder: [rows for path, rows in triggers(lexicons) if path.parent == folder]
                 for folder in lexicons.folders}
    for folder in reversed(lexicons.folders):  # LEXICON_DIR's reading of a verb wins
        for rows in by_folder[folder]:
            _read_triggers(rows, verbs, pos)
    adjectives = (pos.get("adj", set()) | set(data.get("adjectives", ()))) - pos.get("verb", set())
    nouns = (pos.get("noun", set()) | set(data.get("nouns", {}))) - pos.get("verb", set())
    shapes: list[tuple[re.Pattern, str]] = []
    for path in lexicons.paths("question-shapes*.tsv"):
        shapes += _read_shapes(path, lexicons.text(path))
    return QuestionLexicon(
        shapes=tuple(shapes), verbs=verbs, nouns=data.get("nouns", {}),
        meeting_verbs=frozenset(data.get("meeting_verbs", ())), light_verbs=frozenset(data.get("light_verbs", ())),
        irregular=data.get("irregular", {}), past=data.get("past", {}), kind_verbs=data.get("kind_verbs", {}),
        role_nouns=frozenset(data.get("role_nouns", ())), stance_nouns=frozenset(data.get("stance_nouns", ())),
        source_nouns=frozenset(data.get("source_nouns", ())),
        publication_words=frozenset(data.get("publication_words", ())), stopwords=frozenset(data.get("stopwords", ())),
        adjectives=frozenset(adjectives), noun_triggers=frozenset(nouns),
        synonyms=_synonyms(data.get("verb_synonyms", ())),
        experiencer_verbs=frozenset(data.get("experiencer_verbs", ())),
        group_references=frozenset(data.get("group_references", ())),
        audiences=frozenset(data.get("audiences", ())),
        body_words=frozenset(data.get("body_words", ())),
        leader_titles=frozenset(data.get("leader_titles", ())), demonyms=_demonyms(lexicons),
        speech_verbs=frozenset(pos.get("speech", set()) | set(data.get("speech_verbs", ()))),
        kind_naming_verbs=frozenset(data.get("verbs", {})) | frozenset(data.get("meeting_verbs", ())),
        verb_prepositions=data.get("verb_prepositions", {}),
        contrary_kinds={k: tuple(v) for k, v in data.get("contrary_kinds", {}).items() if not k.startswith("_")},
        refusal_kinds={k: tuple(v) for k, v in data.get("refusal_kinds", {}).items() if not k.startswith("_")},
        announced_kinds={k: tuple(v) for k, v in data.get("announced_kinds", {}).items() if not k.startswith("_")},
        target_verbs=frozenset(pos.get("target", set())),
        kind_nouns={cells[0].lower(): tuple(k.strip() for k in cells[1].split(","))
                    for path in lexicons.paths("referents*.tsv") for _, _, cells in tsv_rows(lexicons.text(path))
                    if len(cells) > 1},
    )


def _synonyms(groups) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for group in groups:
        for verb in group:
            out[verb] = out.get(verb, ()) + tuple(v for v in group if v != verb and v not in out.get(verb, ()))
    return out


def _read_shapes(path: Path, text: str) -> list[tuple[re.Pattern, str]]:
    """Rows 'template<TAB>regex' ({NAME} replaced by the '@NAME<TAB>alternation' rows above them)."""
    names: dict[str, str] = {}
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        key, _, pattern = line.partition("\t")
        for name, value in names.items():
            pattern = pattern.replace("{" + name + "}", value)
        if key.startswith("@"):
            names[key[1:]] = pattern
            continue
        try:
            out.append((re.compile("^" + pattern + "$"), key))
        except re.error as err:
            raise ConfigError(f"{path}:{number}: bad question pattern: {err}") from None
    return out


def _demonyms(lexicons: Lexicons) -> dict[str, str]:
    """Demonym (lower case) -> country label, from the actor lexicon's countries rows
    [key, label, aliases, demonyms, ...]; rows of another shape are skipped."""
    out: dict[str, str] = {}
    for data in lexicons.each_json("actors.json"):
        rows = data.get("countries", []) if isinstance(data, dict) else []
        for row in rows:
            if isinstance(row, list) and len(row) > 3 and isinstance(row[3], list):
                out.update({str(d).lower().replace(".", ""): row[1] for d in row[3]})
    return out
