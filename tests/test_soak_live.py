"""soak: a short run of `make soak` (tests/benchmarks/soak.py): 8 clients on /ask and /sparql while
documents are ingested live through the server; no request and no ingest fails."""
from tests.benchmarks import soak


def test_soak_live_ingest_under_load_has_no_errors(tmp_path):
    result = soak.run(8.0, folder=tmp_path)
    print(result.report())
    assert result.errors == [] and result.ingested >= 1
    assert result.statuses.get(200, 0) == result.requests > 0
