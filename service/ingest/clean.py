"""Find the article body in scraped page text: headline, byline, the article's paragraphs and the
author's bio line, without the site's furniture (navigation, appeals, newsletter boxes, counters,
share buttons, comment forms).

The text is cut into paragraphs on blank lines; each paragraph is judged by general signals (is it
prose: enough words, ends like a sentence, mostly lower-case words; does it match a furniture phrase
from service/lexicon/boilerplate.json), then the body is the segment, between "the article is over"
markers, richest in prose. Spans are offsets into the original text; nothing is rewritten.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import Lexicons
from ..model import Span

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0\r]*\n\s*")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$|[\"”]\s*$")
_BREADCRUMB = re.compile(r"^[^/>»|]{1,80}(\s[/>»|]\s[^/>»|]*){2,}$")
_BYLINE = re.compile(r"^(by|written by|von)\s+[A-Z]", re.IGNORECASE)
# equal-length normalization: characters that are spaces or quotes in disguise, mapped one to one
_NORMALIZE = str.maketrans({"\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\u200b": " ",
                            "\ufeff": " ", "\t": " "})


def normalized(text: str) -> str:
    """An equal-length copy of `text` with odd spaces made plain, so offsets stay the same."""
    out = text.translate(_NORMALIZE)
    assert len(out) == len(text)
    return out


@dataclass(frozen=True)
class Paragraph:
    span: Span
    text: str
    label: str  # prose | short | furniture | end
    words: int


def boilerplate(lexicons: Lexicons) -> dict:
    """The boilerplate patterns of boilerplate.json, compiled: `lexicons.view(boilerplate)` builds them once."""
    data = lexicons.each_json("boilerplate.json")[0]
    return {"end": [re.compile(p, re.IGNORECASE) for p in data["end"]],
            "drop": [re.compile(p, re.IGNORECASE) for p in data["drop"]],
            "inline": [re.compile(p) for p in data.get("inline", [])],
            "cues": [c.lower() for c in data["appeal_cues"]], "appeal_min": int(data["appeal_min"]),
            "appeal_words": int(data.get("appeal_words_per_cue", 0))}


def paragraphs(text: str, rules: dict) -> list[Paragraph]:
    """The text's paragraphs (split on blank lines; a block of one-line paragraphs or furniture lines
    is split on its line breaks, a hard-wrapped paragraph is not), stripped, each with its label."""
    out, start = [], 0
    for brk in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = brk.start() if brk else len(text)
        for s, e in _blocks(text, start, end):
            chunk = text[s:e]
            lead = len(chunk) - len(chunk.lstrip())
            body = chunk.strip()
            if body:
                out.append(_label(Span(s + lead, s + lead + len(body)), normalized(body), rules))
        start = brk.end() if brk else len(text)
    return out


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) as one block, or line by line when its lines stand alone: most end like a sentence
    or are short (a hard-wrapped paragraph has long lines that run on)."""
    lines = text[start:end].split("\n")
    if len(lines) < 2:
        return [(start, end)]
    alone = sum(bool(_SENTENCE_END.search(line)) or len(line.strip()) < 40 for line in lines)
    if alone < 0.6 * len(lines):
        return [(start, end)]
    out, pos = [], start
    for line in lines:
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


# furniture found anywhere in a paragraph ("not ready to support", "privacy policy") drops it only when it is
# this short: a paragraph of reporting quoting "I am not ready to support X" stays
FURNITURE_WORDS = 25


def _label(span: Span, text: str, rules: dict) -> Paragraph:
    flat = " ".join(text.split())
    words = len(_WORD.findall(flat))
    if any(p.search(flat) for p in rules["end"]):
        return Paragraph(span, text, "end", words)
    lower = flat.lower()
    if any(p.search(flat) for p in rules["drop"] if p.pattern.startswith("^") or words <= FURNITURE_WORDS) \
            or _BREADCRUMB.match(flat) or _appeal(lower, words, rules):
        return Paragraph(span, text, "furniture", words)
    return Paragraph(span, text, "prose" if _is_prose(flat, words) else "short", words)


def _appeal(lower: str, words: int, rules: dict) -> bool:
    """A fundraising or subscription appeal: `appeal_min` distinct cues, and at least one cue for every
    `appeal_words` words, so that a long paragraph of reporting with a sign-up line pasted into it
    (a scraped page) stays prose."""
    cues = sum(c in lower for c in rules["cues"])
    return cues >= rules["appeal_min"] and (not rules["appeal_words"] or cues * rules["appeal_words"] >= words)


def _is_prose(flat: str, words: int) -> bool:
    """Sentence-like: enough words, mostly lower-case ones (not a Title Case headline), and ending like
    a sentence (or long enough to be running text)."""
    tokens = _WORD.findall(flat)
    lower = sum(t[0].islower() for t in tokens)
    if words < 4:
        return False
    if _SENTENCE_END.search(flat):  # names make sentences capital-heavy; headlines rarely end in "."
        return lower >= 0.2 * words
    return words >= 25 and lower >= 0.4 * words


def body_spans(text: str, title: str | None, rules: dict) -> list[Span]:
    """Spans of the article body (headline and byline included), in text order; `rules`: boilerplate()."""
    paras = paragraphs(text, rules)
    if not paras:
        return []
    segments, current = [], []
    for p in paras:
        if p.label == "end":
            segments.append(current)
            current = []
        else:
            current.append(p)
    segments.append(current)
    best = max(segments, key=lambda seg: sum(p.words for p in seg if p.label == "prose"))
    prose = [i for i, p in enumerate(best) if p.label == "prose"]
    if not prose:  # no running text at all: keep what is not furniture
        return without_credits(text, [p.span for p in paras if p.label in ("short", "prose")], rules.get("inline", ()))
    first, last = prose[0], prose[-1]
    keep = [p for p in best[first:last + 1] if p.label == "prose" or _inner_short(p)]
    head = _headline(paras[: paras.index(best[first])], title)
    return without_credits(text, [p.span for p in head + keep], rules.get("inline", ()))


# photo credits and caption marks: "(AP Photo/Evan Vucci)", "(Photo: J. Doe / VOA)", "(REUTERS/Jane Roe)",
# "FILE - " opening a caption; unbracketed, an agency and a first and last name ("REUTERS / Jane Roe") or
# "Photograph: Jane Roe for the Daily Globe". Names in them are the photographer's or the agency's, never
# actors; the caption before and the sentence after are parsed apart.
_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z]\.)?\s+[A-Z][\w'’-]+"
# an outlet of up to three words ("for the Daily Courier"), stopping at a word that opens the next sentence
_OPENERS = "In|On|At|As|The|A|An|But|And|After|When|While|Inside|For|With|It|He|She|They|We"
_MORE = r"(?:\s+(?!(?:" + _OPENERS + r")\b)[A-Z][\w'’-]+){0,2}"
_CREDIT = re.compile(r"\((?:[A-Z][\w.&'’ -]{0,40}\s)?(?:Photos?|Foto|Images?|Pool)\b[^()\n]{0,80}\)"
                     r"|\((?:REUTERS|Reuters|AFP|AP|EPA|Getty Images|Xinhua|Sputnik)\s*/[^()\n]{1,60}\)"
                     r"|\b(?:REUTERS|AFP|AP|EPA)\s*/\s*" + _NAME +
                     r"|\bPhotograph:\s*" + _NAME
                     + r"(?:\s*/\s*[A-Z][\w.&'’-]+|\s+for\s+(?:the\s+)?[A-Z][\w'’-]+" + _MORE + ")?"
                     r"|\bFILE(?: PHOTO)?\s*[-–—:]\s*")


def without_credits(text: str, spans: list[Span], inline=()) -> list[Span]:
    """Body spans with photo credits, caption marks and the `inline` furniture patterns (site text the
    scraper glued into a paragraph) cut out, offsets unchanged: what stands on either side of a cut is
    parsed apart."""
    out = []
    for span in spans:
        start = span.start
        for a, b in _cuts(text, span, inline):
            out += _stripped(text, start, a)
            start = max(start, b)
        out += _stripped(text, start, span.end)
    return out


def _cuts(text: str, span: Span, inline) -> list[tuple[int, int]]:
    """The (start, end) of every credit, caption mark or inline furniture match inside a span, in order."""
    found = []
    for m in _CREDIT.finditer(text, span.start, span.end):
        if m.group().startswith("FILE") and m.start() > span.start and \
                not re.search(r"[.!?\-–—]\s*$", text[span.start:m.start()]):
            continue  # "FILE" inside a sentence is a word, not a caption mark
        found.append((m.start(), m.end()))
    for pattern in inline:
        found += [(m.start(), m.end()) for m in pattern.finditer(text, span.start, span.end) if m.end() > m.start()]
    return sorted(found)


def _stripped(text: str, start: int, end: int) -> list[Span]:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    body = piece.strip()
    return [Span(start + lead, start + lead + len(body))] if body else []


def _inner_short(p: Paragraph) -> bool:
    """A short paragraph inside the article: a subheading or a short sentence, not a caption word."""
    return p.label == "short" and (p.words >= 3 or bool(_SENTENCE_END.search(p.text)))


def _headline(before: list[Paragraph], title: str | None) -> list[Paragraph]:
    """Headline and byline just before the body: the paragraph equal to the title when there is one,
    else the nearest short Title-Case line; a byline ("By ...") too."""
    want = _key(title) if title else None
    picked: list[Paragraph] = []
    for p in reversed(before[-4:]):
        if p.label != "short":
            continue
        if _BYLINE.match(p.text.strip()):
            picked.append(p)
        elif want is not None and _key(p.text) == want:
            picked.append(p)
            break
        elif want is None and p.words >= 3:
            picked.append(p)
            break
    return sorted(picked, key=lambda p: p.span.start)


def _key(text: str) -> str:
    """The words of a line, for comparing it with the title: a headline printed with a final period
    ("Talks Resume in Vienna.") is still the title."""
    return " ".join(w for w in (w.rstrip(".'’-") for w in _WORD.findall(text.lower())) if w)
