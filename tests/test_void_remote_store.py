"""VoID, entity descriptions and dumps go through the store interface only, so a remote store (a real
`oxigraph serve`) serves the same documents as the embedded store holding the same data."""
import pyoxigraph as ox
import pytest

from service.web import create_app
from tests.support import DATA, kgqa

SUMMITS = DATA / "graphs" / "summits.trig"


@pytest.fixture
def both(store, remote_store):
    """Test clients over the embedded store and over the remote one, both holding summits.trig."""
    clients = []
    for st in (store, remote_store):
        st.load(SUMMITS.read_bytes(), "application/trig")
        clients.append(create_app({"TESTING": True}, kgqa=kgqa(st)).test_client())
    return clients


def same(both, url: str, media_type: str, fmt: ox.RdfFormat) -> set:
    parsed = []
    for client in both:
        response = client.get(url, headers={"Accept": media_type})
        assert response.status_code == 200 and response.mimetype == media_type
        parsed.append(set(ox.parse(response.get_data(), format=fmt)))
    assert parsed[0] == parsed[1]
    return parsed[0]


def test_void_remote_store_same_as_embedded(both):
    assert same(both, "/.well-known/void", "text/turtle", ox.RdfFormat.TURTLE)


@pytest.mark.parametrize("local", ["proposal-bbb", "actor-vladimir-putin", "occasion-un-general-assembly"])
def test_entities_remote_store_same_as_embedded(both, local):
    assert same(both, f"/entities/{local}", "application/n-quads", ox.RdfFormat.N_QUADS)


@pytest.mark.parametrize("url", ["/dump", "/sources/summit-b/graph"])
def test_dumps_remote_store_same_as_embedded(both, url):
    assert same(both, url, "application/n-quads", ox.RdfFormat.N_QUADS)
