"""Graph stage, corpus-wide: the entities, relations, statements and memberships as Turtle sections.

The shape (documented with examples in docs/sparql.md):

- an entity has its finest class, one ``rdfs:label`` @zh, ``skos:altLabel``s, its outgoing relations as direct triples, and for
  a coded unit ``kg:divisionCode "…"^^kg:DivisionCode`` (the ontology makes it a sub-property of
  Wikidata's ``wdt:P442`` once, rather than every unit repeating the code under both);
  a unit only the gazetteer knows of is ``kg:implicit true``;
- each relation has one ``kg:RelationStatement`` reifying it
  (``rdf:subject``/``rdf:predicate``/``rdf:object``) with the rules that found
  it (no ``rdf:type``: a statement is any subject of ``kg:extractionRule``,
  whose ``rdfs:domain`` is ``kg:RelationStatement``); its links to the sentences that state it are in the articles' chunks
  (``kg.rdf.article``), and a hierarchy fact of the division table is
  ``prov:wasDerivedFrom`` the gazetteer instead;
- a role in a known organisation is an ``org:Membership`` with an ``org:Role``;
- the network measures are a section of their own (``measure_section``); an entity's degree is
  not among them, since it is one SPARQL count of its relations (docs/sparql.md).
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import partial

from kg.model import RELATIONS, Entity, Membership, Relation, ResolvedCorpus
from kg.rdf import iri
from kg.rdf.turtle import Names, TurtleSection, block, decimal, integer, string, typed, zh
from kg.rdf.terms import ATTRIBUTE_UNITS

# A stated quantity: the number, an optional 万 (ten thousand), then the unit.
_QUANTITY = re.compile(r"(\d+(?:\.\d+)?)\s*(万)?\s*(\S*)")
GAZETTEER_SOURCE = iri.source_iri("gazetteer")
Sink = Callable[[str], None] | None  # where a section hands each block (None: keep the text)
# Where a section gets each block: memo(key, digest, make) gives (text, triples), make()'s or the same block's
# of the last graph when it had that key with that digest (``kg.cache.BuildCache.block``). Keys are unique and
# come in increasing order (of their UTF-8 bytes) across the sections, in the order write_graph makes them.
Memo = Callable[[str, bytes, Callable[[], tuple[str, int]]], tuple[str, int]] | None


# The figures the analysis gives one entity, as measure_section writes them: (IRI, betweenness, PageRank,
# community). The two figures are Decimals or their fixed-point text ("0.012300"); a tuple, not a record,
# since one is made per entity of the corpus only to be written once (47,000 at 5,000 articles).
NodeMeasures = tuple[str, "Decimal | str", "Decimal | str", int]


def made(key: str, digest: bytes, make: Callable[[], tuple[str, int]]) -> tuple[str, int]:
    """The memo of a graph that keeps nothing: every block is made."""
    return make()


def digest_of(*parts: object) -> bytes:
    """What a block is made from, hashed (its ``repr``: strings, numbers, booleans and tuples of them)."""
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).digest()


def entity_section(corpus: ResolvedCorpus, names: Names, sink: Sink = None, memo: Memo = None) -> TurtleSection:
    section = TurtleSection("Entities: class, names, description and relations (direct triples)", sink)
    memo = memo or made
    # Entities are sorted by IRI and relations by subject first: each entity's outgoing relations are the
    # next run of relations, so no table of them all is made (a million relations at 100,000 articles).
    pending = iter(corpus.relations)
    r = next(pending, None)
    for entity in corpus.entities:
        objects: list[tuple[str, str]] = []
        while r is not None and r.subject <= entity.iri:
            if r.subject == entity.iri:
                objects.append((r.predicate, r.object))
            r = next(pending, None)
        e = entity
        section.add_block(*memo(
            f"1\x1f{e.iri}",
            digest_of(e.fine_class, e.label, e.alt_labels, e.code, e.implicit, e.roles, e.attributes, objects),
            partial(_entity_block, entity, objects, names)))
    return section


def _entity_block(entity: Entity, objects: list[tuple[str, str]], names: Names) -> tuple[str, int]:
    relations: dict[str, list[str]] = {}
    for predicate, obj in objects:
        relations.setdefault(predicate, []).append(names(obj))
    return block(names(entity.iri), [
        *entity_properties(entity, names),
        *((f"kg:{p}", relations.get(p, [])) for p in RELATIONS),
    ])


def entity_properties(entity: Entity, names: Names):
    properties = [
        ("a", [f"kg:{entity.fine_class}"]),
        ("rdfs:label", [zh(entity.label)]),
        ("skos:altLabel", [zh(a) for a in entity.alt_labels]),
    ]
    if entity.code:
        properties.append(("kg:divisionCode", [typed(entity.code, "kg:DivisionCode")]))
    if entity.implicit:
        properties += [("kg:implicit", ["true"]), ("dcterms:source", [names(GAZETTEER_SOURCE)])]
    properties.append(("kg:role", [zh(r) for r in entity.roles]))
    attributes: dict[str, list[str]] = {}
    for name, value in entity.attributes:
        predicate, obj = attribute_triple(name, value)
        attributes.setdefault(predicate, []).append(obj)
    properties += sorted(attributes.items())
    return properties


def attribute_triple(name: str, value: str) -> tuple[str, str]:
    """(property, typed value) for a stated attribute such as ("area", "1.2万平方米"), as Turtle."""
    known = ATTRIBUTE_UNITS.get(name)
    match = _QUANTITY.search(value)
    if known is None or match is None:
        return "kg:attribute", zh(f"{name}: {value}")
    local, units = known
    number = Decimal(match.group(1)) * (10000 if match.group(2) else 1)
    unit = next((u for u in sorted(units, key=len, reverse=True) if u and match.group(3).startswith(u)), "")
    number *= Decimal(str(units.get(unit, 1)))
    if local == "area":
        return "kg:area", decimal(number.quantize(Decimal("0.01")))
    return f"kg:{local}", integer(int(number.to_integral_value()))


def statement_section(corpus: ResolvedCorpus, names: Names, sink: Sink = None, memo: Memo = None) -> TurtleSection:
    section = TurtleSection("Relation statements: one per relation, reifying it (its sentences are in the articles)", sink)
    memo = memo or made
    for r in corpus.relations:
        section.add_block(*memo(f"2\x1f{r.subject}\x1f{r.predicate}\x1f{r.object}", digest_of(r.rules, r.from_gazetteer),
                                partial(_statement_block, r, names)))
    return section


def _statement_block(r: Relation, names: Names) -> tuple[str, int]:
    return block(names.once(iri.statement_iri(r.subject, r.predicate, r.object)), (
        ("rdf:subject", [names(r.subject)]),
        ("rdf:predicate", [f"kg:{r.predicate}"]),
        ("rdf:object", [names(r.object)]),
        ("kg:extractionRule", [string(rule) for rule in r.rules]),
        ("prov:wasDerivedFrom", [names(GAZETTEER_SOURCE)] if r.from_gazetteer else []),
    ))


def membership_section(corpus: ResolvedCorpus, names: Names, sink: Sink = None, memo: Memo = None) -> TurtleSection:
    section = TurtleSection("Memberships: a person's role in an organisation the text names (W3C ORG)", sink)
    memo = memo or made
    # A membership's block and a role's are all their key says: nothing else to hash.
    for m in corpus.memberships:
        section.add_block(*memo(f"3\x1f{m.person}\x1f{m.body}\x1f{m.role}", b"", partial(_membership_block, m, names)))
    for role in sorted({m.role for m in corpus.memberships}):
        section.add_block(*memo(f"4\x1f{role}", b"", partial(
            block, names(iri.role_iri(role)), (("a", ["org:Role"]), ("skos:prefLabel", [zh(role)])))))
    return section


def _membership_block(m: Membership, names: Names) -> tuple[str, int]:
    return block(names.once(iri.membership_iri(m.person, m.body, m.role)), (
        ("a", ["org:Membership"]),
        ("org:member", [names(m.person)]),
        ("org:organization", [names(m.body)]),
        ("org:role", [names(iri.role_iri(m.role))]),
    ))


def measure_section(measures: Iterable[NodeMeasures], names: Names, sink: Sink = None) -> TurtleSection:
    section = TurtleSection(
        "Network measures (not facts of any article): computed by the analysis activity, see its description", sink
    )
    # Every build writes this section for every entity (the measures move whenever the corpus does), so each
    # block is one f-string: the text add_single would make of decimal() and integer() (0.2 s at 1,000 articles).
    # The figures repeat (most betweenness is 0, page ranks round alike): each one's literal is made once.
    literals: dict[str, str] = {}
    for entity_iri, betweenness, page_rank, community in measures:
        b = literals.get(betweenness) or literals.setdefault(betweenness, decimal(betweenness))
        p = literals.get(page_rank) or literals.setdefault(page_rank, decimal(page_rank))
        section.add_text(
            f"{names(entity_iri)} kg:betweenness {b} ;\n    kg:pageRank {p} ;\n"
            f"    kg:networkCommunity {int(community)} .\n", 3)
    return section
