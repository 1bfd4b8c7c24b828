"""Rebuild first_names.tsv, the first names that say a person's grammatical gender, from the name data
of nomquamgender (MIT; Van Buskirk, Clauset and Larremore, 2022): `make lexicon-names`.

A name is kept when the data has seen it at least MIN_COUNT times and gives it as female or male with
the library's own default threshold (p(female) >= 0.9 or <= 0.1): "Chris", "Kim" or "Jean" decide
nothing. The table is shipped rather than the library, whose 22 MB of JSON (and pandas) each ingest
process would otherwise load for a lookup of a few thousand names.
"""
from __future__ import annotations

import json
import re
import sys
from importlib import metadata
from pathlib import Path

from . import BUILT_IN

MIN_COUNT = 10
THRESHOLD = 0.1
_NAME = re.compile(r"^[a-z][a-z'\-]*[a-z]$")
HEADER = ("# First names and the grammatical gender they give (f or m), derived from nomquamgender {version}\n"
          "# (MIT License, Copyright (c) 2022 Ian Van Buskirk) by service/lexicon/build_first_names.py:\n"
          "# names seen at least {count} times with p(female) >= {high} or <= {low}.\n")


def table(data: dict) -> dict[str, str]:
    """{name: 'f' | 'm'} for the names the data decides plainly."""
    out = {}
    for name, (_sources, count, p_female, *_rest) in data.items():
        if count >= MIN_COUNT and _NAME.match(name):
            if p_female >= 1 - THRESHOLD:
                out[name] = "f"
            elif p_female <= THRESHOLD:
                out[name] = "m"
    return out


def main(target: Path = BUILT_IN / "first_names.tsv") -> int:
    try:
        dist = metadata.distribution("nomquamgender")
    except metadata.PackageNotFoundError:
        print("nomquamgender is not installed: pip install -e '.[lexicon]'", file=sys.stderr)
        return 2
    data = json.loads(Path(dist.locate_file("nomquamgender/name_data.json")).read_text(encoding="utf-8"))
    rows = table(data)
    with target.open("w", encoding="utf-8", newline="\n") as out:
        out.write(HEADER.format(version=dist.version, count=MIN_COUNT, high=1 - THRESHOLD, low=THRESHOLD))
        out.writelines(f"{name}\t{g}\n" for name, g in sorted(rows.items()))
    print(f"{target}: {len(rows)} names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
