"""pipeline: documents whose batch was interrupted mid-write are removed when the store is opened
again and re-ingested by the next ingest; the store ends as if nothing had happened."""
from pathlib import Path

import pytest

from service.ingest.pipeline import ingest_paths
from service.store.embedded import EmbeddedStore
from tests.support import extractor
from tests.test_embedded_journal import HalfThenDie, disk_full

DATA = Path(__file__).parent / "data"
BASE = "http://kgqa.test/"


def _dump(st: EmbeddedStore) -> set[str]:
    return set(st.dump("application/n-quads").decode().splitlines())


@pytest.mark.parametrize("processes", [1, 2])
def test_pipeline_recovery_reingests_interrupted_documents(tmp_path, processes):
    conf = extractor(INGEST_PROCESSES=processes)
    with EmbeddedStore(str(tmp_path / "clean")) as st:
        ingest_paths([str(DATA / "articles")], st, conf)
        expected = _dump(st)
    path = str(tmp_path / "store")
    with EmbeddedStore(path) as st:
        st.write_batch_quads = 1  # one document per batch: the third batch dies halfway
        calls = []
        real = st.replace_graphs

        def third_dies(graphs):
            calls.append(graphs)
            if len(calls) == 3:
                st.ox = HalfThenDie(st.ox, disk_full)
            real(graphs)

        st.replace_graphs = third_dies
        with pytest.raises(OSError):
            ingest_paths([str(DATA / "articles")], st, conf)
        st.ox = st.ox.inner
    with EmbeddedStore(path) as st:
        report = ingest_paths([str(DATA / "articles")], st, conf)
        assert (report.recovered, report.skipped, report.documents) == (1, 2, 4)
        assert "interrupted write" in report.summary()
        assert _dump(st) == expected
