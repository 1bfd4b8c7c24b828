"""The name index of an embedded store built in a child process (a server's choice: `kgqa serve`).

The scans behind the index (every type, name, role and document of the graph) make the engine load
the index blocks of most of the store's table files, and a process keeps them for as long as it keeps
the store open: at 1 M facts they were most of what the /ask server held beyond spaCy
(docs/memory.md). A child process opens a checkpoint of the store read-only, builds the index, sends
it back pickled and exits, giving that memory back; the server keeps only the index itself. Any
failure of the child falls back to building the index here.
"""
from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

from ..store.embedded import EmbeddedStore

log = logging.getLogger(__name__)
TIMEOUT = 900.0  # seconds a child may take (a million facts: about a minute on a busy machine)
_ROOT = str(Path(__file__).resolve().parents[2])  # the folder holding the `service` package


def build(store, index_class):
    """index_class(store), computed in a child process when the store is an embedded store on disk."""
    if not isinstance(store, EmbeddedStore) or not store.path:
        return index_class(store)
    parent = os.path.dirname(os.path.abspath(store.path))
    try:
        with tempfile.TemporaryDirectory(prefix=f".{os.path.basename(store.path)}.names-", dir=parent) as tmp:
            checkpoint = os.path.join(tmp, "c")
            store.backup(checkpoint)
            env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [_ROOT, os.environ.get("PYTHONPATH")])))
            made_by = f"{index_class.__module__}:{index_class.__qualname__}"
            done = subprocess.run([sys.executable, "-m", __name__, checkpoint, made_by], capture_output=True,
                                  timeout=TIMEOUT, env=env, stdin=subprocess.DEVNULL)
        if done.returncode == 0:
            built = pickle.loads(done.stdout)
            if isinstance(built, index_class):
                return built
        log.warning("building the name index in a child process failed (%s); building it here",
                    done.stderr.decode(errors="replace").strip().splitlines()[-1:] or done.returncode)
    except (OSError, subprocess.SubprocessError, pickle.UnpicklingError) as err:
        log.warning("building the name index in a child process failed (%s); building it here", err)
    return index_class(store)


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
    sys.stdout.buffer.write(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
