"""Pipeline: parallel extraction gives the serial result; outputs are replaced atomically."""
from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest

import kg.pipeline as pipeline
from kg.errors import NoArticlesError, StageError
from kg.outdir import MANIFEST, manifest_text
from kg.workers import map_files
from kg.workers.local import MIN_FILES_PER_WORKER, worker_count

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def many_articles(folder: Path, count: int) -> Path:
    """``count`` distinct articles: the seeds, each with a line that makes it unique."""
    seeds = sorted(SEEDS.glob("*.txt"))
    folder.mkdir()
    for i in range(count):
        text = seeds[i % len(seeds)].read_text("utf-8")
        (folder / f"a{i:03d}.txt").write_text(f"{text}\n第{i}号补充说明。\n", "utf-8")
    return folder


def comparable(outcomes):
    """Per-file outcomes without their timings."""
    return [items for items, _ in outcomes]


def test_parallel_work_equals_serial_and_comes_back_in_input_order(tmp_path):
    corpus = many_articles(tmp_path / "corpus", 2 * MIN_FILES_PER_WORKER)
    files = sorted(corpus.iterdir())
    with map_files(pipeline.process_file, files, jobs=1) as outcomes:
        serial = list(outcomes)
    with map_files(pipeline.process_file, files, jobs=2) as outcomes:
        parallel = list(outcomes)
    assert worker_count(2, len(files)) == 2
    assert comparable(serial) == comparable(parallel)
    assert [items[0].summary.source for items in comparable(parallel)] == [str(f) for f in files]


def test_repeated_content_is_skipped_as_a_duplicate(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    text = (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_text("utf-8")
    (corpus / "a.txt").write_text(text, "utf-8")
    (corpus / "b.txt").write_text(text, "utf-8")
    report = pipeline.build([corpus], tmp_path / "out").report
    assert [s.source for s in report.articles] == [str(corpus / "a.txt")]
    assert [(s.source, s.reason) for s in report.skipped] == [(str(corpus / "b.txt"), f"duplicate of {corpus / 'a.txt'}")]
    assert gc.get_freeze_count() == 0  # the build thaws the heap it froze for its corpus-wide stages


def earlier_build(out: Path) -> Path:
    """A folder that looks like an earlier kg build: the manifest and an old graph.ttl."""
    out.mkdir()
    (out / MANIFEST).write_text(manifest_text(), "utf-8")
    (out / "graph.ttl").write_text("old", "utf-8")
    return out


def test_no_usable_article_raises_and_keeps_the_old_outputs(tmp_path):
    out = earlier_build(tmp_path / "out")
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "blank.txt").write_text("", "utf-8")
    with pytest.raises(NoArticlesError, match="blank.txt: empty file"):
        pipeline.build([empty], out)
    assert (out / "graph.ttl").read_text("utf-8") == "old"


def test_a_failing_stage_is_named_and_leaves_the_old_outputs(tmp_path, monkeypatch):
    out = earlier_build(tmp_path / "out")

    def broken_views(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("kg.pipeline.write_views", broken_views)
    corpus = tmp_path / "c"
    shutil.copytree(SEEDS, corpus)
    with pytest.raises(StageError, match="stage 'views' failed: RuntimeError: disk full"):
        pipeline.build([corpus], out)
    assert (out / "graph.ttl").read_text("utf-8") == "old"
    assert gc.get_freeze_count() == 0  # the heap the build froze for its corpus-wide stages is thawed
    # No staging folder left behind (the build cache stays: what it holds is still valid).
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.kg-cache", "c", "out"]


def entity_iris(out: Path) -> set[str]:
    import pyoxigraph as ox

    store = ox.Store.read_only(str(out / "graph.oxigraph"))
    query = """SELECT ?e WHERE { ?e a ?c . ?c <http://www.w3.org/2000/01/rdf-schema#subClassOf>* ?top .
               VALUES ?top { kg:AdministrativeUnit kg:PartyOrganization kg:Program kg:Facility kg:Partner kg:Person } }"""
    return {row[0].value for row in store.query(query, prefixes={"kg": "https://w3id.org/jiceng-kg/ontology#"})}


def test_a_larger_corpus_keeps_every_entity_iri_of_a_smaller_one(tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))
    some = tmp_path / "some"
    some.mkdir()
    for path in seeds[:2]:
        shutil.copy(path, some / path.name)
    pipeline.build([some], tmp_path / "small")
    pipeline.build([SEEDS], tmp_path / "large")
    small, large = entity_iris(tmp_path / "small"), entity_iris(tmp_path / "large")
    assert small and small <= large
    assert len(large) > len(small)


def test_the_measures_written_from_the_figures_text_are_those_of_their_decimals():
    from conftest import hand_built_pairs

    from kg.analyse import analyse_records, records_of
    from kg.pipeline import node_measures
    from kg.rdf.export import data_names
    from kg.rdf.graph import measure_section
    from kg.resolve import CorpusTables

    with CorpusTables() as tables:
        for _, facts in hand_built_pairs():
            tables.add(facts)
        analysis = analyse_records(*records_of(tables.resolve()))
    as_text = measure_section(node_measures(analysis.metrics), data_names()).text()
    as_decimals = measure_section(((m.iri, m.betweenness, m.page_rank, m.community) for m in analysis.metrics),
                                  data_names()).text()
    assert as_text == as_decimals
    assert as_text.count("kg:pageRank") == len(analysis.metrics) > 0
    assert any(m.betweenness for m in analysis.metrics)  # not only zeros: the digits are compared
