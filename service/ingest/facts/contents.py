"""What a clause says: the content span of a predicate (its that-/to-clause, its object and what is
said of it, its prepositional complement), kept apart from places and times, and cut before verbs
the parser hung inside it that belong to the clause above.
"""
from __future__ import annotations

from spacy.tokens import Token

from .clauses import CLAUSE_DEPS, OBJECT_DEPS, clause_above, listed_first, outer_conj
from .spans import any_between, child, inside_quote, only, subtree_span, trimmed_end

CONTENT_PREPS = ("on", "about", "over", "to", "for", "of", "that", "with", "against", "as", "into", "in")
ANCHOR_PREPS = ("on", "about", "over", "to", "for", "of", "against")


SPEECH_PREPS = ("about", "on", "of", "over")  # "said in a statement", "told to reporters": not what
# what a speaker spoke on when it is how or where they spoke, not what about: "speaking on condition of
# anonymity", "spoke on television", "on the phone", "on behalf of", "on the sidelines of"
SPEECH_CHANNELS = ("condition", "background", "record", "television", "tv", "radio", "phone", "telephone", "camera",
                   "air", "broadcast", "podcast", "program", "programme", "show", "channel", "network", "line",
                   "behalf", "sidelines", "margins", "visit", "trip", "tour", "stage", "video", "livestream", "trail",
                   "stump", "floor")


def _that_clause_in_phrase(pred: Token) -> tuple[int, int] | None:
    """ "warned in a joint statement released after the summit that a delay could ...": a that-clause the
    parser hung inside a phrase after the verb, which has no clause of its own."""
    for prep in (c for c in pred.children if c.dep_ == "prep" and c.i > pred.i):
        for tok in prep.subtree:
            mark = next((m for m in tok.children if m.dep_ == "mark" and m.lower_ == "that" and m.i < tok.i), None)
            if mark is not None and tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("acl", "relcl", "ccomp", "advcl"):
                return mark.i + 1, tok.right_edge.i + 1
    return None


def content_of(pred: Token, anchor: Token | None = None, speech: bool = False) -> tuple[int, int] | None:
    span = _content_of(pred, anchor, speech)
    return _with_second_clause(pred, _with_elaboration(pred, _before_trailing_source(pred, _before_outer_verb(
        pred, span)))) if span is not None else None


def _with_second_clause(pred: Token, span: tuple[int, int]) -> tuple[int, int]:
    """A that-clause content with a second that-clause the parser coordinated with the verb itself ("told
    reporters that it had been a joke, and [that his position was ...]"): both are what was said."""
    start, end = span
    doc = pred.doc
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in doc[start:end].root.children):
        return span
    for c in pred.children:
        if c.dep_ == "conj" and c.i >= end and c.pos_ in ("VERB", "AUX") and c.left_edge.lower_ == "that" \
                and c.left_edge.dep_ == "mark" and all(t.dep_ in ("cc", "punct") for t in doc[end:c.left_edge.i]):
            return start, trimmed_end(doc, c.i, c.right_edge.i + 1)
    return span


def _with_elaboration(pred: Token, span: tuple[int, int]) -> tuple[int, int]:
    """A noun content followed by a colon takes what the colon spells out, to the sentence's end ("offered
    a compromise[: restore the money and create two reserves]"): the terms are the content."""
    start, end = span
    doc = pred.doc
    sent = doc[start].sent
    if end >= sent.end - 1 or doc[end].text != ":" or doc[start:end].root.pos_ not in ("NOUN", "PROPN"):
        return span
    if any(a.i > end for a in pred.ancestors):
        return span  # "titled The Power Deal: Ruiz urged ...": after the colon is the clause above, not terms
    last = trimmed_end(doc, end + 1, sent.end)
    return (start, last) if last > end + 1 else span


# verbs of a source told after what it reports ("..., a poll found", "..., the report said")
REPORTING = ("say", "find", "show", "report", "conclude", "suggest", "indicate", "reveal", "estimate")


def _source_verb(c: Token) -> bool:
    return c.dep_ in ("acl", "relcl") and c.lemma_.lower() in REPORTING and c.tag_ in ("VBD", "VBN", "VBZ", "VBP")


@only("dep", "appos")
def _sourced_apposition(tok: Token) -> bool:
    return tok.dep_ == "appos" and any(_source_verb(c) for c in tok.children)


def _before_trailing_source(pred: Token, span: tuple[int, int]) -> tuple[int, int]:
    """The content without a source the parser hung on its last noun as an apposition ("oppose the new
    deal, [a poll found]"): what the source reports is the content, not the source."""
    start, end = span
    doc = pred.doc
    for tok in doc[start:end] if any_between(doc, _sourced_apposition, start, end) else ():  # mostly none
        verb = next((c for c in tok.children if _source_verb(c)), None)
        if tok.dep_ == "appos" and verb is not None and verb.right_edge.i >= end - 1 and tok.i > start \
                and doc[tok.left_edge.i - 1].text == ",":
            return start, tok.left_edge.i - 1
    return span


def _before_outer_verb(pred: Token, span: tuple[int, int]) -> tuple[int, int]:
    """The content up to a verb the parser coordinated inside it that is the subject's own next act
    ("rejected the demand for the areas they control [and accused X of Y]": the accusation is not part
    of what was rejected, clauses.outer_conj)."""
    start, end = span
    doc = pred.doc
    for tok in doc[start:end]:
        if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and start <= tok.head.i < end and outer_conj(tok) \
                and clause_above(tok.head) in (pred, *pred.ancestors):
            cut = tok.left_edge.i
            while cut > start and (doc[cut - 1].dep_ == "cc" or doc[cut - 1].is_punct):
                cut -= 1
            return start, cut
    return span


def _content_of(pred: Token, anchor: Token | None = None, speech: bool = False) -> tuple[int, int] | None:
    """Token range of what a predicate says, proposes, fears...: its that-/to-clause, else its object,
    else the object of an `on/about/to/...` preposition. `anchor` is the second word of a two-word
    trigger ("call for", "share view") whose own complement comes first."""
    if anchor is not None and anchor.dep_ == "mark" and anchor.head.head == pred:
        return anchor.i + 1, anchor.head.right_edge.i + 1  # "called for [the senator to resign]"
    for tok in (anchor, pred):
        if tok is None:
            continue
        if tok.dep_ == "prep" or tok.pos_ == "ADP":
            obj = child(tok, "pobj", "pcomp")
            if obj is not None and tok == anchor and temporal(tok):
                continue  # "spoke on Monday (about the drought)": when, not what about
            if obj is not None:  # "called on all sides [to exercise restraint]"
                start, end = subtree_span(obj)
                clause = [c for c in pred.children if c.dep_ in CLAUSE_DEPS and c.i >= end]
                return start, max([end] + [c.right_edge.i + 1 for c in clause])
        for dep in CLAUSE_DEPS + ("acl",):  # not "the proposal, [put forward by Brazil]": that says who
            listed = listed_first(tok) if dep == "ccomp" else None  # "He has claimed X, pledged to Y": not said
            parts = [c for c in tok.children if c.dep_ == dep and c != anchor and not (dep == "acl" and c.tag_ == "VBN")
                     and (c.i > tok.i or (dep == "ccomp" and tok.pos_ == "VERB" and not _semicolon(c, tok)
                                          and not (inside_quote(tok) and not inside_quote(c))))
                     and c != listed]  # '"...," he said'; not the clause before a semicolon
            if parts:  # several when the parser splits a word ("co - sponsor")
                parts, cut = _before_other_speaker(parts)
                start, end = _clause_range(parts)
                end = min(end, cut) if cut is not None else end
                if dep == "xcomp":
                    end = max([end] + [c.right_edge.i + 1 for c in _more_to_clauses(tok, end)])
                obj = child(tok, "dobj")
                if dep == "xcomp" and obj is not None and obj.i < start and obj != anchor:
                    return obj.left_edge.i, end  # "proposed [a 10-day truce to allow aid convoys in]"
                if dep == "ccomp" and not speech and obj is not None and obj.pos_ == "NOUN" and obj != anchor \
                        and obj.i < start and tok.doc[start - 1].is_punct:
                    return obj.left_edge.i, end  # 'demanded [a moratorium, "in writing, before ..."]': the object
                    # with what the clause set off after it adds to it, not that clause alone
                return start, end
        if tok == anchor and tok.dep_ in ("dobj", "pobj", "attr", "acomp"):
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ANCHOR_PREPS
                         and not _genre(c)), None)
            if prep is not None and child(prep, "pobj", "pcomp") is not None:
                return subtree_span(child(prep, "pobj", "pcomp"))  # "reached an agreement [on a truce]"
            if tok.dep_ == "dobj" and tok.pos_ == "NOUN":  # "signed [a defense treaty with the United States]"
                start, end = subtree_span(tok)  # and what the verb's own on-phrase says it is on
                on = next((c for c in pred.children if c.dep_ == "prep" and c.lower_ in ("on", "about")
                           and (c.i == end or (c.i == end + 1 and tok.doc[end].text == ","))), None)
                return (start, on.right_edge.i + 1) if on is not None and not temporal(on) else (start, end)
    for c in (anchor or pred, pred):  # "ruled out sending troops": a participle right after the verb
        nxt = next((a for a in pred.children if a.dep_ == "advcl" and a.tag_ == "VBG" and a.left_edge.i == c.i + 1
                    and not any(m.dep_ == "mark" for m in a.children)), None)
        if nxt is not None and child(pred, *OBJECT_DEPS) is None:
            return subtree_span(nxt)
    obj = child(pred, "dobj") or child(pred, *OBJECT_DEPS)  # "offered the nurses [a contract]"
    if obj is None and anchor is None:
        hung = _that_clause_in_phrase(pred)
        if hung is not None:
            return hung
    late = _to_clause_after_time(pred) if obj is None and anchor is None else None
    if late is not None:  # "vowed on Sunday [to cooperate]": the parser made the to-clause an adjunct
        return late
    if obj is not None and obj != anchor:
        start, end = subtree_span(obj)
        for c in sorted(pred.children, key=lambda t: t.i):  # "views X as Y", "pledged X to Y"
            if c.i < end:
                continue
            if c.dep_ in ("ccomp", "xcomp", "oprd") or (c.dep_ == "prep" and c.i == end and not temporal(c)):
                end = c.right_edge.i + 1
            elif c.dep_ == "conj" and c.pos_ == "ADP" and c.i == end + 1 and pred.doc[end].dep_ == "cc":
                end = c.right_edge.i + 1  # "agreed texts on customs [and on digital trade]": the parser's
        return start, end  # second preposition hung on the verb as its conjunct
    for prep in pred.children:
        preps = SPEECH_PREPS if speech else CONTENT_PREPS
        if pred.pos_ == "ADJ" or pred.dep_ in ("acomp", "oprd"):  # "alarmed by reports of X": the cause
            preps = preps + ("by",)
        if prep.dep_ == "prep" and prep.lower_ in preps and prep.i > pred.i and not _where_or_when(prep) \
                and not (speech and channel(prep)):
            obj = child(prep, "pobj", "pcomp")
            if obj is not None and prep.lower_ == "as" and obj.pos_ in ("VERB", "AUX"):
                continue  # "as the crisis deepens": when, not what
            if obj is not None:  # and the prepositions that follow ("on the army as the backbone")
                end = max([obj.right_edge.i + 1] + [c.right_edge.i + 1 for c in pred.children
                                                     if c.dep_ == "prep" and c.i > prep.i]
                          + [c.right_edge.i + 1 for c in prep.children if c.dep_ == "pobj"])  # "re - election" split
                return obj.left_edge.i, end
    return None


def _more_to_clauses(pred: Token, end: int) -> list[Token]:
    """The further to-clauses the parser coordinated with the verb itself ("promised to cut taxes, a
    pledge she repeated, [and to hire nurses]"): more of what it promises, not a new act."""
    return [c for c in pred.children if c.dep_ == "conj" and c.i >= end and c.pos_ == "VERB"
            and c.left_edge.tag_ == "TO" and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)]


def _genre(prep: Token) -> bool:
    """ "a memorandum [of understanding]", "a letter [of intent]": an of-phrase of one bare noun that
    names the kind of document, not what it is about."""
    obj = child(prep, "pobj")
    return prep.lower_ == "of" and obj is not None and obj.pos_ == "NOUN" and not list(obj.children) \
        and not obj.ent_type_ and obj.lemma_.lower() in GENRES


GENRES = ("understanding", "intent", "intention", "cooperation", "principle", "accession")


def _to_clause_after_time(pred: Token) -> tuple[int, int] | None:
    """A to-clause hung on a verb as an adjunct when only a time stands between them ("vowed on Sunday
    to cooperate", "agreed last week to resume"): what the verb vows or agrees to."""
    if pred.pos_ != "VERB":
        return None
    clause = next((c for c in pred.children if c.dep_ == "advcl" and c.i > pred.i and c.left_edge.tag_ == "TO"
                   and not any(m.dep_ == "mark" for m in c.children)), None)
    if clause is None:
        return None
    timed = {t.i for c in pred.children if c.i > pred.i and (temporal(c) or c.ent_type_ in ("DATE", "TIME"))
             for t in c.subtree}
    gap = range(pred.i + 1, clause.left_edge.i)
    if not gap or any(i not in timed for i in gap):
        return None
    return clause.left_edge.i, clause.right_edge.i + 1


SPEAKING = ("say", "warn", "complain", "insist", "argue", "note", "add", "claim", "tell", "accuse", "demand", "fear")


def _before_other_speaker(parts: list[Token]) -> tuple[list[Token], int | None]:
    """ "fear [the council could delay projects], and in X the governors warned that ...": a later clause
    the parser hung on the same verb that is another speaker's act (a verb of saying with its own subject,
    after the first clause's "and") is not part of what is feared or said: the parts before it, and where
    to end (before the "and", and its comma)."""
    parts = sorted(parts, key=lambda t: t.i)
    for n, part in enumerate(parts[1:], 1):
        before = parts[n - 1]
        cc = [c.i for c in before.children if c.dep_ == "cc" and c.i > before.i]
        if cc and part.lemma_.lower() in SPEAKING and any(c.dep_ in ("nsubj", "nsubjpass") for c in part.children):
            cut = cc[0] - 1 if before.doc[cc[0] - 1].is_punct else cc[0]
            return parts[:n], cut
    return parts, None


def _clause_range(parts: list[Token]) -> tuple[int, int]:
    """Token range of a clause, ending before a coordinated verb that belongs to the clause above
    ("fears [Assad's days are numbered] and is getting serious": "is" does not agree with "days")."""
    start, end = min(c.left_edge.i for c in parts), max(c.right_edge.i for c in parts) + 1
    for part in parts:
        for conj in part.children:
            if conj.dep_ == "conj" and conj.pos_ in ("VERB", "AUX") and outer_conj(conj):
                cc = [c.i for c in part.children if c.dep_ == "cc" and c.i < conj.i]
                end = min(end, cc[-1] if cc else conj.left_edge.i)
    return start, end


def after_object(pred: Token, obj: Token) -> tuple[int, int] | None:
    """What is said of a predicate's object: "accused Israel [of sabotaging X]", "urged Iran [to
    return]", "told Biden [that ...]", "invited Modi [to the parade]"."""
    for dep in CLAUSE_DEPS:  # after the object, or a quote before the verb ('"...," he told X')
        parts = [c for c in pred.children if c.dep_ == dep and (c.i > obj.i or (dep == "ccomp" and c.i < pred.i
                                                                                and not _semicolon(c, pred)))]
        if parts:
            return _with_second_clause(pred, _clause_range(parts))
    for c in pred.children:
        if c.dep_ == "prep" and c.i > obj.i and c.lower_ in CONTENT_PREPS and c.lower_ != "in" and not temporal(c) \
                and not _where_or_when(c) and not channel(c):  # "denounced X in Iowa / on the campaign trail"
            inner = child(c, "pobj", "pcomp")
            if inner is not None:
                return subtree_span(inner)
    return _to_clause_in_relative(obj)


def _to_clause_in_relative(obj: Token) -> tuple[int, int] | None:
    """A to-clause the parser hung inside a relative clause that ends the object ("advised the firms he
    had worked for [to invest in them]", "urged the donors she met [to give more]"): what they were asked."""
    rel = child(obj, "relcl")
    clause = max((c for c in rel.children if c.dep_ in ("advcl", "xcomp") and c.left_edge.tag_ == "TO"
                  and not any(g.dep_ in ("nsubj", "mark") for g in c.children)), key=lambda c: c.i, default=None) \
        if rel is not None else None
    if clause is None or clause.right_edge.i != obj.right_edge.i:
        return None
    return clause.left_edge.i, clause.right_edge.i + 1


def _where_or_when(prep: Token) -> bool:
    """ "in Geneva", "on Monday": a place or a time, not what a position is about."""
    obj = child(prep, "pobj")
    return obj is not None and prep.lower_ in ("in", "at", "on") and obj.ent_type_ in ("GPE", "LOC", "FAC",
                                                                                       "DATE", "TIME")


def channel(prep: Token) -> bool:
    """"on television", "on condition of anonymity": how or where someone spoke, not what about."""
    obj = child(prep, "pobj")
    return obj is not None and prep.lower_ == "on" and obj.lemma_.lower() in SPEECH_CHANNELS


def temporal(prep: Token) -> bool:
    """ "on Monday", "in March": a preposition whose object is a date or a time."""
    obj = child(prep, "pobj")
    return obj is not None and obj.ent_type_ in ("DATE", "TIME")


def _semicolon(before: Token, pred: Token) -> bool:
    """A clause ending before a semicolon or a colon that comes ahead of the verb: the sentence's other
    clause ("Few donors gave much; Ruiz promised more", "The memo was blunt: Ruiz urged cuts"), not what
    the verb reports."""
    return any(t.text in (";", ":") for t in pred.doc[before.right_edge.i:pred.i])
