"""Shared fixtures (the only conftest: every test module's fixtures live here)."""
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal

from kg.model import ArticleMetadata, ArticleSummary, BuildReport, DroppedLine, Skipped
from kg.rdf.vocab import DATA, KG

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


@pytest.fixture(scope="session")
def thousand_node_graph() -> Graph:
    """1,000 entities: 4 subdistricts, 40 communities with a party committee each, programs and partners."""
    nodes: dict[str, str] = {}
    edges: list[tuple[str, str, str]] = []
    for s in range(4):
        nodes[f"s{s}"] = "Subdistrict"
    for c in range(40):
        nodes[f"c{c}"], nodes[f"o{c}"] = "Community", "PartyCommittee"
        edges += [(f"c{c}", "partOf", f"s{c % 4}"), (f"o{c}", "partyOrgOf", f"c{c}")]
    for p in range(60):
        nodes[f"u{p}"] = "University"
        edges += [(f"c{(p * 7 + k) % 40}", "partnersWith", f"u{p}") for k in range(3)]
    for g in range(1000 - len(nodes)):
        nodes[f"g{g}"] = "Program"
        edges.append((f"o{g % 40}", "runsProgram", f"g{g}"))
    return small_graph(nodes, edges)


# ------------------------------------------------------------ graph / export / query
# A small hand-built corpus: two articles, resolved by hand. Offsets are found
# in the article texts, so they index the original text as the model requires.
ARTICLE_A = (
    "白马湖畔展新颜\n"
    "常德市武陵区白马湖街道党工委指导长家山社区党总支联合湖南文理学院开展“微改造”工程。"
    "花园洞社区党委书记张圣忠介绍，白马湖文化公园面积1700㎡。"
    "花园洞社区与湖南文理学院结对共建。"
    "杭州市西湖社区派人来学习。"
)
ARTICLE_B = (
    "邻里节暖人心\n"
    "长家山社区党总支举办邻里节活动。"
    "长家山党群服务中心可容纳368人。"
    "长家山社区和常德职业技术学院签订共建协议。"
    "白马湖街道西湖社区也来参加。"
)
ARTICLE_TEXTS = {"a1a1a1a1a1a1a1a1": ARTICLE_A, "b2b2b2b2b2b2b2b2": ARTICLE_B}
A, B = ARTICLE_TEXTS


def evidence_of(article_id: str, phrase: str, span: str | None = None):
    """Evidence for ``span`` (default: the whole phrase) where ``phrase`` first occurs."""
    from kg.model import Evidence

    text = ARTICLE_TEXTS[article_id]
    at = text.index(phrase) + phrase.index(span or phrase)
    end = at + len(span or phrase)
    sentence_start = max(text.rfind("。", 0, at), text.rfind("\n", 0, at)) + 1
    sentence_end = text.index("。", at) + 1
    return Evidence(article_id, text[sentence_start:sentence_end], sentence_start, sentence_end, at, end)


def _entity(key, cls, label, kind=None, *mentions, **fields):
    from kg.model import Entity

    evidence = tuple(evidence_of(article, phrase, span) for article, phrase, span in mentions)
    return Entity(key=key, cls=cls, label=label, kind=kind, evidence=evidence, **fields)


def hand_built_corpus():
    from kg.model import Relation, ResolvedCorpus

    U, O, P, F, R = "AdministrativeUnit", "PartyOrganization", "Program", "Facility", "Partner"
    entities = (
        _entity("湖南省", U, "湖南省", "province", (A, "常德市", None), code="430000", implicit=True),
        _entity("常德市", U, "常德市", "city", (A, "常德市", None), code="430700"),
        _entity("武陵区", U, "武陵区", "district", (A, "武陵区", None), code="430702"),
        _entity("白马湖街道", U, "白马湖街道", "subdistrict", (A, "白马湖街道", None), (B, "白马湖街道", None)),
        _entity("长家山社区", U, "长家山社区", "community", (A, "长家山社区", None), (B, "长家山社区", None),
                (B, "长家山党群", "长家山"), alt_labels=("长家山",)),
        _entity("花园洞社区", U, "花园洞社区", "community", (A, "花园洞社区", None),
                (A, "花园洞社区与湖南文理学院", "花园洞社区")),
        _entity("西湖社区|杭州市", U, "西湖社区", "community", (A, "西湖社区", None)),
        _entity("西湖社区|白马湖街道", U, "西湖社区", "community", (B, "西湖社区", None)),
        _entity("白马湖街道党工委", O, "白马湖街道党工委", "党工委", (A, "白马湖街道党工委", None)),
        _entity("长家山社区党总支", O, "长家山社区党总支", "党总支", (A, "长家山社区党总支", None),
                (B, "长家山社区党总支", None)),
        _entity("花园洞社区党委", O, "花园洞社区党委", "党委", (A, "花园洞社区党委", None)),
        _entity("微改造", P, "微改造", "project", (A, "“微改造”工程", None), alt_labels=("“微改造”工程",)),
        _entity("邻里节", P, "邻里节", "event", (B, "邻里节", None)),
        _entity("白马湖文化公园", F, "白马湖文化公园", None, (A, "白马湖文化公园", None),
                attributes=(("area", "1700㎡"),)),
        _entity("长家山党群服务中心", F, "长家山党群服务中心", None, (B, "长家山党群服务中心", None),
                attributes=(("capacity", "可容纳368人"),)),
        _entity("湖南文理学院", R, "湖南文理学院", "university", (A, "湖南文理学院", None)),
        _entity("常德职业技术学院", R, "常德职业技术学院", None, (B, "常德职业技术学院", None)),
        _entity("张圣忠", "Person", "张圣忠", None, (A, "张圣忠", None), role="社区党委书记"),
    )

    def rel(subject, predicate, obj, *mentions, rules=("pattern:test",)):
        evidence = tuple(evidence_of(article, phrase, span) for article, phrase, span in mentions)
        return Relation(subject, predicate, obj, evidence, rules)

    relations = (
        rel("常德市", "partOf", "湖南省", (A, "常德市", None), rules=("gazetteer",)),
        rel("武陵区", "partOf", "常德市", (A, "常德市武陵区", None), rules=("gazetteer",)),
        rel("白马湖街道", "partOf", "武陵区", (A, "武陵区白马湖街道", None)),
        rel("长家山社区", "partOf", "白马湖街道", (A, "白马湖街道党工委指导长家山社区", None)),
        rel("花园洞社区", "partOf", "白马湖街道", (A, "花园洞社区", None), rules=("context",)),
        rel("西湖社区|白马湖街道", "partOf", "白马湖街道", (B, "白马湖街道西湖社区", None)),
        rel("长家山社区党总支", "partyOrgOf", "长家山社区", (A, "长家山社区党总支", None),
            (B, "长家山社区党总支", None), rules=("name",)),
        rel("花园洞社区党委", "partyOrgOf", "花园洞社区", (A, "花园洞社区党委", None), rules=("name",)),
        rel("白马湖街道党工委", "partyOrgOf", "白马湖街道", (A, "白马湖街道党工委", None), rules=("name",)),
        rel("长家山社区党总支", "subOrganizationOf", "白马湖街道党工委", (A, "白马湖街道党工委指导长家山社区党总支", None)),
        rel("长家山社区党总支", "runsProgram", "微改造", (A, "长家山社区党总支联合湖南文理学院开展“微改造”工程", None)),
        rel("长家山社区党总支", "runsProgram", "邻里节", (B, "长家山社区党总支举办邻里节", None)),
        rel("白马湖街道", "hasFacility", "白马湖文化公园", (A, "白马湖文化公园", None), rules=("context",)),
        rel("长家山社区", "hasFacility", "长家山党群服务中心", (B, "长家山党群服务中心", None)),
        rel("长家山社区党总支", "partnersWith", "湖南文理学院", (A, "长家山社区党总支联合湖南文理学院", None)),
        rel("花园洞社区", "partnersWith", "湖南文理学院", (A, "花园洞社区与湖南文理学院结对共建", None)),
        rel("长家山社区", "partnersWith", "常德职业技术学院", (B, "长家山社区和常德职业技术学院签订共建", None)),
        rel("张圣忠", "leads", "花园洞社区党委", (A, "花园洞社区党委书记张圣忠", None)),
    )
    return ResolvedCorpus(entities=entities, relations=relations)


def hand_built_summaries():
    import hashlib

    meta_a = ArticleMetadata(
        title="白马湖畔展新颜", published="2024-01-15", source_name="常德日报",
        url="https://example.com/news?id=1&from=home", authors=("李记者",),
    )
    return [
        ArticleSummary(
            id=article_id,
            source=f"/somewhere/{article_id}.txt",
            metadata=meta_a if article_id == A else ArticleMetadata(title="邻里节暖人心"),
            content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            chars=len(text),
        )
        for article_id, text in ARTICLE_TEXTS.items()
    ]


@pytest.fixture
def corpus():
    """The hand-built resolved corpus (see ``hand_built_corpus``)."""
    return hand_built_corpus()


@pytest.fixture
def summaries():
    return hand_built_summaries()


@pytest.fixture(scope="session")
def built_dir(tmp_path_factory) -> Path:
    """A folder holding graph.ttl written from the hand-built corpus (read-only: shared by tests)."""
    from kg.rdf.export import write_graph
    from kg.rdf.graph import build_graph

    out = tmp_path_factory.mktemp("built")
    write_graph(build_graph(hand_built_summaries(), hand_built_corpus()), out)
    return out


@pytest.fixture(scope="session")
def stored_dir(built_dir, tmp_path_factory) -> Path:
    """``built_dir``'s graph.ttl beside an on-disk Oxigraph store holding the same triples (read-only)."""
    import shutil

    import pyoxigraph as ox

    out = tmp_path_factory.mktemp("stored")
    shutil.copy(built_dir / "graph.ttl", out / "graph.ttl")
    store = ox.Store(str(out / "graph.oxigraph"))
    store.bulk_load(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    store.flush()
    del store  # closes it: readers open it read-only
    return out
