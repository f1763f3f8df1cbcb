"""Export stage: graph.ttl written section by section, the Oxigraph store loaded from it, and reading back.

``write_graph`` writes the prefixes, the description, the ontology, the
corpus-wide sections and then every article's chunk in article-id order,
straight to disk: the graph is never held in memory, and the bytes depend
only on the articles (not on input order, nor on whether chunks came from
the cache). The same text is loaded, batch by batch as it is written, into
an on-disk Oxigraph store (``graph.oxigraph/``), which ``kg query`` and
``kg serve`` open;
``write_extra_format`` dumps N-Triples or JSON-LD from that store when asked.

Why graph.ttl is written by kg and loaded into the store, not dumped from
it: the store's own dump is deterministic but costs about 8 µs per triple
(measured on this machine: 2.4 s for 300,000 triples, on top of 1.4 s to
load them), while writing the sections costs a fraction of that and the
chunks are cached; both give the same triples, and a test checks it.
"""
from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import GraphFileError, GraphNotFoundError, InputError
from kg.model import ResolvedCorpus
from kg.rdf.description import DatasetCounts, description_section, ontology_section
from kg.rdf.graph import NodeMeasures, entity_section, measure_section, membership_section, statement_section
from kg.rdf.iri import DATA_PREFIXES
from kg.rdf.turtle import Names
from kg.rdf.vocab import STANDARD_PREFIXES, ontology_dir

GRAPH_FILE = "graph.ttl"
STORE_DIR = "graph.oxigraph"
RDF_FORMATS = {"turtle": None, "nt": "graph.nt", "json-ld": "graph.jsonld"}
PREFIXES = {**STANDARD_PREFIXES, **DATA_PREFIXES}
ARTICLES_HEADING = "\n# Articles: each article's node, its sentences, mentions and the statements they support\n"
_PREFIX_OF = {namespace: prefix for prefix, namespace in PREFIXES.items()}


@dataclass(frozen=True)
class ChunkTotals:
    """The articles' chunks (an iterable, read once) and what they hold."""

    texts: Iterable[str]
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
    """Loads Turtle text into a new on-disk Oxigraph store in batches, as graph.ttl is written.

    One bulk load of a whole graph holds about 1.3 KB per triple in memory
    (1.7 GB at 1.3 million triples, measured here); batches of 4 million
    characters of Turtle (about 60,000 triples) hold about 100 MB whatever the
    corpus, for some 15 % more CPU than one load. Every batch is whole subject
    blocks with the prefixes in front, so each parses alone.
    """

    BATCH_CHARS = 4_000_000

    def __init__(self, store_dir: Path, header: str):
        self.store = ox.Store(str(store_dir))
        self.header = header
        self.pending: list[str] = []
        self.size = 0

    def add(self, text: str) -> None:
        self.pending.append(text)
        self.size += len(text)
        if self.size >= self.BATCH_CHARS:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            text = self.header + "".join(self.pending)
            self.store.bulk_load(input=text.encode("utf-8"), format=ox.RdfFormat.TURTLE)
            self.pending, self.size = [], 0

    def close(self) -> int:
        """Load what is left, close the database, and return how many triples it holds."""
        self.flush()
        self.store.flush()
        count = len(self.store)
        del self.store  # closes the database: the folder is complete and can be moved into place
        return count


def load_store(store_dir: Path, graph_path: Path) -> int:
    """Load a graph.ttl kg wrote into a new on-disk Oxigraph store, in batches; return its triple count.

    kg's Turtle has its prefixes first and ends every statement with " ." at
    the end of a line (literals never hold a raw line break), so a batch may
    end after any such line.
    """
    with open(graph_path, encoding="utf-8") as graph:
        lines = iter(graph)
        header = []
        for line in lines:
            if not line.startswith("@prefix"):
                break
            header.append(line)
        loader = StoreLoader(store_dir, "".join(header))
        batch: list[str] = [line]
        size = len(line)
        for line in lines:
            batch.append(line)
            size += len(line)
            if size >= StoreLoader.BATCH_CHARS and line.endswith(" .\n"):
                loader.add("".join(batch))
                batch, size = [], 0
        loader.add("".join(batch))
    return loader.close()


def write_extra_format(store_dir: Path, out_dir: Path, rdf_format: str) -> None:
    """graph.nt or graph.jsonld beside graph.ttl, dumped from the store (its order is deterministic)."""
    if rdf_format not in RDF_FORMATS:
        raise InputError(f"unknown graph format {rdf_format!r}: use one of {', '.join(RDF_FORMATS)}")
    file = RDF_FORMATS[rdf_format]
    if file is None:
        return
    store = ox.Store.read_only(str(store_dir))
    fmt = ox.RdfFormat.N_TRIPLES if rdf_format == "nt" else ox.RdfFormat.JSON_LD
    prefixes = PREFIXES if rdf_format == "json-ld" else None
    store.dump(str(out_dir / file), fmt, from_graph=ox.DefaultGraph(), prefixes=prefixes)
    del store


def load_ontology() -> Graph:
    """ontology/kg.ttl as an rdflib graph."""
    return Graph().parse(ontology_dir() / "kg.ttl", format="turtle")


def graph_file(out_dir: Path) -> Path:
    """The path of the built graph in ``out_dir``; raises GraphNotFoundError when there is none."""
    path = Path(out_dir) / GRAPH_FILE
    if not path.is_file():
        raise GraphNotFoundError(f"no graph in {out_dir}: run `kg build INPUT... --out {out_dir}` first")
    return path


def checked_graph_file(out_dir: Path) -> Path:
    """``graph_file(out_dir)``, once it is known to be a non-empty UTF-8 text file.

    Raises ``GraphFileError`` naming the file and what to do: an empty,
    binary or UTF-16 file would otherwise surface as a parser traceback, or
    as an empty graph that trivially "conforms".
    """
    path = graph_file(out_dir)
    rebuild = f"rebuild it with `kg build INPUT... --out {out_dir}`"
    try:
        with open(path, "rb") as handle:
            head = handle.read(1 << 16)
    except OSError as error:
        raise GraphFileError(f"cannot read {path}: {error.strerror or error}") from None
    if not head.strip():
        raise GraphFileError(f"{path} is empty: {rebuild}")
    if b"\x00" in head:
        raise GraphFileError(f"{path} is not a Turtle file (binary or UTF-16 data): {rebuild}")
    try:
        head.decode("utf-8", errors="strict")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # not merely a character cut by the 64 KiB read
            raise GraphFileError(f"{path} is not UTF-8 text (byte {error.start}): {rebuild}") from None
    return path


def load_graph(out_dir: Path) -> Graph:
    """The graph built in ``out_dir``, as an rdflib graph; ``GraphFileError`` when it is unusable."""
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
def write_graph(
    out_dir: Path,
    corpus: ResolvedCorpus,
    measures: Iterable[NodeMeasures],
    chunks: ChunkTotals,
    analysis: AnalysisFacts,
) -> int:
    """graph.ttl and graph.oxigraph/ in ``out_dir``; return the number of triples (the store's count).

    graph.ttl is the prefixes, the dataset description, the ontology, the
    corpus-wide sections and the articles' chunks (``chunks``, in article-id
    order). Every block goes to the store as it is made and to a body file on
    disk; the description, which counts them all, is written in front of the
    body at the end. Nothing but the description is held in memory.
    """
    names = data_names()
    header = names.header()
    loader = StoreLoader(out_dir / STORE_DIR, header)
    body_path = out_dir / f".{GRAPH_FILE}.body"
    with open(body_path, "w", encoding="utf-8", newline="\n") as body:

        def emit(text: str) -> None:
            body.write(text)
            loader.add(text)

        ontology = ontology_section(tuple(PREFIXES.items()))
        emit(ontology.text())
        sections = [
            entity_section(corpus, names, emit),
            statement_section(corpus, names, emit),
            membership_section(corpus, names, emit),
            measure_section(measures, names, emit),
        ]
        emit(ARTICLES_HEADING)
        for chunk in chunks.texts:
            emit("\n")
            emit(chunk)
    counts = DatasetCounts(
        triples=ontology.triples + sum(s.triples for s in sections) + chunks.triples,
        classes=class_counts(corpus, chunks),
        entities=len(corpus.entities),
        betweenness_sample=analysis.betweenness_sample,
        seed=analysis.seed,
    )
    description = description_section(counts, names).text()
    loader.add(description)
    with open(out_dir / GRAPH_FILE, "w", encoding="utf-8", newline="\n") as out, \
            open(body_path, encoding="utf-8") as body:
        out.write(header)
        out.write(description)
        shutil.copyfileobj(body, out, 1 << 20)
    body_path.unlink()
    return loader.close()


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
