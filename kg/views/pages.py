"""Writes HTML pages from the templates in ``kg/views/assets/templates``, escaping everything.

Jinja2 autoescapes every value put into a template; the only values marked
safe are JSON made safe for a ``<script>`` element by ``script_json`` and SVG
swatches built from validated style data. The shared scripts and styles
(vis-network from the installed pyvis package, our own CSS and JS) are copied
once into ``views/assets/`` so that every page opens from disk with no network.
"""
from __future__ import annotations

import json
import re
import shutil
from functools import cache
from importlib.resources import files
from importlib.util import find_spec
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from kg.errors import KgError
from kg.views.styles import ClassStyle, ViewStyles

ASSETS_DIR = "assets"  # under views/
VIS_VERSION_DIR = "vis-9.1.2"
# Our scripts, in the order the page loads them (kg-app.js first: it defines KG.register).
ASSET_SCRIPTS = ("kg-app.js", "kg-net.js", "kg-export.js", "kg-entity.js", "kg-reader.js", "kg-tree.js", "kg-routes.js")
OUR_ASSETS = ("kg.css", *ASSET_SCRIPTS)
# No network and no inline script: pages load only files beside them.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
)
SAFE_FONT_STACK = re.compile(r'[\w\s",-]+')

# Unit-square SVG outlines for the legend, one per vis-network shape.
SWATCH_SHAPES = {
    "dot": '<circle cx="8" cy="8" r="6"/>',
    "square": '<rect x="2" y="2" width="12" height="12"/>',
    "diamond": '<polygon points="8,1 15,8 8,15 1,8"/>',
    "triangle": '<polygon points="8,1 15,14 1,14"/>',
    "triangleDown": '<polygon points="1,2 15,2 8,15"/>',
    "star": '<polygon points="8,1 10,6 15,6 11,9 13,15 8,11 3,15 5,9 1,6 6,6"/>',
    "hexagon": '<polygon points="4,2 12,2 15,8 12,14 4,14 1,8"/>',
}


@cache
def environment() -> Environment:
    templates = Path(str(files("kg.views").joinpath("assets/templates")))
    return Environment(
        loader=FileSystemLoader(templates),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def render(template: str, path: Path, **values) -> None:
    values.setdefault("csp", CSP)
    path.write_text(environment().get_template(template).render(**values), "utf-8")


def script_json(data: object) -> Markup:
    """JSON that cannot end its ``<script>`` element early or open a comment in it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return Markup(text)


def swatch(style: ClassStyle) -> Markup:
    # Safe to mark: the shape comes from a fixed table and the colour is checked to be #rrggbb.
    return Markup(
        f'<svg class="kg-swatch" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" '
        f'fill="{style.colour}">{SWATCH_SHAPES[style.shape]}</svg>'
    )


def vis_network_dir() -> Path:
    """vis-network as shipped inside the installed pyvis package (a library file, not ours)."""
    # Found, not imported: importing pyvis (and what it imports) took a tenth of a second of every build.
    spec = find_spec("pyvis")
    locations = list(spec.submodule_search_locations or ()) if spec is not None else []
    folder = Path(locations[0] if locations else "pyvis") / "lib" / VIS_VERSION_DIR
    if not (folder / "vis-network.min.js").is_file():
        raise KgError(f"vis-network not found in the pyvis package ({folder}); reinstall pyvis>=0.3.2")
    return folder


def theme_css(styles: ViewStyles) -> str:
    """The font stack and, per class, the colour of its highlighted mentions (colours are checked #rrggbb)."""
    if not SAFE_FONT_STACK.fullmatch(styles.font_stack):
        raise KgError("view_styles.toml: the font stack may hold only names, quotes, commas and spaces")
    rules = [f":root {{ --kg-font: {styles.font_stack}; }}"]
    for style in styles.classes.values():
        rules.append(f".kg-m-{style.name} {{ background: {style.colour}26; border-bottom: 2px solid {style.colour}; }}")
    return "\n".join(rules) + "\n"


def copy_assets(views_dir: Path, styles: ViewStyles) -> None:
    target = views_dir / ASSETS_DIR
    target.mkdir(parents=True, exist_ok=True)
    vis = vis_network_dir()
    shutil.copyfile(vis / "vis-network.min.js", target / "vis-network.min.js")
    shutil.copyfile(vis / "vis-network.css", target / "vis-network.min.css")
    ours = files("kg.views").joinpath("assets")
    for name in OUR_ASSETS:
        (target / name).write_bytes(ours.joinpath(name).read_bytes())
    (target / "kg-theme.css").write_text(theme_css(styles), "utf-8")
