"""Graph and export stages: the resolved corpus as RDF, and the files it is written to.

``vocab`` mirrors the ontology (shipped in ``ontology/`` beside it), ``iri``
mints every IRI, ``article`` writes each article's own triples (a chunk),
``graph`` the corpus-wide entities, relations and measures, ``description``
the ontology and the dataset's VoID/PROV description, ``turtle`` the terms
and blocks they are made of, and ``export`` writes ``graph.ttl``, loads the
Oxigraph store from it and reads it back.
"""
