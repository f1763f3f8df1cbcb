"""Turtle text, written directly: terms, subject blocks, deterministic bytes.

kg writes ``graph.ttl`` itself, section by section, from plain strings: it
never builds an in-memory graph. Every literal is escaped here (quotes,
backslashes, line breaks and every control character; a lone surrogate
cannot be encoded and becomes U+FFFD), and every IRI is checked, so untrusted
article text can only ever be a string in the file. Blank nodes are never
written: every node has an IRI (``kg.rdf.iri``), so the bytes depend only
on the content.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

# Turtle's PN_LOCAL, restricted to the characters our IRIs use; anything else
# is written as a full <IRI>, which is always valid.
_LOCAL_NAME = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?\Z")
# Characters IRIREF forbids outright (escaping them would not make the IRI valid).
_BAD_IRI_CHARACTERS = re.compile(r'[\x00-\x20<>"{}|^`\\]')
# Han characters (CJK unified ideographs and their extensions, compatibility ideographs).
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")

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
# Any character the table escapes. Nearly every name and sentence has none, and finding that out is a
# search at C speed, where translate looks each character up in the table (over 331,435 names and
# sentences of 2,000 generated pages: 0.03 s against 0.20 s).
_TO_ESCAPE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_STRING_ESCAPES)) + "]")

XSD = "http://www.w3.org/2001/XMLSchema#"
# A number in fixed point, as f"{x:.6f}" writes it (no exponent, no sign but minus, no NaN).
_FIXED_POINT = re.compile(r"-?[0-9]+(?:\.[0-9]+)?\Z")


def escape_string(text: str) -> str:
    return text.translate(_STRING_ESCAPES) if _TO_ESCAPE.search(text) else text


def check_iri(value: str) -> str:
    if _BAD_IRI_CHARACTERS.search(value):
        raise ValueError(f"not a valid IRI (contains a space, control character or one of <>\"{{}}|^`\\): {value!r}")
    return value


def string(text: str) -> str:
    return f'"{escape_string(text)}"'


def zh(text: str) -> str:
    """A Chinese literal: ``"…"@zh``."""
    return f'"{escape_string(text)}"@zh'


def text_literal(text: str) -> str:
    """``@zh`` when the text is written in Chinese (has a Han character), else a plain string."""
    return zh(text) if _HAN.search(text) else string(text)


def typed(lexical: str, datatype: str) -> str:
    """A typed literal; ``datatype`` is already written (``xsd:date``, ``kg:DivisionCode``)."""
    return f'"{escape_string(lexical)}"^^{datatype}'


def decimal(value) -> str:
    """An ``xsd:decimal`` in the canonical form Oxigraph stores (no trailing zeros: 0.2, 0, 1700), so
    graph.ttl and the store hold the very same literal. A number written in fixed point ("0.012300")
    is taken as it is: ``Decimal`` would give back the same digits (and cost a third of the time)."""
    text = value if isinstance(value, str) and _FIXED_POINT.match(value) else f"{Decimal(value):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f'"{text if text not in ("", "-0") else "0"}"^^xsd:decimal'


def integer(value: int) -> str:
    return str(int(value))


def boolean(value: bool) -> str:
    return "true" if value else "false"


class Names:
    """IRIs as prefixed names where a prefix fits, else ``<IRI>``; cached by plain string."""

    def __init__(self, prefixes: Mapping[str, str]):
        self.prefixes = dict(prefixes)
        self._namespaces = {namespace: prefix for prefix, namespace in prefixes.items()}
        self._written: dict[str, str] = {}

    def __call__(self, value: str) -> str:
        text = self._written.get(value)
        if text is None:
            text = self._written[value] = self._name(value)
        return text

    def once(self, value: str) -> str:
        """The same, not kept: for an IRI written once (a statement's), of which a big corpus has millions."""
        return self._written.get(value) or self._name(value)

    def _name(self, value: str) -> str:
        cut = max(value.rfind("/"), value.rfind("#")) + 1
        prefix = self._namespaces.get(value[:cut])
        if prefix is not None and _LOCAL_NAME.match(value, cut):
            return f"{prefix}:{value[cut:]}"
        return f"<{check_iri(value)}>"

    def header(self) -> str:
        return "".join(f"@prefix {prefix}: <{check_iri(ns)}> .\n" for prefix, ns in self.prefixes.items())


Properties = Sequence[tuple[str, Sequence[str]]]


def block(subject: str, properties: Properties) -> tuple[str, int]:
    """One subject's triples as Turtle, objects sorted within each property; and how many triples."""
    parts = []
    count = 0
    for predicate, objects in properties:
        if not objects:
            continue
        if len(objects) == 1:
            count += 1
            parts.append(f"{predicate} {objects[0]}")
            continue
        ordered = sorted(set(objects))
        count += len(ordered)
        separator = ", " if sum(map(len, ordered)) < 60 else ",\n        "
        parts.append(f"{predicate} {separator.join(ordered)}")
    if not parts:
        return "", 0
    return f"{subject} " + " ;\n    ".join(parts) + " .\n", count


class TurtleSection:
    """Subject blocks in the order given, under a comment heading; counts its triples.

    With a ``sink`` every block is handed on as soon as it is made (nothing is
    kept: a corpus-wide section can be large); without one, the text is kept
    for ``text()``. The heading appears only once the section has a triple.
    """

    def __init__(self, heading: str = "", sink: Callable[[str], None] | None = None):
        self.heading = f"\n# {heading}\n" if heading else ""
        self.sink = sink
        self.parts: list[str] = []
        self.triples = 0

    def add(self, subject: str, properties: Properties) -> None:
        self.add_block(*block(subject, properties))

    def add_block(self, text: str, count: int) -> None:
        """A block ``block`` made (nothing when it has no triple)."""
        if not count:
            return
        if not self.triples and self.heading:
            self._emit(self.heading)
        self._emit(text)
        self.triples += count

    def add_single(self, subject: str, properties: Sequence[tuple[str, str]]) -> None:
        """``add`` for properties of one object each, given as (predicate, object): the same text, without
        the sorting and skipping that lists of objects need (an article's sentences and mentions)."""
        if not properties:
            return
        if not self.triples and self.heading:
            self._emit(self.heading)
        self._emit(f"{subject} " + " ;\n    ".join([f"{p} {o}" for p, o in properties]) + " .\n")
        self.triples += len(properties)

    def add_text(self, text: str, triples: int) -> None:
        """A block already written (``triples`` of them, at least one), handed on like ``add``'s."""
        if not self.triples and self.heading:
            self._emit(self.heading)
        self._emit(text)
        self.triples += triples

    def _emit(self, text: str) -> None:
        if self.sink is None:
            self.parts.append(text)
        else:
            self.sink(text)

    def text(self) -> str:
        return "".join(self.parts)
