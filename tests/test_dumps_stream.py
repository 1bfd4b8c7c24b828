"""The whole-dataset dump is streamed in bounded chunks while a thread writes it, and a reader that
stops (a client hanging up) stops the writer."""
import threading
import time

from pyoxigraph import Literal, NamedNode, Quad

from service.read import dumps


def fill(store, n: int) -> None:
    graph = NamedNode("http://kgqa.test/sources/big")
    store.replace_graph(graph, [Quad(NamedNode(f"http://kgqa.test/entities/e{i}"), NamedNode("http://x/p"),
                                     Literal(f"value number {i}"), graph) for i in range(n)])


def writers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "kgqa-dump"]


def test_dumps_stream_is_chunked_and_complete(store):
    fill(store, 20_000)
    chunks = list(dumps.stream(store, "application/n-quads"))
    assert len(chunks) > 10 and max(map(len, chunks)) < 2 * dumps.CHUNK
    assert b"".join(chunks) == store.dump("application/n-quads")


def test_dumps_stream_stops_when_the_reader_does(store):
    fill(store, 20_000)
    stream = dumps.stream(store, "application/n-quads")
    next(stream)
    assert writers()
    stream.close()
    deadline = time.monotonic() + 5
    while writers() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not writers()
