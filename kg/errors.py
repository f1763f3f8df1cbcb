"""The library's errors. The CLI turns each into one ``Error: ...`` line."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


class KgError(Exception):
    """Base class: something the user can act on; the message says what to do."""


class InputError(KgError):
    """The inputs named on the command line cannot be used."""


class OutputError(KgError):
    """The output folder cannot be used or replaced."""


class NoArticlesError(KgError):
    """No usable article was found in the inputs."""


class StageError(KgError):
    """A pipeline stage failed; the message names the stage."""


class ClusterError(KgError):
    """The Dask cluster of ``--scheduler`` cannot be reached, has no usable worker, or failed mid-build."""


class GraphNotFoundError(KgError):
    """There is no built graph in the output folder."""


class GraphFileError(KgError):
    """The built graph file is empty, damaged or not Turtle."""


class QueryError(KgError):
    """A SPARQL query could not be parsed or run."""


class GoldError(KgError):
    """Gold annotations are missing or malformed."""


class OntologyNotFoundError(KgError):
    """The ontology/ folder beside the package is missing."""


class ShapesError(KgError):
    """The SHACL shapes use something kg validate cannot check, or one of their queries fails."""


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Name the stage in any unexpected error, so a failure says where it happened."""
    try:
        yield
    except KgError:
        raise
    except Exception as exc:  # noqa: BLE001 - re-raised with the stage named
        raise StageError(f"stage '{name}' failed: {type(exc).__name__}: {exc}") from exc
