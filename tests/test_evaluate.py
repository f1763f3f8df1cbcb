"""Scoring a graph against gold annotations: hand-built graphs, hand-counted figures."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from typer.testing import CliRunner

from kg.cli.commands import app
from kg.errors import GraphFileError, GoldError, GraphNotFoundError
from kg.tools.evaluate import format_scores, load_gold, load_graph, normalise_name, score_dir, score_graph
from kg.rdf.vocab import DATA, KG

REFERENCE_SCORER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "kgscore.py"
SEED_GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "seeds"

# The finer classes the tiny graphs use, under their top classes.
SUBCLASSES = {
    KG.Province: KG.AdministrativeUnit,
    KG.City: KG.AdministrativeUnit,
    KG.District: KG.AdministrativeUnit,
    KG.Subdistrict: KG.AdministrativeUnit,
    KG.Community: KG.AdministrativeUnit,
    KG.PartyCommittee: KG.PartyOrganization,
    KG.Project: KG.Program,
    KG.University: KG.Partner,
}


# --------------------------------------------------------------------- helpers
def new_graph() -> Graph:
    graph = Graph()
    for cls, top in SUBCLASSES.items():
        graph.add((cls, RDFS.subClassOf, top))
    return graph


def add_entity(graph: Graph, node_id: str, cls: URIRef, label: str) -> URIRef:
    node = DATA[node_id]
    graph.add((node, RDF.type, cls))
    graph.add((node, RDFS.label, Literal(label, lang="zh")))
    return node


def entity(type_: str, name: str, **fields) -> dict:
    return {"type": type_, "name": name, **fields}


def write_gold(folder: Path, name: str, entities: list, relations=(), noise=()) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    doc = {"article": f"{name}.txt", "entities": entities, "relations": list(relations), "noise": list(noise)}
    (folder / f"{name}.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    return folder


def report_row(report: str, name: str) -> list[str]:
    """The cells after ``name`` on its line of the text report."""
    line = next(line for line in report.splitlines() if line.startswith(name + " "))
    return line[len(name) :].split()


def score(graph: Graph, gold_dir: Path) -> dict:
    return score_graph(graph, load_gold(gold_dir))


def counts(figures: dict) -> tuple[int, int, int]:
    return figures["tp"], figures["fp"], figures["fn"]


# ----------------------------------------------------------------- entities
def test_two_of_three_found_and_one_false_positive(tmp_path):
    gold = write_gold(tmp_path, "a", [entity("Program", n) for n in ("微更新", "四步议事法", "固本工程")])
    graph = new_graph()
    add_entity(graph, "p1", KG.Project, "微更新")
    add_entity(graph, "p2", KG.Program, "四步议事法")
    add_entity(graph, "p3", KG.Program, "点亮工程")

    scores = score(graph, gold)

    program = scores["per_type"]["Program"]
    assert counts(program) == (2, 1, 1)
    assert program["p"] == program["r"] == program["f1"] == 0.667
    assert program["missed"] == ["固本工程"]
    assert program["false_pos"] == ["点亮工程"]
    assert counts(scores["entities"]) == (2, 1, 1)
    assert report_row(format_scores(scores), "Program") == ["0.667", "0.667", "0.667", "2", "1", "1"]


def test_subclass_chain_reaches_the_top_class(tmp_path):
    gold = write_gold(tmp_path, "a", [entity("AdministrativeUnit", "松溪社区")])
    graph = new_graph()
    graph.add((KG.Compound, RDFS.subClassOf, KG.Community))  # two steps below the top class
    add_entity(graph, "u1", KG.Compound, "松溪社区")
    add_entity(graph, "a1", KG.Article, "柳岸新景")  # not an entity class: ignored

    scores = score(graph, gold)

    assert counts(scores["entities"]) == (1, 0, 0)


def test_a_class_outside_the_chain_does_not_count(tmp_path):
    gold = write_gold(tmp_path, "a", [entity("AdministrativeUnit", "松溪社区")])
    graph = Graph()  # no rdfs:subClassOf: kg:Community alone says nothing of its top class
    add_entity(graph, "u1", KG.Community, "松溪社区")

    assert score(graph, gold)["entities"]["fn"] == 1


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("“微更新”", "微更新"),
        ("《松溪百姓报》", "松溪百姓报"),
        ("「柳荫里」", "柳荫里"),
        ("柳岸 街道", "柳岸街道"),
        ("松溪社区\u3000", "松溪社区"),
        ("ＪＯＹ空间", "JOY空间"),  # full-width letters, by NFKC
        ("溪上初心 ‘禾’你同行", "溪上初心禾你同行"),
    ],
)
def test_normalise_name(written, normalised):
    assert normalise_name(written) == normalised


def test_labels_match_aliases_after_normalisation(tmp_path):
    gold = write_gold(tmp_path, "a", [entity("Program", "微更新", aliases=["“微更新”工程"])])
    graph = new_graph()
    add_entity(graph, "p1", KG.Program, "微更新 工程")

    assert score(graph, gold)["per_type"]["Program"]["tp"] == 1


def test_alt_labels_are_not_names_for_matching(tmp_path):
    gold = write_gold(tmp_path, "a", [entity("Program", "微更新")])
    graph = new_graph()
    node = add_entity(graph, "p1", KG.Program, "老旧小区微更新")
    graph.add((node, SKOS.altLabel, Literal("微更新", lang="zh")))

    assert score(graph, gold)["per_type"]["Program"]["tp"] == 0


def test_an_unmerged_second_node_is_a_duplicate(tmp_path):
    gold = write_gold(
        tmp_path, "a", [entity("AdministrativeUnit", "柳岸街道", aliases=["青禾区柳岸街道"])]
    )
    graph = new_graph()
    add_entity(graph, "u1", KG.Subdistrict, "柳岸街道")
    add_entity(graph, "u2", KG.Subdistrict, "青禾区柳岸街道")

    scores = score(graph, gold)

    unit = scores["per_type"]["AdministrativeUnit"]
    assert counts(unit) == (1, 1, 0)
    assert scores["duplicates"] == 1
    assert unit["false_pos"] == ["柳岸街道 (duplicate)"]
    assert scores["entities_untyped_recall"] == 1.0


def test_wrong_class_is_a_false_positive_there_and_a_miss_in_the_gold_class(tmp_path):
    gold = write_gold(tmp_path, "a", [entity("Partner", "青禾学院")])
    graph = new_graph()
    add_entity(graph, "x1", KG.Project, "青禾学院")

    scores = score(graph, gold)

    assert scores["per_type"]["Program"]["false_pos"] == ["青禾学院 (gold: Partner)"]
    assert scores["per_type"]["Partner"]["fn"] == 1
    assert scores["entities_untyped_recall"] == 1.0  # found, though under the wrong class


def test_boilerplate_names_are_leaks_unless_also_gold(tmp_path):
    gold = write_gold(
        tmp_path, "a", [entity("AdministrativeUnit", "青禾区")], noise=["岭东市", "云溪县", "青禾区"]
    )
    graph = new_graph()
    add_entity(graph, "u1", KG.District, "青禾区")
    add_entity(graph, "u2", KG.City, "岭东市")

    scores = score(graph, gold)

    assert scores["boilerplate_leaks"] == ["岭东市"]
    assert scores["per_type"]["AdministrativeUnit"]["fp"] == 1
    assert "boilerplate leaks     1: 岭东市" in format_scores(scores)


def test_optional_entities_neither_count_for_nor_against(tmp_path):
    gold = write_gold(
        tmp_path,
        "a",
        [entity("Partner", "物业公司", optional=True), entity("Partner", "业委会", optional=True)],
    )
    graph = new_graph()
    add_entity(graph, "p1", KG.Partner, "物业公司")  # found: not a true positive, not a false one

    scores = score(graph, gold)

    assert counts(scores["entities"]) == (0, 0, 0)


def test_implicit_units_are_scored_as_hierarchy_completion_only(tmp_path):
    gold = write_gold(
        tmp_path,
        "a",
        [
            entity("AdministrativeUnit", "南岭省", implicit=True),
            entity("AdministrativeUnit", "禾城市", implicit=True, parent="南岭省"),
            entity("AdministrativeUnit", "青禾区", parent="禾城市"),
        ],
    )
    graph = new_graph()
    add_entity(graph, "u1", KG.City, "禾城市")
    add_entity(graph, "u2", KG.District, "青禾区")

    scores = score(graph, gold)

    assert counts(scores["entities"]) == (1, 0, 0)
    assert scores["hierarchy_completion"] == 0.5  # 禾城市 of 南岭省 and 禾城市


def test_an_entity_is_implicit_only_if_every_file_says_so(tmp_path):
    write_gold(tmp_path, "a", [entity("AdministrativeUnit", "禾城市", implicit=True)])
    gold = write_gold(tmp_path, "b", [entity("AdministrativeUnit", "禾城市", aliases=["禾城"])])
    graph = new_graph()
    add_entity(graph, "u1", KG.City, "禾城")

    scores = score(graph, gold)

    assert scores["entities"]["tp"] == 1
    assert scores["hierarchy_completion"] is None


# ----------------------------------------------------------------- homonyms
def homonym_gold(folder: Path) -> Path:
    """Two 西湖街道 under two districts, annotated in two files."""
    write_gold(
        folder,
        "a",
        [entity("AdministrativeUnit", "西湖区"), entity("AdministrativeUnit", "西湖街道", parent="西湖区")],
        relations=[["西湖街道", "partOf", "西湖区"]],
    )
    return write_gold(
        folder,
        "b",
        [entity("AdministrativeUnit", "鼓楼区"), entity("AdministrativeUnit", "西湖街道", parent="鼓楼区")],
        relations=[["西湖街道", "partOf", "鼓楼区"]],
    )


def homonym_graph() -> Graph:
    graph = new_graph()
    # The node under 鼓楼区 sorts first, so without the parent it would take
    # the first-annotated 西湖街道 (the one under 西湖区).
    west_lake_a = add_entity(graph, "s1", KG.Subdistrict, "西湖街道")
    west_lake_b = add_entity(graph, "s2", KG.Subdistrict, "西湖街道")
    gulou = add_entity(graph, "d1", KG.District, "鼓楼区")
    xihu = add_entity(graph, "d2", KG.District, "西湖区")
    graph.add((west_lake_a, KG.partOf, gulou))
    graph.add((west_lake_b, KG.partOf, xihu))
    return graph


def test_homonyms_are_told_apart_by_their_parent(tmp_path):
    scores = score(homonym_graph(), homonym_gold(tmp_path))

    assert counts(scores["per_type"]["AdministrativeUnit"]) == (4, 0, 0)
    assert scores["duplicates"] == 0
    assert counts(scores["relations"]) == (2, 0, 0)


def test_homonyms_without_parents_in_the_graph_pair_up_in_order(tmp_path):
    graph = new_graph()
    add_entity(graph, "s1", KG.Subdistrict, "西湖街道")
    add_entity(graph, "s2", KG.Subdistrict, "西湖街道")
    add_entity(graph, "s3", KG.Subdistrict, "西湖街道")

    scores = score(graph, homonym_gold(tmp_path))

    unit = scores["per_type"]["AdministrativeUnit"]
    assert counts(unit) == (2, 1, 2)  # the districts are missing
    assert scores["duplicates"] == 1
    assert unit["missed"] == ["西湖区", "鼓楼区"]


# ---------------------------------------------------------------- relations
def relation_gold(folder: Path) -> Path:
    return write_gold(
        folder,
        "a",
        [
            entity("AdministrativeUnit", "松溪社区", parent="柳岸街道"),
            entity("AdministrativeUnit", "柳岸街道"),
            entity("PartyOrganization", "松溪社区党总支"),
            entity("Partner", "青禾学院"),
            entity("Partner", "物业公司", optional=True),
        ],
        relations=[
            ["松溪社区", "partOf", "柳岸街道"],
            ["松溪社区党总支", "partyOrgOf", "松溪社区"],
            ["柳岸街道", "partnersWith", "青禾学院"],
            ["松溪社区", "partnersWith", "物业公司"],
        ],
    )


def relation_nodes(graph: Graph) -> dict[str, URIRef]:
    return {
        "community": add_entity(graph, "c", KG.Community, "松溪社区"),
        "subdistrict": add_entity(graph, "s", KG.Subdistrict, "柳岸街道"),
        "branch": add_entity(graph, "b", KG.PartyOrganization, "松溪社区党总支"),
        "university": add_entity(graph, "u", KG.University, "青禾学院"),
        "property": add_entity(graph, "p", KG.Partner, "物业公司"),
        "stranger": add_entity(graph, "x", KG.Program, "不在金标准里的项目"),
    }


def test_partners_with_matches_in_either_direction(tmp_path):
    graph = new_graph()
    n = relation_nodes(graph)
    graph.add((n["university"], KG.partnersWith, n["subdistrict"]))  # gold has it the other way round

    scores = score(graph, relation_gold(tmp_path))

    partners = scores["per_relation"]["partnersWith"]
    assert (partners["p"], partners["r"], partners["gold"]) == (1.0, 1.0, 1)
    assert counts(scores["relations"]) == (1, 0, 2)


def test_relation_precision_and_recall(tmp_path):
    graph = new_graph()
    n = relation_nodes(graph)
    graph.add((n["community"], KG.partOf, n["subdistrict"]))  # right
    graph.add((n["subdistrict"], KG.partOf, n["community"]))  # wrong way round: partOf is not symmetric
    graph.add((n["branch"], KG.runsProgram, n["stranger"]))  # an end that is not in the gold
    graph.add((n["community"], KG.partnersWith, n["property"]))  # optional end: ignored

    scores = score(graph, relation_gold(tmp_path))

    # gold scored: partOf, partyOrgOf, partnersWith (the optional one is left out)
    assert counts(scores["relations"]) == (1, 2, 2)
    assert scores["relations"]["p"] == scores["relations"]["r"] == 0.333
    part_of = scores["per_relation"]["partOf"]
    assert (part_of["p"], part_of["r"], part_of["gold"]) == (0.5, 1.0, 1)  # one right, one reversed
    # a relation to a non-gold entity counts only in the overall figure (its fp above): not per relation
    assert (scores["per_relation"]["runsProgram"]["p"], scores["per_relation"]["runsProgram"]["gold"]) == (0.0, 0)
    assert scores["per_relation"]["partyOrgOf"]["missed"] == ["松溪社区党总支|partyOrgOf|松溪社区"]


# ------------------------------------------------------------------ loading
@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{", "not valid JSON: Expecting property name enclosed in double quotes (line 1, column 2)"),
        ('{"entities": [], "x": NaN}', "not valid JSON: NaN is not allowed"),
        ('{"entities": [], "entities": []}', "not valid JSON: key 'entities' appears twice in one object"),
        ("[]", "the file must hold one JSON object"),
        ('{"relations": []}', "missing the required key 'entities'"),
        ('{"entities": {}}', "'entities' must be a list"),
        ('{"entities": [{"type": "Program"}]}', "entities[0]: missing the required key 'name'"),
        (
            '{"entities": [{"type": "Place", "name": "x"}]}',
            "entities[0]: unknown type 'Place' (one of AdministrativeUnit, PartyOrganization, Program, "
            "Facility, Partner, Person)",
        ),
        ('{"entities": [{"type": "Program", "name": "“”"}]}', "entities[0]: 'name' must be a non-empty string, not '“”'"),
        ('{"entities": [{"type": "Program", "name": "x", "aliases": "y"}]}', "entities[0]: 'aliases' must be a list of strings"),
        ('{"entities": [{"type": "Program", "name": "x", "optional": "yes"}]}', "entities[0]: 'optional' must be true or false"),
        ('{"entities": [], "relations": [["a", "partOf"]]}', "relations[0]: must be a list [subject, relation, object] of three strings"),
        ('{"entities": [], "relations": [["a", "locatedIn", "b"]]}', "relations[0]: unknown relation 'locatedIn'"),
        ('{"entities": [], "noise": [1]}', "noise[0]: must be a string"),
    ],
)
def test_malformed_gold_names_the_file_and_the_problem(tmp_path, content, problem):
    (tmp_path / "bad.json").write_text(content, "utf-8")

    with pytest.raises(GoldError) as error:
        load_gold(tmp_path)

    assert str(error.value).startswith(f"{tmp_path / 'bad.json'}: {problem}")


def test_gold_folder_without_files(tmp_path):
    with pytest.raises(GoldError, match=r"no gold files \(\*\.json\) in .*; see docs/gold-format.md"):
        load_gold(tmp_path)


def test_missing_graph_says_how_to_build_one(tmp_path):
    with pytest.raises(GraphNotFoundError) as error:
        load_graph(tmp_path)

    assert str(error.value) == f"no graph in {tmp_path}: run `kg build INPUT... --out {tmp_path}` first"


def test_unreadable_graph_says_to_rebuild(tmp_path):
    (tmp_path / "graph.ttl").write_text("this is not turtle {", "utf-8")

    with pytest.raises(GraphFileError, match=r"graph\.ttl is not readable Turtle \(.*\): rebuild it with `kg build"):
        load_graph(tmp_path)


# ---------------------------------------------------------------------- CLI
def built_out_dir(folder: Path) -> Path:
    graph = new_graph()
    add_entity(graph, "p1", KG.Project, "微更新")
    add_entity(graph, "p2", KG.Program, "点亮工程")
    out = folder / "out"
    out.mkdir()
    graph.serialize(out / "graph.ttl", format="turtle")
    return out


def test_cli_eval_prints_the_figures(tmp_path):
    out = built_out_dir(tmp_path)
    gold = write_gold(tmp_path / "gold", "a", [entity("Program", "微更新"), entity("Program", "固本工程")])

    result = CliRunner().invoke(app, ["eval", str(gold), "--out", str(out)])

    assert result.exit_code == 0, result.output
    assert report_row(result.stdout, "Program") == ["0.500", "0.500", "0.500", "1", "1", "1"]
    assert report_row(result.stdout, "all entities") == ["0.500", "0.500", "0.500", "1", "1", "1"]


def test_cli_eval_json_is_the_reference_layout(tmp_path):
    out = built_out_dir(tmp_path)
    gold = write_gold(tmp_path / "gold", "a", [entity("Program", "微更新")])

    result = CliRunner().invoke(app, ["eval", str(gold), "--out", str(out), "--json"])

    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["entities"] == {"p": 0.5, "r": 1.0, "f1": 0.667, "tp": 1, "fp": 1, "fn": 0}
    assert figures["per_type"]["Program"]["false_pos"] == ["点亮工程"]


def test_cli_eval_without_a_graph(tmp_path):
    gold = write_gold(tmp_path / "gold", "a", [entity("Program", "微更新")])
    missing = tmp_path / "nowhere"

    result = CliRunner().invoke(app, ["eval", str(gold), "--out", str(missing)])

    assert result.exit_code == 1
    assert result.stderr == f"Error: no graph in {missing}: run `kg build INPUT... --out {missing}` first\n"


def test_cli_eval_with_bad_gold(tmp_path):
    out = built_out_dir(tmp_path)
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.json").write_text('{"entities": [{"type": "Program"}]}', "utf-8")

    result = CliRunner().invoke(app, ["eval", str(gold), "--out", str(out)])

    assert result.exit_code == 1
    assert result.stderr == f"Error: {gold / 'a.json'}: entities[0]: missing the required key 'name'\n"


# ------------------------------------------------ agreement with kgscore.py
def reference_scorer():
    """The shared reference scorer, when this checkout sits beside ../shared."""
    if not REFERENCE_SCORER.is_file():
        pytest.skip("../shared/tools/kgscore.py is not present")
    spec = importlib.util.spec_from_file_location("kgscore", REFERENCE_SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def imperfect_graph(gold_dir: Path) -> Graph:
    """A graph that gets some gold right and some wrong, in every way the scorer counts.

    Built deterministically from the gold files: misses, aliases with quotation
    marks, wrong classes, duplicates, implicit and optional entities,
    boilerplate names, relations reversed, mislabelled or to unknown nodes.
    """
    graph = new_graph()
    node_of: dict[str, URIRef] = {}
    docs = [json.loads(p.read_text("utf-8")) for p in sorted(gold_dir.glob("*.json"))]
    items = [item for doc in docs for item in doc["entities"]]
    wrong_class = {"Program": KG.Partner, "Partner": KG.Facility, "Facility": KG.Program}
    for i, item in enumerate(items):
        if i % 7 == 3:
            continue
        cls = wrong_class.get(item["type"], KG.Person) if i % 11 == 5 else KG[item["type"]]
        if item["type"] == "AdministrativeUnit" and i % 2:
            cls = KG.Community
        label = item["aliases"][0] if i % 3 == 0 and item.get("aliases") else item["name"]
        node = add_entity(graph, f"e{i:04d}", cls, f"“{label}”" if i % 5 == 1 else label)
        node_of.setdefault(item["name"], node)
        if i % 13 == 0:
            add_entity(graph, f"e{i:04d}dup", cls, item["name"])
    for j, name in enumerate(sorted({n for doc in docs for n in doc.get("noise", [])})[:3]):
        add_entity(graph, f"noise{j}", KG.AdministrativeUnit, name)
    stranger = add_entity(graph, "zz-stranger", KG.Program, "不在金标准里的项目")
    relations = [tuple(r) for doc in docs for r in doc.get("relations", [])]
    for j, (subject, relation, obj) in enumerate(relations):
        s, o = node_of.get(subject), node_of.get(obj)
        if s is None or o is None or j % 4 == 1:
            continue
        if relation == "partnersWith" and j % 2 == 0:
            s, o = o, s
        predicate = KG.hasFacility if j % 9 == 2 else KG[relation]
        graph.add((s, predicate, o))
        if j % 10 == 0:
            graph.add((s, KG.runsProgram, stranger))
    return graph


def test_same_figures_as_the_reference_scorer_on_the_seed_gold():
    kgscore = reference_scorer()
    if not SEED_GOLD.is_dir():
        pytest.skip("../shared/gold/seeds is not present")
    graph = imperfect_graph(SEED_GOLD)

    ours = score_graph(graph, load_gold(SEED_GOLD))

    assert ours["entities"]["tp"] > 0 and ours["entities"]["fp"] > 0 and ours["duplicates"] > 0  # imperfect
    assert ours["boilerplate_leaks"] and ours["relations"]["tp"] > 0 and ours["relations"]["fp"] > 0
    assert ours == kgscore.score(graph, str(SEED_GOLD))


def test_same_figures_as_the_reference_scorer_on_homonyms(tmp_path):
    kgscore = reference_scorer()
    gold = homonym_gold(tmp_path)
    graph = homonym_graph()

    assert score(graph, gold) == kgscore.score(graph, str(gold))


def test_same_figures_as_the_reference_scorer_through_the_cli_path(tmp_path):
    kgscore = reference_scorer()
    gold = relation_gold(tmp_path / "gold")
    graph = new_graph()
    n = relation_nodes(graph)
    graph.add((n["university"], KG.partnersWith, n["subdistrict"]))
    graph.add((n["branch"], KG.runsProgram, n["stranger"]))
    out = tmp_path / "out"
    out.mkdir()
    graph.serialize(out / "graph.ttl", format="turtle")

    assert score_dir(out, gold) == kgscore.score(kgscore.load_graph([str(out)], None), str(gold))
