"""The per-user table cache: a table read back equals the one built; a bad file or folder only costs a rebuild."""
from __future__ import annotations

import pytest

from kg import tablecache
from kg.tablecache import cache_folder, load_table, table_key

TABLE = {"社区": 3, "村": [1, 2], "nested": ({"a": "b"}, 7)}


def counting_build(table=TABLE):
    calls = []

    def build():
        calls.append(1)
        return table

    return build, calls


def refuse():
    raise AssertionError("the table should have come from the cache")


def test_a_table_is_built_once_and_then_read_back_equal(tmp_path):
    build, calls = counting_build()
    assert load_table("demo", "k1", build, tmp_path) == TABLE
    assert load_table("demo", "k1", refuse, tmp_path) == TABLE
    assert len(calls) == 1


def test_another_key_is_another_table(tmp_path):
    load_table("demo", "k1", counting_build()[0], tmp_path)
    build, calls = counting_build({"other": 1})
    assert load_table("demo", "k2", build, tmp_path) == {"other": 1}
    assert calls == [1]


CORRUPTIONS = [
    ("truncated", lambda data: data[: len(data) // 2]),
    ("one byte flipped in the payload", lambda data: data[:-5] + bytes([data[-5] ^ 0xFF]) + data[-4:]),
    ("another format", lambda data: b"not a table at all"),
    ("empty", lambda data: b""),
]


@pytest.mark.parametrize("name, corrupt", CORRUPTIONS, ids=[c[0] for c in CORRUPTIONS])
def test_a_corrupt_file_is_rebuilt_and_replaced(tmp_path, name, corrupt):
    load_table("demo", "k1", counting_build()[0], tmp_path)
    (path,) = tmp_path.glob("demo-*")
    path.write_bytes(corrupt(path.read_bytes()))
    build, calls = counting_build()
    assert load_table("demo", "k1", build, tmp_path) == TABLE
    assert calls == [1]
    assert load_table("demo", "k1", refuse, tmp_path) == TABLE  # the rebuilt file is sound again


def test_a_folder_that_cannot_be_made_is_no_error(tmp_path):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    folder = blocker / "cache"  # cannot be created, whoever runs the test (root too)
    build, calls = counting_build()
    assert load_table("demo", "k1", build, folder) == TABLE
    assert load_table("demo", "k1", build, folder) == TABLE
    assert calls == [1, 1]  # built each time, as without a cache


def test_only_the_newest_few_files_of_a_table_are_kept(tmp_path):
    keys = [table_key([str(i)]) for i in range(tablecache.KEEP + 2)]
    for key in keys:
        load_table("demo", key, counting_build()[0], tmp_path)
    load_table("other", keys[0], counting_build()[0], tmp_path)
    kept = {p.name for p in tmp_path.glob("demo-*")}
    assert len(kept) == tablecache.KEEP
    assert f"demo-{keys[-1]}{tablecache.SUFFIX}" in kept
    assert len(list(tmp_path.glob("other-*"))) == 1  # another table's files are not this one's to prune


def test_the_key_depends_on_every_part_and_on_where_parts_end():
    assert table_key(["ab", "c"]) != table_key(["a", "bc"])
    assert table_key(["ab"]) != table_key(["ab", ""])
    assert table_key([b"x"]) == table_key(["x"])


FOLDER_CASES = [
    ({"KG_CACHE_DIR": "/somewhere/kg", "XDG_CACHE_HOME": "/xdg"}, "/somewhere/kg"),
    ({"XDG_CACHE_HOME": "/xdg"}, "/xdg/kg"),
    ({"HOME": "/home/someone"}, "/home/someone/.cache/kg"),
]


@pytest.mark.parametrize("environment, expected", FOLDER_CASES)
def test_the_cache_folder_follows_the_environment(monkeypatch, environment, expected):
    for name in ("KG_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert str(cache_folder()) == expected
