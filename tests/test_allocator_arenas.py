"""allocator: `kgqa serve` caps glibc's malloc arenas (KGQA_MALLOC_ARENAS), so threads share them; the
cap is read back from glibc's own malloc_info report of a process whose threads all allocate."""
from __future__ import annotations

import subprocess
import sys

import pytest

from service.allocator import limit_arenas

PROBE = """
import ctypes, sys, tempfile, threading
from service.allocator import limit_arenas
applied = limit_arenas(int(sys.argv[1]))
libc = ctypes.CDLL(None)
gate = threading.Barrier(8)
def work():
    gate.wait()  # all at once, so that each would want an arena of its own
    keep = [bytearray(4096) for _ in range(2000)]
    gate.wait()
threads = [threading.Thread(target=work) for _ in range(8)]
[t.start() for t in threads]
[t.join() for t in threads]
with tempfile.NamedTemporaryFile() as out:
    libc.fopen.restype = ctypes.c_void_p
    fp = libc.fopen(out.name.encode(), b"w")
    libc.malloc_info(0, ctypes.c_void_p(fp))
    libc.fclose(ctypes.c_void_p(fp))
    print(applied, open(out.name).read().count("<heap nr="))
"""


def _arenas(cap: int) -> tuple[str, int]:
    out = subprocess.run([sys.executable, "-c", PROBE, str(cap)], capture_output=True, text=True, check=True)
    applied, heaps = out.stdout.split()
    return applied, int(heaps)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
@pytest.mark.parametrize("cap", [1, 2])
def test_allocator_arenas_capped(cap):
    assert _arenas(cap) == ("True", cap)


def test_allocator_arenas_zero_leaves_the_default():
    assert limit_arenas(0) is False
