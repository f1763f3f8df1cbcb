"""kg query: each example query over the hand-built corpus, the output formats, and the errors."""
import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli.commands import app
from kg.errors import GraphFileError, GraphNotFoundError, QueryError
from kg.model import RELATIONS
from kg.tools.query import QueryResult, Value, display_width, format_result, run_query

QUERIES = Path(__file__).parent.parent / "queries"
A_TITLE, B_TITLE = "创业园畔展新颜", "睦邻节暖人心"
SENTENCE_1 = "绵阳市涪城区创业园街道党工委指导柳家坪社区党总支联合涪江理工学院开展“微更新”工程。"


# The example names in the shipped queries (from the seeds build), and the fixture's names in their place.
EXAMPLE_NAMES = {"常德市": "绵阳市", "长家山社区党总支": "柳家坪社区党总支"}


def rows(built_dir: Path, name: str, *columns: str) -> list[tuple[str, ...]]:
    """The chosen columns of a query's result, as text ('' when unbound), in the query's order."""
    text = (QUERIES / name).read_text(encoding="utf-8")
    for shipped, ours in EXAMPLE_NAMES.items():  # the shipped queries name the seeds' places as examples
        text = text.replace(f'"{shipped}"@zh', f'"{ours}"@zh')
    result = run_query(text, built_dir)
    index = [result.variables.index(c) for c in columns]
    return [tuple("" if row[i] is None else row[i].value for i in index) for row in result.rows]


def test_there_are_at_least_eight_queries_each_with_a_comment_header():
    files = sorted(QUERIES.glob("*.rq"))
    assert len(files) >= 8
    for path in files:
        header = path.read_text(encoding="utf-8").splitlines()[:2]
        assert header[0].startswith("# ") and len(header[0]) > 20, path.name


def test_party_organisations_of_each_community_with_their_kinds(built_dir):
    assert rows(built_dir, "party_orgs_by_community.rq", "community", "organisation", "kind", "class") == [
        ("柳家坪社区", "柳家坪社区党总支", "党总支", "General party branch"),  # ordered by the community's name
        ("桂花巷社区", "桂花巷社区党委", "党委", "Party committee"),
    ]


def test_partners_shared_by_several_communities(built_dir):
    # 桂花巷社区 partners directly; 柳家坪社区 through its 党总支. 绵州职业技术学院 has one community.
    [(partner, count, names)] = rows(built_dir, "shared_partners.rq", "partner", "communities", "names")
    assert (partner, count) == ("涪江理工学院", "2")
    assert set(names.split("、")) == {"柳家坪社区", "桂花巷社区"}


def test_programs_by_kind_with_the_articles_that_mention_them(built_dir):
    assert rows(built_dir, "programs_by_kind.rq", "kind", "program", "title") == [
        ("event", "睦邻节", B_TITLE),
        ("project", "微更新", A_TITLE),
    ]


def test_facilities_with_their_area_or_capacity(built_dir):
    assert rows(built_dir, "facilities.rq", "facility", "area", "capacity", "owner") == [
        ("创业园文化公园", "1700", "", "创业园街道"),
        ("柳家坪党群服务中心", "", "368", "柳家坪社区"),
    ]


def test_the_administrative_tree_of_a_city_top_down(built_dir):
    # The other 西湖社区 (in 杭州市) is not under 绵阳市; 四川省 is above it.
    assert rows(built_dir, "admin_tree.rq", "unit", "level", "parent", "code") == [
        ("涪城区", "district", "绵阳市", "510703000000"),
        ("创业园街道", "subdistrict", "涪城区", "510703009000"),
        ("柳家坪社区", "community", "创业园街道", ""),
        ("桂花巷社区", "community", "创业园街道", ""),
        ("西湖社区", "community", "创业园街道", ""),
    ]


def test_who_leads_what(built_dir):
    # 李芳 is the committee's 副书记: a deputy does not lead.
    assert rows(built_dir, "who_leads_what.rq", "person", "role", "leads", "kindOfBody") == [
        ("周建明", "社区党委书记", "桂花巷社区党委", "党委"),
    ]


def span_of(article_text: str, sentence: str) -> tuple[str, str]:
    start = article_text.index(sentence)
    return str(start), str(start + len(sentence))


def test_where_the_facts_about_an_entity_came_from(built_dir):
    from conftest import ARTICLE_A, ARTICLE_B

    in_b = "柳家坪社区党总支举办睦邻节活动。"
    found = rows(built_dir, "fact_source.rq", "relation", "object", "title", "start", "end")
    assert found == [
        ("partnersWith", "涪江理工学院", A_TITLE, *span_of(ARTICLE_A, SENTENCE_1)),
        ("partyOrgOf", "柳家坪社区", A_TITLE, *span_of(ARTICLE_A, SENTENCE_1)),
        ("partyOrgOf", "柳家坪社区", B_TITLE, *span_of(ARTICLE_B, in_b)),
        ("runsProgram", "微更新", A_TITLE, *span_of(ARTICLE_A, SENTENCE_1)),
        ("runsProgram", "睦邻节", B_TITLE, *span_of(ARTICLE_B, in_b)),
        ("subOrganizationOf", "创业园街道党工委", A_TITLE, *span_of(ARTICLE_A, SENTENCE_1)),
    ]
    assert rows(built_dir, "fact_source.rq", "sentence")[0] == (SENTENCE_1,)


def test_every_relation_traces_to_a_sentence_of_the_original_text_or_to_the_gazetteer(built_dir, built_graph):
    from conftest import ARTICLE_TEXTS
    from rdflib import URIRef

    traced = rows(built_dir, "trace_relations.rq", "subject", "relation", "object", "sentence", "sentenceStart",
                  "sentenceEnd", "article")
    for *_, sentence, start, end, article in traced:
        assert ARTICLE_TEXTS[article.rsplit("/", 1)[-1]][int(start):int(end)] == sentence
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    gazetteer = URIRef("https://w3id.org/jiceng-kg/id/source/gazetteer")
    from_table = {
        tuple(built_graph.value(st, URIRef(rdf + part)) for part in ("subject", "predicate", "object"))
        for st in built_graph.subjects(URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), gazetteer)
    }
    label = {s: str(o) for s, o in built_graph.subject_objects(URIRef("http://www.w3.org/2000/01/rdf-schema#label"))}
    read = {(label[s], str(p).rsplit("#", 1)[-1], label[o]) for s, p, o in built_graph
            if str(p).rsplit("#", 1)[-1] in RELATIONS and (s, p, o) not in from_table}
    assert {(s, p, o) for s, p, o, *_ in traced} == read
    assert from_table and all(p == URIRef("https://w3id.org/jiceng-kg/ontology#partOf") for _, p, _ in from_table)
    assert rows(built_dir, "untraced_relations.rq", "subject") == []


def test_an_untraced_relation_is_listed_by_the_minus_query(built_dir, built_graph, tmp_path):
    import shutil

    from rdflib import Literal
    from rdflib.namespace import RDFS

    def entity(label):
        [node] = built_graph.subjects(RDFS.label, Literal(label, lang="zh"))
        return node

    shutil.copy(built_dir / "graph.ttl", tmp_path / "graph.ttl")
    with open(tmp_path / "graph.ttl", "a", encoding="utf-8") as out:  # a relation no statement traces
        out.write(f"\n<{entity('桂花巷社区')}> kg:runsProgram <{entity('睦邻节')}> .\n")
    assert rows(tmp_path, "untraced_relations.rq", "subject", "relation", "object") == [
        ("桂花巷社区", "runsProgram", "睦邻节")]


def test_homonyms_are_two_nodes_told_apart_by_their_parents(built_dir):
    found = rows(built_dir, "homonyms.rq", "name", "unit", "parent")
    assert [(name, parent) for name, _, parent in found] == [("西湖社区", "创业园街道"), ("西湖社区", "杭州市")]  # ordered by the parent's name
    assert found[0][1] != found[1][1]


def test_entities_by_class(built_dir):
    counts = {(top, cls): int(n) for top, cls, n in rows(built_dir, "entities_by_class.rq", "topClass", "class", "entities")}
    assert counts[("Administrative unit", "Community")] == 4
    assert counts[("Administrative unit", "Province")] == 2  # 四川省 and 浙江省, from the gazetteer
    assert counts[("Partner", "University")] == 2
    assert counts[("Person", "Person")] == 2
    assert sum(counts.values()) == 21


def test_query_text_may_leave_out_the_usual_prefixes(built_dir):
    result = run_query('ASK { ?x rdfs:label "柳家坪社区"@zh ; a kg:Community }', built_dir)
    assert result.boolean is True


def test_a_syntax_error_is_one_line_with_the_parser_message(built_dir):
    with pytest.raises(QueryError) as error:
        run_query("SELECT ?x WHERE { ?x ?y }", built_dir)
    message = str(error.value)
    assert message.startswith("SPARQL syntax error: error at 1:")
    assert "\n" not in message


def test_a_missing_graph_says_how_to_build_one(tmp_path):
    with pytest.raises(GraphNotFoundError, match=r"no graph in .*: run `kg build INPUT\.\.\. --out .*` first"):
        run_query("ASK {}", tmp_path)


def test_a_damaged_graph_is_reported_as_such_not_as_a_query_error(tmp_path):
    (tmp_path / "graph.ttl").write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(GraphFileError, match=r"graph.ttl is not readable Turtle \(.*\): rebuild it with `kg build"):
        run_query("ASK {}", tmp_path)


def test_a_missing_query_file_is_named(built_dir):
    with pytest.raises(QueryError, match="no query file nowhere.rq"):
        run_query("nowhere.rq", built_dir)


def test_a_query_file_with_another_extension_is_read_too(built_dir, tmp_path):
    path = tmp_path / "people.sparql"
    path.write_text("SELECT ?l WHERE { ?p a kg:Person ; rdfs:label ?l }", encoding="utf-8")
    assert sorted(row[0].value for row in run_query(str(path), built_dir).rows) == ["周建明", "李芳"]


QUERY = str(QUERIES / "who_leads_what.rq")


def test_csv_has_a_header_and_full_iris(built_dir):
    text = format_result(run_query("SELECT ?s ?l WHERE { ?s a kg:Person ; kg:leads ?x ; rdfs:label ?l }", built_dir), "csv")
    table = list(csv.reader(io.StringIO(text)))
    assert table[0] == ["s", "l"]
    assert table[1][0].startswith("https://w3id.org/jiceng-kg/id/person/")
    assert table[1][1] == "周建明"


def test_json_is_sparql_results_json(built_dir):
    document = json.loads(format_result(run_query(QUERY, built_dir), "json"))
    assert document["head"]["vars"] == ["person", "role", "leads", "kindOfBody"]
    [binding] = document["results"]["bindings"]
    assert binding["person"] == {"type": "literal", "value": "周建明", "xml:lang": "zh"}


def test_table_columns_line_up_with_chinese_text(built_dir):
    lines = format_result(run_query(str(QUERIES / "facilities.rq"), built_dir), "table").splitlines()
    header, rule, first, second, footer = lines
    assert footer == "(2 rows)"
    column_starts = [i for i, ch in enumerate(rule) if ch == "-" and (i == 0 or rule[i - 1] == " ")]

    def column_of(line: str, cell: str) -> int:
        return display_width(line[: line.index(cell)])

    assert [column_of(header, c) for c in ("facility", "area", "capacity", "count", "owner")] == column_starts
    assert [column_of(first, c) for c in ("创业园文化公园", "1700", "创业园街道")] == [column_starts[i] for i in (0, 1, 4)]
    assert [column_of(second, c) for c in ("柳家坪党群服务中心", "368", "柳家坪社区")] == [column_starts[i] for i in (0, 2, 4)]


XSD = "http://www.w3.org/2001/XMLSchema#"
KG_NS = "https://w3id.org/jiceng-kg/ontology#"
ASK_TRUE = QueryResult(variables=(), rows=(), boolean=True)
# One row of each kind of term, and an unbound cell; kg: is declared, so the table shortens kg: IRIs.
MIXED = QueryResult(
    variables=("term", "other"),
    rows=((Value("uri", KG_NS + "Community"), None),
          (Value("bnode", "b0"), Value("literal", "两行\n文字", "zh")),
          (Value("literal", "12", datatype=XSD + "integer"), Value("uri", "urn:x:y"))),
    prefixes=(("kg", KG_NS),),
)


@pytest.mark.parametrize(
    "result, fmt, expected",
    [
        (ASK_TRUE, "table", "true\n"),
        (ASK_TRUE, "csv", "boolean\r\ntrue\r\n"),
        (ASK_TRUE, "json", {"head": {}, "boolean": True}),
        (MIXED, "csv", f"term,other\r\n{KG_NS}Community,\r\nb0,\"两行\n文字\"\r\n12,urn:x:y\r\n"),
        (MIXED, "json", {"head": {"vars": ["term", "other"]}, "results": {"bindings": [
            {"term": {"type": "uri", "value": KG_NS + "Community"}},
            {"term": {"type": "bnode", "value": "b0"}, "other": {"type": "literal", "value": "两行\n文字", "xml:lang": "zh"}},
            {"term": {"type": "literal", "value": "12", "datatype": XSD + "integer"},
             "other": {"type": "uri", "value": "urn:x:y"}},
        ]}}),
    ],
)
def test_each_format_writes_each_kind_of_term(result, fmt, expected):
    text = format_result(result, fmt)
    assert (json.loads(text) if fmt == "json" else text) == expected


def test_the_table_shortens_declared_iris_marks_blank_nodes_and_keeps_rows_on_one_line():
    lines = format_result(MIXED, "table").splitlines()
    assert [line.split() for line in lines[2:]] == [["kg:Community"], ["_:b0", "两行⏎文字"], ["12", "urn:x:y"], ["(3", "rows)"]]


def test_an_unknown_format_is_refused_with_the_choices():
    with pytest.raises(QueryError, match="unknown result format 'xml': use table, csv or json"):
        format_result(ASK_TRUE, "xml")


def test_a_construct_gives_subject_predicate_object_rows(built_dir):
    result = run_query("CONSTRUCT { ?p kg:role ?r } WHERE { ?p a kg:Person ; kg:role ?r }", built_dir)
    assert result.variables == ("subject", "predicate", "object")
    assert {row[2].value for row in result.rows} == {"社区党委书记", "社区党委副书记"}  # 周建明 and 李芳
    assert {row[1].value for row in result.rows} == {KG_NS + "role"}


def test_cli_query_prints_the_table(built_dir):
    result = CliRunner().invoke(app, ["query", QUERY, "--out", str(built_dir)])
    assert result.exit_code == 0
    assert "周建明  社区党委书记  桂花巷社区党委  党委" in result.output


def test_cli_reports_a_missing_graph_as_one_error_line(tmp_path):
    result = CliRunner().invoke(app, ["query", QUERY, "--out", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: no graph in {tmp_path / 'none'}: run `kg build INPUT... --out {tmp_path / 'none'}` first"
    ]


# ------------------------------------------------------------------- the store
def iri_of(out: Path, label: str) -> str:
    [row] = run_query(f'SELECT DISTINCT ?e WHERE {{ ?e rdfs:label "{label}"@zh ; kg:mentionedIn ?a }}', out).rows
    return row[0].value


def test_untraced_relations_lists_a_relation_no_statement_reifies(built_dir, turtle_only_dir, tmp_path):
    community, program = iri_of(built_dir, "桂花巷社区"), iri_of(built_dir, "睦邻节")
    text = (turtle_only_dir / "graph.ttl").read_text("utf-8")
    (tmp_path / "graph.ttl").write_text(text + f"\n<{community}> kg:runsProgram <{program}> .\n", "utf-8")
    assert rows(tmp_path, "untraced_relations.rq", "subject", "relation", "object") == [("桂花巷社区", "runsProgram", "睦邻节")]


def test_the_store_is_queried_when_the_build_has_one(built_dir, tmp_path):
    import shutil

    import pyoxigraph as ox

    folder = tmp_path / "out"
    shutil.copytree(built_dir, folder)
    store = ox.Store(str(folder / "graph.oxigraph"))
    store.add(ox.Quad(ox.NamedNode("https://example.org/only-in-the-store"), ox.NamedNode(RDFS_LABEL), ox.Literal("仅在库中", language="zh")))
    store.flush()
    del store
    result = run_query('ASK { ?x rdfs:label "仅在库中"@zh }', folder)
    assert result.boolean is True
    header = [line for line in (folder / "graph.ttl").read_text("utf-8").splitlines() if line.startswith("@prefix")]
    (folder / "graph.ttl").write_text("\n".join(header) + "\n", encoding="utf-8")  # prefixes, no triples
    assert run_query("SELECT ?l WHERE { ?p a kg:Person ; rdfs:label ?l } ORDER BY ?l", folder).rows[0][0].value == "周建明"


RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def test_store_and_turtle_give_the_same_answers(built_dir, turtle_only_dir):
    def answer(out):  # GROUP_CONCAT joins in no set order: compare its parts
        return [[sorted(v.value.split("、")) if v else None for v in row] for row in run_query(str(path), out).rows]

    for path in sorted(QUERIES.glob("*.rq")):
        assert answer(built_dir) == answer(turtle_only_dir), path.name


def test_a_damaged_store_is_one_error_line(tmp_path, turtle_only_dir):
    import shutil

    shutil.copy(turtle_only_dir / "graph.ttl", tmp_path / "graph.ttl")
    (tmp_path / "graph.oxigraph").mkdir()
    (tmp_path / "graph.oxigraph" / "CURRENT").write_text("MANIFEST-nowhere\n")
    with pytest.raises(GraphFileError, match=r"graph.oxigraph is not a readable Oxigraph store \(.*\): rebuild it"):
        run_query("ASK {}", tmp_path)


def test_a_query_on_the_store_imports_neither_rdflib_nor_jieba(built_dir):
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from kg.cli.commands import app\n"
        f"result = CliRunner().invoke(app, ['query', 'SELECT (COUNT(*) AS ?n) WHERE {{ ?a a kg:Article }}', '--out', {str(built_dir)!r}])\n"
        "assert result.exit_code == 0, result.output\n"
        "print(result.output.split()[-3], *sorted(m for m in ('rdflib', 'jieba', 'networkx', 'pyshacl') if m in sys.modules))\n"
    )
    output = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    assert output == ["2"]
