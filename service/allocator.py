"""The C allocator of a long-running server: how many glibc malloc arenas its threads may use.

glibc gives a thread that finds the arenas busy an arena of its own (up to 8 per core). Memory freed in
one arena serves later allocations in that arena only, so a server whose requests (a live ingest, a
question) land on any of its threads keeps the freed peaks of each of them: its resident memory grew
with every document ingested live (measurements in docs/soak.md). A small cap makes the threads share.
"""
from __future__ import annotations

import ctypes
import ctypes.util

M_ARENA_MAX = -8  # mallopt parameter (glibc malloc.h)


def limit_arenas(count: int) -> bool:
    """Cap the malloc arenas of this process at `count` (0: leave glibc's default). True when the
    cap is in force: glibc only; elsewhere (musl, macOS) nothing is changed. Arenas made before the
    call stay, so it belongs at the start of the process, before its threads allocate."""
    if count <= 0:
        return False
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name)
        mallopt, _ = libc.mallopt, libc.gnu_get_libc_version  # glibc only: musl's mallopt ignores M_ARENA_MAX
    except (OSError, AttributeError, TypeError):
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return mallopt(M_ARENA_MAX, int(count)) == 1
