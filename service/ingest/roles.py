"""Role facts: who holds which title, in which organization, read three ways:

- premodifier: "Secretary of State John Kerry", "Russia's defense minister Sergei Shoygu",
  "State Department spokesman John Kirby", "Presidents Barack Obama and Vladimir Putin";
- apposition: "Sergei Lavrov, Russia's foreign minister," / "Russia's foreign minister, Sergei Lavrov";
- copula: "Vladimir Frolov is president of LEFF Group", "X serves as / became ambassador to Y".
The organization comes from the words before the title (a demonym, a possessive, an organization
name) or after it ("of Y", "at Y"); failing both, from the country the lexicon gives the person.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from ..model import Fact, Span
from . import columns
from .mentions import title_spans
from .people import apposed
from .titled import ORG_PREPS, PAST_WORD, apposed_to_office, labelled

if TYPE_CHECKING:
    from .reading import Reading

_COPULAS = {"be", "serve", "become", "remain", "work"}
_ORG_PREPS = ORG_PREPS  # not "to": an ambassador to Russia is not Russia's


def find(r: Reading) -> list[Fact]:
    doc, lex = r.doc, r.lex  # doc.text is the normalized copy: contents are cut from r.document.text
    canon = lex.canon_titles
    titles = title_spans(doc, lex)
    by_end = {t.end: t for t in titles}
    facts: list[Fact] = []
    seen: set[tuple] = set()

    def emit(holder: str, title: TokenSpan, org: str | None, start: int, end: int, name: str = "") -> None:
        if not r.is_person(holder):
            return
        name = name or _canonical(title, canon, lex.title_modifiers)
        org = org or r.lex.country_of.get(holder)
        if org and (org == holder or not r.known_actor(org)):
            org = None  # "A Houthi official, Mohammed al-Houthi": his own surname is no organization
        country = r.country(org) if org else None
        if country and holder not in r.lex.country_of:
            r.person_country.setdefault(holder, country)
        head = name.lower().split(" of ")[0].split()[-1]  # "Secretary of State" -> "secretary"
        r.titles.setdefault(holder, set()).update([head, name.lower()])
        sig = (holder, name.lower(), org)
        if sig in seen:
            return
        seen.add(sig)
        sent = doc[title.start].sent
        facts.append(Fact(kind="Role", holders=[holder], title=name, organization=org,
                          evidence=[_trimmed(sent)], content=r.document.text[doc[start].idx:_end(doc, end)],
                          content_span=Span(doc[start].idx, _end(doc, end)), confidence=0.9))

    persons = [i for i in range(len(doc)) if r.key_at[i] and r.how_at[i] in ("name", "entity")
               and r.is_person(r.key_at[i]) and (i == 0 or r.key_at[i - 1] != r.key_at[i])]
    for i in persons:  # premodifier titles
        at = i - 1 if i > 0 and doc[i - 1].text in lex.honorifics else i
        title = by_end.get(at)
        if title is None or _in_headline(title):
            continue  # "Local Reporter Dana Wells Wins Award": a headline capitalizes any word before a name
        org_start, org = _org_before(r, title.start)
        lead = _office_words(r, title.start, i)
        name = ""
        if org is None and lead < title.start:  # "ECOWAS Commission President X": the Commission's president
            org_start, org = _org_before(r, lead)
            name = f"{r.doc[lead:title.start].text} {_canonical(title, canon, lex.title_modifiers)}" if org else ""
        if org and org_start > 0 and r.doc[org_start - 1].text.title() in _PAST:  # "former Chilean president X"
            org_start -= 1
            name = f"{r.doc[org_start].text.title()} {name or _canonical(title, canon, lex.title_modifiers)}"
        last = i
        while last + 1 < len(doc) and r.key_at[last + 1] == r.key_at[i]:
            last += 1
        holders = [(r.key_at[i], last)]
        if doc[title.end - 1].tag_ in ("NNS", "NNPS"):  # "Presidents Obama and Putin"
            holders += [(r.key_at[c.i], c.i) for c in doc[last].conjuncts if r.key_at[c.i]]
        for holder, end in holders:
            emit(holder, title, org, org_start, end + 1, name=name)
    titled = {i for t in titles for i in range(t.start, t.end)}
    for title in titles:  # appositions, both ways round
        head = title[-1]
        if title.end < len(doc) and r.key_at[title.end] and r.is_person(r.key_at[title.end]):
            continue  # "chief Abbas Kamel and ... Al Thani": a premodifier title is its own name's
        past = PAST_WORD if any(c.dep_ == "amod" and c.text.title() in _PAST for c in head.children) \
            and title[0].text.title() not in _PAST else ""  # "a former federal deputy": a title held before
        for person in apposed(head):
            if r.key_at[person.i] and r.is_person(r.key_at[person.i]) and not _inside(person.i, title) \
                    and not labelled(doc, person.i, title):
                org = _org_near(r, title)
                before = _org_before(r, title.start)[0] if person.i > title.start else title.start
                lo, hi = min(person.i, before), max(person.i, title.end - 1)  # "Chile's minister, X": from Chile
                emit(r.key_at[person.i], title, org, lo, hi + 1,
                     name=past and past + _canonical(title, canon, lex.title_modifiers))
        for person, body in apposed_to_office(r, head, titled):
            if r.key_at[person.i] and r.is_person(r.key_at[person.i]) and person not in apposed(head):
                of = doc[head.i + 1].lower_ in _ORG_PREPS and r.key_at[body.i] and r.known_actor(r.key_at[body.i])
                words = doc[head.i + 1:body.i + 1].text
                name = "" if of else f"{_canonical(title, canon, lex.title_modifiers)} {words}"
                emit(r.key_at[person.i], title, r.key_at[body.i] if of else None, title.start, person.i + 1, name=name)
    # "Kyrgyz Foreign Minister X and his Tajik counterpart Y": Y holds X's title, in Tajikistan
    for tok in (r.tokens[i] for i in columns.where(doc, "lower", ("counterpart",))):
        owner = [k for c in tok.children if c.dep_ == "poss" for k in r.refers(c)]
        held = {f.title for f in facts if owner and f.holders == owner[:1]}
        if len(owner) != 1 or len(held) != 1:
            continue  # whose counterpart, or which of their titles, is not settled
        after = next((i for i in (tok.i + 1, tok.i + 2) if i < len(doc) and r.key_at[i]  # "counterpart(,) Y"
                      and (i == tok.i + 1 or doc[tok.i + 1].text == ",")), None)
        person = after if after is not None else next((t.i for t in apposed(tok) if r.key_at[t.i]), None)
        if person is None or r.key_at[person] == owner[0]:
            continue
        org_start, org = _org_before(r, tok.i)
        last = person
        while last + 1 < len(doc) and r.key_at[last + 1] == r.key_at[person]:
            last += 1
        lo = min(org_start if org else tok.i, person)
        emit(r.key_at[person], doc[tok.i:tok.i + 1], org, lo, max(last, tok.i) + 1, name=held.pop())
    # "X, the diplomat who chairs the alliance", "X heads the agency": the office a verb holds
    for tok in (r.tokens[i] for i in columns.where(doc, "pos", ("VERB",))):
        name = _OFFICE_VERBS.get(tok.lemma_.lower())
        if name is None or tok.pos_ != "VERB" or tok.tag_ not in ("VBZ", "VBP"):
            continue
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        orgs = r.refers(obj) if obj is not None else []
        if len(orgs) != 1 or r.actor(orgs[0]).kind not in _OFFICE_BODIES:
            body = _body(obj) if name in _BODY_OFFICES and not orgs else None
            if body is None:
                continue
            orgs, name = [None], f"{name} of {body}"  # "who chairs a fishermen's committee in Brittany"
        for holder, at in _office_holders(r, tok):
            while at > 0 and r.key_at[at - 1] == holder:  # from the name's first word: "Yannick Le Goff"
                at -= 1
            lo, hi = min(at, tok.i), max(obj.right_edge.i, at)
            emit(holder, doc[tok.i:tok.i + 1], orgs[0], lo, hi + 1, name=name)
    # copulas; appointments ("X, whom the bloc appointed as its envoy"; "Y was named envoy")
    for tok in (r.tokens[i] for i in columns.where(doc, "lemma", _ROLE_VERBS)):
        if tok.lemma_ not in _COPULAS and tok.lemma_ not in _APPOINTING:
            continue
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if tok.lemma_ in _APPOINTING:  # the one appointed: the object, or the passive's subject
            subj = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        preds = [c for c in tok.children if c.dep_ in ("attr", "acomp", "oprd")]
        preds += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
                  if g.dep_ == "pobj"]
        if not subj or not preds or (tok.lemma_ in _COPULAS and _unreal(tok)):
            continue
        holders = r.refers(subj[0])
        if tok.lemma_ in _APPOINTING and subj[0].tag_ in ("WP", "WDT") and tok.dep_ == "relcl":
            holders = [k for k, _ in _office_holders(r, tok)]  # "X, a former judge whom Y appointed as ...": X
        for pred in preds:
            title = next((t for t in titles if t.end - 1 == pred.i), None)
            if title is None:
                continue
            org = _org_near(r, title) if tok.lemma_ not in _APPOINTING else _appointer(r, tok)
            for holder in holders:
                emit(holder, title, org, min(subj[0].left_edge.i, tok.i), pred.right_edge.i + 1)
    return facts


_APPOINTING = {"appoint", "name", "nominate", "elect", "choose", "select", "tap", "install", "designate"}
_ROLE_VERBS = frozenset(_COPULAS | _APPOINTING)  # the lemmas the copula loop reads
_PAST = {"Former", "Ex"}  # a title held before: "former Chilean president X" keeps the word

_OFFICE_VERBS = {"chair": "Chair", "head": "Head", "lead": "Leader"}  # present tense: holds it now
_OFFICE_BODIES = ("Organization", "Government", "Group")
_BODY_OFFICES = ("Chair", "Head")  # offices of a body the graph has no actor for, named in the title
_BODY_NOUNS = {"committee", "commission", "council", "board", "panel", "association", "union", "federation",
               "delegation", "agency", "ministry", "department", "office", "party", "group", "authority",
               "institute", "foundation", "bureau", "court", "tribunal", "assembly", "chamber", "bank",
               "fund", "league", "alliance", "coalition", "movement", "network", "company"}


_MODALS = {"would", "could", "should", "might", "may", "can", "will", "must", "to"}
_CONDITIONS = {"if", "unless", "whether"}


def _unreal(copula: Token) -> bool:
    """ "if he were president", "could become president", "wants to be president", "should be president":
    an office wished, supposed or to come, not held."""
    return any((c.dep_ in ("aux", "auxpass") and c.lower_ in _MODALS) or (c.dep_ == "mark" and c.lower_ in _CONDITIONS)
               for c in copula.children)


def _appointer(r: Reading, verb: Token) -> str | None:
    """The body that appoints ("the bloc appointed X as its envoy"): the office is in it; a person who
    appoints (a president naming an adviser) gives none."""
    keys = [k for c in verb.children if c.dep_ == "nsubj" for k in r.refers(c)]
    return keys[0] if len(keys) == 1 and r.actor(keys[0]).kind in _OFFICE_BODIES else None


def _office_holders(r: Reading, verb: Token) -> list[tuple[str, int]]:
    """Who holds the office a verb names: its subject, or for a relative clause the person it describes
    ("Tevita Maka, the Tongan diplomat who chairs ..."); (key, token) pairs."""
    if verb.dep_ == "relcl":
        noun = verb.head
        people = [noun, *apposed(noun)] + ([noun.head] if noun.dep_ == "appos" else [])
    else:
        people = [c for c in verb.children if c.dep_ == "nsubj"]
    return [(k, p.i) for p in people if r.key_at[p.i] and r.is_person(k := r.key_at[p.i])]


def _body(obj: Token | None) -> str | None:
    """The words of a body an office verb names ("chairs a fishermen's committee in Brittany"), when its
    head is a noun for a body ("committee", not "the talks" or "the polls"); a clause inside it is left out,
    a place after it kept."""
    if obj is None or obj.lemma_.lower() not in _BODY_NOUNS:
        return None
    end = min([c.left_edge.i for c in obj.children if c.dep_ in ("relcl", "acl") and c.i > obj.i]
              + [obj.right_edge.i + 1])
    while end - 1 > obj.i and obj.doc[end - 1].is_punct:
        end -= 1
    for prep in sorted(obj.head.children, key=lambda c: c.i):  # "chairs a union in Normandy" read as the verb's
        if prep.dep_ == "prep" and prep.lower_ in ("in", "of", "for") and prep.i == end == obj.right_edge.i + 1:
            end = prep.right_edge.i + 1
    return obj.doc[obj.left_edge.i:end].text


def _canonical(title: TokenSpan, canon: dict, modifiers: set[str]) -> str:
    whole = " ".join(title.text.split()).lower()
    if whole in canon:
        return canon[whole]
    rest, lead = title, ""
    while len(rest) and rest[0].text.title() in modifiers and " ".join(rest.text.split()).lower() not in canon:
        hyphen = len(rest) > 1 and rest[1].text == "-"  # "vice-president": Vice-President, as written
        lead += rest[0].text.title() + ("-" if hyphen else " ")
        rest = rest[2:] if hyphen else rest[1:]
    core = " ".join(rest.text.split())
    return lead + canon.get(core.lower(), core)


def _office_words(r: Reading, start: int, person: int) -> int:
    """Where the capitalized words of an office before a title begin ("EU Trade Commissioner",
    "ECOWAS Commission President"): nouns compounded into the title or name, naming no actor."""
    i = start
    while i > 0 and r.doc[i - 1].pos_ == "PROPN" and r.doc[i - 1].is_title and r.doc[i - 1].dep_ == "compound" \
            and i <= r.doc[i - 1].head.i <= person and not r.key_at[i - 1]:
        i -= 1
    return i


def _org_before(r: Reading, start: int) -> tuple[int, str | None]:
    """An organization or country named just before a title: 'Russian', 'U.S.', "Russia's",
    'State Department'."""
    i = start - 1
    while i >= max(0, start - 2) and r.doc[i].is_lower and r.doc[i].dep_ in ("compound", "amod") \
            and r.doc[i].head.i >= start:
        i -= 1  # "the EU's climate envoy", "Brazil's lead negotiator": past the words of the office
    if i >= 0 and r.doc[i].tag_ == "PRP$" and r.doc[i].lower_ in ("its", "their"):  # "Its director general"
        keys = r.refers(r.doc[i])
        return (i, keys[0]) if len(keys) == 1 else (start, None)
    if i >= 0 and r.doc[i].tag_ == "POS":
        i -= 1
    if i >= 0 and not r.key_at[i] and r.doc[i].pos_ == "NOUN":  # "the agency's director general": its referent
        keys = r.refers(r.doc[i])
        return (i, keys[0]) if len(keys) == 1 else (start, None)
    if i < 0 or not r.key_at[i]:
        return start, None
    first = i
    while first > 0 and r.key_at[first - 1] == r.key_at[i]:
        first -= 1
    return first, r.key_at[i]


def _org_near(r: Reading, title: TokenSpan) -> str | None:
    """The organization of a title in apposition or after a copula: before it, or 'of/at Y' after."""
    _, org = _org_before(r, title.start)
    if org:
        return org
    for prep in title[-1].children:
        if prep.dep_ == "prep" and prep.lower_ in _ORG_PREPS:
            for obj in prep.children:
                if obj.dep_ == "pobj" and not (obj.pos_ == "NOUN" and any(
                        c.dep_ == "det" and c.lower_ in ("a", "an") for c in obj.children)):  # "for a Kaunas paper"
                    keys = r.refers(obj)
                    if not keys and obj.pos_ != "PROPN":  # "of the Russian foreign ministry": Russia's; not
                        keys = [r.key_at[t.i] for t in obj.subtree if r.key_at[t.i]]  # another name's "of Iran"
                    if keys:
                        return keys[0]
    return None


def _in_headline(title: TokenSpan) -> bool:
    """A title in a Title Case line: most of the line's other common words (longer than three letters,
    no name, no entity) capitalized."""
    words = [w for w in title.doc[title.start].sent if w.is_alpha and len(w.text) > 3 and w.pos_ != "PROPN"
             and not w.ent_type_ and not _inside(w.i, title)]
    return bool(words) and sum(w.text[:1].isupper() for w in words) > len(words) / 2


def _inside(i: int, span: TokenSpan) -> bool:
    return span.start <= i < span.end


def _end(doc, end: int) -> int:
    return doc[end - 1].idx + len(doc[end - 1].text)


def _trimmed(sent: TokenSpan) -> Span:
    """The sentence's characters from its first token that is not space to its last (read from the ends)."""
    doc = sent.doc
    first = next(doc[i] for i in range(sent.start, sent.end) if not doc[i].is_space)
    last = next(doc[i] for i in range(sent.end - 1, sent.start - 1, -1) if not doc[i].is_space)
    return Span(first.idx, last.idx + len(last.text))
