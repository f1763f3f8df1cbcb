"""Read stage: finding files, detecting encodings, and skipping what cannot be used."""
import os
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.model import RawArticle, Skipped
from kg.prepare.read import decode, find_files, read_file, read_html

TEXT = "绿柳社区党委书记刘晓燕介绍,社区与青石职业学院结对共建,组建了一支由42名党员和大学生组成的志愿服务队。\n"
TRADITIONAL = "綠柳社區黨委書記劉曉燕介紹,社區與青石職業學院結對共建,組建了一支由42名黨員和大學生組成的志願服務隊。\n"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# -------------------------------------------------------------------- encodings
@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf_8"),
        (TEXT.encode("utf-8-sig"), "utf_8"),
        (TEXT.encode("utf-16"), "utf_16"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TRADITIONAL.encode("big5"), "big5"),
    ],
)
def test_decode_detects_the_encoding(data, encoding):
    text, found = decode(data)
    assert found == encoding
    assert text == (TRADITIONAL if encoding == "big5" else TEXT)


def test_decode_drops_a_truncated_last_character_and_says_so():
    text, encoding = decode(TEXT.strip().encode("utf-8")[:-1])  # cut inside the final 。
    assert text == TEXT.strip()[:-1]
    assert encoding.startswith("utf_8 (truncated: last 2 byte(s)")


def test_decode_truncated_double_byte_encoding():
    text, encoding = decode(TEXT.strip().encode("gb18030")[:-1])
    assert text == TEXT.strip()[:-1]
    assert "truncated" in encoding


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 2, "binary file"),
        (b"\x00" * 64, "binary file"),
    ],
)
def test_decode_refuses_unusable_bytes(data, reason):
    assert decode(data) == reason


# ------------------------------------------------------------------- read_file
def test_read_txt(tmp_path):
    (item,) = read_file(write(tmp_path / "a.txt", TEXT))
    assert isinstance(item, RawArticle)
    assert (item.text, item.format, item.encoding, item.source) == (TEXT, "txt", "utf_8", str(tmp_path / "a.txt"))


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"\n\n  \n", "empty file"),
        ("photo.jpg", b"\xff\xd8\xff", "unsupported file type .jpg"),
        ("README", b"text", "unsupported file type (no extension)"),
        ("empty.jsonl", b"\n\n", "empty file"),
    ],
)
def test_read_file_skips_with_a_reason(tmp_path, name, data, reason):
    path = write(tmp_path / name, data)
    assert read_file(path) == [Skipped(str(path), reason)]


def test_read_jsonl_lines(tmp_path):
    path = write(
        tmp_path / "feed.jsonl",
        '{"text": "第一篇正文", "title": "标题一", "url": "https://e.org/1", "published": "2024-01-02", '
        '"source": "某报", "author": "甲乙; 丙丁"}\n'
        "\n"
        '{"title": "没有正文"}\n'
        '{"text": "  "}\n'
        "[1, 2]\n"
        '{"text": 坏}\n'
        '{"text": "第二篇正文"}\n',
    )
    items = read_file(path)
    first, *skips, last = items
    assert first == RawArticle(
        source=f"{path}:1", text="第一篇正文", format="jsonl", encoding=first.encoding, title="标题一",
        published="2024-01-02", source_name="某报", url="https://e.org/1", authors=("甲乙", "丙丁"),
    )
    assert [(s.source, s.reason.split(":")[0]) for s in skips] == [
        (f"{path}:3", "no text"),
        (f"{path}:4", "no text"),
        (f"{path}:5", "not a JSON object"),
        (f"{path}:6", "invalid JSON"),
    ]
    assert (last.source, last.text, last.title) == (f"{path}:7", "第二篇正文", None)


def test_read_gbk_jsonl(tmp_path):
    path = write(tmp_path / "gbk.jsonl", ('{"text": "%s"}\n' % TEXT.strip()).encode("gb18030") * 3)
    items = read_file(path)
    assert [item.text for item in items] == [TEXT.strip()] * 3


def test_html_falls_back_to_visible_text_when_no_article_is_found():
    item = read_html("<html><body><div>某某社区</div><div>召开居民议事会</div><script>x=1</script></body></html>",
                     "p.html", "utf_8")
    assert isinstance(item, RawArticle)
    assert "某某社区" in item.text and "召开居民议事会" in item.text and "x=1" not in item.text


def test_html_without_text_is_skipped():
    assert read_html("<html><body><script>var a;</script></body></html>", "p.html", "utf_8") == Skipped(
        "p.html", "no text found in the HTML page"
    )


def test_fifo_is_not_opened(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert read_file(fifo) == [Skipped(str(fifo), "not a regular file")]


# ------------------------------------------------------------------ find_files
def test_find_files_is_sorted_recursive_and_skips_hidden(tmp_path):
    for name in ("b.txt", "a/z.txt", "a/c.md", ".git/config", ".hidden.txt", "c/d/e.html"):
        write(tmp_path / name, "x")
    assert [p.relative_to(tmp_path).as_posix() for p in find_files([tmp_path])] == [
        "a/c.md", "a/z.txt", "b.txt", "c/d/e.html",
    ]


def test_find_files_keeps_input_order_and_drops_repeats(tmp_path):
    one = write(tmp_path / "x/1.txt", "x")
    two = write(tmp_path / "y/2.txt", "x")
    assert find_files([tmp_path / "y", tmp_path / "x", one]) == [two, one]


def test_find_files_names_a_missing_input(tmp_path):
    with pytest.raises(InputError, match=r"^input not found: .*nope"):
        find_files([tmp_path / "nope"])


def test_symlink_loop_does_not_hang(tmp_path):
    write(tmp_path / "corpus/a.txt", "x")
    (tmp_path / "corpus/loop").symlink_to(tmp_path / "corpus")
    (tmp_path / "corpus/sub").mkdir()
    (tmp_path / "corpus/sub/up").symlink_to(tmp_path)
    assert find_files([tmp_path / "corpus"]) == [tmp_path / "corpus/a.txt"]


def test_broken_link_is_reported_not_fatal(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (path,) = find_files([tmp_path])
    assert read_file(path) == [Skipped(str(path), "unreadable: broken link or file removed")]


def test_unreadable_folder_is_reported_not_fatal(tmp_path, monkeypatch):
    write(tmp_path / "ok/a.txt", "x")
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    # Root (as in CI) can read any folder, so the refusal is simulated.
    monkeypatch.setattr("kg.prepare.read.os.scandir", scandir)
    monkeypatch.setattr("kg.prepare.read.os.access", lambda path, mode: Path(path).name != "locked")
    files = find_files([tmp_path])
    assert files == [tmp_path / "locked", tmp_path / "ok/a.txt"]
    assert read_file(files[0]) == [Skipped(str(tmp_path / "locked"), "unreadable folder: permission denied")]


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    path = write(tmp_path / "secret.txt", "x")
    monkeypatch.setattr("kg.prepare.read.os.access", lambda p, mode: False)
    assert read_file(path) == [Skipped(str(path), "unreadable: permission denied")]


# ------------------------------------------------------------- hostile input
def test_jsonl_lines_end_at_newline_only(tmp_path):
    # U+2028, U+2029, U+0085 and \x1c-\x1e are line breaks to str.splitlines, but JSON allows them in strings.
    path = write(
        tmp_path / "feed.jsonl",
        '{"text": "第一段\u2028第二段"}\n{"text": "甲\u0085乙\u2029丙\x1d丁"}\r\n{"bad"\n{"text": "末篇"}\n',
    )
    items = read_file(path)
    assert [(item.source, getattr(item, "text", None)) for item in items] == [
        (f"{path}:1", "第一段\u2028第二段"),
        (f"{path}:2", "甲\u0085乙\u2029丙\x1d丁"),
        (f"{path}:3", None),
        (f"{path}:4", "末篇"),
    ]


def test_lone_surrogates_are_replaced_at_read_time(tmp_path):
    path = write(
        tmp_path / "feed.jsonl",
        '{"text": "社区\\ud800活动", "title": "标题\\udfff", "author": ["甲\\ud83d"]}\n'
        '{"text": "表情\\ud83d\\ude00完整"}\n',
    )
    broken, paired = read_file(path)
    assert (broken.text, broken.title, broken.authors) == ("社区\ufffd活动", "标题\ufffd", ("甲\ufffd",))
    assert paired.text == "表情\U0001F600完整"  # a valid surrogate pair is one character, kept
    for text in (broken.text, broken.title, paired.text):
        text.encode("utf-8")  # would raise on a lone surrogate


def test_a_path_that_is_not_utf8_is_reported_with_its_bytes_escaped(tmp_path):
    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9.txt", "wb") as handle:
        handle.write(TEXT.encode("utf-8"))
    (path,) = find_files([tmp_path])
    (item,) = read_file(path)
    assert item.source == f"{tmp_path}/caf\\xe9.txt"
    item.source.encode("utf-8")


def test_a_file_mixing_utf8_and_gbk_is_read_with_replacements():
    utf8_part = ("绿柳社区召开居民议事会，" * 20).encode("utf-8")
    gbk_part = "青石街道".encode("gbk")  # 8 bytes that are not UTF-8
    decoded = decode(utf8_part + gbk_part + utf8_part)
    assert not isinstance(decoded, str), decoded
    text, encoding = decoded
    assert text.startswith("绿柳社区召开居民议事会，") and text.endswith("绿柳社区召开居民议事会，")
    assert text.count("绿柳社区") == 40
    assert encoding.startswith("utf_8 (mixed or damaged:") and "replaced by U+FFFD" in encoding


def test_mostly_undecodable_bytes_are_still_refused():
    noise = bytes((i * 151 + 7) % 256 for i in range(4000)).replace(b"\x00", b"\x01")
    assert decode(noise) in ("binary file", "undecodable: no known text encoding fits")


def test_an_article_over_the_size_limit_is_skipped_with_the_limit_named(tmp_path):
    path = write(tmp_path / "big.txt", "社区" * 200_000)  # 1.2 MB of UTF-8
    assert read_file(path, max_article_mb=2) != [Skipped(str(path), "")]
    (item,) = read_file(path, max_article_mb=1)
    assert item == Skipped(
        str(path), "article of 1.2 MB is larger than --max-article-mb 1: split it, or raise the limit"
    )


def test_plain_utf8_is_read_without_the_detector_and_as_the_detector_reads_it(monkeypatch):
    import kg.prepare.read as read

    data = "社区党委开展“邻里守望”活动，居民踊跃参加。\n".encode("utf-8") * 20
    expected = read._detect(data)
    monkeypatch.setattr(read, "_detect", lambda _: (_ for _ in ()).throw(AssertionError("detector called")))
    assert read.decode(data) == (str(expected), expected.encoding)


def test_ascii_and_a_byte_order_mark_are_left_to_the_detector(monkeypatch):
    import kg.prepare.read as read

    asked = []
    real = read._detect
    monkeypatch.setattr(read, "_detect", lambda data: asked.append(data) or real(data))
    read.decode(b"plain ascii text of a page\n")
    read.decode(b"\xef\xbb\xbf" + "社区".encode("utf-8"))
    assert len(asked) == 2
