"""CORS for reading: every GET/HEAD response (errors included) allows any origin, and so does the
preflight of a GET; other methods are not opened to other origins."""
import pytest

ROUTES = ["/healthz", "/sources", "/sources/summit-a", "/entities/proposal-bbb", "/.well-known/void", "/dump",
          "/entities/nobody", "/no-such-route"]


@pytest.mark.parametrize("url", ROUTES)
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_cors_read_responses_allow_any_origin(summits_client, url, method):
    response = summits_client.open(url, method=method, headers={"Origin": "https://example.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("url", ROUTES[:6])
def test_cors_preflight_for_get(summits_client, url):
    response = summits_client.options(url, headers={
        "Origin": "https://example.org", "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "accept, x-requested-with"})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response.headers["Access-Control-Allow-Methods"]
    assert response.headers["Access-Control-Allow-Headers"] == "accept, x-requested-with"


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE"])
def test_cors_preflight_for_writing_is_not_allowed(summits_client, method):
    response = summits_client.options("/sources", headers={
        "Origin": "https://example.org", "Access-Control-Request-Method": method})
    assert "Access-Control-Allow-Origin" not in response.headers
