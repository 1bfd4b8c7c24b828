"""Party-and-state tags written after a US lawmaker's name ("Sen. Ana Ruiz (R-Fla.)", "Rep. Lee Park,
D-N.Y."): the state they stand for, so that "the Florida senator" is not taken for a senator of Iowa."""
from __future__ import annotations

from spacy.tokens import Doc

from ..iris import slug

PARTIES = ("R", "D", "I")
# AP abbreviations of US states; the states AP does not abbreviate are written whole
STATES = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Kans.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana",
    "Md.": "Maryland", "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota",
    "Miss.": "Mississippi", "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada",
    "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York",
    "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon",
    "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn.": "Tennessee", "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington",
    "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}
WHOLE = {"Alaska", "Hawaii", "Idaho", "Iowa", "Maine", "Ohio", "Texas", "Utah", *STATES.values()}


def states_tagged(doc: Doc, start: int, end: int) -> dict[int, str]:
    """The place keys of the states named by party tags in tokens [start, end), by the tag's first token."""
    text = doc.text
    out = {}
    for i in range(start, min(end, len(doc)) - 2):
        if doc[i].text not in PARTIES or doc[i + 1].text not in ("-", "–") or doc[i].whitespace_:
            continue
        at = doc[i + 2].idx  # the state as written, to the next space, comma or bracket ("N.Y.", "Tex.")
        stop = min([j for j in (text.find(c, at) for c in " ,)\n;") if j != -1] or [len(text)])
        word = text[at:stop]
        name = STATES.get(word) or STATES.get(word + ".") or (word.rstrip(".") if word.rstrip(".") in WHOLE else None)
        if name:
            out[i] = slug(name)
    return out
