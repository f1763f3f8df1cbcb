"""Export stage: graph.ttl written section by section, the Oxigraph store loaded or changed, and reading back.

``write_graph`` writes the prefixes, the description, the ontology, the
corpus-wide sections and then every article's chunk in article-id order,
straight to disk: the graph is never held in memory, and the bytes depend
only on the articles (not on input order, nor on whether chunks came from
the cache). The on-disk Oxigraph store (``graph.oxigraph/``), which
``kg query`` and ``kg serve`` open, gets the same triples: on a first build
(or ``--rebuild``) the text is bulk-loaded batch by batch as it is written;
on a rebuild into the same --out, the build cache's copy of the last store
(taken before the measures were added) is copied by hard links and only the
blocks and chunks that differ are removed and added (``PreviousGraph``),
then its count is checked against graph.ttl's.
``write_extra_format`` dumps N-Triples or JSON-LD from the store when asked.

Why graph.ttl is written by kg and loaded into the store, not dumped from
it: the store's own dump is deterministic but costs about 8 µs per triple
(measured on this machine: 2.3 s for 300,000 triples), it would lose the
sections and their headings, and the chunks are already written and cached;
both give the same triples, and a test checks it. Loading is the store's
cost: 5 to 12 µs per triple in batches of 4 to 12 million bytes (1.0 M to
1.5 M triples), more per triple as the store grows (RocksDB compacts it
after every ingest: docs/build.md); one load of everything is a little
cheaper but holds about 1.3 KB per triple, smaller batches cost more.
"""
from __future__ import annotations

import hashlib
import shutil
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pyoxigraph as ox

from kg.errors import GraphFileError, InputError
from kg.graphfiles import GRAPH_FILE, STORE_DIR, checked_graph_file, graph_file  # noqa: F401 - re-exported
from kg.model import ResolvedCorpus
from kg.rdf.description import DatasetCounts, description_section, ontology_section
from kg.rdf.graph import (
    NodeMeasures,
    digest_of,
    entity_section,
    made,
    measure_section,
    membership_section,
    statement_section,
)
from kg.rdf import iri
from kg.rdf.iri import DATA_PREFIXES
from kg.rdf.trig import write_trig
from kg.rdf.turtle import Names
from kg.rdf.terms import STANDARD_PREFIXES, ontology_dir

if TYPE_CHECKING:
    from rdflib import Graph

RDF_FORMATS = {"turtle": None, "nt": "graph.nt", "json-ld": "graph.jsonld", "trig": "graph.trig"}
PREFIXES = {**STANDARD_PREFIXES, **DATA_PREFIXES}
ARTICLES_HEADING = "\n# Articles: each article's node, its sentences, mentions and the statements they support\n"
_PREFIX_OF = {namespace: prefix for prefix, namespace in PREFIXES.items()}


@dataclass(frozen=True)
class ChunkTotals:
    """The articles' chunks (an iterable of UTF-8 Turtle, read once) and what they hold."""

    texts: Iterable[bytes]
    articles: int
    triples: int
    sentences: int
    mentions: int


@dataclass(frozen=True)
class AnalysisFacts:
    """What the description says of the analysis."""

    betweenness_sample: int | None
    seed: int | None


def compact_iri(iri: str) -> str:
    """``kg:Community`` for a known namespace, else the IRI as it is (for people to read)."""
    cut = max(iri.rfind("/"), iri.rfind("#")) + 1
    prefix = _PREFIX_OF.get(iri[:cut])
    return f"{prefix}:{iri[cut:]}" if prefix else iri


def data_names() -> Names:
    """A fresh cache of written names with every prefix graph.ttl declares."""
    return Names(PREFIXES)


class StoreLoader:
    """Loads Turtle (UTF-8 bytes) into a new on-disk Oxigraph store in batches, as graph.ttl is written.

    One bulk load of a whole graph holds about 1.3 KB per triple in memory
    (1.7 GB at 1.3 million triples, measured here); a batch of 12 million
    bytes of Turtle (about 200,000 triples) adds about 150 MB while it loads,
    whatever the corpus. RocksDB compacts the store whenever two ingested
    batches wait (pyoxigraph opens it with level-style compaction), rewriting
    what is loaded so far, so fewer batches cost less: loading c5000's
    graph.ttl, its compaction threads took 4.5 s of CPU with batches of 4
    million bytes and 2.9 s with 8 (the whole load 10.2 -> 9.3 s); with 12 the
    load took 6.22-6.45 s against 6.84-7.12 s with 8 (247 -> 314 MB for the
    load alone; 16 million: 397 MB and no cheaper). Every batch is whole subject blocks with the prefixes in
    front, so each parses alone. Bytes, not text:
    the articles' chunks come from the cache as UTF-8 and go to graph.ttl and
    here without being decoded and encoded again.
    """

    BATCH_BYTES = 12_000_000

    def __init__(self, store: Path | ox.Store, header: str, to_graph: ox.NamedNode | None = None):
        self.store = store if isinstance(store, ox.Store) else ox.Store(str(store))
        self.header = header.encode("utf-8")
        self.to_graph = to_graph  # None: the default graph
        self.pending: list[bytes] = []
        self.size = 0

    def add(self, text: str) -> None:
        self.add_bytes(text.encode("utf-8"))

    def add_bytes(self, data: bytes) -> None:
        self.pending.append(data)
        self.size += len(data)
        if self.size >= self.BATCH_BYTES:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            data = self.header + b"".join(self.pending)
            self.pending, self.size = [], 0
            if self.to_graph is None:
                self.store.bulk_load(input=data, format=ox.RdfFormat.TURTLE)
            else:
                self.store.bulk_load(input=data, format=ox.RdfFormat.TURTLE, to_graph=self.to_graph)

    def finish(self) -> ox.Store:
        """Load what is left; the store, open, for whoever adds to it next."""
        self.flush()
        self.store.flush()
        store = self.store
        del self.store
        return store

    def close(self) -> int:
        """Load what is left, close the database, and return how many triples it holds."""
        store = self.finish()
        count = len(store)
        del store  # closes the database: the folder is complete and can be moved into place
        return count


def load_store(store_dir: Path, graph_path: Path, to_graph: ox.NamedNode | None = None) -> int:
    """Load a Turtle file kg wrote (graph.ttl) into an on-disk Oxigraph store, in batches; return its quad count."""
    return feed_file(StoreLoader(store_dir, "", to_graph), graph_path).close()


def feed_file(loader: StoreLoader, graph_path: Path) -> StoreLoader:
    """Hand a Turtle file kg wrote to ``loader`` in batches, its prefixes in front of each."""
    with open(graph_path, "rb") as graph:
        lines = iter(graph)
        header = []
        for line in lines:
            if not line.startswith(b"@prefix"):
                header_done = line
                break
            header.append(line)
        else:
            header_done = b""
        loader.header = b"".join(header)
        loader.add_bytes(header_done)
        feed_lines(loader, lines)
    return loader


def feed_lines(loader: StoreLoader, lines: Iterable[bytes]) -> None:
    """Hand Turtle kg wrote (lines of UTF-8) to ``loader`` in batches that end between statements.

    kg's Turtle ends every statement with " ." at the end of a line (literals
    never hold a raw line break), so a batch may end after any such line.
    """
    batch: list[bytes] = []
    size = 0
    for line in lines:
        batch.append(line)
        size += len(line)
        if size >= StoreLoader.BATCH_BYTES and line.endswith(b" .\n"):
            loader.add_bytes(b"".join(batch))
            batch, size = [], 0
    loader.add_bytes(b"".join(batch))


def write_extra_format(store_dir: Path, out_dir: Path, rdf_format: str) -> None:
    """graph.nt or graph.jsonld beside graph.ttl, dumped from the store (its order is deterministic)."""
    if rdf_format not in RDF_FORMATS:
        raise InputError(f"unknown graph format {rdf_format!r}: use one of {', '.join(RDF_FORMATS)}")
    file = RDF_FORMATS[rdf_format]
    if file is None:
        return
    if rdf_format == "trig":  # one named graph per article
        write_trig(store_dir, out_dir / file, PREFIXES)
        return
    store = ox.Store.read_only(str(store_dir))
    fmt = ox.RdfFormat.N_TRIPLES if rdf_format == "nt" else ox.RdfFormat.JSON_LD
    prefixes = PREFIXES if rdf_format == "json-ld" else None
    store.dump(str(out_dir / file), fmt, from_graph=ox.DefaultGraph(), prefixes=prefixes)
    del store


def load_ontology() -> Graph:
    """ontology/kg.ttl as an rdflib graph."""
    from rdflib import Graph  # for the tools: a build writes text and never loads rdflib

    return Graph().parse(ontology_dir() / "kg.ttl", format="turtle")


def load_graph(out_dir: Path) -> Graph:
    """The graph built in ``out_dir``, as an rdflib graph; ``GraphFileError`` when it is unusable."""
    from rdflib import Graph  # for the tools: a build writes text and never loads rdflib

    path = checked_graph_file(out_dir)
    try:
        graph = Graph().parse(path, format="turtle")
    except Exception as error:  # noqa: BLE001 - rdflib raises many kinds on bad syntax or bytes
        message = " ".join(str(error).split())[:200] or type(error).__name__
        raise GraphFileError(
            f"{path} is not readable Turtle ({type(error).__name__}: {message}): "
            f"rebuild it with `kg build INPUT... --out {out_dir}`"
        ) from None
    if not len(graph):
        raise GraphFileError(f"{path} holds no triples: rebuild it with `kg build INPUT... --out {out_dir}`")
    return graph


# ------------------------------------------------------------ the whole file
class BlockLedger(Protocol):
    """Remembers the corpus-wide blocks of the last graph written (``kg.cache.BuildCache`` is one)."""

    def start_blocks(self, afresh: bool) -> None: ...  # afresh: nothing will ask what the last graph had
    # (text, triples) of the block ``key`` made from what ``digest`` hashes: the last graph's, or ``make()``'s
    def block(self, key: str, digest: bytes, make: Callable[[], tuple[str, int]]) -> tuple[str, int]: ...
    def new_blocks(self) -> Iterable[str]: ...  # blocks made that the last graph lacked (new or changed)
    def gone_blocks(self) -> Iterable[str]: ...  # blocks of the last graph this one lacks (gone or changed)
    def end_blocks(self) -> None: ...  # the blocks seen are the last graph's from now on


@dataclass(frozen=True)
class PreviousGraph:
    """The last build's store, which an incremental export copies and changes instead of loading afresh.

    Its triples must be those of the blocks the ``BlockLedger`` holds plus the
    chunks of the last build's articles; the export checks the count at the
    end and loads the store from graph.ttl when it differs.
    """

    store_dir: Path  # not the output's store, which has the measures too: the cache's base store
    added_chunks: Callable[[], Iterable[bytes]]  # chunks (UTF-8) of the articles the last graph lacked
    removed_chunks: Callable[[], Iterable[bytes]]  # chunks of the articles it had and this one lacks


def write_graph(
    out_dir: Path,
    corpus: ResolvedCorpus,
    measures: Iterable[NodeMeasures],
    chunks: ChunkTotals,
    analysis: AnalysisFacts,
    ledger: BlockLedger | None = None,
    previous: PreviousGraph | None = None,
    base_to: Path | None = None,
) -> GraphWritten:
    """graph.ttl and graph.oxigraph/ in ``out_dir``; return the store's triple count and graph.ttl's SHA-256.

    graph.ttl is the prefixes, the dataset description, the ontology, the
    corpus-wide sections and the articles' chunks (``chunks``, in article-id
    order). The corpus-wide blocks go to a scratch file on disk as they are
    made; the description, which counts them all (the chunks' totals are
    known beforehand), is written in front of them, then the chunks follow as
    they are read, bytes from the cache to graph.ttl and the store. Nothing
    but the description is held in memory.

    The store: without ``previous``, every block is loaded into a new one as
    it is written. With ``previous`` (and a ``ledger`` of the last graph's
    blocks), the last store is copied (hard links, ``Store.backup``), the
    triples of its blocks and chunks this graph lacks are removed, and only
    the new ones are loaded: a rebuild after a few articles changed touches
    the measures and what those articles say, not the whole graph.
    ``base_to``: where to keep a copy of the store as it is before the
    measures are added (hard links), the next build's ``previous``.
    """
    names = data_names()
    header = names.header()
    store_dir = out_dir / STORE_DIR
    loader = StoreLoader(store_dir, header) if previous is None else None
    sections_path = out_dir / f".{GRAPH_FILE}.sections"
    memo = made
    if ledger is not None:
        ledger.start_blocks(afresh=previous is None)
        memo = ledger.block

    def emit(text: str, to: Callable[[str], object] | None = None) -> None:
        if to is not None:
            to(text)
        if loader is not None:
            loader.add(text)

    # Every block has a key, in increasing order (kg.rdf.graph.Memo): the ontology's "0", then the sections'
    # ("1…" to "4…"), then the description's parts ("5…"). A block whose key and digest the last graph had is
    # its text as it was, not made again; the ledger keeps what changed for the store.
    with open(sections_path, "w", encoding="utf-8", newline="\n") as sections_file:
        ontology = ontology_section(tuple(PREFIXES.items()))
        emit(memo("0", b"", lambda: (ontology.text(), ontology.triples))[0], sections_file.write)
        sections = [
            section(corpus, names, partial(emit, to=sections_file.write), memo)
            for section in (entity_section, statement_section, membership_section)
        ]
    # The chunks' totals are known before they are read: the description, which counts everything, is made
    # now, and graph.ttl is written front to back with the chunks going straight from the cache to it.
    counts = DatasetCounts(
        triples=ontology.triples + sum(s.triples for s in sections) + chunks.triples,
        classes=class_counts(corpus, chunks),
        entities=len(corpus.entities),
        betweenness_sample=analysis.betweenness_sample,
        seed=analysis.seed,
    )
    description = description_section(counts, names)
    for i, text in enumerate(description.parts):  # (its counts change with every corpus: the digest is the text)
        emit(memo(f"5\x1f{i:06d}", digest_of(text), lambda: (text, 0))[0])
    digest = hashlib.sha256()
    with open(out_dir / GRAPH_FILE, "wb") as out, open(sections_path, "rb") as sections_file:

        def put(data: bytes) -> None:
            out.write(data)
            digest.update(data)

        put(header.encode("utf-8"))
        put(description.text().encode("utf-8"))
        while piece := sections_file.read(1 << 20):
            put(piece)
        put(ARTICLES_HEADING.encode("utf-8"))
        for chunk in chunks.texts:
            put(b"\n")
            put(chunk)
            if loader is not None:
                loader.add_bytes(chunk)
    sections_path.unlink()
    expected = counts.triples + description.triples
    store = None
    changed = False  # whether the store is the last one changed (not loaded afresh)
    if loader is not None:
        store = loader.finish()
        # A new store holds exactly graph.ttl's triples, which no two blocks or chunks repeat (the description
        # counts them; tests check both counts against the store's): counting the store again cost 0.5 s at
        # 5,000 articles. A changed store (below) is counted, since it may not be what the cache says.
        triples = expected
    else:
        try:
            store = change_store(previous, store_dir, header, ledger)
            triples = len(store)
        except (OSError, RuntimeError, ValueError, SyntaxError):  # RocksDB reports a damaged store as RuntimeError
            triples = -1  # the last store cannot be opened or read
        changed = triples == expected
        if not changed:  # the last store was not what the cache says: load this graph whole
            store = None  # closes it
            shutil.rmtree(store_dir, ignore_errors=True)
            store = feed_file(StoreLoader(store_dir, header), out_dir / GRAPH_FILE).finish()
            triples = len(store)
    if base_to is not None:
        keep_base(store, base_to)
    write_measures(out_dir, measures, names, header, store)
    del store  # closes the database: the folder is complete and can be moved into place
    if ledger is not None:
        ledger.end_blocks()
    return GraphWritten(triples, digest.hexdigest(), changed)


def keep_base(store: ox.Store, base_to: Path) -> None:
    """A copy of ``store`` (hard links) at ``base_to``, the next build's base; none when it cannot be made."""
    shutil.rmtree(base_to, ignore_errors=True)
    try:
        store.backup(str(base_to))
    except OSError:  # no room for it: the next build loads its store whole, as a first build does
        shutil.rmtree(base_to, ignore_errors=True)


MEASURES_FILE = "analysis.ttl"
# The store's named graph of the network measures (the default graph is graph.ttl).
MEASURES_GRAPH = iri.dataset_iri("network-measures")


def write_measures(out_dir: Path, measures: Iterable[NodeMeasures], names: Names, header: str, store: ox.Store) -> None:
    """analysis.ttl, and the same triples in the store's named graph ``MEASURES_GRAPH``.

    The measures are the analysis of one build's network, not facts any article
    states: they change whenever the corpus does, and graph.ttl keeps to what
    was read (and to what the gazetteer says). ``kg query`` and ``kg serve``
    see them, since they query the union of the store's graphs.
    """
    path = out_dir / MEASURES_FILE
    # The store holds no measures here: a new one never had them, and the base store a rebuild changes has none.
    loader = StoreLoader(store, header, ox.NamedNode(MEASURES_GRAPH))
    pending: list[str] = []
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(header)

        def put() -> None:  # blocks to the file and the store a few thousand at a time: the text is not read back
            text = "".join(pending)
            pending.clear()
            out.write(text)
            loader.add(text)

        def write(text: str) -> None:
            pending.append(text)
            if len(pending) >= 4096:
                put()

        measure_section(measures, names, write)
        put()
    loader.finish()


@dataclass(frozen=True)
class GraphWritten:
    triples: int  # in the store
    sha256: str  # of graph.ttl
    changed: bool = False  # the store is the last one changed, not loaded afresh


SMALL_CHANGE_BYTES = 2_000_000  # added to a changed store in one transaction (about 35,000 triples), not bulk-loaded


def change_store(previous: PreviousGraph, store_dir: Path, header: str, ledger: BlockLedger) -> ox.Store:
    """The last store, copied to ``store_dir``, less the gone blocks and chunks, plus the new ones; open.

    Removal comes first, so a triple both in a gone block and in its new
    version (an entity whose label changed keeps its class) stays.
    """
    ox.Store.read_only(str(previous.store_dir)).backup(str(store_dir))
    store = ox.Store(str(store_dir))
    prefixes = header.encode("utf-8")
    batch: list[bytes] = []
    size = 0

    def remove() -> None:
        for quad in ox.parse(input=prefixes + b"".join(batch), format=ox.RdfFormat.TURTLE):
            store.remove(quad)

    for data in chain((text.encode("utf-8") for text in ledger.gone_blocks()), previous.removed_chunks()):
        batch.append(data)
        size += len(data)
        if size >= StoreLoader.BATCH_BYTES:
            remove()
            batch, size = [], 0
    remove()
    added = [*(text.encode("utf-8") for text in ledger.new_blocks()), *previous.added_chunks()]
    if sum(map(len, added)) < SMALL_CHANGE_BYTES:
        # A few articles' worth: inserted in one transaction. A bulk load writes files that RocksDB then
        # compacts with the whole store (0.1-0.2 s of CPU at 1,000 articles, whatever the few triples).
        store.load(input=prefixes + b"".join(added), format=ox.RdfFormat.TURTLE)
        return store
    loader = StoreLoader(store, header)
    for data in added:
        loader.add_bytes(data)
    return loader.finish()


def class_counts(corpus: ResolvedCorpus, chunks: ChunkTotals) -> dict[str, int]:
    classes = Counter(f"kg:{entity.fine_class}" for entity in corpus.entities)
    classes.update({
        "kg:Article": chunks.articles,
        "kg:Sentence": chunks.sentences,
        "kg:Mention": chunks.mentions,
        "kg:RelationStatement": len(corpus.relations),
        "org:Membership": len(corpus.memberships),
        "org:Role": len({m.role for m in corpus.memberships}),
    })
    return {cls: n for cls, n in classes.items() if n}
