"""Shared fixtures (the only conftest: every test module's fixtures live here)."""
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal

from kg.model import ArticleMetadata, ArticleSummary, BuildReport, DroppedLine, Skipped
from kg.vocab import DATA, KG

DATA_DIR = Path(__file__).parent / "data"


# ----------------------------------------------------------------- analyse / views
# Hand-built graphs in the shape kg/graph.py writes: entities typed with a fine
# class whose subclass chain reaches a top class, relations as direct triples.
VIEWS_DEMO_TTL = DATA_DIR / "views_demo.ttl"
XSS = "<img src=x onerror=alert(1)>"
SUPERCLASS = {
    "Community": "AdministrativeUnit",
    "Subdistrict": "AdministrativeUnit",
    "District": "AdministrativeUnit",
    "University": "Partner",
    "PartyCommittee": "PartyOrganization",
}


def small_graph(nodes: dict[str, str], edges: list[tuple[str, str, str]]) -> Graph:
    """Entities ``{name: class}`` and relations ``(name, property, name)``; labels are the names."""
    graph = Graph()
    for cls in set(nodes.values()):
        if cls in SUPERCLASS:
            graph.add((KG[cls], RDFS.subClassOf, KG[SUPERCLASS[cls]]))
    for name, cls in nodes.items():
        graph.add((DATA[name], RDF.type, KG[cls]))
        graph.add((DATA[name], RDFS.label, Literal(name, lang="zh")))
    for subject, prop, obj in edges:
        graph.add((DATA[subject], KG[prop], DATA[obj]))
    return graph


def report_for(graph: Graph, **extra) -> BuildReport:
    """A build report whose articles are the graph's Article nodes (id = last IRI segment)."""
    summaries = []
    for i, node in enumerate(sorted(graph.subjects(RDF.type, KG.Article))):
        article_id = str(node).rsplit("/", 1)[-1]
        title = graph.value(node, RDFS.label)
        summaries.append(
            ArticleSummary(
                id=article_id,
                source=f"seeds/{i:03d}_{article_id}.txt",
                metadata=ArticleMetadata(
                    title=str(title) if title else None, published=f"2023-12-{i + 1:02d}", source_name="红网"
                ),
                content_hash="0" * 64,
                chars=1200 + i,
                dropped=(
                    DroppedLine("当前位置:", "navigation", 0, 5),
                    DroppedLine("01_副本.jpg", "image file name", 90, 99),
                ),
            )
        )
    return BuildReport(articles=tuple(summaries), **extra)


@pytest.fixture
def demo_graph() -> Graph:
    return Graph().parse(VIEWS_DEMO_TTL)


@pytest.fixture
def demo_report(demo_graph) -> BuildReport:
    return report_for(demo_graph, skipped=(Skipped("seeds/broken.html", "no article text found"),))


@pytest.fixture
def xss_graph(demo_graph) -> Graph:
    """The demo graph plus an article and an entity whose text tries to run script."""
    article = DATA["article/bad0bad0bad0bad0"]
    evil = DATA["unit/evil"]
    mention = DATA["mention/evil"]
    for triple in (
        (article, RDF.type, KG.Article),
        (article, RDFS.label, Literal("<script>alert(3)</script>标题", lang="zh")),
        (evil, RDF.type, KG.Community),
        (evil, RDFS.label, Literal(XSS, lang="zh")),
        (evil, SKOS.altLabel, Literal("</script><script>alert(2)</script>")),
        (evil, KG.mentionedIn, article),
        (evil, KG.partOf, DATA["unit/xiameiqiao"]),
        (mention, RDF.type, KG.Mention),
        (mention, KG.mentionOf, evil),
        (mention, KG.inArticle, article),
        (mention, KG.sentence, Literal('"><svg onload=alert(4)> \u2028 <!-- --> </script>')),
    ):
        demo_graph.add(triple)
    return demo_graph


@pytest.fixture
def xss_report(xss_graph) -> BuildReport:
    return report_for(
        xss_graph,
        skipped=(Skipped("<img src=x onerror=alert(5)>.html", "<b>not</b> an article"),),
        warnings=("<script>alert(6)</script>",),
    )


@pytest.fixture
def make_graph():
    """``make_graph(nodes, edges)``: a small entity graph (see ``small_graph``)."""
    return small_graph
