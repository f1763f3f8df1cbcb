"""Tools over a finished build: ``query`` (SPARQL), ``validate`` (SHACL), ``evaluate`` (scores
against gold annotations, read by ``gold``) and ``bench`` (stage timings)."""
