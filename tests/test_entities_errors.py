"""Unknown entities are 404 and unacceptable types 406, both with the canonical JSON error body."""
import pytest


@pytest.mark.parametrize("local", ["actor-nobody", "proposal-0000000000000000", "bad%20id", "..", "x;y"])
def test_entities_unknown_id_is_404_json(summits_client, local):
    response = summits_client.get(f"/entities/{local}", headers={"Accept": "text/turtle"})
    assert response.status_code == 404 and response.is_json
    assert response.get_json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("accept", ["application/pdf", "image/png", "application/json"])
def test_entities_unacceptable_type_is_406_naming_the_offered(summits_client, accept):
    response = summits_client.get("/entities/proposal-bbb", headers={"Accept": accept})
    assert response.status_code == 406
    error = response.get_json()["error"]
    assert error["code"] == "not_acceptable"
    assert {"text/turtle", "application/ld+json", "application/n-triples", "text/html"} <= set(error["acceptable"])


def test_entities_unknown_format_parameter_is_400(summits_client):
    response = summits_client.get("/entities/proposal-bbb?format=pdf")
    assert response.status_code == 400 and "turtle" in response.get_json()["error"]["message"]
