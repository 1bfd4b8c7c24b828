"""Shared fixtures: the real spaCy model, real on-disk Oxigraph stores, the Flask app and its client."""
from __future__ import annotations

import pytest

from service.store.embedded import EmbeddedStore
from service.web import create_app, kgqa_of
from tests.support import DATA, SEEDS, extractor, kgqa
from tests.support.servers import (
    OxigraphServer,
    answering,
    die_with_parent,
    loopback_server,
    raw_listener,
    refusing,
    stop_servers,
)


@pytest.fixture
def store(tmp_path):
    """An empty embedded store on disk."""
    st = EmbeddedStore(str(tmp_path / "store"))
    yield st
    st.close()


@pytest.fixture
def app(store):
    made = create_app({"TESTING": True}, kgqa=kgqa(store))
    yield made
    kgqa_of(made).close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def summits_client(store, client):
    """The client over two documents' graphs written by hand in the ontology's shape
    (tests/data/graphs/summits.trig): actors, a meeting, a fact reported by both, an occasion."""
    store.load((DATA / "graphs" / "summits.trig").read_bytes(), "application/trig")
    return client


@pytest.fixture(scope="session")
def qa_store(tmp_path_factory):
    """An on-disk store holding tests/data/graphs/qa-geneva.trig: two hand-written reports of one summit
    in the ontology's shape, so question answering is tested apart from extraction quality. Read-only."""
    st = EmbeddedStore(str(tmp_path_factory.mktemp("qa") / "store"))
    st.load((DATA / "graphs" / "qa-geneva.trig").read_bytes(), "application/trig")
    yield st
    st.close()


@pytest.fixture(scope="session")
def qa_app(qa_store):
    made = create_app({"TESTING": True}, kgqa=kgqa(qa_store))
    yield made
    kgqa_of(made).close()


@pytest.fixture
def qa_client(qa_app):
    return qa_app.test_client()


@pytest.fixture(params=["summits", "seeds"])
def graph_client(request):
    """Linked-data tests run on the hand-written graph and on the seeds ingested by the real pipeline.
    The store: kgqa_of(client.application).store."""
    return request.getfixturevalue("seeded_client" if request.param == "seeds" else "summits_client")


@pytest.fixture
def make_app(store):
    """make_app(**settings) -> an app over the empty on-disk `store` with those settings; the /sparql
    query runners (worker processes) of every app made are closed afterwards."""
    apps = []

    def make(**settings):
        apps.append(create_app({"TESTING": True}, kgqa=kgqa(store, **settings)))
        return apps[-1]

    yield make
    for made in apps:
        kgqa_of(made).close()


@pytest.fixture
def live_server():
    """live_server(app) -> base URL of the app served by waitress (threads, as `kgqa serve` does) on a
    free loopback port; every server started is closed afterwards."""
    import threading

    import waitress

    servers = []

    def start(app) -> str:
        server = waitress.create_server(app, host="127.0.0.1", port=0, threads=6)
        threading.Thread(target=server.run, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.effective_port}"

    yield start
    for server in servers:
        server.close()


@pytest.fixture(scope="module")
def protocol_app(tmp_path_factory):
    """An app over a store holding the W3C protocol tests' graphs, loaded as `kgqa load` loads them."""
    from service.store.loading import load_files
    from tests.protocol_manifest import graphs_to_load

    st = EmbeddedStore(str(tmp_path_factory.mktemp("protocol") / "store"))
    for path, iri in graphs_to_load():
        load_files(st, [str(path)], iri)
    app = create_app({"TESTING": True}, kgqa=kgqa(st))
    yield app
    kgqa_of(app).close()
    st.close()


@pytest.fixture(scope="session")
def seeded_store(tmp_path_factory):
    """An on-disk store with both seed articles ingested by the real pipeline. Read-only use: shared
    by the whole session (one process owns a store)."""
    from service.ingest.pipeline import ingest_paths

    st = EmbeddedStore(str(tmp_path_factory.mktemp("seeded") / "store"))
    report = ingest_paths([str(SEEDS)], st, extractor())
    assert not report.errors, report.errors
    yield st
    st.close()


@pytest.fixture(scope="session")
def seeded_app(seeded_store):
    return create_app({"TESTING": True}, kgqa=kgqa(seeded_store))


@pytest.fixture
def seeded_client(seeded_app):
    return seeded_app.test_client()


# --- remote store (issue 6): a real `oxigraph serve` on a free loopback port, no mock server

@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """One real Oxigraph server (union default graph) for the session; `remote_store` empties it."""
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph") / "data")
    yield server
    server.stop()


@pytest.fixture
def start_oxigraph(tmp_path):
    """Start more servers (to stop one, or without the union default graph); all stopped afterwards."""
    servers = []

    def start(*, union: bool = True) -> OxigraphServer:
        servers.append(OxigraphServer(tmp_path / f"oxigraph{len(servers)}", union=union))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def remote_store(oxigraph_server):
    """A RemoteStore on the session's Oxigraph server, emptied before the test."""
    st = oxigraph_server.store()
    st._update("DROP ALL")
    yield st
    st.close()


@pytest.fixture(params=["embedded", "remote"])
def any_store(request):
    """Each store contract test runs on both implementations: embedded on disk, remote on oxigraph."""
    return request.getfixturevalue("store" if request.param == "embedded" else "remote_store")


@pytest.fixture(scope="session")
def seeded_remote_store(tmp_path_factory):
    """The seeds ingested by the real pipeline into their own Oxigraph server (read-only use)."""
    from service.ingest.pipeline import ingest_paths

    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph-seeded") / "data")
    st = server.store()
    report = ingest_paths([str(SEEDS)], st, extractor())
    assert not report.errors, report.errors
    yield st
    server.stop()


@pytest.fixture
def silent_endpoint():
    """URL of a loopback socket that accepts connections and never answers (a hung endpoint)."""
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)  # the kernel completes the handshakes; nobody ever reads or writes
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/query"
    listener.close()


@pytest.fixture
def garbage_endpoint():
    """start(status, content_type, body) -> URL of a tiny loopback HTTP server that answers every request
    with that; the request headers it saw are in `.seen`."""
    servers = []

    def start(status: int, content_type: str, body: bytes) -> str:
        return loopback_server(answering(status, content_type, body, start.seen), servers) + "/sparql"

    start.seen = []
    yield start
    stop_servers(servers)


@pytest.fixture(params=["nothing listens", "server stopped"])
def down_endpoint(request, start_oxigraph):
    """Query URL of an endpoint that is down: a loopback port nothing listens on, or a real Oxigraph
    server that answered a query and was then stopped."""
    if request.param == "nothing listens":
        return "http://127.0.0.1:9/query"  # the discard port
    server = start_oxigraph()
    assert server.store().count_triples() == 0  # it was up
    server.stop()
    return server.query


@pytest.fixture(scope="session")
def remote_protocol_app(tmp_path_factory):
    """`protocol_app` on a remote store: the W3C protocol tests' graphs loaded into their own Oxigraph
    server through `kgqa load`'s code, and the app querying it."""
    from service.store.loading import load_files
    from tests.protocol_manifest import graphs_to_load

    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph-protocol") / "data")
    st = server.store()
    for path, iri in graphs_to_load():
        load_files(st, [str(path)], iri)
    yield create_app({"TESTING": True}, kgqa=kgqa(st))
    server.stop()


@pytest.fixture
def picky_proxy():
    """start(server, refused) -> query URL of a loopback proxy in front of a real Oxigraph server that
    answers 406 to the media types in `refused` (as servers without JSON-LD or TSV output do)."""
    proxies = []

    def start(server: OxigraphServer, refused: set[str]) -> str:
        return loopback_server(refusing(server, refused), proxies) + "/query"

    yield start
    stop_servers(proxies)


@pytest.fixture
def raw_endpoint():
    """start(data) -> URL of a loopback socket that answers every connection with `data` (not HTTP)."""
    listeners = []

    def start(data: bytes) -> str:
        listeners.append(raw_listener(data))
        return f"http://127.0.0.1:{listeners[-1].getsockname()[1]}/query"

    yield start
    for listener in listeners:
        listener.close()


# --- remote store on OpenLink Virtuoso (issue 17): a private instance per use, skipped when not installed

@pytest.fixture(scope="session")
def virtuoso_seeded_store(tmp_path_factory):
    """The seeds ingested by the real pipeline into their own Virtuoso (read-only use); its documents
    are written by Graph Store Protocol PUTs (tests/support/virtuoso.py)."""
    from service.ingest.pipeline import ingest_paths
    from tests.support.virtuoso import VirtuosoServer, require

    require()
    server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso-seeded") / "db", preexec=die_with_parent)
    st = server.store()
    report = ingest_paths([str(SEEDS)], st, extractor())
    assert not report.errors, report.errors
    yield st
    server.stop()


@pytest.fixture(scope="module")
def virtuoso_server(tmp_path_factory):
    """An empty private Virtuoso for tests that write (each writes graphs of its own)."""
    from tests.support.virtuoso import VirtuosoServer, require

    require()
    server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso") / "db", preexec=die_with_parent)
    yield server
    server.stop()


# --- the browser (issue 15): Debian's chromium through Playwright, against a real server on loopback

@pytest.fixture(scope="session")
def chromium():
    """A launched headless chromium for the session (see tests/browser.py): skips, or fails under
    KGQA_REQUIRE_BROWSER=1, when there is none."""
    import os

    from tests import browser

    why = browser.missing()
    if why:
        if os.environ.get("KGQA_REQUIRE_BROWSER") == "1":
            pytest.fail(f"KGQA_REQUIRE_BROWSER=1 but {why}")
        pytest.skip(why)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = browser.launch(playwright)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def seeded_url(seeded_app):
    """Base URL of the seeded app served by waitress on a free loopback port, for the session."""
    import threading

    import waitress

    server = waitress.create_server(seeded_app, host="127.0.0.1", port=0, threads=6)
    threading.Thread(target=server.run, daemon=True).start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()


@pytest.fixture
def page(chromium, tmp_path):
    """A fresh browser page (its own context); a screenshot of where it ended goes to tmp_path."""
    context = chromium.new_context(viewport={"width": 1100, "height": 800})
    made = context.new_page()
    yield made
    try:
        made.screenshot(path=str(tmp_path / "end.png"))
    finally:
        context.close()
