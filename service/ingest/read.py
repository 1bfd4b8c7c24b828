"""Reading documents from files: .txt (+ sidecar .json), .html/.htm, .jsonl; folders recursively.

A document that cannot be read raises DocumentError naming the file (and line), so the pipeline can
report it and go on with the others.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import DocumentError
from ..iris import slug
from ..model import Document

FORMATS = (".txt", ".html", ".htm", ".jsonl")
META_KEYS = ("id", "title", "url", "publisher", "author", "published")
_SKIP_NAMES = ("readme",)
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~-]{0,199}$")  # kept as given: safe in an IRI path


def find_files(paths: list[str]) -> list[Path]:
    """Ingestable files under the given files/folders, sorted, without sidecars or README files."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.is_file() and _ingestable(p.relative_to(path)))
        elif path.exists():
            found.append(path)
        else:
            raise DocumentError(f"{raw}: no such file or folder")
    return found


def _ingestable(relative: Path) -> bool:
    """A document file inside a searched folder: a known format, not a README, not hidden."""
    if relative.stem.lower() in _SKIP_NAMES or relative.suffix.lower() not in FORMATS:
        return False
    return not any(part.startswith(".") for part in relative.parts)


def read_file(path: Path) -> Iterator[Document]:
    """The documents in one file. Raises DocumentError for an unreadable file; for .jsonl, each bad
    line is yielded as a DocumentError instance (so that good lines are still ingested)."""
    suffix = path.suffix.lower()
    if suffix == ".txt":
        yield _document(_read_text(path), _sidecar(path), path, str(path))
    elif suffix in (".html", ".htm"):
        yield _html(path)
    elif suffix == ".jsonl":
        yield from _jsonl(path)
    else:
        raise DocumentError(f"{path}: unsupported format {suffix or '(none)'} (use {', '.join(FORMATS)})")


def _read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")  # a byte-order mark is not text
    except UnicodeDecodeError as err:
        raise DocumentError(f"{path}: not UTF-8 text (byte {err.start})") from None
    except OSError as err:
        raise DocumentError(f"{path}: cannot be read ({err.strerror})") from None


def _sidecar(path: Path) -> dict:
    side = path.with_suffix(".json")
    if not side.exists():
        return {}
    try:
        meta = json.loads(_read_text(side))
    except json.JSONDecodeError as err:
        raise DocumentError(f"{side}: invalid JSON ({err.msg}, line {err.lineno})") from None
    if not isinstance(meta, dict):
        raise DocumentError(f"{side}: the sidecar must be a JSON object")
    return meta


def _html(path: Path) -> Document:
    import trafilatura

    raw = _read_text(path)
    text = trafilatura.extract(raw, include_comments=False, include_tables=False, favor_precision=True)
    if not text:
        raise DocumentError(f"{path}: no article text found in the HTML page")
    # the stored text (which offsets index) has one paragraph per block, blank lines between them
    text = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    meta = {}
    page = trafilatura.extract_metadata(raw)
    if page is not None:
        meta = {"title": page.title, "url": page.url, "publisher": page.sitename, "author": page.author,
                "published": page.date}
    meta.update({k: v for k, v in _sidecar(path).items() if v})
    return _document(text, meta, path, str(path))


def _jsonl(path: Path) -> Iterator[Document | DocumentError]:
    for number, line in enumerate(_read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise DocumentError(f"{where}: each line must be a JSON object")
            if not isinstance(record.get("text"), str):
                raise DocumentError(f"{where}: missing \"text\" string")
            name = None if record.get("id") else f"{path.name}:{number}"
            record.setdefault("id", f"{slug(path.stem)}-{number}")
            yield _document(record["text"], record, path, where, name)
        except json.JSONDecodeError as err:
            yield DocumentError(f"{where}: invalid JSON ({err.msg})")
        except DocumentError as err:
            yield err


def from_record(record, where: str) -> Document:
    """A document sent as JSON (POST /sources): the sidecar's keys plus "text", and either "id" or the
    "name" of the file it came from (the id is then that name's slug, as for a file); "origin" names it
    in messages. Raises DocumentError naming `where` (or the origin)."""
    if not isinstance(record, dict):
        raise DocumentError(f"{where}: each document must be a JSON object")
    origin = record.get("origin")
    where = origin if isinstance(origin, str) and origin.strip() else where
    if not isinstance(record.get("text"), str):
        raise DocumentError(f"{where}: missing \"text\" string")
    name = record.get("name")
    if name is not None and (not isinstance(name, str) or not name.strip()):
        raise DocumentError(f"{where}: \"name\" must be a file name")
    if not record.get("id") and not name:
        raise DocumentError(f"{where}: give the document an \"id\" or the \"name\" of its file")
    path = Path(name.replace("\\", "/").rsplit("/", 1)[-1]) if name else Path("document")
    return _document(record["text"], record, path, where, name)


def _document(text: str, meta: dict, path: Path, where: str, name: str | None = None) -> Document:
    """The document; `name` is what its id was derived from (default: the file name, when no id is given)."""
    unknown = [k for k in META_KEYS if meta.get(k) is not None and not isinstance(meta[k], str)]
    if unknown:
        raise DocumentError(f"{where}: metadata {', '.join(unknown)} must be strings")
    if not text.strip():
        raise DocumentError(f"{where}: the document has no text")
    given = meta.get("id")
    doc_id = given if given and _SAFE_ID.match(given) else slug(given or path.stem)
    return Document(id=doc_id, text=text, title=meta.get("title"), url=meta.get("url"),
                    publisher=meta.get("publisher"), author=meta.get("author"),
                    published=_iso_date(meta.get("published"), where), origin=where,
                    name=name or (None if given else path.name))


def _iso_date(value: str | None, where: str) -> str | None:
    """The ISO date (YYYY-MM-DD) of an ISO 8601 date or date-time; None when absent."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise DocumentError(f"{where}: published {value!r} is not an ISO 8601 date") from None
