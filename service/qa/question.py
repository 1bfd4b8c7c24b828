"""The words of a question: the parse's result (`Parsed`), the question cleaned, its content words, a verb's
lemma by the lexicon, the kind of fact a noun names; shared by the fixed shapes (parse.py) and the clause
reader (clause.py).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .lexicon import QuestionLexicon

AUX = ("did", "does", "do", "has", "have", "had", "will", "would", "is", "are", "was", "were", "can",
       "could", "should", "might", "may", "shall")
PREPS = ("at", "during", "in", "on", "about", "of", "to", "with", "for", "over", "against", "regarding",
         "towards", "toward", "from", "by", "concerning", "between", "into", "after", "before", "under")
WHEN_WORDS = ("last", "this", "next", "year", "month", "week", "decade")  # "did Peru mine last year"
# words saying an act is shared, which asking it of two actors together already requires
SHARED = ("joint", "common", "bilateral", "mutual")
WORD = re.compile(r"[\w][\w'\-\.]*[\w]|[\w]")


@dataclass
class Parsed:
    template: str
    slots: dict = field(default_factory=dict)  # text slots: actor, other, actors, occasion, topic, ...
    words: list[str] = field(default_factory=list)  # content words the facts' text should contain
    yesno: bool = False  # "did X rule out Y?": answered with a verdict
    strict: bool = False  # "who said <the words>": most of the words must be the fact's, not half
    head: str = ""  # the object's head noun ("the ECOWAS sanctions"): a fact must name it
    details: tuple[str, ...] = ()  # what a meeting question asks for ("how long": its length), if it says
    remote: bool = False  # the question names a call ("how long did the call last"): a meeting by phone
    in_person: bool = False  # "when did X and Y meet": face to face, not a phone call
    ahead: bool = False  # "when will X and Y meet (again)": a meeting still to come, not one held
    need: list[str] = field(default_factory=list)  # words a fact or its passage must all have
    target: bool = False  # the topic is the verb's object ("who accused X"): what X holds answers nothing
    partner: bool = False  # "who did X meet", "who met X": a meeting that names someone besides X
    counted: list[str] = field(default_factory=list)  # "how many soldiers has X deployed": one in the fact
    counting: str = ""  # the act that counts them ("deployed"): its figure may stand beside others


def clean(question: str) -> str:
    """Control characters out, quotes and spaces plain, trailing punctuation dropped."""
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in question)
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.split()).strip(" ?!.")


def split_actors(text: str) -> list[str]:
    """'obama and putin' -> ['obama', 'putin'] (hyphenated pairs, 'Obama-Putin', are split when linked)."""
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", text, flags=re.I)
    return [p.strip() for p in parts if p.strip()]


def content_words(text: str, lex: QuestionLexicon) -> list[str]:
    return [w for w in (m.group(0).lower().strip("'.") for m in WORD.finditer(text))
            if w not in lex.stopwords and len(w) > 1]


def lemma(word: str, lex: QuestionLexicon, tagger_lemma: str | None = None) -> str:
    """The verb's lemma: irregular forms, then suffixes stripped to a lemma the lexicon knows."""
    w = word.lower()
    if w in lex.irregular:
        return lex.irregular[w]
    known = set(lex.verbs) | lex.meeting_verbs | lex.light_verbs
    heads = {k.split()[0] for k in known}
    if w in heads:
        return w
    for cut, add in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""),
                     ("es", ""), ("s", "")):
        if w.endswith(cut) and len(w) > len(cut) + 2:
            stem = w[: -len(cut)] + add
            if stem in heads:
                return stem
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in heads:
                return stem[:-1]  # planned -> plan
    return (tagger_lemma or w).lower()


def kind_named(word: str, lex: QuestionLexicon) -> str | None:
    """The kind of fact a noun names ("proposals": Proposal, "fears": Concern), or None."""
    for form in (word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith("es") else word):
        if form in lex.nouns:
            return lex.nouns[form]
    return None
