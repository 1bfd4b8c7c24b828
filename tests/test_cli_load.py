from click.testing import CliRunner

from service.cli import main
from service.store.embedded import EmbeddedStore

TURTLE = '@prefix ex: <http://example.org/> .\nex:a ex:p "one" , "two" .\n'


def test_cli_load_into_named_graph(tmp_path):
    data = tmp_path / "ref.ttl"
    data.write_text(TURTLE)
    store_dir = tmp_path / "store"
    result = CliRunner().invoke(main, ["load", "--store", str(store_dir), "--graph", "http://example.org/g", str(data)])
    assert result.exit_code == 0, result.output
    assert "loaded 2 triples" in result.output
    st = EmbeddedStore(str(store_dir))
    assert st.ask("ASK { GRAPH <http://example.org/g> { ?s ?p \"two\" } }")
    st.close()


def test_cli_load_unknown_format_is_a_clear_error(tmp_path):
    data = tmp_path / "ref.xyz"
    data.write_text(TURTLE)
    result = CliRunner().invoke(main, ["load", "--store", str(tmp_path / "s"), str(data)])
    assert result.exit_code == 2
    assert "unknown RDF format '.xyz'" in result.output and "Traceback" not in result.output


def test_cli_load_invalid_rdf_names_the_file(tmp_path):
    data = tmp_path / "broken.ttl"
    data.write_text("this is not turtle")
    result = CliRunner().invoke(main, ["load", "--store", str(tmp_path / "s"), str(data)])
    assert result.exit_code == 2 and "broken.ttl: not valid text/turtle" in result.output


def test_cli_store_in_use_is_a_clear_error(tmp_path):
    holder = EmbeddedStore(str(tmp_path / "s"))
    data = tmp_path / "ref.ttl"
    data.write_text(TURTLE)
    result = CliRunner().invoke(main, ["load", "--store", str(tmp_path / "s"), str(data)])
    holder.close()
    assert result.exit_code == 1 and "One process owns a store" in result.output
