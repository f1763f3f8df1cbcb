"""What graph.ttl says about itself: the ontology it uses, and a VoID/PROV description of the dataset.

- ``ontology_section``: the whole of ``ontology/kg.ttl`` (its ``owl:Ontology``
  header, every class and property), so graph.ttl stands alone;
- ``description_section``: the ``void:Dataset`` (licence, size, counts per
  class, vocabulary), the ``prov:Activity`` of the build and of the network
  analysis, the software that ran them (kg and its version) and the
  gazetteer edition they used (a ``prov:Entity``).

No timestamps: graph.ttl is byte-identical for the same articles, so the
build activity says what ran and with what, not when.

The licence. kg cannot know the rights in a user's corpus; what it can
license is what it adds: identities, relations, descriptions and measures.
Those are under CC BY 4.0 (attribution keeps the provenance chain that the
graph exists to show, and it is the licence most research data
repositories accept). The sentences and titles quoted as evidence remain
their publishers'; ``dcterms:rights`` says so, and whoever publishes a
graph should check that quoting them is allowed where they publish.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox

from kg.gazetteer.divisions import SOURCE as GAZETTEER_LABEL
from kg.rdf import iri
from kg.rdf.graph import GAZETTEER_SOURCE
from kg.rdf.turtle import Names, TurtleSection, integer, string, typed, zh
from kg.rdf.terms import DATA_IRI, ONTOLOGY_IRI, ontology_dir
from kg.version import __version__

LICENSE = "http://creativecommons.org/licenses/by/4.0/"
RIGHTS = (
    "Identities, relations, descriptions and network measures: CC BY 4.0. The sentences and titles quoted "
    "as evidence (kg:text, kg:surface, kg:title) remain the copyright of their publishers."
)
ONTOLOGY = ONTOLOGY_IRI.rstrip("#")
# The edition is the year the gazetteer's source names (its 统计用区划代码 are published yearly).
GAZETTEER_EDITION = next(iter(re.findall(r"\b(?:19|20)\d\d\b", GAZETTEER_LABEL)), "unknown")
BUILD = iri.activity_iri("build")
ANALYSIS = iri.activity_iri("analysis")
SOFTWARE = iri.agent_iri("kg")
# The degree is not stored: it is one SPARQL count of an entity's relations (docs/sparql.md).
MEASURES = ("kg:betweenness", "kg:pageRank", "kg:networkCommunity")


@dataclass(frozen=True)
class DatasetCounts:
    triples: int  # every triple of graph.ttl except the description's own
    classes: Mapping[str, int]  # written class (kg:Community, org:Membership…) -> instances
    entities: int  # instances of the six top classes
    betweenness_sample: int | None = None  # None: exact
    seed: int | None = None


def description_section(counts: DatasetCounts, names: Names) -> TurtleSection:
    """The description, with ``void:triples`` counting every triple of graph.ttl, its own included."""
    own = _description(counts, names, total=0).triples
    return _description(counts, names, total=counts.triples + own)


def _description(counts: DatasetCounts, names: Names, total: int) -> TurtleSection:
    section = TurtleSection("The dataset: licence, size, vocabulary, provenance")
    dataset = names(iri.dataset_iri())
    partitions = {cls: names(iri.dataset_iri(cls.replace(":", "-"))) for cls in sorted(counts.classes)}
    section.add(dataset, (
        ("a", ["void:Dataset"]),
        ("dcterms:title", [zh("基层党建与社区治理知识图谱"),
                           '"Knowledge graph of grassroots party-building and community governance"@en']),
        ("dcterms:description", ['"Entities, relations and the sentences of the articles that state them, '
                                 'built by kg from a corpus of Chinese local news."@en']),
        ("dcterms:license", [f"<{LICENSE}>"]),
        ("dcterms:rights", [f"{string(RIGHTS)}@en"]),
        ("void:vocabulary", [f"<{ONTOLOGY}>"]),
        ("void:uriSpace", [string(DATA_IRI)]),
        ("void:triples", [integer(total)]),
        ("void:entities", [integer(counts.entities)]),
        ("void:classPartition", list(partitions.values())),
        ("dcterms:source", [names(GAZETTEER_SOURCE)]),
        ("prov:wasGeneratedBy", [names(BUILD)]),
    ))
    for cls, partition in partitions.items():
        section.add(partition, (("void:class", [cls]), ("void:entities", [integer(counts.classes[cls])])))
    section.add(names(BUILD), (
        ("a", ["prov:Activity"]),
        ("rdfs:label", ['"kg build"@en']),
        ("prov:used", [names(GAZETTEER_SOURCE)]),
        ("prov:wasAssociatedWith", [names(SOFTWARE)]),
    ))
    sample = [] if counts.betweenness_sample is None else [integer(counts.betweenness_sample)]
    section.add(names(ANALYSIS), (
        ("a", ["prov:Activity"]),
        ("rdfs:label", ['"network analysis"@en']),
        ("rdfs:comment", ['"Relations as undirected edges between entities; betweenness (normalised; '
                          'sampled from kg:betweennessSample source nodes when given, else exact), PageRank '
                          '(damping 0.85) and Leiden communities (modularity), all with the fixed kg:randomSeed."@en']),
        ("kg:computes", list(MEASURES)),
        ("kg:betweennessSample", sample),
        ("kg:randomSeed", [integer(counts.seed)] if counts.seed is not None else []),
        ("prov:wasInformedBy", [names(BUILD)]),
        ("prov:wasAssociatedWith", [names(SOFTWARE)]),
    ))
    section.add(names(SOFTWARE), (
        ("a", ["prov:SoftwareAgent"]),
        ("rdfs:label", ['"kg"']),
        ("schema:softwareVersion", [string(__version__)]),
    ))
    section.add(names(GAZETTEER_SOURCE), (
        ("a", ["prov:Entity"]),
        ("rdfs:label", [zh(GAZETTEER_LABEL)]),
        ("dcterms:publisher", [zh("国家统计局"), '"National Bureau of Statistics of China"@en']),
        ("schema:version", [string(GAZETTEER_EDITION)]),
    ))
    return section


# ------------------------------------------------------------------ ontology
@lru_cache(maxsize=4)
def ontology_section(prefixes: tuple[tuple[str, str], ...]) -> TurtleSection:
    """ontology/kg.ttl, subject by subject in sorted order (it never changes within a version)."""
    names = Names(dict(prefixes))
    by_subject: dict[str, dict[str, list[str]]] = {}
    for quad in ox.parse(path=str(ontology_dir() / "kg.ttl"), format=ox.RdfFormat.TURTLE):
        if not isinstance(quad.subject, ox.NamedNode):
            raise ValueError("ontology/kg.ttl must name every node: blank nodes would make graph.ttl change run to run")
        predicate = quad.predicate.value
        written = "a" if predicate == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" else names(predicate)
        by_subject.setdefault(names(quad.subject.value), {}).setdefault(written, []).append(term(quad.object, names))
    section = TurtleSection("The ontology (ontology/kg.ttl), so that graph.ttl stands alone")
    ontology = names(ONTOLOGY)
    for subject in sorted(by_subject, key=lambda s: (s != ontology, s)):
        properties = by_subject[subject]
        section.add(subject, sorted(properties.items(), key=lambda kv: (kv[0] != "a", kv[0])))
    return section


def term(node, names: Names) -> str:
    if isinstance(node, ox.NamedNode):
        return names(node.value)
    if isinstance(node, ox.Literal):
        if node.language:
            return f"{string(node.value)}@{node.language}"
        if node.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
            return string(node.value)
        return typed(node.value, names(node.datatype.value))
    raise ValueError(f"ontology/kg.ttl: cannot write {node!r} deterministically")
