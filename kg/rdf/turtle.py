"""A sorted Turtle and N-Triples writer: deterministic bytes, fast on a million triples.

rdflib's Turtle serializer takes about 25 s per million triples and its
order is not guaranteed; this writer groups triples by subject, sorts
subjects, predicates and objects by their written form, and escapes every
literal and IRI itself, so the same triples always give the same bytes.
Blank nodes are refused: their labels would change from run to run.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TextIO

from rdflib import RDF, XSD, BNode, Literal, URIRef
from rdflib.term import Node

Triple = tuple[Node, Node, Node]

# Turtle's PN_LOCAL, restricted to the characters our IRIs use; anything else
# is written as a full <IRI>, which is always valid.
_LOCAL_NAME = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?\Z")
_INTEGER = re.compile(r"[+-]?[0-9]+\Z")
_XSD_INTEGER = str(XSD.integer)
_XSD_BOOLEAN = str(XSD.boolean)
# Characters IRIREF forbids outright (escaping them would not make the IRI valid).
_BAD_IRI_CHARACTERS = re.compile(r'[\x00-\x20<>"{}|^`\\]')

_STRING_ESCAPES = {
    ord('"'): '\\"',
    ord("\\"): "\\\\",
    ord("\n"): "\\n",
    ord("\r"): "\\r",
    ord("\t"): "\\t",
    ord("\b"): "\\b",
    ord("\f"): "\\f",
}
# Other control characters as \uXXXX so the file stays printable text; lone
# surrogates cannot be encoded in UTF-8 or in a Turtle escape at all.
_STRING_ESCAPES.update(
    {c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)] if c not in _STRING_ESCAPES}
)
_STRING_ESCAPES.update({c: "\\uFFFD" for c in range(0xD800, 0xE000)})


def escape_string(text: str) -> str:
    return text.translate(_STRING_ESCAPES)


def check_iri(value: str) -> str:
    if _BAD_IRI_CHARACTERS.search(value):
        raise ValueError(f"not a valid IRI (contains a space, control character or one of <>\"{{}}|^`\\): {value!r}")
    return value


class TermWriter:
    """Writes RDF terms, with prefixed names where a prefix fits (Turtle) or in full (N-Triples).

    IRIs are cached by their plain string: rdflib terms hash in Python, plain
    strings in C, and a million-triple graph repeats each IRI many times.
    """

    def __init__(self, prefixes: Mapping[str, str] | None = None) -> None:
        self._namespaces = {namespace: prefix for prefix, namespace in (prefixes or {}).items()}
        self._iris: dict[str, str] = {}

    def term(self, node: Node) -> str:
        kind = type(node)
        if kind is Literal:
            return self.literal(node)
        if kind is URIRef or isinstance(node, URIRef):
            value = str.__str__(node)
            text = self._iris.get(value)
            if text is None:
                text = self._iris[value] = self.iri(value)
            return text
        if isinstance(node, BNode):
            raise ValueError("blank nodes cannot be written deterministically: give every node an IRI (kg.rdf.iri)")
        if isinstance(node, Literal):
            return self.literal(node)
        raise ValueError(f"cannot write {type(node).__name__} {node!r} as an RDF term")

    def iri(self, value: str) -> str:
        if self._namespaces:
            cut = max(value.rfind("/"), value.rfind("#")) + 1
            prefix = self._namespaces.get(value[:cut])
            if prefix is not None and _LOCAL_NAME.match(value, cut):
                return f"{prefix}:{value[cut:]}"
        return f"<{check_iri(value)}>"

    def literal(self, literal: Literal) -> str:
        lexical = str.__str__(literal)
        language = literal.language
        if language:
            return f'"{escape_string(lexical)}"@{language}'
        datatype = literal.datatype
        if datatype is None:
            return f'"{escape_string(lexical)}"'
        datatype = str.__str__(datatype)
        if self._namespaces and datatype == _XSD_INTEGER and _INTEGER.match(lexical):
            return lexical
        if self._namespaces and datatype == _XSD_BOOLEAN and lexical in ("true", "false"):
            return lexical
        return f'"{escape_string(lexical)}"^^{self.term(URIRef(datatype))}'


def write_turtle(triples: Iterable[Triple], prefixes: Mapping[str, str], out: TextIO, first: Iterable[str] = ()) -> int:
    """Write the triples as Turtle grouped by subject; return how many were written.

    Subjects whose written form starts with one of ``first`` come before the
    others (the ontology terms before the data), each group sorted.
    """
    terms = TermWriter(prefixes)
    term = terms.term
    rdf_type = terms.term(RDF.type)
    grouped: dict[str, dict[str, set[str]]] = {}
    for subject, predicate, obj in triples:
        by_predicate = grouped.get(term(subject))
        if by_predicate is None:
            by_predicate = grouped[term(subject)] = {}
        predicate_text = term(predicate)
        by_predicate.setdefault("a" if predicate_text == rdf_type else predicate_text, set()).add(term(obj))
    for prefix, namespace in prefixes.items():
        out.write(f"@prefix {prefix}: <{check_iri(namespace)}> .\n")
    first = tuple(first)
    count = 0
    for subject in sorted(grouped, key=lambda s: (not s.startswith(first), s)):
        out.write(f"\n{subject}")
        predicates = grouped[subject]
        for i, predicate in enumerate(sorted(predicates, key=lambda p: (p != "a", p))):
            objects = sorted(predicates[predicate])
            count += len(objects)
            separator = ", " if sum(map(len, objects)) < 60 else ",\n        "
            out.write(f"{' ;' if i else ''}\n    {predicate} {separator.join(objects)}")
        out.write(" .\n")
    return count


def write_ntriples(triples: Iterable[Triple], out: TextIO) -> int:
    """Write the triples as sorted N-Triples lines; return how many were written."""
    terms = TermWriter()
    lines = {f"{terms.term(s)} {terms.term(p)} {terms.term(o)} .\n" for s, p, o in triples}
    out.writelines(sorted(lines))
    return len(lines)
