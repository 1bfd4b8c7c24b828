"""The name index of an embedded store built in a child process (a server's choice: `kgqa serve`).

The scans behind the index (every type, name, role and document of the graph) make the engine load
the index blocks of most of the store's table files, and a process keeps them for as long as it keeps
the store open: at 1 M facts they were most of what the /ask server held beyond spaCy
(docs/memory.md). A child process opens a checkpoint of the store read-only, builds the index, sends
it back pickled and exits, giving that memory back; the server keeps only the index itself. Any
failure of the child falls back to building the index here. The index is read from the child's output
as it comes (no copy of the whole pickle beside the objects made from it), and the memory the hand-over
used is given back at once.
"""
from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from ..memory import trim
from ..store.embedded import EmbeddedStore

log = logging.getLogger(__name__)
TIMEOUT = 900.0  # seconds a child may take (a million facts: about a minute on a busy machine)
_ROOT = str(Path(__file__).resolve().parents[2])  # the folder holding the `service` package


def build(store, index_class):
    """index_class(store), computed in a child process when the store is an embedded store on disk (the
    name index; the store's counts, service/read/stats.py)."""
    if not isinstance(store, EmbeddedStore) or not store.path:
        return index_class(store)
    made_by = f"{index_class.__module__}:{index_class.__qualname__}"
    parent = os.path.dirname(os.path.abspath(store.path))
    try:
        with tempfile.TemporaryDirectory(prefix=f".{os.path.basename(store.path)}.apart-", dir=parent) as tmp:
            checkpoint = os.path.join(tmp, "c")
            store.backup(checkpoint)
            built, code, why = _received(child_env(), checkpoint, made_by, os.path.join(tmp, "err"))
        if code == 0 and isinstance(built, index_class):
            return built
        log.warning("building %s in a child process failed (%s); building it here", made_by, why or code)
    except (OSError, subprocess.SubprocessError, pickle.UnpicklingError, EOFError) as err:
        log.warning("building %s in a child process failed (%s); building it here", made_by, err)
    return index_class(store)


def child_env() -> dict[str, str]:
    """The environment of a child process that imports this `service` package, wherever it was started."""
    return dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [_ROOT, os.environ.get("PYTHONPATH")])))


def _received(env: dict, checkpoint: str, made_by: str, errors: str) -> tuple[object, int, list[str]]:
    """(the object the child pickled, its exit status, the last line it wrote on stderr): its output is
    unpickled as it is read, a pipe buffer at a time."""
    with open(errors, "w+b") as err, subprocess.Popen(
            [sys.executable, "-m", __name__, checkpoint, made_by], stdout=subprocess.PIPE, stderr=err,
            stdin=subprocess.DEVNULL, env=env) as child:
        timer = threading.Timer(TIMEOUT, child.kill)  # a child stuck past TIMEOUT ends the read with EOF
        timer.start()
        try:
            built = pickle.load(child.stdout)
        except (pickle.UnpicklingError, EOFError):
            built = None
        finally:
            timer.cancel()
        code = child.wait()
        trim()  # the unpickler's buffers and the read's free pages back to the system
        err.seek(0)
        return built, code, err.read().decode(errors="replace").strip().splitlines()[-1:]


if __name__ == "__main__":  # python -m service.qa.apart CHECKPOINT MODULE:CLASS: the pickled index on stdout
    import importlib

    from ..memory import limit_arenas

    limit_arenas()
    module, _, name = sys.argv[2].partition(":")
    index_class = getattr(importlib.import_module(module), name)
    checkpoint = EmbeddedStore(sys.argv[1], read_only=True)
    built = index_class(checkpoint)
    if hasattr(built, "prepare_lookups"):  # sent with its look-ups made (qa/linking.py)
        built.prepare_lookups()
    pickle.dump(built, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
    sys.stdout.buffer.flush()
