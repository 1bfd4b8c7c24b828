"""qa.columns: strings kept as one UTF-8 buffer read back as they were, and tables of them read as dicts
(values made up here)."""
from __future__ import annotations

import pickle

import pytest

from service.qa.columns import Strings, Table

VALUES = [
    ["plain title", "", "Zürich talks", "a \u201cquoted\u201d report", "\U0001F30D emoji", "x" * 300],
    [],
    ["one"],
    ["", ""],
]


@pytest.mark.parametrize("values", VALUES)
def test_columns_strings_read_back_as_given(values):
    column = Strings(values)
    assert len(column) == len(values) and list(column) == values
    assert [column[i] for i in range(-len(values), 0)] == values


@pytest.mark.parametrize("values", VALUES)
def test_columns_strings_survive_pickling(values):
    assert pickle.loads(pickle.dumps(Strings(values))) == Strings(values)


@pytest.mark.parametrize("at", [3, -4])
def test_columns_strings_out_of_range(at):
    with pytest.raises(IndexError):
        Strings(["a", "b", "c"])[at]


def test_columns_table_rows_as_dicts():
    rows = [("d1", "First report", ""), ("d2", "", "Wire Service")]
    table = pickle.loads(pickle.dumps(Table(("id", "title", "publisher"), rows)))
    assert len(table) == 2 and list(table) == [dict(zip(("id", "title", "publisher"), r, strict=True)) for r in rows]
