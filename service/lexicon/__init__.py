"""The lexicons (actors, titles, trigger verbs, question words, boilerplate, first names), shipped inside the
package so that a wheel or a non-editable install reads the same data as a checkout (see README.md here),
and their one loader: `Lexicons` reads each file once, built-in first, then the LEXICON_DIR folder's."""
from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from ..errors import ConfigError

BUILT_IN = Path(__file__).resolve().parent
T = TypeVar("T")


class Lexicons:
    """Every lexicon file the service reads, each read and parsed once, and the views the rooms build
    from them (ingest's actors, the extraction's triggers, the question words), each built once. The
    application object owns one; an ingest worker process builds its own from the same settings."""

    def __init__(self, extra_dir: str = ""):
        self.extra_dir = extra_dir
        self.folders = [BUILT_IN, *([Path(extra_dir)] if extra_dir else [])]
        self._lock = threading.RLock()
        self._made: dict[str, object] = {}

    def once(self, key: str, build: Callable[[], T]) -> T:
        """`build()`'s value under `key`, computed by the first caller only (others wait for it)."""
        with self._lock:
            if key not in self._made:
                self._made[key] = build()
            return self._made[key]  # type: ignore[return-value]

    def view(self, build: Callable[[Lexicons], T]) -> T:
        """The view `build` makes of these lexicons (e.g. service.ingest.lexicon.build), built once."""
        return self.once(f"view:{build.__module__}.{build.__qualname__}", lambda: build(self))

    def paths(self, pattern: str) -> list[Path]:
        """Files matching `pattern` in each folder, built-in first, each folder's sorted by name."""
        return [p for folder in self.folders for p in sorted(folder.glob(pattern)) if p.is_file()]

    def text(self, path: Path) -> str:
        def read() -> str:
            try:
                return path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as err:
                raise ConfigError(f"lexicon file {path} cannot be read: {err}") from None
        return self.once(f"text:{path}", read)

    def json(self, path: Path):
        def parse():
            try:
                return json.loads(self.text(path))
            except ValueError as err:
                raise ConfigError(f"lexicon file {path} is not valid JSON: {err}") from None
        return self.once(f"json:{path}", parse)

    def each_json(self, name: str) -> list:
        """The JSON file `name` of every folder that has it, built-in first ({} for a folder without)."""
        return [self.json(folder / name) if (folder / name).is_file() else {} for folder in self.folders]


def tsv_rows(text: str) -> Iterator[tuple[int, str, list[str]]]:
    """(line number, the line, its cells stripped) of each row of a tab-separated lexicon file; blank
    lines and '#' comments skipped."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield number, line, [c.strip() for c in line.split("\t")]
