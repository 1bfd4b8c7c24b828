"""The actors stage: canonical actors, their mentions, roles and references within one document.
`Resolver` (service.model.ActorResolver for the facts stage) is built once per parsed document: names
(mentions.py), groups (groups.py), pairs mentioned together (pairs.py) and roles (roles.py) are found,
then every pronoun and description is resolved in text order (coref.py), leaning on earlier ones.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Token

from ..model import Actor, Document, Fact, Mention, Span
from . import (
    antecedents,
    bodies,
    columns,
    coref,
    datelines,
    descriptions,
    fullnames,
    gender,
    mentions,
    offices,
    pairs,
    roles,
    sources,
)
from .groups import find_groups, hyphenated, named_as_such, owner_by_name
from .lexicon import Lexicon
from .runners import runner


class Resolver:
    """Actors of one document and what its noun phrases refer to (see service.model.ActorResolver)."""

    def __init__(self, doc: Doc, document: Document, lex: Lexicon):
        self.doc, self.document, self.lex = doc, document, lex
        self.tokens = tokens = list(doc)  # made once: every scan of the document below reads these
        found, self.actors = mentions.find(doc, lex, tokens)
        self.key_at: list[str | None] = [None] * len(doc)
        self.how_at: list[str | None] = [None] * len(doc)
        self._mentions = [Mention(f.key, _span(doc, f.start, f.end)) for f in found]
        self._starts: list[int] | None = None  # each mention's start, once _mentions is in text order
        for f in found:
            for i in range(f.start, f.end):
                self.key_at[i], self.how_at[i] = f.key, f.how
        self._sent_index = [0] * len(doc)
        for n, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                self._sent_index[i] = n
        self._cache: dict[int, list[str]] = {}
        # resolve()'s answers by token range: they follow from _cache alone, so they hold until it loses entries
        self._resolved: dict[tuple[int, int], list[str]] = {}
        self._dateline = datelines.datelines(doc)
        self.groups = {}
        named = {k: self.actors[k].label for k in set(self.key_at) if k and self.actors[k].kind == "Organization"}
        for g in find_groups(doc, lex.group_heads, self.key_at, self.how_at, lex.pair_nouns, tokens, self._dateline):
            owner = owner_by_name(doc, g, named) or _body_possessing(doc[g.head], self.key_at, named)
            if owner:
                g.actor.member_of.add(owner)
            self.actors.setdefault(g.actor.key, g.actor)
            for member in g.members:
                self.actors[member].member_of.add(g.actor.key)
            self.groups[g.head] = g.actor.key
            self._mentions.append(Mention(g.actor.key, _span(doc, g.start, g.end)))
        self.unnamed: list[tuple[int, str, str]] = []  # (token, noun, key) of unnamed people, in text order
        for u in sources.find(doc, lex.group_heads, self.key_at, lambda k: self.actors[k].kind
                              if self.known_actor(k) else None, tokens):
            self.actors.setdefault(u.actor.key, u.actor)
            self.groups[u.head] = u.actor.key
            self.unnamed.append((u.head, u.noun, u.actor.key))
            self._mentions.append(Mention(u.actor.key, _span(doc, u.start, u.end)))
        self.pairs, self.meetings = pairs.found(doc, tokens, self.key_at, set(lex.meeting_words),
                                               self._dateline)
        self._countries = bodies.country_mentions(doc, found, self.actors, lex)
        self._doc_country = offices.dominant([c for _, c, _gov in self._countries])
        self.person_country: dict[str, str] = {}
        self.titles: dict[str, set[str]] = {}  # person key -> lower-case title words ("president")
        # person key -> "m" | "f" (names, then pronouns)
        self.gender = gender.of_names(doc, found, self.actors, lex.first_names)
        self.roles: list[Fact] = roles.find(self)
        self._resolve_all()
        self._sort_mentions()

    # --- the ActorResolver protocol
    def resolve(self, span) -> list[str]:
        """Keys of the actors a noun phrase refers to (its head and the heads coordinated with it)."""
        known = self._resolved.get((span.start, span.end))
        if known is not None:
            return list(known)
        root = span.root
        heads = [root, *(c for c in [*root.conjuncts, *_listed_apart(root), *_titled_pair(root)]
                         if span.start <= c.i < span.end)]
        keys: list[str] = []
        for head in sorted(heads, key=lambda t: t.i):
            found = self.refers(head)
            if head != root and (not found or head.pos_ == "NOUN"):
                # "X and Brazil's lead negotiator, Renata Albuquerque": the one named, whoever the description
                # alone would be taken for
                found = [k for a in _apposed_after(head, root) for k in self.refers(a)][:1] or found
            for key in found:
                if key not in keys:
                    keys.append(key)
        self._resolved[span.start, span.end] = keys
        return list(keys)

    def actor(self, key: str) -> Actor:
        return self.actors[key]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        if self._starts is None:  # still being built: not in text order yet
            return [m for m in self._mentions if start <= m.span.start and m.span.end <= end]
        ms = self._mentions  # in text order: those starting in [start, end] found by bisection
        return [m for m in ms[bisect_left(self._starts, start):bisect_right(self._starts, end)] if m.span.end <= end]

    def _sort_mentions(self) -> None:
        self._mentions.sort(key=lambda m: (m.span.start, m.span.end))
        self._starts = [m.span.start for m in self._mentions]

    # --- beyond the protocol
    def note_participants(self, keys: list[str], start: int) -> None:
        """The facts stage reports a meeting's participants: "both sides" after it means them."""
        keys = [k for k in keys if self.known_actor(k)]
        if len(keys) > 1:
            tok = self.doc.char_span(start, start + 1, alignment_mode="expand")
            i = tok.start if tok is not None else len(self.doc)
            self.meetings.append((i, tuple(keys)))
            self.meetings.sort()
            for later in [j for j in self._cache if j > i]:
                del self._cache[later]
            self._resolved.clear()

    def group_for(self, tok: Token) -> str | None:
        """The group a plural noun of people names as such ("Police said", "her advisers said"), made an
        actor of this document on first use (see groups.named_as_such)."""
        if tok.i in self.groups:
            return self.groups[tok.i]
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        keys = self.refers(owner) if owner is not None else []
        if owner is not None and len(keys) != 1:
            return None  # "their advisers" with "their" unknown: whose, the text does not settle
        found = named_as_such(tok, self.lex.group_heads, keys[0] if keys else None,
                              self.actors[keys[0]].label if keys else None, self._dateline)
        return self._made(tok, found)

    def runner_for(self, tok: Token) -> str | None:
        """The person "the GOP candidate" names when nothing settles who it is (runners.runner), made an
        actor of this document on first use."""
        if tok.i in self.groups:
            return self.groups[tok.i]
        found = runner(tok, self.key_at, lambda k: self.actors[k].kind if k in self.actors else None)
        return self._made(tok, found)

    def _made(self, tok: Token, found) -> str | None:
        """The actor (actor, start, end) found for `tok` made one of this document's, with its mention."""
        if found is None:
            return None
        actor, start, end = found
        self.actors.setdefault(actor.key, actor)
        self.groups[tok.i] = actor.key
        self._mentions.append(Mention(actor.key, _span(self.doc, start, end)))
        self._sort_mentions()
        return actor.key

    def mentions(self) -> list[Mention]:
        return list(self._mentions)

    def refers(self, h: Token) -> list[str]:
        """What one head token refers to (cached: resolving in text order lets references chain)."""
        if h.i in self._cache:
            return self._cache[h.i]
        keys = [k for k in self._refers(h) if self.known_actor(k)]
        if h.i in self._dateline:  # "JEDDAH, Saudi Arabia — Negotiators ...": where it was filed, no doer
            keys = [k for k in keys if self.actors[k].kind == "Place"]
        self._cache[h.i] = keys
        return keys

    def known_actor(self, key: str) -> bool:
        """Every key handed out names an actor of this document (lexicon actors are copied in)."""
        if key not in self.actors and key in self.lex.actors:
            self.actors[key] = mentions.copy(self.lex.actors[key])
        return key in self.actors

    def known(self, i: int) -> list[str]:
        """Referents at token i found so far (names, groups, resolved references), without resolving."""
        if self.key_at[i] and self.how_at[i] != "demonym":
            return [self.key_at[i]]
        if i in self.groups:
            return [self.groups[i]]
        return self._cache.get(i, [])

    def in_dateline(self, i: int) -> bool:
        """Is token i part of a dateline ("JEDDAH, Saudi Arabia —")?"""
        return i in self._dateline

    def is_person(self, key: str) -> bool:
        return self.actors[key].kind == "Person"

    def is_group(self, key: str) -> bool:
        return self.actors[key].kind == "Group"

    def country(self, key: str) -> str | None:
        actor = self.actors.get(key)
        if actor is None:
            return None
        if actor.kind == "Country":
            return key
        if actor.government_of:
            return actor.government_of
        return self.person_country.get(key) or self.lex.country_of.get(key) or self.lex.capital_of.get(key)

    def sentence_of(self, i: int) -> int:
        return self._sent_index[i]

    # --- internals
    def _refers(self, h: Token) -> list[str]:
        if self.key_at[h.i] and self.how_at[h.i] == "demonym" and hyphenated(h):
            return []  # "African-Americans", "an Afro-Colombian reporter": people of a heritage, not the state
        if self.how_at[h.i] == "demonym" and h.i in self.groups:
            return [self.groups[h.i]]  # "most Americans": the country's people (groups.people_of)
        if self.key_at[h.i]:
            if self.how_at[h.i] != "demonym" or h.tag_ in ("NNS", "NNPS"):
                return [self.key_at[h.i]]
            return []
        if h.i in self.groups:
            return [self.groups[h.i]]
        word = h.lower_
        if h.tag_ in ("WP", "WDT") and h.head.dep_ == "relcl":  # "Haddad, who is ...": Haddad
            return self._antecedent(h)
        if h.pos_ == "PRON":
            return coref.pronoun(self, h)
        if word == "two" and h.pos_ == "NUM" and h.dep_ in ("nsubj", "nsubjpass") \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in h.children):
            return descriptions.met_pair(self, h)  # "said the two had agreed to ...": the two who just met
        if word in self.lex.pair_nouns and any(c.lower_ in pairs.NUMBERS for c in h.children):
            return descriptions.pair(self, h, self.lex.pair_nouns[word])
        if h.lemma_.lower() in self.lex.body_nouns and h.tag_ in ("NN", "NNP"):
            kind = self.lex.body_nouns[h.lemma_.lower()]
            found = descriptions.organization(self, h) if kind == "Organization" else descriptions.body(self, h, kind)
            if found or kind != "Organization":
                return found
        if h.tag_ == "NNS" and h.lower_ in self.lex.group_heads and \
                any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in h.children):
            same = [k for i, k in sorted(self.groups.items()) if i < h.i and self.doc[i].lemma_ == h.lemma_
                    and self.is_group(k)]
            if same:  # "Southeast Asian leaders ... The leaders agreed": the group named before
                return [same[-1]]
        if self.unnamed and h.tag_ in ("NN", "NNP") and any(c.dep_ == "det" and c.lower_ in ("the", "that")
                                                            for c in h.children):
            same = [k for i, noun, k in self.unnamed if i < h.i and noun == h.lemma_.lower()
                    and antecedents.recent(self, i, h, 6)]
            if same:  # "a senior official said ... The official added": the one introduced
                return [same[-1]]
        named = [self.key_at[c.i] for c in h.children
                 if c.dep_ in ("appos", "compound", "flat") and self.key_at[c.i]
                 and self.is_person(self.key_at[c.i])]
        if named:  # "President Putin" parsed with the title as head
            return list(dict.fromkeys([*named, *(self.key_at[c.i] for c in h.children if c.dep_ == "appos"
                                                 for c in c.conjuncts if self.key_at[c.i])]))
        set_off = fullnames.name_set_off_after(self.doc, h, self.key_at, self.is_person, self.lex.canon_titles)
        if set_off is not None:  # "the president of the elections jury, Elena Villafuerte,": hers
            return [set_off]
        if h.lemma_.lower() in self.lex.descriptors:
            return descriptions.descriptor(self, h) or descriptions.introduced_as(self, h)
        if h.pos_ == "NOUN" and offices.words(h) in self.lex.office_nouns:
            return offices.owner(self, h, self._countries, self._doc_country)
        return descriptions.topic(self, h) or descriptions.introduced_as(self, h)

    def _antecedent(self, h: Token) -> list[str]:
        tok = self.antecedent(h)
        return self.refers(tok) if tok is not None else []

    def antecedent(self, h: Token) -> Token | None:
        """The noun a relative pronoun stands for: the one its clause hangs on. "who" stands for a person:
        when the parser hung the clause on an institution inside the person's description ("an aide in
        the Carter administration who backed X"), the person described; else nobody."""
        noun = h.head.head
        if h.lower_ == "which" and noun.pos_ == "PROPN" and self._personal(noun):
            # "said Dana Whitlock, director of Harbor Tenants United, which advocates ...": no person is a "which"
            before = antecedents.set_off_before(h)
            return before if before is not None and not self._personal(before) else None
        if h.lower_ == "who" and antecedents.singular(h) and any(c.dep_ == "conj" for c in noun.children):
            last = antecedents.set_off_before(h)  # "Trump and Cruz, who has opposed ...": Cruz alone
            return last if last is not None and last in noun.conjuncts else None
        disagrees = h.lower_ == "who" and antecedents.disagrees(h, noun)
        if h.lower_ in ("who", "whom") and self._owned_thing(noun) and (above := self._person_above(noun, False)):
            return above  # "an adviser to X's campaign who ...": the adviser, not X
        if h.lower_ not in ("who", "whom") or (self._personal(noun) and not disagrees):
            return noun
        return self._person_above(noun, disagrees)

    def _person_above(self, noun: Token, disagrees: bool) -> Token | None:
        """The person a "who" hung on a noun inside that person's description stands for."""
        climb = ("pobj", "prep", "appos", "compound", "nmod", "poss") + (("acl",) if disagrees else ())
        tok = noun
        for _ in range(4):
            if tok.dep_ not in climb or tok.head == tok:
                return None
            tok = tok.head
            if tok.pos_ in ("NOUN", "PROPN") and self._personal(tok) and not (disagrees and tok.tag_ == "NNS"):
                return tok
        return None

    def _owned_thing(self, noun: Token) -> bool:
        """A common noun with an owner that is no word for people ("X's campaign", "her office"; not "his
        aides", "X's family"): what a "who" after it describes is rather someone named above it."""
        lemma = noun.lemma_.lower()
        return noun.pos_ == "NOUN" and any(c.dep_ == "poss" for c in noun.children) \
            and lemma not in self.lex.descriptors and lemma not in self.lex.met_nouns \
            and noun.lower_ not in self.lex.group_heads and lemma + "s" not in self.lex.group_heads

    def _personal(self, tok: Token) -> bool:
        """A noun that can be a "who": a person or group it names, or a common noun that is no office or
        institution ("the adviser", "voters")."""
        if tok.pos_ == "NOUN" and (offices.words(tok) in self.lex.office_nouns
                                   or self.lex.body_nouns.get(tok.lemma_.lower(), "Organization") != "Organization"):
            return False  # "the government, which": no "who"; "a group of experts who": people
        keys = self.refers(tok)
        if keys:
            return all(self.actors[k].kind in ("Person", "Group") for k in keys)
        return tok.pos_ in ("NOUN", "PRON")

    def _resolve_all(self) -> None:
        """Resolve every pronoun and description in text order; descriptions ("the Russian leader",
        "the two presidents") become mentions of what they refer to, unless a name beside them is one."""
        pair_nouns, descriptors, body_nouns = self.lex.pair_nouns, self.lex.descriptors, self.lex.body_nouns
        doc = self.doc  # only the tokens that can pass the test below, found from the Doc's arrays
        described = lambda lemma: lemma.lower() in descriptors or lemma.lower() in body_nouns  # noqa: E731
        maybe = {*columns.where(doc, "pos", ("PRON",)), *columns.where(doc, "lower", frozenset(pair_nouns)),
                 *columns.matching(doc, "lemma", described)}
        for tok in (self.tokens[i] for i in sorted(maybe)):
            pronoun = tok.pos_ == "PRON"
            if pronoun or tok.lower_ in pair_nouns or (lemma := tok.lemma_.lower()) in descriptors \
                    or lemma in body_nouns:
                keys = self.refers(tok)
                if not keys or pronoun or self.key_at[tok.i]:
                    continue
                start = tok.left_edge.i if tok.left_edge.i >= tok.i - 3 else tok.i
                named = {self.key_at[t.i] for t in tok.subtree if self.key_at[t.i]}
                span = _span(self.doc, start, tok.i + 1)
                self._mentions.extend(Mention(k, span) for k in keys if k not in named)


def _apposed_after(head: Token, root: Token) -> list[Token]:
    """The name set off right after a coordinated description ("and Chile's negotiator, Marta Olmos,"),
    whether the parser hung it on the description or on the first name of the list."""
    own = [a for a in head.children if a.dep_ == "appos" and a.i > head.i]
    if own:
        return own
    after = head.right_edge.i + 1
    if after < len(head.doc) and head.doc[after].text == ",":
        after += 1
    return [a for a in root.children if a.dep_ == "appos" and a.left_edge.i == after]


def _span(doc: Doc, start: int, end: int) -> Span:
    return Span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))


def _listed_apart(root: Token) -> list[Token]:
    """ "Maka, Kroon and Brazil's negotiator warned": a list whose second name the parser hung on the first
    as a modifier (npadvmod), with the rest coordinated to it; the second name and its conjuncts."""
    doc = root.doc
    for c in root.children:
        if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i > root.i and doc[c.i - 1].text == "," \
                and any(g.dep_ == "conj" for g in c.children):
            return [c, *c.conjuncts]
    return []


def _titled_pair(root: Token) -> list[Token]:
    """ "Peru's Foreign Minister Ana Ruiz and Chilean Foreign Minister Luis Vega met": a pair of titled names
    the parser read as one, the first name hung as a modifier inside the second's title with the "and"
    after it; the first name."""
    if root.pos_ != "PROPN":
        return []
    return [t for t in root.subtree if t.i < root.i and t.pos_ == "PROPN" and t.dep_ in ("nmod", "compound")
            and t.ent_type_ == "PERSON" and any(c.dep_ == "cc" and c.i > t.i for c in t.children)]


OFFICE_GROUPS = {"leader", "minister", "official", "member", "negotiator", "delegate", "envoy"}


def _body_possessing(head: Token, key_at: list[str | None], bodies: dict[str, str]) -> str | None:
    """ "the GCC's leaders", "the bloc's negotiators": people of an office in a body named as its
    possessor act for it; not "Israel's enemies", "Russia's allies", nor a country's soldiers."""
    if head.lemma_.lower() not in OFFICE_GROUPS:
        return None
    keys = {key_at[t.i] for c in head.children if c.dep_ == "poss" for t in c.subtree if key_at[t.i]}
    return next(iter(keys)) if len(keys) == 1 and next(iter(keys)) in bodies else None
