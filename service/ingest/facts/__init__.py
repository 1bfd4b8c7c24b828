"""The facts stage: typed, grounded facts from the parse of a document.

`extract(doc, resolver, document, lex)` reads each sentence as an analyst would: every predicate the
lexicon knows (service/lexicon/verbs.tsv) makes a fact of its kind; other verbs with a known doer make
a generic subject-verb-object Action (kg:verb = lemma), so "What did X <verb>?" finds something
grounded. Positions reported inside another position are kept only when someone's words carry
them (then attributed to the speaker). Facts with no resolvable holder are dropped, except estimates
and attributed ones. Every content is verbatim: `fact.content == document.text[content_span]`.
"""
from __future__ import annotations

import re

from ...errors import DocumentError
from ...model import Document, Fact
from . import attributions, irony, lexicon, referents
from .meetings import Meetings
from .named_back import named_back
from .positions import Builder
from .quotes import Quotes
from .reader import Reader
from .spans import TEXT_KEY, parsed_text


def extract(doc, resolver, document: Document, lex: lexicon.Lexicon) -> list[Fact]:
    """Facts of one document. `doc` is the spaCy Doc whose character offsets index document.text;
    `lex` the trigger lexicon (an Extractor's `triggers`)."""
    if len(document.text) != len(parsed_text(doc)):
        raise DocumentError(f"{document.id}: the parse does not index the document text (lengths differ)")
    doc.user_data[TEXT_KEY] = document.text
    builder = Builder(doc, resolver, lex, document.published)
    reader = Reader(builder, Meetings(builder), Quotes())
    headline = _headline_end(document)
    facts: list[Fact] = []
    parsed = parsed_text(doc)
    for sent in doc.sents:
        text = parsed[sent.start_char:sent.end_char]  # sent.text, without joining its tokens again
        if not text.isspace() and not RETRACTED.match(text):
            reader.headline = sent.start_char < headline
            facts += reader.sentence(sent)
    facts += attributions.signed_quotes(builder, document.text, facts)
    # "X spoke on Monday", with no quote found for it either: someone spoke, nothing said is reported
    facts = [f for f in facts if not (f.kind == "Statement" and f.content is None and not f.recipient)]
    facts += named_back(facts, document.text, lex.referents)  # "That was my proposal": the words before
    referents.link(facts, doc, resolver, lex.referents)  # "accepted the proposal": which proposal
    irony.mark(facts, doc, resolver)  # "maybe we should ask the wind", mocking: no proposal
    return facts


# a correction note's account of what an earlier version wrongly said: nothing in it is reported as so
# ("An earlier version of this article said", "In our 13:05 entry we said", "Correction: We wrongly reported")
_LABEL = r"(?:Correction|Clarification|Editor's note)\b[^:]{0,40}:\s*"
_EARLIER = r"(?:earlier|previous|original|prior)"
RETRACTED = re.compile(
    rf"\W*(?:(?:{_LABEL})?(?:An?|The) {_EARLIER} version of this (?:story|article|report|post|piece)\b"
    rf"|(?:{_LABEL})?In (?:our|an|the) (?:{_EARLIER}|[\d:.]+(?: ?[ap]\.?m\.?)?) (?:entry|post|update|version|story"
    rf"|article|report)\b[^.]{{0,60}}?\bwe (?:said|reported|wrote|stated)\b"
    rf"|{_LABEL}We (?:{_EARLIER}ly |wrongly |incorrectly |mistakenly )?(?:said|reported|wrote|stated)\b)", re.I)


def _headline_end(document: Document) -> int:
    """Where the headline ends when the text opens with it as its first line (0 when it does not)."""
    title = " ".join((document.title or "").split())
    lead = len(document.text) - len(document.text.lstrip())
    line_end = document.text.find("\n", lead)
    line_end = len(document.text) if line_end < 0 else line_end
    line = " ".join(document.text[lead:line_end].split())
    return line_end if title and line.rstrip(" .") == title.rstrip(" .") else 0  # "Talks Resume." is the title


