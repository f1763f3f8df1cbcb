"""JSON in pieces: the bytes of ``json.dumps`` of the whole document, compact or indented, whatever the depth."""
import json
from decimal import Decimal

import pytest

import kg.jsonpieces
from kg.jsonpieces import json_pieces

ROWS = 1300  # more than two pieces of rows (ROWS_PER_PIECE 512) and a part of one
DOCUMENTS = [
    {"a": 1, "b": [], "c": {}, "d": [{"x": [1, {"y": "甲\n乙"}]}, {}], "e": {"f": {"g": {"h": [1, 2]}}}},
    [], {}, [[[]], [{}]], "text", {"n": Decimal("0.123456")},
    {"z": [1, 2.5, None], "b": {"c": ["甲\u2028乙", True]}, "a": []},
    {"rows": [[i, "行", {"k": i}] for i in range(ROWS)], "after": {"x": [[]]}},
    # what the indented text is made of beyond the usual: keys that are no strings, the floats JSON has no
    # number for, tuples, escapes and Decimals below the levels written item by item
    {"k": {"i": {2: "a", 1: "b"}, "f": {2.5: "b", 0.5: "c"}, "b": {True: "c", False: "x"}, "n": {None: "d"}}, "f": [float("nan"), float("inf"), -float("inf"), -0.0, 1e22],
     "t": (1, ("x", "\t\u0001\"\\")), "d": [[Decimal("2.50")], {"e": Decimal("-1")}], "b": [False, None, -7]},
]
STYLES = [  # (keyword arguments, json.dumps's own)
    ({}, {"separators": (",", ":")}),
    ({"indent": 1}, {"indent": 1}),
    ({"indent": 1, "sort_keys": True}, {"indent": 1, "sort_keys": True}),
    ({"indent": 2}, {"indent": 2}),
]


@pytest.mark.parametrize("value", DOCUMENTS)
@pytest.mark.parametrize("style, dumps", STYLES)
@pytest.mark.parametrize("depth", [0, 1, 2, 3, 4])
def test_the_pieces_are_the_bytes_of_one_document(value, style, dumps, depth):
    expected = json.dumps(value, ensure_ascii=False, default=float, **dumps)
    assert "".join(json_pieces(value, depth, **style)) == expected


@pytest.mark.parametrize("style, dumps", STYLES)
def test_an_iterator_is_written_as_the_list_of_its_items(style, dumps):
    rows = [[i, str(i)] for i in range(ROWS)]
    expected = json.dumps({"rows": rows, "none": []}, ensure_ascii=False, **dumps)
    for depth in (2, 3):  # the iterator within the levels written item by item
        made = {"rows": (row for row in rows), "none": iter(())}
        assert "".join(json_pieces(made, depth, **style)) == expected


def test_a_long_list_at_the_last_level_comes_in_runs_of_rows(monkeypatch):
    monkeypatch.setattr(kg.jsonpieces, "ROWS_PER_PIECE", 4)
    pieces = list(json_pieces([[i] for i in range(10)], 1))
    assert pieces == ["[[0],[1],[2],[3]", ",[4],[5],[6],[7]", ",[8],[9]", "]"]


def test_anything_else_is_refused_as_json_refuses_it():
    with pytest.raises(TypeError):
        "".join(json_pieces({"a": {1, 2}}, 2, indent=1))
