"""Statements with no speech verb: "X did Y, according to Z" (Z's Statement), a label before a colon
("Jeffrey Jones: 'Most states lean Republican'", a transcript's "PENCE: ..."), the labelled speaker's, and
a quote signed with a dash and a name at the end of its line ('"We need jobs." ― Ana Ortiz'), the signer's."""
from __future__ import annotations

import re

from ...model import Fact, Span
from ..interviews import ANSWER, question_before, turn_before
from . import asked as asking
from .quotes import CLOSE_QUOTES, OPEN_QUOTES
from .spans import char_span, in_quote, noun_phrase, parsed_text, text_of


def according_statement(builder, sent, according) -> Fact | None:
    """ "X did Y, according to Z" with no speech verb of its own: Z's Statement of the rest of the
    sentence. No fact when Z names no actor ("according to the records")."""
    doc = sent.doc
    obj = according[1]
    own = noun_phrase(obj)  # "Mamani's office, which said the minister ...": not who the clause names
    phrase = doc[obj.left_edge.i:min(according[3], own.end)] if own.start <= obj.left_edge.i else \
        doc[obj.left_edge.i:according[3]]
    keys = builder.resolver.resolve(phrase) or builder.named_in(phrase) or builder._unnamed_group(obj) \
        or _author(builder, obj) or _owner(builder, obj)
    if not keys:  # "according to the records": no one stands behind it
        return None
    first, last = according[2], according[3]
    words = lambda a, b: sum(1 for t in doc[a:b] if not t.is_punct and not t.is_space)  # noqa: E731
    start, end = (sent.start, first) if words(sent.start, first) >= words(last, sent.end) else (last, sent.end)
    span = char_span(doc, start, end)
    evidence = char_span(doc, sent.start, sent.end)
    if span is None or evidence is None or words(start, end) < 3:
        return None
    return Fact(kind="Statement", evidence=[Span(*evidence)], holders=list(dict.fromkeys(keys)),
                verb="according to", content=text_of(doc, span), content_span=Span(*span),
                attribution=according[0], attributed_to=keys[0], confidence=0.7)


def _author(builder, obj) -> list[str]:
    """Who a text cited as a source is by or from ("data from the census bureau", "a poll by Gallup")."""
    return [k for c in obj.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
            for g in c.children if g.dep_ == "pobj" for k in builder.actors(g)]


# texts and figures cited as a source: whoever they are by speaks through them
SOURCE_TEXTS = ("record", "data", "poll", "survey", "result", "return", "figure", "filing", "document", "report",
                "study", "analysis", "average", "tracker", "index", "tally", "count", "database", "lawsuit",
                "complaint", "declaration", "email", "message", "memo", "letter", "overview", "book", "estimate",
                "projection", "summary", "transcript", "excerpt", "statistic", "calculation", "review", "audit")
MADE_BY = ("by", "from")
MEASURES = ("index", "average", "tally", "count")  # a pollster's average, but a person's index is theirs


def _owner(builder, obj, depth: int = 0) -> list[str]:
    """Who a text cited as a source is: its possessor or the name before it ("Kantar Media's ad
    tracker", "his book"), the by-object of the verb that made it ("a lawsuit filed by X"), the owner of
    what it gives the results of ("the results of the latest Quinnipiac poll"). None when more than two
    are named, or the noun is no text ("according to Ruiz's aides" names the aides, not Ruiz)."""
    if depth > 2 or obj.lemma_.lower() not in SOURCE_TEXTS:
        return []
    doc, keys = obj.doc, []
    for c in obj.children:
        if c.dep_ in ("poss", "compound", "nmod") and c.i < obj.i:
            phrase = doc[c.left_edge.i:c.right_edge.i + 1]
            found = builder.resolver.resolve(phrase) or builder.named_in(phrase)
            if obj.lemma_.lower() in MEASURES and all(builder.resolver.is_person(k) for k in found):
                continue  # "according to his fitness index": a person's measure is of them, not by them
            keys += found
        elif c.dep_ == "acl" and c.tag_ == "VBN":  # "a complaint filed by the SEC", "a database built by X"
            keys += [k for p in c.children if p.dep_ == "agent" or (p.dep_ == "prep" and p.lower_ in MADE_BY)
                     for g in p.children if g.dep_ == "pobj" for k in builder.actors(g)]
        elif c.dep_ == "prep" and c.lower_ == "of":
            keys += [k for g in c.children if g.dep_ == "pobj" for k in _owner(builder, g, depth + 1)]
    keys = list(dict.fromkeys(keys))
    return keys if len(keys) <= 2 else []


def colon_statement(builder, sent, speaking: list[int] = ()) -> Fact | None:
    """ "Jeffrey Jones: 'Most states lean Republican'" (a name, a colon, words): that person's Statement.
    Only a short label that names one actor and has no verb of its own ("The reason: ..." names none)."""
    doc = sent.doc
    toks = [t for t in sent if not t.is_space]
    colon = next((t for t in toks[:8] if t.text == ":"), None)
    if colon is None or colon.i == toks[0].i or any(t.pos_ in ("VERB", "AUX") for t in doc[toks[0].i:colon.i]):
        return described_speaker(builder, sent, toks, speaking)
    if any(t.text in OPEN_QUOTES + CLOSE_QUOTES + ("''", "``") for t in doc[toks[0].i:colon.i]) or in_quote(colon):
        return None  # '"Smith: you lied," tweeted Jones': a name inside someone's words is not their speaker
    if any(i < colon.i for i in speaking):
        return None  # "Ruiz said: ...": the verb's own statement
    label = doc[toks[0].i:colon.i]
    found = builder.resolver.mentions_in(label.start_char, label.end_char)
    keys = list(dict.fromkeys(m.actor for m in found))  # "PENCE:": the person (mentions.transcript_labels)
    if found and not _speaker_label(builder, keys, label, found):
        return None  # "Numbers Of The Day: ...", "Courier readers: ...": a heading, not a speaker
    end = sent.end
    if colon.i == toks[-1].i and sent.end < len(doc) and "\n" not in parsed_text(doc)[colon.idx:doc[sent.end].idx]:
        end = doc[sent.end].sent.end  # "PENCE:" split off as a sentence of its own: the words are the next one
    if len(keys) != 1 or not any(t.is_alpha for t in doc[colon.i + 1:end]):
        return None  # words too few to tell anything still open a transcript's turn (says_enough)
    named = {t.i for m in found for t in doc.char_span(m.span.start, m.span.end, alignment_mode="expand") or ()}
    if any(t.pos_ in ("ADP", "DET", "PRON", "CCONJ") and t.i not in named and t.head.i not in named for t in label):
        return None  # "Another problem for Sanders: ...": a phrase about the actor, who does not speak
    span = char_span(doc, colon.i + 1, end)
    evidence = char_span(doc, sent.start, end)
    if span is None or evidence is None:
        return None
    text = parsed_text(doc)
    asked = question_before(text, label.start_char) if label.text == ANSWER else turn_before(text, label.start_char)
    if asked is not None and label.text == ANSWER:  # "Q: Will India restore it? A: That is ...": what it answers
        evidence = asked, evidence[1]
    if any(m.actor == keys[0] for m in builder.resolver.mentions_in(*span)):
        return None  # "Putin: The Russian leader had reason to smile": a note about the actor, not their words
    stance = _asked_stance(builder, doc, asked, label.start_char, colon.i + 1, end)
    if stance is not None:  # "Review: What worries you most? / Pereira: That our young people leave": a worry
        trig, question_start = stance
        return Fact(kind=trig.fact_kind, evidence=[Span(question_start, evidence[1])], holders=keys,
                    verb=trig.word, content=text_of(doc, span), content_span=Span(*span), confidence=0.6)
    return Fact(kind="Statement", evidence=[Span(*evidence)], holders=keys, verb="say",
                content=text_of(doc, span), content_span=Span(*span), confidence=0.6)


def says_enough(fact: Fact) -> bool:
    """A labelled statement of three words or more ("TURSUNOV: Thank you." opens a turn and tells nothing)."""
    return sum(1 for w in (fact.content or "").split() if any(c.isalpha() for c in w)) >= 3


DESCRIBED_LABEL = 24  # tokens before the colon: a name and what is said of it
FINITE = ("VBD", "VBZ", "VBP", "MD")


def described_speaker(builder, sent, toks, speaking) -> Fact | None:
    """ "Gabriel Wari, an opposition member, on social media: '...'", "Kauba, speaking on his way out: '...'":
    a sentence opening with one person's name, a comma and what is said of them (no verb of its own), a
    colon, then a quote: that person's Statement of the quote."""
    doc = sent.doc
    colon = next((t for t in toks[:DESCRIBED_LABEL] if t.text == ":"), None)
    if colon is None or colon.i == toks[0].i or in_quote(colon) or any(i < colon.i for i in speaking):
        return None
    opening = next((t for t in doc[colon.i + 1:sent.end] if not t.is_space), None)
    label = doc[toks[0].i:colon.i]
    if opening is None or opening.text not in OPEN_QUOTES + ("``",) or any(
            t.tag_ in FINITE or t.text in OPEN_QUOTES + CLOSE_QUOTES + ("''", "``") for t in label):
        return None
    found = builder.resolver.mentions_in(label.start_char, label.end_char)
    people = {m.actor for m in found if getattr(builder.resolver.actors.get(m.actor), "kind", None) == "Person"}
    if len(people) != 1 or found[0].span.start != label.start_char or found[0].actor not in people:
        return None
    after = next((t for t in label if t.idx >= found[0].span.end), None)
    if after is None or after.text != ",":
        return None  # "Wari on social media:" is a heading's kind of label: the plain colon statement's
    close = next((t for t in doc[opening.i + 1:sent.end] if t.text in CLOSE_QUOTES + ("''",)), None)
    span = char_span(doc, opening.i + 1, close.i if close is not None else sent.end)
    evidence = char_span(doc, sent.start, sent.end)
    if span is None or evidence is None or sum(1 for t in doc[opening.i + 1:sent.end] if t.is_alpha) < 3:
        return None
    return Fact(kind="Statement", evidence=[Span(*evidence)], holders=[found[0].actor], verb="say",
                content=text_of(doc, span), content_span=Span(*span), confidence=0.6)


def _asked_stance(builder, doc, turn: int | None, label: int, first: int, end: int):
    """(trigger, where the question starts) when the turn before an answer asks the one answering for a
    position of theirs and the answer gives one; else None."""
    if turn is None:
        return None
    before = doc.char_span(turn, label, alignment_mode="contract")
    words = [t for t in before or () if not t.is_space]
    if not words or asking.refusal(doc[first:end]):
        return None
    question = doc[words[-1].sent.start:words[-1].i + 1]
    trig = asking.asked_stance(question, builder.lexicon)
    return (trig, max(turn, question.start_char)) if trig is not None else None


def _speaker_label(builder, keys: list[str], label, found) -> bool:
    """Does a label before a colon name its one actor as the speaker? Not a place, not a thing of theirs
    ("Courier readers:", "Editor's note:"), and a name of four words or more ("Slow Gains On Housing
    Reform:") only when the actor is named again outside it: a heading read as a name is never named again."""
    if len(keys) != 1 or getattr(builder.resolver.actors.get(keys[0]), "kind", None) == "Place":
        return False
    doc = label.doc
    named = {t.i for m in found for t in doc.char_span(m.span.start, m.span.end, alignment_mode="expand") or ()}
    words = [t for t in label if t.is_alpha]
    if any(t.i not in named and t.pos_ in ("NOUN", "PROPN") and (
            t.dep_ == "poss" or (t.tag_ in ("NNS", "NNPS") and not label.start <= t.head.i < label.end)
            or (t.tag_ in ("NNS", "NNPS") and t.head == t)) for t in words):
        return False
    if sum(1 for t in words if t.i in named) < 4:
        return True
    return any(m.actor == keys[0] and not (label.start_char <= m.span.start < label.end_char)
               for m in builder.resolver.mentions())


# a closing quote, a dash, a name of one to four words, maybe a comma and a few words more ("― Ana Ortiz,
# Phoenix"), then the end of the line
SIGNED = re.compile(r"[”\"]\s*[―—–]\s*(?P<name>[A-Z][\w.'’-]*(?:[ \u00a0][A-Z][\w.'’-]*){0,3})"
                    r"(?:,[^\n,]{1,40})?\s*\.?[ \t\u00a0]*(?=\n|$)")
OPENING = {"”": "“", '"': '"'}


def signed_quotes(builder, text: str, facts: list[Fact]) -> list[Fact]:
    """'"We need jobs." ― Ana Ortiz': the quote its line opens is the Statement of the one person the
    signature names; none when it names no one known, or several, or the quote is someone's already."""
    out = []
    for m in SIGNED.finditer(text):
        close = m.start()
        line = text.rfind("\n", 0, close) + 1
        start = text.find(OPENING[text[close]], line, close)
        if start < 0 or len(text[start + 1:close].split()) < 3:
            continue
        keys = list(dict.fromkeys(x.actor for x in builder.resolver.mentions_in(close, m.end("name"))))
        if len(keys) != 1 or builder.resolver.actor(keys[0]).kind != "Person":
            continue
        first, last = start + 1, close
        while first < last and text[first].isspace():
            first += 1
        while last > first and text[last - 1].isspace():
            last -= 1
        if any(f.kind == "Statement" and f.content_span is not None and f.content_span.start < last
               and first < f.content_span.end and f.holders for f in facts):
            continue
        out.append(Fact(kind="Statement", evidence=[Span(start, m.end("name"))], holders=keys, verb="say",
                        content=text[first:last], content_span=Span(first, last), confidence=0.6))
    return out
