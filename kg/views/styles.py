"""The views' colours, shapes and Chinese names, loaded from ``kg/views/styles.toml``."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from kg.errors import KgError
from kg.model import RELATIONS, TOP_CLASSES

SHAPES = ("dot", "square", "diamond", "triangle", "triangleDown", "star", "hexagon")
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class ClassStyle:
    name: str  # top class local name
    label: str  # Chinese name shown in legends and tooltips
    colour: str  # "#rrggbb"
    shape: str  # one of SHAPES


@dataclass(frozen=True)
class RelationStyle:
    name: str
    label: str
    colour: str
    undirected: bool = False


@dataclass(frozen=True)
class ViewStyles:
    font_stack: str
    overview_max_nodes: int
    unit_view_max_nodes: int
    classes: dict[str, ClassStyle]
    relations: dict[str, RelationStyle]
    levels: dict[str, str]


@cache
def load_styles() -> ViewStyles:
    data = tomllib.loads(files("kg.views").joinpath("styles.toml").read_text("utf-8"))
    classes = {name: ClassStyle(name=name, **data["classes"][name]) for name in TOP_CLASSES}
    relations = {name: RelationStyle(name=name, **data["relations"][name]) for name in RELATIONS}
    for style in (*classes.values(), *relations.values()):
        # Colours end up in SVG and inline styles: only plain hex codes are accepted.
        if not HEX_COLOUR.fullmatch(style.colour):
            raise KgError(f"view_styles.toml: colour of {style.name} must be #rrggbb, not {style.colour!r}")
    for style in classes.values():
        if style.shape not in SHAPES:
            raise KgError(f"view_styles.toml: shape of {style.name} must be one of {', '.join(SHAPES)}")
    return ViewStyles(
        font_stack=data["font"]["stack"],
        overview_max_nodes=int(data["overview"]["max_nodes"]),
        unit_view_max_nodes=int(data["unit_view"]["max_nodes"]),
        classes=classes,
        relations=relations,
        levels=dict(data["levels"]),
    )
