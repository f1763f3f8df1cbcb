"""The national gazetteer of administrative divisions (see ``divisions``), and the rules for the
other names a division goes by (``aliases``, from ``aliases.toml``)."""
from kg.gazetteer.divisions import Division, Gazetteer, load_gazetteer

__all__ = ["Division", "Gazetteer", "load_gazetteer"]
