"""scripts/measure_extraction.py: the README table between the markers is replaced, the rest kept; metadata is checked against the gold."""
import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "measure_extraction.py"
spec = importlib.util.spec_from_file_location("measure_extraction", SCRIPT)
measure = importlib.util.module_from_spec(spec)
spec.loader.exec_module(measure)


def test_the_table_between_the_markers_is_replaced_and_nothing_else(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"# Title\n\ntext before\n\n{measure.START}\n| old | table |\n{measure.END}\n\ntext after\n",
                      encoding="utf-8")
    measure.write_readme("| new | table |\n|---|---|", readme)
    assert readme.read_text(encoding="utf-8") == (
        f"# Title\n\ntext before\n\n{measure.START}\n| new | table |\n|---|---|\n{measure.END}\n\ntext after\n")


def test_a_readme_without_markers_is_left_alone(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("no markers here\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        measure.write_readme("| new |", readme)
    assert readme.read_text(encoding="utf-8") == "no markers here\n"


def test_the_shipped_readme_has_the_markers_once():
    text = (SCRIPT.parent.parent / "README.md").read_text(encoding="utf-8")
    assert text.count(measure.START) == 1 and text.count(measure.END) == 1
    assert text.index(measure.START) < text.index(measure.END)


def test_metadata_agreement_counts_the_fields_read_as_the_gold_states_them(tmp_path):
    import json

    pages, gold = tmp_path / "pages", tmp_path / "gold"
    pages.mkdir()
    gold.mkdir()
    lead = "今年以来,某某社区坚持党建引领,整合辖区资源,开展志愿服务活动50余场,服务居民2000余人次。"
    (pages / "p1.txt").write_text(f"某某社区:邻里节办到了家门口\n来源:某某日报\n\n{lead}\n", encoding="utf-8")
    (pages / "p2.txt").write_text(f"某某村:新修的路通到了山顶\n\n{lead}\n", encoding="utf-8")
    stated = {"p1.txt": ("某某社区：邻里节办到了家门口", None, "某某日报"),  # full-width colon in the gold
              "p2.txt": ("某某村：新修的路通到了山顶", "2024-05-06", "某某晚报"),  # date and outlet not on the page
              "p3.txt": ("no page for this gold", None, None)}
    for name, (title, published, source) in stated.items():
        (gold / name.replace(".txt", ".json")).write_text(json.dumps(
            {"article": name, "title": title, "published": published, "source": source}), encoding="utf-8")
    assert measure.metadata_agreement(pages, gold) == {"title": (2, 2), "published": (1, 2), "source": (1, 2)}


def test_the_heldout_batches_cover_every_heldout_page_once():
    numbers = [n for _, first, last in measure.HELDOUT_BATCHES for n in range(first, last + 1)]
    assert len(numbers) == len(set(numbers))
    pages = sorted(p.stem for p in (measure.HELDOUT / "articles").glob("*.txt"))
    gold = sorted(p.stem for p in (measure.HELDOUT / "gold").glob("*.json"))
    # h100 sorts before h11 by name: compare the names, not their order
    assert pages == gold == sorted(f"h{n:02d}" for n in numbers)
