"""embedded store: live writes are flushed to disk once FLUSH_QUADS of them have piled up (a removed
graph at once), not per document; what is not flushed yet is still in the write-ahead log."""
from __future__ import annotations

import pytest

from service.store import embedded


@pytest.mark.parametrize("writes, flushed", [
    ([10], [False]),
    ([10, embedded.FLUSH_QUADS], [False, True]),
    ([embedded.FLUSH_QUADS // 2] * 4, [False, True, False, True]),
    ([5, None, 5], [False, True, False]),
])
def test_embedded_settle_flushes_after_enough_quads(store, writes, flushed):
    assert [store.settle(n) for n in writes] == flushed
