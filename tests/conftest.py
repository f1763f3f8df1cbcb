"""Shared fixtures (the only conftest: every test module's fixtures live here)."""
import json
import os
import re
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import pytest
from rdflib import RDF, RDFS, Graph, Literal

from kg.model import ArticleMetadata, BuildReport, DroppedLine, Skipped
from kg.rdf.vocab import DATA, KG

DATA_DIR = Path(__file__).parent / "data"


@pytest.fixture(autouse=True, scope="session")
def private_table_cache(tmp_path_factory):
    """The tests' builds keep kg's table cache (kg.tablecache) in a folder of their own, not the user's."""
    os.environ["KG_CACHE_DIR"] = str(tmp_path_factory.mktemp("table-cache"))


# ----------------------------------------------------------------- analyse / views
# Hand-built graphs in the shape kg/graph.py writes: entities typed with a fine
# class whose subclass chain reaches a top class, relations as direct triples.
VIEWS_DEMO_TTL = DATA_DIR / "views_demo.ttl"
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


@pytest.fixture
def demo_graph() -> Graph:
    return Graph().parse(VIEWS_DEMO_TTL)


@pytest.fixture
def make_graph():
    """``make_graph(nodes, edges)``: a small entity graph (see ``small_graph``)."""
    return small_graph


def thousand_node_network() -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """1,000 entities: 4 subdistricts, 40 communities with a party committee each, programs and partners."""
    nodes = {f"s{s}": "Subdistrict" for s in range(4)}
    edges: list[tuple[str, str, str]] = []
    for c in range(40):
        nodes[f"c{c}"], nodes[f"o{c}"] = "Community", "PartyCommittee"
        edges += [(f"c{c}", "partOf", f"s{c % 4}"), (f"o{c}", "partyOrgOf", f"c{c}")]
    for p in range(60):
        nodes[f"u{p}"] = "University"
        edges += [(f"c{(p * 7 + k) % 40}", "partnersWith", f"u{p}") for k in range(3)]
    for g in range(1000 - len(nodes)):
        nodes[f"g{g}"] = "Program"
        edges.append((f"o{g % 40}", "runsProgram", f"g{g}"))
    return nodes, edges


@pytest.fixture(scope="session")
def thousand_node_graph() -> Graph:
    return small_graph(*thousand_node_network())


# ------------------------------------------------------------ graph / export / query
# A small hand-built corpus: two articles and what an extractor would find in
# them, written by hand (offsets are found in the texts). The graph tests run
# the real resolve, graph and export stages over it (``build_hand_built``).
ARTICLE_A = (
    "创业园畔展新颜\n"
    "绵阳市涪城区创业园街道党工委指导柳家坪社区党总支联合涪江理工学院开展“微更新”工程。"
    "桂花巷社区党委书记周建明介绍，创业园文化公园面积1700㎡。"
    "桂花巷社区与涪江理工学院结对共建。"
    "杭州市西湖社区派人来学习。"
    "桂花巷社区党委副书记李芳参加。"
)
ARTICLE_B = (
    "睦邻节暖人心\n"
    "柳家坪社区党总支举办睦邻节活动。"
    "柳家坪党群服务中心可容纳368人。"
    "柳家坪社区和绵州职业技术学院签订共建协议。"
    "创业园街道西湖社区也来参加。"
)
ARTICLE_TEXTS = {"a1a1a1a1a1a1a1a1": ARTICLE_A, "b2b2b2b2b2b2b2b2": ARTICLE_B}
A, B = ARTICLE_TEXTS
U, O, P, F, R, H = "AdministrativeUnit", "PartyOrganization", "Program", "Facility", "Partner", "Person"
CODES = {"四川省": "510000000000", "绵阳市": "510700000000", "涪城区": "510703000000",
         "创业园街道": "510703009000", "杭州市": "330100000000"}


def evidence_of(article_id: str, phrase: str, span: str | None = None):
    """Evidence for ``span`` (default: the whole phrase) where ``phrase`` first occurs."""
    from kg.model import Evidence

    text = ARTICLE_TEXTS[article_id]
    at = text.index(phrase) + phrase.index(span or phrase)
    end = at + len(span or phrase)
    sentence_start = max(text.rfind("。", 0, at), text.rfind("\n", 0, at)) + 1
    sentence_end = text.index("。", at) + 1
    return Evidence(article_id, text[sentence_start:sentence_end], sentence_start, sentence_end, at, end)


def mention(article, cls, name, phrase=None, span=None, **fields):
    """A mention of ``name`` where ``phrase`` occurs (default: the name itself)."""
    from kg.model import Mention

    evidence = evidence_of(article, phrase or name, span or (None if phrase else name))
    surface = ARTICLE_TEXTS[article][evidence.start:evidence.end]
    if cls == U and name in CODES and "code" not in fields:
        fields["code"] = CODES[name]
    return Mention(cls, name, surface, evidence, **fields)


def relation(article, subject, predicate, obj, phrase, span=None, rule="pattern:test"):
    from kg.model import EntityRef, LocalRelation

    return LocalRelation(EntityRef(*subject), predicate, EntityRef(*obj), evidence_of(article, phrase, span), rule)


def hand_built_extractions():
    from kg.model import ArticleExtraction

    a = (
        mention(A, U, "绵阳市", kind="city"),
        mention(A, U, "涪城区", kind="district"),
        mention(A, U, "创业园街道", "涪城区创业园街道", "创业园街道", kind="subdistrict"),
        mention(A, U, "四川省", "绵阳市", kind="province", implicit=True),
        mention(A, U, "柳家坪社区", "指导柳家坪社区", "柳家坪社区", kind="community"),
        mention(A, U, "桂花巷社区", "桂花巷社区党委书记", "桂花巷社区", kind="community"),
        mention(A, U, "桂花巷社区", "桂花巷社区与", "桂花巷社区", kind="community"),
        mention(A, U, "杭州市", kind="city"),
        mention(A, U, "西湖社区", "杭州市西湖社区", "西湖社区", kind="community"),
        mention(A, O, "创业园街道党工委", kind="党工委"),
        mention(A, O, "柳家坪社区党总支", kind="党总支"),
        mention(A, O, "桂花巷社区党委", "桂花巷社区党委书记", "桂花巷社区党委", kind="党委"),
        mention(A, P, "微更新", "“微更新”工程", kind="project", aliases=("微更新工程",)),
        mention(A, F, "创业园文化公园", attributes=(("area", "1700㎡"),)),
        mention(A, R, "涪江理工学院", "联合涪江理工学院", "涪江理工学院"),
        mention(A, R, "涪江理工学院", "与涪江理工学院", "涪江理工学院"),
        mention(A, H, "周建明", role="社区党委书记"),
        mention(A, H, "李芳", role="社区党委副书记"),
    )
    a_relations = (
        relation(A, (U, "柳家坪社区"), "partOf", (U, "创业园街道"), "指导柳家坪社区", "柳家坪社区", "context"),
        relation(A, (U, "桂花巷社区"), "partOf", (U, "创业园街道"), "桂花巷社区与", "桂花巷社区", "context"),
        relation(A, (U, "西湖社区"), "partOf", (U, "杭州市"), "杭州市西湖社区", "西湖社区", "name"),
        relation(A, (U, "涪城区"), "partOf", (U, "四川省"), "涪城区", rule="name"),  # skip-level: the gazetteer wins
        relation(A, (O, "创业园街道党工委"), "partyOrgOf", (U, "创业园街道"), "创业园街道党工委", rule="name"),
        relation(A, (O, "柳家坪社区党总支"), "partyOrgOf", (U, "柳家坪社区"), "柳家坪社区党总支", rule="name"),
        relation(A, (O, "桂花巷社区党委"), "partyOrgOf", (U, "桂花巷社区"), "桂花巷社区党委书记", "桂花巷社区党委",
                 rule="name"),
        relation(A, (O, "柳家坪社区党总支"), "subOrganizationOf", (O, "创业园街道党工委"), "柳家坪社区党总支",
                 rule="context"),
        relation(A, (O, "柳家坪社区党总支"), "runsProgram", (P, "微更新"), "“微更新”工程"),
        relation(A, (U, "创业园街道"), "hasFacility", (F, "创业园文化公园"), "创业园文化公园", rule="context"),
        relation(A, (O, "柳家坪社区党总支"), "partnersWith", (R, "涪江理工学院"), "联合涪江理工学院", "涪江理工学院"),
        relation(A, (U, "桂花巷社区"), "partnersWith", (R, "涪江理工学院"), "与涪江理工学院", "涪江理工学院"),
        relation(A, (H, "周建明"), "leads", (O, "桂花巷社区党委"), "周建明", rule="pattern:role"),
        relation(A, (H, "李芳"), "leads", (O, "桂花巷社区党委"), "李芳", rule="pattern:role"),
    )
    b = (
        mention(B, O, "柳家坪社区党总支", kind="党总支"),
        mention(B, U, "柳家坪社区", "柳家坪社区党总支", "柳家坪社区", kind="community"),
        mention(B, U, "柳家坪社区", "柳家坪社区和", "柳家坪社区", kind="community"),
        mention(B, P, "睦邻节", "举办睦邻节", "睦邻节", kind="event"),
        mention(B, F, "柳家坪党群服务中心", attributes=(("capacity", "可容纳368人"),)),
        mention(B, R, "绵州职业技术学院"),
        mention(B, U, "创业园街道", kind="subdistrict"),
        mention(B, U, "西湖社区", "创业园街道西湖社区", "西湖社区", kind="community"),
    )
    b_relations = (
        relation(B, (O, "柳家坪社区党总支"), "partyOrgOf", (U, "柳家坪社区"), "柳家坪社区党总支", rule="name"),
        relation(B, (U, "柳家坪社区"), "partOf", (U, "创业园街道"), "柳家坪社区和", "柳家坪社区", "context"),
        relation(B, (U, "西湖社区"), "partOf", (U, "创业园街道"), "创业园街道西湖社区", "西湖社区", "name"),
        relation(B, (O, "柳家坪社区党总支"), "runsProgram", (P, "睦邻节"), "举办睦邻节", "睦邻节"),
        relation(B, (U, "柳家坪社区"), "hasFacility", (F, "柳家坪党群服务中心"), "柳家坪党群服务中心"),
        relation(B, (U, "柳家坪社区"), "partnersWith", (R, "绵州职业技术学院"), "绵州职业技术学院"),
    )
    return {A: ArticleExtraction(A, a, a_relations), B: ArticleExtraction(B, b, b_relations)}


def hand_built_article(article_id):
    """The article as prepare_article would give it (here: its text is already normal)."""
    import hashlib

    from kg.model import Article, NormalisedText

    text = ARTICLE_TEXTS[article_id]
    meta_a = ArticleMetadata(
        title="创业园畔展新颜", published="2024-01-15", source_name="绵州日报",
        url="https://example.com/news?id=1&from=home", authors=("李记者",),
    )
    return Article(
        id=article_id, source=f"/somewhere/{article_id}.txt", original=text,
        normalised=NormalisedText(text, tuple(range(len(text) + 1))), body=((0, len(text)),), dropped=(),
        metadata=meta_a if article_id == A else ArticleMetadata(title="睦邻节暖人心"),
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def hand_built_facts():
    from kg.resolve import observe

    return {i: observe(hand_built_article(i), e) for i, e in hand_built_extractions().items()}


def hand_built_summaries():
    from kg.model import summarise

    return [summarise(hand_built_article(i)) for i in ARTICLE_TEXTS]


def build_graph_files(out: Path, articles) -> Path:
    """graph.ttl and the store in ``out`` from (summary, facts) pairs: the build's corpus-wide stages."""
    from kg.analyse import SEED, analyse_records, records_of
    from kg.rdf.article import article_chunk
    from kg.rdf.export import AnalysisFacts, ChunkTotals, data_names, write_graph
    from kg.resolve import CorpusTables

    tables = CorpusTables()
    for _, facts in articles:
        tables.add(facts)
    corpus = tables.resolve()
    analysis = analyse_records(*records_of(corpus))
    chunks = [article_chunk(summary, facts, data_names()) for summary, facts in sorted(articles, key=lambda a: a[0].id)]
    totals = ChunkTotals([c.text.encode("utf-8") for c in chunks], len(chunks), sum(c.triples for c in chunks),
                         sum(c.sentences for c in chunks), sum(c.mentions for c in chunks))
    measures = [(m.iri, m.betweenness, m.page_rank, m.community) for m in analysis.metrics]
    out.mkdir(parents=True, exist_ok=True)
    write_graph(out, corpus, measures, totals, AnalysisFacts(analysis.betweenness_sample, SEED))
    return out


def hand_built_pairs():
    facts = hand_built_facts()
    return [(s, facts[s.id]) for s in hand_built_summaries()]


@pytest.fixture(scope="session")
def built_dir(tmp_path_factory) -> Path:
    """A folder holding graph.ttl and graph.oxigraph/ built from the hand-built corpus (read-only: shared)."""
    return build_graph_files(tmp_path_factory.mktemp("built"), hand_built_pairs())


# ------------------------------------------------------------------------ views
# The views get what the build gives them: the resolved corpus, the analysis,
# the report and the articles streamed from the build's per-article results.
# ``view_inputs`` makes those from hand-built extractions by running the
# build's own per-article and corpus-wide steps (observe, the Turtle chunk,
# the cache, resolve, analyse); the fixtures give it the hand-built corpus
# above, and a hostile one whose every text tries to run script.
def article_with_text(article_id: str, text: str, metadata: ArticleMetadata | None = None):
    """An article whose body is its text's non-empty lines (a first line "当前位置:" is furniture); text already normal."""
    import hashlib

    from kg.model import Article, NormalisedText

    body, dropped, at = [], [], 0
    for line in text.split("\n"):
        span = (at, at + len(line))
        if line.startswith("当前位置"):
            dropped.append(DroppedLine(line, "navigation", *span))
        elif line.strip():
            body.append(span)
        at += len(line) + 1
    return Article(
        id=article_id, source=f"/somewhere/{article_id}.txt", original=text,
        normalised=NormalisedText(text, tuple(range(len(text) + 1))), body=tuple(body), dropped=tuple(dropped),
        metadata=metadata or ArticleMetadata(title=text.split("\n")[0], published="2024-02-01"),
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


class ViewInputs(NamedTuple):
    tables: object  # kg.model.BuildTables
    analysis: object  # kg.analyse.network.Analysis
    report: BuildReport


def view_inputs(articles, skipped=(Skipped("seeds/broken.html", "no article text found"),)) -> ViewInputs:
    """What the pipeline hands write_views, from (Article, ArticleExtraction) pairs in input order."""
    from kg.analyse import analyse_records, records_of
    from kg.cache import ArticleResult, open_cache
    from kg.cache.codec import ArticleText
    from kg.model import BuildTables, summarise
    from kg.pipeline import article_records
    from kg.rdf.article import article_chunk
    from kg.rdf.export import data_names
    from kg.resolve import CorpusTables, observe

    cache, _ = open_cache(None, "views-test")
    try:
        tables, summaries, sources = CorpusTables(), [], {}
        for article, extraction in articles:
            facts, summary = observe(article, extraction), summarise(article)
            cache.put_article(ArticleResult(summary, facts, article_chunk(summary, facts, data_names()),
                                            ArticleText(article.text, article.body)))
            cache.use_article(article.id)
            tables.add(facts)
            summaries.append(summary)
            sources[article.id] = article.source
        records = list(article_records(cache, sources))
    finally:
        cache.close(keep=False)
    corpus = tables.resolve()
    analysis = analyse_records(*records_of(corpus))
    report = BuildReport(articles=tuple(summaries), skipped=tuple(skipped))
    return ViewInputs(BuildTables(corpus, lambda: iter(records)), analysis, report)


def corpus_view_inputs() -> ViewInputs:
    """The hand-built corpus; article B's 柳家坪社区 also supports the short form 柳家坪 (an alias to show)."""
    from dataclasses import replace

    meta = {s.id: s.metadata for s in hand_built_summaries()}
    extractions = hand_built_extractions()
    b = extractions[B]
    mentions = tuple(replace(m, aliases=("柳家坪",)) if m.name == "柳家坪社区" else m for m in b.mentions)
    extractions[B] = replace(b, mentions=mentions)
    return view_inputs([(article_with_text(i, text, meta[i]), extractions[i]) for i, text in ARTICLE_TEXTS.items()])


@pytest.fixture
def corpus_views() -> ViewInputs:
    """The hand-built corpus with its two article texts, ready for write_views."""
    return corpus_view_inputs()


HOSTILE = {
    "name": "<img src=x onerror=alert(1)>社区",
    "alias": "</script><script>alert(2)</script>",
    "title": "<script>alert(3)</script>标题",
    "partner": '"><svg onload=alert(4)>学院',
    "url": "javascript:alert(7)",
}
HOSTILE_TEXT = (f"当前位置:<a href=javascript:alert(8)>首页</a>\n{HOSTILE['title']}\n"
                f"{HOSTILE['name']}与{HOSTILE['partner']}结对共建。<!-- --> \u2028 </script>\n")


@pytest.fixture
def hostile_views() -> ViewInputs:
    """An article whose title, URL, names, aliases, rules and sentences all try to run script."""
    from kg.model import ArticleExtraction, EntityRef, Evidence, LocalRelation, Mention

    text, article_id = HOSTILE_TEXT, "bad0bad0bad0bad0"
    start = text.index("\n", text.index("\n") + 1) + 1
    end = text.index("。", start) + 1

    def evidence(phrase):
        at = text.index(phrase)
        return Evidence(article_id, text[start:end], start, end, at, at + len(phrase))

    unit = Mention(U, HOSTILE["name"], HOSTILE["name"], evidence(HOSTILE["name"]), kind="community",
                   aliases=(HOSTILE["alias"],))
    partner = Mention(R, HOSTILE["partner"], HOSTILE["partner"], evidence(HOSTILE["partner"]))
    relation = LocalRelation(EntityRef(U, HOSTILE["name"]), "partnersWith", EntityRef(R, HOSTILE["partner"]),
                             evidence(HOSTILE["partner"]), "pattern:<b>x</b>")
    meta = ArticleMetadata(title=HOSTILE["title"], url=HOSTILE["url"], source_name="<i>网</i>")
    return view_inputs([(article_with_text(article_id, text, meta),
                         ArticleExtraction(article_id, (unit, partner), (relation,)))])


# ------------------------------------------------------------------ bounded work
class TooSlow(Exception):
    """A call ran past its time limit (raised from a timer signal, so a hang fails instead of stalling)."""


@contextmanager
def _time_limit(seconds: float, what: str = "the call"):
    # Python's regex engine checks for signals while it backtracks, so a
    # pathological match is interrupted too, not only Python code. The limit is
    # on the process's CPU time (ITIMER_PROF), not the wall clock: a loaded
    # machine makes a fast rule slow by the clock, never by CPU; a rule that
    # backtracks without end runs over any limit either way.
    def interrupt(signum, frame):
        raise TooSlow(f"{what} took more than {seconds} s of CPU")

    previous = signal.signal(signal.SIGPROF, interrupt)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


@pytest.fixture
def time_limit():
    """``with time_limit(1.0): ...`` fails the test if the block takes more CPU time than that."""
    return _time_limit


# Marks that scraped pages repeat: ASCII and Chinese punctuation, the
# breadcrumb and link-bar separators (full-width ＞ included: rules see it
# folded to ">", the normalise stage sees it as is), bullets.
PUNCTUATION = ",.;:!?-_/\\|()[]{}<>\"'#*+=~`@%&^$" "，。、；：？！“”‘’《》【】（）「」『』…—·丨»›＞＜〈〉•●◆■▪"
# Repeated units: a character and a separator, a label and its colon, a date, a name list.
REPEATED_UNITS = (
    "a>", "社区>", "a > ", "a»", "a›", "a|", "a | ", "＞a", "1-", "1.", "12:", "a@", "a.", "记者张三 ", "张三、",
    "2024-1-1 ", "时间 ", "来源:", "(", "“社区”", "社區(qū)", "第1届", "1 ",
)


# Pattern-free text after a run: a pattern backtracks when it fails, not when it matches.
FAILING_TAIL = " x y"


# What may follow a rule's keyword for a long way: spaces, separators, colons, digits, text.
KEYWORD_FILLERS = (" ", ">", ":", "1", "中", "@", ".")


def _adversarial_lines(length: int, pattern: str | None = None) -> list[str]:
    """Lines of at most ``length`` characters that make a backtracking regex work hard.

    With a ``pattern``, also lines that open with each Chinese word it names
    (at most eight of them), so that a rule anchored on a keyword gets past it.
    """
    n = length - len(FAILING_TAIL)
    lines = []
    for mark in PUNCTUATION + " \t":
        lines += [mark * length, mark * n + FAILING_TAIL, "中" + mark * (n - 1) + "中"]
    for unit in REPEATED_UNITS:
        run = (unit * (length // len(unit) + 1))[:n]
        lines += [run, run + FAILING_TAIL]
    for word in sorted(set(re.findall(r"[\u4e00-\u9fff]+", pattern or "")))[:8]:
        lines += [(word + filler * n)[:n] + FAILING_TAIL for filler in KEYWORD_FILLERS]
    return lines


@pytest.fixture(scope="session")
def adversarial_lines():
    """``adversarial_lines(length, pattern=None)``: long runs of each mark and of repeated units,
    and of what may follow the pattern's keywords (see ``_adversarial_lines``)."""
    return _adversarial_lines


# ------------------------------------------------------------------------ cluster
# A real Dask cluster on 127.0.0.1: ``dask scheduler`` on a free port (it writes
# its address to a scheduler file) and worker processes, stopped at the end even
# when a test fails. Skipped, saying why, when dask.distributed is not installed.
CLUSTER_START_SECONDS = 60


def start_dask(kind: str, folder: Path, *args: str):
    env = dict(os.environ, DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES="1")  # a dying task fails fast
    with open(folder / f"{kind}-{len(list(folder.glob(kind + '-*')))}.log", "wb") as log:
        # A session of its own: the worker processes a nanny starts are stopped with it.
        return subprocess.Popen(
            [sys.executable, "-m", "dask", kind, *args],
            stdout=log, stderr=subprocess.STDOUT, env=env, cwd=folder, start_new_session=True,
        )


def stop_dask(processes) -> None:
    """Workers first (a worker whose scheduler has gone waits for it before it closes), then the scheduler."""
    for group in (processes[1:], processes[:1]):
        for process in group:
            process.terminate()
        for process in group:
            reap(process)


def reap(process) -> None:
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the session this fixture started, with what is left in it
        process.wait()


def dask_scheduler(folder: Path, workers: int):
    """Start a scheduler and ``workers`` single-threaded worker processes; return (address, processes)."""
    distributed = pytest.importorskip("distributed", reason="needs dask.distributed: pip install 'kg[distributed]'")
    folder.mkdir(parents=True, exist_ok=True)
    address_file = folder / "scheduler.json"
    address_file.unlink(missing_ok=True)
    host = ["--host", "127.0.0.1", "--no-dashboard"]
    processes = [start_dask("scheduler", folder, "--port", "0", "--scheduler-file", str(address_file), *host)]
    try:
        deadline = time.monotonic() + CLUSTER_START_SECONDS
        while not address_file.exists() or not address_file.read_text().strip():
            if time.monotonic() > deadline or processes[0].poll() is not None:
                raise RuntimeError(f"dask scheduler did not start: see {folder}")
            time.sleep(0.2)
        address = json.loads(address_file.read_text())["address"]
        for _ in range(workers):
            processes.append(
                start_dask("worker", folder, address, "--nworkers", "1", "--nthreads", "1", "--memory-limit", "0", *host)
            )
        if workers:
            with distributed.Client(address, timeout=CLUSTER_START_SECONDS, set_as_default=False) as client:
                client.wait_for_workers(workers, timeout=CLUSTER_START_SECONDS)
    except BaseException:
        stop_dask(processes)
        raise
    return address, processes


@contextmanager
def running_dask(folder: Path, workers: int):
    """``(address, processes)`` of a scheduler and ``workers`` worker processes, all stopped afterwards."""
    address, processes = dask_scheduler(folder, workers=workers)
    try:
        yield address, processes
    finally:
        stop_dask(processes)


@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory):
    """The address (tcp://127.0.0.1:PORT) of a scheduler with two worker processes."""
    with running_dask(tmp_path_factory.mktemp("dask"), workers=2) as (address, _):
        yield address


@pytest.fixture
def doomed_cluster(tmp_path_factory):
    """``(address, processes)`` of a scheduler and one worker that a test may kill (processes[0]: the scheduler)."""
    with running_dask(tmp_path_factory.mktemp("dask-doomed"), workers=1) as cluster:
        yield cluster


@pytest.fixture
def lonely_scheduler(tmp_path_factory):
    """The address of a scheduler that no worker joins."""
    with running_dask(tmp_path_factory.mktemp("dask-alone"), workers=0) as (address, _):
        yield address

@pytest.fixture(scope="session")
def built_graph(built_dir) -> Graph:
    return Graph().parse(built_dir / "graph.ttl", format="turtle")


@pytest.fixture(scope="session")
def turtle_only_dir(built_dir, tmp_path_factory) -> Path:
    """``built_dir``'s graph.ttl alone, without the store: what kg query and validate fall back to."""
    import shutil

    out = tmp_path_factory.mktemp("turtle-only")
    shutil.copy(built_dir / "graph.ttl", out / "graph.ttl")
    return out


SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory) -> Path:
    """A real build of seeds/ with --format trig (graph.ttl, graph.trig, graph.oxigraph/, views; read-only)."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("seeds-build") / "out"
    build([SEEDS], out, rdf_format="trig")
    return out
