"""The entity network as GraphML and GEXF, for Gephi, Cytoscape and networkx.

Nodes are entities (id = IRI) with their label, classes, level and the
analysis's measures as attributes; edges are the relations, directed from
subject to object, keyed and labelled by the relation's name, so two
different relations between the same pair stay two edges. Nodes and edges are
written in a fixed order and the files carry no date, so the same build gives
the same bytes.

Both files are written here, line by line, straight to disk: going through a
networkx graph and its writers cost 1.7 s of CPU for a 1,000-article build
(15,000 entities, 10,500 relations) and held the whole XML tree in memory;
this costs a tenth of that. networkx reads them back as it reads its own (a
test checks every node, edge and attribute).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import quoteattr
from xml.sax.saxutils import escape as _escape

from kg.analyse.network import Analysis
from kg.version import __version__

GRAPHML_FILE = "graph.graphml"
GEXF_FILE = "graph.gexf"
NETWORK_NAME = "kg entity network"
# (attribute, GraphML/GEXF type) of a node, in the order they are written; None-valued ones are left out.
NODE_ATTRIBUTES = (("label", "string"), ("topClass", "string"), ("class", "string"), ("level", "string"),
                   ("degree", "long"), ("betweenness", "double"), ("pageRank", "double"), ("community", "long"))
# Characters XML 1.0 cannot hold at all, even escaped: untrusted text never makes a file unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# Anything that needs escaping or cleaning; most values (IRIs, numbers, class names) have none.
_SPECIAL = re.compile("[&<>\"'\n\r\t\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def escape(text: str) -> str:
    return _escape(_clean(text)) if _SPECIAL.search(text) else text


def attr(text: str) -> str:
    """A quoted attribute value; line breaks and tabs as character references so they survive."""
    if not _SPECIAL.search(text):
        return f'"{text}"'
    return quoteattr(_clean(text), {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def node_attributes(analysis: Analysis) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """(IRI, [(attribute, value written)…]) per entity, in the analysis's order."""
    for entity, (degree, betweenness, page_rank, community) in zip(analysis.entities, _figures(analysis)):
        values = (entity.label, entity.top_class, entity.fine_class, entity.level, degree, betweenness, page_rank,
                  community)
        yield entity.iri, [(name, value) for (name, _), value in zip(NODE_ATTRIBUTES, values) if value is not None]


def _figures(analysis: Analysis) -> Iterator[tuple[str, str, str, str]]:
    """Each entity's (degree, betweenness, page rank, community) as written, in the analysis's order.

    A measure is written as the float of its rounded figure (the float of its
    ``Decimal``), from the analysis's arrays: no ``NodeMetrics`` and two Decimals an entity.
    """
    table = analysis.metrics
    for degree, betweenness, page_rank, community in zip(
            table.degrees, table.figures("betweenness"), table.figures("page_rank"), table.community):
        yield str(degree), repr(betweenness), repr(page_rank), str(community)


def sorted_relations(analysis: Analysis):
    return sorted(analysis.relations, key=lambda r: (r.subject, r.predicate, r.object))


GRAPHML_HEAD = (
    '<?xml version="1.0" encoding="utf-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing'
    '.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
    + "".join(f'<key id="{name}" for="node" attr.name="{name}" attr.type="{kind}"/>\n' for name, kind in NODE_ATTRIBUTES)
    + "".join(f'<key id="e_{name}" for="edge" attr.name="{name}" attr.type="string"/>\n' for name in ("relation", "label"))
    + f'<key id="name" for="graph" attr.name="name" attr.type="string"/>\n<graph edgedefault="directed">'
    f'<data key="name">{NETWORK_NAME}</data>\n'
)
# GEXF numbers its attributes; the label is the node's own label= attribute, not one of them.
_NUMBERED = [(name, kind) for name, kind in NODE_ATTRIBUTES if name != "label"]
_NUMBER = {name: str(i) for i, (name, _) in enumerate(_NUMBERED)}
_RELATION = str(len(_NUMBERED))
GEXF_HEAD = (
    '<?xml version="1.0" encoding="utf-8"?>\n<gexf xmlns="http://www.gexf.net/1.2draft" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft '
    'http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n'
    f"  <meta>\n    <creator>kg {escape(__version__)}</creator>\n  </meta>\n"
    f'  <graph defaultedgetype="directed" mode="static" name="{NETWORK_NAME}">\n'
    f'    <attributes mode="static" class="edge">\n'
    f'      <attribute id="{_RELATION}" title="relation" type="string" />\n    </attributes>\n'
    '    <attributes mode="static" class="node">\n'
    + "".join(f'      <attribute id="{_NUMBER[name]}" title="{name}" type="{kind}" />\n' for name, kind in _NUMBERED)
    + "    </attributes>\n    <nodes>\n"
)


# Attributes whose values are numbers as Python writes them: nothing in them needs escaping.
_NUMERIC = frozenset(name for name, kind in NODE_ATTRIBUTES if kind in ("long", "double"))


# Each attribute's element in graph.graphml and in graph.gexf, around its value (escaped, or quoted).
_GRAPHML_DATA = {name: f'  <data key="{name}">' for name, _ in NODE_ATTRIBUTES}
_GEXF_VALUE = {name: f'          <attvalue for="{_NUMBER[name]}" value=' for name, _ in _NUMBERED}


def nodes(node_id: str, values: list[tuple[str, str]]) -> tuple[str, str]:
    """A node of graph.graphml and of graph.gexf; ``node_id`` is its IRI as a quoted attribute value."""
    graphml, gexf, label = [f"<node id={node_id}>\n"], [], node_id
    for name, value in values:
        # One look for what needs escaping: most values (numbers, class names, most labels) have none.
        plain = name in _NUMERIC or not _SPECIAL.search(value)
        graphml.append(f"{_GRAPHML_DATA[name]}{value if plain else escape(value)}</data>\n")
        quoted = f'"{value}"' if plain else attr(value)
        if name == "label":
            label = quoted
        else:
            gexf.append(f"{_GEXF_VALUE[name]}{quoted} />\n")
    graphml.append("</node>\n")
    return ("".join(graphml),
            f"      <node id={node_id} label={label}>\n        <attvalues>\n{''.join(gexf)}        </attvalues>\n"
            "      </node>\n")


def write_network_files(analysis: Analysis, out_dir: Path) -> None:
    """``graph.graphml`` and ``graph.gexf`` in ``out_dir``, written side by side in one pass over the network."""
    with open(out_dir / GRAPHML_FILE, "w", encoding="utf-8", newline="\n") as graphml, \
            open(out_dir / GEXF_FILE, "w", encoding="utf-8", newline="\n") as gexf:
        graphml.write(GRAPHML_HEAD)
        gexf.write(GEXF_HEAD)
        for iri, values in node_attributes(analysis):
            graphml_node, gexf_node = nodes(attr(iri), values)
            graphml.write(graphml_node)
            gexf.write(gexf_node)
        gexf.write("    </nodes>\n    <edges>\n")
        # What an edge writes of its relation, made once per relation name rather than once per edge.
        graphml_data, gexf_data = {}, {}
        for predicate in {r.predicate for r in analysis.relations}:
            relation = attr(predicate)
            graphml_data[predicate] = (f" id={relation}>\n  <data key=\"e_relation\">{escape(predicate)}</data>\n"
                                       f'  <data key="e_label">{escape(predicate)}</data>\n</edge>\n')
            gexf_data[predicate] = (f" label={relation}>\n        <attvalues>\n          <attvalue for=\"{_RELATION}\" "
                                    f"value={relation} />\n        </attvalues>\n      </edge>\n")
        for i, r in enumerate(sorted_relations(analysis)):
            ends = f"source={attr(r.subject)} target={attr(r.object)}"
            graphml.write(f"<edge {ends}{graphml_data[r.predicate]}")
            gexf.write(f'      <edge {ends} id="{i}"{gexf_data[r.predicate]}')
        graphml.write("</graph></graphml>\n")
        gexf.write("    </edges>\n  </graph>\n</gexf>\n")
