"""Names in a parsed document -> actor mentions: lexicon aliases (with metonymy: Moscow, the Kremlin ->
Russia's government; a capital after "in"/"at" stays a place), demonyms ("Russian" -> Russia) and
named entities the lexicon does not know (PERSON, ORG, GPE, NORP), which become actors of their own.
A surname alone joins the full name used elsewhere in the document ("Obama" -> "Barack Obama").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan
from spacy.util import filter_spans

from ..iris import slug
from ..model import Actor
from . import gender, offices
from .lexicon import Lexicon

_LOCATIVE = {"in", "at", "from", "near", "outside", "inside", "to", "into", "across", "around", "via"}
_ENT_KINDS = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "NORP": "Group", "FAC": "Place",
              "LOC": "Place"}

NOT_NAMES = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")  # "leaders Saturday"


@dataclass(frozen=True)
class Found:
    start: int  # token indices [start, end)
    end: int
    key: str
    how: str  # name | metonym | demonym | entity | place


def matchers(lex: Lexicon, vocab) -> tuple[PhraseMatcher, PhraseMatcher, PhraseMatcher]:
    """Alias, demonym (case-sensitive) and title (case-insensitive) matchers, built once per lexicon and
    vocab (kept on the lexicon)."""
    made = lex.made.get(("matchers", id(vocab)))
    if made is None or made[0] is not vocab:
        made = lex.made[("matchers", id(vocab))] = (vocab, _matchers(lex, vocab))
    return made[1]


def _matchers(lex: Lexicon, vocab) -> tuple[PhraseMatcher, PhraseMatcher, PhraseMatcher]:
    from spacy.lang.en import English

    make = English(vocab=vocab).make_doc
    aliases = PhraseMatcher(vocab, attr="ORTH")
    for surface in lex.aliases:
        aliases.add("A", [make(surface)])
        if len(surface) > 3 and not surface.isupper():  # datelines: "BEIJING/WASHINGTON (Reuters) -"
            aliases.add("A", [make(surface.upper())])
    demonyms = PhraseMatcher(vocab, attr="ORTH")
    demonyms.add("D", [make(d) for d in lex.demonyms])
    titles = PhraseMatcher(vocab, attr="LOWER")
    forms = set()
    for title in lex.titles:
        forms |= {title, title + "s", title.replace(" of ", "s of ", 1) if " of " in title else title}
    titles.add("T", [make(t) for t in forms])
    return aliases, demonyms, titles


TITLES_KEY, DATELINES_KEY = "kgqa_titles", "kgqa_datelines"  # doc.user_data: found once per Doc


def title_spans(doc: Doc, lex: Lexicon) -> list:
    """Title phrases in the document, longest first, extended to the left by title modifiers (found
    once per Doc and lexicon: the mentions and the roles both read them)."""
    memo = doc.user_data.setdefault(TITLES_KEY, {})
    if id(lex) not in memo:
        memo[id(lex)] = (lex, [(t.start, t.end) for t in _title_spans(doc, lex)])  # lex kept: its id stays its own
    return [TokenSpan(doc, start, end) for start, end in memo[id(lex)][1]]


def _title_spans(doc: Doc, lex: Lexicon) -> list:
    spans = filter_spans([doc[s:e] for _, s, e in matchers(lex, doc.vocab)[2](doc)])
    out = []
    for span in spans:
        start = span.start
        while start > 0 and (doc[start - 1].text.title() in lex.title_modifiers or (
                start > 1 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_
                and doc[start - 2].text.title() in lex.title_modifiers)):  # "Vice-President"
            start -= 2 if doc[start - 1].text == "-" else 1
        out.append(doc[start:span.end])
    return out


def find(doc: Doc, lex: Lexicon, tokens: list[Token] | None = None) -> tuple[list[Found], dict[str, Actor]]:
    """Mentions in text order, and the actors they name (copies: safe to change per document)."""
    alias_m, demonym_m, _ = matchers(lex, doc.vocab)
    named = filter_spans([doc[s:e] for _, s, e in alias_m(doc)])
    found: list[Found] = []
    taken = [False] * len(doc)
    upper = lex.upper_aliases
    titles = title_spans(doc, lex)
    in_title = [False] * len(doc)
    for t in titles:
        in_title[t.start:t.end] = [True] * len(t)
    owners: dict[tuple[int, int], str] = {}  # organization entity span -> the country it is "of"
    for span in named:
        surface = span.text if span.text in lex.aliases else upper[span.text]
        key = lex.aliases[surface]
        whole = _organization_of(doc, span, lex, key, in_title)
        if whole is not None:  # "the Central Bank of Iran": an organization of its own, in Iran
            owners[whole] = key
            continue
        if _other_first_name(doc, span, lex.actors[key], lex, in_title):
            continue  # "Bill Clinton" is not the lexicon's Hillary Clinton: a person of their own
        how = "name"
        if surface in lex.capitals and (span.text.isupper() or _locative(span, lex.decision_words)):
            key, how = lex.capitals[surface], "place"  # a dateline in capitals is where it was filed
        elif lex.actors[key].kind == "Government" and surface not in lex.actors[key].label:
            how = "metonym"
        found.append(Found(span.start, span.end, key, how))
        taken[span.start:span.end] = [True] * len(span)
    for _, s, e in demonym_m(doc):
        if doc[s].ent_type_ == "PERSON" and doc[s].ent_iob_ == "I":
            continue  # a surname ("Mark Cuban"), not a nationality
        if not any(taken[s:e]):
            found.append(Found(s, e, lex.demonyms[doc[s:e].text], "demonym"))
            taken[s:e] = [True] * (e - s)
    actors: dict[str, Actor] = {}
    people: list[tuple[list[str], int, int]] = []
    person_words = {t.text for ent in doc.ents if ent.label_ == "PERSON" for t in ent if t.pos_ == "PROPN"}
    of_country = _of_country(doc, lex, found, taken, in_title)
    person_words |= {t.text for s, e in of_country for t in doc[s:e]}  # "Rahimzoda" tagged ORG later on
    people += [([t.text for t in doc[s:e]], s, e) for s, e in of_country if not any(t.ent_type_ for t in doc[s:e])]
    dateline = datelines(doc)
    for ent in doc.ents:
        if ent.label_ not in _ENT_KINDS or any(taken[ent.start:ent.end]):
            continue
        s, e = _trim(doc, ent.start, ent.end, lex, in_title)
        label_ = ent.label_
        filed = s < e and all(i in dateline for i in range(s, e)) and label_ in ("ORG", "GPE", "LOC", "FAC") \
            and not _in_brackets(doc, s, dateline)  # "(Reuters)": the agency that filed it, no place
        if filed:
            label_ = "GPE"  # "JOHANNESBURG (Reuters) —" tagged ORG: the place it was filed from
        if label_ in ("ORG", "GPE") and s < e and (
                (s > 0 and in_title[s - 1]) or doc[e - 1].text in person_words
                or _apposed_to_title(doc[s:e], in_title)):
            label_ = "PERSON"  # "Foreign Minister Karim Haddad" or "Peru's negotiator, Ana Ruiz," mislabelled ORG
        parts = _coordinated(doc, s, e)
        if label_ in ("ORG", "GPE") and sum(doc[b - 1].text in person_words for _, b in parts) > 1:
            label_ = "PERSON"  # "Christie and Jindal, Cruz" labelled ORG: people named together
        if label_ == "PERSON":  # "Ahmet Demir" with only "Demir" labelled: take the first name too
            while s > 0 and doc[s - 1].pos_ == "PROPN" and doc[s - 1].head.i in range(s, e) \
                    and any(c.isalnum() for c in doc[s - 1].text) \
                    and not taken[s - 1] and not in_title[s - 1] and doc[s - 1].text not in lex.honorifics:
                s -= 1
        if s >= e or (ent.label_ == "NORP" and not doc[e - 1].tag_.startswith("NNS")
                      and doc[e - 1].tag_ != "NNPS"):
            continue
        if not any(t.is_alpha and t.text[0].isupper() for t in doc[s:e]):
            continue
        if label_ == "PERSON":
            people += [([t.text for t in doc[a:b] if not t.is_punct], a, b) for a, b in _coordinated(doc, s, e)]
            continue
        label = doc[s:e].text.title() if filed and doc[s:e].text.isupper() else doc[s:e].text
        key = slug(label)
        actors.setdefault(key, Actor(key, label, _ENT_KINDS[label_], {label}))
        if (ent.start, ent.end) in owners:
            actors[key].member_of.add(owners[ent.start, ent.end])
        found.append(Found(s, e, key, "entity"))
    for s, e in _filed_from(doc, dateline, taken):  # "MONTEVIDEO (Reuters) —" the tagger left unnamed
        label = doc[s:e].text.title()
        actors.setdefault(slug(label), Actor(slug(label), label, "Place", {label}))
        found.append(Found(s, e, slug(label), "entity"))
        taken[s:e] = [True] * (e - s)
    for i in _authors_by_initials(doc, taken):  # "the CNAS paper": a body the tagger did not label
        actors.setdefault(slug(doc[i].text), Actor(slug(doc[i].text), doc[i].text, "Organization", {doc[i].text}))
        found.append(Found(i, i + 1, slug(doc[i].text), "entity"))
        taken[i] = True
    people += _titled_names(doc, titles, taken, people, found)
    people += _untagged_names(doc, lex, taken, in_title)
    known = {}  # people the lexicon named in this document, by their full name as written: (key, first token)
    for f in found:
        if f.key in lex.actors and lex.actors[f.key].kind == "Person":
            known.setdefault(" ".join(t.text for t in doc[f.start:f.end] if not t.is_punct), (f.key, f.start))
    found += _people(doc, people, lex, actors, known)
    found += _short_names(doc, found, actors, lex, doc if tokens is None else tokens)
    found = _acronyms(found, actors)
    found = _led_bodies(doc, found, actors)
    found = _apposed_bodies(doc, found, actors, lex)
    for f in found:
        if f.key not in actors:
            actors[f.key] = copy(lex.actors[f.key])
    found = _offices(doc, sorted(found, key=lambda f: f.start), actors, lex)
    for key in list(actors):  # the country a government governs, the organization an office is part of
        for parent in [actors[key].government_of, *actors[key].member_of]:
            if parent and parent not in actors and parent in lex.actors:
                actors[parent] = copy(lex.actors[parent])
    return sorted(found, key=lambda f: f.start), actors


_DASHES = ("—", "–", "--", "-")
_SUBJECTS = ("nsubj", "nsubjpass")


def _of_country(doc: Doc, lex: Lexicon, found: list[Found], taken: list[bool], in_title: list[bool]) -> list:
    """Names the tagger missed or took for a place, told as a person from a country in a subject:
    "Aibek Tolenov of Kyrgyzstan and Farid Nurov of Tajikistan held talks": two or three capitalised
    words no lexicon entry, title or institution word claims and the tagger took for no body ("the
    Supreme Court of Brazil"), before "of" and a country's name."""
    countries = {f.start for f in found if lex.actors.get(f.key) and lex.actors[f.key].kind == "Country"}
    institution = set(lex.body_nouns) | lex.office_nouns | lex.group_heads | lex.meeting_words
    out = []
    for of in doc:
        if of.lower_ != "of" or of.ent_iob_ == "I" \
                or not any(c.dep_ == "pobj" and c.i in countries for c in of.children):
            continue
        head = of.head
        if head.i != of.i - 1 or not (head.dep_ in _SUBJECTS or (head.dep_ == "conj" and head.head.dep_ in _SUBJECTS)):
            continue
        start = head.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == head.i:
            start -= 1
        name = doc[start:head.i + 1]
        if 2 <= len(name) <= 3 and all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and not t.is_upper
                                       and not taken[t.i] and not in_title[t.i] and t.lower_ not in institution
                                       and t.text.title() not in lex.title_modifiers
                                       and t.ent_type_ in ("", "PERSON", "GPE") for t in name):
            out.append((name.start, name.end))
    return out




def _organization_of(doc: Doc, span, lex: Lexicon, key: str, in_title: list[bool]) -> tuple[int, int] | None:
    """The organization entity a country's name ends ("the Atomic Energy Organization of Iran", "the
    Central Bank of Iran", "Bank of America"): its span, when the name is its "of" phrase and what comes
    before is neither the state itself ("the Republic of", "the Government of") nor one of its offices
    ("the Foreign Ministry of", "the Embassy of"), which the country's name stands for."""
    if span.start < 2 or doc[span.start - 1].lower_ != "of" or lex.actors[key].kind not in ("Country", "Government"):
        return None
    if doc[span.start - 1].ent_iob_ != "I" or doc[span.start - 1].ent_type_ not in ("ORG", "FAC") \
            or any(t.ent_iob_ != "I" for t in span) or in_title[span.start - 2]:
        return None
    start, end = span.start - 1, span.end  # the entity around "of <country>", from its tokens' IOB tags
    while doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    head = doc[span.start - 2]
    words = " ".join(t.lower_ for t in doc[start:span.start - 1] if t.dep_ != "det" and t.lower_ != "the")
    if head.lemma_.lower() in lex.body_nouns and lex.body_nouns[head.lemma_.lower()] in ("Country", "Government") \
            or words in lex.office_nouns or head.lemma_.lower() in lex.office_nouns or not head.text[:1].isupper():
        return None
    return start, end


def datelines(doc: Doc) -> set[int]:
    """Tokens of datelines: a paragraph opening with a place in capitals ("JEDDAH, Saudi Arabia —",
    "BEIJING (Reuters) -") up to the dash. Found once per Doc: the set is shared, not to be changed."""
    found = doc.user_data.get(DATELINES_KEY)
    if found is None:
        found = doc.user_data[DATELINES_KEY] = _datelines(doc)
    return found


def _datelines(doc: Doc) -> set[int]:
    out: set[int] = set()
    starts = True  # the token opens a line: the first, or the one after a line break
    for tok in doc:
        opens, starts = starts, "\n" in tok.text or "\n" in tok.whitespace_
        if not opens or not (tok.is_upper and tok.is_alpha and len(tok.text) > 2):
            continue
        for j in range(tok.i + 1, min(tok.i + 10, len(doc))):
            if doc[j].text in _DASHES:
                out |= set(range(tok.i, j + 1))
                break
            if "\n" in doc[j].text:
                break
    return out


def _in_brackets(doc: Doc, s: int, dateline: set[int]) -> bool:
    """Token s follows an opening bracket of its dateline: "VIENNA (Alpine News Agency) —"."""
    i = s - 1
    while i in dateline and doc[i].text != ")":
        if doc[i].text == "(":
            return True
        i -= 1
    return False


def _filed_from(doc: Doc, dateline: set[int], taken: list[bool]) -> list[tuple[int, int]]:
    """The place name opening each dateline, in capitals ("RIO DE JANEIRO (Reuters) —"), where no
    other name was found."""
    out = []
    for i in sorted(dateline):
        if i - 1 in dateline:
            continue
        e = i
        while e in dateline and doc[e].is_upper and doc[e].is_alpha:
            e += 1
        if e > i and not any(taken[i:e]):
            out.append((i, e))
    return out


def _other_first_name(doc: Doc, span, actor: Actor, lex: Lexicon, in_title: list[bool]) -> bool:
    """A lexicon person's surname written after a first name that is not theirs ("Bill Clinton",
    "Michelle Obama"): another person of that family."""
    if actor.kind != "Person" or len(span) != 1 or span.start == 0:
        return False
    prev = doc[span.start - 1]
    own = {w for name in (actor.label, *actor.aliases) for w in name.split()}
    return prev.pos_ == "PROPN" and prev.is_alpha and prev.text[:1].isupper() and not prev.is_upper \
        and prev.text not in own and prev.text not in lex.honorifics and not in_title[prev.i] \
        and prev.ent_type_ in ("PERSON", "") and prev.text.title() not in lex.title_modifiers


def _coordinated(doc: Doc, s: int, e: int) -> list[tuple[int, int]]:
    """A person entity that is a coordination of names ("Christie and Jindal"): each part a name of its
    own (not "Ana and Luis Ruiz", first names sharing one family name)."""
    cuts = [i for i in range(s + 1, e - 1) if doc[i].lower_ in ("and", "&", "or") or doc[i].text == ","]
    if not cuts:
        return [(s, e)]
    parts, start = [], s
    for i in [*cuts, e]:
        if start < i:
            parts.append((start, i))
        start = i + 1
    names = all(t.pos_ == "PROPN" and t.text[:1].isupper() for a, b in parts for t in doc[a:b])
    shared = parts[-1][1] - parts[-1][0] > 1 and any(b - a == 1 for a, b in parts[:-1])  # one family name
    return parts if len(parts) > 1 and names and not shared else [(s, e)]


def _locative(span, decision_words: set[str]) -> bool:
    """A capital after "in"/"at"/"to" is the place ("met in Moscow"), unless what happens there is a
    decision ("Assad's fate will be decided in Tehran": the government)."""
    prep = span.root.head
    if span.root.dep_ != "pobj" or prep.lower_ not in _LOCATIVE:
        return False
    return prep.head.lemma_.lower() not in decision_words


def _trim(doc: Doc, s: int, e: int, lex: Lexicon, in_title: list[bool]) -> tuple[int, int]:
    """Drop determiners, honorifics, titles and marks ('"―' before a signature) before a name, and a
    trailing possessive."""
    while s < e and (doc[s].lower_ in ("the", "a", "an") or doc[s].text in lex.honorifics or in_title[s]
                     or doc[s].text.title() in lex.title_modifiers or not any(c.isalnum() for c in doc[s].text)):
        s += 1
    for i in range(s, e):  # "VIENNA (Reuters": a name stops at a bracket
        if doc[i].is_bracket:
            e = i
            break
    while e > s and (doc[e - 1].tag_ == "POS" or doc[e - 1].is_punct or doc[e - 1].is_space):
        e -= 1
    return s, e


# texts a body puts out, named after it by its initials: "the CNAS paper", "a GAO report"
AUTHORED = ("report", "paper", "study", "memo", "analysis", "review", "survey", "poll", "letter", "statement",
            "audit", "brief", "assessment")


def _authors_by_initials(doc: Doc, taken: list[bool]) -> list[int]:
    """Tokens in capitals the tagger left unlabelled that stand before the text they put out."""
    return [t.i for t in doc if t.pos_ == "PROPN" and t.is_upper and t.is_alpha and 2 <= len(t.text) <= 6
            and not t.ent_type_ and not taken[t.i] and t.dep_ == "compound" and t.head.pos_ == "NOUN"
            and t.head.lemma_.lower() in AUTHORED and t.head.i == t.i + 1]


def _titled_names(doc: Doc, titles: list, taken: list[bool], people: list, found: list[Found]) -> list:
    """A name the parser did not label, right after a title: "King Abdullah II", "President-elect
    Lai Ching-te" (proper nouns up to the first other word)."""
    covered = list(taken)
    for _, s, e in people:
        covered[s:e] = [True] * (e - s)
    for f in found:
        covered[f.start:f.end] = [True] * (f.end - f.start)
    in_title = [False] * len(doc)
    for t in titles:
        in_title[t.start:t.end] = [True] * len(t)
    out = []
    for t in titles:
        end = t.end
        while end < len(doc) and not covered[end] and not in_title[end] and (
                (doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and doc[end].ent_type_ not in NOT_NAMES)
                or (doc[end].text == "-" and not doc[end].whitespace_ and end > t.end)):
            end += 1
        while end > t.end and doc[end - 1].text == "-":
            end -= 1
        if end > t.end and doc[t.end].text[:1].isupper():
            out.append(([w.text for w in doc[t.end:end] if not w.is_punct], t.end, end))
        for name in _apposed_names(t, covered, in_title):
            out.append(([w.text for w in name if not w.is_punct], name.start, name.end))
            covered[name.start:name.end] = [True] * len(name)
    return out


def apposed(tok: Token) -> list[Token]:
    """The tokens in apposition to this one, either way round ("X, the minister," / "the minister, X,")."""
    return [c for c in tok.children if c.dep_ == "appos"] + ([tok.head] if tok.dep_ == "appos" else [])


def _apposed_to_title(span, in_title: list[bool]) -> bool:
    """The name stands in apposition to a title: "Peru's lead negotiator, Ana Ruiz," or "Ana Ruiz,
    Peru's lead negotiator,": a person, whatever label the tagger gave it."""
    return any(in_title[t.i] and t.i not in range(span.start, span.end) for t in apposed(span.root))


def _apposed_names(title, covered: list[bool], in_title: list[bool]) -> list:
    """Unlabelled names in apposition to a title: proper nouns only, none already a mention."""
    doc = title.doc
    out = []
    for tok in apposed(title.root):
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == tok.i:
            start -= 1
        name = doc[start:tok.i + 1]
        if all(w.pos_ == "PROPN" and w.text[:1].isupper() and w.ent_type_ not in NOT_NAMES for w in name) \
                and not any(covered[start:tok.i + 1]) and not any(in_title[start:tok.i + 1]):
            out.append(name)
    return out


_INITIAL = re.compile(r"^[A-Z]\.?$")  # a middle initial: "E." in "Loretta E. Lynch"
# last words that make a capitalized pair a place, a body or a thing, not a person ("Jordan River")
_NOT_SURNAMES = {"river", "street", "avenue", "road", "square", "park", "lake", "island", "islands", "bay",
                 "valley", "mountain", "mountains", "county", "city", "state", "university", "college",
                 "school", "institute", "foundation", "center", "centre", "church", "hospital", "party",
                 "group", "company", "bank", "house", "hall", "council", "committee", "times", "post", "news",
                 "journal", "daily", "today", "tech", "airport", "station", "prize", "award", "act", "bill"}


APPOSED_BODIES = ("organization", "organisation", "group", "charity", "foundation", "institute", "agency",
                  "tank", "firm", "company", "coalition", "alliance", "union", "association", "nonprofit",
                  "watchdog", "movement", "party")


def _apposed_bodies(doc: Doc, found: list[Found], actors: dict[str, Actor], lex: Lexicon) -> list[Found]:
    """A name the tagger left unlabelled that an apposition calls a body ("The Civic Ledger, a nonpartisan
    watchdog group, said"): an Organization labelled by the name."""
    covered = {i for f in found for i in range(f.start, f.end)}
    out = list(found)
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.ent_type_ or tok.i in covered or tok.dep_ == "compound":
            continue
        appos = next((c for c in tok.children if c.dep_ == "appos" and c.i > tok.i and c.pos_ == "NOUN"), None)
        if appos is None or appos.lemma_.lower() not in APPOSED_BODIES or not doc[tok.i + 1].is_punct:
            continue
        start = tok.left_edge.i
        while start < tok.i and (doc[start].dep_ == "det" or doc[start].text in lex.honorifics):
            start += 1
        words = doc[start:tok.i + 1]
        if any(t.i in covered or t.ent_type_ or not t.text[:1].isupper() for t in words):
            continue
        label = words.text
        key = slug(label)
        actors.setdefault(key, Actor(key, label, "Organization", {label}))
        out.append(Found(start, tok.i + 1, key, "entity"))
    return sorted(out, key=lambda f: f.start)


LED_BODIES = ("coalition", "alliance", "force", "forces", "bloc")  # "the Saudi-led coalition"


def _led_bodies(doc: Doc, found: list[Found], actors: dict[str, Actor]) -> list[Found]:
    """A body named by who leads it ("the U.S.-led coalition", "the Saudi - led alliance"): an
    Organization of its own, labelled as written, which holds what it says and does; the leader named
    in it is not the doer."""
    out = list(found)
    for tok in doc:
        if tok.lower_ not in LED_BODIES or tok.i == 0:
            continue
        led = doc[tok.i - 1]
        if led.lower_.endswith("-led") and len(led) > 4 and led.lower_ != "-led":
            start = led.i  # "U.S.-led" as one word
        elif led.lower_ in ("led", "-led") and tok.i >= 2:
            start = tok.i - 2 if led.lower_ == "-led" else tok.i - 3  # "U.S. -led", "Saudi - led"
            if start < 0 or (led.lower_ == "led" and doc[tok.i - 2].text not in ("-", "–")):
                continue
        else:
            continue
        if not doc[start].text[:1].isupper():
            continue  # "army-led", "export-led": no one named leads it
        label = "".join(t.text_with_ws for t in doc[start:tok.i + 1]).strip()
        label = label.replace(" -led", "-led").replace(" - led", "-led")
        key = slug(label)
        actors.setdefault(key, Actor(key, label, "Organization", {label}))
        out = [f for f in out if f.end <= start or f.start > tok.i]
        out.append(Found(start, tok.i + 1, key, "entity"))
    return sorted(out, key=lambda f: f.start)


def _untagged_names(doc: Doc, lex: Lexicon, taken: list[bool], in_title: list[bool]) -> list:
    """People the tagger left unlabelled, read from their first name ("Cornel West urges ..."): a known
    first name and one or two more capitalized proper nouns (a middle initial allowed), outside any
    entity, lexicon name or title, not part of a longer capitalized run nor of a Title Case headline."""
    out = []
    for t in doc:
        if t.pos_ != "PROPN" or not t.text.istitle() or t.lower_ not in lex.first_names or _covered(t, taken, in_title):
            continue
        if t.i > t.sent.start and doc[t.i - 1].text[:1].isupper() and doc[t.i - 1].is_alpha:
            continue  # "Virginia" in "West Virginia Senator": inside a longer capitalized run
        e = t.i + 1
        while e < len(doc) and e - t.i < 3 and doc[e].pos_ == "PROPN" and not _covered(doc[e], taken, in_title) \
                and (doc[e].text.istitle() or _INITIAL.match(doc[e].text)):
            e += 1
        last = doc[e - 1]
        if e - t.i < 2 or _INITIAL.match(last.text) or last.lower_ in _NOT_SURNAMES or last.dep_ == "compound":
            continue
        if e < len(doc) and doc[e].text[:1].isupper() and doc[e].is_alpha:
            continue  # a longer capitalized run: a body's or a work's name
        words = [w for w in t.sent if w.is_alpha and len(w.text) > 3 and w.pos_ != "PROPN"]
        if not words or sum(w.text[:1].isupper() for w in words) > len(words) / 2:
            continue  # a Title Case headline: capitals say nothing of names
        out.append(([w.text for w in doc[t.i:e] if not w.is_punct], t.i, e))
    return out


def _covered(tok: Token, taken: list[bool], in_title: list[bool]) -> bool:
    """A token some entity, lexicon name or title already covers."""
    return bool(tok.ent_type_) or taken[tok.i] or in_title[tok.i]
_SUFFIXES = {"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"}  # "John Kennedy Jr." is another John Kennedy


def _people(doc: Doc, people: list, lex: Lexicon, actors: dict[str, Actor],
            known: dict[str, tuple[str, int]] | None = None) -> list[Found]:
    """Unknown people: one actor per full name; a short name joins the one full name of the document
    it fits (its last words, or its first word: "Yoon" for "Yoon Suk Yeol", "Kaspar" for "Kaspar
    Lindqvist"), a lexicon person's included. When two full names fit ("Delgado" with Marco and Luis
    Delgado), it joins the one named before it if only one was, or the one an honorific's gender
    allows ("Mrs. Delgado"), or the one the short name already meant before the other was named (a
    second person of a surname is named in full); else it stays unresolved and makes no actor that
    would shadow them."""
    full: dict[str, str] = {}
    verbatim = {}  # the name as written ("Abdel Fattah al-Burhan", not "al - Burhan")
    first: dict[str, int] = {}  # where each full name is first written
    for words, s, e in people:
        verbatim.setdefault(" ".join(words), doc[s:e].text)
        first[" ".join(words)] = min(first.get(" ".join(words), s), s)
    lexicon_people = {name: key for name, (key, _) in (known or {}).items()}
    for name, (_, start) in (known or {}).items():
        full[name] = name
        first[name] = min(first.get(name, start), start)
    ambiguous: dict[str, list[str]] = {}
    for words, _, _ in sorted(people, key=lambda p: -len(p[0])):
        name = " ".join(words)
        if name in full:
            continue
        folded = [w.lower() for w in words]  # "Al-Harazi" opening a sentence is "Abdulmalik al-Harazi"
        longer = [n for n in full if len(words) < len(n.split()) and n.lower().split()[-len(words):] == folded]
        if not longer and len(words) == 1:  # "Yoon" for "Yoon Suk Yeol": family name first
            longer = [n for n in full if n.split()[0] == words[0]]
        if not longer and len(words) > 1:  # "Loretta Lynch" for "Loretta E. Lynch": initials or suffix left out
            longer = [n for n in full if len(n.split()) > len(words)
                      and [w for w in n.split() if not _INITIAL.match(w) and w not in _SUFFIXES] == words]
        if len({full[n] for n in longer}) > 1:
            ambiguous[name] = list(dict.fromkeys(full[n] for n in longer))
            continue
        full[name] = full[longer[0]] if longer else name
    out = []
    established: dict[str, str] = {}  # a short name -> the person it meant while only they fit
    for words, s, e in sorted(people, key=lambda p: p[1]):
        name = " ".join(words)
        if name in ambiguous:
            before = [t for t in ambiguous[name] if first.get(t, len(doc)) < s]
            said = gender.of_honorific(doc[s - 1].text) if s > 0 else None
            if len(before) == 1:
                established.setdefault(name, before[0])
            elif said:  # "Mrs. Murphy": not Chris Murphy
                genders = {t: gender.of_label(t, lex.first_names) for t in before}
                exact = [t for t in before if genders[t] == said]
                before = exact if len(exact) == 1 else [t for t in before if genders[t] in (said, None)]
            if len(before) > 1 and established.get(name) in before:
                before = [established[name]]  # a second Murphy is named in full, the first by surname
            if len(before) != 1:
                continue
            target = before[0]
        else:
            target = full[name]
        if target in lexicon_people:
            out.append(Found(s, e, lexicon_people[target], "name"))
            continue
        label = verbatim[target]
        key = slug(label)
        actor = actors.setdefault(key, Actor(key, label, "Person", {label}))
        actor.aliases.add(doc[s:e].text)
        out.append(Found(s, e, key, "entity"))
    return out


def _short_names(doc: Doc, found: list[Found], actors: dict[str, Actor], lex: Lexicon, tokens) -> list[Found]:
    """A surname the parser did not label a person ("Dagalo also accused ...", or typed as a place)
    joins the one person of the document whose name ends with it (or, for a family name written
    first, begins with it). When two fit, as in _people: the one named before, the one an honorific's
    gender allows, or the one the surname already meant."""
    covered = [False] * len(doc)
    for f in found:
        covered[f.start:f.end] = [True] * (f.end - f.start)
    short: dict[str, set[str]] = {}
    first: dict[str, int] = {}  # where each person's full name is first written
    meant: dict[int, str] = {}  # surname mentions already resolved, by token
    for f in found:
        actor = actors.get(f.key) or lex.actors.get(f.key)
        if actor is None or actor.kind != "Person":
            continue
        words = [t.text for t in doc[f.start:f.end] if not t.is_punct]
        if len(words) > 1:
            first[f.key] = min(first.get(f.key, f.start), f.start)
            for word in {words[-1], words[0]}:
                short.setdefault(word, set()).add(f.key)
        elif words:
            meant[f.start] = f.key
    out = []
    established: dict[str, str] = {}
    for tok in tokens:
        text = tok.text  # read once: each read looks the string up in the vocab
        if meant and tok.i in meant:
            established.setdefault(text, meant[tok.i])
        keys = short.get(text)
        if not keys or covered[tok.i] or not text[:1].isupper() or len(text) < 3:
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN" and doc[tok.i + 1].text[:1].isupper():
            continue  # part of a longer name
        if tok.ent_type_ == "PERSON" and tok.ent_iob_ == "I":
            continue  # the end of a full name that stayed unresolved ("John Kennedy" beside two of them)
        if len(keys) > 1:
            before = [k for k in keys if first.get(k, len(doc)) < tok.i]
            said = gender.of_honorific(doc[tok.i - 1].text) if tok.i else None
            if len(before) == 1:
                established.setdefault(tok.text, before[0])
            elif said:
                exact = [k for k in before if _gender(actors, lex, k) == said]
                before = exact if len(exact) == 1 else [k for k in before if _gender(actors, lex, k) in (said, None)]
            if len(before) > 1 and established.get(tok.text) in before:
                before = [established[tok.text]]
            keys = set(before)
        if len(keys) == 1:
            out.append(Found(tok.i, tok.i + 1, next(iter(keys)), "entity"))
    return out


def _gender(actors: dict[str, Actor], lex: Lexicon, key: str) -> str | None:
    actor = actors.get(key) or lex.actors.get(key)
    return gender.of_label(actor.label, lex.first_names) if actor is not None else None


def _acronyms(found: list[Found], actors: dict[str, Actor]) -> list[Found]:
    """"RSF" after "the Rapid Support Forces": one organization (the initials of its name)."""
    initials = {}
    for actor in actors.values():
        words = [w for w in actor.label.replace("-", " ").split() if w[:1].isupper()]
        if actor.kind == "Organization" and len(words) > 1:
            initials.setdefault("".join(w[0] for w in words), actor.key)
    merged = {}
    for key, actor in list(actors.items()):
        target = initials.get(actor.label.replace(".", ""))
        if actor.label.isupper() and actor.kind == "Organization" and target and target != key:
            actors[target].aliases.add(actor.label)
            merged[key] = target
            del actors[key]
    return [Found(f.start, f.end, merged.get(f.key, f.key), f.how) for f in found]


def copy(actor: Actor) -> Actor:
    """A per-document copy of a lexicon actor (documents add members and aliases to theirs)."""
    return Actor(actor.key, actor.label, actor.kind, set(actor.aliases), actor.government_of,
                 set(actor.member_of))


def country_mentions(doc: Doc, found: list[Found], actors: dict[str, Actor],
                     lex: Lexicon) -> list[tuple[int, str, bool]]:
    """(token, country key, names its government) of every mention that names a country, its government
    ("the Kremlin", "Venezuela's government") or its people."""
    out = []
    for f in found:
        actor = actors.get(f.key) or lex.actors.get(f.key)
        country = offices.country_of_key(f.key, actors, lex.country_of) if f.key in actors else \
            offices.country_of_key(f.key, lex.actors, lex.country_of)
        if country and actor is not None and (actor.kind != "Person" or f.how == "demonym"):
            after = [t.lemma_.lower() for t in doc[f.end:f.end + 2]]
            government = actor.kind == "Government" or any(w in offices.GOVERNMENT_WORDS for w in after)
            out.append((f.start, country, government))
    return out


def _offices(doc: Doc, found: list[Found], actors: dict[str, Actor], lex: Lexicon) -> list[Found]:
    """An office entity with no country in its name ("the Foreign Ministry") becomes that of the
    country its context gives (see offices.py)."""
    mentions = country_mentions(doc, found, actors, lex)
    doc_country = offices.dominant([c for _, c, _gov in mentions])
    owned: dict[str, str] = {}
    out = []
    for f in found:
        actor = actors.get(f.key)
        if f.how != "entity" or actor is None or actor.kind != "Organization" \
                or not offices.is_office(actor.label, lex.office_nouns):
            out.append(f)
            continue
        name = actor.label.lower().removeprefix("the ")
        country = offices.owner_in_context(doc, f.start, mentions, owned.get(name), doc_country)
        if country is None or (country not in actors and country not in lex.actors):
            out.append(f)
            continue
        owned.setdefault(name, country)
        label = (actors.get(country) or lex.actors[country]).label
        office = offices.office_actor(country, label, actor.label)
        actors.setdefault(office.key, office).aliases.add(actor.label)
        if country not in actors:
            actors[country] = copy(lex.actors[country])
        out.append(Found(f.start, f.end, office.key, "name"))
    for key in {f.key for f in found} - {f.key for f in out}:
        actors.pop(key, None)
    return out
