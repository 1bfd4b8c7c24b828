"""Within-document coreference, written for this pipeline (coreferee needs a model from outside).

- he / she / his / him: a person mentioned before. Subject pronouns and possessives prefer the
  subject of their own sentence (when it comes first), then that of the sentences before; object
  pronouns ("him") take the nearest person that is not the subject of their own clause.
- it (as a subject) / its: a country, government or organization: the subject before, else the latest.
- they / them / their: a plural subject before (a group, a coordination, "both sides"), else the last
  pair or group mentioned.
- "the Russian leader", "the U.S. president": the latest person of that country; "his Russian
  counterpart": a person of that country (or of another country than his) who is not him.
- "the group", "the bloc", "the agency": the one organization named in the sentences before that fits.
- "the two presidents", "both sides", "the two countries": the latest pair of actors mentioned together
  (a coordination, "Putin-Obama", or a meeting's participants the facts stage reported).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from .reading import Reading

SINGULAR = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
OBJECT = {"him", "her", "them", "himself", "herself", "themselves"}
_SUBJECT = {"nsubj", "nsubjpass"}
_WINDOW = 3  # sentences to look back
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
            for i, keys in reversed(_before(r, h, persons=True)):
                if (own is None or not (own.left_edge.i <= i <= own.right_edge.i)) and agrees(keys[0]):
                    found = keys
                    break
        else:  # '"...," he said': the speaker is named before the quote, never inside it
            at = _quote_opening(h) or h
            quoted = _quoted(r)  # outside quotes, "he" is nobody named only inside someone's words
            skip = (lambda i: False) if quoted[h.i] else (lambda i: quoted[i])
            found = _by_subject(r, at, lambda keys: len(keys) == 1 and r.is_person(keys[0]) and agrees(keys[0]),
                                skip) \
                or next((keys for i, keys in reversed(_before(r, at, persons=True)) if agrees(keys[0])
                         and not skip(i)), [])
        if found and h.dep_ == "poss" and _rival(r, h, found, lambda k: r.is_person(k) and agrees(k)):
            return []  # "Cruz blasted Rubio for his support": whose support, the text does not settle
        if found:
            r.gender.setdefault(found[0], gender)
        return found
    if word == "it" and not (h.dep_ in _SUBJECT and not _expletive(h)):
        return []
    if word in ("its", "it"):  # "it" as a subject: "Guyana said it would take the matter to ..."
        return _by_subject(r, h, lambda keys: len(keys) == 1 and r.actor(keys[0]).kind in _BODIES) \
            or next((keys for _, keys in reversed(_before(r, h, persons=False))
                     if r.actor(keys[0]).kind in _BODIES), [])
    if word in PLURAL:
        found = _by_subject(r, h, lambda keys: len(keys) > 1 or r.is_group(keys[0]))
        if found and h.dep_ == "poss" and _rival(r, h, found, lambda k: r.is_group(k), plural=True):
            return []  # "the mayor chided the unions and the council over their refusal": whose
        if found:
            return found
        pairs = [(i, keys) for i, keys in r.pairs if i < h.i and recent(r, i, h)]
        return list(pairs[-1][1]) if pairs else _group_subject(r, h)
    return []


_CLOSING = {"”": ("“",), "’": ("‘",), '"': ('"',), "''": ("``", "''")}  # a closing quote mark: its openers
_QUOTE_REACH = 600  # tokens back to a quote's opening mark


def _quote_opening(h: Token) -> Token | None:
    """The opening mark of a quote that closes just before a subject pronoun ('"We will win. They
    never did," he said'), within its paragraph: the names inside are whom the speaker talks about."""
    if h.dep_ not in _SUBJECT:
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


# nouns that describe a body by what it does ("the company", "the network")
BODY_NOUNS = {"company", "firm", "network", "bank", "airline", "retailer", "giant", "carrier", "publication",
              "newspaper", "website", "broadcaster", "outlet", "magazine", "channel", "studio", "insurer",
              "automaker", "manufacturer", "maker", "chain", "lender", "startup"}


def topic(r: Reading, h: Token) -> list[str]:
    """ "Verizon cut 2,000 jobs. The company said ...": a definite description of a body that is the subject
    of its clause stands for the subject of the sentence before, when that is the one body named there and
    no body is named before it in its own sentence."""
    noun = h.lemma_.lower()
    if h.dep_ != "nsubj" or h.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in h.children):
        return []
    if noun not in BODY_NOUNS:  # not "the candidate": in a campaign, the subject before is often another one
        return []
    sort = ("Organization",)
    if any(keys and r.actor(keys[0]).kind in sort for i in range(h.sent.start, h.i) for keys in [r.known(i)]):
        return []  # "After Obama spoke, the senator said": which of them, the text does not settle
    start = h.sent.start
    while start > 0:
        prev = h.doc[start - 1].sent
        if any(not t.is_space for t in prev):
            break
        start = prev.start
    else:
        return []
    subject = next((c for c in prev.root.children if c.dep_ == "nsubj"), None)
    keys = r.refers(subject) if subject is not None else []
    named = {k for i in range(prev.start, prev.end) for k in r.known(i) if r.actor(k).kind in sort}
    return keys if len(keys) == 1 and r.actor(keys[0]).kind in sort and named == set(keys) else []


def descriptor(r: Reading, h: Token) -> list[str]:
    """'the Russian leader', 'his Russian counterpart', 'the U.S. president'."""
    country, owner = None, None
    determined = False
    for child in h.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod") and r.key_at[child.i]:
            if r.actor(r.key_at[child.i]).kind == "Place":  # "the Vermont senator": a state, not a country
                return by_title(r, h)
            country = r.country(r.key_at[child.i])
        if child.dep_ == "poss" and child.pos_ == "PRON":
            owner = (r.refers(child) or [None])[0]
        if child.dep_ in ("det", "poss") and child.lower_ not in ("a", "an", "another", "some"):
            determined = True
    if not determined:
        return []
    counterpart = h.lemma_.lower() == "counterpart"
    if country is None and not counterpart:  # "the president": the latest person known by that title
        titled = [k for _, (k,) in reversed(_before(r, h, persons=True, window=6))
                  if h.lemma_.lower() in r.titles.get(k, set())]
        return titled[:1]
    def fits(key: str) -> bool:
        mine = r.country(key)
        return key != owner and bool((country and mine == country)
                                     or (country is None and owner and mine and mine != r.country(owner)))

    for _, keys in reversed(_before(r, h, persons=True, window=6)):
        if fits(keys[0]):
            return [keys[0]]
    for i in range(h.i + 1, len(h.doc)):  # named later: "his Jordanian counterpart ... Karim Haddad"
        if r.sentence_of(i) - r.sentence_of(h.i) > _WINDOW:
            break
        key = r.key_at[i]
        if key and r.how_at[i] != "demonym" and r.is_person(key) and fits(key):
            return [key]
    return []


def by_title(r: Reading, h: Token) -> list[str]:
    """ "the Vermont senator": the person known by that title (roles.py notes titles) within a few
    sentences, when only one is; the place alone (any American) would not settle it."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in h.children):
        return []
    title = h.lemma_.lower()
    found = list(dict.fromkeys(keys[0] for _, keys in reversed(_before(r, h, persons=True, window=6))
                               if title in r.titles.get(keys[0], set())))
    if not found:
        return []
    modified = any(c.dep_ in ("amod", "compound", "nmod") and c.pos_ == "PROPN" for c in h.children)
    return found[:1] if not modified or len(found) == 1 else []


INTRODUCED = ("Person", "Organization", "Group", "Government", "Country")  # what a common noun can stand for
# texts that speak for whoever put them out: "Ruiz issued a statement ... The statement said"
TEXT_NOUNS = ("statement", "letter", "ad", "advertisement", "memo", "release", "report", "complaint", "lawsuit",
              "suit", "filing", "editorial", "video", "email", "tweet", "post", "petition", "brief", "motion")
ISSUING = ("issue", "release", "send", "publish", "file", "write", "post", "put", "air", "run", "launch", "sign",
           "submit", "distribute", "circulate", "tweet", "unveil")


def introduced_as(r: Reading, h: Token) -> list[str]:
    """ "the candidate", "the Republican nominee", "the company": the one person or body this document
    introduced earlier with that noun beside the name ("Republican candidate Ana Ruiz", "Ana Ruiz, the
    party's candidate,", "the nominee, Ana Ruiz"), the description's own modifiers among the
    introduction's, and no other of its sort named since; a text, whoever put it out ("Ruiz issued a
    statement ... The statement said"). None when no one or several were introduced
    so: the text does not settle which."""
    if h.pos_ != "NOUN" or h.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                                      for c in h.children):
        return []
    lemma = h.lemma_.lower()
    wanted = _modifiers(h)
    found = set()
    for i in _nouns(h.doc).get(lemma, ()):
        if i >= h.i:
            break
        t = h.doc[i]
        if not wanted <= _modifiers(t):
            continue
        # "candidate Ana Ruiz", however parsed; not a headline's capitals ("CNN Reporter Caught Lying")
        names = [t.doc[t.i + 1]] if t.i + 1 < h.i and t.is_lower else []
        if t.dep_ == "appos" and t.head.pos_ == "PROPN":
            names.append(t.head)  # "Ana Ruiz, the candidate"
        names += [c for c in t.children if c.dep_ == "appos" and c.pos_ == "PROPN"]  # "the nominee, Ana Ruiz"
        keys = [r.key_at[name.i] for name in names]
        if lemma in TEXT_NOUNS and t.dep_ == "dobj" and t.head.lemma_.lower() in ISSUING:
            subject = next((c for c in t.head.children if c.dep_ == "nsubj"), None)  # "Ruiz issued a statement"
            authors = r.refers(subject) if subject is not None and not subject.conjuncts else []
            if len(authors) != 1:
                return []  # "X and Y issued statements": whose, the text does not settle
            keys += authors
        for key in keys:
            if key and r.known_actor(key) and r.actor(key).kind in INTRODUCED:
                found.add(key)
    if len(found) != 1:
        return []
    key = found.pop()
    if lemma in TEXT_NOUNS:
        return [key]
    kind = r.actor(key).kind
    latest = [keys[0] for _, keys in _before(r, h, persons=False, window=6) if r.actor(keys[0]).kind == kind]
    # "Cruz said ... The candidate added": someone else of that sort named since; which one, unsettled
    return [key] if not latest or latest[-1] == key else []


def _nouns(doc) -> dict[str, list[int]]:
    """Where the document's common nouns are, by lemma, in text order (built once a document)."""
    index = doc.user_data.get(_NOUNS)
    if index is None:
        index = {}
        for t in doc:
            if t.pos_ == "NOUN":
                index.setdefault(t.lemma_.lower(), []).append(t.i)
        doc.user_data[_NOUNS] = index
    return index


_NOUNS = "kgqa.coref.nouns"


def _modifiers(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}


def pair(r: Reading, h: Token, sort: str) -> list[str]:
    """'the two presidents', 'both sides', 'the two countries': the participants of the latest meeting
    before, else the latest pair mentioned together; sides and countries are of different countries."""
    for i, keys in [*reversed(r.meetings), *reversed(r.pairs)]:
        if i >= h.i or len(keys) != 2:
            continue  # "the two ministers" are two: not the three of a meeting with its host
        if sort == "persons" and not all(r.is_person(k) for k in keys):
            continue
        if sort == "countries":
            countries = [r.country(k) for k in keys]
            if all(countries) and len(set(countries)) == len(countries):
                return countries
            continue
        if sort == "any" and len({r.country(k) or k for k in keys}) < len(keys):
            continue
        return list(keys)
    return []


def body(r: Reading, h: Token, kind: str) -> list[str]:
    """'the country', 'the government', 'the regime': of the country named beside it ("the Syrian
    regime"), else the latest country or government mentioned."""
    def as_kind(key: str) -> str | None:
        country = r.country(key)
        if kind == "Country":
            return country if r.actor(key).kind in ("Country", "Government") else None
        if r.actor(key).kind == "Government":
            return key
        gov = r.lex.government(country) if country and r.actor(key).kind == "Country" else None
        return gov if gov and r.known_actor(gov) else None

    for child in h.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod") and r.key_at[child.i]:
            country = r.country(r.key_at[child.i])  # "Trudeau's government": a country not named, copied in
            return [k] if country and r.known_actor(country) and (k := as_kind(country)) else []
        if child.dep_ == "poss" and child.pos_ == "PRON":  # "His government": the country of whom "his" is
            owners = r.refers(child)
            country = r.country(owners[0]) if len(owners) == 1 else None
            return [k] if country and r.known_actor(country) and (k := as_kind(country)) else []
        if child.dep_ == "prep" and child.lower_ in ("in", "of"):  # "the government in Ankara"
            place = next((r.key_at[g.i] for g in child.children if g.dep_ == "pobj" and r.key_at[g.i]), None)
            country = r.country(place) if place and r.known_actor(place) else None
            if country and r.known_actor(country) and (k := as_kind(country)):
                return [k]
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in h.children):
        return []
    subject = _by_subject(r, h, lambda keys: len(keys) == 1 and as_kind(keys[0]) is not None)
    if subject:
        return [as_kind(subject[0])]
    for _, keys in reversed(_before(r, h, persons=False)):
        found = as_kind(keys[0])
        if found:
            return [found]
    return []


GENERIC_BODIES = ("group", "organization", "organisation", "bloc", "alliance", "body")


def organization(r: Reading, h: Token) -> list[str]:
    """ "the group", "the bloc", "the agency": the one organization named in the sentences before that
    fits: any, for a generic noun ("Amnesty International ... the group said"); one whose name or alias
    ends with the noun otherwise ("the agency": the International Atomic Energy Agency). None when two
    fit, or when the noun has a modifier of its own ("the Palestinian group", "a group of lawyers")."""
    if not h.is_lower or not any(c.dep_ == "det" and c.lower_ == "the" for c in h.children) or any(
            c.dep_ in ("amod", "compound", "poss", "nmod", "prep") for c in h.children):
        return []
    noun = h.lemma_.lower()

    def fits(key: str) -> bool:
        actor = r.actor(key)
        ends = {name.split()[-1].lower() for name in (actor.label, *actor.aliases) if name.split()}
        return actor.kind == "Organization" and (noun in GENERIC_BODIES or noun in ends)

    found = {keys[0] for _, keys in _before(r, h, persons=False) if fits(keys[0])}
    return list(found) if len(found) == 1 else []


def _before(r: Reading, h: Token, *, persons: bool, window: int = _WINDOW) -> list[tuple[int, list[str]]]:
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


def _nearest(r: Reading, h: Token, *, persons: bool) -> list[str]:
    found = _before(r, h, persons=persons)
    return found[-1][1] if found else []


_EXPLETIVE_HEADS = {"be", "seem", "appear", "remain", "take", "become", "look"}


def _expletive(h: Token) -> bool:
    """ "It is clear that ...", "it seems ...", "it took weeks to ...": "it" stands for no one."""
    verb = h.head
    if verb.lemma_.lower() in _EXPLETIVE_HEADS and any(c.dep_ in ("ccomp", "xcomp", "csubj", "acomp", "attr")
                                                        for c in verb.children):
        return True
    return any(c.dep_ == "expl" for c in verb.children)


def _quoted(r: Reading) -> list[bool]:
    """For each token of the document: is it between double quotation marks of its paragraph?"""
    mask = getattr(r, "_quote_mask", None)
    if mask is None:
        mask, curly, straight, doubled = [], 0, False, False
        for t in r.doc:
            if "\n" in t.text or "\n" in t.whitespace_:
                curly, straight, doubled = 0, False, False
            if t.text in ("“", "``"):
                curly += 1
            elif t.text == "”":
                curly = max(0, curly - 1)
            elif t.text == '"':
                straight = not straight
            elif t.text == "''":
                doubled = not doubled
            else:
                mask.append(curly > 0 or straight or doubled)
                continue
            mask.append(False)
        r._quote_mask = mask
    return mask


def _by_subject(r: Reading, h: Token, fits, skip=None) -> list[str]:
    """The first subject (of its own sentence, before h; then of earlier sentences) whose referents fit."""
    sent = h.sent
    sents = [sent]
    doc = h.doc
    start = sent.start
    while len(sents) <= _WINDOW and start > 0:
        prev = doc[start - 1].sent
        if any(not t.is_space for t in prev):
            sents.append(prev)
        start = prev.start
    for n, s in enumerate(sents):
        for tok in s:
            if tok.dep_ not in _SUBJECT or (n == 0 and tok.i >= h.i):
                continue
            if (n == 0 and tok.left_edge.i <= h.i <= tok.right_edge.i) or (skip is not None and skip(tok.i)):
                continue
            keys = r.refers(tok)
            if tok.dep_ != "conj":  # "France, Britain and Germany welcomed ... warned they would": all three
                keys = list(dict.fromkeys(keys + [k for c in tok.conjuncts if c.i > tok.i for k in r.refers(c)]))
            if keys and fits(keys):
                return keys
    return []


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
        if tok.dep_ not in _SUBJECT or tok.left_edge.i <= h.i <= tok.right_edge.i or tok.head.i not in above:
            continue  # only the subject of a clause the pronoun is part of: "Jolly said [he would ...]"
        if r.refers(tok):
            return False
        if plural:
            return tok.tag_ in ("NNS", "NNPS") or tok.lower_ in PLURAL
        noun = tok.lemma_.lower()
        return (tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "")) or tok.lower_ in SINGULAR or (
            tok.tag_ == "NN" and (noun in r.lex.descriptors or noun + "s" in r.lex.group_heads))
    return False


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
    return next((c for c in verb.children if c.dep_ in _SUBJECT), None)


def recent(r: Reading, i: int, h: Token, window: int = _WINDOW) -> bool:
    return r.sentence_of(h.i) - r.sentence_of(i) <= window
