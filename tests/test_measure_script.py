"""scripts/measure_extraction.py --readme: the table between the markers is replaced, the rest kept."""
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
