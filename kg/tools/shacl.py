"""SHACL validation as SPARQL queries run on Oxigraph: one query per constraint, over every focus node at once.

pyshacl walks the graph focus node by focus node in Python and did not finish
on a 2,000-article build in 25 minutes; Oxigraph answers one query per
constraint in seconds. ``compile_shapes`` reads a standard SHACL shapes graph
and turns each constraint into a SELECT that returns the focus nodes (and
value nodes) violating it; ``find_violations`` runs them. The shapes stay
plain SHACL (pyshacl reads the same file, and a test checks both engines
report the same results), so what is supported is said here and anything
else is refused rather than skipped:

- targets: ``sh:targetClass`` (with ``rdfs:subClassOf*`` in the data graph),
  ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``, ``sh:targetNode``;
- paths: a property or ``[ sh:inversePath property ]``;
- constraints: ``sh:minCount``, ``sh:maxCount``, ``sh:class``, ``sh:datatype``,
  ``sh:nodeKind``, ``sh:languageIn``, ``sh:pattern`` (+ ``sh:flags``), ``sh:in``,
  ``sh:hasValue``, ``sh:minLength``, ``sh:maxLength``, ``sh:min/maxInclusive``,
  ``sh:min/maxExclusive``, ``sh:lessThan``, ``sh:lessThanOrEquals``,
  ``sh:disjoint``, ``sh:or`` / ``sh:not`` of shapes that only give ``sh:class``,
  and SPARQL-based constraints (``sh:sparql`` with ``sh:select``, its
  ``sh:prefixes``, ``{?var}`` in ``sh:message``).

A SPARQL constraint is run once with ``$this`` free and joined with the
targets, rather than once per focus node: the same results for queries that
keep SHACL's pre-binding rules (no MINUS, VALUES or sub-SELECT hiding $this).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox

from kg.errors import ShapesError

SH = "http://www.w3.org/ns/shacl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"

# What a shape node may carry besides constraints.
_NOT_CONSTRAINTS = {
    RDF + "type", RDFS + "comment", RDFS + "label", SH + "message", SH + "severity", SH + "name",
    SH + "description", SH + "order", SH + "group", SH + "deactivated", SH + "property", SH + "path",
    SH + "targetClass", SH + "targetSubjectsOf", SH + "targetObjectsOf", SH + "targetNode", SH + "flags",
    SH + "declare",
}
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_GROUPING = re.compile(r"\b(GROUP\s+BY|HAVING|COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT)\b|\{[^{}]*\bSELECT\b", re.IGNORECASE)
_COMPARISONS = {"minInclusive": ">=", "maxInclusive": "<=", "minExclusive": ">", "maxExclusive": "<"}
_PAIRS = {"lessThan": "<", "lessThanOrEquals": "<="}
_NODE_KINDS = {
    "IRI": "isIRI(?value)", "Literal": "isLiteral(?value)", "BlankNode": "isBlank(?value)",
    "BlankNodeOrIRI": "!isLiteral(?value)", "BlankNodeOrLiteral": "!isIRI(?value)", "IRIOrLiteral": "!isBlank(?value)",
}


@dataclass(frozen=True)
class Check:
    """One constraint as a query: each solution binds ``?this`` (and ``?path``, message variables)."""

    query: str
    message: str  # may hold {?var} placeholders
    path: str | None  # the property a result is about, when the path is one


@dataclass(frozen=True)
class Violation:
    focus: ox.NamedNode | ox.BlankNode | ox.Literal
    path: str | None
    message: str


class ShapesGraph:
    """Reads shapes from a store holding the shapes graph."""

    def __init__(self, shapes: ox.Store) -> None:
        self.store = shapes

    def objects(self, node, predicate: str) -> list:
        quads = self.store.quads_for_pattern(node, ox.NamedNode(predicate), None)
        return sorted((quad.object for quad in quads), key=str)

    def value(self, node, predicate: str):
        values = self.objects(node, predicate)
        return values[0] if values else None

    def predicates(self, node) -> set[str]:
        return {quad.predicate.value for quad in self.store.quads_for_pattern(node, None, None)}

    def items(self, head) -> list:
        """The members of an RDF list."""
        members = []
        while head is not None and head != ox.NamedNode(RDF + "nil"):
            members.append(self.value(head, RDF + "first"))
            head = self.value(head, RDF + "rest")
        return members

    def node_shapes(self) -> list:
        """Every shape with a target, in a fixed order."""
        targets = (SH + p for p in ("targetClass", "targetSubjectsOf", "targetObjectsOf", "targetNode"))
        found = {quad.subject for t in targets for quad in self.store.quads_for_pattern(None, ox.NamedNode(t), None)}
        return sorted(found, key=str)


def compile_shapes(shapes: ox.Store, data: ox.Store) -> list[Check]:
    """The checks of every active shape with a target; ``ShapesError`` for what cannot be checked."""
    graph = ShapesGraph(shapes)
    subclasses = _subclass_finder(data)
    checks: list[Check] = []
    for shape in graph.node_shapes():
        if _skipped(graph, shape):
            continue
        target = _target(graph, shape, subclasses)
        message = _message(graph, shape)
        checks += _constraints(graph, shape, target, "?this", None, message, subclasses)
        for prop in graph.objects(shape, SH + "property"):
            if _skipped(graph, prop):
                continue
            path, shown = _path(graph, graph.value(prop, SH + "path"))
            checks += _constraints(graph, prop, target, path, shown, _message(graph, prop) or message, subclasses)
    return checks


def find_violations(data: ox.Store, checks: list[Check], show=str) -> list[Violation]:
    """Every result of every check; ``show`` writes a term into a message's ``{?var}``."""
    found: list[Violation] = []
    for check in checks:
        try:
            solutions = data.query(check.query, use_default_graph_as_union=True)
            for solution in solutions:
                bound = {v.value: solution[v] for v in solutions.variables if solution[v] is not None}
                path = bound.get("path")
                shown = path.value if isinstance(path, ox.NamedNode) else check.path
                found.append(Violation(bound["this"], shown, _fill(check.message, bound, show)))
        except (SyntaxError, OSError, ValueError, RuntimeError) as error:
            raise ShapesError(f"a shape's query failed ({' '.join(str(error).split())[:200]}): fix ontology/shapes.ttl") from None
    return found


# ---------------------------------------------------------------- shapes → SPARQL
def _skipped(graph: ShapesGraph, shape) -> bool:
    """Deactivated shapes, and those whose results are warnings or notes, not violations."""
    deactivated = graph.value(shape, SH + "deactivated")
    severity = graph.value(shape, SH + "severity")
    return (deactivated is not None and deactivated.value == "true") or (
        severity is not None and severity.value != SH + "Violation"
    )


def _message(graph: ShapesGraph, shape) -> str | None:
    message = graph.value(shape, SH + "message")
    return message.value if message is not None else None


def _target(graph: ShapesGraph, shape, subclasses) -> str:
    """A group pattern binding ``?this`` to each focus node of the shape, once."""
    parts = []
    for cls in graph.objects(shape, SH + "targetClass"):
        parts.append(f"?this a ?targetClass . VALUES ?targetClass {{ {_terms(subclasses(cls))} }}")
    for prop in graph.objects(shape, SH + "targetSubjectsOf"):
        parts.append(f"?this {prop} ?targetObject .")
    for prop in graph.objects(shape, SH + "targetObjectsOf"):
        parts.append(f"?targetSubject {prop} ?this .")
    nodes = graph.objects(shape, SH + "targetNode")
    if nodes:
        parts.append(f"VALUES ?this {{ {_terms(nodes)} }}")
    union = " UNION ".join(f"{{ {part} }}" for part in parts)
    return f"{{ SELECT DISTINCT ?this WHERE {{ {union} }} }}"


def _path(graph: ShapesGraph, path) -> tuple[str, str | None]:
    """The path as a SPARQL property path, and the property to show in results (None for an inverse)."""
    if isinstance(path, ox.NamedNode):
        return str(path), path.value
    inverse = graph.value(path, SH + "inversePath") if path is not None else None
    if isinstance(inverse, ox.NamedNode) and graph.predicates(path) == {SH + "inversePath"}:
        return f"^{inverse}", None
    raise ShapesError(f"a property shape's sh:path is not a property or an inverse one ({path}): kg validate supports only those")


def _constraints(graph: ShapesGraph, shape, target: str, path: str, shown, message, subclasses) -> list[Check]:
    """One check per constraint parameter of ``shape``; ``path`` is ``?this`` for the node itself."""
    values = f"{target} BIND (?this AS ?value)" if path == "?this" else f"{target} ?this {path} ?value ."
    checks = []

    def check(body: str, default: str, select: str = "?this ?value") -> None:
        checks.append(Check(f"SELECT DISTINCT {select} WHERE {{ {body} }}", message or default, shown))

    def where_value(condition: str, default: str) -> None:
        check(f"{values} FILTER ({condition})", default)

    for predicate in sorted(graph.predicates(shape) - _NOT_CONSTRAINTS):
        name = predicate.removeprefix(SH)
        arguments = graph.objects(shape, predicate)
        for argument in arguments:
            if name == "minCount" and path != "?this":
                count = int(argument.value)
                if count == 1:
                    check(f"{target} OPTIONAL {{ ?this {path} ?value }} FILTER (!BOUND(?value))", "has no value", "?this")
                elif count > 1:
                    check(f"{target} OPTIONAL {{ ?this {path} ?value }}", f"has fewer than {count} values", "?this")
                    checks[-1] = _grouped(checks[-1], f"COUNT(DISTINCT ?value) < {count}")
            elif name == "maxCount" and path != "?this":
                check(f"{target} ?this {path} ?value .", f"has more than {argument.value} values", "?this")
                checks[-1] = _grouped(checks[-1], f"COUNT(DISTINCT ?value) > {int(argument.value)}")
            elif name == "class":
                check(_not_of_class(values, subclasses(argument)), f"is not a {argument.value}")
            elif name in ("or", "not"):
                classes = _member_classes(graph, argument, name)
                members = sorted({c for cls in classes for c in subclasses(cls)}, key=str)
                if name == "or":
                    check(_not_of_class(values, members), "conforms to none of the sh:or shapes")
                else:
                    check(f"{values} ?value a ?class . VALUES ?class {{ {_terms(members)} }}", "conforms to the sh:not shape")
            elif name == "datatype":
                where_value(f"!isLiteral(?value) || datatype(?value) != {argument}", f"is not a {argument.value}")
            elif name == "nodeKind":
                kind = argument.value.removeprefix(SH)
                if kind not in _NODE_KINDS:
                    raise ShapesError(f"unknown sh:nodeKind {argument}: fix ontology/shapes.ttl")
                where_value(f"!({_NODE_KINDS[kind]})", f"is not a {kind}")
            elif name == "languageIn":
                tags = " || ".join(f'langMatches(lang(?value), {_string(t.value)})' for t in graph.items(argument))
                where_value(f"!isLiteral(?value) || !({tags or 'false'})", "has a language not allowed")
            elif name == "pattern":
                flags = graph.value(shape, SH + "flags")
                flag_text = f", {_string(flags.value)}" if flags is not None else ""
                where_value(f"isBlank(?value) || !regex(str(?value), {_string(argument.value)}{flag_text})", "does not match the pattern")
            elif name == "in":
                where_value(f"?value NOT IN ({', '.join(str(t) for t in graph.items(argument))})", "is not one of the allowed values")
            elif name == "hasValue" and path != "?this":
                found = f"OPTIONAL {{ ?this {path} ?found . FILTER (sameTerm(?found, {argument})) }}"
                check(f"{target} {found} FILTER (!BOUND(?found))", f"does not have the value {argument}", "?this")
            elif name in ("minLength", "maxLength"):
                compare = ">=" if name == "minLength" else "<="
                where_value(f"isBlank(?value) || !COALESCE(STRLEN(STR(?value)) {compare} {int(argument.value)}, false)", f"breaks sh:{name}")
            elif name in _COMPARISONS:
                where_value(f"!COALESCE(?value {_COMPARISONS[name]} {argument}, false)", f"breaks sh:{name}")
            elif name in _PAIRS:
                check(f"{values} ?this {argument} ?other . FILTER (!COALESCE(?value {_PAIRS[name]} ?other, false))", f"breaks sh:{name}")
            elif name == "disjoint":
                check(f"{values} ?this {argument} ?value .", f"shares a value with {argument.value}")
            elif name == "sparql":
                checks.append(_sparql_check(graph, argument, target, message, shown))
            else:
                raise ShapesError(f"the shapes use sh:{name}, which kg validate cannot check: fix ontology/shapes.ttl")
    return checks


def _grouped(check: Check, having: str) -> Check:
    return Check(f"{check.query} GROUP BY ?this HAVING ({having})", check.message, check.path)


def _not_of_class(values: str, classes) -> str:
    # OPTIONAL + !BOUND, not MINUS or NOT EXISTS: Oxigraph turns it into one hash anti-join.
    return (
        f"{values} OPTIONAL {{ ?value a ?class . VALUES ?class {{ {_terms(classes)} }} }} FILTER (!BOUND(?class))"
    )


def _member_classes(graph: ShapesGraph, argument, name: str) -> list:
    members = graph.items(argument) if name == "or" else [argument]
    classes = []
    for member in members:
        if graph.predicates(member) - {RDF + "type"} != {SH + "class"}:
            raise ShapesError(f"sh:{name} is checked only over shapes that give just sh:class: fix ontology/shapes.ttl")
        classes += graph.objects(member, SH + "class")
    return classes


def _sparql_check(graph: ShapesGraph, constraint, target: str, message: str | None, shown) -> Check:
    select = graph.value(constraint, SH + "select")
    if select is None:
        raise ShapesError("a SPARQL constraint has no sh:select: fix ontology/shapes.ttl")
    prefixes = []
    for source in graph.objects(constraint, SH + "prefixes"):
        for declaration in graph.objects(source, SH + "declare"):
            prefix = graph.value(declaration, SH + "prefix").value
            prefixes.append(f"PREFIX {prefix}: <{graph.value(declaration, SH + 'namespace').value}>")
    inner = select.value.replace("$this", "?this")
    where = _WHERE.search(inner)
    if where and not _GROUPING.search(inner):
        # The targets go inside the constraint's own pattern, where $this is pre-bound in SHACL:
        # the engine then starts from the focus nodes instead of every node the pattern matches.
        body = inner[: where.end()] + f" {target} " + inner[where.end():]
    else:
        body = f"SELECT * WHERE {{ {target} {{ {inner} }} }}"
    query = "\n".join(prefixes) + "\n" + body
    own = _message(graph, constraint)
    return Check(query, own or message or "breaks a SPARQL constraint", shown)


def _fill(message: str, bound: dict, show) -> str:
    for name, term in bound.items():
        message = message.replace(f"{{?{name}}}", show(term)).replace(f"{{${name}}}", show(term))
    return message


def _subclass_finder(data: ox.Store):
    @cache
    def subclasses(cls: ox.NamedNode) -> tuple:
        query = f"SELECT DISTINCT ?c WHERE {{ ?c <{RDFS}subClassOf>* {cls} }}"
        found = {solution["c"] for solution in data.query(query, use_default_graph_as_union=True)}
        return tuple(sorted(found | {cls}, key=str))

    return subclasses


def _terms(terms) -> str:
    return " ".join(str(term) for term in terms)


def _string(text: str) -> str:
    return str(ox.Literal(text))
