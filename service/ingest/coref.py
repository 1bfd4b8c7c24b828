"""Within-document coreference of pronouns, written for this pipeline (coreferee needs a model from outside).

- he / she / his / him: a person mentioned before. Subject pronouns and possessives prefer the
  subject of their own sentence (when it comes first), then that of the sentences before; object
  pronouns ("him") take the nearest person that is not the subject of their own clause.
- it (as a subject) / its: a country, government or organization: the subject before, else the latest.
- they / them / their: a plural subject before (a group, a coordination, "both sides"), else the last
  pair or group mentioned.
Descriptions that refer back ("the Russian leader", "the group", "the two presidents") are in
descriptions.py; where both look for antecedents, in antecedents.py.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from . import antecedents

if TYPE_CHECKING:
    from .reading import Reading

SINGULAR = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
OBJECT = {"him", "her", "them", "himself", "herself", "themselves"}
_BODIES = {"Country", "Government", "Organization"}  # what "its" refers to


MALE, FEMALE = {"he", "him", "his", "himself"}, {"she", "her", "hers", "herself"}


def pronoun(r: Reading, h: Token) -> list[str]:
    word = h.lower_
    if (word in SINGULAR or word in PLURAL) and word not in OBJECT and _unknown_subject(r, h, word in PLURAL):
        return []  # "Jolly said he would ...": Jolly, whom the names do not know, not someone before
    if word in SINGULAR:
        gender = "m" if word in MALE else "f"

        def agrees(key: str) -> bool:  # a person already called "he" is not "she"
            return r.gender.get(key, gender) == gender

        found: list[str] = []
        if word in OBJECT and not (word == "her" and h.dep_ == "poss"):  # "her" as "his", not as "him"
            own = _clause_subject(h)
            for i, keys in reversed(antecedents.before(r, h, persons=True)):
                if (own is None or not (own.left_edge.i <= i <= own.right_edge.i)) and agrees(keys[0]):
                    found = keys
                    break
        else:  # '"...," he said': the speaker is named before the quote, never inside it
            at = _quote_opening(h) or h
            quoted = antecedents.quoted(r)  # outside quotes, "he" is nobody named only inside someone's words
            skip = (lambda i: False) if quoted[h.i] else (lambda i: quoted[i])
            if _set_in(h):
                skip = _outside_own_sentence(h, skip)
            barred = _co_arguments(r, h)
            person = lambda keys: len(keys) == 1 and r.is_person(keys[0]) and agrees(keys[0]) \
                and keys[0] not in barred  # noqa: E731
            same = MALE if gender == "m" else FEMALE
            unsure = lambda tok, keys: _unknown_name(r, tok, keys) or (  # noqa: E731
                not keys and tok.lower_ in same and tok.pos_ == "PRON" and tok.head == tok.sent.root
                and not any(r.known(i) and person(r.known(i)) and not skip(i) for i in range(tok.sent.end, at.i)))
            if _blocked(r, at, person, unsure, skip):
                # '"...," Ohio's Rosa Quint said. "...," she added': a name not known as a person; "He said
                # that Ruiz must ... . '...,' he added": the "he" before that no name settled, not Ruiz
                return []
            found = antecedents.by_subject(r, at, person, skip) \
                or next((keys for i, keys in reversed(antecedents.before(r, at, persons=True)) if agrees(keys[0])
                         and keys[0] not in barred and not skip(i)), [])
        if found and h.dep_ == "poss" and _rival(r, h, found, lambda k: r.is_person(k) and agrees(k)):
            return []  # "Cruz blasted Rubio for his support": whose support, the text does not settle
        if found:
            r.gender.setdefault(found[0], gender)
        return found
    if word == "it" and not (h.dep_ in antecedents.SUBJECT and not _expletive(h)):
        return []
    if word in ("its", "it"):  # "it" as a subject: "Guyana said it would take the matter to ..."
        quoted = antecedents.quoted(r)  # in someone's words, not a body the writer named ("told CBS: 'it ...'")
        return antecedents.by_subject(r, h, lambda keys: len(keys) == 1 and r.actor(keys[0]).kind in _BODIES) \
            or next((keys for i, keys in reversed(antecedents.before(r, h, persons=False))
                     if r.actor(keys[0]).kind in _BODIES and (quoted[i] or not quoted[h.i])), [])
    if word in PLURAL:
        several = lambda keys: len(keys) > 1 or r.is_group(keys[0])  # noqa: E731
        unnamed = lambda tok, keys: not keys and (tok.tag_ in ("NNS", "NNPS") or tok.lower_ in PLURAL)  # noqa: E731
        skip = _outside_own_sentence(h, lambda i: False) if _set_in(h) else None
        if _blocked(r, h, several, unnamed, skip):
            return _group_subject(r, h)  # '"Investors know ... They say": the investors, not a pair named before
        found = antecedents.by_subject(r, h, several, skip)
        if found and h.dep_ == "poss" and _rival(r, h, found, lambda k: r.is_group(k), plural=True):
            return []  # "the mayor chided the unions and the council over their refusal": whose
        if found:
            return found
        pairs = [(i, keys) for i, keys in r.pairs if i < h.i and antecedents.recent(r, i, h)]
        return list(pairs[-1][1]) if pairs else _group_subject(r, h)
    return []


def _set_in(h: Token) -> bool:
    """Is h the subject of a verb set between commas into the clause it reports ("With X gaining ground,
    they said, the president ...")? That clause is their words, not whom "they" stands for."""
    verb, doc = h.head, h.doc
    if h.dep_ not in antecedents.SUBJECT or verb.dep_ != "parataxis" or verb.head.i < verb.i:
        return False
    after = verb.i + 1
    return after + 1 < len(doc) and doc[after].text == "," and doc[after + 1].text not in antecedents.MARKS \
        and h.left_edge.i > 0 and doc[h.left_edge.i - 1].text == ","


def _outside_own_sentence(h: Token, skip):
    """Skip the clause h's verb is set into, and what `skip` skips."""
    host = h.head.head
    start, end = host.left_edge.i, host.right_edge.i
    return lambda i: start <= i <= end or skip(i)


_CLOSING = {"”": ("“",), "’": ("‘",), '"': ('"',), "''": ("``", "''")}  # a closing quote mark: its openers
_QUOTE_REACH = 600  # tokens back to a quote's opening mark


def _co_arguments(r: Reading, h: Token) -> set[str]:
    """Whom a subject pronoun cannot be: a person named as another argument of its own verb ("he accused
    Trump"), or the noun its relative clause describes ("Trump, who he blasted")."""
    if h.dep_ not in antecedents.SUBJECT:
        return set()
    verb = h.head
    args = [c for c in verb.children if c.dep_ in ("dobj", "dative", "attr", "oprd")]
    args += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    if verb.dep_ == "relcl":
        args.append(verb.head)
    return {r.key_at[a.i] for a in args if r.key_at[a.i]}


def _quote_opening(h: Token) -> Token | None:
    """The opening mark of a quote that closes just before a subject pronoun ('"We will win. They
    never did," he said'), within its paragraph: the names inside are whom the speaker talks about."""
    if h.dep_ not in antecedents.SUBJECT:
        return None
    doc, j = h.doc, h.i - 1
    while j >= 0 and (doc[j].is_space or doc[j].text == ","):
        j -= 1
    openers = _CLOSING.get(doc[j].text) if j >= 0 else None
    if openers is None:
        return None
    for k in range(j - 1, max(-1, j - _QUOTE_REACH), -1):
        if "\n" in doc[k].text or "\n" in doc[k].whitespace_:
            return None
        if doc[k].text in openers:
            return doc[k]
    return None


_EXPLETIVE_HEADS = {"be", "seem", "appear", "remain", "take", "become", "look"}


def _expletive(h: Token) -> bool:
    """ "It is clear that ...", "it seems ...", "it took weeks to ...": "it" stands for no one."""
    verb = h.head
    if verb.lemma_.lower() in _EXPLETIVE_HEADS and any(c.dep_ in ("ccomp", "xcomp", "csubj", "acomp", "attr")
                                                        for c in verb.children):
        return True
    return any(c.dep_ == "expl" for c in verb.children)


def _blocked(r: Reading, h: Token, fits, unknown, skip=None) -> bool:
    """Does a subject that no name settles come first, in the order antecedents.by_subject reads subjects, before
    any whose referents fit ('"Investors know their suppliers. They say ..."': the investors, whom no
    name settles, not a pair named sentences before)?"""
    for tok in antecedents.subjects(r, h, skip):
        keys = antecedents.subject_keys(r, tok)
        if keys and fits(keys):
            return False
        if unknown(tok, keys) and tok.sent != h.sent:  # its own sentence: _unknown_subject
            return True
    return False


def _unknown_name(r: Reading, tok: Token, keys: list[str]) -> bool:
    """A subject that names a person the actors stage did not take for one ("Ohio's Rosa Quint", read as
    a place), or a name it did not read at all."""
    if tok.tag_ == "NN" and not keys and any(c.dep_ == "det" for c in tok.children):
        return _person_noun(r, tok)  # "The man the party will nominate admires Putin. He ...": not Putin
    if tok.pos_ != "PROPN" or any(r.is_person(k) for k in keys):
        return False
    if keys and all(r.actor(k).kind in _BODIES and tok.text in r.actor(k).aliases for k in keys):
        return False  # "Armenia", a country by its own name, though the tagger took it for a person
    if len(keys) == 1 and r.actor(keys[0]).kind == "Country" and not any(
            c.dep_ in ("compound", "poss") for c in tok.children):
        return False  # "Armenia had no intention", Armenia tagged PERSON: the country it names, no one unread
    if tok.ent_type_ in ("PERSON", "FAC"):
        return True
    # a capitalized word no entity covers, the subject of its sentence's main verb ("Walsh had close ties")
    return not tok.ent_type_ and tok.text.istitle() and tok.head == tok.sent.root


def _group_subject(r: Reading, h: Token) -> list[str]:
    """ "Former prosecutors said ... Act before the vote, they said": the plural subject of an earlier
    sentence that names people as a group, when no subject in between is plural."""
    sent, doc = h.sent, h.doc
    start = sent.start
    for _ in range(2):
        if start <= 0:
            return []
        prev = doc[start - 1].sent
        start = prev.start
        subject = next((c for c in prev.root.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.tag_ != "NNS":
            continue
        key = r.group_for(subject) if not r.refers(subject) else None
        return [key] if key else []
    return []


def _unknown_subject(r: Reading, h: Token, plural: bool) -> bool:
    """The first subject before a pronoun in its own sentence is someone no name or reference settles
    ("Jolly said he", "the lawyer said his client", "Proponents say they"): the pronoun most likely
    stands for them, so an antecedent further back would be a guess."""
    above = {a.i for a in h.ancestors}
    for tok in h.sent:
        if tok.i >= h.i:
            return False
        if tok.dep_ not in antecedents.SUBJECT or tok.left_edge.i <= h.i <= tok.right_edge.i or tok.head.i not in above:
            continue  # only the subject of a clause the pronoun is part of: "Jolly said [he would ...]"
        if r.refers(tok):
            return False
        if plural:
            return tok.tag_ in ("NNS", "NNPS") or tok.lower_ in PLURAL
        return (tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "")) or tok.lower_ in SINGULAR or (
            tok.tag_ == "NN" and _person_noun(r, tok))
    return False


PEOPLE = {"man", "woman", "person", "boy", "girl"}  # nouns of someone unnamed, beside titles and trades


def _person_noun(r: Reading, tok: Token) -> bool:
    """A singular common noun for a person: a title ("the senator"), a trade or role ("an aide"), a man."""
    noun = tok.lemma_.lower()
    return noun in r.lex.descriptors or noun + "s" in r.lex.group_heads or noun in PEOPLE


def _rival(r: Reading, h: Token, found: list[str], fits, plural: bool = False) -> bool:
    """Another actor a possessive could stand for as well: named in the same clause ("blasted Rubio
    for his support"), or anywhere before it in its sentence when the antecedent was found in an earlier
    one ("ads about Sanders that focus on his plans")."""
    own = _verb_of(h)
    for i in range(h.sent.start, h.i):
        keys = r.known(i)
        if not keys or set(keys) & set(found):
            continue
        tok = h.doc[i]
        several = plural and (tok.tag_ in ("NNS", "NNPS") or any(r.known(c.i) for c in tok.conjuncts))
        if not (fits(keys[0]) or several):
            continue
        if _verb_of(tok) == own or not set(found) <= set(_sentence_keys(r, h)):
            return True
    return False


def _sentence_keys(r: Reading, h: Token) -> list[str]:
    return [k for i in range(h.sent.start, h.i) for k in r.known(i)]


def _verb_of(tok: Token) -> Token:
    """The verb of the clause a token is in."""
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") or tok.head == tok:
            return tok
        tok = tok.head
    return tok


def _clause_subject(h: Token) -> Token | None:
    verb = h.head
    while verb.dep_ not in ("ROOT",) and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    return next((c for c in verb.children if c.dep_ in antecedents.SUBJECT), None)


