"""Estimates: numbers with what they count ("as many as 2,700 Chechens are fighting for ISIS").

A number makes an estimate when someone stands behind it (an `estimate` trigger, "according to X",
a speaker) or when it is stated as approximate ("as many as", "about", "an estimated"). Dates, times,
money nobody stands behind and ordinary counts ("the two nations", "three objectives") are not estimates.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from ...model import Fact, Span
from .spans import char_span, subtree_span, text_of

APPROXIMATE = ("many", "about", "around", "some", "nearly", "almost", "roughly", "approximately",
               "estimated", "up", "least", "over", "more", "than", "few", "most")
NOT_COUNTS = ("DATE", "TIME", "ORDINAL", "PERCENT", "MONEY")
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100,
          "dozen": 12}
_SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


def number_value(tokens: list[Token]) -> float | None:
    """The value of a number phrase: "2,700", "1.5 million", "two", "hundreds" is none."""
    value, scale = None, 1
    for tok in tokens:
        text = tok.lower_.replace(",", "")
        if re.fullmatch(r"\d+(\.\d+)?", text):
            value = float(text)
        elif text in _SCALE and value is not None:
            scale *= _SCALE[text]
        elif text in _WORDS and value is None:
            value = float(_WORDS[text])
    return None if value is None else value * scale


def counted(sent, sourced: bool = False) -> list[tuple[Token, list[Token], Token, bool]]:
    """(number head, number tokens with their modifiers, counted noun) in a sentence. Shares ("about
    30 percent") count when someone stands behind them (`sourced`): what they measure is then the
    subject of their clause ("Russian oil revenues fell by about 30 percent"), as do totals ("the death
    toll rose to 300"). A part of a whole told in numbers ("46 of the 81 seats") counts whoever tells it.
    The last item tells whether the number needs to be stated as approximate to make an estimate on its
    own (counts of things do; sourced shares and totals, and parts of wholes, do not)."""
    out = []
    for tok in sent:
        if sourced and tok.like_num and tok.ent_type_ == "PERCENT" and tok.head.lower_ in ("percent", "%"):
            subject = _clause_subject(tok.head)
            if subject is not None:
                out.append((tok, sorted([*tok.subtree, tok.head], key=lambda t: t.i), subject, False))
            continue
        if sourced and _sign(tok) and tok.dep_ in ("dobj", "pobj", "attr", "nsubj", "nsubjpass"):
            own = [t for t in tok.subtree if t.i <= tok.i]  # "would lend $2 billion": the sum counts dollars
            out.append((tok, own, tok, not _projected(tok, own)))
            continue
        whole = _whole_of(tok)
        if whole is not None:  # "holds 46 of the 81 seats": a part of a whole, told in numbers
            own = sorted([t for t in tok.subtree if t.i <= tok.i], key=lambda t: t.i)
            out.append((tok, own, whole, False))
            continue
        if sourced and tok.like_num and tok.pos_ == "NUM" and tok.dep_ in ("pobj", "dobj", "attr") \
                and tok.ent_type_ in ("CARDINAL", ""):  # "the death toll rose to 300, officials said"
            subject = _clause_subject(tok)
            if subject is not None and subject.pos_ == "NOUN":
                out.append((tok, sorted(tok.subtree, key=lambda t: t.i), subject, False))
            continue
        if tok.dep_ != "nummod" or not tok.like_num or not _counts(tok, sourced):
            continue
        noun = tok.head
        if noun.pos_ not in ("NOUN", "PROPN") or not _counts(noun, sourced):
            continue
        phrase = sorted([t for t in tok.subtree], key=lambda t: t.i)
        out.append((tok, phrase, noun, not (sourced and _projected(noun, phrase))))
    return out


CURRENCY_SIGNS = {"$": "dollars", "US$": "dollars", "€": "euros", "£": "pounds", "¥": "yen"}


def _sign(tok: Token) -> str | None:
    """The currency sign of a sum written with one ("$2 billion": the number "billion" holds "$")."""
    if not (tok.like_num and tok.ent_type_ == "MONEY"):
        return None
    return next((c.text for c in tok.children if c.text in CURRENCY_SIGNS and c.i < tok.i), None)


def _whole_of(tok: Token) -> Token | None:
    """The noun of the whole a number is a part of ("46 of the 81 seats": seats), told with its own number."""
    if not (tok.like_num and tok.pos_ == "NUM" and tok.ent_type_ in ("CARDINAL", "")
            and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "pobj")):
        return None
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if noun is None or noun.pos_ != "NOUN" or noun.tag_ != "NNS":
        return None
    told = [c for c in noun.children if c.dep_ == "nummod" and c.like_num]
    return noun if told and any(c.lower_ == "the" for c in noun.children) else None


def _counts(tok: Token, sourced: bool) -> bool:
    """A token of a count: not a date, time, rank or share; a sum of money only when someone stands
    behind it ("said Canberra would provide 400 million dollars": the sum is the minister's figure)."""
    return tok.ent_type_ not in NOT_COUNTS or (sourced and tok.ent_type_ == "MONEY")


PROJECTING = ("will", "would", "could", "may", "might")  # "said 2 million people would need aid"
LARGE = 100  # below it a count is an ordinary one ("two ministers would travel"), not a projection


def _projected(noun: Token, phrase: list[Token]) -> bool:
    """A large count in a clause told as what will or would be ("9 million people would need aid"): a
    projection someone stands behind is an estimate, however exact its figure."""
    verb = noun.head if noun.dep_ in ("nsubj", "nsubjpass", "dobj") else None
    return verb is not None and verb.pos_ in ("VERB", "AUX") and (number_value(phrase) or 0) >= LARGE and any(
        c.dep_ == "aux" and c.lower_ in PROJECTING for c in verb.children)


def _clause_subject(tok: Token) -> Token | None:
    for up in [tok, *tok.ancestors][:4]:
        subj = next((c for c in up.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and up.pos_ in ("VERB", "AUX"):
            return subj
    return None


def approximate(phrase: list[Token]) -> bool:
    return any(t.lower_ in APPROXIMATE and t.dep_ in ("quantmod", "advmod", "amod", "det") for t in phrase)


def fill(fact: Fact, number: Token, phrase: list[Token], noun: Token, counts: bool = True) -> None:
    """Set quantity, its text and (unless `counts` is false: put_figure named it) what it counts on a fact."""
    doc = number.doc
    fact.quantity = number_value(phrase)
    qspan = char_span(doc, phrase[0].i, phrase[-1].i + 1)
    fact.quantity_text = text_of(doc, qspan) if qspan else number.text
    if not counts:
        return
    if noun.i == number.i:  # "$2 billion": the sign names what is counted
        fact.counts = CURRENCY_SIGNS.get(_sign(number) or "", number.text)
        return
    nstart = _modified_start(noun)
    nspan = char_span(doc, nstart if noun.i < phrase[0].i else max(nstart, phrase[-1].i + 1), noun.i + 1)
    fact.counts = text_of(doc, nspan) if nspan else noun.text


def _modified_start(noun: Token) -> int:
    """Where a counted noun's phrase starts: with its compounds and adjectives ("displaced people")."""
    return min([c.left_edge.i for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i] + [noun.i])


def clause_of(noun: Token) -> tuple[int, int]:
    """The clause a counted noun takes part in (its verb's subtree), or the noun phrase."""
    tok = noun
    while tok.dep_ not in ("nsubj", "nsubjpass", "dobj") and tok.head != tok and tok.pos_ != "VERB":
        tok = tok.head
    verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass", "dobj") else None
    if verb is None and noun.pos_ == "NUM" and tok.pos_ == "VERB":  # a sum by itself: "stood at about $12 billion"
        verb = tok
    if verb is not None:
        start, end = subtree_span(verb)
        joined = [c for c in verb.children if c.dep_ == "conj" and c.i > noun.i]
        if joined:  # "had deployed 10,000 soldiers and had taken over 500 sites": the first clause only
            end = min(c.left_edge.i for c in joined)
            while end > start + 1 and tok.doc[end - 1].dep_ in ("cc", "punct"):
                end -= 1
        return start, end
    return subtree_span(noun)


def standalone(number: Token, phrase: list[Token], noun: Token, evidence: Span,
               needs_approximate: bool = True) -> Fact | None:
    """An estimate of a number no estimate fact covers: a count only when stated as approximate."""
    if needs_approximate and not approximate(phrase):
        return None
    doc = number.doc
    span = char_span(doc, *clause_of(noun))
    fact = Fact(kind="Estimate", evidence=[evidence], verb="estimate", confidence=0.6,
                content=text_of(doc, span), content_span=Span(*span))
    fill(fact, number, phrase, noun)
    return fact


def put_at(pred: Token) -> tuple[int, int] | None:
    """"put the toll (the cost of X) at about 300": the figure named and the number it is put at (a token
    range), or None when the verb puts nothing at a number."""
    obj = next((c for c in pred.children if c.dep_ == "dobj"), None)
    at = next((c for c in pred.children if c.dep_ == "prep" and c.lower_ == "at"), None)
    if obj is None or at is None or at.i < obj.i or not any(t.like_num for t in at.subtree):
        return None
    return obj.left_edge.i, at.right_edge.i + 1


def put_figure(fact: Fact, pred: Token) -> tuple[int, int] | None:
    """An estimate told as putting a figure at a number: its content is both, its count the figure's noun."""
    put = put_at(pred)
    span = char_span(pred.doc, *put) if put else None
    if not span:
        return None
    fact.content_span, fact.content, fact.counts = Span(*span), text_of(pred.doc, span), put_counts(pred)
    return put


FIGURE_WORDS = ("figure", "total", "tally", "count", "estimate")  # a figure that names nothing it counts


def put_counts(pred: Token) -> str | None:
    """What a figure put at a number counts: "the number of displaced people": displaced people; "the death
    toll": death toll; "the figure": nothing named here."""
    obj = next((c for c in pred.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    if obj.lemma_ in FIGURE_WORDS:  # "40,000 people attended; the police put the figure at 12,000": people
        told = [t.head for t in obj.doc[obj.sent.start:obj.i] if t.dep_ == "nummod" and t.like_num
                and t.head.pos_ == "NOUN" and _counts(t, False)]
        noun = told[-1] if told else None
    else:
        noun = number_of([obj]) if obj.lemma_ == "number" else obj
    if noun is None:
        return None
    span = char_span(noun.doc, _modified_start(noun), noun.i + 1)
    return text_of(noun.doc, span) if span else noun.text


def loose_number(tokens) -> tuple[Token, list[Token]] | None:
    """A number standing on its own ("put the number ... at around 11,000"): (number, its phrase); a sum
    too ("put the cost at Rs 40 billion"): an estimate's number is someone's figure."""
    for tok in tokens:
        if tok.like_num and tok.dep_ in ("pobj", "attr", "dobj", "nsubj", "npadvmod", "appos") \
                and (tok.ent_type_ not in NOT_COUNTS or tok.ent_type_ == "MONEY") and tok.pos_ == "NUM":
            phrase = sorted(tok.subtree, key=lambda t: t.i)
            cut = next((t.i for t in phrase if t.i > tok.i and t.is_punct), None)  # "Rs 40 billion, less than ..."
            return tok, [t for t in phrase if cut is None or t.i < cut]
    return None


def number_of(tokens) -> Token | None:
    """What "the number of X" counts: X."""
    for tok in tokens:
        if tok.lemma_ == "number":
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if of is not None:
                return next((g for g in of.children if g.dep_ == "pobj"), None)
    return None


def fill_loose(fact: Fact, tokens) -> None:
    """Quantity of an estimate whose number stands apart from what it counts."""
    found = loose_number(tokens)
    if found is None:
        return
    number, phrase = found
    fact.quantity = number_value(phrase)
    span = char_span(number.doc, phrase[0].i, phrase[-1].i + 1)
    fact.quantity_text = text_of(number.doc, span) if span else number.text
    counted_noun = number_of(tokens)
    if counted_noun is not None:
        span = char_span(number.doc, counted_noun.left_edge.i, counted_noun.i + 1)
        fact.counts = text_of(number.doc, span) if span else counted_noun.text


def in_relative_clause(noun: Token) -> bool:
    """The counted noun stands in a relative clause: background the writer gives, nobody's claim."""
    return any(t.dep_ == "relcl" for t in [noun, *noun.ancestors][:4])
