"""Descriptions that refer back: "the Russian leader", "his Russian counterpart", "the senator" (by title),
a person introduced by what they are ("the billionaire"), "the group", "the agency" (the one organization
named before that fits), "the two presidents" and "both sides" (the latest pair), "the country" and "the
regime" (of the country named beside it).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from . import antecedents, columns, party_tags

if TYPE_CHECKING:
    from .reading import Reading

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
    if h.tag_ in ("NNS", "NNPS"):
        return []  # "urged his counterparts", "the Russian leaders": several, never the one person before
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
        if any(c.dep_ == "amod" and c.lower_ in NOT_YET for c in h.children):
            return []  # "our next president": whoever it will be
        return _latest_titled(r, h, h.lemma_.lower())[:1]
    head = h.lemma_.lower()
    office = " ".join([c.lower_ for c in h.children if c.dep_ in ("amod", "compound") and c.i < h.i
                       and c.is_lower and not r.key_at[c.i]] + [head])  # "prime minister", not "minister"

    def fits(key: str) -> bool:
        mine = r.country(key)
        titled = r.titles.get(key, set())
        if office != head and office not in titled and any(t.split()[-1:] == [head] and t != head for t in titled):
            return False  # "Ethiopia's prime minister" is not the person told as its foreign minister
        return key != owner and bool((country and mine == country)
                                     or (country is None and owner and mine and mine != r.country(owner)))

    for _, keys in reversed(antecedents.before(r, h, persons=True, window=6)):
        if fits(keys[0]):
            return [keys[0]]
    for i in range(h.i + 1, len(h.doc)):  # named later: "his Jordanian counterpart ... Karim Haddad"
        if r.sentence_of(i) - r.sentence_of(h.i) > antecedents.WINDOW:
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
    found = _latest_titled(r, h, h.lemma_.lower())
    if not found:
        return []
    places = {r.key_at[c.i] for c in h.children if c.dep_ in ("amod", "compound", "nmod") and r.key_at[c.i]
              and r.actor(r.key_at[c.i]).kind == "Place"}
    if places:  # "the Florida senator": not a senator named beside another place ("Sen. Cole of Iowa")
        found = [k for k in found if places <= _named_beside(r, k) or not _named_beside(r, k)]
    modified = any(c.dep_ in ("amod", "compound", "nmod") and c.pos_ == "PROPN" for c in h.children)
    return found[:1] if not modified or len(found) == 1 else []


NOT_YET = ("next", "future", "incoming", "eventual")  # "the next president": no one named yet


def _latest_titled(r: Reading, h: Token, title: str) -> list[str]:
    """The persons known by a title in the sentences before h, latest first; none when a person whose
    titles are not known (and who does not share the latest one's surname) is the subject of a main
    clause after the latest of them, outside quotes ("Senator Ruiz ... Cole stopped by his office. The
    senator said": Cole may be the senator)."""
    found = _titled(r, h, title, window=6)
    anywhere = [] if found else _titled(r, h, title, window=r.sentence_of(h.i))  # pages after "Gov. Ana Ruiz"
    return found or (anywhere if len(anywhere) == 1 else [])  # the document's one governor, if only one


def _titled(r: Reading, h: Token, title: str, *, window: int) -> list[str]:
    found, untitled = [], []
    described = {key for _, _, key in r.unnamed}  # "an aide said": what they are is told, not a title
    for i, (key,) in reversed(antecedents.before(r, h, persons=True, window=window)):
        if title in r.titles.get(key, set()):
            found.append(key)
        elif not found and not r.titles.get(key) and key not in described and h.doc[i].dep_ in antecedents.SUBJECT \
                and h.doc[i].head == h.doc[i].sent.root and not antecedents.quoted(r)[i]:
            untitled.append(key)
    if found and any(_surname(r, k) != _surname(r, found[0]) for k in untitled):
        return []
    return list(dict.fromkeys(found))


def _surname(r: Reading, key: str) -> str:
    words = (r.actor(key).label or "").lower().split()
    return words[-1] if words else key


_BESIDE = 6  # tokens between a person's name and a place that goes with it ("Ruiz, R-Fla.", "Ruiz of Florida")


def _named_beside(r: Reading, key: str) -> set[str]:
    """Places named within a few tokens of a mention of this person, in the same sentence, and nearer to
    it than to anyone else's name ("Sen. Ruiz of Florida and Sen. Cole of Iowa")."""
    doc, found = r.doc, set()
    for sent in {doc[i].sent for i, k in enumerate(r.key_at) if k == key}:
        persons = [i for i in range(sent.start, sent.end) if r.key_at[i] and r.is_person(r.key_at[i])]
        tagged = party_tags.states_tagged(doc, sent.start, sent.end)  # "Sen. Ruiz (R-Fla.)"
        for j in range(sent.start, sent.end):
            place = tagged.get(j) or r.key_at[j]
            if not place or (j not in tagged and r.actor(place).kind != "Place"):
                continue
            near = min(persons, key=lambda i: (abs(i - j), i), default=None)
            if near is not None and abs(near - j) <= _BESIDE and r.key_at[near] == key:
                found.add(place)
    return found


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
    latest = [keys[0] for _, keys in antecedents.before(r, h, persons=False, window=6) if r.actor(keys[0]).kind == kind]
    # "Cruz said ... The candidate added": someone else of that sort named since; which one, unsettled
    return [key] if not latest or latest[-1] == key else []


def _nouns(doc) -> dict[str, list[int]]:
    """Where the document's common nouns are, by lemma, in text order (built once a document)."""
    index = doc.user_data.get(_NOUNS)
    if index is None:
        index = {}
        for i in columns.where(doc, "pos", ("NOUN",)):
            index.setdefault(doc[i].lemma_.lower(), []).append(i)
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
        if sort == "persons" and _titled_otherwise(r, h, keys):
            continue  # "the two presidents" after a meeting of two foreign ministers: not them
        if sort == "countries":
            countries = [r.country(k) for k in keys]
            if all(countries) and len(set(countries)) == len(countries):
                return countries
            continue
        if sort == "any" and len({r.country(k) or k for k in keys}) < len(keys):
            continue
        if r.sentence_of(h.i) - r.sentence_of(i) > 1 and _other_meeting(r, h, i, keys, sort):
            return []  # two pairs met some sentences before: which two is not settled
        return list(keys)
    return antecedents.titled_pair(r, h) if sort == "persons" else []


GENERIC_PAIRS = ("leader", "official", "man", "woman", "side", "party", "politician", "delegation", "head")


def _titled_otherwise(r: Reading, h: Token, keys) -> bool:
    """A pair noun naming an office ("presidents", "ministers") that a person of the pair is known to hold
    titles without: that person is not one of them."""
    title = h.lemma_.lower()
    return title not in GENERIC_PAIRS and any(r.titles.get(k) and title not in r.titles[k] for k in keys)


def _other_meeting(r: Reading, h: Token, at: int, keys: tuple, sort: str) -> bool:
    """Another pair of the same sort that met before the one found ("X and Y held talks ... Z and Y spoke
    by telephone ... The two leaders will meet again")."""
    return any(i < at and len(other) == 2 and set(other) != set(keys)
               and (sort != "persons" or all(r.is_person(k) for k in other)) for i, other in r.meetings)



MET_WINDOW = 2  # sentences back to the meeting "the two" alone may speak of


def met_pair(r: Reading, h: Token) -> list[str]:
    """ "the two" alone ("said the two had agreed to ..."): the two who met in the last sentences, when a
    meeting of two named sides was told there; never a pair only mentioned together."""
    for i, keys in reversed(r.meetings):
        if i >= h.i:
            continue
        if r.sentence_of(h.i) - r.sentence_of(i) > MET_WINDOW or len(keys) != 2:
            return []
        return list(keys)
    return []


# modifiers that make a leadership a party's or a chamber's, not the country's government
PARTY_WORDS = ("party", "parliamentary", "congressional", "legislative", "opposition", "caucus")


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
    if h.lemma_.lower() == "leadership" and any(c.dep_ in ("amod", "compound") and (
            c.text[:1].isupper() or c.lower_ in PARTY_WORDS) for c in h.children):
        return []  # "the Republican leadership", "the party leadership": a party's or chamber's leaders
    subject = antecedents.by_subject(r, h, lambda keys: len(keys) == 1 and as_kind(keys[0]) is not None)
    if subject:
        return [as_kind(subject[0])]
    for _, keys in reversed(antecedents.before(r, h, persons=False)):
        found = as_kind(keys[0])
        if found:
            return [found]
    return []


GENERIC_BODIES = ("group", "organization", "organisation", "bloc", "alliance", "body")
# "the union": an organization named as one of its kind ("the Teachers Alliance ... the union endorsed")
KINDRED = {"union": ("alliance", "federation", "association", "confederation", "guild", "brotherhood", "unions")}


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
        return actor.kind == "Organization" and (noun in GENERIC_BODIES or noun in ends
                                                 or bool(ends & set(KINDRED.get(noun, ()))))

    found = {keys[0] for _, keys in antecedents.before(r, h, persons=False) if fits(keys[0])}
    return list(found) if len(found) == 1 else []
