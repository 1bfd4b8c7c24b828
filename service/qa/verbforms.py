"""Verb forms an answer sentence needs beyond the lexicon's past tense: a past form back to its verb, a
participle, and the verb phrase of a fact its source only hedges ("may have proposed")."""
from __future__ import annotations

from .lexicon import QuestionLexicon


def lemma_of(word: str, lex: QuestionLexicon) -> str:
    """'proposed' -> 'propose', 'said' -> 'say', 'criticized' -> 'criticize': a past form back to its verb."""
    if word in lex.irregular:
        return lex.irregular[word]
    known = set(lex.verbs) | set(lex.past) | set(lex.kind_naming_verbs)
    stems = [word[:-1], word[:-2], word[:-3] + "y", word[:-3]] if word.endswith("ed") else [word.removesuffix("s")]
    return next((s for s in stems if s in known or any(k.startswith(s + " ") for k in known)), stems[0])


def participle(word: str, lex: QuestionLexicon) -> str:
    """A past form's participle: 'took' -> 'taken', 'spoke' -> 'spoken'; regular verbs keep their form."""
    lemma = lex.irregular.get(word)
    forms = [f for f, of in lex.irregular.items() if of == lemma and f != word and f != lex.past.get(lemma)
             and not f.endswith(("ing", "s"))] if lemma else []
    return forms[0] if forms else word


def hedge(said: str, lex: QuestionLexicon) -> str:
    """The verb phrase of a fact its source hedges: 'will reduce' -> 'may reduce', 'proposed' -> 'may have
    proposed', 'did not sign' -> 'may not have signed', 'is worried' -> 'may be worried'."""
    head, _, rest = said.partition(" ")
    if head == "will":
        return "may " + rest
    if head in ("is", "are"):
        return "may " + ("not be " + rest[4:] if rest.startswith("not ") else "be " + rest)
    if head == "did" and rest.startswith("not "):
        verb, _, more = rest[4:].partition(" ")
        return ("may not have " + participle(lex.past_tense(verb), lex) + " " + more).strip()
    if head == "intends":
        return ("may intend " + rest).strip()
    return ("may have " + participle(head, lex) + " " + rest).strip()
