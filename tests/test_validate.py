"""kg validate: the shapes accept a well-formed graph and name each thing a broken one lacks."""
import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from typer.testing import CliRunner

from kg.cli.commands import app
from kg.errors import GraphNotFoundError
from kg.rdf import iri
from kg.rdf.vocab import KG
from kg.tools.validate import validate_graph
from pathlib import Path

import pyoxigraph as ox

from kg.rdf.export import PREFIXES, compact_iri
from kg.rdf.vocab import DATA_IRI

ORG = Namespace("http://www.w3.org/ns/org#")
ARTICLE = URIRef(iri.article_iri("a1a1a1a1a1a1a1a1"))


def entity(graph, label):
    return next(s for s in graph.subjects(RDFS.label, Literal(label, lang="zh")) if (s, RDF.type, KG.Article) not in graph)


def first_mention(graph):
    return min(graph.subjects(KG.mentionOf, entity(graph, "柳家坪社区")))


def add_second_label(graph):
    graph.add((entity(graph, "柳家坪社区"), RDFS.label, Literal("柳家坪", lang="zh")))


def make_label_english(graph):
    unit = entity(graph, "桂花巷社区")
    graph.remove((unit, RDFS.label, None))
    graph.add((unit, RDFS.label, Literal("Huayuandong")))


def unlink_articles(graph):
    graph.remove((entity(graph, "睦邻节"), KG.mentionedIn, None))


def add_untraced_relation(graph):
    graph.add((entity(graph, "桂花巷社区"), KG.runsProgram, entity(graph, "睦邻节")))


def drop_mention_begin(graph):
    graph.remove((first_mention(graph), KG.beginIndex, None))


def swap_mention_offsets(graph):
    graph.set((first_mention(graph), KG.beginIndex, Literal(-1)))


def drop_content_hash(graph):
    graph.remove((ARTICLE, KG.contentHash, None))


def point_part_of_at_a_program(graph):
    graph.add((entity(graph, "涪城区"), KG.partOf, entity(graph, "微更新")))


def add_a_second_parent(graph):
    graph.add((entity(graph, "柳家坪社区"), KG.partOf, entity(graph, "涪城区")))


def shorten_a_code(graph):
    unit = entity(graph, "涪城区")
    graph.set((unit, KG.divisionCode, Literal("510703", datatype=KG.DivisionCode)))


def state_a_missing_triple(graph):
    graph.remove((entity(graph, "周建明"), KG.leads, entity(graph, "桂花巷社区党委")))


def join_a_unit(graph):
    membership = next(graph.subjects(RDF.type, ORG.Membership))
    graph.set((membership, ORG.organization, entity(graph, "桂花巷社区")))


def broken(built_dir, tmp_path, *changes):
    graph = Graph().parse(built_dir / "graph.ttl", format="turtle")
    for change in changes:
        change(graph)
    graph.serialize(tmp_path / "graph.ttl", format="turtle")
    return tmp_path


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (add_second_label, "(柳家坪) rdfs:label: must have exactly one rdfs:label, in Chinese (@zh)"),
        (make_label_english, "(Huayuandong) rdfs:label: must have exactly one rdfs:label, in Chinese (@zh)"),
        (unlink_articles, "(睦邻节): must be kg:mentionedIn an article and have a kg:Mention"),
        (add_untraced_relation, "(桂花巷社区) kg:runsProgram: relation"),
        (drop_mention_begin, "kg:beginIndex: must have one kg:beginIndex"),
        (swap_mention_offsets, "kg:beginIndex: must have one kg:beginIndex, an offset ≥ 0"),
        (drop_content_hash, "(创业园畔展新颜) kg:contentHash: must have exactly one kg:contentHash"),
        (point_part_of_at_a_program, "(涪城区) kg:partOf: kg:partOf points to the one direct parent"),
        (add_a_second_parent, "(柳家坪社区) kg:partOf: kg:partOf points to the one direct parent"),
        (shorten_a_code, "(涪城区) kg:divisionCode: a division code is one kg:divisionCode of 12 digits"),
        (state_a_missing_triple, "states a triple that is not in the graph"),
        (join_a_unit, "org:organization: a membership is in exactly one organisation"),
    ],
)
def test_each_violation_is_one_line_naming_the_node_path_and_problem(built_dir, tmp_path, change, expected):
    violations = validate_graph(broken(built_dir, tmp_path, change))
    assert any(expected in line for line in violations), violations
    assert all("\n" not in line for line in violations)


def test_the_hand_built_graph_conforms(built_dir):
    assert validate_graph(built_dir) == []


def test_an_untyped_relation_end_is_caught(built_dir, tmp_path):
    def untype(graph):
        graph.remove((entity(graph, "绵州职业技术学院"), RDF.type, None))

    assert any("kg:partnersWith must point to a partner" in line for line in validate_graph(broken(built_dir, tmp_path, untype)))


def test_a_missing_graph_is_a_clear_error(tmp_path):
    with pytest.raises(GraphNotFoundError, match="no graph in"):
        validate_graph(tmp_path)


def test_cli_validate_exits_0_when_the_graph_conforms(built_dir):
    result = CliRunner().invoke(app, ["validate", str(built_dir)])
    assert result.exit_code == 0
    assert "conforms" in result.output


def test_cli_validate_prints_one_line_per_violation_and_exits_1(built_dir, tmp_path):
    result = CliRunner().invoke(app, ["validate", str(broken(built_dir, tmp_path, add_second_label, unlink_articles))])
    assert result.exit_code == 1
    assert "2 violation(s)" in result.output


# -------------------------------------------- breaking a copy of a real build
# Each breakage picks its nodes in the seeds build by their shape (never by
# name), changes a copy of graph.ttl with one SPARQL update, and names the
# line kg validate must print. The unbroken build conforms, so every such
# line is the breakage's.
def _pick(store, select: str) -> dict:
    solutions = store.query(select, prefixes=PREFIXES)
    rows = sorted(({v.value: s[v] for v in solutions.variables} for s in solutions), key=lambda r: [str(t) for t in r.values()])
    assert rows, f"the build has nothing to break for: {select}"
    return rows[0]


def _show(term) -> str:
    return compact_iri(term.value)


def second_label(store):
    row = _pick(store, "SELECT ?e ?l WHERE { ?e a kg:Community ; rdfs:label ?l ; kg:mentionedIn ?a }")
    return f'INSERT DATA {{ {row["e"]} rdfs:label "{row["l"].value}（别名）"@zh }}', f"{_show(row['e'])} ({row['l'].value}) rdfs:label: must have exactly one rdfs:label, in Chinese (@zh)"


def untagged_label(store):
    row = _pick(store, "SELECT ?e ?l WHERE { ?e a kg:Facility ; rdfs:label ?l }")
    update = f'DELETE DATA {{ {row["e"]} rdfs:label {row["l"]} }} ; INSERT DATA {{ {row["e"]} rdfs:label "{row["l"].value}" }}'
    return update, f"{_show(row['e'])} ({row['l'].value}) rdfs:label: must have exactly one rdfs:label, in Chinese (@zh)"


def no_article(store):
    row = _pick(store, "SELECT ?e ?l WHERE { ?e a/rdfs:subClassOf* kg:Program ; rdfs:label ?l ; kg:mentionedIn ?a }")
    return f"DELETE WHERE {{ {row['e']} kg:mentionedIn ?a }}", f"{_show(row['e'])} ({row['l'].value}): must be kg:mentionedIn an article and have a kg:Mention"


def untraced_relation(store):
    row = _pick(store, "SELECT ?st ?s ?o ?l WHERE { ?st rdf:subject ?s ; rdf:predicate kg:runsProgram ; rdf:object ?o . ?s rdfs:label ?l }")
    return f"DELETE WHERE {{ {row['st']} ?p ?x }} ; DELETE WHERE {{ {row['st']} ?q ?y }}", (
        f"{_show(row['s'])} ({row['l'].value}) kg:runsProgram: relation kg:runsProgram to {_show(row['o'])} has no kg:RelationStatement"
    )


def inverted_offsets(store):
    row = _pick(store, "SELECT ?s ?start ?end WHERE { ?s kg:inArticle ?article ; kg:start ?start ; kg:end ?end }")
    update = f"DELETE DATA {{ {row['s']} kg:start {row['start']} }} ; INSERT DATA {{ {row['s']} kg:start {int(row['end'].value) + 1} }}"
    return update, f"{_show(row['s'])} kg:start: must have one kg:start, an offset ≥ 0 and < kg:end"


def part_of_a_program(store):
    row = _pick(store, "SELECT ?u ?l ?p WHERE { ?u a kg:Community ; rdfs:label ?l . ?p a/rdfs:subClassOf* kg:Program }")
    return f"INSERT DATA {{ {row['u']} kg:partOf {row['p']} }}", f"{_show(row['u'])} ({row['l'].value}) kg:partOf: kg:partOf points to the one direct parent, an administrative unit"


def cycle_with_level_inversion(store):
    row = _pick(store, "SELECT ?p ?l ?c WHERE { ?c a kg:Community ; kg:partOf+ ?p . ?p a kg:Province ; rdfs:label ?l }")
    return f"INSERT DATA {{ {row['p']} kg:partOf {row['c']} }}", f"{_show(row['p'])} ({row['l'].value}) kg:partOf: lies on a kg:partOf cycle"


def level_inversion(store):
    update, _ = cycle_with_level_inversion(store)
    row = _pick(store, "SELECT ?p ?l ?c WHERE { ?c a kg:Community ; kg:partOf+ ?p . ?p a kg:Province ; rdfs:label ?l }")
    return update, f"{_show(row['p'])} ({row['l'].value}) kg:partOf: is kg:partOf {_show(row['c'])}, which is not of a higher level"


def mention_of_nothing(store):
    row = _pick(store, "SELECT ?m ?e WHERE { ?m kg:mentionOf ?e }")
    update = f"DELETE DATA {{ {row['m']} kg:mentionOf {row['e']} }} ; INSERT DATA {{ {row['m']} kg:mentionOf <{DATA_IRI}unit/no-such-entity> }}"
    return update, f"{_show(row['m'])} kg:mentionOf: kg:mentionOf must point to an entity of the graph"


def offsets_past_the_article(store):
    row = _pick(store, "SELECT ?s ?start ?end ?n WHERE { ?s kg:inArticle ?article ; kg:start ?start ; kg:end ?end ; kg:inArticle ?a . ?a kg:characters ?n }")
    start, end = int(row["start"].value) + 900_000, int(row["end"].value) + 900_000
    update = (
        f"DELETE WHERE {{ {row['s']} kg:start ?x }} ; DELETE WHERE {{ {row['s']} kg:end ?y }} ; "
        f"INSERT DATA {{ {row['s']} kg:start {start} ; kg:end {end} }}"
    )
    return update, f"{_show(row['s'])} kg:end: kg:end {end} lies past the end of its article ({row['n'].value} characters)"


def unit_also_partner_and_person(store):
    row = _pick(store, "SELECT ?u ?l WHERE { ?u a kg:Subdistrict ; rdfs:label ?l }")
    return f"INSERT DATA {{ {row['u']} a kg:Partner, kg:Person }}", f"{_show(row['u'])} ({row['l'].value}): is typed with more than one top class"


def code_of_another_province(store):
    row = _pick(store, """SELECT ?u ?l ?code ?other ?parentCode WHERE {
        ?u a kg:District ; rdfs:label ?l ; kg:divisionCode ?code ; kg:partOf ?parent . ?parent kg:divisionCode ?parentCode .
        ?v a kg:District ; kg:divisionCode ?other . FILTER (SUBSTR(STR(?code), 1, 2) != SUBSTR(STR(?other), 1, 2)) }""")
    update = (
        f"DELETE DATA {{ {row['u']} kg:divisionCode {row['code']} }} ; "
        f"INSERT DATA {{ {row['u']} kg:divisionCode {row['other']} }}"
    )
    expected = f"{_show(row['u'])} ({row['l'].value}) kg:divisionCode: division code {row['other'].value} does not lie inside its parent's ({row['parentCode'].value})"
    return update, expected


def sentence_unrelated_to_its_relation(store):
    row = _pick(store, """SELECT ?st ?from ?other WHERE {
        ?st rdf:subject ?s ; rdf:object ?o ; prov:wasDerivedFrom ?from .
        ?from kg:inArticle ?a . ?other kg:inArticle ?a .
        OPTIONAL { ?m1 kg:inSentence ?other ; kg:mentionOf ?s } OPTIONAL { ?m2 kg:inSentence ?other ; kg:mentionOf ?o }
        FILTER (!BOUND(?m1) && !BOUND(?m2)) }""")
    update = f"DELETE DATA {{ {row['st']} prov:wasDerivedFrom {row['from']} }} ; INSERT DATA {{ {row['st']} prov:wasDerivedFrom {row['other']} }}"
    return update, f"{_show(row['st'])} prov:wasDerivedFrom: is prov:wasDerivedFrom {_show(row['other'])}, which mentions neither its subject nor its object"


def offsets_that_select_other_words(store):
    row = _pick(store, "SELECT ?m ?b ?t ?surface WHERE { ?m kg:beginIndex ?b ; kg:surface ?surface ; kg:inSentence ?s . ?s kg:text ?t FILTER (?b + STRLEN(?surface) + 2 < STRLEN(?t)) }")
    begin = int(row["b"].value) + 2
    update = f"DELETE WHERE {{ {row['m']} kg:beginIndex ?x }} ; INSERT DATA {{ {row['m']} kg:beginIndex {begin} }}"
    selected = row["t"].value[begin:begin + len(row["surface"].value)]
    return update, f"{_show(row['m'])}: kg:beginIndex selects \"{selected}\" in its sentence, not its kg:surface"


def a_skip_level_parent(store):
    row = _pick(store, "SELECT ?u ?l ?g WHERE { ?u a kg:Community ; rdfs:label ?l ; kg:partOf/kg:partOf ?g }")
    return f"INSERT DATA {{ {row['u']} kg:partOf {row['g']} }}", f"{_show(row['u'])} ({row['l'].value}) kg:partOf: kg:partOf points to the one direct parent"


def gazetteer_fact_citing_a_sentence(store):
    row = _pick(store, """SELECT ?st ?s WHERE { ?st kg:extractionRule "gazetteer" ; rdf:subject ?u . ?m kg:mentionOf ?u ; kg:inSentence ?s }""")
    return f"INSERT DATA {{ {row['st']} prov:wasDerivedFrom {row['s']} }}", f"{_show(row['st'])} prov:wasDerivedFrom: is a fact of the gazetteer"


def implicit_unit_with_a_mention(store):
    row = _pick(store, "SELECT ?u ?l ?m ?e WHERE { ?u kg:implicit true ; rdfs:label ?l . ?m kg:mentionOf ?e . ?e a kg:Community }")
    update = f"DELETE DATA {{ {row['m']} kg:mentionOf {row['e']} }} ; INSERT DATA {{ {row['m']} kg:mentionOf {row['u']} }}"
    return update, f"{_show(row['u'])} ({row['l'].value}): is a kg:implicit unit (added from the gazetteer) yet has a kg:Mention"


def mention_in_no_sentence(store):
    # Sentences carry no rdf:type, so a mention's sentence is checked by the sentence shape it is a target of.
    row = _pick(store, "SELECT ?m ?s WHERE { ?m kg:inSentence ?s }")
    missing = f"<{DATA_IRI}sentence/no-such-sentence>"
    update = f"DELETE DATA {{ {row['m']} kg:inSentence {row['s']} }} ; INSERT DATA {{ {row['m']} kg:inSentence {missing} }}"
    return update, f"sentence:no-such-sentence kg:inArticle: must be kg:inArticle exactly one kg:Article"


def statement_without_a_rule(store):
    # Statements carry no rdf:type: the rule is what makes one a kg:RelationStatement.
    row = _pick(store, "SELECT ?st ?r WHERE { ?st kg:extractionRule ?r ; prov:wasDerivedFrom ?from . ?from kg:inArticle ?a }")
    return f"DELETE WHERE {{ {row['st']} kg:extractionRule ?r }}", (
        f"{_show(row['st'])} kg:extractionRule: a relation statement names at least one kg:extractionRule")


# The thirteen: six the first shapes caught, seven they missed; then three more of model v2, and two
# of the untyped sentences and statements.
BREAKAGES = [
    second_label, untagged_label, no_article, untraced_relation, inverted_offsets, part_of_a_program,
    cycle_with_level_inversion, mention_of_nothing, offsets_past_the_article, unit_also_partner_and_person,
    code_of_another_province, sentence_unrelated_to_its_relation, offsets_that_select_other_words,
    level_inversion, a_skip_level_parent, gazetteer_fact_citing_a_sentence, implicit_unit_with_a_mention,
    mention_in_no_sentence, statement_without_a_rule,
]


def broken_copy(build: Path, folder: Path, breakage) -> tuple[Path, str]:
    """``folder/graph.ttl``: the build's graph.ttl with ``breakage`` applied (no store beside it)."""
    store = ox.Store()
    store.bulk_load(path=str(build / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    update, expected = breakage(store)
    store.update(update, prefixes=PREFIXES)
    folder.mkdir()
    store.dump(str(folder / "graph.ttl"), format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=PREFIXES)
    return folder, expected


def test_the_seeds_build_conforms(seeds_build):
    assert validate_graph(seeds_build) == []


@pytest.mark.parametrize("breakage", BREAKAGES, ids=[b.__name__ for b in BREAKAGES])
def test_kg_validate_fails_on_a_broken_copy_of_a_real_build_naming_the_breakage(seeds_build, tmp_path, breakage):
    folder, expected = broken_copy(seeds_build, tmp_path / "broken", breakage)
    result = CliRunner().invoke(app, ["validate", str(folder)])
    assert result.exit_code == 1
    assert any(line.startswith(expected) for line in result.stdout.splitlines()), (expected, result.stdout)
