"""The build cache: a rebuild reads only what changed and writes exactly the bytes of a fresh build."""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from kg.cache import DATABASE, MANIFEST, cache_dir, fingerprint
from kg.errors import OutputError
from kg.pipeline import build

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def graph(out: Path) -> bytes:
    return (out / "graph.ttl").read_bytes()


def fresh(tmp_path: Path, inputs: Path, name: str) -> bytes:
    """The graph of a build into a new folder, with its own (empty) cache."""
    build([inputs], tmp_path / name)
    return graph(tmp_path / name)


def cached_articles(out: Path) -> int:
    with sqlite3.connect(cache_dir(out) / DATABASE) as db:
        return db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]


def test_the_cache_is_a_marked_hidden_sibling_of_the_output_never_inside_it(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out)
    folder = tmp_path / ".out.kg-cache"
    assert cache_dir(out) == folder
    assert json.loads((folder / MANIFEST).read_text("utf-8"))["generator"] == "kg"
    assert not any("cache" in p.name for p in out.iterdir())


def test_a_second_build_reads_nothing_again_and_writes_the_same_bytes(corpus, tmp_path):
    out = tmp_path / "out"
    first = build([corpus], out)
    before = graph(out)
    second = build([corpus], out)
    assert (first.reused, second.reused) == (0, 5)
    assert graph(out) == before


def test_adding_articles_rereads_only_them_and_gives_the_bytes_of_a_fresh_build(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out)
    shutil.copy(SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0], corpus / "again.txt")
    (corpus / "new.txt").write_text("某某市青禾区柳岸街道松溪社区党总支开展“邻里守望”活动。\n", "utf-8")
    result = build([corpus], out)
    assert result.reused == 6  # again.txt has the bytes of a known file
    assert graph(out) == fresh(tmp_path, corpus, "fresh")


def test_removing_and_changing_articles_gives_the_bytes_of_a_fresh_build_of_the_rest(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out)
    files = sorted(corpus.glob("*.txt"))
    files[0].unlink()
    files[1].write_text(files[1].read_text("utf-8") + "\n松溪社区党委举办读书节。\n", "utf-8")
    result = build([corpus], out)
    assert result.reused == 3
    assert graph(out) == fresh(tmp_path, corpus, "fresh")
    assert cached_articles(out) == 4  # the removed and the old version of the changed article are gone


def test_rebuild_ignores_the_cache(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out)
    before = graph(out)
    assert build([corpus], out, rebuild=True).reused == 0
    assert graph(out) == before


def test_moved_inputs_are_reused_and_reported_where_they_are_now(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out)
    moved = tmp_path / "moved"
    corpus.rename(moved)
    result = build([moved], out)
    assert result.reused == 5
    assert all(s.source.startswith(str(moved)) for s in result.report.articles)


def test_a_folder_of_the_caches_name_that_kg_did_not_make_is_left_alone(corpus, tmp_path):
    folder = tmp_path / ".out.kg-cache"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", "utf-8")
    result = build([corpus], tmp_path / "out")
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    assert any("not using the build cache" in w for w in result.report.warnings)
    assert build([corpus], tmp_path / "out").reused == 0


def test_an_input_inside_the_cache_is_refused(corpus, tmp_path):
    build([corpus], tmp_path / "out")
    with pytest.raises(OutputError, match="inside kg's build cache"):
        build([cache_dir(tmp_path / "out")], tmp_path / "out")


def test_options_that_change_the_results_change_the_fingerprint():
    assert fingerprint((("max_article_mb", "5"),)) != fingerprint((("max_article_mb", "0.1"),))
    assert fingerprint((("max_article_mb", "5"),)) == fingerprint((("max_article_mb", "5"),))


def test_the_cache_holds_data_only(corpus, tmp_path):
    # JSON and Turtle text, never a pickle: loading the cache can run no code.
    build([corpus], tmp_path / "out")
    with sqlite3.connect(cache_dir(tmp_path / "out") / DATABASE) as db:
        files = db.execute("SELECT items FROM files").fetchall()
        articles = db.execute("SELECT id, summary, facts, views, chunk, text FROM articles").fetchall()
    assert (len(files), len(articles)) == (5, 5)  # one row per seed file, one per article
    for (items,) in files:
        assert isinstance(json.loads(items), list)
    for article_id, summary, facts, views, chunk, text in articles:
        assert json.loads(summary)[0] == json.loads(facts)[0] == article_id
        assert isinstance(json.loads(views), list)
        assert chunk.decode("utf-8").startswith(f"article:{article_id} a kg:Article")  # Turtle, as UTF-8
        body_text, body = json.loads(text)
        assert isinstance(body_text, str) and all(0 <= start <= end <= len(body_text) for start, end in body)


def test_facts_and_summaries_come_back_from_the_cache_encoding_unchanged():
    from conftest import hand_built_facts, hand_built_summaries

    from kg.cache.codec import decode_facts, decode_summary, encode_facts, encode_summary, encode_view

    for facts in hand_built_facts().values():
        assert decode_facts(encode_facts(facts), encode_view(facts)) == facts
    for summary in hand_built_summaries():
        assert decode_summary(encode_summary(summary), summary.source) == summary


def test_an_article_read_back_for_the_views_has_its_sentences_mentions_and_relations_at_text_offsets():
    from conftest import hand_built_article, hand_built_facts

    from kg.cache.codec import ArticleText, decode_record, encode_summary, encode_text, encode_view
    from kg.model import summarise

    for article_id, facts in hand_built_facts().items():
        article = hand_built_article(article_id)
        summary = summarise(article)
        record = decode_record(encode_summary(summary), summary.source, encode_view(facts),
                               encode_text(ArticleText(article.text, article.body)))
        assert (record.summary, record.text, record.body) == (summary, article.text, article.body)
        assert facts.mentions and facts.relations  # the cases below are not empty
        for start, end in record.sentences:
            assert any(article.text[start:end] == s.text for s in facts.sentences)
        for (start, end, iri), mention in zip(record.mentions, facts.mentions, strict=True):
            assert (article.text[start:end], iri) == (mention.surface, mention.iri)
        stated = {(r.subject, r.predicate, r.object, facts.sentences[i].text) for r in facts.relations
                  for i in r.sentences}
        assert {(s, p, o, article.text[start:end]) for s, p, o, start, end in record.relations} == stated


def test_a_damaged_cache_file_is_started_again_and_the_build_succeeds(corpus, tmp_path):
    build([corpus], tmp_path / "out")
    (cache_dir(tmp_path / "out") / DATABASE).write_bytes(b"this is not a database" * 100)
    for leftover in cache_dir(tmp_path / "out").glob(f"{DATABASE}-*"):
        leftover.unlink()
    assert build([corpus], tmp_path / "out").reused == 0
    assert build([corpus], tmp_path / "out").reused == 5


def test_a_cache_of_an_older_layout_is_emptied_not_misread(corpus, tmp_path):
    folder = tmp_path / ".out.kg-cache"
    folder.mkdir()
    (folder / MANIFEST).write_text('{"generator": "kg"}', "utf-8")
    with sqlite3.connect(folder / DATABASE) as db:
        db.execute("CREATE TABLE articles (id TEXT, fingerprint TEXT, summary BLOB)")
    assert build([corpus], tmp_path / "out").reused == 0
    assert build([corpus], tmp_path / "out").reused == 5


def test_a_cache_of_the_compressed_layout_with_this_fingerprint_is_emptied_not_misread(corpus, tmp_path):
    # Layout 4 kept the chunks, mention spans and texts zlib-compressed under the same columns: read as they are
    # now (plain UTF-8), those rows would be garbage, so a cache of that layout must not be used at all.
    import zlib

    expected = fresh(tmp_path, corpus, "fresh")
    build([corpus], tmp_path / "out")
    with sqlite3.connect(cache_dir(tmp_path / "out") / DATABASE) as db:
        for column in ("views", "chunk", "text"):
            rows = db.execute(f"SELECT rowid, {column} FROM articles").fetchall()
            db.executemany(f"UPDATE articles SET {column} = ? WHERE rowid = ?",
                           [(zlib.compress(value if isinstance(value, bytes) else value.encode()), rowid)
                            for rowid, value in rows])
        db.execute("PRAGMA user_version = 4")
    assert build([corpus], tmp_path / "out").reused == 0
    assert graph(tmp_path / "out") == expected


def test_an_output_in_a_folder_that_does_not_exist_yet_gets_its_cache_too(corpus, tmp_path):
    out = tmp_path / "new" / "deeper" / "out"
    result = build([corpus], out)
    assert result.report.warnings == ()
    assert build([corpus], out).reused == 5


def store_triples(out: Path) -> set[str]:
    """Every quad of the output's store, with its graph (the measures are a named graph of their own)."""
    import pyoxigraph as ox

    store = ox.Store.read_only(str(out / "graph.oxigraph"))
    return {str(quad) for quad in store}


def edit_corpus(corpus: Path) -> tuple[str, str]:
    """Remove one article, change one, add one; return (the removed one's name, the changed one's)."""
    files = sorted(corpus.glob("*.txt"))
    files[0].unlink()
    files[1].write_text(files[1].read_text("utf-8") + "\n花园洞社区党委举办读书节。\n", "utf-8")
    (corpus / "new.txt").write_text("长沙市望城区高塘岭街道长家山社区党总支开展“邻里守望”活动。\n", "utf-8")
    return files[0].name, files[1].name


@pytest.mark.parametrize("small_change_bytes", [2_000_000, 0], ids=["added-in-a-transaction", "added-by-bulk-load"])
def test_a_rebuild_changes_the_last_store_to_exactly_the_triples_of_a_fresh_one(corpus, tmp_path, monkeypatch,
                                                                              small_change_bytes):
    import kg.pipeline
    import kg.rdf.export

    monkeypatch.setattr(kg.rdf.export, "SMALL_CHANGE_BYTES", small_change_bytes)
    seen = []
    views = kg.pipeline.write_views
    monkeypatch.setattr(kg.pipeline, "write_views", lambda tables, *rest: seen.append(tables) or views(tables, *rest))
    out = tmp_path / "out"
    first = build([corpus], out)
    before = {a.source.rsplit("/", 1)[-1]: a.id for a in first.report.articles}
    removed, changed = edit_corpus(corpus)
    result = build([corpus], out)
    after = {a.source.rsplit("/", 1)[-1]: a.id for a in result.report.articles}
    assert (first.store_changed, result.store_changed) == (False, True)
    fresh(tmp_path, corpus, "fresh")
    assert store_triples(out) == store_triples(tmp_path / "fresh")
    assert seen[0].changed is None  # a first build: nothing to compare with
    assert seen[1].changed == {after[changed], after["new.txt"]}
    assert seen[1].removed == {before[removed], before[changed]}


def test_the_store_a_rebuild_changes_is_the_caches_copy_without_the_measures(corpus, tmp_path):
    import pyoxigraph as ox

    from kg.cache import BASE_STORE
    from kg.rdf.export import MEASURES_GRAPH

    out = tmp_path / "out"
    build([corpus], out)
    base = ox.Store.read_only(str(cache_dir(out) / BASE_STORE))
    assert not base.contains_named_graph(ox.NamedNode(MEASURES_GRAPH))
    assert {str(q) for q in base} == {str(q) for q in ox.Store.read_only(str(out / "graph.oxigraph"))
                                      if q.graph_name == ox.DefaultGraph()}
    del base
    shutil.rmtree(out / "graph.oxigraph")  # the output's own store is not what the next build changes
    edit_corpus(corpus)
    assert build([corpus], out).store_changed
    fresh(tmp_path, corpus, "fresh")
    assert store_triples(out) == store_triples(tmp_path / "fresh")


@pytest.mark.parametrize("small_change_bytes", [2_000_000, 0], ids=["added-in-a-transaction", "added-by-bulk-load"])
def test_the_base_a_rebuild_leaves_is_its_store_without_the_measures_and_the_next_rebuild_changes_it(
        corpus, tmp_path, monkeypatch, small_change_bytes):
    # The next base is the rebuild's own store before the measures (a copy: kg.rdf.export.keep_base). Making it
    # by changing the last base a second time left the change in that store's log, which the next build's copy
    # of it, opened read-only, did not take: that build found a store short of triples and loaded it whole.
    import pyoxigraph as ox

    import kg.rdf.export
    from kg.cache import BASE_STORE

    monkeypatch.setattr(kg.rdf.export, "SMALL_CHANGE_BYTES", small_change_bytes)
    out = tmp_path / "out"
    build([corpus], out)
    edit_corpus(corpus)
    assert build([corpus], out).store_changed
    base = ox.Store.read_only(str(cache_dir(out) / BASE_STORE))
    assert {str(q) for q in base} == {str(q) for q in ox.Store.read_only(str(out / "graph.oxigraph"))
                                      if q.graph_name == ox.DefaultGraph()}
    del base
    (corpus / "newer.txt").write_text("长沙市望城区高塘岭街道高塘岭社区党委开展“红色课堂”活动。\n", "utf-8")
    sorted(corpus.glob("*.txt"))[2].unlink()
    assert build([corpus], out).store_changed
    fresh(tmp_path, corpus, "fresh")
    assert store_triples(out) == store_triples(tmp_path / "fresh")
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "fresh" / "graph.ttl").read_bytes()


def test_a_graph_edited_by_hand_is_not_trusted_and_the_store_is_loaded_afresh(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out)
    with open(out / "graph.ttl", "a", encoding="utf-8") as graph_file:
        graph_file.write("<https://example.org/x> <https://example.org/p> 1 .\n")
    edit_corpus(corpus)
    result = build([corpus], out)
    assert not result.store_changed
    assert graph(out) == fresh(tmp_path, corpus, "fresh")
    assert store_triples(out) == store_triples(tmp_path / "fresh")


def test_a_store_that_is_not_what_the_cache_says_is_replaced_by_a_full_load(corpus, tmp_path):
    import pyoxigraph as ox

    out = tmp_path / "out"
    build([corpus], out)
    store = ox.Store(str(out / "graph.oxigraph"))
    store.add(ox.Quad(ox.NamedNode("https://example.org/x"), ox.NamedNode("https://example.org/p"), ox.Literal("1")))
    del store
    edit_corpus(corpus)
    build([corpus], out)
    fresh(tmp_path, corpus, "fresh")
    assert store_triples(out) == store_triples(tmp_path / "fresh")  # the stray triple is gone


def test_a_damaged_store_is_replaced_by_a_full_load(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out)
    for path in (out / "graph.oxigraph").iterdir():
        if path.is_file():
            path.write_bytes(b"not a database")
    edit_corpus(corpus)
    build([corpus], out)
    fresh(tmp_path, corpus, "fresh")
    assert store_triples(out) == store_triples(tmp_path / "fresh")


def test_stored_summaries_give_back_each_summary_as_it_was_in_order():
    from kg.cache.summaries import StoredSummaries
    from kg.model import ArticleMetadata, ArticleSummary, DroppedLine

    summaries = [
        ArticleSummary(f"id{i}", source, ArticleMetadata(f"标题{i}", "2024-03-0%d" % (i + 1), None, None, ("记者",)),
                       f"hash{i}", 100 + i, "utf-8", "txt", (DroppedLine("首页 > 要闻", "navigation", 0, 6),) * i)
        for i, source in enumerate(['a/“引号”\n换行.txt', 'b.jsonl:3', '{"not": "json"}'])
    ]
    stored = StoredSummaries(iter(summaries))
    assert len(stored) == 3 and list(stored) == summaries and stored == summaries
    assert stored[-1] == summaries[2] and stored[1:] == tuple(summaries[1:])
    both = [(a.id, b.id) for a, b in zip(stored, stored)]  # two passes at once do not disturb each other
    assert both == [(s.id, s.id) for s in summaries]
    with pytest.raises(IndexError):
        stored[3]
    assert not StoredSummaries([])
    from kg.cache.codec import encode_summary

    # What a build gives it: the cache's encoding as it is, with where each was read.
    assert StoredSummaries(encoded=((s.source, encode_summary(s)) for s in summaries)) == summaries


def test_a_rebuild_writes_the_views_of_a_fresh_build(corpus, tmp_path, monkeypatch):
    import kg.pipeline

    seen = []
    views = kg.pipeline.write_views
    monkeypatch.setattr(kg.pipeline, "write_views", lambda tables, *rest: seen.append(tables) or views(tables, *rest))
    out = tmp_path / "out"
    build([corpus], out)
    edit_corpus(corpus)
    build([corpus], out)
    fresh(tmp_path, corpus, "fresh")
    assert [tables.replaces for tables in seen] == [None, out.resolve(), None]  # only a known output is reused
    files = lambda root: {p.relative_to(root): p.read_bytes() for p in root.rglob("*")
                          if p.is_file() and "graph.oxigraph" not in p.parts}
    assert files(out) == files(tmp_path / "fresh")


def test_a_new_cache_file_has_large_pages_and_one_made_with_small_pages_is_still_used(corpus, tmp_path):
    from kg.cache import PAGE_SIZE

    def page_size(out: Path) -> int:
        with sqlite3.connect(cache_dir(out) / DATABASE) as db:
            return db.execute("PRAGMA page_size").fetchone()[0]

    build([corpus], tmp_path / "new")
    assert page_size(tmp_path / "new") == PAGE_SIZE > 4096
    # A cache an earlier kg made (SQLite's default 4 KB pages): reused as it is, its pages unchanged.
    build([corpus], tmp_path / "old")
    with sqlite3.connect(cache_dir(tmp_path / "old") / DATABASE) as db:
        db.execute("PRAGMA journal_mode=DELETE")
        db.execute("PRAGMA page_size = 4096")
        db.execute("VACUUM")
    assert page_size(tmp_path / "old") == 4096
    assert build([corpus], tmp_path / "old").reused == 5
    assert page_size(tmp_path / "old") == 4096
    assert graph(tmp_path / "old") == graph(tmp_path / "new")


def test_a_block_whose_key_and_digest_the_last_graph_had_is_its_text_and_the_rest_are_new_or_gone(tmp_path):
    from kg.cache import BuildCache

    cache = BuildCache(tmp_path / DATABASE, "print")
    made = []

    def block(key: str, digest: bytes, text: str) -> str:
        return cache.block(key, digest, lambda: (made.append(key) or text, 1))[0]

    cache.start_blocks(afresh=True)
    assert [block(k, d, t) for k, d, t in [("1\x1fa", b"1", "A ."), ("1\x1fb", b"1", "B ."), ("2\x1fc", b"1", "C .")]] \
        == ["A .", "B .", "C ."]
    cache.end_blocks()
    made.clear()
    cache.start_blocks(afresh=False)
    # a kept with its digest (the last text, not made), b changed, c gone, an entity's key before and after a
    # new one; "1\x1f" sorts before "1\x1fa", "1\x1fab" after it (keys are compared as UTF-8 bytes).
    shown = [block(k, d, t) for k, d, t in
             [("1\x1f", b"1", "N ."), ("1\x1fa", b"1", "A2 ."), ("1\x1fab", b"1", "M ."), ("1\x1fb", b"2", "B2 .")]]
    assert shown == ["N .", "A .", "M .", "B2 ."]
    assert made == ["1\x1f", "1\x1fab", "1\x1fb"]
    assert list(cache.new_blocks()) == ["N .", "M .", "B2 ."]
    assert list(cache.gone_blocks()) == ["B .", "C ."]
    cache.end_blocks()
    assert [row[0] for row in cache.db.execute("SELECT text FROM blocks ORDER BY key")] == ["N .", "A .", "M .", "B2 ."]
    made.clear()
    cache.start_blocks(afresh=False)
    assert block("1\x1fa", b"1", "A3 .") == "A ." and made == []
    assert list(cache.new_blocks()) == [] and list(cache.gone_blocks()) == ["N .", "M .", "B2 ."]
    cache.close(keep=True)


def test_a_rebuild_after_labels_rules_and_memberships_change_writes_a_fresh_builds_graph(corpus, tmp_path):
    # Blocks are taken from the last graph by their key and a digest of what they are made from: an entity
    # whose label or relations change, a relation found by another rule, a membership gone must all be made again.
    out = tmp_path / "out"
    build([corpus], out)
    files = sorted(corpus.glob("*.txt"))
    for path in files[:3]:
        path.write_text(path.read_text("utf-8").replace("社区", "社区居委会", 2), "utf-8")
    files[3].unlink()
    result = build([corpus], out)
    assert result.store_changed
    assert graph(out) == fresh(tmp_path, corpus, "fresh")
    assert store_triples(out) == store_triples(tmp_path / "fresh")


def counted_full_reads(monkeypatch) -> list[int]:
    """How many articles' facts each build reads back for a full resolve (CorpusTables.add_encoded calls)."""
    from kg.resolve.corpus import CorpusTables

    monkeypatch.setattr("kg.pipeline.PATCH_SHARE", 1.0)  # the five seeds: four of them change here
    calls = [0]
    original = CorpusTables.add_encoded

    def counting(self, text):
        calls[0] += 1
        return original(self, text)

    monkeypatch.setattr(CorpusTables, "add_encoded", counting)
    return calls


def test_a_rebuild_merges_again_only_what_its_changed_articles_observe_and_resolves_as_a_fresh_build(
        corpus, tmp_path, monkeypatch):
    # The corpus the last resolve made is patched: the entities and relations the removed, changed and added
    # articles observe are merged again from the kept observations, the rest are the last records. Leaving
    # the patch out (the last corpus as it was) gives other labels, counts and relations than a fresh build.
    out = tmp_path / "out"
    build([corpus], out)
    reads = counted_full_reads(monkeypatch)
    edit_corpus(corpus)
    rebuilt = build([corpus], out)
    assert reads[0] == 0  # no article's facts were read back to resolve the whole corpus again
    expected = build([corpus], tmp_path / "fresh")
    assert rebuilt.corpus == expected.corpus
    assert graph(out) == graph(tmp_path / "fresh")
    # And again after that: the kept corpus is the patched one.
    files = sorted(corpus.glob("*.txt"))
    files[-1].unlink()
    (corpus / "later.txt").write_text("长沙市望城区高塘岭街道长家山社区党总支书记李明主持召开会议。\n", "utf-8")
    again = build([corpus], out)
    assert reads[0] == 0
    assert again.corpus == build([corpus], tmp_path / "fresh2").corpus
    assert graph(out) == graph(tmp_path / "fresh2")


def test_a_kept_corpus_that_cannot_be_read_or_observations_changed_by_hand_mean_a_full_resolve(corpus, tmp_path,
                                                                                              monkeypatch):
    out = tmp_path / "out"
    build([corpus], out)
    reads = counted_full_reads(monkeypatch)
    with sqlite3.connect(cache_dir(out) / DATABASE) as db:
        # The same length (so the figures kept hold) but no JSON: the corpus cannot be read.
        db.execute("UPDATE resolved_parts SET data = 'x' || substr(data, 2) WHERE kind = 'entities'")
    edit_corpus(corpus)
    assert build([corpus], out).corpus == build([corpus], tmp_path / "fresh").corpus
    assert reads[0] > 0
    assert graph(out) == graph(tmp_path / "fresh")
    reads[0] = 0
    with sqlite3.connect(cache_dir(out) / DATABASE) as db:
        db.execute("DELETE FROM observed_entities WHERE rowid IN (SELECT rowid FROM observed_entities LIMIT 3)")
    (corpus / "new.txt").unlink()
    assert build([corpus], out).corpus == build([corpus], tmp_path / "fresh2").corpus
    assert reads[0] > 0  # the rows are not what the kept corpus was made from: all read again
    assert graph(out) == graph(tmp_path / "fresh2")
    reads[0] = 0
    with sqlite3.connect(cache_dir(out) / DATABASE) as db:
        db.execute("DELETE FROM resolved_parts WHERE kind = 'relations'")  # a corpus without its relations
    (corpus / "new.txt").write_text("长沙市望城区高塘岭街道长家山社区党总支开展“邻里守望”活动。\n", "utf-8")
    assert build([corpus], out).corpus == build([corpus], tmp_path / "fresh3").corpus
    assert reads[0] > 0


def test_a_shard_a_rebuild_reuses_is_the_last_builds_file_linked_and_a_symbolic_link_is_not_followed(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out)
    data = out / "views" / "data"
    inodes = {p.name: p.stat().st_ino for p in data.glob("*.js")}
    planted = tmp_path / "elsewhere.js"
    linked_name = sorted(name for name in inodes if name.startswith("e-"))[0]
    planted.write_bytes((data / linked_name).read_bytes())  # the same bytes: the listed hash still holds
    (data / linked_name).unlink()
    (data / linked_name).symlink_to(planted)
    build([corpus], out)  # nothing changed: every shard but the core is the last build's
    after = {p.name: p.stat().st_ino for p in data.glob("*.js")}
    kept = {name for name in inodes if after.get(name) == inodes[name]}
    assert kept == set(inodes) - {"core.js", linked_name}
    assert not (data / linked_name).is_symlink() and after[linked_name] != planted.stat().st_ino
    assert (data / linked_name).read_bytes() == planted.read_bytes()


def test_the_cache_encoder_writes_what_json_writes():
    # the encoder made once (``codec._dumps``) against the library's own, on every kind of value the rows hold
    from kg.cache import codec

    values = ["", "社区", 'a"b\\c\n\t\x00', "\ud800 lone", 0, -7, 2**70, 1.5, float("nan"), float("inf"), True, False,
              None, [], {}, (1, "二"), [["花园洞社区", 3], ("x", None)], {"键": [1, {"b": 2, "a": 1}], "1": 2}]
    for value in values + [values]:
        assert codec._dumps(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))
