"""Where coreference looks for antecedents (coref.py, descriptions.py): the sentences before a word, the
subjects of clauses, whether a word is inside a quote, the latest mentions of a kind of actor.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from . import columns

if TYPE_CHECKING:
    from .reading import Reading

SUBJECT = {"nsubj", "nsubjpass"}
WINDOW = 3  # sentences to look back
def before(r: Reading, h: Token, *, persons: bool, window: int = WINDOW) -> list[tuple[int, list[str]]]:
    """(token index, keys) of single-actor references before h within the window, in order."""
    out = []
    for i in range(h.i - 1, -1, -1):
        if not recent(r, i, h, window):
            break
        keys = r.known(i)
        if keys and len(keys) == 1 and (not persons or r.is_person(keys[0])):
            if not out or out[-1][0] != i:
                out.append((i, keys))
    return list(reversed(out))


def nearest(r: Reading, h: Token, *, persons: bool) -> list[str]:
    found = before(r, h, persons=persons)
    return found[-1][1] if found else []


def quoted(r: Reading) -> list[bool]:
    """For each token of the document: is it between double quotation marks of its paragraph?"""
    mask = getattr(r, "_quote_mask", None)
    if mask is None:
        r._quote_mask = mask = _quoted(r.doc)
    return mask


MARKS = ("“", "``", "”", '"', "''")


def _quoted(doc) -> list[bool]:
    """quoted() for every token. Only quote marks and line breaks change the state, so only those tokens
    are read; the runs between them take the state as it stands."""
    strings = doc.vocab.strings
    text = {strings[m]: m for m in MARKS}
    orth = columns.ids(doc, "text")
    breaks = set(columns.holding(doc, "\n"))
    mask, curly, straight, doubled, at = [False] * len(doc), 0, False, False, 0
    for i in sorted({*columns.where(doc, "text", MARKS), *breaks}):
        if curly > 0 or straight or doubled:
            mask[at:i] = [True] * (i - at)
        if i in breaks:
            curly, straight, doubled = 0, False, False
        mark = text.get(orth[i])
        if mark in ("“", "``"):
            curly += 1
        elif mark == "”":
            curly = max(0, curly - 1)
        elif mark == '"':
            straight = not straight
        elif mark == "''":
            doubled = not doubled
        else:
            mask[i] = curly > 0 or straight or doubled
        at = i + 1
    if curly > 0 or straight or doubled:
        mask[at:] = [True] * (len(doc) - at)
    return mask


def by_subject(r: Reading, h: Token, fits, skip=None) -> list[str]:
    """The first subject (of its own sentence, before h; then of earlier sentences) whose referents fit."""
    for tok in subjects(r, h, skip):
        keys = subject_keys(r, tok)
        if keys and fits(keys):
            return keys
    return []


def subject_keys(r: Reading, tok: Token) -> list[str]:
    keys = r.refers(tok)
    if tok.dep_ != "conj":  # "France, Britain and Germany welcomed ... warned they would": all three
        keys = list(dict.fromkeys(keys + [k for c in tok.conjuncts if c.i > tok.i for k in r.refers(c)]))
    return keys


def subjects(r: Reading, h: Token, skip=None):
    """Subjects before h, in the order a reference looks for them: its own sentence, then up to WINDOW
    sentences back, each from its start."""
    sent = h.sent
    sents = [sent]
    doc = h.doc
    start = sent.start
    while len(sents) <= WINDOW and start > 0:
        prev = doc[start - 1].sent
        if any(not t.is_space for t in prev):
            sents.append(prev)
        start = prev.start
    for n, s in enumerate(sents):
        for tok in s:
            if not (tok.dep_ in SUBJECT or _lost_verb(tok)) or (n == 0 and tok.i >= h.i):
                continue
            if (n == 0 and tok.left_edge.i <= h.i <= tok.right_edge.i) or (skip is not None and skip(tok.i)):
                continue
            yield tok


def _lost_verb(tok: Token) -> bool:
    """A name the parser made the root of a sentence that has a verb ("X, a former president whom the
    bloc appointed, put the proposal to Y": the verb hung on the apposition): the sentence's subject."""
    return tok.dep_ == "ROOT" and tok.pos_ == "PROPN" and any(t.pos_ == "VERB" for t in tok.subtree)


def recent(r: Reading, i: int, h: Token, window: int = WINDOW) -> bool:
    return r.sentence_of(h.i) - r.sentence_of(i) <= window


def titled_pair(r: Reading, h: Token) -> list[str]:
    """'the two ministers' with no meeting or pair told before: the persons named before with that title
    ("Trade Minister X ... Y, the country's minister of industry"), when exactly two are."""
    title, named = h.lemma_.lower(), []
    for i in range(h.i):
        key = r.key_at[i]
        if key and key not in named and r.how_at[i] in ("name", "entity") and r.is_person(key) \
                and title in r.titles.get(key, ()):
            named.append(key)
    if len(named) == 2:
        return named
    return related_pair(r, h) if title in RELATIONAL else []


RELATIONAL = ("rival", "opponent", "challenger", "counterpart")  # a title one holds towards another


def related_pair(r: Reading, h: Token) -> list[str]:
    """'the two rivals' after "X's main rival, Y" (or "Y, X's rival"): X and Y, when the document named
    exactly one such pair before."""
    found = set()
    for tok in h.doc[:h.sent.start]:
        if tok.lemma_.lower() != h.lemma_.lower() or tok.tag_ != "NN":
            continue
        owner = [r.key_at[c.i] for c in tok.children if c.dep_ == "poss" and r.key_at[c.i]]
        named = [r.key_at[c.i] for c in tok.children if c.dep_ == "appos" and r.key_at[c.i]]
        if tok.dep_ == "appos" and r.key_at[tok.head.i]:
            named.append(r.key_at[tok.head.i])  # "Y, X's rival"
        after = tok.right_edge.i + 2  # "X's rival, Y, said": the parser may not hang Y on "rival"
        if not named and after < len(h.doc) and h.doc[after - 1].text == "," and r.key_at[after]:
            named.append(r.key_at[after])
        keys = [*owner[:1], *named[:1]]
        if len(keys) == 2 and keys[0] != keys[1] and all(r.is_person(k) for k in keys):
            found.add(tuple(keys))
    return list(found.pop()) if len(found) == 1 else []


SINGULAR_AUX = ("is", "was", "has", "does", "'s")


def disagrees(rel: Token, noun: Token) -> bool:
    """A "who" whose verb is singular hung on a common plural noun ("a senator courting rural mayors who
    often seems to ..."): the parser took the nearest noun; the singular one it describes is meant."""
    return noun.tag_ == "NNS" and singular(rel)


def singular(rel: Token) -> bool:
    """A relative pronoun whose verb is singular ("who has", "who seems", "who was")."""
    verb = rel.head
    finite = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i), verb)
    return finite.tag_ == "VBZ" or finite.lower_ in SINGULAR_AUX


def set_off_before(rel: Token) -> Token | None:
    """The word right before the comma that opens a relative clause (", which advocates ..."): the end of the
    noun phrase the clause follows, whatever the parser hung the clause on."""
    doc = rel.doc
    if rel.i < 2 or doc[rel.i - 1].text != "," or doc[rel.i - 2].pos_ not in ("NOUN", "PROPN"):
        return None
    return doc[rel.i - 2]
