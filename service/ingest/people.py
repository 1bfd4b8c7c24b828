"""People named in a document: names with titles and appositions, names the tagger left unlabelled, and
short names (a surname alone, a first name) joined to the one full name they fit."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..iris import slug
from ..model import Actor
from . import columns, gender
from .found import NOT_NAMES, Found
from .fullnames import INITIAL as _INITIAL
from .fullnames import NOT_SURNAMES as _NOT_SURNAMES
from .fullnames import middle_words
from .lexicon import Lexicon


def other_first_name(doc: Doc, span, actor: Actor, lex: Lexicon, in_title: list[bool]) -> bool:
    """A lexicon person's surname written after a first name that is not theirs ("Bill Clinton",
    "Michelle Obama"): another person of that family."""
    if actor.kind != "Person" or len(span) != 1 or span.start == 0:
        return False
    prev = doc[span.start - 1]
    own = {w for name in (actor.label, *actor.aliases) for w in name.split()}
    return prev.pos_ == "PROPN" and prev.is_alpha and prev.text[:1].isupper() and not prev.is_upper \
        and prev.text not in own and prev.text not in lex.honorifics and not in_title[prev.i] \
        and prev.ent_type_ in ("PERSON", "") and prev.text.title() not in lex.title_modifiers


def titled_names(doc: Doc, titles: list, taken: list[bool], people: list, found: list[Found]) -> list:
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
    out = [c for c in tok.children if c.dep_ == "appos" or _set_off_name(tok, c)]
    return out + ([tok.head] if tok.dep_ == "appos" or _set_off_name(tok.head, tok) else [])


def _set_off_name(title: Token, name: Token) -> bool:
    """ "by the foreign minister, Ana Ruiz, and Haiti's foreign minister, X": a name set off by commas
    straight after a singular common noun, before the list's "and", which the parser hung as the noun's
    conjunct; it renames the noun."""
    doc = title.doc
    return name.dep_ == "conj" and name.head.i == title.i and title.tag_ == "NN" and name.pos_ == "PROPN" \
        and name.left_edge.i == title.i + 2 and doc[title.i + 1].text == "," \
        and name.i + 2 < len(doc) and doc[name.i + 1].text == "," and doc[name.i + 2].dep_ == "cc" \
        and all(t.dep_ == "compound" and t.pos_ == "PROPN" for t in doc[title.i + 2:name.i])


def apposed_to_title(span, in_title: list[bool]) -> bool:
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


def untagged_names(doc: Doc, lex: Lexicon, taken: list[bool], in_title: list[bool]) -> list:
    """People the tagger left unlabelled, read from their first name ("Cornel West urges ..."): a known
    first name and one or two more capitalized proper nouns (a middle initial allowed), outside any
    entity, lexicon name or title, not part of a longer capitalized run nor of a Title Case headline."""
    out = []
    for t in (doc[i] for i in columns.where(doc, "pos", ("PROPN",))):
        if not t.text.istitle() or t.lower_ not in lex.first_names or _covered(t, taken, in_title):
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
        if title_case(t.sent):
            continue  # a Title Case headline: capitals say nothing of names
        out.append(([w.text for w in doc[t.i:e] if not w.is_punct], t.i, e))
    return out


def title_case(sent) -> bool:
    """A Title Case line (a headline): most of its longer words that are not proper nouns capitalized."""
    words = [w for w in sent if w.is_alpha and len(w.text) > 3 and w.pos_ != "PROPN"]
    return not words or sum(w.text[:1].isupper() for w in words) > len(words) / 2


def _sentences_before(doc: Doc, end: int) -> list:
    """The sentences that start before token `end` (sentences come in order: the rest are not read)."""
    out = []
    for sent in doc.sents:
        if sent.start >= end:
            break
        out.append(sent)
    return out


def body_names_in_headlines(doc: Doc, people: list) -> list:
    """A Title Case headline runs words into one name ("Icon Ana Ruiz Backs Luis Delgado"): a headline
    name holding names the body writes in full is those names, and the rest of it names nobody."""
    heads = [sent for sent in _sentences_before(doc, 80) if title_case(sent)]
    inside = lambda s: any(h.start <= s < h.end for h in heads)  # noqa: E731
    body = {tuple(words) for words, s, _ in people if not inside(s) and len(words) > 1}
    if not heads or not body:
        return people
    out = []
    for words, s, e in people:
        if not inside(s) or tuple(words) in body:
            out.append((words, s, e))
            continue
        parts, a = [], s
        while a < e:
            hit = next(((list(n), a, b) for b in range(e, a, -1)
                        for n in [tuple(t.text for t in doc[a:b] if not t.is_punct)] if n in body), None)
            if hit:
                parts.append(hit)
            a = hit[2] if hit else a + 1
        out += parts or [(words, s, e)]
    return out


def _covered(tok: Token, taken: list[bool], in_title: list[bool]) -> bool:
    """A token some entity, lexicon name or title already covers."""
    return bool(tok.ent_type_) or taken[tok.i] or in_title[tok.i]
_SUFFIXES = {"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"}  # "John Kennedy Jr." is another John Kennedy


def people_found(doc: Doc, people: list, lex: Lexicon, actors: dict[str, Actor],
            known: dict[str, tuple[str, int]] | None = None) -> list[Found]:
    """Unknown people: one actor per full name; a short name joins the one full name of the document
    it fits (its last words, or its first word: "Yoon" for "Yoon Suk Yeol", "Kaspar" for "Kaspar
    Lindqvist"), a lexicon person's included. When two full names fit ("Delgado" with Marco and Luis
    Delgado), it joins the one named before it if only one was, or the one an honorific's gender
    allows ("Mrs. Delgado"), or the one the short name already meant before the other was named (a
    second person of a surname is named in full); else it stays unresolved and makes no actor that
    would shadow them."""
    people = body_names_in_headlines(doc, people)
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
        if not longer and len(words) == 1:  # "Huamán" for "Rosa Huamán Quispe": a first surname of two
            longer = [n for n in full if words[0] in middle_words(n.split())]
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


def short_names(doc: Doc, found: list[Found], actors: dict[str, Actor], lex: Lexicon, tokens) -> list[Found]:
    """A surname the parser did not label a person ("Dagalo also accused ...", or typed as a place)
    joins the one person of the document whose name ends with it (or, for a family name written
    first, begins with it). When two fit, as in people_found: the one named before, the one an honorific's
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
            for word in {words[-1], words[0], *middle_words(words)}:
                short.setdefault(word, set()).add(f.key)
        elif words:
            meant[f.start] = f.key
    out = []
    established: dict[str, str] = {}
    read = sorted({*meant, *columns.where(doc, "text", frozenset(short))})  # no other token is read below
    for tok in (tokens[i] for i in read):
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


def mistyped_surnames(doc: Doc, found: list[Found], actors: dict[str, Actor]) -> list[Found]:
    """A surname the tagger typed as a place or a body ("after meeting Kulkarni" read as a city), written
    after the one person of the document whose full name ends with it: that person. The actor made of it
    alone is dropped."""
    ends: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for f in found:
        words = [t.text for t in doc[f.start:f.end] if not t.is_punct]
        if len(words) > 1 and actors.get(f.key) is not None and actors[f.key].kind == "Person":
            ends.setdefault(words[-1], set()).add(f.key)
            first[f.key] = min(first.get(f.key, f.start), f.start)
    out, moved = [], set()
    for f in found:
        actor = actors.get(f.key)
        keys = ends.get(doc[f.start].text, set()) if f.end - f.start == 1 and f.how == "entity" else set()
        if actor is not None and actor.kind in ("Place", "Organization") and len(keys) == 1 \
                and first[next(iter(keys))] < f.start:
            out.append(Found(f.start, f.end, next(iter(keys)), "entity"))
            moved.add(f.key)
        else:
            out.append(f)
    for key in moved - {f.key for f in out}:
        del actors[key]
    return out


def _gender(actors: dict[str, Actor], lex: Lexicon, key: str) -> str | None:
    actor = actors.get(key) or lex.actors.get(key)
    return gender.of_label(actor.label, lex.first_names) if actor is not None else None
