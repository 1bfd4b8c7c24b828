"""The ingest benchmark's corpus: documents recombined from the paragraphs of the project's own
articles (tests/data/: the seeds and the test articles of SOURCES), built on the spot, no network.

Each document keeps a headline line, then paragraphs drawn at random (seeded, so every run reads the
same corpus) with their text unchanged, non-breaking spaces included: the pipeline sees real news prose
in new orders and combinations, written as `.txt` files with a sidecar `.json` as users ingest them.
"""
from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
# Pinned to the 21 articles of the published run (da83449), so the ratio compares across commits; suites
# added to tests/data later do not change what the bench ingests
SOURCES = ("seeds", "articles", "heldout", "heldout2")
PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n+")


@dataclass(frozen=True)
class Corpus:
    folder: Path
    texts: list[str]  # in the order of the file names
    words: int
    sources: int  # articles the paragraphs came from
    paragraphs: int  # distinct paragraphs drawn from


def article_files(data: Path = DATA) -> list[Path]:
    """The plain-text articles of the pinned folders of tests/data/."""
    return sorted(p for folder in SOURCES for p in (data / folder).glob("*.txt"))


def paragraphs(files: list[Path], min_words: int = 8) -> list[str]:
    """Paragraphs (split on blank lines) long enough to be prose rather than page furniture."""
    found: list[str] = []
    for path in files:
        for part in PARAGRAPH_BREAK.split(path.read_text(encoding="utf-8")):
            part = part.strip()
            if len(part.split()) >= min_words and part not in found:
                found.append(part)
    return found


def build(folder: Path, n_docs: int = 500, *, seed: int = 11, min_words: int = 250,
          max_words: int = 450) -> Corpus:
    """Write n_docs documents (NAME.txt + NAME.json) into `folder`, each 250-450 words."""
    files = article_files()
    pool = paragraphs(files)
    if not pool:
        raise RuntimeError(f"no article paragraphs under {DATA}")
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    texts, total = [], 0
    for i in range(n_docs):
        target = rng.randint(min_words, max_words)
        chosen: list[str] = []
        words = 0
        while words < target:
            para = rng.choice(pool)
            chosen.append(para)
            words += len(para.split())
        headline = " ".join(chosen[0].split()[:10]).rstrip(".,;:")
        text = headline + "\n\n" + "\n\n".join(chosen) + "\n"
        name = f"bench-{i:04d}"
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        meta = {"id": name, "title": headline, "publisher": f"Bench Wire {i % 7}",
                "published": f"2015-{i % 12 + 1:02d}-{i % 28 + 1:02d}"}
        (folder / f"{name}.json").write_text(json.dumps(meta), encoding="utf-8")
        texts.append(text)
        total += len(text.split())
    return Corpus(folder, texts, total, len(files), len(pool))
