"""A suggestion made in mockery: a Statement whose words suggest something ("maybe we should ask the wind
to sign a contract") told by the writer as a joke, sarcasm or mockery ("she joked", "was scathing about",
"mocking the bill") in its own sentence or a neighbouring one of the same paragraph that names the speaker,
or in the next one calling it "the remark" ("officials said the remark was a joke").
Such a remark is not the speaker's proposal: the fact is marked ironic (kg:ironic) and a yes/no question
about the proposal is answered No with it. Precision first: the writer's own cue word, never the words'
form alone ("perhaps we should talk to them" may be meant).
"""
from __future__ import annotations

from bisect import bisect_right

from ...model import Fact
from .spans import inside_quote

# the writer's words telling a remark as mockery, a joke or sarcasm (lemmas, lower case)
CUES = frozenset(("mock", "mocking", "joke", "joking", "jokingly", "quip", "jest", "jesting", "scathing",
                  "sarcastic", "sarcastically", "sarcasm", "ironic", "ironically", "irony", "deride", "derisive",
                  "derisively", "ridicule", "scoff", "sneer", "taunt", "tongue-in-cheek", "facetious",
                  "facetiously", "wisecrack", "laugh", "laughter"))  # an audience laughing: told as a joke
SUGGESTING = frozenset(("should", "could", "might", "ought"))  # modals of a suggestion ("we should ...")
# words that make a suggestion a mock one: offhand ("perhaps", "maybe") or piled on ("too", "as well");
# without them, "Mocking the record, X said we should cut taxes" may be X's own proposal
MOCK_MARKS = frozenset(("perhaps", "maybe", "too", "also", "well"))
OFFHAND = frozenset(("perhaps", "maybe"))  # with these, any modal: "perhaps this one will come with a fairy"
# nouns by which the writer points back at the words just quoted ("the remark was a joke")
REMARKS = frozenset(("remark", "comment", "quip", "line", "jibe", "gibe", "question"))


def mark(facts: list[Fact], doc, resolver) -> None:
    """Set `ironic` on each Statement with a speaker whose words suggest something the writer tells as
    mockery."""
    sents = list(doc.sents)
    starts = [s.start_char for s in sents]
    for fact in facts:
        if fact.kind != "Statement" or not fact.holders or fact.content_span is None or not _suggests(fact, doc):
            continue
        own = sorted({bisect_right(starts, at) - 1 for e in fact.evidence for at in (e.start, max(e.start, e.end - 1))})
        opened = bisect_right(starts, _quote_opening(doc, fact.content_span.start)) - 1
        own = list(range(min(opened, own[0]), own[-1] + 1))  # '"Wonderful. Another brigade. Perhaps ...," she said'
        near = [i for i in (min(own) - 1, max(own) + 1) if 0 <= i < len(sents) and _same_paragraph(doc, sents, i, own)]
        if any(_cue(sents[i]) for i in own) or any(_cue(sents[i]) and (
                _names(resolver, sents[i], fact.holders) or (i > max(own) and _points_back(sents[i]))) for i in near):
            fact.ironic = True


def _suggests(fact: Fact, doc) -> bool:
    """Words that put something forward offhand: a modal of suggestion with a mark of mockery ("maybe we
    should ...", "we should ... too", "... as well"), any modal after "perhaps" or "maybe", or "why not" and
    a verb."""
    span = doc.char_span(fact.content_span.start, fact.content_span.end, alignment_mode="expand")
    if span is None:
        return False
    marks = {t.lower_ for t in span if t.lower_ in MOCK_MARKS and (
        t.lower_ != "well" or (t.i > 0 and t.nbor(-1).lower_ == "as"))}
    modals = {t.lower_ for t in span if t.tag_ == "MD"}
    why_not = any(t.lower_ == "why" and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "not"
                  and doc[t.i + 2].tag_ == "VB" for t in span)  # "Why not give them the palace too?"
    return why_not or bool(marks) and bool(modals & SUGGESTING or (modals and marks & OFFHAND))


def _cue(sent) -> bool:
    """A cue word of the writer's (outside quotation marks)."""
    return any((t.lower_ in CUES or t.lemma_.lower() in CUES) and not inside_quote(t) for t in sent)


def _quote_opening(doc, at: int) -> int:
    """Where the quotation holding the character `at` opens (its first sentence may come before the
    remark's own): `at` itself when it is not quoted."""
    tok = doc.char_span(at, at + 1, alignment_mode="expand")
    if tok is None or not inside_quote(tok[0]):
        return at
    i = tok[0].i
    while i > 0 and inside_quote(doc[i - 1]):
        i -= 1
    return doc[i].idx


def _points_back(sent) -> bool:
    """The sentence calls the words before it "the remark" ("the remark was a joke"), outside quotation marks."""
    return any(t.lemma_.lower() in REMARKS and t.tag_ == "NN" and not inside_quote(t) and any(
        c.dep_ == "det" and c.lower_ in ("the", "that", "this", "his", "her") for c in t.children) for t in sent)


def _names(resolver, sent, holders: list[str]) -> bool:
    """The sentence names one of the speakers, or refers to one by a pronoun ("He went further, mocking ...")."""
    if any(m.actor in holders for m in resolver.mentions_in(sent.start_char, sent.end_char)):
        return True
    return any(set(resolver.resolve(sent[t.i - sent.start:t.i - sent.start + 1])) & set(holders)
               for t in sent if t.pos_ == "PRON" and t.dep_ in ("nsubj", "nsubjpass") and not inside_quote(t))


def _same_paragraph(doc, sents, i: int, own: list[int]) -> bool:
    """No line break between sentence i and the fact's sentences (a sentence's trailing space included)."""
    first, second = (sents[i], sents[min(own)]) if i < min(own) else (sents[max(own)], sents[i])
    return "\n" not in doc.text[first.start_char + len(first.text.rstrip()):second.start_char]
