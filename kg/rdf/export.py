"""Export stage: graph.ttl written section by section, the Oxigraph store loaded from it, and reading back.

``write_graph_file`` writes the prefixes, the corpus-wide sections and then
every article's chunk in article-id order, straight to disk: the graph is
never held in memory, and the bytes depend only on the articles (not on
input order, nor on whether chunks came from the cache). ``load_store`` then
bulk-loads graph.ttl into an on-disk Oxigraph store (``graph.oxigraph/``),
which ``kg query`` and ``kg serve`` open, and ``write_extra_format`` dumps
N-Triples or JSON-LD from that store when asked.

Why graph.ttl is written by kg and loaded into the store, not dumped from
it: the store's own dump is deterministic but costs about 8 µs per triple
(measured on this machine: 2.4 s for 300,000 triples, on top of 1.4 s to
load them), while writing the sections costs a fraction of that and the
chunks are cached; both give the same triples, and a test checks it.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import GraphFileError, InputError
from kg.graphfiles import GRAPH_FILE, STORE_DIR, checked_graph_file, graph_file  # noqa: F401 - re-exported
from kg.model import ResolvedCorpus
from kg.rdf.description import DatasetCounts, description_section, ontology_section
from kg.rdf.graph import NodeMeasures, entity_section, measure_section, membership_section, statement_section
from kg.rdf.iri import DATA_PREFIXES
from kg.rdf.trig import write_trig
from kg.rdf.turtle import Names, TurtleSection
from kg.rdf.vocab import STANDARD_PREFIXES, ontology_dir

RDF_FORMATS = {"turtle": None, "nt": "graph.nt", "json-ld": "graph.jsonld", "trig": "graph.trig"}
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


def write_graph_file(path: Path, sections: Iterable[TurtleSection], chunks: Iterable[str]) -> None:
    """graph.ttl: the prefixes, the sections in the order given, then the articles' chunks."""
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(data_names().header())
        for section in sections:
            out.write(section.text())
        out.write(ARTICLES_HEADING)
        for chunk in chunks:
            out.write("\n")
            out.write(chunk)


def load_store(store_dir: Path, graph_path: Path) -> int:
    """Bulk-load graph.ttl into a new on-disk Oxigraph store; return how many triples it holds."""
    store = ox.Store(str(store_dir))
    store.bulk_load(path=str(graph_path), format=ox.RdfFormat.TURTLE)
    store.flush()
    count = len(store)
    del store  # closes the database: the folder is complete and can be moved into place
    return count


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
    return Graph().parse(ontology_dir() / "kg.ttl", format="turtle")


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

    ``chunks`` is the articles' chunks, in article-id order, and their totals.
    """
    names = data_names()
    ontology = ontology_section(tuple(PREFIXES.items()))
    sections = [
        entity_section(corpus, names),
        statement_section(corpus, names),
        membership_section(corpus, names),
        measure_section(measures, names),
    ]
    classes = Counter(f"kg:{entity.fine_class}" for entity in corpus.entities)
    classes.update({
        "kg:Article": chunks.articles,
        "kg:Sentence": chunks.sentences,
        "kg:Mention": chunks.mentions,
        "kg:RelationStatement": len(corpus.relations),
        "org:Membership": len(corpus.memberships),
        "org:Role": len({m.role for m in corpus.memberships}),
    })
    counts = DatasetCounts(
        triples=ontology.triples + sum(s.triples for s in sections) + chunks.triples,
        classes={cls: n for cls, n in classes.items() if n},
        entities=len(corpus.entities),
        betweenness_sample=analysis.betweenness_sample,
        seed=analysis.seed,
    )
    path = out_dir / GRAPH_FILE
    write_graph_file(path, [description_section(counts, names), ontology, *sections], chunks.texts)
    return load_store(out_dir / STORE_DIR, path)
