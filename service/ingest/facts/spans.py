"""Spans of a parsed document: the document's own text over a character span (the parse reads a
normalized copy of equal length), a token range's characters with edge punctuation trimmed, whether a
token is inside a quote, a noun phrase's bounds, a token's child by dependency. Each computed once per
Doc where rules ask again (kept in doc.user_data).
"""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .. import columns
from ..nlp import PARSED_KEY, SENTENCES_KEY

NP_CUT = ("relcl", "acl", "advcl", "punct", "cc", "appos")
TEXT_KEY = "kgqa_text"


def text_of(doc, span: tuple[int, int]) -> str:
    """The document's own text over a character span. The parsed text is an equal-length normalized
    copy (odd spaces made plain); facts quote the text exactly as ingested, which extract() puts in
    `doc.user_data[TEXT_KEY]`."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:  # not as get()'s default: Doc.text rebuilds the whole text from its tokens
        text = doc.text
    return text[span[0]:span[1]]


def sentence_of(tok: Token) -> tuple[int, int]:
    """(start, end) of the token's sentence: `tok.sent`'s bounds without making the Span."""
    table = tok.doc.user_data.get(SENTENCES_KEY)
    if table is None:
        sent = tok.sent
        return sent.start, sent.end
    return table[tok.i]


INDEXES_KEY = "kgqa_token_indexes"


def any_between(doc, test, start: int, end: int) -> bool:
    """Does a token of [start, end) pass `test` (a module-level function of a Token)? The passing
    tokens are found once per Doc and test, so that a rule can skip a scan that would find nothing;
    a test marked with `only` is tried on the tokens its mark allows, not on every token."""
    memo = doc.user_data.get(INDEXES_KEY)
    if memo is None:
        memo = doc.user_data[INDEXES_KEY] = {}
    found = memo.get(test)
    if found is None:
        mark = getattr(test, "only", None)
        if mark is None:
            found = [t.i for t in doc if test(t)]
        else:
            found = [i for i in columns.where(doc, *mark) if test(doc[i])]
        memo[test] = found
    at = bisect_left(found, start)
    return at < len(found) and found[at] < end


def only(name: str, *values: str):
    """Marks a test of any_between as false for every token whose `name` attribute (columns.where) is
    none of `values`: its index then reads those tokens alone."""
    def mark(test):
        test.only = (name, values)
        return test
    return mark


@only("dep", "conj", "cc")
def coordinating(tok: Token) -> bool:
    return tok.dep_ in ("conj", "cc")


def coordinated_below(tok: Token) -> bool:
    """Is a conjunct or a conjunction in the token's subtree? (Its bounds first: most hold none.)"""
    return any_between(tok.doc, coordinating, tok.left_edge.i, tok.right_edge.i + 1) and any(
        coordinating(c) for c in tok.subtree)


def parsed_text(doc) -> str:
    """The parsed text (equal-length, normalized): kept by nlp.py when it joins the pieces, else built
    once per Doc (Doc.text joins every token again on each call)."""
    text = doc.user_data.get(PARSED_KEY)
    if text is None:
        text = doc.user_data[PARSED_KEY] = doc.text
    return text


CHAR_SPANS_KEY = "kgqa_char_spans"


def char_span(doc, start: int, end: int) -> tuple[int, int] | None:
    """Character span of tokens [start, end) with edge punctuation, spaces and marks trimmed (once per
    Doc and range: the rules ask for the same ranges again)."""
    memo = doc.user_data.get(CHAR_SPANS_KEY)
    if memo is None:
        memo = doc.user_data[CHAR_SPANS_KEY] = {}
    key = (start, end)
    if key not in memo:
        memo[key] = _char_span(doc, start, end)
    return memo[key]


def _char_span(doc, start: int, end: int) -> tuple[int, int] | None:
    while start < end and _edge(doc[start], leading=True):
        start += 1
    while end > start and _edge(doc[end - 1], leading=False):
        end -= 1
    if start >= end:
        return None
    counts = _quote_counts(doc)
    opens = counts[0][end] - counts[0][start]
    closes = counts[1][end] - counts[1][start]
    if (counts[2][end] - counts[2][start]) % 2:  # straight quotes: open or close by position
        if doc[start].text == '"':
            opens += 1
        else:
            closes += 1 if doc[end - 1].text == '"' else 0
            opens += 1 if doc[end - 1].text != '"' else 0
    if start < end and opens > closes and doc[start].text in "“‘\"":  # a quote opened, closed outside
        start += 1
    elif opens > closes:  # a quote opened inside, closed just after: 'meeting “transcended expectations.”'
        after = [t.i for t in doc[end:end + 2] if t.text in "”’\""]
        if after and all(t.is_punct for t in doc[end:after[0] + 1]):
            end = after[0] + 1
    if start < end and closes > opens and doc[end - 1].text in "”’\"":
        end -= 1
    if start >= end:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


QUOTES_KEY = "kgqa_quotes"


def _quote_counts(doc) -> tuple[list[int], list[int], list[int]]:
    """Opening, closing and straight quote tokens before each token index, counted once per Doc
    (char_span runs for every candidate span of every sentence)."""
    counts = doc.user_data.get(QUOTES_KEY)
    if counts is None:
        n = len(doc)
        counts = doc.user_data[QUOTES_KEY] = (
            _prefix_counts(n, columns.where(doc, "text", columns.substrings("“‘"))),  # `t.text in "“‘"`
            _prefix_counts(n, columns.where(doc, "text", columns.substrings("”’"))),
            _prefix_counts(n, columns.where(doc, "text", ('"',))))
    return counts


def _prefix_counts(n: int, marked: list[int]) -> list[int]:
    """For each of n + 1 positions, how many of the (sorted) marked token indices come before it."""
    out, count, at = [0] * (n + 1), 0, 0
    for i in marked:
        out[at:i + 1] = [count] * (i + 1 - at)
        count, at = count + 1, i + 1
    out[at:] = [count] * (n + 1 - at)
    return out


def _edge(tok: Token, leading: bool) -> bool:
    if tok.is_space or (tok.is_punct and tok.text not in ")]" and not (not leading and tok.text in "”\"’'"
                                                                         and _opened(tok))):
        return True
    return leading and tok.dep_ == "mark" and tok.lower_ in ("that", "whether")


def _opened(tok: Token) -> bool:
    """A closing quote whose opening quote is in the same sentence before it (keep it then)."""
    before = tok.doc[tok.sent.start:tok.i]
    return sum(1 for t in before if t.text in "“\"") % 2 == 1 and any(t.text in "“\"" for t in before)


def in_quote(tok: Token) -> bool:
    """Is the token between quotation marks of its own sentence?"""
    before = tok.doc[tok.sent.start:tok.i]
    curly = sum(1 for t in before if t.text in ("“", "‘")) - sum(1 for t in before if t.text in ("”", "’"))
    return curly > 0 or sum(1 for t in before if t.text == '"') % 2 == 1


QUOTE_MASK_KEY = "kgqa_quote_mask"


def inside_quote(tok: Token) -> bool:
    """Is the token inside double quotation marks, counted over its paragraph (a sentence may open
    inside a quote: 'He lost," Ruiz said' is outside once the quote closes)? A straight mark closes
    whatever quote is open, curly or straight."""
    doc = tok.doc
    mask = doc.user_data.get(QUOTE_MASK_KEY)
    if mask is None:
        doc.user_data[QUOTE_MASK_KEY] = mask = _quote_mask(doc)
    return mask[tok.i]


MARKS = ("“", "``", "”", "''", '"')


def _quote_mask(doc) -> list[bool]:
    """inside_quote for every token. Only quote marks and line breaks change the depth, so only those
    tokens are read; the runs between them take the depth as it stands (a token's trailing whitespace
    is at most one space, never a line break)."""
    strings = doc.vocab.strings
    text = {strings[m]: m for m in MARKS}
    orth = columns.ids(doc, "text")
    events = sorted({*columns.where(doc, "text", MARKS), *columns.holding(doc, "\n")})
    breaks = set(columns.holding(doc, "\n"))
    mask, depth, at = [False] * len(doc), 0, 0
    for i in events:
        if depth > 0:
            mask[at:i] = [True] * (i - at)
        if i in breaks:
            depth = 0
        mark = text.get(orth[i])
        if mark in ("“", "``"):
            depth += 1
        elif mark in ("”", "''"):
            depth = max(0, depth - 1)
        elif mark == '"':
            depth = depth - 1 if depth else 1
        mask[i] = depth > 0 and mark not in ("“", "``", '"')
        at = i + 1
    if depth > 0:
        mask[at:] = [True] * (len(doc) - at)
    return mask


def within_quote(tok: Token, span: tuple[int, int]) -> tuple[int, int]:
    """A token range cut where the quote around `tok` closes, when it closes inside the range (the quoted
    words, not the frame that follows them)."""
    end = next((t.i for t in tok.doc[max(tok.i, span[0]):span[1]] if t.text in ("”", '"', "''")), span[1])
    while end > span[0] + 1 and tok.doc[end - 1].is_punct:
        end -= 1
    return (span[0], end) if end > span[0] else span


def subtree_span(tok: Token) -> tuple[int, int]:
    """Token range [start, end) of a token's subtree, with the rest of a word the parser split into
    siblings of the same role ("seek [re - election]": three objects of "seek", written as one word)."""
    doc, end = tok.doc, tok.right_edge.i + 1
    while end < len(doc) and not doc[end - 1].whitespace_ and doc[end].head == tok.head != doc[end] \
            and doc[end].dep_ == tok.dep_:
        end = doc[end].right_edge.i + 1
    return tok.left_edge.i, end


NOUN_PHRASES_KEY = "kgqa_noun_phrases"


def noun_phrase(tok: Token) -> SpacySpan:
    """The noun phrase headed by `tok`, without relative clauses, appositions and trailing commas:
    what the actors stage resolves ("Both the US and Russia", "Presidents Barack Obama and Putin").
    Its bounds are found once per token of a Doc (the rules ask again for the same heads)."""
    doc = tok.doc
    memo = doc.user_data.get(NOUN_PHRASES_KEY)
    if memo is None:
        memo = doc.user_data[NOUN_PHRASES_KEY] = {}
    bounds = memo.get(tok.i)
    if bounds is None:
        bounds = memo[tok.i] = _noun_phrase(tok)
    return SpacySpan(doc, *bounds)


def trimmed_end(doc, floor: int, end: int) -> int:
    """`end` moved back over trailing punctuation and spaces, never below `floor`."""
    while end > floor and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return end


def _noun_phrase(tok: Token) -> tuple[int, int]:
    doc = tok.doc
    start, end = tok.left_edge.i, tok.i + 1
    for child in tok.children:
        if child.i > tok.i and child.dep_ not in NP_CUT and not (child.dep_ == "prep" and child.lower_ == "along"):
            end = max(end, child.right_edge.i + 1)
        if child.dep_ == "conj":  # a coordination: keep its conjuncts, but cut their relative clauses
            end = max(end, noun_phrase(child).end)
    end = trimmed_end(doc, start + 1, end)
    dashes = [t.i for t in doc[start:tok.i] if t.text in ("—", "–", "--", "-") and t.dep_ == "punct"]
    if dashes:  # a dateline the parser took in: "WARSAW — Poland's parliament"
        start = dashes[-1] + 1
    return start, max(start, end)  # as doc[start:end] would clip it


def between(tok: Token) -> list[Token]:
    """The objects of "between X and Y" under a token ("support among Sunnis" says where, not who)."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "between":
            return [g for g in child.children if g.dep_ == "pobj"]
    return []


def child(tok: Token, *deps: str, lemma: str | None = None) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps and (lemma is None or c.lemma_.lower() == lemma or c.lower_ == lemma):
            return c
    return None
