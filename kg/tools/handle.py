"""``kg.open(DIR)``: a handle on a build, for notebooks.

    >>> build = kg.open("exports")
    >>> build.query("SELECT ?l WHERE { ?c a kg:Community ; rdfs:label ?l }").rows
    >>> build.query("SELECT ...", as_frame=True)       # a pandas DataFrame (pandas installed)
    >>> build.network()                                # networkx MultiDiGraph of the entities
    >>> build.rdflib_graph()                           # rdflib Graph over the same store

Queries run on the build's Oxigraph store opened read-only (or graph.ttl
loaded into memory when there is no store), with graph.ttl's prefixes
predeclared, exactly as ``kg query`` runs them. ``rdflib_graph`` wraps that
same store with oxrdflib (read-only: adding a triple raises), so rdflib code
and SPARQL see the same triples without parsing graph.ttl again; without a
store it parses graph.ttl.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.analyse.networkfiles import GRAPHML_FILE
from kg.errors import GraphNotFoundError, KgError
from kg.graphfiles import declared_prefixes, store_dir
from kg.rdf.export import load_graph
from kg.tools.query import QueryResult, Value, check_local_read_only, execute, read_query, to_result
from kg.tools.store import open_store

XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {XSD + name for name in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")}
_DECIMALS = {XSD + "decimal", XSD + "double", XSD + "float"}


@dataclass
class Build:
    """The graph built in one output folder."""

    out_dir: Path
    store: ox.Store = field(repr=False)
    prefixes: dict[str, str] = field(repr=False)

    def query(self, sparql: str, as_frame: bool = False):
        """Rows of a SPARQL query (text or a .rq path); a pandas DataFrame with ``as_frame=True``."""
        text = read_query(sparql)
        check_local_read_only(text)
        result = to_result(execute(self.store, text, self.prefixes), self.prefixes)
        return to_dataframe(result) if as_frame else result

    def network(self) -> nx.MultiDiGraph:
        """The entity network the build exported (graph.graphml): node = IRI, attributes = label, class, measures."""
        path = self.out_dir / GRAPHML_FILE
        if not path.is_file():
            raise GraphNotFoundError(f"no {GRAPHML_FILE} in {self.out_dir}: rebuild it with `kg build INPUT... --out {self.out_dir}`")
        return nx.MultiDiGraph(nx.read_graphml(path))

    def rdflib_graph(self) -> Graph:
        """An rdflib ``Graph`` of the build: over its store through oxrdflib, else parsed from graph.ttl."""
        if store_dir(self.out_dir) is None:
            return load_graph(self.out_dir)
        graph = Graph(store=OxigraphStore(store=self.store), identifier=DATASET_DEFAULT_GRAPH_ID)
        for prefix, namespace in self.prefixes.items():
            graph.bind(prefix, namespace, override=True)
        return graph


def open_build(out_dir: Path | str = "exports") -> Build:
    """A handle on the graph built in ``out_dir`` (``GraphNotFoundError`` when there is none)."""
    out_dir = Path(out_dir)
    return Build(out_dir, open_store(out_dir), declared_prefixes(out_dir))


def python_value(value: Value | None):
    """A cell as Python: numbers for numeric literals, text otherwise (IRIs in full), None when unbound."""
    if value is None:
        return None
    if value.datatype in _INTEGERS:
        return int(value.value)
    if value.datatype in _DECIMALS:
        return float(Decimal(value.value))
    if value.datatype == XSD + "boolean":
        return value.value == "true"
    return value.value


def to_dataframe(result: QueryResult):
    """A pandas DataFrame of a result: one column per variable (an ASK gives one ``boolean`` cell)."""
    try:
        import pandas  # noqa: PLC0415 - optional: kg does not depend on pandas, so it is looked for when asked
    except ImportError:
        raise KgError("as_frame=True needs pandas: pip install pandas") from None
    if result.boolean is not None:
        return pandas.DataFrame({"boolean": [result.boolean]})
    return pandas.DataFrame([[python_value(v) for v in row] for row in result.rows], columns=list(result.variables))
